"""Rasa's CountVectorsFeaturizer, with the features of a parsed message counted directly.

Why: at inference Rasa's component calls scikit-learn's `CountVectorizer.transform` twice
per message (the tokens as rows, then the joined tokens as one sentence), and for a handful
of tokens nearly all of that call is scikit-learn's and scipy's per-call work (input checks,
array conversions, building and re-checking a CSR matrix). With two such featurizers this
was about 8 % of the Rasa server's CPU per message (docs/performance.md). Here the same
analyzer and the same fitted vocabulary count the n-grams in a dict, and the COO matrices
are built straight from the counts: equal to Rasa's in shape, dtype, values and entry order
(tests/bot/nlu/test_count_vectors.py compares them on every training message).

Training, persistence and loading are Rasa's component unchanged, so a model trained with
`CountVectorsFeaturizer` and one trained with this class hold the same vocabularies.

`sequence_features: false` leaves out the per-token (sequence) matrices: only DIET-like
components and CRF entity extractors read them, and this project's classifiers read the
sentence features alone, so building them was half of the featurizers' work for nothing.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Tuple

import numpy as np
import scipy.sparse
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import DENSE_FEATURIZABLE_ATTRIBUTES
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
    CountVectorsFeaturizer,
)
from sklearn.feature_extraction.text import CountVectorizer

SparseList = List[Optional[scipy.sparse.spmatrix]]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class DirectCountVectorsFeaturizer(CountVectorsFeaturizer):
    """`CountVectorsFeaturizer` whose `_create_features` counts without `transform`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Rasa's featurizer, with a counter per attribute made on first use."""
        super().__init__(*args, **kwargs)
        self._ngram_counters: Dict[str, _NgramCounter] = {}
        self._sequence_features = bool(self._config.get("sequence_features", True))

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Rasa's defaults, and sequence features on (as Rasa's featurizer builds them)."""
        return {**CountVectorsFeaturizer.get_default_config(), "sequence_features": True}

    def _create_features(
        self, attribute: str, all_tokens: List[List[str]]
    ) -> Tuple[SparseList, SparseList]:
        """Rasa's sequence and sentence features of each token list, counted directly."""
        vectorizer = self.vectorizers.get(attribute) if self.vectorizers else None
        if vectorizer is None:
            return [None], [None]
        sequence_features: SparseList = []
        sentence_features: SparseList = []
        for tokens in all_tokens:
            if not tokens:
                sequence_features.append(None)
                sentence_features.append(None)
                continue
            counter = self._counter(attribute, vectorizer)
            sequence_features.append(counter.matrix(tokens) if self._sequence_features else None)
            if attribute in DENSE_FEATURIZABLE_ATTRIBUTES:
                sentence_features.append(counter.matrix([" ".join(tokens)]))
            else:
                sentence_features.append(None)
        return sequence_features, sentence_features

    def _counter(self, attribute: str, vectorizer: CountVectorizer) -> _NgramCounter:
        """The attribute's counter, rebuilt if the vectorizer was replaced (training)."""
        counter = self._ngram_counters.get(attribute)
        if counter is None or counter.vectorizer is not vectorizer:
            counter = self._ngram_counters[attribute] = _NgramCounter(vectorizer)
        return counter


class _NgramCounter:
    """What `CountVectorizer.transform` computes for a fitted vectorizer, without its checks.

    The analyzer and the vocabulary are fixed once the vectorizer is fitted or loaded.
    """

    def __init__(self, vectorizer: CountVectorizer) -> None:
        self.vectorizer = vectorizer
        if not hasattr(vectorizer, "vocabulary_"):
            vectorizer.transform([""])  # a loaded vectorizer sets vocabulary_ on first use
        self._analyze: Callable[[str], List[str]] = vectorizer.build_analyzer()
        self._vocabulary: Dict[str, int] = vectorizer.vocabulary_
        self._width = len(self._vocabulary)
        self._dtype = np.dtype(vectorizer.dtype)

    def matrix(self, documents: List[str]) -> scipy.sparse.coo_matrix:
        """One row per document, columns sorted within a row, as `transform` + `tocoo`."""
        rows: List[int] = []
        columns: List[int] = []
        values: List[int] = []
        for row, document in enumerate(documents):
            counts: Dict[int, int] = {}
            for ngram in self._analyze(document):
                column = self._vocabulary.get(ngram)
                if column is not None:
                    counts[column] = counts.get(column, 0) + 1
            for column in sorted(counts):
                rows.append(row)
                columns.append(column)
                values.append(counts[column])
        return scipy.sparse.coo_matrix(
            (
                np.asarray(values, dtype=self._dtype),
                (np.asarray(rows, dtype=np.int32), np.asarray(columns, dtype=np.int32)),
            ),
            shape=(len(documents), self._width),
        )
