"""The `complaint_token_merger` component: joins what jieba splits into one number.

Customers write one order number in groups ("LS-2024 1122 3344", "2024.1123.5567", one
number over two lines); `build_token_merger` joins those groups into one token and then
annotates every token (`bot.nlu.number_kinds`): dates and amounts first, ids a shop prints
in one piece, then each run of groups (`bot.nlu.number_groups`) into the ids it makes
(`bot.nlu.number_joins`). `BoundaryTokenizer` first makes dates and digit/letter runs tokens
of their own, and `trim` cuts context words off number matches.
"""

import bisect
import re
import string
from typing import Callable, List, Sequence, Tuple

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from bot.nlu.number_groups import Group, code_blocks, group_ok, id_runs, looks_like_date
from bot.nlu.number_joins import longest_id
from bot.nlu.number_kinds import annotate
from bot.nlu.number_shapes import (
    ALNUM_RUN,
    AMOUNT_FOLLOWERS,
    CLOCK_TIME,
    COUNTERS,
    DECIMAL,
    GLUED_DATE,
    GLUED_WORDS,
    GROUPED_NUMBER,
    MOBILE,
    NUMBER_LABELS,
    NUMERIC_DATE,
    UNIT_AFTER,
    WHOLE_GROUP,
)
from bot.nlu.number_words import (
    CONTEXT_KINDS,
    ENGLISH_WORDS,
    NOT_PREFIXES,
    PREFIX_AFTER_ORDER,
    left_context,
)

# An id a shop system prints in one piece, its blocks joined by one and the same separator
# and nothing else: "DD_20241128_0088", "BJ-SH-2411-2809", "PO-211-09283746501928374".
_PRINTED_ID = re.compile(
    r"(?<![0-9a-z_./-])[0-9a-z]+([-_./])[0-9a-z]+(?:\1[0-9a-z]+)*(?![0-9a-z]|[-_./][0-9a-z])",
    re.IGNORECASE,
)


def _printed_id(text: str, match: re.Match[str], order_pattern: re.Pattern[str]) -> bool:
    """Whether a printed id is one number although its blocks would not join one by one.

    The group-by-group rules keep a long block to itself and stop at a block of letters or
    a letter prefix longer than four (codes and words look like that), which cuts a shop's
    own id: "PO-211-0928374650192837" or "WxMall_2411280931_77", and a date at its head
    ("2024-11-28-0931") is taken for a date. Printed in one piece it is one id when an order
    word introduces it; without one, only a short letter prefix and digit blocks
    (`_id_shaped` then decides, as for any number).
    """
    if GLUED_WORDS.match(text, match.start()):
        return False  # "订单号No241123-0567…": a marker glued to the head, the number after it
    blocks = re.split(r"[-_./]", match.group())
    compact = "".join(blocks).upper()
    if not order_pattern.fullmatch(compact) or looks_like_date(blocks):
        return False
    dated = len(blocks) > 3 and looks_like_date(blocks[:3])  # "2024-11-28-0931"
    head = blocks[0].lower()
    context = left_context(text, match.start())
    # "订单 WX-8837-2291-0045": after an order word an account label (WeChat, QQ) makes no
    # sense, so its letters are the shop's prefix (a mini-program's orders), not a label; nor
    # does an English word dashed to the number ("订单号 ME-9645-2728-0321-978")
    shop_prefix = (
        context == "order" and head in PREFIX_AFTER_ORDER | ENGLISH_WORDS and len(blocks) >= 3
    )
    if (head in NOT_PREFIXES or head in CONTEXT_KINDS) and not blocks[1].isalpha():
        if not shop_prefix:
            return False  # "No.8823401567", "order_2411...": a label, then the number
    if not any(char.isdigit() for char in compact):
        return False
    if any(MOBILE.fullmatch(block) for block in blocks):
        return False  # "301234567890/13812345678": an order and a phone, not one id
    long_block = len(blocks[-1]) >= WHOLE_GROUP and all(
        len(block) < WHOLE_GROUP for block in blocks[:-1]
    )
    if shop_prefix:
        return True
    if context == "order":
        letter_block = any(block.isalpha() for block in blocks[1:]) or _letter_suffix(
            blocks, text[match.end() :]
        )
        long_prefix = blocks[0].isalpha() and len(blocks[0]) > 4
        return long_block or letter_block or long_prefix or dated
    if not context and _suffixed_number(blocks, text[match.end() :]):
        return True
    return (
        not context
        and long_block
        and blocks[0].isalpha()
        and group_ok(blocks[0], first=True)
        and all(any(char.isdigit() for char in block) for block in blocks[1:])
    )


