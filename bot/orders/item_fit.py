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
