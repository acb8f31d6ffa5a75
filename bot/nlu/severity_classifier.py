"""Rasa component: the learned severity head (P(reason) for injury, legal, media, group).

Training data is its own set of files, not NLU examples: `data/severity/*.yml` (the `data`
setting, a directory relative to the project root), lists of `{text, urgent, reasons}`
cases. They have no `nlu:` key, so Rasa's importer never reads them as intent examples. The
NLU examples in which the rules find no reason are added as normal cases, together weighing a
fixed share of the labelled cases (`bot.triage.severity_ordinary`), so the head's idea of a
normal message does not shift with the size or make-up of the NLU data.
Rasa does not know the component reads them, so `fingerprint_addon` adds their hash to the
graph fingerprint: editing a file retrains the component.

The head (`bot.triage.severity_model.SeverityHead`: character n-gram TF-IDF, one logistic
regression per reason) is stored as plain numpy arrays (`np.savez`, loaded with
`allow_pickle=False`), so loading a model never unpickles anything.

Output: `complaint_triage.severity = {"code", "confidence", "ranking": [{"code",
"confidence"}, ...]}`: the learned reasons, likeliest first (code None when the message has
no known character n-gram). It merges into the `complaint_triage` property the triage
classifier sets, so it comes after `ComplaintTriageClassifier` in config.yml. What the bot
does with it (the rules stay, the head adds the reasons it is sure of) is
`bot.triage.severity.combine_severity`, shared by the actions, the ticket and `/api/triage`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Dict, List, Optional

import rasa.shared.utils.io
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.learned_head import OUTPUT_PROPERTY, LearnedHeadComponent
from bot.nlu.normalize import has_words
from bot.settings import PROJECT_ROOT
from bot.triage.severity_model import (
    DEFAULT_C,
    DEFAULT_NGRAMS,
    SeverityHead,
    read_severity_file,
)
from bot.triage.severity_ordinary import ORDINARY_BUDGET, ordinary_texts, training_set

SEVERITY_KEY = "severity"
_ARRAYS = ("reasons", "terms", "idf", "ngram_range", "coef", "intercept")


def data_files(config: Dict[str, Any]) -> List[Path]:
    """The training files: `*.yml` in the configured directory (absolute, or project-relative)."""
    path = Path(str(config.get("data") or ""))
    directory = path if path.is_absolute() else PROJECT_ROOT / path
    return sorted(directory.glob("*.yml")) if directory.is_dir() else []


def severity_output(probabilities: Optional[Dict[str, float]]) -> Dict[str, Any]:
    """The `complaint_triage.severity` block for one message."""
    if not probabilities:
        return {"code": None, "confidence": 0.0, "ranking": []}
    ranking = sorted(probabilities.items(), key=lambda item: -item[1])
    return {
        "code": ranking[0][0],
        "confidence": ranking[0][1],
        "ranking": [{"code": code, "confidence": p} for code, p in ranking],
    }


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True)
class ComplaintSeverityClassifier(LearnedHeadComponent):
    """Adds the learned severity reasons and their probabilities to `complaint_triage`."""

    ARRAYS = _ARRAYS
    OUTPUT_KEY = SEVERITY_KEY
    MODEL_FILE = "complaint_severity.npz"

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Data directory and model settings (C, n-grams, the ordinary pool's weight by CV)."""
        return {
            "data": "data/severity",
            "C": DEFAULT_C,
            "min_ngram": DEFAULT_NGRAMS[0],
            "max_ngram": DEFAULT_NGRAMS[1],
            "ordinary_budget": ORDINARY_BUDGET,
        }

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        """The training files' hash: Rasa retrains the component when one changes."""
        files = data_files({**cls.get_default_config(), **config})
        if not files:
            return None
        digest = hashlib.sha256()
        try:
            for path in files:
                digest.update(path.name.encode("utf-8"))
                digest.update(path.read_bytes())
        except OSError:
            return None
        return digest.hexdigest()

    def train(self, training_data: TrainingData) -> Resource:
        """Fit the head on the severity files and, weighted down, the NLU examples without a rule reason."""
        files = data_files(self._config)
        if not files:
            rasa.shared.utils.io.raise_warning(
                f"{self.__class__.__name__}: no severity training files in "
                f"{self._config['data']}; the bot falls back to the severity rules alone."
            )
            return self._resource
        cases = [case for path in files for case in read_severity_file(path)]
        texts = [text for text, _ in cases]
        ordinary = ordinary_texts(
            [str(m.get(TEXT)) for m in training_data.intent_examples if m.get(TEXT)], texts
        )
        every, reasons, weights = training_set(
            cases, ordinary, float(self._config["ordinary_budget"])
        )
        self._head = SeverityHead.fit(
            every,
            reasons,
            C=float(self._config["C"]),
            ngrams=(int(self._config["min_ngram"]), int(self._config["max_ngram"])),
            weights=weights,
        )
        self.persist()
        return self._resource

    @classmethod
    def untrained_head(cls) -> SeverityHead:
        """A head that predicts nothing."""
        return SeverityHead()

    @classmethod
    def restore_head(cls, state: Dict[str, Any]) -> SeverityHead:
        """The head from its stored arrays."""
        state["reasons"] = [str(value) for value in state["reasons"].tolist()]
        return SeverityHead(state)

    @classmethod
    def output(cls, verdict: Any) -> Dict[str, Any]:
        """The `complaint_triage.severity` block for one message."""
        return severity_output(verdict)

    def process(self, messages: List[Message]) -> List[Message]:
        """The learned reasons, except for a message without words.

        "😭😭😭" is how the customer feels: its n-grams led the head to an injury.
        """
        super().process(messages)
        for message in messages:
            if not has_words(message.get(TEXT)):
                triage = dict(message.get(OUTPUT_PROPERTY) or {})
                if self.OUTPUT_KEY in triage:
                    triage[self.OUTPUT_KEY] = severity_output(None)
                    message.set(OUTPUT_PROPERTY, triage, add_to_output=True)
        return messages
