"""Character n-grams of the whole normalised message, across jieba's word boundaries.

Why: Rasa's CountVectorsFeaturizer vectorises each token on its own, so with `char_wb` (and
even with `char`) no n-gram spans two jieba words. Jieba segments the same words differently
by context, and typos, homophones, colloquial forms and Traditional text make it split
differently again ("没收到" is "没收" + "到"; "退宽一直没到" splits unlike "退款一直没到"), so a
phrase the training data has can reach the classifier as unrelated n-grams. Counting the
n-grams of the message text as the tokenizer normalised it (Simplified, half-width, digits
folded; whitespace dropped) gives the same phrase the same features whatever the
segmentation. The intent classifier adds them to the per-token ones; by paired 5-fold
cross-validation on data/nlu (docs/intent_dev.md) this raised intent macro-F1 and lowered
both the fallback and the misroute rates.

Only sentence features are produced: the intent classifier reads nothing else, and
sequence features would have to match the tokens row for row.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any, Dict, List, Optional, Type

import scipy.sparse
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.sparse_featurizer.sparse_featurizer import SparseFeaturizer
from rasa.nlu.tokenizers.tokenizer import Tokenizer
from rasa.shared.nlu.constants import TEXT, TEXT_TOKENS
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.feature_extraction.text import CountVectorizer

logger = logging.getLogger(__name__)

VOCABULARY_FILE = "vocabulary.json"
_DIGITS = re.compile(r"[0-9]+")


def message_text(message: Message) -> str:
    """The message as its tokens spell it (normalised by the tokenizer), without spaces.

    The tokenizer folds every digit to 0; a run of them becomes one "0" here, so that a
    16-digit order number adds one number to the counts rather than fourteen "000"s.
    """
    tokens = message.get(TEXT_TOKENS) or []
    return _DIGITS.sub("0", "".join(token.text for token in tokens).lower())


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class MessageCharNgramFeaturizer(SparseFeaturizer, GraphComponent):
    """Counts of the character n-grams (`min_ngram`..`max_ngram`) of the tokens' text.

    The vocabulary is what the training messages contain; unknown n-grams are ignored.
    """

    @classmethod
    def required_components(cls) -> List[Type]:
        """The tokens carry the normalised text."""
        return [Tokenizer]

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Character 1- to 3-grams (chosen by paired cross-validation)."""
        return {**SparseFeaturizer.get_default_config(), "min_ngram": 1, "max_ngram": 3}

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        vocabulary: Optional[Dict[str, int]] = None,
    ) -> None:
        """A featurizer with the given vocabulary (None until trained)."""
        super().__init__(execution_context.node_name, config)
        self._model_storage = model_storage
        self._resource = resource
        self._vectorizer: Optional[CountVectorizer] = None
        if vocabulary is not None:
            self._vectorizer = self._new_vectorizer(vocabulary)

    @classmethod
    def validate_config(cls, config: Dict[str, Any]) -> None:
        """`1 <= min_ngram <= max_ngram`, both integers."""
        low, high = config.get("min_ngram"), config.get("max_ngram")
        if not (isinstance(low, int) and isinstance(high, int) and 1 <= low <= high):
            raise ValueError(
                f"{cls.__name__}: need integers 1 <= min_ngram <= max_ngram, got {low!r}, {high!r}"
            )

    def _new_vectorizer(self, vocabulary: Optional[Dict[str, int]] = None) -> CountVectorizer:
        return CountVectorizer(
            analyzer="char",
            ngram_range=(self._config["min_ngram"], self._config["max_ngram"]),
            lowercase=False,  # message_text lower-cases already
            vocabulary=vocabulary,
        )

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> MessageCharNgramFeaturizer:
        """An untrained featurizer."""
        return cls(config, model_storage, resource, execution_context)

    def train(self, training_data: TrainingData) -> Resource:
        """Learn the n-gram vocabulary of the training messages and persist it."""
        texts = [message_text(m) for m in training_data.training_examples]
        texts = [t for t in texts if t]
        if not texts:
            logger.debug(f"{self.__class__.__name__}: no text to learn a vocabulary from")
            return self._resource
        self._vectorizer = self._new_vectorizer()
        self._vectorizer.fit(texts)
        with self._model_storage.write_to(self._resource) as folder:
            vocabulary = {term: int(i) for term, i in self._vectorizer.vocabulary_.items()}
            (folder / VOCABULARY_FILE).write_text(
                json.dumps(vocabulary, ensure_ascii=False), encoding="utf-8"
            )
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Add the features to every training message."""
        self._add_features(training_data.training_examples)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        """Add the features to the messages being parsed."""
        self._add_features(messages)
        return messages

    def _add_features(self, messages: List[Message]) -> None:
        if self._vectorizer is None:
            return
        messages = [m for m in messages if m.get(TEXT) is not None]
        if not messages:
            return
        matrix = self._vectorizer.transform([message_text(m) for m in messages])
        for row, message in enumerate(messages):
            features: scipy.sparse.spmatrix = matrix[row].tocoo()
            self.add_features_to_message(None, features, TEXT, message)

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> MessageCharNgramFeaturizer:
        """The featurizer with its stored vocabulary (untrained when there is none)."""
        try:
            with model_storage.read_from(resource) as folder:
                vocabulary = json.loads((folder / VOCABULARY_FILE).read_text(encoding="utf-8"))
        except (ValueError, FileNotFoundError):
            logger.debug(f"{cls.__name__}: no stored vocabulary, features will be empty")
            vocabulary = None
        return cls(config, model_storage, resource, execution_context, vocabulary)
