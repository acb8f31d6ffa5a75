"""What the two evidence-kind readers make of every phrase (task dedupe2).

`data/evidence_words_recorded.json` holds what they made of them before their word tables
were merged into `bot.intake.evidence_kinds` (written by this script's first version,
commit cc9bd1f). The phrases are every quoted or listed text with Chinese in it under
tests/, data/ and the dev splits (bench/data/*dev*.yml) that held a word of either table
(no other phrase could read differently once the tables were one), and the list in
`data/evidence_words_own.txt`. `data/evidence_words_changed.json` holds the phrases read
differently since, as they read now; `test_evidence_words_characterised.py` checks both.

    .venv/bin/python -m tests.bot.intake.record_evidence_words   # rewrites the changes
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Dict, Iterable, List

from bot.intake.draft import EVIDENCE_KINDS, TRACKING_KINDS

ROOT = Path(__file__).resolve().parents[3]
HERE = Path(__file__).resolve().parent
RECORDED = HERE / "data" / "evidence_words_recorded.json"
CHANGED = HERE / "data" / "evidence_words_changed.json"
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


def _write(path: Path, readings_by_phrase: Dict[str, Dict[str, Any]]) -> None:
    """One phrase a line, so that a change reads as a one-line diff."""
    lines = [
        f"{json.dumps(p, ensure_ascii=False)}: {json.dumps(r, ensure_ascii=False)}"
        for p, r in readings_by_phrase.items()
    ]
    path.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")


def main() -> None:
    """Write the phrases the readers now read differently from the recording, as they read now.

    The recording itself was written by this script's first version (commit cc9bd1f),
    before the tables were merged, over the phrases holding a word of either table; it is
    never rewritten.
    """
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))
    changed = {p: now for p, before in recorded.items() if (now := readings(p)) != before}
    _write(CHANGED, changed)
    print(f"{len(recorded)} phrases, {len(changed)} read differently")


if __name__ == "__main__":
    main()
