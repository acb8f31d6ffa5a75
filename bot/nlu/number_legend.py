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
from typing import Dict, List, NamedTuple, Optional, Sequence, Tuple

from spacy.tokens import Doc, Token

from bot.nlu.number_shapes import CONTEXT_PHONES, phone_shape, unwrapped_end, unwrapped_start
from bot.nlu.number_words import CONTEXT_KINDS

# Places in a list. An ordinal names its place alone ("第二个是订单号"); a direction only with a
# pointer after it ("下面这个才是订单", "后面的是…"): "下面是订单号：X Y" says what follows.
_ORDINAL_FIRST = r"第一个|第1个|第一单|前者|the first|first one|the former"
_ORDINAL_SECOND = r"第二个|第2个|第二单|the second|second one"
_ORDINAL_THIRD = r"第三个|第3个|第三单|the third|third one"
_ORDINAL_LAST = r"后者|最后一个|the latter|the last one"
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
# "订单号是后面这个": what the number is, then its place.
_WORD_THEN_PLACE = re.compile(rf"{_COPULA}(?P<place>{_PLACE})$", re.IGNORECASE)
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


def _statement(text: str, low: int, end: int, count: int) -> Optional[Tuple[int, int, str]]:
    """(start, place index, kind) of one statement of the legend ending at `end`, or None."""
    word = _word_ending_at(text, end)
    if word:
        said = _PLACE_THEN_WORD.search(text, low, end - len(word))
        if said:
            return said.start(), _index(said.group("place"), count), CONTEXT_KINDS[word]
    said = _WORD_THEN_PLACE.search(text, low, end)
    if said:
        word = _word_ending_at(text, said.start())
        if word:
            start = said.start() - len(word)
            return start, _index(said.group("place"), count), CONTEXT_KINDS[word]
    return None


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
    end = opening
    named: Dict[int, str] = {}
    while True:
        statement = _statement(text, low, end, count)
        if statement is None:
            break
        begin, index, kind = statement
        if index < count:
            named.setdefault(index, kind)
        end = _back_over(_STATEMENT_GAP, text, low, begin)
    if named:
        return Legend(named, True)
    return Legend(_label_list(text, low, opening, count), False)


def _label_list(text: str, low: int, end: int, count: int) -> Dict[int, str]:
    """The labels listed right before `count` numbers ("手机号和订单号"), in their order, or {}."""
    labels: List[str] = []
    word = _word_ending_at(text, end)
    while word and end - len(word) >= low:
        labels.insert(0, CONTEXT_KINDS[word])
        end -= len(word)
        joined = _LABEL_CONJUNCTION.search(text, low, end)
        if joined is None:
            break
        end = joined.start()
        word = _word_ending_at(text, end)
    if len(labels) != count or count < 2 or len(set(labels)) < 2:
        return {}
    return dict(enumerate(labels))


def _lists(doc: Doc) -> List[List[Token]]:
    """The runs of two or more numbers with only list separators between them.

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
        if len(current) > 1:
            runs.append(current)
        current = [token] if token._.complaint_kind else []
    if len(current) > 1:
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
