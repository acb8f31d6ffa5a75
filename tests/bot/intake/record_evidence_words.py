"""Record what the two evidence-kind readers make of every phrase (task dedupe2).

Run once, before the word tables were merged, to write `data/evidence_words_recorded.json`;
`test_evidence_words_characterised.py` compares today's readers with it. The phrases are
every quoted or listed text with Chinese in it under tests/, data/ and the dev splits
(bench/data/*dev*.yml) that holds a word of either table (no other phrase can read
differently once the tables are one), and the list in `data/evidence_words_own.txt`.

    .venv/bin/python -m tests.bot.intake.record_evidence_words
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List

from bot.intake.draft import EVIDENCE_KINDS, TRACKING_KINDS

ROOT = Path(__file__).resolve().parents[3]
HERE = Path(__file__).resolve().parent
RECORDED = HERE / "data" / "evidence_words_recorded.json"
OWN = HERE / "data" / "evidence_words_own.txt"

# every kind list a reader is called with: each category's, and the parcel-tracking one
KIND_LISTS: Dict[str, List[str]] = {
    **{category: list(kinds) for category, kinds in EVIDENCE_KINDS.items()},
    "tracking": list(TRACKING_KINDS),
}
_QUOTED = re.compile(r"\"((?:[^\"\\\n]|\\.)*)\"|'((?:[^'\\\n]|\\.)*)'")
_LISTED = re.compile(r"^\s*(?:-\s+)?(?:[A-Za-z_]+:\s+)?(.*?)\s*$")
_ANNOTATION = re.compile(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\{[^}]*\}")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _source_files() -> Iterable[Path]:
    yield from sorted((ROOT / "tests").rglob("*.py"))
    yield from sorted((ROOT / "tests").rglob("*.yml"))
    yield from sorted((ROOT / "data").rglob("*.yml"))
    yield from sorted((ROOT / "bench" / "data").glob("*dev*.yml"))


def found_phrases() -> List[str]:
    """The texts with Chinese in them in the source files, each once."""
    phrases: Dict[str, None] = {}
    for path in _source_files():
        if path == Path(__file__).resolve():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            candidates = [a or b for a, b in _QUOTED.findall(line)]
            listed = _LISTED.match(line)
            if listed and not candidates:
                candidates.append(listed.group(1))
            for candidate in candidates:
                text = _ANNOTATION.sub(lambda m: m.group(1) or m.group(2) or "", candidate)
                text = text.strip()
                if _CJK.search(text) and len(text) <= 200:
                    phrases[text] = None
    return list(phrases)


def own_phrases() -> List[str]:
    """The phrases written for this characterisation."""
    lines = OWN.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def readings(phrase: str) -> Dict[str, Any]:
    """What both readers make of the phrase, for every kind list; empty readings left out."""
    from bot.intake.evidence_captions import kinds_named, names_other_things
    from bot.intake.evidence_said_missing import kinds_said_missing, only_says_kinds_missing

    record: Dict[str, Any] = {}
    named = {k: kinds_named(phrase, kinds) for k, kinds in KIND_LISTS.items()}
    said = {k: kinds_said_missing(phrase, kinds) for k, kinds in KIND_LISTS.items()}
    only = sorted(k for k, kinds in KIND_LISTS.items() if only_says_kinds_missing(phrase, kinds))
    if any(named.values()):
        record["named"] = {k: v for k, v in named.items() if v}
    if names_other_things(phrase):
        record["other"] = True
    if any(said.values()):
        record["said"] = {k: v for k, v in said.items() if v}
    if only:
        record["only"] = only
    return record


def _names_a_kind_word() -> Callable[[str], bool]:
    """Whether a phrase holds a word of either table (before the merge): no other can change."""
    from bot.intake import evidence_captions, evidence_said_missing
    from bot.intake.answers import plain_answer
    from bot.nlu.normalize import normalize

    words = [p.pattern for p in evidence_captions._KIND_WORDS.values()]
    words += list(evidence_said_missing._KIND_WORDS.values())
    words.append(evidence_captions._OTHER_THINGS.pattern)
    pattern = re.compile("|".join(f"(?:{w})" for w in words))
    return lambda phrase: bool(
        pattern.search(normalize(phrase)) or pattern.search(plain_answer(phrase))
    )


def main() -> None:
    names_a_kind_word = _names_a_kind_word()
    found = [phrase for phrase in found_phrases() if names_a_kind_word(phrase)]
    phrases = list(dict.fromkeys(own_phrases() + found))
    recorded = {phrase: readings(phrase) for phrase in phrases}
    lines = [
        f"{json.dumps(p, ensure_ascii=False)}: {json.dumps(r, ensure_ascii=False)}"
        for p, r in recorded.items()
    ]
    RECORDED.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(f"{len(recorded)} phrases, {sum(1 for r in recorded.values() if r)} read as something")


if __name__ == "__main__":
    main()
