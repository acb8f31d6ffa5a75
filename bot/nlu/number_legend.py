"""A legend said before a list of numbers: which number is which, by its place (ord26).

"第一个是订单号，第二个是手机号：2865…，1391…", "上面那个是物流单号，下面这个才是订单：⏎4330…⏎3721…",
"订单号是后面这个 YT75… / 6938…", "The first one is the tracking number, the second is my order:
1Z… 112-…", and a list of labels in the order of the numbers after them ("请提供手机号和订单号⏎
1381… 2865…").

Why a module of its own: the words right before a number name that number alone
(`bot.nlu.number_words.left_word`), so the legend's last word ("…手机号：") was read as the
label of the first number and the customer's own account of the list was lost. A legend names
several numbers at once, by their places in the list that follows it; it is read once every
number has its kind (`bot.nlu.number_kinds.annotate`) and overrides those kinds. Said after the
numbers ("X 和 Y，后面那个才是订单"), places are read by `bot.nlu.order_choice.told_by_position`.
"""

import re
from typing import Dict, List, NamedTuple, Optional, Sequence

from spacy.tokens import Doc, Token

from bot.nlu.number_shapes import CONTEXT_PHONES, phone_shape, unwrapped_end, unwrapped_start
from bot.nlu.number_words import CONTEXT_KINDS

# Places in a list. An ordinal names its place alone ("第二个是订单号"); a direction only with a
# pointer after it ("下面这个才是订单", "后面的是…"): "下面是订单号：X Y" says what follows.
# (第一行/第二行: the lines of the list, "第一行订单号 第二行快递单号", ord27.)
_ORDINAL_FIRST = r"第一个|第1个|第一单|第一行|第1行|前者|the first|first one|the former"
_ORDINAL_SECOND = r"第二个|第2个|第二单|第二行|第2行|the second|second one"
_ORDINAL_THIRD = r"第三个|第3个|第三单|第三行|第3行|the third|third one"
_ORDINAL_LAST = r"后者|最后一个|最后一行|the latter|the last one"
_DIRECTION_FIRST = r"前面|前边|上面|上边"
_DIRECTION_LAST = r"后面|后边|下面|下边"
_POINTER = r"(?:那个|这个|那单|这单|那一单|那笔|一个|的)"
_PLACE = (
    rf"(?:{_ORDINAL_FIRST}|{_ORDINAL_SECOND}|{_ORDINAL_THIRD}|{_ORDINAL_LAST})(?:个?号|{_POINTER}| one)?"
    rf"|(?:{_DIRECTION_FIRST}|{_DIRECTION_LAST}){_POINTER}"
)
# (Cantonese: 係, normalised to 系, and 先係 for 才是: "第二個先係訂單號")
_COPULA = r"\s*(?:才|就|则|先)?\s*(?:是|为|系|\bis\b|\bwas\b)\s*"
# "第二个才是订单号", "the second is my order": the place, then what the number there is.
_PLACE_THEN_WORD = re.compile(
    rf"(?P<place>{_PLACE}){_COPULA}(?:这次的|我的|我们的|我|the |my |an? )?$", re.IGNORECASE
)
# "订单号是后面这个", "订单号在第一行": what the number is, then its place.
_WORD_THEN_PLACE = re.compile(rf"(?:{_COPULA}|\s*在\s*)(?P<place>{_PLACE})$", re.IGNORECASE)
# Loose statements, read only in a legend of two statements or more (ord27): no copula
# ("第一个订单号，第二个是优惠券码", "第一行订单号 第二行快递单号") or a direction with no pointer
# ("前面是订单号后面是手机号", "上面是手机 下面是订单号"). Alone, "后面是订单号 X Y" and "下面是订单号："
# say what follows, and "第一个订单号 X" is an order's own label.
_LOOSE_PLACE = rf"{_PLACE}|{_DIRECTION_FIRST}|{_DIRECTION_LAST}"
_LOOSE_PLACE_THEN_WORD = re.compile(
    rf"(?P<place>{_LOOSE_PLACE})(?:{_COPULA}|\s*)(?:我的|我)?$", re.IGNORECASE
)
_LOOSE_WORD_THEN_PLACE = re.compile(
    rf"(?:{_COPULA}|\s*在\s*)(?P<place>{_LOOSE_PLACE})$", re.IGNORECASE
)
# Between the legend's statements, between it and the list, between the list's labels.
_STATEMENT_GAP = re.compile(r"[\s,;.。]*$")
# (A quoted question closes before the answer: "「客服：请发下订单号和手机号」⏎- - - - -⏎X Y".)
_LIST_OPENING = re.compile(r"(?:[\s:?.。」』”》)\]】-]|分别是|分别为|如下)*$")
_LABEL_CONJUNCTION = re.compile(r"\s*(?:和|跟|与|及|、|/|&|\band\b)\s*$")
# Between the numbers of one list: spaces, a comma, a slash, a bar or a conjunction.
_LIST_GAP = re.compile(r"\s*(?:[,、/|;&]|和|跟|与|及|and)?\s*")
_WINDOW = 60  # how far before the list a legend may start
_LONGEST_WORD = max(len(word) for word in CONTEXT_KINDS)


