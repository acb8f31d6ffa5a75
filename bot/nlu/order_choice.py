"""Which of several orders in one message the customer complains about.

"旧订单 X 新订单 Y 新的这个有问题" picks Y by the word before its label
(`picked_by_qualifier`); "订单1：X 订单2：Y，订单2少发了" by its counter in a list
(`picked_by_counter`); "X 和 Y，后面那个才是订单" by its place, said after both
(`told_by_position`).

Why a module of its own: choosing among orders reads the whole message after the orders have
been found and told apart from phones and parcels (`bot.nlu.number_kinds`), never a single
token; `bot.nlu.spacy_pipeline` asks it about the orders it found in a message.
"""

import re
from typing import Dict, NamedTuple, Optional, Sequence, Set, Tuple

from bot.nlu.number_shapes import ENCLOSED_DIGITS, unwrapped_start
from bot.nlu.number_words import CONTEXT_KINDS

# The words that tell one order from another right before its label: "旧订单 X 新订单 Y",
# "我老婆的订单 X 我的订单 Y".
# Also "之前那单 X" and "上次的订单是 X": a pointing 那单/这单, a 是 before the number.
_QUALIFIED_ORDER = re.compile(
    r"(?P<q>[\u4e00-\u9fff]{1,4}?)的?(?:订单|单子|[那这]单)(?:号码?|编号)?(?:是|为)?[\s:,]*$"
)
_QUALIFIER_WINDOW = 12
_AT_FAULT = (
    r"(?:有问题|坏了|破了|碎了|没到|没收到|没发货|才是|是坏的|少发|漏发|发错|错发|少了"
    # the money not back, or asked when it comes: "原来的还没退款", "新的到底什么时候发"
    r"|没退|没到账|什么时候(?:发|到|退))"
)


def _qualifier_picked(qualifier: str, tail: str) -> bool:
    """Whether the words after the orders pick the one told by `qualifier`.

    "…是我的", "投诉我的", "新的这个有问题"; never "新的没问题". A qualifier of several words
    ("换货新") is picked by its end too ("新的还没到").
    """
    return any(_named_at_fault(qualifier[cut:], tail) for cut in range(len(qualifier)))


# Said between "新的" and what is wrong with it: "新的还没到", "新的一直没发货".
_FAULT_ADVERB = r"(?:还|都|也|又|一直|到现在|至今|到底)?"


def _named_at_fault(q: str, tail: str) -> bool:
    """Whether `tail` picks the order `q` (or the end of a longer qualifier) tells apart.

    "换货新订单 Y … 新的还没到": the customer names the order by the qualifier's last word;
    "原订单 X … 原来的还没退款", "之前那单 X … 之前那单的钱还没退": by the word said in full, or
    with what of it is wrong (钱, 货).
    """
    q = re.escape(q)
    named = rf"{q}来?(?:的{_ORDER_NOUN}?|{_POINTED_ORDER}的?)"
    return bool(
        re.search(
            rf"(?:是|投诉)(?:那个|这个)?{q}的(?![^0-9a-z]{{0,4}}(?:没问题|没事|正常|好好的))"
            rf"|{named}(?:钱|货|东西|款)?{_FAULT_ADVERB}{_AT_FAULT}",
            tail,
        )
    )


_POINTED_ORDER = r"(?:这个|那个|这单|那单|那笔|这笔)"
_ORDER_NOUN = rf"(?:{_POINTED_ORDER}|订单)"


def picked_by_qualifier(text: str, orders: Sequence[Tuple[int, int, str]]) -> Optional[str]:
    """Of several orders told apart by a word before each label, the one the customer picks.

    "旧订单 X 新订单 Y 新的这个有问题" picks Y; "我老婆的订单 X 我的订单 Y 我要投诉的是我的"
    picks Y. `orders` are (start, end, value) in text order; only when the qualifiers differ
    (or one order has none: "订单号 Y 之前那单 X … 之前那单的钱还没退" picks X) and the words
    after the last order pick exactly one of them.
    """
    qualifiers: Dict[str, str] = {}
    previous_end = 0
    for start, end, value in orders:
        start = unwrapped_start(text, start)  # "新订单 「5510…」"
        match = _QUALIFIED_ORDER.search(text, max(previous_end, start - _QUALIFIER_WINDOW), start)
        if match:
            qualifiers.setdefault(value, match.group("q"))
        previous_end = end
    every_one = len(qualifiers) == len({value for _, _, value in orders})
    if not qualifiers or (every_one and len(set(qualifiers.values())) < 2):
        return None
    tail = text[orders[-1][1] :]
    picked = [value for value, q in qualifiers.items() if _qualifier_picked(q, tail)]
    return picked[0] if len(picked) == 1 else None


# A list's counter right after the order word: "订单1：X 订单2：Y", "订单①X 订单②Y", "订单二 Y".
_ENCLOSED = re.compile(f"[{ENCLOSED_DIGITS}]")
_COUNTED_ORDER = re.compile(
    rf"(?:订单|单子)(?:号码?|编号)?(?P<c>[1-9一二三四五六七八九]|[{ENCLOSED_DIGITS}])[\s:,.)]*$"
)


