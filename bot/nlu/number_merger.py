"""The `complaint_token_merger` component: joins what jieba splits into one number.

Customers write one order number in groups ("LS-2024 1122 3344", "2024.1123.5567", one
number over two lines); `build_token_merger` joins those groups into one token and then
annotates every token (`bot.nlu.number_kinds`). `BoundaryTokenizer` first makes dates and
digit/letter runs tokens of their own, and `trim` cuts context words off number matches.
These grouping rules are the bulk of the pipeline and change apart from its patterns.
"""

import bisect
import re
import string
import unicodedata
from dataclasses import dataclass
from typing import Callable, List, Optional, Sequence, Tuple

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from bot.nlu.number_kinds import annotate, is_amount
from bot.nlu.number_shapes import (
    AFTER_DATE,
    ALNUM_RUN,
    ALONE,
    CLOCK_TIME,
    CODE_SEPARATORS,
    CONTINUATION,
    CURRENCY_LETTERS,
    DATE_DIGITS,
    DATE_UNIT,
    DECIMAL,
    DOUBLED_SEPARATORS,
    GROUP,
    GROUPED_NUMBER,
    ID_PUNCTUATION,
    INTL_MOBILE,
    INVISIBLE,
    LABELLED_PUNCTUATION,
    LANDLINE,
    MAX_ID_CHARS,
    MOBILE,
    NUMBER_LABELS,
    NUMERIC_DATE,
    PHONE_AHEAD,
    PHONE_GROUPINGS,
    URL,
    WHOLE_GROUP,
)
from bot.nlu.number_words import CONTEXT_KINDS, NOT_PREFIXES, left_context

# ----------------------------------------------------------------------------- the merger


def _group_ok(text: str, first: bool) -> bool:
    """Whether a group may be part of an id: digits in it, or a short letter prefix ("LS").

    Letter words that introduce a number ("QQ 3847...", "tel 138...") are not prefixes.
    """
    text = text.lower()
    if any(c.isdigit() for c in text):
        return first or len(text) >= 2
    return first and len(text) <= 4 and text not in NOT_PREFIXES


def _looks_like_date(groups: Sequence[str]) -> bool:
    """2024 11 / 2024-11-23 written with spaces or dashes is a date, not an order."""
    if len(groups) not in (2, 3) or not all(g.isdigit() for g in groups):
        return False
    if not re.fullmatch(r"(19|20)\d{2}", groups[0]) or not 1 <= len(groups[1]) <= 2:
        return False
    if not 1 <= int(groups[1]) <= 12:
        return False
    return len(groups) == 2 or (len(groups[2]) <= 2 and 1 <= int(groups[2]) <= 31)


def _is_emoji(char: str) -> bool:
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
    if all(char.isspace() or char in ID_PUNCTUATION or _is_emoji(char) for char in between):
        return "sep"
    if all(char.isspace() or char in LABELLED_PUNCTUATION for char in between):
        return "labelled"
    return ""


@dataclass
class _Group:
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


def _id_runs(doc: Doc) -> List[List[_Group]]:
    """Maximal runs of id-like groups joined by separators (see `_separator`)."""
    runs: List[List[_Group]] = []
    current: List[_Group] = []
    previous: Optional[Token] = None
    links = [match.span() for match in URL.finditer(doc.text)]
    for token in doc:
        if not GROUP.fullmatch(token.text):
            continue
        # "it's 112-…": the s of "it's" is no prefix; "…522，RMB536.00": a currency opens
        # an amount, never the next group of the number before it
        if _contraction(doc, token) or token.lower_.startswith(CURRENCY_LETTERS):
            if len(current) > 1:
                runs.append(current)
            current, previous = [], None
            continue
        after = token.i + 1
        dated = after < len(doc) and doc[after].text[:1] in DATE_UNIT
        alone = ALONE.fullmatch(token.text) or (
            DATE_DIGITS.fullmatch(token.text) and AFTER_DATE.match(doc.text, token.idx + len(token))
        )
        group = _Group(token.i, token.i, token.text, is_amount(token) or dated or bool(alone))
        group.opens_phone = bool(PHONE_AHEAD.match(doc.text, token.idx))
        if token.text.isalpha():
            group.labelled = left_context(doc.text, token.idx) == "order"
        if previous is not None:
            between = doc.text[previous.idx + len(previous) : token.idx]
            group.between = between
            how = _separator(between, previous.text)
            if how and _link_boundary(between, previous.idx, token.idx, links):
                how = ""  # "…/orders/2024…/detail": a link's path segments are apart
            if how == "labelled":  # "*" or "|": only in a number an order word introduces
                head = doc[current[0].first] if current else previous
                how = "sep" if left_context(doc.text, head.idx) == "order" else ""
            elif how == "continued":  # the rest of the number, as after a line break
                how = "sep" if left_context(doc.text, doc[current[0].first].idx) == "order" else ""
                group.between = "\n" if how else between
            if how == "glue" and current:
                last = current[-1]
                current[-1] = _Group(
                    last.first, token.i, last.text + token.text, group.amount, last.between
                )
                previous = token
                continue
            if not how:
                if len(current) > 1:
                    runs.append(current)
                current = []
        if current:
            group.stray_tail = _stray_tail(doc, current[0], group, token)
            group.rest_of_order = _rest_of_order(doc, current, group)
        current.append(group)
        previous = token
    if len(current) > 1:
        runs.append(current)
    # single glued groups ("2️⃣0️⃣2️⃣4️⃣") must be merged too
    runs += [[group] for group in current if len(current) == 1 and group.first != group.last]
    return runs


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
    """Letters after an apostrophe ("it's", "that’s", "I'm"): the end of an English word."""
    return token.text.isalpha() and token.idx > 0 and doc.text[token.idx - 1] in "'’"


