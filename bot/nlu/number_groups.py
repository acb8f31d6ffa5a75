"""The digit/letter groups of a message and how they are joined: the merger's runs.

Customers write one number in groups ("LS-2024 1122 3344", "2024.1123.5567", one number
over two lines); `id_runs` finds the maximal runs of groups joined by separators a number
can hold, with what stands between them, and `code_blocks` cuts card keys out of a run.
Where one id ends inside a run is `bot.nlu.number_joins`' concern.
"""

import re
import unicodedata
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

from spacy.tokens import Doc, Token

from bot.nlu.number_kinds import followed_by_counter, is_amount
from bot.nlu.number_legend import names_a_list
from bot.nlu.number_shapes import (
    AFTER_DATE,
    ALONE,
    CODE_SEPARATORS,
    CONTINUATION,
    CURRENCY_LETTERS,
    DATE_DIGITS,
    DATE_UNIT,
    DOUBLED_SEPARATORS,
    ENGLISH_COUNT,
    ENGLISH_COUNT_DIGITS,
    GLUED_WORDS,
    GROUP,
    ID_PUNCTUATION,
    INVISIBLE,
    LABEL_HEAD_AFTER,
    LABELLED_PUNCTUATION,
    MEASURE_GROUP,
    MEASURED,
    MEASURED_DIGITS,
    MOBILE,
    MONTH_DAY,
    PHONE_AHEAD,
    PIECE_COUNTERS,
    SHORT_BLOCK_PUNCTUATION,
    TIMES_COUNT,
    UNIT_AFTER,
    UNIT_DIGITS,
    URL,
    VERSION_HEAD,
    WHOLE_GROUP,
    YEAR_INSIDE,
    YEAR_THEN_MONTH,
    ZERO_WIDTH,
    unwrapped_start,
)
from bot.nlu.number_words import NOT_PREFIXES, left_context


def _typed_upper(doc: Doc, token: Token) -> bool:
    """Whether the customer typed the letters of `token` in capitals (the text is lowered)."""
    original = doc.user_data.get("complaint_original")
    return isinstance(original, str) and original[token.idx : token.idx + len(token)].isupper()


def group_ok(text: str, first: bool) -> bool:
    """Whether a group may be part of an id: digits in it, or a short letter prefix ("LS").

    Letter words that introduce a number ("QQ 3847...", "tel 138...") are not prefixes.
    """
    text = text.lower()
    if any(c.isdigit() for c in text):
        return first or len(text) >= 2
    return first and len(text) <= 4 and text not in NOT_PREFIXES


def looks_like_date(groups: Sequence[str]) -> bool:
    """2024 11 / 2024-11-23 written with spaces or dashes is a date, not an order.

    So is an English-speaking page's "11/23/2024" or "23/11/2024" (ord32: "Order date:
    11/23/2024" read 11232024).
    """
    if len(groups) not in (2, 3) or not all(g.isdigit() for g in groups):
        return False
    if len(groups) == 3 and _year_last(groups):
        return True
    if not re.fullmatch(r"(19|20)\d{2}", groups[0]) or not 1 <= len(groups[1]) <= 2:
        return False
    if not 1 <= int(groups[1]) <= 12:
        return False
    return len(groups) == 2 or (len(groups[2]) <= 2 and 1 <= int(groups[2]) <= 31)


def _year_last(groups: Sequence[str]) -> bool:
    """Month and day (either order), then a year: "11/23/2024", "23-11-2024"."""
    if not _YEAR.fullmatch(groups[2]) or not all(1 <= len(g) <= 2 for g in groups[:2]):
        return False
    first, second = int(groups[0]), int(groups[1])
    return 1 <= min(first, second) <= 12 and max(first, second) <= 31


def is_emoji(char: str) -> bool:
    """A symbol or an invisible mark, as customers put between groups ("2024😡1123", "➖")."""
    return unicodedata.category(char) in ("So", "Sk", "Mn", "Me", "Cf") or char in INVISIBLE


def _separator(between: str, previous: str = "") -> str:
    """How two groups are joined: "glue" (invisible), "sep", or "" (not one number).

    A colon joins only a letter prefix to its digits ("jd:2024...", "tb : 2024").
    """
    if previous.isalpha() and previous.lower() not in NOT_PREFIXES and len(previous) <= 4:
        if between.strip(" ") == ":":
            return "sep"
    if not between:
        return "glue"
    if all(char in INVISIBLE for char in between):
        return "glue"
    if CONTINUATION.fullmatch(between):
        return "continued"
    # invisible marks do not count: a blanked filler word ("2024，等一下，1123") is one gap
    if len([char for char in between if char not in INVISIBLE]) > 4 or between.count("\n") > 1:
        return ""
    if between.strip() in DOUBLED_SEPARATORS:
        between = between.strip()[0]
    punctuation = sum(1 for char in between if char in ID_PUNCTUATION | LABELLED_PUNCTUATION)
    if punctuation > 1:
        return ""
    if all(char.isspace() or char in ID_PUNCTUATION or is_emoji(char) for char in between):
        return "sep"
    if all(char.isspace() or char in LABELLED_PUNCTUATION for char in between):
        return "labelled"
    return ""


