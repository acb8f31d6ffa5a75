"""The learned emotion head: TF-IDF character n-grams and a linear model, without Rasa.

Why learned: a lexicon only knows the words someone thought of. People show impatience,
disappointment and sarcasm in countless ways ("说好的呢", "又让我等？", "买了个寂寞", "…", 🙄),
and a linear model over character n-grams generalises from labelled examples to the next
phrasing. The lexicon (`bot.triage.emotion`) stays the high-precision part; the two are
combined by `bot.triage.emotion.combine_emotion`.

Data: `data/emotion/train.yml`, labelled by hand (format in its header; `read_emotion_file`).
Text is prepared like the triage heads' (`bot.nlu.normalize`: Simplified script, half-width,
lower-case, digits folded to 0, whitespace runs collapsed), so Traditional input meets the
same features as Simplified training data. Character 1-3-grams, sublinear TF-IDF,
multinomial LogisticRegression with balanced class weights; C chosen by 5-fold
cross-validation on the training file (docs/emotion.md).

The fitted state is plain arrays (terms, idf, coefficients), so storing it needs no pickle
and loading it trusts nothing but numpy: probabilities are the softmax of the linear scores,
exactly what LogisticRegression.predict_proba computes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

import numpy as np
import yaml

from bot.nlu.fast_head import CharTfidf
from bot.nlu.normalize import fold_digits, normalize

EMOTIONS = ("calm", "upset", "angry")
DEFAULT_C = 10.0
DEFAULT_NGRAMS = (1, 3)


class EmotionDataError(ValueError):
    """The emotion training file is missing its `emotion:` blocks or uses unknown labels."""


def prepare(text: Optional[str]) -> str:
    """Normalised text, digits folded, whitespace runs collapsed (as the triage heads do)."""
    return " ".join(fold_digits(normalize(text or "")).split())


def read_emotion_file(path: Union[str, Path]) -> List[Tuple[str, str]]:
    """(text, label) pairs of an emotion file, in file order.

    Format: a mapping `emotion:` of label -> a block of "- text" lines (like Rasa's
    `examples: |`), or a YAML list of texts. Unknown labels are an error.
    """
    content = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    blocks = content.get("emotion") if isinstance(content, dict) else None
    if not isinstance(blocks, dict):
        raise EmotionDataError(f"{path}: no `emotion:` mapping of label -> examples")
    pairs: List[Tuple[str, str]] = []
    for label, block in blocks.items():
        if label not in EMOTIONS:
            raise EmotionDataError(f"{path}: unknown emotion label {label!r}")
        lines = block.splitlines() if isinstance(block, str) else [f"- {b}" for b in block or []]
        for line in lines:
            line = line.strip()
            if line.startswith("- ") and line[2:].strip():
                pairs.append((line[2:].strip(), str(label)))
    return pairs


def read_emotion_turns(path: Union[str, Path]) -> List[Tuple[str, str, str]]:
    """(previous emotion, text, label) of a file's `turns:` list, in file order.

    Why: a short answer in the middle of the form ("好的", an order number) is judged after an
    earlier message whose emotion the bot knows; a dev split says what each answer should be
    judged after which opening (bench/data/emotion_dev4.yml). Files without `turns:` have none.
    """
    content = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    turns = content.get("turns") if isinstance(content, dict) else None
    result: List[Tuple[str, str, str]] = []
    for turn in turns or []:
        previous, label = turn.get("previous"), turn.get("emotion")
        if previous not in EMOTIONS or label not in EMOTIONS or not turn.get("text"):
            raise EmotionDataError(f"{path}: bad turn {turn!r}")
        result.append((str(previous), str(turn["text"]), str(label)))
    return result


@dataclass(frozen=True)
class LearnedEmotion:
    """The head's verdict on one message: top label, its probability, all probabilities."""

    emotion: str
    confidence: float
    probabilities: Dict[str, float]


class EmotionHead:
    """Character n-gram TF-IDF + multinomial logistic regression over calm/upset/angry."""

    def __init__(self, state: Optional[Dict[str, Any]] = None) -> None:
        """An unfitted head, or one rebuilt from `state()`."""
        self._state = state
        self._tfidf: Optional[CharTfidf] = None
        if state is not None:
            self._tfidf = CharTfidf.from_state(state)  # the fitted TfidfVectorizer, in numpy

    @staticmethod
    def _make_vectorizer(ngrams: Tuple[int, int], vocabulary: Optional[Dict[str, int]]) -> Any:
        from sklearn.feature_extraction.text import TfidfVectorizer

        return TfidfVectorizer(
            analyzer="char",
            ngram_range=ngrams,
            sublinear_tf=True,
            lowercase=False,
            vocabulary=vocabulary,
        )

    @property
    def fitted(self) -> bool:
        """Whether the head can predict."""
        return self._state is not None

    @classmethod
    def fit(
        cls,
        texts: Sequence[str],
        labels: Sequence[str],
        *,
        C: float = DEFAULT_C,
        ngrams: Tuple[int, int] = DEFAULT_NGRAMS,
        random_state: int = 42,
    ) -> EmotionHead:
        """Fit on raw texts (prepared here) and their labels; needs two labels at least."""
        from sklearn.linear_model import LogisticRegression

        prepared = [prepare(text) for text in texts]
        if len(set(labels)) < 2:
            raise EmotionDataError("the emotion head needs examples of two labels at least")
        vectorizer = cls._make_vectorizer(ngrams, None)
        features = vectorizer.fit_transform(prepared)
        model = LogisticRegression(
            C=C, class_weight="balanced", max_iter=3000, random_state=random_state
        )
        model.fit(features, np.array(labels))
        vocabulary = vectorizer.vocabulary_
        state = {
            "classes": [str(c) for c in model.classes_],
            "terms": np.array(sorted(vocabulary, key=vocabulary.__getitem__), dtype=str),
            "idf": vectorizer.idf_,
            "ngram_range": list(ngrams),
            "coef": model.coef_,
            "intercept": model.intercept_,
        }
        return cls(state)

    def state(self) -> Dict[str, Any]:
        """Plain arrays and lists to store (see the module docstring)."""
        if self._state is None:
            raise ValueError("the emotion head is not fitted")
        return self._state

    def predict(self, texts: Sequence[str]) -> List[Optional[LearnedEmotion]]:
        """One verdict per text; None for empty text or text without any known n-gram."""
        if self._state is None or self._tfidf is None:
            return [None for _ in texts]
        vectors = [self._tfidf.vector(prepare(text)) for text in texts]
        coef = self._state["coef"]
        scores = np.array([coef[:, columns] @ values for columns, values in vectors])
        scores = scores + self._state["intercept"]
        if scores.shape[1] == 1:  # two classes: LogisticRegression's binary form
            positive = 1.0 / (1.0 + np.exp(-scores[:, 0]))
            probabilities = np.column_stack([1.0 - positive, positive])
        else:
            shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
            probabilities = shifted / shifted.sum(axis=1, keepdims=True)
        classes = self._state["classes"]
        verdicts: List[Optional[LearnedEmotion]] = []
        for (columns, _), probas in zip(vectors, probabilities, strict=True):
            if not len(columns):
                verdicts.append(None)
                continue
            best = int(np.argmax(probas))
            verdicts.append(
                LearnedEmotion(
                    classes[best],
                    round(float(probas[best]), 4),
                    {c: round(float(p), 4) for c, p in zip(classes, probas, strict=True)},
                )
            )
        return verdicts