_MAX_SUFFIX_LETTERS = 2
_MAX_HEAD_LETTERS = 3
# Sizes a clothes order prints after a dash ("…-XL码"), and marks, are no suffix of the id.
_SIZE_AFTER = tuple("码碼号號")


def _suffixed_number(blocks: Sequence[str], after: str) -> bool:
    """A number of ten digits or more, then a dashed letter or two (ord29).

    Why: a shop prints a check character or its own mark after the digits
    ("20241123556701-B", "SO20241123-0042-K", "2411-2300-87-OL"); said bare, as the answer to
    the order question, the group rules saw letters after a number (a card key, a model) and
    gave no order at all. A short prefix before the digits may stay ("SO…"); words and
    sizes ("-ok", "…-XL码") are no suffix.
    """
    last = blocks[-1]
    if not (last.isalpha() and len(last) <= _MAX_SUFFIX_LETTERS) or len(blocks) < 2:
        return False
    if last.lower() in NOT_PREFIXES | ENGLISH_WORDS or after.lstrip(" ").startswith(_SIZE_AFTER):
        return False
    head = blocks[0].lstrip(string.ascii_letters)
    body = [head, *blocks[1:-1]]
    if len(blocks[0]) - len(head) > _MAX_HEAD_LETTERS or not all(b.isdigit() for b in body):
        return False
    return sum(len(block) for block in body) >= WHOLE_GROUP


# A shop's suffix after the order's digits: a letter and a digit or two ("-R1" a reissue,
# "-B2" a split parcel), or a split parcel's "-01".."-09" (a zero first: no count or day), or
# one digit, a child order's index or a check digit ("子订单 552019384476-2", "订单号
# 88123456789-3", ord28). Not "x2": that is a quantity ("×2").
_LETTER_SUFFIX = re.compile(r"[a-wyz]\d{1,2}|0[1-9]|[0-9]", re.IGNORECASE)


def _letter_suffix(blocks: Sequence[str], after: str) -> bool:
    """Whether the last block is a suffix after a whole number ("241123009876-R1", "…-02").

    Why: a block of letters alone already joins (`letter_block`, "…5567-A"); a letter led
    suffix with a digit is the same mark of a reissued or split order, yet the group rules
    end the id at the whole number before it (ord21). Digits a unit or a counter follows
    are a day or a count ("…5567-05号到的", "-03件"), whatever their zero.
    """
    last = blocks[-1]
    if last.isdigit() and (UNIT_AFTER.match(after) or after[:1] in COUNTERS):
        return False
    # one digit, then a unit, a counter or money, a space allowed: "…5567-2 件", "…5567-9块钱的"
    # are a count and a price (ord28)
    spaced = after.lstrip(" ").lower()
    if len(last) == 1 and spaced and _counted_or_priced(spaced):
        return False
    return (
        len(blocks) >= 2
        and bool(_LETTER_SUFFIX.fullmatch(last))
        and len(blocks[-2].lstrip(string.ascii_letters)) >= WHOLE_GROUP
    )


def _counted_or_priced(after: str) -> bool:
    """What follows a number makes it a count, a measure or an amount ("件", "天", "块钱")."""
    return bool(
        UNIT_AFTER.match(after)
        or after[:1] in COUNTERS
        or any(after.startswith(word) for word in AMOUNT_FOLLOWERS)
    )


def build_token_merger(order_pattern: re.Pattern[str]) -> Callable[[Doc], Doc]:
    """The merger component for this order-number pattern (it decides what joins)."""

    def merge(doc: Doc) -> Doc:
        doc.user_data["complaint_order_pattern"] = order_pattern.pattern  # for `last_resort`
        _merge_dates_and_amounts(doc)
        _merge_printed_ids(doc, order_pattern)
        _merge_ids(doc, order_pattern)
        annotate(doc, order_pattern)
        return doc

    return merge


def _merge_dates_and_amounts(doc: Doc) -> None:
    """Numeric dates, clock times, grouped amounts, decimals and relative dates: one token each.

    First, so their digits never become groups of an id ("2024-11-23", "1,299.50"), nor the
    year of a date glued after an order its last digits ("…55662024.11.23下单").
    """
    spans = []
    for regex in (NUMERIC_DATE, GLUED_DATE, CLOCK_TIME, GROUPED_NUMBER, DECIMAL, RELATIVE_DATE):
        for match in regex.finditer(doc.text):
            if regex is DECIMAL and (
                _dotted_order(doc.text, match) or _decimal_in_rhythm(doc.text, match)
            ):
                continue
            if regex is CLOCK_TIME and _listed_order(doc.text, match):
                continue  # "订单2：20 24 11 …": a list's counter, then the number in pairs
            if regex is GROUPED_NUMBER and _head_in_rhythm(doc.text, match):
                continue
            span = doc.char_span(match.start(), match.end())
            if span is not None and len(span) > 1:
                spans.append(span)
    with doc.retokenize() as retokenizer:
        for span in filter_spans(spans):
            retokenizer.merge(span)