def _label_before(text: str, start: int) -> str:
    """The kind the words right before `start` name, or "" when they end a legend.

    A legend's last word names a later number of the list ("第一个是订单号，第二个是快递单号⏎
    3721 8495 6302⏎8174 625⏎SF…"); read as this number's label it ended an order broken over
    lines at its line break, as a parcel number's groups end (ord27).
    """
    if names_a_list(text, unwrapped_start(text, start)):
        return ""
    return left_context(text, start)


@dataclass
class Group:
    """Digit/letter groups glued together (keycap digits), as token indices and text."""

    first: int
    last: int
    text: str
    amount: bool
    between: str = ""  # what separates it from the group before
    labelled: bool = False  # letters an order word introduces: "订单号JD 3012…", "订单 PO 211…"
    stray_tail: bool = False  # the last digits of an order after a stray space (`_stray_tail`)
    rest_of_order: bool = False  # an order's rest on the next line (`_rest_of_order`)
    opens_phone: bool = False  # a hotline or landline starts here ("400-820-8820")
    context: str = ""  # the kind the words right before it name (`left_context`)
    typed_upper: bool = False  # letters the customer typed in capitals ("SO 2024…", round 30)
    set_off: bool = False  # a space or colon before it, not glued to a word ("订单1", ord36)


# 日期 ("the date") after a number labels what follows it: "…5567 日期11.23" is no day 5567.
_DATE_LABEL = "日期"


def _dated(doc: Doc, after: int) -> bool:
    """Whether the token at `after` is a date unit (年/月/日) said of the number before it."""
    if after >= len(doc) or doc[after].text[:1] not in DATE_UNIT:
        return False
    if _year_inside(doc, doc[after - 1]):
        return False
    return not doc.text.startswith(_DATE_LABEL, doc[after].idx)


_YEAR = re.compile(r"(?:19|20)\d{2}")


def _year_inside(doc: Doc, token: Token) -> bool:
    """A year mark typed inside an order its label introduces: "订单号 2024年1123 5567".

    Voice input writes 年 after a spoken year, and so do customers who read the order's
    head as one; three digits or more after it are no month ("2024年11月23日" stays a
    date), so the year and the digits after it are groups of one number.
    """
    end = token.idx + len(token)
    return bool(
        _YEAR.fullmatch(token.text)
        and YEAR_INSIDE.match(doc.text, end)
        and left_context(doc.text, token.idx) == "order"
    )


def _year_of_date(doc: Doc, token: Token) -> bool:
    """A year glued after a number, then its month: "订单号 3829…6632024年11月23号下的单".

    The tokenizer cuts "2024年" off the digits before it; gluing them back would end the
    order with the date's year.
    """
    return bool(_YEAR.fullmatch(token.text) and YEAR_THEN_MONTH.match(doc.text, token.idx + 4))


def _measured(doc: Doc, token: Token) -> bool:
    """A short number a room, building, floor, height or weight word follows (`MEASURED`).

    "订单号 202411235567 / 1203室", "2411 2388 7766 / 175的个子" on two lines: no rest of the
    order above;
    nor is a measure with its unit glued on ("2411 2388 7766 175cm 穿M小"), nor a count in
    English ("… 5567 2 items broken").
    """
    end = token.idx + len(token)
    if MEASURE_GROUP.fullmatch(token.text) or _unit_after(doc, token):
        return True
    if VERSION_HEAD.fullmatch(token.text) and doc.text[end : end + 2][:1] == ".":
        return doc.text[end + 1 : end + 2].isdigit()  # "V2.1 版本"
    if len(token) <= ENGLISH_COUNT_DIGITS and ENGLISH_COUNT.match(doc.text, end):
        return token.text.isdigit()  # "… 5567 2 items broken": a count
    return len(token) <= MEASURED_DIGITS and bool(MEASURED.match(doc.text, end))


_DAYS, _HOURS, _DAY_DIGITS = 31, 24, 2


def _unit_after(doc: Doc, token: Token) -> bool:
    """Digits a unit follows (`UNIT_AFTER`): a quantity, a day, an hour, a size, a share.

    "订单号 2411 2388 7766 23号到的" took 23 as the order's last group; the counters of
    `is_amount` (件, 个, 码 …) were the only units read so. 号 is a day only up to 31 and 点
    an hour up to 24, of one or two digits ("…562号", "第2024 1125 0031号订单" are no day).
    """
    if not token.text.isdigit() or len(token) > UNIT_DIGITS:
        return False
    match = UNIT_AFTER.match(doc.text, token.idx + len(token))
    if match is None:
        return False
    value = int(token.text)
    if (match.group("day") or match.group("hour")) and len(token) > _DAY_DIGITS:
        return False
    if match.group("day"):
        return 1 <= value <= _DAYS
    if match.group("hour"):
        return value <= _HOURS
    return True


_LABEL_HEAD_CHARS = 6


def _label_head(doc: Doc, token: Token) -> bool:
    """A short group with a letter glued to a label word: a label's head ("，3C编号也查不到").

    "…0918 276 ，3C编号" joined 3C to the order typed in groups before it (`LABEL_HEAD_AFTER`),
    and "… 7766 A2890型号" the model the word names.
    Digits alone keep the word as said of them: "…5567号码不对吗" is the order's last group.
    """
    return (
        len(token) <= _LABEL_HEAD_CHARS
        and any(char.isalpha() for char in token.text)
        and bool(LABEL_HEAD_AFTER.match(doc.text, token.idx + len(token)))
    )


