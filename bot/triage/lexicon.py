"""Phrase lexicons matched with spaCy over normalised text, with exclusions.

Used by the severity and emotion rules. Text is normalised first (`bot.nlu.normalize`:
Simplified script, half-width, lower-case), so one Simplified entry also catches the
Traditional and full-width spellings; entries may be written in either script.

Matching runs on single characters (spaCy's `zh` "char" segmenter), not on jieba words:
a lexicon entry then matches wherever its characters occur, whatever jieba would have made
of the surrounding words ("被烫伤", "烫伤了手" and "烫伤" all contain 烫伤). What a word
boundary would have prevented is handled by exclusions instead: a match inside a longer
phrase that means something else is dropped (曝光 in 曝光不足, 工商 in 工商银行, 垃圾 in
垃圾袋), and ASCII entries such as "12315" must not sit inside a longer number.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import threading
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

from bot.nlu.normalize import normalize

TokenPattern = List[Dict[str, Any]]
Check = Callable[[str, str], bool]

_ASCII_WORD = re.compile(r"[a-z0-9]")
# texts whose hits each lexicon remembers: a customer's message is matched more than once
# (the opening's severity when the intake starts and again over every message when the
# ticket is drafted; the emotion of each message at the intake and in the draft)
REMEMBERED_TEXTS = 256


@functools.cache
def char_pipeline() -> Any:
    """A blank Chinese spaCy pipeline that makes one token per character (built once)."""
    import spacy

    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})


@dataclass(frozen=True)
class LexiconMatch:
    """One lexicon hit: its label, the matched (normalised) text and its offsets."""

    label: str
    text: str
    start: int
    end: int


class Lexicon:
    """Labelled phrases and token patterns, minus exclusion phrases.

    `phrases` are plain strings (spaCy `PhraseMatcher`); `patterns` are spaCy `Matcher`
    token patterns over single characters, for entries with optional or variable parts
    ("流了好多血"). `check(label, text)` may veto a match (e.g. "两个人" is not a group).
    Matchers are compiled on first use, once.
    """

    _EXCLUDE = "__exclude__"

    def __init__(
        self,
        phrases: Mapping[str, Sequence[str]],
        patterns: Optional[Mapping[str, Sequence[TokenPattern]]] = None,
        exclusions: Sequence[str] = (),
        check: Optional[Check] = None,
    ) -> None:
        """Keep the entries; nothing is compiled until the first match."""
        self._phrases = {label: list(items) for label, items in phrases.items()}
        self._patterns = {label: list(items) for label, items in (patterns or {}).items()}
        self._exclusions = list(exclusions)
        self._check = check
        self._compiled: Optional[Tuple[Any, Any]] = None
        self._lock = threading.Lock()
        self._remembered = functools.lru_cache(maxsize=REMEMBERED_TEXTS)(self._find_matches)

    def _matchers(self) -> Tuple[Any, Any]:
        with self._lock:
            if self._compiled is None:
                from spacy.matcher import Matcher, PhraseMatcher

                nlp = char_pipeline()
                phrase_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
                entries = {**self._phrases, self._EXCLUDE: self._exclusions}
                for label, items in entries.items():
                    docs = [nlp.make_doc(normalize(item, mainland=False)) for item in items if item]
                    if docs:
                        phrase_matcher.add(label, docs)
                matcher = Matcher(nlp.vocab)
                for label, token_patterns in self._patterns.items():
                    matcher.add(label, token_patterns, greedy="LONGEST")
                self._compiled = (phrase_matcher, matcher)
            return self._compiled

    def matches(self, text: str) -> List[LexiconMatch]:
        """Hits in one text, in order of appearance, exclusions already removed.

        The hits depend on the text alone (the entries never change once built), so the
        last texts' hits are remembered (`REMEMBERED_TEXTS`); a new list every call.
        """
        return list(self._remembered(text or ""))

    def _find_matches(self, text: str) -> Tuple[LexiconMatch, ...]:
        normalized = normalize(text, mainland=False)
        if not normalized.strip():
            return ()
        phrase_matcher, matcher = self._matchers()
        doc = char_pipeline().make_doc(normalized)
        spans = list(phrase_matcher(doc, as_spans=True))
        if len(matcher):
            spans += matcher(doc, as_spans=True)
        excluded = sorted(
            (span.start_char, span.end_char) for span in spans if span.label_ == self._EXCLUDE
        )
        excluded_starts = [low for low, _ in excluded]
        reach = list(itertools.accumulate((high for _, high in excluded), max))
        found = set()
        for span in spans:
            label, start, end = span.label_, span.start_char, span.end_char
            if label == self._EXCLUDE:
                continue
            # inside an exclusion: some exclusion starting at or before `start` reaches `end`
            last = bisect.bisect_right(excluded_starts, start) - 1
            if last >= 0 and reach[last] >= end:
                continue
            if not _ascii_bounded(normalized, start, end):
                continue
            if self._check is not None and not self._check(label, span.text):
                continue
            found.add(LexiconMatch(label, span.text, start, end))
        # "告你们" also contains the entry "告你": keep only the longest of nested hits.
        kept: List[LexiconMatch] = []
        reach_by_label: Dict[str, int] = {}
        for match in sorted(found, key=lambda m: (m.start, -m.end, m.label)):
            if reach_by_label.get(match.label, -1) >= match.end:
                continue
            reach_by_label[match.label] = max(reach_by_label.get(match.label, -1), match.end)
            kept.append(match)
        return tuple(kept)

    def find(self, texts: Sequence[str]) -> Dict[str, List[str]]:
        """Label -> distinct matched phrases over all texts, in order of appearance."""
        result: Dict[str, List[str]] = {}
        for text in texts:
            for match in self.matches(text):
                seen = result.setdefault(match.label, [])
                if match.text not in seen:
                    seen.append(match.text)
        return result


def _ascii_bounded(text: str, start: int, end: int) -> bool:
    """An entry that starts/ends with a letter or digit must not continue a longer word."""
    if _ASCII_WORD.match(text[start]) and start > 0 and _ASCII_WORD.match(text[start - 1]):
        return False
    return not (
        _ASCII_WORD.match(text[end - 1]) and end < len(text) and _ASCII_WORD.match(text[end])
    )


def words(block: str) -> List[str]:
    """Whitespace-separated entries of a text block; lines starting with # are comments."""
    return [
        word
        for line in block.splitlines()
        if not line.strip().startswith("#")
        for word in line.split()
    ]


def chars(text: str, optional: bool = False) -> TokenPattern:
    """Token pattern for a literal string, one character per token (normalised)."""
    pattern: TokenPattern = [{"ORTH": char} for char in normalize(text, mainland=False)]
    if optional:
        for token in pattern:
            token["OP"] = "?"
    return pattern


def one_of(options: Sequence[str], op: Optional[str] = None) -> Dict[str, Any]:
    """One character out of `options` (each a single character), optionally quantified."""
    token: Dict[str, Any] = {
        "ORTH": {"IN": [normalize(option, mainland=False) for option in options]}
    }
    if op:
        token["OP"] = op
    return token