# An order word glued to the digit before a colon: "订单2：20 24 …" numbers a list, no time.
_LISTED_ORDER = re.compile(r"(?:订单|单子)$")
# The counter's one digit, the colon, two digits, then more digits after a blank or a typed
# separator: the number's groups ("订单1：28-65-43…"). "订单1：10:30\n2024 …" keeps its time.
_LISTED_GROUPS = re.compile(r"\d:\d\d(?:\s+|[-./·_])\d")


def _listed_order(text: str, match: re.Match[str]) -> bool:
    """A list's counter glued to an order word, then the number in groups: no clock time."""
    return bool(
        _LISTED_ORDER.search(text, 0, match.start()) and _LISTED_GROUPS.match(text, match.start())
    )


# Two groups of one length and one separator (a blank, a line break, - . / ·) right before.
_GROUPS_BEFORE = re.compile(r"(?<![0-9a-z])(\d+)([ \u3000\n\-./·])(\d+)\2$", re.IGNORECASE)


def _head_in_rhythm(text: str, match: re.Match[str]) -> bool:
    """A thousands amount whose head is the last group of a number typed in even groups.

    "订单号20 24 11 23 55 67,299元", "202 411 235 567，299块钱": "67,299" and "567,299" read
    as amounts took the order's last group. The head as long as the two groups before it,
    the same separator between them all, goes with the number; "…5567 1,299元" stays a price.
    So does a shorter head of two digits or more after two even groups: the number's short
    last group ("订单号 3718 2940 5612 3847 562，899元", "20241 12355 67,299元"), as orders
    are printed (4-4-4-4-3); read as an amount it would be ten thousand yuan or more.
    """
    head = match.group().split(",")[0]
    before = _GROUPS_BEFORE.search(text, 0, match.start())
    if not before or len(before.group(1)) != len(before.group(3)):
        return False
    return len(head) == len(before.group(1)) or _SHORT_LAST_GROUP <= len(head) < len(
        before.group(1)
    )


_SHORT_LAST_GROUP = 2  # a one-digit head ("…3847 1,299元") is a price in thousands


# Digits before the point of a decimal that is no price: ten million yuan and more.
_NO_PRICE_DIGITS = 7


def _dotted_order(text: str, match: re.Match[str]) -> bool:
    """A decimal an order word introduces that is too large for a price: the order's groups.

    "订单号：12345678.90" is an order number with a dot in it (no complaint is about twelve
    million yuan); "订单号 …，实付 299.00" and "订单 1299.00 元" stay amounts.
    """
    whole = match.group().split(".")[0]
    return len(whole) >= _NO_PRICE_DIGITS and left_context(text, match.start()) == "order"


# Two groups, each followed by one separator (a blank, - . / ·; they may differ), at the end.
_TWO_GROUPS_BEFORE = re.compile(r"(?<![0-9a-z])(\d+)[ \-./·](\d+)[ \-./·]$")
_CENTS = 2


def _decimal_in_rhythm(text: str, match: re.Match[str]) -> bool:
    """A decimal whose head is the next group of an order typed in even groups.

    "订单号 6610-2293 8874.15", "订单号 6610 2293 8874.15": the head as long as the two groups
    before it, an order word before them and no currency or unit after, the point is one more
    separator (ord27); "订单号 66102293 8874.15" and "…5567 8874.15元" stay amounts.
    """
    head, tail = match.group().split(".")
    if len(tail) != _CENTS:
        return False  # "…8874.1": too short a group to tell
    before = _TWO_GROUPS_BEFORE.search(text, 0, match.start())
    if not before or not len(before.group(1)) == len(before.group(2)) == len(head):
        return False
    following = text[match.end() :].lstrip(" ")
    if any(following.startswith(word) for word in AMOUNT_FOLLOWERS):
        return False
    return left_context(text, before.start()) == "order"


def _merge_printed_ids(doc: Doc, order_pattern: re.Pattern[str]) -> None:
    """Ids a shop system prints in one piece (`_printed_id`): one id token each."""
    printed = [
        span
        for match in _PRINTED_ID.finditer(doc.text)
        if _printed_id(doc.text, match, order_pattern)
        and (span := doc.char_span(match.start(), match.end())) is not None
    ]
    with doc.retokenize() as retokenizer:
        for span in printed:
            retokenizer.merge(span, attrs={"_": {"complaint_merged": True}})