def _month_day(doc: Doc, token: Token) -> bool:
    """A month and day with a slash or a dash ("…321 ，11/23 下單", "… 9876 11-23"): a date.

    Not inside a slashed or dashed id ("2024/11/23/5567", "…/1123/5567", "2865-4321-9876-
    11-23"): nothing dated or numbered after the day, no separator or digit before the month.
    """
    start = token.idx
    before = doc.text[start - 1 : start]
    return not (before.isalnum() or before in "/.-") and bool(MONTH_DAY.match(doc.text, start))


def _date_after_whole(doc: Doc, previous: Token, token: Token) -> bool:
    """An eight-digit date glued after a whole order, a word of buying or receiving after it.

    "订单号20241123556620241123下单" (ord22, round seventeen's "left"): the twelve digits are
    an order by themselves and 下单 says the eight after them are the day it was placed, as
    "…55662024.11.23下单" already read. `GLUED_DATE` cuts the token there.
    """
    return len(previous.text) >= 12 and previous.text.isdigit() and _date_said(doc, token)


_MONTH = re.compile(r"1[0-2]|0?[1-9]")
_MONTH_DAY_AFTER = re.compile(r"月(?:0?[1-9]|[12]\d|3[01])(?!\d)")


def _month_after_whole(doc: Doc, head: str, token: Token) -> bool:
    """A month glued after a whole order, 月 and a day after it (ord23).

    "订单号2411230091827311月23号买的": the fourteen digits are the order and "11月23号" the
    day it was bought; glued, the order ended with the month. `GLUED_DATE` cuts the month
    off (the largest month first); this keeps the groups apart.
    """
    return (
        len(head) >= 12
        and head.isdigit()
        and bool(_MONTH.fullmatch(token.text))
        and bool(_MONTH_DAY_AFTER.match(doc.text, token.idx + len(token)))
    )


# A date an English-speaking page prints, the year last: "11/23/2024", "23.11.2024".
_YEAR_LAST_DATE = re.compile(
    r"(?<![0-9a-z/.-])\d{1,2}([/.-])\d{1,2}\1(?:19|20)\d{2}(?![0-9a-z]|[/.-]\d)", re.IGNORECASE
)


def _year_last_date(doc: Doc, token: Token) -> bool:
    """A group of a month/day/year date (`looks_like_date`'s year-last form), ord32.

    "Order date: 11/23/2024" read 232024: the joins found an order in the day and year.
    """
    start = max(0, token.idx - 6)
    for match in _YEAR_LAST_DATE.finditer(doc.text, start, token.idx + len(token) + 6):
        groups = re.split(r"[/.-]", match.group(0))
        if match.start() <= token.idx < match.end() and looks_like_date(groups):
            return True
    return False


# A model year: "2024 款", "2024年款" (the goods' year of make, ord36).
_MODEL_YEAR = re.compile(r"(?:19|20)\d{2} ?年?款")


def _model_year(doc: Doc, token: Token) -> bool:
    """A year the word 款 follows names the goods' model, never a group of the order.

    "订单号 3301 9482 7760 2024 款的不是这个颜色": the order ends before the model year.
    """
    return bool(_MODEL_YEAR.match(doc.text, token.idx))


# A date typed as a year and its month and day in two groups: "2024 1124", "2024 11 24".
_SPACED_DATE = re.compile(
    r"(?<![0-9a-z])(?:19|20)\d{2} (?:0[1-9]|1[0-2]) ?(?:0[1-9]|[12]\d|3[01])(?![0-9a-z])",
    re.IGNORECASE,
)


def _spaced_date_said(doc: Doc, token: Token) -> bool:
    """A year and its month and day in groups, a word of buying or receiving after them.

    "2024 1123 5567 0098 2024 1124 签收 没收到货" (ord25): the order, then the day it was
    signed for, written as the order's groups are; joined, the order went on with the date.
    Both groups of the date (the year and the month and day) stand alone.
    """
    text = doc.text
    for match in _SPACED_DATE.finditer(text, max(0, token.idx - 8), token.idx + len(token) + 8):
        if match.start() <= token.idx < match.end() and AFTER_DATE.match(text, match.end()):
            return True
    return False


def _date_said(doc: Doc, token: Token) -> bool:
    """Eight digits that read as a date, a word of buying or receiving after them."""
    return bool(
        DATE_DIGITS.fullmatch(token.text) and AFTER_DATE.match(doc.text, token.idx + len(token))
    )


_BADGE_DIGITS = 3  # "99+", "999+": an app's count, never more
_COUNT_LINE_DIGITS = 2
_WHOLE_ORDER = 12  # digits of a whole order: none of it is left to wrap onto the next line


