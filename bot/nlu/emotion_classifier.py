"""Rasa component: the learned customer-emotion head (calm / upset / angry).

Training data is its own file, not NLU examples: `data/emotion/train.yml` (the `data`
setting, relative to the project root), one block of messages per label. It has no `nlu:`
key, so Rasa's importer never mistakes it for intent examples, and the intent data stays
free of a label most of its examples would not need. Rasa does not know the component reads
the file, so `fingerprint_addon` adds the file's hash to the graph fingerprint: editing it
retrains the component (scripts/run's staleness check covers data/ already).

The head (`bot.triage.emotion_model.EmotionHead`: character n-gram TF-IDF, multinomial
logistic regression) is stored as plain numpy arrays (`np.savez`, loaded with
`allow_pickle=False`), so loading a model never unpickles anything.

Output: `complaint_triage.emotion = {"code", "confidence", "ranking": [{"code",
"confidence"}, ...]}` (all three labels, best first; code None when the message has no
known character n-gram). The component merges into the `complaint_triage` property the
triage classifier sets, so it must come after `ComplaintTriageClassifier` in config.yml.
What the bot does with it (the lexicon stays a high-precision override, the head lifts
calm to upset or angry) is `bot.triage.emotion.combine_emotion`, shared by the actions, the
ticket and `POST /api/triage`.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any, Dict, List, Optional

import numpy as np
import rasa.shared.utils.io
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.settings import PROJECT_ROOT
from bot.triage.emotion_model import (
    DEFAULT_C,
    DEFAULT_NGRAMS,
    EmotionHead,
    LearnedEmotion,
    read_emotion_file,
)

logger = logging.getLogger(__name__)

OUTPUT_PROPERTY = "complaint_triage"
EMOTION_KEY = "emotion"
_ARRAYS = ("classes", "terms", "idf", "ngram_range", "coef", "intercept")


def data_path(config: Dict[str, Any]) -> Path:
    """The training file: as configured if absolute, else relative to the project root."""
    path = Path(str(config.get("data") or ""))
    return path if path.is_absolute() else PROJECT_ROOT / path


def emotion_output(verdict: Optional[LearnedEmotion]) -> Dict[str, Any]:
    """The `complaint_triage.emotion` block for one message."""
    if verdict is None:
        return {"code": None, "confidence": 0.0, "ranking": []}
    ranking = sorted(verdict.probabilities.items(), key=lambda item: -item[1])
    return {
        "code": verdict.emotion,
        "confidence": verdict.confidence,
        "ranking": [{"code": code, "confidence": p} for code, p in ranking],
    }


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True)
class ComplaintEmotionClassifier(GraphComponent):
    """Adds the learned emotion and its probabilities to `complaint_triage`."""

    MODEL_FILE = "complaint_emotion.npz"

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Data file and model settings (C and n-grams by cross-validation, docs/emotion.md)."""
        return {
            "data": "data/emotion/train.yml",
            "C": DEFAULT_C,
            "min_ngram": DEFAULT_NGRAMS[0],
            "max_ngram": DEFAULT_NGRAMS[1],
        }

    @staticmethod
    def required_packages() -> List[str]:
        """Python packages the component needs."""
        return ["sklearn"]

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        """The training file's hash: Rasa retrains the component when the file changes."""
        path = data_path({**cls.get_default_config(), **config})
        try:
            return hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return None

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        head: Optional[EmotionHead] = None,
    ) -> None:
        """Create the component, trained when `head` is given."""
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self._head = head or EmotionHead()

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ComplaintEmotionClassifier:
        """Create an untrained component (see `GraphComponent.create`)."""
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        """Fit the head on the emotion file (the NLU training data is not used)."""
        path = data_path(self._config)
        if not path.is_file():
            rasa.shared.utils.io.raise_warning(
                f"{self.__class__.__name__}: no emotion training file at {path}; the bot "
                f"falls back to the emotion lexicon alone."
            )
            return self._resource
        pairs = read_emotion_file(path)
        self._head = EmotionHead.fit(
            [text for text, _ in pairs],
            [label for _, label in pairs],
            C=float(self._config["C"]),
            ngrams=(int(self._config["min_ngram"]), int(self._config["max_ngram"])),
        )
        self.persist()
        return self._resource

    def persist(self) -> None:
        """Store the head as numpy arrays."""
        state = self._head.state()
        with self._model_storage.write_to(self._resource) as model_dir:
            np.savez(
                model_dir / self.MODEL_FILE,
                **{key: np.asarray(state[key]) for key in _ARRAYS},
            )

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> ComplaintEmotionClassifier:
        """Load the trained head; untrained (no emotion output) if there is none."""
        try:
            with model_storage.read_from(resource) as model_dir:
                with np.load(model_dir / cls.MODEL_FILE, allow_pickle=False) as stored:
                    state = {key: stored[key] for key in _ARRAYS}
        except (ValueError, FileNotFoundError, OSError):
            logger.debug(f"No trained {cls.__name__} in resource '{resource.name}'.")
            return cls(config, model_storage, resource)
        state["classes"] = [str(c) for c in state["classes"].tolist()]
        state["ngram_range"] = [int(n) for n in state["ngram_range"].tolist()]
        return cls(config, model_storage, resource, EmotionHead(state))

    def process(self, messages: List[Message]) -> List[Message]:
        """Add `complaint_triage.emotion` to each message (when the head is trained)."""
        if not self._head.fitted:
            return messages
        verdicts = self._head.predict([message.get(TEXT) or "" for message in messages])
        for message, verdict in zip(messages, verdicts, strict=True):
            triage = dict(message.get(OUTPUT_PROPERTY) or {})
            triage[EMOTION_KEY] = emotion_output(verdict)
            message.set(OUTPUT_PROPERTY, triage, add_to_output=True)
        return messages
