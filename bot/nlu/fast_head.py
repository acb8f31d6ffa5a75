"""The triage heads' inference in a few numpy operations, with scikit-learn's exact results.

Why: a triage head is a character-n-gram TF-IDF vectoriser and a sigmoid-calibrated linear
SVM (three folds). Asking scikit-learn for the probabilities of one short message costs about
5 ms per head, nearly all of it input checking and sparse-matrix plumbing around a few dozen
multiplications; the two heads were a tenth of the Rasa server's CPU under load
(docs/performance.md). Here the fitted parameters are copied into plain arrays once and one
message is scored directly.

`compile_head` only compiles what it can reproduce exactly (TF-IDF as the project configures
it, `CalibratedClassifierCV` over `LinearSVC` with sigmoid calibration, every class in every
fold); otherwise it returns None and the caller keeps using scikit-learn. The caller checks
the compiled head against scikit-learn on probe texts before using it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np

_WHITESPACE = re.compile(r"\s\s+")


@dataclass(frozen=True)
class CharTfidf:
    """`TfidfVectorizer(analyzer="char", sublinear_tf=True, lowercase=False)`, norm l2."""

    vocabulary: Dict[str, int]
    idf: np.ndarray
    low: int
    high: int

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> CharTfidf:
        """Rebuild from a head's stored arrays (`terms`, `idf`, `ngram_range`)."""
        low, high = state["ngram_range"]
        vocabulary = {str(t): i for i, t in enumerate(state["terms"].tolist())}
        return cls(vocabulary, np.asarray(state["idf"]), int(low), int(high))

    @classmethod
    def from_vectorizer(cls, vectorizer: Any) -> Optional[CharTfidf]:
        """Copy a fitted vectoriser, or None when it is configured otherwise."""
        expected = {
            "analyzer": "char",
            "sublinear_tf": True,
            "lowercase": False,
            "norm": "l2",
            "use_idf": True,
            "strip_accents": None,
            "preprocessor": None,
            "binary": False,
        }
        params = vectorizer.get_params()
        if any(params.get(key) != value for key, value in expected.items()):
            return None
        low, high = vectorizer.ngram_range
        return cls(dict(vectorizer.vocabulary_), np.asarray(vectorizer.idf_), low, high)

    def arrays(self, prefix: str) -> Dict[str, np.ndarray]:
        """The vocabulary (terms in column order), idf and n-gram range, keys prefixed."""
        terms = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        return {
            f"{prefix}terms": np.array(terms, dtype=str),
            f"{prefix}idf": self.idf,
            f"{prefix}ngram_range": np.array([self.low, self.high]),
        }

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray], prefix: str) -> CharTfidf:
        """The inverse of `arrays`."""
        return cls.from_state(
            {
                "terms": arrays[f"{prefix}terms"],
                "idf": arrays[f"{prefix}idf"],
                "ngram_range": [int(n) for n in arrays[f"{prefix}ngram_range"].tolist()],
            }
        )

    def ngrams(self, text: str) -> List[str]:
        """scikit-learn's character n-grams (whitespace runs count as one space)."""
        text = _WHITESPACE.sub(" ", text)
        return [
            text[i : i + n]
            for n in range(self.low, min(self.high, len(text)) + 1)
            for i in range(len(text) - n + 1)
        ]

    def vector(self, text: str) -> Tuple[np.ndarray, np.ndarray]:
        """Column indices and l2-normalised TF-IDF values of the known n-grams."""
        counts: Dict[int, int] = {}
        for gram in self.ngrams(text):
            column = self.vocabulary.get(gram)
            if column is not None:
                counts[column] = counts.get(column, 0) + 1
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        columns = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        values = (1.0 + np.log(tf)) * self.idf[columns]
        norm = np.sqrt(np.dot(values, values))
        return columns, values / norm if norm > 0 else values