def _word_ending_at(text: str, end: int) -> str:
    """The longest context word of two characters or more that ends at `end`, or ""."""
    for length in range(min(_LONGEST_WORD, end), 1, -1):
        word = text[end - length : end]
        if word not in CONTEXT_KINDS:
            continue
        glued = word[0].isascii() and word[0].isalnum() and end - length > 0
        if glued and text[end - length - 1].isascii() and text[end - length - 1].isalnum():
            continue  # "piano" does not end in "no"
        return word
    return ""


def _index(place: str, count: int) -> int:
    """Where in a list of `count` numbers `place` points (0-based)."""
    if re.match(_ORDINAL_FIRST + "|" + _DIRECTION_FIRST, place, re.IGNORECASE):
        return 0
    if re.match(_ORDINAL_SECOND, place, re.IGNORECASE):
        return 1
    if re.match(_ORDINAL_THIRD, place, re.IGNORECASE):
        return 2
    return count - 1


class _Statement(NamedTuple):
    """One statement of a legend: where it starts, the place it names, the kind, how firm."""

    start: int
    place: int  # its place in the list (0-based)
    kind: str
    firm: bool  # a place statement of the strict form, which may stand alone


def _statement(text: str, low: int, end: int, count: int) -> Optional[_Statement]:
    """The statement of the legend ending at `end`, or None; strict forms first."""
    forms = (
        (_PLACE_THEN_WORD, _WORD_THEN_PLACE, True),
        (_LOOSE_PLACE_THEN_WORD, _LOOSE_WORD_THEN_PLACE, False),
    )
    for place_then_word, word_then_place, firm in forms:
        word = _word_ending_at(text, end)
        if word:
            said = place_then_word.search(text, low, end - len(word))
            if said:
                index = _index(said.group("place"), count)
                return _Statement(said.start(), index, CONTEXT_KINDS[word], firm)
        said = word_then_place.search(text, low, end)
        if said:
            word = _word_ending_at(text, said.start())
            if word:
                start = said.start() - len(word)
                return _Statement(
                    start, _index(said.group("place"), count), CONTEXT_KINDS[word], firm
                )
    return None


def _statements(text: str, low: int, end: int, count: int) -> List[_Statement]:
    """The chained statements of the legend ending at `end`, last first; [] when none.

    Loose statements count only in a chain of two or more (see `_LOOSE_PLACE`).
    """
    found: List[_Statement] = []
    while True:
        statement = _statement(text, low, end, count)
        if statement is None:
            break
        found.append(statement)
        end = _back_over(_STATEMENT_GAP, text, low, statement.start)
    if len(found) < 2 and not all(statement.firm for statement in found):
        return []
    return found


def _back_over(pattern: re.Pattern[str], text: str, low: int, end: int) -> int:
    """Where the run of `pattern` that ends at `end` starts (`end` when there is none)."""
    match = pattern.search(text, low, end)
    return match.start() if match else end


class Legend(NamedTuple):
    """What a legend says of the numbers listed after it (see `read_legend`)."""

    kinds: Dict[int, str]  # place in the list (0-based) -> the kind named for it
    by_place: bool  # said in place statements ("第二个是…"), not as a list of labels


def read_legend(text: str, start: int, count: int) -> Legend:
    """What a legend ending right before `start` says of the `count` numbers listed there.

    Place statements ("第一个是…，第二个是…", "订单号是后面这个"), or, failing them, as many labels
    as numbers joined by 和/、/and ("手机号和订单号"). No kinds when there is no legend.
    """
    low = max(0, start - _WINDOW)
    opening = _back_over(_LIST_OPENING, text, low, start)
    named: Dict[int, str] = {}
    for statement in _statements(text, low, opening, count):
        if statement.place < count:
            named.setdefault(statement.place, statement.kind)
    if named:
        return Legend(named, True)
    return Legend(_label_list(text, low, opening, count), False)


