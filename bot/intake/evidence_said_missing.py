"""Which kind of evidence the customer says they do not have ("商品的没有了，扔掉了").

Why: files cannot be told apart by kind, so they are taken to cover a category's kinds in the
order the evidence question names them (`bot.intake.draft.evidence_still_missing`). A customer
who sent the waybill when asked for "商品破损照片、快递面单" and then said "商品的没有了，扔掉了"
had 缺快递面单 read back and filed (hand trial, WeCom), and the words went into the problem's
description. When the customer names the kind they lack, that kind is the one missing: by
the kind's names in `bot.intake.evidence_kinds` (not by what its files show: "杯子碎了" beside
"面单没有" tells the problem).
"""

from __future__ import annotations

import re
from typing import List, Sequence

from bot.intake.answers import has_no_evidence, plain_answer
from bot.intake.evidence_kinds import naming_words

# "没有" says a photo is missing only with a word for one, or for a paper that is photographed.
_WEAK_NO = re.compile(r"没有|没了|没拍|找不到")
_PICTURED = re.compile(r"照片|图|照|拍|截图|相片|面单|快递单|运单|物流单|标签|吊牌")
# What is left of a message that only says which kind is missing: its no-words and fillers.
_FILLER = re.compile(
    r"的|了|也|都|就|早|已经|真的|照片|图片|相片|图|照|截图|拍|那个|这个|那张|这张|没有|没|"
    r"无|扔掉|扔|丢掉|丢|删掉|删|不见|找不到|拍不了|拍不到|不能|没法|实在|啊|呀|哦|嗯|吧|"
    r"抱歉|不好意思|[\s]"
)


def kinds_said_missing(text: str, kinds: Sequence[str]) -> List[str]:
    """The kinds of `kinds` the message names as ones the customer cannot send."""
    plain = plain_answer(text).replace(" ", "")
    if not plain or not (
        has_no_evidence(plain) or _WEAK_NO.search(plain) and _PICTURED.search(plain)
    ):
        return []  # "东西没了" may be the parcel lost, not a photo
    return [k for k in kinds if (words := naming_words(k)) is not None and words.search(plain)]


def only_says_kinds_missing(text: str, kinds: Sequence[str]) -> bool:
    """Whether the message says nothing but which kinds are missing (no fact of the problem)."""
    named = kinds_said_missing(text, kinds)
    if not named:
        return False
    rest = plain_answer(text).replace(" ", "")
    for kind in named:
        words = naming_words(kind)
        rest = words.sub("", rest) if words is not None else rest
    return not _FILLER.sub("", rest)


def missing_as_said(recorded: Sequence[str], said: Sequence[str]) -> List[str]:
    """The recorded missing kinds with those the customer named first, as many as before.

    The files still count as many kinds as they did; only which kinds they are changes.
    """
    named = list(dict.fromkeys(said))
    rest = [kind for kind in recorded if kind not in named]
    return (named + rest)[: max(len(recorded), len(named))]