def _count_line(
    doc: Doc, current: Sequence[Group], previous: Optional[Token], token: Token
) -> bool:
    """An app's count pasted with the order: a badge ("99+") or a line of one or two digits.

    "订单号 / 4102…9051 / 99+", "订单编号 / 复制 / 2503…2938 / 99" on lines of their own (ord25):
    copied from an app, the lines around the order hold its buttons and counts. "99+" is a
    badge anywhere; a line of one or two digits alone after a line that ends with a whole
    order (twelve digits or more) is a count, no rest wrapped onto it ("…2024112355 / 67)"
    still is: ten digits are short of a whole order).
    """
    end = token.idx + len(token)
    if token.text.isdigit() and len(token) <= _BADGE_DIGITS and doc.text[end : end + 1] == "+":
        return not doc.text[end + 1 : end + 2].isdigit()  # "1+1" or "+86…" is no badge
    if previous is None or not token.text.isdigit() or len(token) > _COUNT_LINE_DIGITS:
        return False
    line_start = doc.text.rfind("\n", 0, token.idx) + 1
    line_end = doc.text.find("\n", end)
    line = doc.text[line_start : len(doc.text) if line_end < 0 else line_end]
    between = doc.text[previous.idx + len(previous) : token.idx]
    above = "".join(group.text for group in current)  # the number on the line above
    return (
        # one number on one line: "2O22 / 1219 / 7227 / 7646 / 08", broken over lines, ends in
        # 08; nor a list: "X、20 / 24 / 11 / …" is a second number broken over lines
        not any(set(group.between) & {"\n", "、", ",", "，"} for group in current[1:])
        and line.strip() == token.text
        and between.strip() == ""
        and "\n" in between
        and above.isdigit()
        and len(above) >= _WHOLE_ORDER
    )


_SET_OFF = frozenset(" \t\u3000:：")


def id_runs(doc: Doc) -> List[List[Group]]:
    """Maximal runs of id-like groups joined by separators (see `_separator`)."""
    runs: List[List[Group]] = []
    current: List[Group] = []
    previous: Optional[Token] = None
    links = [match.span() for match in URL.finditer(doc.text)]
    for token in doc:
        if not GROUP.fullmatch(token.text):
            continue
        # "it's 112-…": the s of "it's" is no prefix; "…522，RMB536.00": a currency opens
        # an amount, never the next group of the number before it
        if _contraction(doc, token) or token.lower_.startswith(CURRENCY_LETTERS):
            if _worth_merging(current):
                runs.append(current)
            current, previous = [], None
            continue
        after = token.i + 1
        dated = _dated(doc, after)
        alone = (
            ALONE.fullmatch(token.text)
            or _date_said(doc, token)
            or _month_day(doc, token)
            or _count_line(doc, current, previous, token)
            or _spaced_date_said(doc, token)
            or _year_last_date(doc, token)
            or _times_count(current, token)
            or _model_year(doc, token)
        )
        measured = _measured(doc, token) or _label_head(doc, token)
        group = Group(
            token.i, token.i, token.text, is_amount(token) or dated or measured or bool(alone)
        )
        group.opens_phone = bool(PHONE_AHEAD.match(doc.text, token.idx))
        group.context = _label_before(doc.text, token.idx)
        group.set_off = token.idx > 0 and doc.text[token.idx - 1] in _SET_OFF
        if token.text.isalpha():
            group.labelled = left_context(doc.text, token.idx) == "order"
            group.typed_upper = _typed_upper(doc, token)
        if previous is not None:
            between = doc.text[previous.idx + len(previous) : token.idx]
            if _copied_invisibly(doc, previous.idx + len(previous), token.idx):
                between = ""  # "3721849563\u00ad028174625": a soft hyphen, one number
            elif current and _hyphenated_wrap(doc, current, between):
                between = ""  # "Order No: 3721849563-⏎028174625": a PDF's line wrap
            group.between = between
            how = _separator(between, previous.text)
            if how == "sep" and _line_apart(doc, current, token):
                how = ""  # "这单花了299⏎2024 1123 5567": the price ends its line, no head
            if not how and between.strip() == "年" and _year_inside(doc, previous):
                how = "sep"  # "订单号 2024年1123 5567": the year mark is a stray character
            if how == "glue" and (
                _year_of_date(doc, token)
                or _date_after_whole(doc, previous, token)
                or (current and _month_after_whole(doc, current[-1].text, token))
            ):
                how = ""  # "…6632024年11月23号", "…556620241123下单": the order, then a date
            if how == "glue" and _glued_word(doc, previous, token):
                how = ""  # "订单号No2024…", "…5567OK吗": a marker or a word, then the order
            if how and len(current) == 1 and previous.lower_ in _MARKERS:
                how = ""  # "订单号 No.ORD-2024-00931": the marker is no block of a key
            if how and _link_boundary(between, previous.idx, token.idx, links):
                how = ""  # "…/orders/2024…/detail": a link's path segments are apart
            if how and _list_counter(doc, current, between):
                how = ""  # "2. 2024 1123 0002 未收到": a list's counter, then the number
            if how == "labelled":  # "*" or "|": only in a number an order word introduces
                head = doc[current[0].first] if current else previous
                how = "sep" if left_context(doc.text, head.idx) == "order" else ""
                if _short_block(between, previous.text, token.text):
                    how = ""
            elif how == "continued":  # the rest of the number, as after a line break
                how = "sep" if left_context(doc.text, doc[current[0].first].idx) == "order" else ""
                group.between = "\n" if how else between
            if how == "glue" and current:
                last = current[-1]
                current[-1] = Group(
                    last.first, token.i, last.text + token.text, group.amount, last.between
                )
                previous = token
                continue
            if not how:
                if _worth_merging(current):
                    runs.append(current)
                current = []
        if current and group.amount and not (dated or alone or measured):
            group.amount = not _last_in_rhythm(current, group, token)
        elif current and alone and _hotline_in_fives(current, group):
            group.amount = False
        elif current and measured and _pairs_before_hao(doc, current, group, token):
            group.amount = False
        if current:
            group.stray_tail = _stray_tail(doc, current[0], group, token)
            group.rest_of_order = _rest_of_order(doc, current, group)
        current.append(group)
        previous = token
    if _worth_merging(current):
        runs.append(current)
    return runs


