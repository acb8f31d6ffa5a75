"""Reports of held-out results that do not reveal the held-out text.

Why: a listing of the evaluation split's errors (sentence, expected, got) invites fixing
exactly those sentences, which quietly turns the split into training data and its figures
into wishful thinking. Held-out reports therefore say how many errors of which kind there
were (expected → got), never which sentence or scenario. Each development split has a tool
that prints every error: work from those (README, "Development splits").
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Dict, List, Mapping, Sequence


def confusions(errors: Sequence[Mapping[str, Any]]) -> List[Dict[str, Any]]:
    """Count errors per (expected, got) pair, most frequent first; no texts."""
    counts = Counter((_label(e.get("expected")), _label(e.get("got"))) for e in errors)
    return [
        {"expected": expected, "got": got, "count": n}
        for (expected, got), n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def order_number_misses(errors: Sequence[Mapping[str, Any]]) -> Dict[str, int]:
    """Order-number errors by kind; the numbers themselves would identify the cases."""
    kinds: Counter = Counter()
    for e in errors:
        if e.get("got") is None:
            kinds["missed (none extracted)"] += 1
        elif e.get("expected") is None:
            kinds["extracted where there is none"] += 1
        else:
            kinds[_wrong_number_kind(str(e["expected"]), str(e["got"]))] += 1
    return dict(kinds)


def _wrong_number_kind(expected: str, got: str) -> str:
    """How a wrong number relates to the right one, in words that do not identify the case.

    Why: "a different number" alone cannot tell a development round whether to look at which
    number is chosen, where an id is cut, or its letters; these classes can, and still say
    nothing of the sentence.
    """
    values = got.split(", ")
    if expected in values:
        return "extracted the right number and another"
    if len(values) > 1:
        return "extracted several other numbers"
    if _digits(got) == _digits(expected):
        return "the right digits with other letters"
    if got in expected:
        return "cut short (part of the right number)"
    if expected in got:
        return "ran on (the right number and more)"
    return "extracted a different number"


def _digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


def scenario_failures(failures: Sequence[Mapping[str, Any]]) -> List[Dict[str, Any]]:
    """Failed scenarios as kind, reason and the ticket fields that differed; no ids or turns."""
    counts = Counter(
        (f["kind"], f["reason"], ", ".join(sorted(f.get("mismatches") or {})) or "—")
        for f in failures
    )
    return [
        {"kind": kind, "reason": reason, "fields": fields, "count": n}
        for (kind, reason, fields), n in sorted(counts.items(), key=lambda item: -item[1])
    ]


def _label(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, (list, tuple)):
        return ", ".join(sorted(map(str, value))) or "(none)"
    return str(value)