def names_a_list(text: str, start: int) -> bool:
    """Whether the words right before `start` end a legend rather than label this number.

    "第一个是订单号，第二个是快递单号⏎3721 8495 6302⏎8174 625⏎SF14…": 快递单号 ends the legend;
    the number after it is the first of the list, the order, and its groups join as an
    order's over the line break (ord27; read before the merger, which `apply_legend` follows).
    A legend of two statements or more, or one that names a later place ("第二个是手机号：X Y");
    "第一个是订单号 X" names the number after it.
    """
    low = max(0, start - _WINDOW)
    opening = _back_over(_LIST_OPENING, text, low, start)
    statements = _statements(text, low, opening, _MANY)
    return len(statements) > 1 or any(statement.place > 0 for statement in statements)


_MANY = 9  # a list's length when it is not known yet: any place but the first is later


def _label_list(text: str, low: int, end: int, count: int) -> Dict[int, str]:
    """The labels listed right before `count` numbers ("手机号和订单号"), in their order, or {}."""
    labels: List[str] = []
    word = _word_ending_at(text, end)
    first = end
    while word and end - len(word) >= low:
        labels.insert(0, CONTEXT_KINDS[word])
        end -= len(word)
        first = end
        joined = _LABEL_CONJUNCTION.search(text, low, end)
        if joined is None:
            break
        end = joined.start()
        word = _word_ending_at(text, end)
    if len(labels) != count or count < 2 or len(set(labels)) < 2:
        return {}
    if _CAPTIONED_NUMBER.search(text, low, first):
        return {}  # "SF… 快递单号 / 订单号 2893… / SH… 售后单号": captions, no legend (ord34)
    return dict(enumerate(labels))


# A number right before the first label on its line: the label is its caption (ord34).
_CAPTIONED_NUMBER = re.compile(r"(?<![0-9a-z])(?=[0-9a-z]*\d)[0-9a-z]{4,}[ \t]*\Z")


def _lists(doc: Doc) -> List[List[Token]]:
    """The runs of numbers with only list separators between them.

    A run of one too: the list's other numbers may be no ids ("第一个订单号，第二个是优惠券码⏎
    7788 1234 5566 0099⏎Q8K2M9", ord27), and the legend still names the first.

    Past the brackets, quotes or emoji around each ("X 「Y」", "👉X🙏"); a number of no kind
    (a year: "…，2024年11月23日买的") ends the list.
    """
    text = doc.text
    runs: List[List[Token]] = []
    current: List[Token] = []
    for token in doc:
        if not token._.complaint_id:
            continue
        if current and token._.complaint_kind:
            previous = current[-1]
            end = unwrapped_end(text, previous.idx + len(previous))
            between = text[end : max(end, unwrapped_start(text, token.idx))]
            if _LIST_GAP.fullmatch(between):
                current.append(token)
                continue
        if current:
            runs.append(current)
        current = [token] if token._.complaint_kind else []
    if current:
        runs.append(current)
    return runs


def _named_kind(token: Token, kind: str, order_pattern: re.Pattern[str]) -> Optional[str]:
    """The kind a legend's word gives this number, or None when its shape refuses it."""
    compact = str(token._.complaint_id)
    if kind == "order":
        is_order = bool(order_pattern.fullmatch(compact)) and any(c.isdigit() for c in compact)
        return "order" if is_order else None
    if kind == "phone":
        return "phone" if phone_shape(compact, token.text) in CONTEXT_PHONES else "other"
    return kind


def _consistent(run: Sequence[Token], named: Dict[int, str], pattern: re.Pattern[str]) -> bool:
    """Whether every number takes the kind the legend gives it (a list of labels, read loosely).

    "请提供手机号和订单号⏎2865… 1381…": the customer answered in another order; the labels
    then say nothing of which is which.
    """
    return all(_named_kind(run[index], kind, pattern) == kind for index, kind in named.items())


def apply_legend(doc: Doc, order_pattern: re.Pattern[str]) -> None:
    """Give each number of a list the kind the legend before it names by its place.

    A number the legend does not name loses an order's kind when the legend names the order
    elsewhere ("第二个才是订单号：1391… 2865…": 订单号 ended the legend, it did not label 1391…).
    """
    for run in _lists(doc):
        legend = read_legend(doc.text, unwrapped_start(doc.text, run[0].idx), len(run))
        if not legend.kinds:
            continue
        if not legend.by_place and not _consistent(run, legend.kinds, order_pattern):
            continue  # a list of labels the numbers do not follow
        for index, token in enumerate(run):
            named = legend.kinds.get(index)
            kind = _named_kind(token, named, order_pattern) if named else None
            if kind is not None:
                token._.complaint_kind, token._.complaint_rule = kind, "ctx"
            elif "order" in legend.kinds.values() and token._.complaint_kind == "order":
                shape = phone_shape(str(token._.complaint_id), token.text)
                token._.complaint_kind = "phone" if shape in CONTEXT_PHONES else "other"
                token._.complaint_rule = "bare"