_COUNTED_DIGITS = 4  # "#1001 x2": a shop's short order number counted too


def _copied_invisibly(doc: Doc, start: int, end: int) -> bool:
    """Only characters nobody typed stand between two groups in the customer's own text.

    An e-mail's or a PDF's soft hyphen and a web page's zero-width space (`ZERO_WIDTH`) are
    inside one number: "Your order 3721849563\u00ad028174625" is one id, not two whole ones.
    """
    original = doc.user_data.get("complaint_original")
    if not isinstance(original, str) or len(original) != len(doc.text) or start >= end:
        return False
    return all(char in ZERO_WIDTH for char in original[start:end])


_HYPHEN_WRAP = re.compile(r"[ \t]*-\r?\n[ \t]*")


def _hyphenated_wrap(doc: Doc, current: Sequence[Group], between: str) -> bool:
    """A hyphen ending the line inside a number an order word introduces (ord32).

    A PDF or an e-mail client wraps a long id at a hyphen it adds ("Order No: 3721849563-⏎
    028174625"); both halves are whole numbers, so a dash and a line break kept them apart.
    """
    if not _HYPHEN_WRAP.fullmatch(between) or len(current) != 1:
        return False
    return left_context(doc.text, doc[current[0].first].idx) == "order"


_SHORT_LINE_END = 4  # digits of a price, count, size or month/day ending the line above
_NEXT_LINE_GROUPS = re.compile(r"[0-9a-z]+(?:[ \t-][0-9a-z]+)*", re.IGNORECASE)


def _line_apart(doc: Doc, current: Sequence[Group], token: Token) -> bool:
    """A short number ending the line above is no head of the number the next line holds.

    "这单花了299⏎2024 1123 5567", "尺码 42⏎2024 …", "11/23⏎2024 …" (ord32): a price, size,
    count or date said on the line before the order's line was read as its first group. It
    stays a head when an order word introduces it ("订单号 2024⏎1123 5567 …"), when it is the
    whole of its line and one group ("2024⏎1123⏎5567": a number broken line by line), when its
    groups are as long as the next line's first ("喏 2024⏎1123 5567 8899"), or when the next
    line's groups are no whole number by themselves.
    """
    if not current or any("\n" in group.between for group in current[1:]):
        return False
    between = doc.text[doc[current[-1].last].idx + len(doc[current[-1].last]) : token.idx]
    head = "".join(group.text for group in current)
    if between.count("\n") != 1 or len(head) > _SHORT_LINE_END:
        return False
    first = doc[current[0].first]
    if left_context(doc.text, first.idx) == "order" or current[0].labelled:
        return False
    line_start = doc.text.rfind("\n", 0, first.idx) + 1
    if not doc.text[line_start : first.idx].strip() and len(current) == 1:
        return False
    rest = _NEXT_LINE_GROUPS.match(doc.text, token.idx)
    digits = sum(char.isdigit() for char in rest.group(0)) if rest else 0
    # "就这个 3721⏎8495 6302 8174 625", "喏 2024⏎1123 5567 8899": a head as long as the groups
    # after it keeps the number's rhythm, a number broken over lines after a pointer word
    shorter = all(len(group.text) < len(token.text) for group in current)
    return digits >= WHOLE_GROUP and shorter


def _times_count(current: Sequence[Group], token: Token) -> bool:
    """A quantity written "x2" after a number: how many were bought (ord26).

    "order #100245 x2 missing" read 100245X2; first, an x is a prefix ("ｘ710 727 8092").
    """
    return (
        bool(current)
        and len(current[-1].text) >= _COUNTED_DIGITS
        and bool(TIMES_COUNT.fullmatch(token.text))
    )


# Markers before a number ("No.", "ID:"); opening a run, they are never one of its blocks.
_MARKERS = frozenset({"no", "id"})


def _glued_word(doc: Doc, previous: Token, token: Token) -> bool:
    """Whether a marker or a word (`GLUED_WORDS`) is glued between the two tokens.

    "订单号No202411235567", "订单ID5520…", "…5567OK吗", "…017XL码" (ord26): the tokenizer cut
    the marker or the word off the digits; glued back, the order went on with it.
    """
    for match in GLUED_WORDS.finditer(doc.text, previous.idx):
        if match.start() > token.idx:
            return False
        if token.idx in match.span():
            return True
    return False