def _counter_picked(counter: str, tail: str) -> bool:
    """Whether the words after the orders name this counter's order at fault: "订单2少发了".

    An enclosed counter may stand alone ("②少了一件"); a plain digit or numeral only with
    its order word (a bare "2" is a quantity: "2件都少发了").
    """
    c = re.escape(counter)
    name = rf"(?:订单|单子)(?:号码?|编号)?{c}"
    if _ENCLOSED.fullmatch(counter):
        name = rf"(?:{name}|{c})"
    # a few words may name what in it is at fault ("订单2的鞋子坏了"), never a 没/不 ("订单2没有问题")
    return bool(re.search(rf"{name}[^0-9a-z\s,.;!?没不]{{0,6}}?{_AT_FAULT}", tail))


def picked_by_counter(text: str, orders: Sequence[Tuple[int, int, str]]) -> Optional[str]:
    """Of several orders numbered as a list, the one the words after them say is at fault.

    "订单1：X 订单2：Y，订单2少发了一件" and "订单①X 订单②Y ②少了一件" pick Y. `orders` are
    (start, end, value) in text order; only when the counters differ and the words after
    the last order pick exactly one of them.
    """
    counters: Dict[str, str] = {}
    previous_end = 0
    for start, end, value in orders:
        start = unwrapped_start(text, start)
        match = _COUNTED_ORDER.search(text, max(previous_end, start - _QUALIFIER_WINDOW), start)
        if match:
            counters.setdefault(value, match.group("c"))
        previous_end = end
    if len(set(counters.values())) < 2:
        return None
    tail = text[orders[-1][1] :]
    picked = [value for value, c in counters.items() if _counter_picked(c, tail)]
    return picked[0] if len(picked) == 1 else None


# Two numbers, then which is which by its place (ord25): "X 和 Y，后面那个才是这次的订单",
# "X / Y 第二个是订单号，第一个是退款单号", "X Y 后者是订单", "X and Y, the latter is my order
# number", "X\nY\n上面那个是我朋友的，下面那个是我的订单".
_FIRST = r"前面|前边|前者|前一个|第一个|第一单|第1个|上面|上边|the first|the former|first one"
_SECOND = (
    r"后面|后边|后者|后一个|第二个|第二单|第2个|下面|下边|最后一个"
    r"|the second|the latter|the last one|second one"
)
_PLACE_SAID = re.compile(
    rf"(?P<place>{_FIRST}|{_SECOND})(?:那个|这个|那单|这单|那一单|那笔|的| one)?"
    r"\s*(?:才|就|则)?\s*(?:是|为| is| was)\s*(?:这次的|这回的|我的|我们的|我|the |my |an? )?"
)
# Said of a place, whose order it is when not the one complained about: "前面那个是上次的".
_SOMEONE_ELSES = re.compile(
    r"(?:上次|之前|以前|旧|别人|我?(?:朋友|老婆|老公|家人|同事|妈妈|爸爸|家里人))的(?!订单|单)"
)
# Said of both: "这两个都不是订单号", "neither is the order".
_NEITHER = re.compile(
    r"(?:这|那)?(?:两|2)个(?:号码?|单号|都)*不是(?:我的)?(?:订单|单号)"
    r"|neither (?:one )?is (?:the|my|an) order"
)
# How far after the last of the numbers the customer says which is which.
_POSITION_WINDOW = 48
_LONGEST_WORD = max(len(word) for word in CONTEXT_KINDS)


class PositionReading(NamedTuple):
    """What the words after two orders say of each by its place (see `told_by_position`)."""

    picked: Optional[str]  # the one said to be the order
    not_orders: Set[str]  # said to be a number of another kind, or said of both: "都不是订单号"
    set_aside: Set[str]  # said to be an earlier or someone else's order


def _kind_at(text: str, position: int) -> str:
    """The kind of the longest context word starting at `position` ("订单号" -> order), or ""."""
    for length in range(min(_LONGEST_WORD, len(text) - position), 1, -1):
        kind = CONTEXT_KINDS.get(text[position : position + length])
        if kind:
            return kind
    return ""


def told_by_position(text: str, orders: Sequence[Tuple[int, int, str]]) -> PositionReading:
    """What the customer says after two orders of each by its place (first/second, 前者/后者).

    Why: a customer who pastes two numbers and then says "后面那个才是订单" or "the latter
    is my order number" names the order by where it stands, not by a label before it; one
    said to be a parcel, a refund or a payment number ("第一个是退款单号") is none, and "这两个
    都不是订单号" leaves none. Only for exactly two distinct orders, words right after them.
    """
    values = list(dict.fromkeys(value for _, _, value in orders))
    reading = PositionReading(None, set(), set())
    if len(values) != 2:
        return reading
    tail = text[orders[-1][1] : orders[-1][1] + _POSITION_WINDOW]
    if _NEITHER.search(tail):
        return PositionReading(None, set(values), set())
    picked = set()
    for match in _PLACE_SAID.finditer(tail):
        value = values[0] if re.fullmatch(_FIRST, match.group("place")) else values[1]
        kind = _kind_at(tail, match.end())
        if kind == "order":
            picked.add(value)
        elif kind in ("tracking", "other", "phone"):
            reading.not_orders.add(value)
        elif _SOMEONE_ELSES.match(tail, match.end()):
            reading.set_aside.add(value)
    chosen = next(iter(picked)) if len(picked) == 1 else None
    return reading._replace(picked=chosen)
