"""Whether the goods a customer names fit the order their number refers to.

Why (trial11, dialogues_dev22): "我买的蓝牙耳机连不上手机" with the number of an order of two
mugs was filed under the mug order; the agent then calls about the wrong goods, and the
customer, who mistyped or pasted another order's number, never knew. When the complaint names
a kind of goods and the order's items name kinds too, none of them the same, the bot asks once
whether it is this order (naming its items). A kind not in the table names nothing: no question
(a word the table does not know must not hold a customer up).
"""

from __future__ import annotations

import re
from typing import Any, Dict, FrozenSet, Sequence

from bot.nlu.normalize import normalize

# kind of goods -> the words that name it (normalised Simplified; Cantonese reads the same).
# Only words that name the goods themselves: "手机" is as often what the goods connect to
# ("耳机连不上手机") and "礼盒"/"套装" a packing, so neither is a kind here; a 杯垫 is a coaster.
_KINDS: Dict[str, str] = {
    "cup": r"杯(?!垫)",
    "kettle": r"水壶|热水壶|烧水壶|电水壶",
    "earphones": r"耳机|耳麦|耳塞",
    "coat": r"羽绒服|外套|棉服|大衣|夹克|衣服",
    "scarf": r"围巾|丝巾|披肩",
    "shoes": r"鞋",
    "watch": r"手表|手环|表带|表盘|智能表",
    "bedding": r"四件套|被套|床单|枕套|被子|床品",
    "skincare": r"精华|面霜|乳液|爽肤水|面膜|护肤",
    "blender": r"料理机|破壁机|榨汁机|搅拌机",
    "nuts": r"坚果|核桃|腰果|开心果",
    "tea": r"茶叶|龙井|普洱|红茶|绿茶",
}
_KIND_RES = {kind: re.compile(words) for kind, words in _KINDS.items()}
# A gift promised or sent with the order ("直播间说买就送杯垫", "赠品围巾没收到") is not one of
# the order's items, so the goods it names say nothing about whether the number is right.
_GIFT = re.compile(
    r"(买[^，。！？,.!?\s]{0,3}送|附赠|赠送|赠品|赠的|送的|答应送|说送|会送|礼品|小礼物|赠)"
    r"[^，。！？,.!?\s]{0,6}"
)


def kinds_named(text: str) -> FrozenSet[str]:
    """The kinds of goods a text names, leaving out gifts."""
    plain = _GIFT.sub(" ", normalize(text or ""))
    return frozenset(kind for kind, words in _KIND_RES.items() if words.search(plain))


def item_names(order: Dict[str, Any]) -> Sequence[str]:
    """The names of an order's items, as the order service gives them."""
    return [str(item.get("name") or "") for item in order.get("items") or [] if item.get("name")]


def named_goods_not_in_order(told: str, order: Dict[str, Any]) -> bool:
    """Whether what the customer told names goods of a kind the order does not hold.

    Only when both sides name a kind: a complaint about "东西" or "快递", or an order of goods
    the table does not know, fits whatever it is.
    """
    named = kinds_named(told)
    held = kinds_named(" ".join(item_names(order)))
    return bool(named) and bool(held) and not named & held
