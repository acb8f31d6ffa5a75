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
from pathlib import Path
from typing import Any, Dict, Optional

import rasa.shared.utils.io
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.learned_head import LearnedHeadComponent
from bot.settings import PROJECT_ROOT
from bot.triage.emotion_model import (
    DEFAULT_C,
    DEFAULT_NGRAMS,
    EmotionHead,
    LearnedEmotion,
    read_emotion_file,
)

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
class ComplaintEmotionClassifier(LearnedHeadComponent):
    """Adds the learned emotion and its probabilities to `complaint_triage`."""

    ARRAYS = _ARRAYS
    OUTPUT_KEY = EMOTION_KEY
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

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        """The training file's hash: Rasa retrains the component when the file changes."""
        path = data_path({**cls.get_default_config(), **config})
        try:
            return hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return None

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

    @classmethod
    def untrained_head(cls) -> EmotionHead:
        """A head that predicts nothing."""
        return EmotionHead()

    @classmethod
    def restore_head(cls, state: Dict[str, Any]) -> EmotionHead:
        """The head from its stored arrays."""
        state["classes"] = [str(value) for value in state["classes"].tolist()]
        return EmotionHead(state)

    @classmethod
    def output(cls, verdict: Any) -> Dict[str, Any]:
        """The `complaint_triage.emotion` block for one message."""
        return emotion_output(verdict)
