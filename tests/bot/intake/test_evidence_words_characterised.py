"""Both evidence-kind readers read every recorded phrase as before the merge (task dedupe2).

The caption reader (`kinds_named`, `names_other_things`) and the said-missing reader
(`kinds_said_missing`, `only_says_kinds_missing`) had a word table each; their outputs
were recorded over every phrase of tests/, data/ and the dev splits holding a word of
either, and a written list (`record_evidence_words.py`). Since the one table
(`bot.intake.evidence_kinds`) a phrase may read differently only when it holds a word one
table knew and the other did not; those phrases are listed with what they read now.
"""

import json
import re
from typing import Any, Dict

import pytest

from bot.intake.answers import plain_answer
from bot.nlu.normalize import normalize
from tests.bot.intake.record_evidence_words import CHANGED, RECORDED, readings

# Words one table knew and the other did not, by the reader that reads them differently now:
# captions know the goods and "单子" for the parcel's kinds; the said-missing reader knows
# the single-kind categories' names and "盒子", and no longer "标" alone ("鼠标垫").
_CAPTION_GAINED = re.compile(r"商品|东西|实物|货|单子")
_SAID_GAINED = re.compile(
    r"盒子|标贴|物流|轨迹|快递信息|配送信息|部位|近照|特写|细节|实物|商品|东西|货|"
    r"付款|扣款|支付|账单|扣费|转账|流水|直播|录屏|活动|优惠券|券|页面|详情页|标"
)


def _load(path) -> Dict[str, Dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def recorded() -> Dict[str, Dict[str, Any]]:
    return _load(RECORDED)


@pytest.fixture(scope="module")
def changed() -> Dict[str, Dict[str, Any]]:
    return _load(CHANGED)


def test_every_recorded_phrase_reads_as_recorded_or_listed(recorded, changed):
    assert set(changed) <= set(recorded)
    differ = {
        phrase: (changed.get(phrase, before), now)
        for phrase, before in recorded.items()
        if (now := readings(phrase)) != changed.get(phrase, before)
    }
    assert not differ, "\n".join(f"{p}: {b} -> {n}" for p, (b, n) in list(differ.items())[:40])


def test_a_changed_phrase_holds_a_word_only_one_table_knew(recorded, changed):
    unexplained = []
    for phrase, now in changed.items():
        before = recorded[phrase]
        if before.get("other") != now.get("other"):
            unexplained.append(phrase)  # the other-things words did not move
        if before.get("named") != now.get("named") and not _CAPTION_GAINED.search(
            normalize(phrase)
        ):
            unexplained.append(phrase)
        said_differs = (before.get("said"), before.get("only")) != (
            now.get("said"),
            now.get("only"),
        )
        if said_differs and not _SAID_GAINED.search(plain_answer(phrase).replace(" ", "")):
            unexplained.append(phrase)
    assert not unexplained
