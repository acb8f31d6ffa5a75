"""The learned severity head: character n-grams and one linear model per reason, without Rasa.

Why learned: the severity rules (`bot.triage.severity`) know the phrasings someone wrote down,
and every fresh batch of cases written by someone who had not read them found 13-53 % of its
urgent cases missed ("媒t", "律丝", "车队十二个司机一起买的…"). A linear model over character
n-grams generalises from labelled cases to the next phrasing. The rules stay the
high-precision part; `bot.triage.severity.combine_severity` adds the head's reasons when it is
sure.

One binary logistic regression per text reason (injury, legal, media, group), so a head that
says "urgent" always says why. `amount` is not learned: a threshold on a number is arithmetic,
and `bot.triage.severity_amounts` reads the amounts (digits are folded away here anyway).

Data: `data/severity/*.yml` (the cases the rules were written on, moved out of bench/data;
format as bench/data/severity_dev4.yml: `- {text, urgent, reasons}`), plus every NLU
training example in which the rules find no reason, as a normal case with a small sample
weight (`bot.triage.severity_ordinary`: together they weigh a fixed share of the labelled
cases, so the NLU data cannot outvote the injury cases however it grows). The severity
cases' normals are all near misses; without ordinary messages the head took "撤销投诉",
"掉漆了" or "冇問題" for urgent (4.7 % of the NLU examples out of fold; a rule miss among them
is label noise the head accepts). Text is prepared like
the triage heads' (`bot.nlu.normalize`: Simplified script, half-width, lower-case, digits
folded to 0), with spaces between Chinese characters removed ("曝 光" is "曝光"). Character
1-4-grams (1-3 and C=30 before train_4.yml), sublinear TF-IDF, balanced class weights; C and
the threshold by 5-fold cross-validation on the training files (`bench/severity_dev.py
--tune`, docs/severity.md).

The fitted state is plain arrays (terms, idf, coefficients), so storing it needs no pickle
and loading it trusts nothing but numpy.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import yaml

from bot.nlu.fast_head import CharTfidf
from bot.nlu.normalize import fold_digits, normalize

LEARNED_REASONS = ("injury", "legal", "media", "group")
ALL_REASONS = LEARNED_REASONS + ("amount",)
DEFAULT_C = 100.0
# C=100, 1-3-grams: the CV rule's pick with data/severity/train_6.yml (docs/severity.md, third
# round, 2026-11-30; 1-4 until then). The threshold (`bot.triage.severity.LEARNED_THRESHOLD`)
# is 0.65 since the fourth round, recall first, against the rule's 0.8.
DEFAULT_NGRAMS = (1, 3)
DEFAULT_THRESHOLD = 0.5

_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
# Where a sentence ends, in the raw or the prepared text (full- or half-width).
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;\n])")


class SeverityDataError(ValueError):
    """A severity case file is not a list of {text, urgent, reasons} cases."""


def prepare(text: Optional[str]) -> str:
    """Normalised text, digits folded, no spaces between Chinese characters."""
    collapsed = " ".join(fold_digits(normalize(text or "")).split())
    return _CJK_SPACE.sub("", collapsed)


def read_severity_file(path: Union[str, Path]) -> List[Tuple[str, List[str]]]:
    """(text, reasons) of a severity case file, in file order; urgent means reasons."""
    cases = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
    if not isinstance(cases, list):
        raise SeverityDataError(f"{path}: expected a list of cases")
    pairs: List[Tuple[str, List[str]]] = []
    for case in cases:
        if not isinstance(case, Mapping) or not isinstance(case.get("text"), str):
            raise SeverityDataError(f"{path}: a case without text: {case!r}")
        reasons = [str(r) for r in case.get("reasons") or []]
        unknown = set(reasons) - set(ALL_REASONS)
        if unknown or bool(reasons) != bool(case.get("urgent")):
            raise SeverityDataError(f"{path}: bad urgent/reasons in {case!r}")
        pairs.append((case["text"], reasons))
    return pairs


class SeverityHead:
    """Character n-gram TF-IDF + one binary logistic regression per text reason."""

    def __init__(self, state: Optional[Dict[str, Any]] = None) -> None:
        """An unfitted head, or one rebuilt from `state()`."""
        self._state = state
        self._tfidf: Optional[CharTfidf] = None
        if state is not None:
            self._tfidf = CharTfidf.from_state(state)  # the fitted TfidfVectorizer, in numpy

    @property
    def fitted(self) -> bool:
        """Whether the head can predict."""
        return self._state is not None

    @classmethod
    def fit(
        cls,
        texts: Sequence[str],
        reasons: Sequence[Sequence[str]],
        *,
        C: float = DEFAULT_C,
        ngrams: Tuple[int, int] = DEFAULT_NGRAMS,
        weights: Optional[Sequence[float]] = None,
    ) -> SeverityHead:
        """Fit on raw texts (prepared here) and each text's reasons, each case weighted.

        `weights` (default 1 each) lets the ordinary NLU examples count for less than the
        labelled cases (`bot.triage.severity_ordinary`). Every learned reason needs positive
        and negative cases.
        """
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        vectorizer = TfidfVectorizer(
            analyzer="char", ngram_range=ngrams, sublinear_tf=True, lowercase=False
        )
        features = vectorizer.fit_transform([prepare(text) for text in texts])
        sample_weight = None if weights is None else np.asarray(weights, dtype=float)
        coefs, intercepts = [], []
        for reason in LEARNED_REASONS:
            target = np.array([reason in case for case in reasons])
            if target.all() or not target.any():
                raise SeverityDataError(f"the severity head needs cases with and without {reason}")
            model = LogisticRegression(
                C=C, class_weight="balanced", max_iter=3000, solver="liblinear"
            )
            model.fit(features, target, sample_weight=sample_weight)
            coefs.append(model.coef_[0])
            intercepts.append(model.intercept_[0])
        vocabulary = vectorizer.vocabulary_
        state = {
            "reasons": list(LEARNED_REASONS),
            "terms": np.array(sorted(vocabulary, key=vocabulary.__getitem__), dtype=str),
            "idf": vectorizer.idf_,
            "ngram_range": list(ngrams),
            "coef": np.vstack(coefs),
            "intercept": np.array(intercepts),
        }
        return cls(state)

    def state(self) -> Dict[str, Any]:
        """Plain arrays and lists to store (see the module docstring)."""
        if self._state is None:
            raise ValueError("the severity head is not fitted")
        return self._state

    def predict(self, texts: Sequence[str]) -> List[Optional[Dict[str, float]]]:
        """P(reason) per learned reason for each text; None for text without a known n-gram.

        A message of several sentences is also judged sentence by sentence, and each reason
        takes its highest P (fourteenth round): in a long story the one clause that tells the
        harm ("…腰上那块皮都烫得发白了…") is a small share of the message's n-grams, and the
        whole-text TF-IDF vector dilutes it below the bar. One sentence alone says no more
        than it did inside the message, so this adds recall, not new kinds of false alarm
        (docs/severity.md, "Fourteenth round").
        """
        if self._state is None or self._tfidf is None:
            return [None for _ in texts]
        verdicts: List[Optional[Dict[str, float]]] = []
        for text in texts:
            whole = self._probabilities(text)
            parts = [part for part in _SENTENCE_END.split(text or "") if part.strip()]
            judged = [whole] + (
                [self._probabilities(part) for part in parts] if len(parts) > 1 else []
            )
            known = [p for p in judged if p is not None]
            verdicts.append({r: max(p[r] for p in known) for r in known[0]} if known else None)
        return verdicts

    def _probabilities(self, text: str) -> Optional[Dict[str, float]]:
        """P(reason) of one piece of text; None when it has no known n-gram."""
        assert self._state is not None and self._tfidf is not None
        columns, values = self._tfidf.vector(prepare(text))
        if not len(columns):
            return None
        coef, intercept = self._state["coef"], self._state["intercept"]
        reasons = [str(r) for r in self._state["reasons"]]
        scores = coef[:, columns] @ values + intercept
        probabilities = 1.0 / (1.0 + np.exp(-scores))
        return {r: round(float(p), 4) for r, p in zip(reasons, probabilities, strict=True)}
