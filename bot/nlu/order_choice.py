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

from bot.nlu.number_shapes import ENCLOSED_DIGITS, unwrapped_end, unwrapped_start
from bot.nlu.number_words import CONTEXT_KINDS

# The words that tell one order from another right before its label: "旧订单 X 新订单 Y",
# "我老婆的订单 X 我的订单 Y".
# Also "之前那单 X" and "上次的订单是 X": a pointing 那单/这单, a 是 before the number; and a
# child's or the main order's short label, "子单号 X 主单号 Y" (ord28).
_QUALIFIED_ORDER = re.compile(
    r"(?P<q>[\u4e00-\u9fff]{1,4}?)的?(?:订单|单子|[那这]单|(?<=[子主父母的])单)(?:号码?|编号)?"
    r"(?:是|为)?[\s:,]*$"
)
_QUALIFIER_WINDOW = 12
_AT_FAULT = (
    r"(?:有问题|坏了|破了|碎了|烂了|没到|没收到|没发货|才是|是坏的|少发|漏发|发错|错发|少了"
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
    named = rf"{q}来?(?:的{_ORDER_NOUN}?|{_POINTED_ORDER}的?|{_LABEL_POINTED})"
    return bool(
        re.search(
            # "有问题的是子订单那件" names it with its order word (ord28)
            rf"(?:是|投诉)(?:那个|这个)?{q}(?:的|订单|单)(?![^0-9a-z]{{0,4}}(?:没问题|没事|正常|好好的))"
            rf"|{named}(?:钱|货|东西|款)?{_FAULT_ADVERB}{_AT_FAULT}",
            tail,
        )
    )


_POINTED_ORDER = r"(?:这个|那个|这单|那单|那笔|这笔)"
# The order's label said again with the goods pointed at (ord35): "母訂單 X 子訂單 Y 子訂單嗰件爛咗"
# (嗰 is 那 once normalised), "子订单那个包裹没到", "子订单的东西坏了"; not the label alone
# ("子订单没问题" has no fault, "子订单号 Y 少发" is read by `_FAULT_RIGHT_AFTER`).
_LABEL_POINTED = r"(?:订单|单)(?:那件|这件|那个|这个|的)(?:包裹|东西|货|衣服|商品)?"
_ORDER_NOUN = rf"(?:{_POINTED_ORDER}|订单)"


def picked_by_qualifier(text: str, orders: Sequence[Tuple[int, int, str]]) -> Optional[str]:
    """Of several orders told apart by a word before each label, the one the customer picks.

    "旧订单 X 新订单 Y 新的这个有问题" picks Y; "我老婆的订单 X 我的订单 Y 我要投诉的是我的"
    picks Y. `orders` are (start, end, value) in text order; only when the qualifiers differ
    (or one order has none: "订单号 Y 之前那单 X … 之前那单的钱还没退" picks X) and the words
    after the last order pick exactly one of them. Or, every order told apart so, the last one
    said at fault right after it: "母订单 X，子订单 Y 那件烂了" picks Y (ord28).
    """
    qualifiers = _qualifiers(text, orders)
    every_one = len(qualifiers) == len({value for _, _, value in orders})
    if not qualifiers or (every_one and len(set(qualifiers.values())) < 2):
        return None
    tail = text[orders[-1][1] :]
    picked = [value for value, q in qualifiers.items() if _qualifier_picked(q, tail)]
    if len(picked) == 1:
        return picked[0]
    told_apart = every_one and len(set(qualifiers.values())) == len(qualifiers)
    last_end = unwrapped_end(text, orders[-1][1])  # "子订单 「Y」 那件烂了"
    if not picked and told_apart and _FAULT_RIGHT_AFTER.match(text, last_end):
        return orders[-1][2]
    return None


def _qualifiers(text: str, orders: Sequence[Tuple[int, int, str]]) -> Dict[str, str]:
    """The word before each order's label ("旧订单 X" -> 旧), by value, the first one said."""
    qualifiers: Dict[str, str] = {}
    previous_end = 0
    for start, end, value in orders:
        start = unwrapped_start(text, start)  # "新订单 「5510…」"
        match = _QUALIFIED_ORDER.search(text, max(previous_end, start - _QUALIFIER_WINDOW), start)
        if match:
            qualifiers.setdefault(value, match.group("q"))
        previous_end = end
    return qualifiers


# A child order or an add-on paid apart (补运费, 补差价) beside the main one (ord28): "子订单号 X
# 父订单 Y", "补运费的订单是 X 主订单是 Y".
_SECONDARY = re.compile(r"子$|补(?:运费|邮费|差价)|^(?:运费|邮费|差价)")
_MAIN = re.compile(r"[主父母原]$|^[主父母原]")


def secondary_orders(text: str, orders: Sequence[Tuple[int, int, str]]) -> Set[str]:
    """Child and add-on orders told apart from a main one by the words before their labels.

    Why: the shop files a complaint under the main order (主订单/父订单/母订单/原订单), which holds
    the child orders a platform splits it into and the small orders paid for postage or a
    price difference; a customer who quotes both, without saying which one is wrong, means the
    main one. One named at fault right after it ("子订单 Y 那件烂了") stays; one the words after
    all of them pick (`picked_by_qualifier`) wins anyway. Set aside: it loses to any other order.
    """
    qualifiers = _qualifiers(text, orders)
    if not any(_MAIN.search(q) for q in qualifiers.values()):
        return set()
    ends = {value: unwrapped_end(text, end) for _, end, value in orders}
    return {
        value
        for value, q in qualifiers.items()
        if _SECONDARY.search(q) and not _FAULT_RIGHT_AFTER.match(text, ends[value])
    }


# (not "…Y 有问题的是第一个": that says which one, by its place; nor "Y 都没发货", "Y 也坏了":
# both are)
_FAULT_RIGHT_AFTER = re.compile(
    rf"[\s,)]*(?:那件|这件|那个|这个|的)?(?:还|一直|到现在|至今)?{_AT_FAULT}(?!的|是)"
)


# An order named again after all of them were listed, pointed at or said at fault (ord28): "一单
# X 一单 Y 一单 Z 只有 Y 没发", "原订单 X 拆成 Y 和 Z，少的是 Z 那个包裹".
_POINTED_AGAIN = re.compile(r"(?:只有|就是|才是|是|只)[\s:,]*(?:订单号?|单号)?[\s:,]*$")
_FAULT_AFTER = re.compile(rf"[^0-9a-z\n]{{0,6}}?{_AT_FAULT}")


def picked_by_repetition(
    text: str, orders: Sequence[Tuple[int, int, str]], weak: Set[int]
) -> Optional[str]:
    """Of several orders, the one the customer names again after listing them all.

    Why: a customer lists the orders a payment or a split shipment holds and then repeats the
    one at fault: the list is context, the number said again is the answer. Only when one
    value is named again after the last new one, with a pointing word before it (只有/就是/是)
    or a fault after it, and that mention is not itself set aside or taken back (its start in
    `weak`: "X 和 Y，X 没问题").
    """
    first_seen: Dict[str, int] = {}
    for index, (_, _, value) in enumerate(orders):
        first_seen.setdefault(value, index)
    if len(first_seen) < 2:
        return None
    listed = max(first_seen.values())
    named = {
        value
        for start, end, value in orders[listed + 1 :]
        if start not in weak
        and (
            _POINTED_AGAIN.search(text[max(0, start - 8) : unwrapped_start(text, start)])
            or _FAULT_AFTER.match(text, unwrapped_end(text, end))
        )
    }
    return next(iter(named)) if len(named) == 1 else None


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


# When each order was bought, said right before it (ord28): an earlier one ("上次 X 那单也发错了",
# "上个月买的 X", "第一次下单 X", "之前那单 X") and a later one ("这次 Y 又发错", "这个月又买了一个 Y",
# "重新拍了一单 Y", "second Y").
_EARLIER_SAID = re.compile(
    r"(?:上次|上回|上一次|上一单|之前|以前|第一次|第一单|上个?月|上周|上个?星期|上礼拜|first)"
    r"[^\d\n]{0,8}$"
)
_LATER_SAID = re.compile(
    r"(?:这次|这回|这一次|现在|重新|新(?=买|下|拍|订单|单|的|号)|这个月|这周|后来|再(?:买|拍|下|落)"
    r"|second)[^\d\n]{0,8}$"
)
_WHEN_WINDOW = 16  # "second order " in English


def earlier_orders(text: str, orders: Sequence[Tuple[int, int, str]]) -> Set[str]:
    """The orders said to be earlier purchases when a later one follows them.

    Why: a customer who names an earlier order and then this time's ("上次 X 那单你们也是发错
    了，这次 Y 又发错", "之前那单 X 没货，我重新拍了一单 Y") complains about the later one; the
    earlier is history, told for context. Set aside like "X 没问题" (it loses to any other
    order, and stays the order when it is the only one). Only when a later order, after it,
    has a word of its own for now and none for before; `orders` are (start, end, value) in
    text order.
    """
    said = []
    previous_end = 0
    for start, end, value in orders:
        start = unwrapped_start(text, start)
        before = text[max(previous_end, start - _WHEN_WINDOW) : start]
        earlier = bool(_EARLIER_SAID.search(before))
        later = not earlier and bool(_LATER_SAID.search(before))
        said.append((value, earlier, later))
        previous_end = end
    aside: Set[str] = set()
    for index, (value, earlier, _) in enumerate(said):
        if earlier and any(later and other != value for other, _, later in said[index + 1 :]):
            aside.add(value)
    return aside
