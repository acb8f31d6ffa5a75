"""Whether the goods a customer names fit the order their number refers to.

Why (trial11, dialogues_dev22): "我买的蓝牙耳机连不上手机" with the number of an order of two
mugs was filed under the mug order; the agent then calls about the wrong goods, and the
customer, who mistyped or pasted another order's number, never knew. When the complaint names
a kind of goods and the order's items name kinds too, none of them the same, the bot asks once
whether it is this order (naming its items). A kind not in the table (config/goods_kinds.yml,
which a shop extends) names nothing: no question (a word the table does not know must not hold
a customer up).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, FrozenSet, Mapping, Optional, Pattern, Sequence

import yaml

from bot.nlu.normalize import normalize
from bot.settings import PROJECT_ROOT

# kind of goods -> the words that name it; a shop adds its own (the file's header says how)
DEFAULT_KINDS_FILE = PROJECT_ROOT / "config" / "goods_kinds.yml"

# A gift promised or sent with the order ("直播间说买就送杯垫", "赠品围巾没收到") is not one of
# the order's items, so the goods it names say nothing about whether the number is right.
_GIFT = re.compile(
    r"(买[^，。！？,.!?\s]{0,3}送|附赠|赠送|赠品|赠的|送的|答应送|说送|会送|礼品|小礼物|赠)"
    r"[^，。！？,.!?\s]{0,6}"
)


Kinds = Mapping[str, Pattern[str]]


@lru_cache(maxsize=8)
def load_kinds(path: str = str(DEFAULT_KINDS_FILE)) -> Kinds:
    """The kinds table of a YAML file (kind -> list of patterns), compiled once per file."""
    table = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    if not isinstance(table, dict):
        raise ValueError(f"{path}: expected a mapping of kind -> list of words")
    return {str(kind): re.compile("|".join(map(str, words))) for kind, words in table.items()}


def kinds_named(text: str, kinds: Optional[Kinds] = None) -> FrozenSet[str]:
    """The kinds of goods a text names, leaving out gifts."""
    plain = _GIFT.sub(" ", normalize(text or ""))
    table = load_kinds() if kinds is None else kinds
    return frozenset(kind for kind, words in table.items() if words.search(plain))


def item_names(order: Dict[str, Any]) -> Sequence[str]:
    """The names of an order's items, as the order service gives them."""
    return [str(item.get("name") or "") for item in order.get("items") or [] if item.get("name")]


def named_goods_not_in_order(
    told: str, order: Dict[str, Any], kinds: Optional[Kinds] = None
) -> bool:
    """Whether what the customer told names goods of a kind the order does not hold.

    Only when both sides name a kind: a complaint about "东西" or "快递", or an order of goods
    the table does not know, fits whatever it is.
    """
    named = kinds_named(told, kinds)
    held = kinds_named(" ".join(item_names(order)), kinds)
    return bool(named) and bool(held) and not named & held


# "我买的不是羽绒服", "商品不对 不是这个", "我没买过这个", "不是我的订单": the goods read back
# beside the number are not what the customer bought, so the number is another order's.
_NOT_MY_GOODS = re.compile(
    r"(买|下单|下的单|拍下|订)的(并|才|根本|压根)?不是|"
    r"(商品|东西|宝贝|货品|产品)(那|这)?一?(栏|行|项)?(信息)?(写|显示|列)?的?(不对|错了|搞错了?|弄错了?|有误)|"
    r"不是(这个|这件|这款|这些)?(商品|东西|宝贝|产品)|"
    r"(没|没有|从来没|从没)(买|下单)(过|这个|这件|这款|这些|这种)|"
    r"不是我的(订单|单|东西|商品)"
)
# words of goods that arrived ("发来的不是我买的"): a wrong item, a complaint, not a wrong number
_ARRIVED = re.compile(r"发|寄|收到|到手|送来|送到|到货|拆开|打开")
# a colour, size or model that differs is a complaint about the goods, not about the order
_SPEC = re.compile(r"颜色|色|尺码|尺寸|码|型号|款式|规格|版本|大小|味")


def denies_order_goods(text: str) -> bool:
    """Whether the customer says the goods read back with the order are not theirs.

    Why (hand trial, 2026-12-04): with the goods beside the number in the read-back, "商品不对啊，
    我买的不是羽绒服，是行车记录仪" was taken as a wrong-item complaint and filed under the coat's
    order. Goods that arrived, or a colour or size, make it a complaint about the goods instead.
    """
    plain = normalize(text or "")
    return (
        bool(_NOT_MY_GOODS.search(plain)) and not _ARRIVED.search(plain) and not _SPEC.search(plain)
    )
