"""Where a severity hit stands: its clause and sentence, and vetoes made only of patterns.

Every context veto (`bot.triage.severity_context`) reads the same few parts of a message
around a hit: the words before it in its clause, the words after it, the clause, the sentence,
the whole message. `Context` cuts them once. Most vetoes are nothing but "this pattern before
the hit, that one in the sentence, and no threat in the message"; `Shape` writes such a veto as
one table row, so a reader sees what it checks without reading a function for each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Dict, FrozenSet, Optional, Tuple

# Where a sentence ends, and where a clause does.
# Where a sentence ends, and where a clause does.
SENTENCE_END = re.compile(r"[。!?;\n]")
CLAUSE_END = re.compile(r"[。!?;,，、\n~]")


def bounds(text: str, start: int, end: int, boundary: re.Pattern[str]) -> Tuple[int, int]:
    """Start and end of the clause (or sentence, by `boundary`) around text[start:end]."""
    low = max((m.end() for m in boundary.finditer(text, 0, start)), default=0)
    after = boundary.search(text, end)
    return low, after.start() if after else len(text)


@dataclass(frozen=True)
class Context:
    """A hit and what surrounds it in one normalised message."""

    text: str  # the whole message
    hit: str  # the matched words
    before: str  # the clause up to the hit
    after: str  # the clause after the hit
    clause: str  # the whole clause, hit included
    sentence: str  # the whole sentence, hit included

    @classmethod
    def around(cls, text: str, hit: str, start: int, end: int) -> Context:
        """The context of text[start:end]."""
        low, high = bounds(text, start, end, CLAUSE_END)
        sentence_low, sentence_high = bounds(text, start, end, SENTENCE_END)
        return cls(
            text,
            hit,
            text[low:start],
            text[end:high],
            text[low:high],
            text[sentence_low:sentence_high],
        )

    def part(self, name: str) -> str:
        """One named part, for `Shape`: a field, or the sentence or message without the hit.

        "sentence_without_hit" and "text_without_hit" let a veto ask whether something was
        seen besides the hit itself ("烫" in "烫伤" is no separate sign of a burn).
        """
        if name == "sentence_without_hit":
            return self.sentence.replace(self.hit, "")
        if name == "text_without_hit":
            return self.text.replace(self.hit, "")
        value: str = getattr(self, name)
        return value

    def message_after_hit(self) -> str:
        """The rest of the message after the hit (its first occurrence with its clause start)."""
        told = self.before + self.hit
        return self.text[self.text.find(told) + len(told) :]

    def sentence_before_hit(self) -> str:
        """The sentence up to the first occurrence of the hit."""
        return self.sentence[: self.sentence.find(self.hit)]


Veto = Callable[[Context], bool]
Parts = Tuple[Tuple[str, "re.Pattern[str]"], ...]


@dataclass(frozen=True)
class Shape:
    """A veto made only of patterns: one table row instead of one small function.

    It applies when the hit is one of `hits` (if given), every `needs` pattern is found in its
    part of the context (`Context.part`) and no `unless` pattern is found in its part.
    `name` is what `bot.triage.severity_context.veto` reports; `why` says what it is for.
    """

    name: str
    why: str
    needs: Parts
    unless: Parts = ()
    hits: Optional[FrozenSet[str]] = None

    def __call__(self, c: Context) -> bool:
        """Whether the veto applies to the hit in `c`."""
        if self.hits is not None and c.hit not in self.hits:
            return False
        if not all(pattern.search(c.part(part)) for part, pattern in self.needs):
            return False
        return not any(pattern.search(c.part(part)) for part, pattern in self.unless)


def by_name(*checks: Veto) -> Dict[str, Veto]:
    """The vetoes by the name `veto` reports: a `Shape`'s name, a function's without "_"."""
    return {getattr(check, "name", None) or check.__name__.lstrip("_"): check for check in checks}