def _worth_merging(run: Sequence[Group]) -> bool:
    """Several groups, or one glued from pieces ("2️⃣0️⃣2️⃣4️⃣"): the merger has work to do.

    A glued group alone must be kept wherever its run ends, not only at the message's end:
    "订单号2️⃣0️⃣…7️⃣，付了299元" lost its order to the price after it.
    """
    return len(run) > 1 or (len(run) == 1 and run[0].first != run[0].last)


_TYPED_SEPARATORS = frozenset("-./·_")
# What follows a list's counter: "1. ", "2、", "3) ".
_COUNTER_MARK = re.compile(r"[.)]\s+|[、)]\s*")
_LIST_COUNTER_DIGITS = 2


def _list_counter(doc: Doc, current: Sequence[Group], between: str) -> bool:
    """Whether the one group so far numbers a list's line ("1. X", then "2. Y"): not Y's head.

    One or two digits opening their line, then a full stop, 、 or a bracket: an id cut into
    short groups after it ("2. 2024 1123 0002") would otherwise take the counter as its head.
    """
    if len(current) != 1 or not _COUNTER_MARK.fullmatch(between):
        return False
    head = current[0]
    if not head.text.isdigit() or len(head.text) > _LIST_COUNTER_DIGITS:
        return False
    start = doc[head.first].idx
    line_start = doc.text.rfind("\n", 0, start) + 1
    return not doc.text[line_start:start].strip()


def _last_in_rhythm(current: Sequence[Group], group: Group, token: Token) -> bool:
    """A group as long as the one before it, then a counter: the number's end, no quantity.

    "單號 2024 1123 5567 個杯爛咗", "订单：202-411-235-567 包裹压扁了": alone "5567 個" and
    "567 包" read as quantities (`is_amount`), which cut the number short. They are its last
    group after a typed separator (- . / ·), or, joined by blanks, in the number's rhythm:
    after two groups of its length. "订单 2024 1123 5567 3 个" keeps its quantity.
    """
    last = current[-1]
    if not followed_by_counter(token) or len(group.text) < 2:
        return False
    if group.text.startswith("0") or len(group.text) >= len(last.text) >= _LONG_GROUP:
        # "訂單ID：HK 2024 1123 008 件貨爛咗", "HK 20241 123008 件": no count opens with a 0,
        # and none is as long as an id's group of five or more before it (ord27)
        return group.text.isdigit()
    typed = group.between.strip()
    if typed:
        # "P-7123-4509-8765-4321-09 包装破了": a typed separator joins it; a comma ends a
        # clause ("丁单号 1611 9759 6406，14天了": a duration, grammar seed 45)
        return all(char in _TYPED_SEPARATORS for char in typed)
    if len(group.text) < len(last.text):
        return _short_remainder(current, group) and _piece_after(token)
    if len(group.text) != len(last.text):
        return False
    return len(current) >= 2 and len(current[-2].text) == len(last.text)


_REMAINDER_RHYTHM = 3  # equal groups before a shorter last one: "6938 4726 1503 8472 910"
_RHYTHM_DIGITS = 3  # of three digits or more each: pairs are read out, not copied


def _short_remainder(current: Sequence[Group], group: Group) -> bool:
    """A shorter last group after three or more equal ones: the rest of the digits (ord28).

    A nineteen-digit id copied in fours ends in three ("單號 6938 4726 1503 8472 910
    個商品壞咗", "… 625 件衫爛咗"): 個/件 opens the goods, and "910 個" read as a quantity cut
    the order to sixteen digits. After three equal groups of three or more digits a last
    group of three or more is the number's rest, when a counter of pieces follows
    (`_piece_after`): counts that long are rare. Two digits ("… 9876 12件"), two groups
    ("202411235567 123 个"), unequal ones, or a size ("… 5567 42码偏小", dev23) keep the quantity.
    """
    rhythm = current[-_REMAINDER_RHYTHM:]
    size = len(current[-1].text)
    return (
        len(rhythm) == _REMAINDER_RHYTHM
        and size >= _RHYTHM_DIGITS
        and all(g.text.isdigit() and len(g.text) == size for g in rhythm)
        and group.text.isdigit()
        and len(group.text) >= _RHYTHM_DIGITS
    )


def _piece_after(token: Token) -> bool:
    """A counter of pieces (件, 个 …) after the digits, no size or age ("42码", "3岁")."""
    rest = token.doc.text[token.idx + len(token) :].lstrip(" ")
    return rest[:1] in PIECE_COUNTERS


_LONG_GROUP = 5
_PAIRS_BEFORE = 4  # pairs of digits before the last: a number read out in pairs


def _pairs_before_hao(doc: Doc, current: Sequence[Group], group: Group, token: Token) -> bool:
    """The last pair of a number typed in pairs, 号 glued after it: its end, no day.

    "订单号 20 24 11 23 15 30 12 03 45 00 00 12号": after four pairs or more with one and the
    same separator, the pair before 号 goes on the rhythm; 号 is the label's, said again
    (ord27). "订单号 2024 1123 5567 12号买的" and "… 55 67 12号到的" keep their day.
    """
    end = token.idx + len(token)
    if doc.text[end : end + 1] != "号" or len(group.text) != 2 or len(current) < _PAIRS_BEFORE:
        return False
    if AFTER_DATE.match(doc.text, end + 1) or doc.text.startswith("到", end + 1):
        return False  # "… 55 67 12号买的": the day it was bought
    pairs = all(len(g.text) == 2 and g.text.isdigit() for g in current)
    return pairs and len({g.between for g in current[1:]} | {group.between}) == 1