# What may follow the last group of a message: spaces and the marks that end a sentence.
_MESSAGE_END = re.compile(r"[\s.。!！?？~～…]*$")


def _stray_tail(doc: Doc, head: _Group, group: _Group, token: Token) -> bool:
    """Two or three digits a stray space cut off an order number at the end of the message.

    "订单号为2024112355 67": the head (ten digits) would be a number by itself, but the
    digits left over mean nothing alone, so the customer typed one number with a space in
    it. Only after an order word, with one plain space, and with nothing but the end of the
    message after the digits (else "12点", "3 个", a date or a second number may follow).
    """
    doc_text = doc.text
    return (
        group.between == " "
        and group.text.isdigit()
        and 2 <= len(group.text) <= 3
        and not group.amount
        and bool(_MESSAGE_END.fullmatch(doc_text, token.idx + len(token)))
        and left_context(doc_text, doc[head.first].idx) == "order"
    )


def _first_copy(
    groups: Sequence[_Group], start: int, end: int, plausible: Callable[[Sequence[str]], bool]
) -> int:
    """End of the first copy when the groups from `start` on are one number said again.

    "订单号 2817 3456 90123 2817 3456 90123": the customer pasted (or typed) the number twice;
    joined, the groups would make one 21-digit number that is neither. The copy has eight
    characters or more and is repeated right after itself, group for group. Two numbers of
    one shape typed back to back ("2411 2388 4756 1023 2411 2388 4756 1024", too long
    together for one number) are two numbers too.
    """
    for size in range(1, end - start):
        copy = [group.text for group in groups[start : start + size]]
        again = [group.text for group in groups[start + size : start + 2 * size]]
        if len("".join(copy)) < 8:
            continue
        if copy == again:
            return start + size
        if (
            size >= 2
            and [len(text) for text in copy] == [len(text) for text in again]
            and plausible(copy)
            and not plausible(copy + again)
        ):
            return start + size
    return end


def _rest_of_order(doc: Doc, current: Sequence[_Group], group: _Group) -> bool:
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


# Pinduoduo's order number: six digits of the order date (maybe after a letter prefix such as
# "PDD"), a dash, fifteen digits: "241123-056789012345678".
_PINDUODUO_HEAD = re.compile(r"[a-z]{0,4}\d{6}", re.IGNORECASE)
_PINDUODUO_TAIL = re.compile(r"\d{15}")


def _pinduoduo_joint(previous: _Group, group: _Group) -> bool:
    """Whether `group` is the rest of a Pinduoduo number whose date part is `previous`.

    Joined by a dash, or by a space (an IME's ideographic space, a line break) when the rest
    has Pinduoduo's full fifteen digits: "241126 538207164920371".
    """
    if not (_PINDUODUO_HEAD.fullmatch(previous.text) and group.text.isdigit()):
        return False
    between = group.between.strip()
    return between == "-" or (not between and bool(_PINDUODUO_TAIL.fullmatch(group.text)))


def _joined_by_punctuation(group: _Group) -> bool:
    return any(char in ID_PUNCTUATION for char in group.between)