def _merge_ids(doc: Doc, order_pattern: re.Pattern[str]) -> None:
    """Each run's groups into the ids they make (`longest_id`), and codes into one token."""
    id_spans, code_spans = [], []
    parts = [part for run in id_runs(doc) for part in code_blocks(run)]
    for groups, is_code in parts:
        if is_code:
            code_spans.append(doc[groups[0].first : groups[-1].last + 1])
            continue
        id_spans.extend(_id_spans(doc, groups, order_pattern))
    with doc.retokenize() as retokenizer:
        for span in id_spans:
            retokenizer.merge(span, attrs={"_": {"complaint_merged": True}})
        for span in code_spans:
            retokenizer.merge(span)  # one token, and no id: see `code_blocks`


def _id_spans(doc: Doc, groups: Sequence[Group], order_pattern: re.Pattern[str]) -> List[Span]:
    """The spans of the ids in one run, longest first from the left; glued groups alone too."""
    if len(groups) == 1:
        glued = groups[0].first != groups[0].last
        return [doc[groups[0].first : groups[0].last + 1]] if glued else []
    spans: List[Span] = []
    start = 0
    while start < len(groups):
        end = longest_id(groups, start, order_pattern)
        if end:
            spans.append(doc[groups[start].first : groups[end - 1].last + 1])
            start = end
        else:
            if groups[start].first != groups[start].last:
                spans.append(doc[groups[start].first : groups[start].last + 1])
            start += 1
    return spans


def trim(doc: Doc) -> Doc:
    """Keep only the number itself of ORDER_ID/PHONE/... matches that carry context words."""
    entities: List[Span] = []
    for ent in doc.ents:
        if ent.label_ in NUMBER_LABELS and len(ent) > 1:
            number = next((t for t in reversed(ent) if t._.complaint_id), ent[-1])
            entities.append(Span(doc, number.i, number.i + 1, label=ent.label_, span_id=ent.id_))
        else:
            entities.append(ent)
    doc.set_ents(entities, default="outside")
    return doc


# Where a token must end or begin, whatever jieba's dictionary says: jieba fuses "前天下"
# (天下, "the world"), "15号付" and "昨天下午", which would hide dates from the patterns.
RELATIVE_DATE = re.compile(
    r"大?前天|昨天|今天|昨晚|今早|前几天|双十[一二]|双1[12]"
    r"|上个?(?:周|星期|礼拜)[一二三四五六日天]?|上个?月"
)
_BOUNDARIES = re.compile(
    r"(?:\d{1,4}|[一二三四五六七八九十两]{1,3})[年月日号]|" + RELATIVE_DATE.pattern
)


class BoundaryTokenizer:
    """Wraps the jieba tokenizer and splits tokens that straddle a date boundary.

    Every run of ASCII letters and digits is its own token too: jieba keeps "no.202411235567"
    and "2024.1123" whole, and the merger works on digit/letter groups; a numeric date ends
    a token even when an ISO time follows it ("2024-11-28T14:35"), and so does one glued
    after a long number ("…55662024.11.23下单": the order, then the date), and so do words a
    customer glues onto an order's digits (`GLUED_WORDS`: "订单号No2024…", "…5567OK吗").
    """

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self._tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        """Tokenize `text` with jieba, then cut or glue at the boundaries above."""
        doc = self._tokenizer(text)
        cuts = sorted(
            {
                edge
                for regex in (_BOUNDARIES, ALNUM_RUN, NUMERIC_DATE, GLUED_DATE, GLUED_WORDS)
                for match in regex.finditer(text)
                for edge in match.span()
            }
        )
        # jieba's user words cut a digit run apart ("…123155607…" around "12315", the
        # consumer hotline): a boundary inside a run that no date or boundary explains goes.
        inside = {
            position for match in ALNUM_RUN.finditer(text) for position in range(*match.span())
        } - set(cuts)
        spans: List[Tuple[int, int, bool]] = []
        glued = False
        for token in doc:
            start, end = token.idx, token.idx + len(token)
            if spans and start in inside and spans[-1][1] == start and not spans[-1][2]:
                spans[-1] = (spans[-1][0], end, bool(token.whitespace_))
                glued = True
            else:
                spans.append((start, end, bool(token.whitespace_)))
        if not cuts and not glued:
            return doc
        words: List[str] = []
        spaces: List[bool] = []
        split = glued
        for start, end, space in spans:
            inner = cuts[bisect.bisect_right(cuts, start) : bisect.bisect_left(cuts, end)]
            split = split or bool(inner)
            edges = [start, *inner, end]
            words.extend(text[low:high] for low, high in zip(edges, edges[1:], strict=False))
            spaces.extend([False] * (len(edges) - 2) + [space])
        return Doc(doc.vocab, words=words, spaces=spaces) if split else doc