def _hotline_in_fives(current: Sequence[Group], group: Group) -> bool:
    """12315 after a group of five digits: a group of the number typed in fives.

    "订单编号 E 20241 12315 32070 01": a date-stamped id in groups of five holds the digits
    of the consumer hotline, which `ALONE` keeps apart everywhere else ("我打了400 800
    12315", "打12315投诉"). Not after a comma, nor after 12315 itself.
    """
    last = current[-1].text
    return (
        group.text == "12315"
        and len(last) == 5
        and last.isdigit()
        and last != group.text
        and not any(char in ",，" for char in group.between)
    )


def _short_block(between: str, before: str, after: str) -> bool:
    """A colon or plus next to a block of one or two: a counter or a sum, not an id's joint."""
    return (
        any(char in SHORT_BLOCK_PUNCTUATION for char in between)
        and min(len(before), len(after)) < 3
    )


def _link_boundary(between: str, before: int, start: int, links: Sequence[Tuple[int, int]]) -> bool:
    """A slash or dot inside a link, or the link's end, between two groups: they are apart.

    "shop.example.com/orders/202411235567/detail" is a host, a word and an order id, not one
    dotted code; "…/help 276-1633386-8619907" a link's last word and a number after it. A
    dash inside a link still joins ("order_sn=241123-5589…").
    """
    inside = any(low <= start < high for low, high in links)
    if inside != any(low <= before < high for low, high in links):
        return True
    return inside and any(char in "/." for char in between)


def _contraction(doc: Doc, token: Token) -> bool:
    """Letters after an apostrophe ("it's", "that’s", "I'm"): the end of an English word.

    Only with a letter before the apostrophe: "Order ID: 'P 5319 …'" quotes a prefix.
    """
    start = token.idx
    return (
        token.text.isalpha()
        and start > 1
        and doc.text[start - 1] in "'’"
        and doc.text[start - 2].isascii()
        and doc.text[start - 2].isalpha()
    )


# The stray tail: two or three digits, or a group of three to five and then those (ord20:
# "订单号六九二一三四五六七八九零 1234 567", the numerals read out, the rest typed), then
# the end of the message (spaces and the marks that end a sentence), or a comma or an emoji
# that ends the clause ("… 723，一共付了299元", "… 723😭"; ord20's metamorphic variants).
_STRAY_TAIL = re.compile(
    r"(?:\d{3,5} )?\d{2,3}(?:[\s.。!！?？~～…]*$|[,，]|[\u2600-\u27bf\U0001f000-\U0010ffff])"
)


def _stray_tail(doc: Doc, head: Group, group: Group, token: Token) -> bool:
    """Two or three digits a stray space cut off an order number at the end of its clause.

    "订单号为2024112355 67": the head (ten digits) would be a number by itself, but the
    digits left over mean nothing alone, so the customer typed one number with a space in
    it. Only after an order word, with one plain space, and with only the end of the message,
    a comma or an emoji after the digits (`_STRAY_TAIL`), or a closing word after a short head
    (`_tail_before_closing_word`); else "12点", "3 个", a date or a second number may follow.
    After a whole typed order a single short number is a price or a count (`_price_or_count`).
    Two groups so, the first of three to five digits, are one tail: "… 1234 567" is no
    price (one number, with no unit) and no count.
    """
    doc_text = doc.text
    if _last_digit_cut(doc, head, group, token):
        return True
    tail = _STRAY_TAIL.match(doc_text, token.idx)
    return (
        group.between == " "
        and group.text.isdigit()
        and 2 <= len(group.text) <= 5
        and not group.amount
        and (tail is not None or _tail_before_closing_word(doc_text, head, group, token))
        and not (tail and _whole_typed(doc, head) and _price_or_count(doc_text, tail))
        and left_context(doc_text, doc[head.first].idx) == "order"
    )


# One digit alone at the end of the message or its clause, a space allowed before (`_STRAY_TAIL`).
_STRAY_DIGIT = re.compile(r"\d ?(?:[\s.。!！?？~～…]*$|[,，]|[\u2600-\u27bf\U0001f000-\U0010ffff])")
_ONE_SHORT = 11  # digits of a head one short of a whole order (`_WHOLE_ORDER`)


def _last_digit_cut(doc: Doc, head: Group, group: Group, token: Token) -> bool:
    """The last digit of a twelve-digit order a stray space cut off (ord28).

    "订单号 28654321987 6": eleven digits (no mobile) are one short of a whole order, and a
    digit alone at the end of the message means nothing by itself: the customer typed one
    number with a space in it. After a whole order ("… 202411235567 2") or a mobile it stays
    apart (a count, `_price_or_count`), as do a unit or more words after it ("… 6 个").
    """
    return (
        group.between == " "
        and len(group.text) == 1
        and group.text.isdigit()
        and not group.amount
        and len(head.text) == _ONE_SHORT
        and head.text.isdigit()
        and not MOBILE.fullmatch(head.text)
        and _whole_typed_digits(doc, head)
        and bool(_STRAY_DIGIT.match(doc.text, token.idx))
        and left_context(doc.text, doc[head.first].idx) == "order"
    )