def _joined_tightly(group: _Group) -> bool:
    """One separator and no space, as in a code's blocks ("EFGH-1234"), not prose's ", ".

    Commas are prose even without a space (a full-width "，" has none): "301234567890，JD
    301234567891" lists two orders, it is no code.
    """
    return len(group.between) == 1 and group.between in CODE_SEPARATORS


def _continues_id(groups: Sequence[_Group], start: int, end: int) -> bool:
    """Whether `groups[end]` may continue the id that starts at `groups[start]`.

    A group with digits in it, and three kinds of one-character groups: digits voice input
    spells one by one ("2 0 2 4 …"), the last digit of a number dashed throughout
    ("692-384-750-192-837-465-1") or typed in even groups ("2024 1128 0093 1"), and the
    letters of a prefix spelt one by one ("S O 2024…").
    """
    group, previous = groups[end], groups[end - 1]
    if _group_ok(group.text, first=False):
        return True
    if len(group.text) != 1:
        return False
    if group.text.isdigit():
        spelt = len(previous.text) == 1
        dashed_tail = (
            _joined_by_punctuation(group) and group.between.strip() == previous.between.strip()
        )
        even_tail = group.between == previous.between and _even_groups(groups[start:end])
        return spelt or dashed_tail or even_tail
    prefix = groups[start:end]
    return len(prefix) < 4 and all(len(g.text) == 1 and g.text.isalpha() for g in prefix)


def _even_groups(groups: Sequence[_Group]) -> bool:
    """Three or more digit groups of one length (three or more): a number typed in blocks."""
    lengths = {len(group.text) for group in groups}
    return (
        len(groups) >= 3
        and len(lengths) == 1
        and min(lengths) >= 3
        and all(group.text.isdigit() for group in groups)
    )


def _code_blocks(groups: Sequence[_Group]) -> List[Tuple[List[_Group], bool]]:
    """The run cut into (groups, is_code) parts: codes are never ids, nor pieces of one.

    A code is written in dashed blocks with a block of letters only after the first, as card
    keys and vouchers are ("ABCD-EFGH-1234-5678"); an id has letters at most in front
    ("SO-2024-001234", "PDD 241125-0123…"). Without this the digits after the letters would
    pass for an order ("EFGH-1234-5678").
    """
    blocks: List[List[_Group]] = []
    for group in groups:
        if blocks and _joined_tightly(group):
            blocks[-1].append(group)
        else:
            blocks.append([group])
    parts: List[Tuple[List[_Group], bool]] = []
    for block in blocks:
        is_code = any(group.text.isalpha() for group in block[1:])
        if parts and not is_code and not parts[-1][1]:
            parts[-1][0].extend(block)
        else:
            parts.append((list(block), is_code))
    return parts


# An id a shop system prints in one piece, its blocks joined by one and the same separator
# and nothing else: "DD_20241128_0088", "BJ-SH-2411-2809", "PO-211-09283746501928374".
_PRINTED_ID = re.compile(
    r"(?<![0-9a-z_./-])[0-9a-z]+([-_./])[0-9a-z]+(?:\1[0-9a-z]+)*(?![0-9a-z]|[-_./][0-9a-z])",
    re.IGNORECASE,
)


_ACCOUNT_LABELS = frozenset({"wx", "vx", "qq"})


def _printed_id(text: str, match: re.Match[str], order_pattern: re.Pattern[str]) -> bool:
    """Whether a printed id is one number although its blocks would not join one by one.

    The group-by-group rules keep a long block to itself and stop at a block of letters or
    a letter prefix longer than four (codes and words look like that), which cuts a shop's
    own id: "PO-211-0928374650192837" or "WxMall_2411280931_77", and a date at its head
    ("2024-11-28-0931") is taken for a date. Printed in one piece it is one id when an order
    word introduces it; without one, only a short letter prefix and digit blocks
    (`_id_shaped` then decides, as for any number).
    """
    blocks = re.split(r"[-_./]", match.group())
    compact = "".join(blocks).upper()
    if not order_pattern.fullmatch(compact) or _looks_like_date(blocks):
        return False
    dated = len(blocks) > 3 and _looks_like_date(blocks[:3])  # "2024-11-28-0931"
    head = blocks[0].lower()
    context = left_context(text, match.start())
    # "订单 WX-8837-2291-0045": after an order word an account label (WeChat, QQ) makes no
    # sense, so its letters are the shop's prefix (a mini-program's orders), not a label
    shop_prefix = context == "order" and head in _ACCOUNT_LABELS and len(blocks) >= 3
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
        letter_block = any(block.isalpha() for block in blocks[1:])
        long_prefix = blocks[0].isalpha() and len(blocks[0]) > 4
        return long_block or letter_block or long_prefix or dated
    return (
        not context
        and long_block
        and blocks[0].isalpha()
        and _group_ok(blocks[0], first=True)
        and all(any(char.isdigit() for char in block) for block in blocks[1:])
    )


