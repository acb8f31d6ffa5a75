"""The words customers use for each kind of evidence the bot asks for: one table.

Why (task dedupe2): the words typed with files (`bot.intake.evidence_captions`) and the
words saying which photo the customer lacks (`bot.intake.evidence_said_missing`) were read
with two tables, written at once by two people, that knew different words for the same
kinds: "单子" named the waybill in one and not the other, "盒子" the box. Both read this
one now, each with its own logic around it.

A kind's `names` are what the file is of ("面单", "箱子", "吊牌"): a caption names the kind
with them, and so does "箱子早扔了". Its `shows` are what such a file shows (the damage, a
number, the price): a caption saying "杯子碎了" or "单号" tells what the photo is, but said
of what is missing they tell the problem ("面单扔了 杯子碎成三块") or another number
("订单号没有"), so only captions read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, Optional, Pattern, Tuple


@dataclass(frozen=True)
class KindWords:
    """The words for one kind of evidence (`bot.intake.draft.EVIDENCE_KINDS`)."""

    names: Tuple[str, ...]
    shows: Tuple[str, ...] = ()


# 货 the goods, not inside 退货/发货/到货/货号/货款 ("退货退款 没拍" names no missing photo)
_GOODS = r"(?<![退发到收换补送订进])货(?![号款到])"

KIND_WORDS: Dict[str, KindWords] = {
    "外包装照片": KindWords(
        names=(
            "外包装",
            "包装盒",
            "包装",
            "外箱",
            "纸箱",
            "箱子",
            "快递盒",
            "快递箱",
            "外盒",
            "盒子",
        ),
        shows=("开箱",),
    ),
    "商品破损照片": KindWords(
        names=("商品", "东西", "实物", _GOODS, "破损", "碎的", "坏的"),
        shows=("碎", "裂", "坏", "烂", "摔", "压扁", "压坏", "变形", "凹", "开箱"),
    ),
    "快递面单": KindWords(
        names=("面单", "快递单", "运单", "物流单", "单子"),
        shows=("单号",),
    ),
    "物流详情截图": KindWords(
        names=("物流", "轨迹", "快递信息", "配送信息"),
        shows=("签收",),
    ),
    "商品标签照片": KindWords(
        names=("标签", "吊牌", "条形码", "条码", "标贴"),
        shows=("型号", "货号"),
    ),
    "收到的商品照片": KindWords(
        names=("实物", "商品", "东西", _GOODS),
        shows=("收到的", "开箱"),
    ),
    "问题部位近照": KindWords(
        names=("部位", "近照", "特写", "细节"),
        shows=("问题", "坏", "破", "裂", "瑕疵", "开线", "起球", "掉", "漏", "划"),
    ),
    "实物照片": KindWords(
        names=("实物", "商品", "东西", _GOODS),
        shows=("收到的", "开箱", "对比"),
    ),
    "付款/扣款截图": KindWords(
        names=("付款", "扣款", "支付", "账单", "扣费", "转账", "流水"),
        shows=("银行", "到账"),
    ),
    "直播截图或录屏": KindWords(names=("直播", "录屏"), shows=("主播",)),
    "活动页面或优惠券截图": KindWords(
        names=("活动", "优惠券", "券", "页面", "详情页"),
        shows=("满减", "价格", "宣传"),
    ),
}


def _pattern(words: Tuple[str, ...]) -> Pattern[str]:
    """The words as one pattern, longest first: removing "包装盒" leaves no "盒"."""
    return re.compile("|".join(sorted(words, key=len, reverse=True)))


_NAMES = {kind: _pattern(words.names) for kind, words in KIND_WORDS.items()}
_NAMES_OR_SHOWS = {kind: _pattern(w.names + w.shows) for kind, w in KIND_WORDS.items()}


def naming_words(kind: str) -> Optional[Pattern[str]]:
    """The words that name what a file of `kind` is of; None for a kind without words."""
    return _NAMES.get(kind)


def caption_words(kind: str) -> Optional[Pattern[str]]:
    """The words a caption says a file is of `kind` with: its names and what it shows."""
    return _NAMES_OR_SHOWS.get(kind)