def _whole_typed_digits(doc: Doc, head: Group) -> bool:
    """The head is one group the customer typed in ASCII digits (no numerals read out)."""
    original = doc.user_data.get("complaint_original")
    start, end = doc[head.first].idx, doc[head.last].idx + len(doc[head.last].text)
    return not isinstance(original, str) or original[start:end].isdigit()


# Words that close the message and say nothing of a number: "… 67 对吧", "… 67 谢谢".
_CLOSING_AFTER = re.compile(
    r"\d{2,3} (?:对吧|是吧|对不对|没错吧?|谢谢|谢了|多谢|麻烦了?|吧|吗|呢|啊|哈)"
    r"(?:[\s,，.。!！?？~～…]|$)"
)


def _tail_before_closing_word(doc_text: str, head: Group, group: Group, token: Token) -> bool:
    """Two or three digits that make a head short of a whole order whole, then a closing word.

    "订单号是 2024112355 67 对吧": ten digits are short of a typical order (twelve or more),
    the two after them make one, and 对吧/谢谢 after them name nothing they could count or
    price, so a stray space cut the order (the brief of ord22: "a 1-3 digit piece after a
    shorter group that makes a typical length may be a stray tail"). A unit, a counter or a
    number after the digits ("… 67 件", "… 12 点") keeps them apart, as before.
    """
    return (
        8 <= len(head.text) < 12 <= len(head.text) + len(group.text)
        and head.text.isdigit()
        and bool(_CLOSING_AFTER.match(doc_text, token.idx))
    )


def _price_or_count(text: str, tail: re.Match[str]) -> bool:
    """After a whole typed order, the digits are a number of their own, not its end.

    Before a comma and more words ("订单号 202411235567 99，质量太差"), or alone at the end
    ("订单号 202411235567 99"): dev17's decision, "a bare short number after the order,
    parted by a space, is a price or a count"; a whole order has no end left to cut off.
    Two groups ("… 241123094518 7235 66") are still the rest of a longer number.
    """
    return _words_after_comma(text, tail.end()) or " " not in tail.group()


def _words_after_comma(text: str, end: int) -> bool:
    """The digits end at a comma and the message goes on with more words after it."""
    return text[end - 1 : end] in ",，" and bool(text[end:].strip())


def _whole_typed(doc: Doc, head: Group) -> bool:
    """The head is a whole order (twelve digits or more) the customer typed in digits.

    "订单号 202411235567 99，质量太差": a whole typed order and then a bare short number before
    more words is a price or a count (dev17's decision: "a bare short number after the order,
    parted by a space, is a price or a count"). Numerals read out and then digits typed
    ("订单 二四…一八 723，一共付了299元") are one number said in two ways: the tail stays.
    """
    if len(head.text) < 12 or not head.text.isdigit():
        return False
    original = doc.user_data.get("complaint_original")
    start, end = doc[head.first].idx, doc[head.last].idx + len(doc[head.last].text)
    return not isinstance(original, str) or original[start:end].isdigit()


def _rest_of_order(doc: Doc, current: Sequence[Group], group: Group) -> bool:
    """The rest of an order an app (or the customer: "后面是 …") put on the next line.

    "订单号 38472619 / 50384756201": the rest is long enough to be a number by itself, so
    only when it follows the head (the first group, too short to be a whole number) on the
    next line, an order word introduces the head, and the rest is no mobile: "订单号
    38472619 / 13812345678" stay an order and a phone.
    """
    head = current[-1]
    return (
        len(current) == 1
        and group.between == "\n"
        and head.text.isdigit()
        and group.text.isdigit()
        and len(head.text) < WHOLE_GROUP
        and not MOBILE.fullmatch(group.text)
        and left_context(doc.text, doc[head.first].idx) == "order"
    )


def _joined_tightly(group: Group) -> bool:
    """One separator and no space, as in a code's blocks ("EFGH-1234"), not prose's ", ".

    Commas are prose even without a space (a full-width "，" has none): "301234567890，JD
    301234567891" lists two orders, it is no code.
    """
    return len(group.between) == 1 and group.between in CODE_SEPARATORS


def code_blocks(groups: Sequence[Group]) -> List[Tuple[List[Group], bool]]:
    """The run cut into (groups, is_code) parts: codes are never ids, nor pieces of one.

    A code is written in dashed blocks with a block of letters only after the first, as card
    keys and vouchers are ("ABCD-EFGH-1234-5678"); an id has letters at most in front
    ("SO-2024-001234", "PDD 241125-0123…"). Without this the digits after the letters would
    pass for an order ("EFGH-1234-5678").
    """
    blocks: List[List[Group]] = []
    for group in groups:
        if blocks and _joined_tightly(group):
            blocks[-1].append(group)
        else:
            blocks.append([group])
    parts: List[Tuple[List[Group], bool]] = []
    for block in blocks:
        is_code = any(group.text.isalpha() for group in block[1:])
        if parts and not is_code and not parts[-1][1]:
            parts[-1][0].extend(block)
        else:
            parts.append((list(block), is_code))
    return parts