def build_token_merger(order_pattern: re.Pattern[str]) -> Callable[[Doc], Doc]:
    """The merger component for this order-number pattern (it decides what joins)."""

    def plausible(texts: Sequence[str]) -> bool:
        if _looks_like_date(texts):
            return False
        compact = "".join(texts).upper()
        return bool(
            order_pattern.fullmatch(compact)
            or MOBILE.fullmatch(compact)
            or INTL_MOBILE.fullmatch(compact)
            or LANDLINE.fullmatch(compact)
        )

    def whole(group: _Group) -> bool:
        """A group that is a number by itself: not a piece of a longer one.

        A letter prefix does not count: "JD20241123 5567" is "20241123 5567" behind JD.
        """
        digits = group.text.lstrip(string.ascii_letters)
        return len(digits) >= WHOLE_GROUP or bool(MOBILE.fullmatch(group.text))

    def wrapped(previous: _Group, group: _Group) -> bool:
        """A long number the customer's app broke over two lines: 2024112500 / 318876.

        Only a bare line break, a rest of digits too short to be a number by itself and not
        a mobile: 202411235567 / 13912345678 on two lines stay an order and a phone. Or the
        `_stray_tail` a space cut off at the end of the message: 2024112355 67.
        """
        if group.stray_tail and previous.text.isdigit():
            return True
        return (
            group.between == "\n"
            and previous.text.isdigit()
            and group.text.isdigit()
            and not whole(group)
            and not group.opens_phone
        )

    def phone_starts(groups: Sequence[_Group], at: int) -> bool:
        """A mobile number typed in groups (138 1234 5678) starts at `at`.

        Not where the groups go on in the rhythm of the number before them: "6928 3746 1520
        3948 571" is one order in fours whose last three groups happen to read 152…571.
        """
        previous, group = groups[at - 1], groups[at]
        if (
            at >= 2
            and len(group.text) == len(previous.text) == len(groups[at - 2].text)
            and group.between == previous.between
        ):
            return False
        texts, sizes = "", []
        for group in groups[at : at + 3]:
            if group.amount:
                break  # "…1948089， 2024年": a year, no end of a phone
            texts += group.text
            sizes.append(len(group.text))
            if MOBILE.fullmatch(texts):
                return tuple(sizes) in PHONE_GROUPINGS
        return False

    def own_number(groups: Sequence[_Group], end: int) -> bool:
        """The next line starts a number of its own, in groups ("81-90434-78063", "8156 3578 …").

        A long number's app-broken rest is one group ("2024112500 / 318876"); a line that
        goes on in groups is a number typed there, not the end of the one above it.
        """
        return end + 1 < len(groups) and "\n" not in groups[end + 1].between

    def phone_interrupts(groups: Sequence[_Group], start: int, end: int) -> bool:
        """A hotline or landline starts at `end` after a comma, a line break or a new separator.

        "…-17310，800-075-8743打不通" is an order, then the shop's hotline.
        """
        group = groups[end]
        if not group.opens_phone:
            return False
        if "\n" in group.between or "," in group.between:
            return True
        return end - 1 > start and group.between != groups[end - 1].between

    def longest_id(groups: Sequence[_Group], start: int) -> int:
        """End (exclusive) of the longest plausible id starting at `start`, or 0.

        Ids are short: the search stops after `MAX_ID_CHARS` characters or at the first
        group that cannot continue an id, so 5,000 "1 " in a row cost 5,000 steps, not 5,000².
        """
        first = groups[start]
        if not _group_ok(first.text, first=True) or first.amount:
            return 0
        texts, length, best = [first.text], len(first.text), 0
        for end in range(start + 1, len(groups)):
            group = groups[end]
            length += len(group.text)
            # Pinduoduo's date and the rest ("241123-0567...", "241126 5382..."), also after
            # a letter prefix ("PDD 241125-0123...", "PDD241125-0123...")
            after_prefix = end == start + 2 and first.text.isalpha()
            joined = (end == start + 1 or after_prefix) and _pinduoduo_joint(groups[end - 1], group)
            # a letter prefix, a colon or dash, then the number: "JD：202411230098", "JD-2024..."
            joined = joined or (
                end == start + 1
                and first.text.isalpha()
                and group.between.strip() in (":", "-", "_")
            )
            # the rest of an order on the next line: "订单号 38472619 / 50384756201"
            joined = joined or (end == start + 1 and group.rest_of_order)
            # a letter prefix an order word introduces, then the number after a space, in one
            # piece or in groups: "订单号JD 301234567890", "订单号 PO 211 29384756102938475"
            joined = joined or (
                first.labelled and not any(whole(g) for g in groups[start + 1 : end])
            )
            # a prefix voice input spells letter by letter, then the number: "J D 2948173650"
            prefix = groups[start:end]
            spelt = "".join(g.text for g in prefix)
            joined = joined or (
                2 <= len(prefix) <= 4
                and all(len(g.text) == 1 and g.text.isalpha() for g in prefix)
                and spelt.lower() not in NOT_PREFIXES  # "Q Q 1029384756", "V X 138…"
                and not MOBILE.fullmatch(group.text)
            )
            if (
                length > MAX_ID_CHARS
                or not _continues_id(groups, start, end)
                or group.amount
                or (whole(group) and not joined)
                or (
                    whole(groups[end - 1])
                    and any(c.isdigit() for c in groups[end - 1].text)
                    and not (wrapped(groups[end - 1], group) and not own_number(groups, end))
                )
                or (best and phone_starts(groups, end))
                or phone_interrupts(groups, start, end)
                # "验证码421791\nN809-644 这单": letters after a line break open another id
                or ("\n" in group.between and group.text[:1].isalpha())
                or (first.opens_phone and ("," in group.between or "\n" in group.between))
                # "手机 162 1944 8710 ， 8862-2677-…": a whole mobile, then a comma
                or ("," in group.between and bool(MOBILE.fullmatch("".join(texts))))
            ):
                break
            texts.append(group.text)
            if plausible(texts):
                best = end + 1
        return _first_copy(groups, start, best, plausible) if best else best

    def merge(doc: Doc) -> Doc:
        spans = []
        for regex in (NUMERIC_DATE, CLOCK_TIME, GROUPED_NUMBER, DECIMAL, RELATIVE_DATE):
            for match in regex.finditer(doc.text):
                span = doc.char_span(match.start(), match.end())
                if span is not None and len(span) > 1:
                    spans.append(span)
        with doc.retokenize() as retokenizer:
            for span in filter_spans(spans):
                retokenizer.merge(span)
        printed = [
            span
            for match in _PRINTED_ID.finditer(doc.text)
            if _printed_id(doc.text, match, order_pattern)
            and (span := doc.char_span(match.start(), match.end())) is not None
        ]
        with doc.retokenize() as retokenizer:
            for span in printed:
                retokenizer.merge(span, attrs={"_": {"complaint_merged": True}})
        id_spans, code_spans = [], []
        parts = [part for run in _id_runs(doc) for part in _code_blocks(run)]
        for groups, is_code in parts:
            if is_code:
                code_spans.append(doc[groups[0].first : groups[-1].last + 1])
                continue
            if len(groups) == 1:
                if groups[0].first != groups[0].last:
                    id_spans.append(doc[groups[0].first : groups[0].last + 1])
                continue
            start = 0
            while start < len(groups):
                end = longest_id(groups, start)
                if end:
                    id_spans.append(doc[groups[start].first : groups[end - 1].last + 1])
                    start = end
                else:
                    if groups[start].first != groups[start].last:
                        id_spans.append(doc[groups[start].first : groups[start].last + 1])
                    start += 1
        with doc.retokenize() as retokenizer:
            for span in id_spans:
                retokenizer.merge(span, attrs={"_": {"complaint_merged": True}})
            for span in code_spans:
                retokenizer.merge(span)  # one token, and no id: see `_code_blocks`
        annotate(doc, order_pattern)
        return doc

    return merge


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
    a token even when an ISO time follows it ("2024-11-28T14:35").
    """

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self._tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        """Tokenize `text` with jieba, then cut or glue at the boundaries above."""
        doc = self._tokenizer(text)
        cuts = sorted(
            {
                edge
                for regex in (_BOUNDARIES, ALNUM_RUN, NUMERIC_DATE)
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