@dataclass(frozen=True)
class CompiledHead:
    """A head's vectorisers and calibrated SVM folds as arrays."""

    main: CharTfidf
    tail: Optional[CharTfidf]
    tail_weight: float
    weights: np.ndarray  # (n_features, folds * classes): the folds' SVM coefficients
    intercepts: np.ndarray  # (folds, classes)
    slopes: np.ndarray  # (folds, classes): sigmoid calibration a
    offsets: np.ndarray  # (folds, classes): sigmoid calibration b

    def arrays(self) -> Dict[str, np.ndarray]:
        """Everything the head scores with, as plain arrays (for `np.savez`).

        Why: the triage classifier stored its heads with skops, and importing skops alone
        cost ~6 s of CPU in a training process (docs/performance.md, training round); the
        compiled head is all that predicts, so its arrays are the model.
        """
        arrays = {
            **self.main.arrays("main_"),
            "tail_weight": np.array(self.tail_weight),
            "weights": self.weights,
            "intercepts": self.intercepts,
            "slopes": self.slopes,
            "offsets": self.offsets,
        }
        if self.tail is not None:
            arrays.update(self.tail.arrays("tail_"))
        return arrays

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray]) -> CompiledHead:
        """The head `arrays` describes (same floats: the same probabilities, bit for bit)."""
        tail = CharTfidf.from_arrays(arrays, "tail_") if "tail_terms" in arrays else None
        return cls(
            main=CharTfidf.from_arrays(arrays, "main_"),
            tail=tail,
            tail_weight=float(arrays["tail_weight"]),
            weights=arrays["weights"],
            intercepts=arrays["intercepts"],
            slopes=arrays["slopes"],
            offsets=arrays["offsets"],
        )

    def features(self, text: str, last_clause: str) -> Tuple[np.ndarray, np.ndarray]:
        """The head's feature vector: text n-grams, then the weighted last-clause n-grams."""
        columns, values = self.main.vector(text)
        if self.tail is None:
            return columns, values
        tail_columns, tail_values = self.tail.vector(last_clause)
        return (
            np.concatenate([columns, tail_columns + len(self.main.idf)]),
            np.concatenate([values, self.tail_weight * tail_values]),
        )

    def probabilities(self, columns: np.ndarray, values: np.ndarray) -> np.ndarray:
        """Class probabilities: each fold's calibrated sigmoids, normalised, averaged."""
        folds, classes = self.intercepts.shape
        decision = (values @ self.weights[columns]).reshape(folds, classes) + self.intercepts
        proba = 1.0 / (1.0 + np.exp(self.slopes * decision + self.offsets))
        total = proba.sum(axis=1, keepdims=True)
        uniform = np.full_like(proba, 1.0 / classes)
        proba = np.divide(proba, total, out=uniform, where=total != 0)
        proba[(proba > 1.0) & (proba <= 1.0 + 1e-5)] = 1.0
        return proba.mean(axis=0)


def _folds(classifier: Any, classes: Sequence[str]) -> Optional[List[Tuple[Any, List[Any]]]]:
    """(LinearSVC, sigmoid calibrators in class order) per fold, if that is what was fitted."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.svm import LinearSVC

    if not isinstance(classifier, CalibratedClassifierCV) or classifier.method != "sigmoid":
        return None
    if len(classes) < 3:  # binary heads score one column; not needed by the project
        return None
    folds = []
    for fold in classifier.calibrated_classifiers_:
        svm = getattr(fold, "estimator", None) or getattr(fold, "base_estimator", None)
        if not isinstance(svm, LinearSVC) or [str(c) for c in svm.classes_] != list(classes):
            return None
        folds.append((svm, list(fold.calibrators)))
    return folds


def compile_head(head: Dict[str, Any]) -> Optional[CompiledHead]:
    """A compiled copy of a fitted head, or None if it is not a model this module reproduces."""
    vectorizer, classifier = head.get("vectorizer"), head.get("classifier")
    if vectorizer is None or classifier is None:
        return None
    main = CharTfidf.from_vectorizer(vectorizer)
    tail_vectorizer = head.get("tail_vectorizer")
    tail = CharTfidf.from_vectorizer(tail_vectorizer) if tail_vectorizer is not None else None
    folds = _folds(classifier, head["classes"])
    if main is None or folds is None or (tail_vectorizer is not None and tail is None):
        return None
    weights = np.hstack([svm.coef_.T for svm, _ in folds])
    if weights.shape[0] != len(main.idf) + (len(tail.idf) if tail is not None else 0):
        return None
    return CompiledHead(
        main=main,
        tail=tail,
        tail_weight=float(head.get("tail_weight", 0.0)),
        weights=weights,
        intercepts=np.vstack([svm.intercept_ for svm, _ in folds]),
        slopes=np.array([[c.a_ for c in calibrators] for _, calibrators in folds]),
        offsets=np.array([[c.b_ for c in calibrators] for _, calibrators in folds]),
    )
