"""Both evidence-kind readers read every recorded phrase as they did before (task dedupe2).

The caption reader (`kinds_named`, `names_other_things`) and the said-missing reader
(`kinds_said_missing`, `only_says_kinds_missing`) had a word table each; the outputs were
recorded over every phrase of tests/, data/ and the dev splits and a written list
(`record_evidence_words.py`). They may differ only where one table knew a word the other
did not, listed in `CHANGED` with what they read now.
"""

import json
from typing import Any, Dict

from tests.bot.intake.record_evidence_words import RECORDED, readings

# phrase -> what the readers make of it now, where a word one table lacked is known to both
CHANGED: Dict[str, Dict[str, Any]] = {}


def test_every_recorded_phrase_reads_as_before():
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))
    assert set(CHANGED) <= set(recorded)
    differ = {
        phrase: (before, now)
        for phrase, before in recorded.items()
        if (now := readings(phrase)) != CHANGED.get(phrase, before)
    }
    assert not differ, "\n".join(f"{p}: {b} -> {n}" for p, (b, n) in list(differ.items())[:40])
