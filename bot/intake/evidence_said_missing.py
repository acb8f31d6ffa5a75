"""Which kind of evidence the customer says they do not have ("商品的没有了，扔掉了").

Why: files cannot be told apart by kind, so they are taken to cover a category's kinds in the
order the evidence question names them (`bot.intake.draft.evidence_still_missing`). A customer
who sent the waybill when asked for "商品破损照片、快递面单" and then said "商品的没有了，扔掉了"
had 缺快递面单 read back and filed (hand trial, WeCom), and the words went into the problem's
description. When the customer names the kind they lack, that kind is the one missing.
"""

from __future__ import annotations

import re
from typing import Dict, List, Sequence

from bot.intake.answers import has_no_evidence, plain_answer

# The words customers use for each kind the bot asks for by name (bot.intake.draft's
# EVIDENCE_KINDS of the categories that ask for more than one).
_KIND_WORDS: Dict[str, str] = {
    "外包装照片": r"外包装|外箱|外盒|纸箱|箱子|快递盒|快递箱|包装盒|包装",
    "商品破损照片": r"商品|东西|实物|货|破损|碎的|坏的",
    "快递面单": r"面单|快递单|运单|单子|物流单",
    "商品标签照片": r"标签|吊牌|标|条码",
    "收到的商品照片": r"商品|东西|实物|货",
}
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
    return [k for k in kinds if k in _KIND_WORDS and re.search(_KIND_WORDS[k], plain)]


def only_says_kinds_missing(text: str, kinds: Sequence[str]) -> bool:
    """Whether the message says nothing but which kinds are missing (no fact of the problem)."""
    named = kinds_said_missing(text, kinds)
    if not named:
        return False
    rest = plain_answer(text).replace(" ", "")
    for kind in named:
        rest = re.sub(_KIND_WORDS[kind], "", rest)
    return not _FILLER.sub("", rest)


def missing_as_said(recorded: Sequence[str], said: Sequence[str]) -> List[str]:
    """The recorded missing kinds with those the customer named first, as many as before.

    The files still count as many kinds as they did; only which kinds they are changes.
    """
    named = list(dict.fromkeys(said))
    rest = [kind for kind in recorded if kind not in named]
    return (named + rest)[: max(len(recorded), len(named))]
