"""The last-resort order: when every rule abstains, the one id-shaped run of the message.

Why: the rules in `bot.nlu.number_kinds` and the joins in `bot.nlu.number_groups` decide
what each number is from its words and shape; a format they do not know (a separator no
rule joins, a number glued to a decimal point) leaves the message without any order,
although the customer gave exactly one thing that can only be the order. Only then, and only
when the message holds exactly one such run that nothing else claims (no phone, date,
amount, parcel or other number by its shape or words, no link, no mask), is it taken, with a
lower confidence than any rule's.
"""

import re
from typing import Optional, Sequence, Tuple

from bot.nlu.number_shapes import (
    AFTER_DATE,
    ALONE,
    AMOUNT_FOLLOWERS,
    CLOCK_TIME,
    COUNTER_NOUNS,
    COUNTERS,
    CURRENCY,
    CURRENCY_LETTERS,
    DATE_DIGITS,
    DECIMAL,
    GROUPED_NUMBER,
    HEAD_ONLY_AFTER,
    HOTLINE,
    INTL_MOBILE,
    LANDLINE,
    MASK_AFTER,
    MASK_BEFORE,
    MASK_INSIDE,
    MOBILE,
    NOT_ID_CHAR,
    RMA_ID,
    TICKET_ID,
    TRACKING_SHAPE,
    URL,
    is_timestamp,
)
from bot.nlu.number_words import (
    bracketed_context,
    left_context,
    right_context,
    said_not_the_order,
)

# A run of digit/letter groups, one separator between each that joins bare numbers, or a colon
# between long blocks ("2024:1123:5567"; not "+", a sum; "\\" or "|", joined only after an
# order word; "," or "、", a list).
_RUN = re.compile(r"(?<![0-9a-z])[0-9a-z]+(?:[ \-_./·~:][0-9a-z]+)*(?![0-9a-z])")
# A colon before or after a block of one or two digits: a time ("14:35", "2024112814:35").
_TIME_COLON = re.compile(r"(?<![0-9a-z][0-9a-z][0-9a-z]):|:(?![0-9a-z]{3})")
_MAX_LETTERS = 4  # more is a code or a word with digits ("ABCD-EFGH-1234-5678")
_MIN_DIGITS = 6
_SPACED_DIGITS = 8  # fewer digits in space-parted groups are numbers said in a row
_OTHER_KINDS = frozenset({"phone", "tracking", "other"})


def last_resort(
    text: str, claimed: Sequence[Tuple[int, int]], order_pattern: re.Pattern[str]
) -> Optional[Tuple[int, int, str]]:
    """(start, end, id) of the one id-shaped run in `text` nothing claims, or None.

    `text` is the normalised message; `claimed` the spans of the entities already found.
    """
    links = [match.span() for match in URL.finditer(text)]
    found = [
        (match.start(), match.end(), compact)
        for match in _RUN.finditer(text)
        if (compact := NOT_ID_CHAR.sub("", match.group()).upper())
        and _id_shaped(compact, match.group(), order_pattern)
        and not _claimed(match.span(), claimed)
        and not any(low <= match.start() < high for low, high in links)
        and not _something_else(text, match)
    ]
    return found[0] if len(found) == 1 else None


def _interleaved(raw: str) -> bool:
    """One block whose letters and digits take turns again and again ("GSH3R21Q400JKL4")."""
    return raw.isalnum() and len(_TURNS.findall(raw)) >= _MIN_TURNS


_TURNS = re.compile(r"[a-z](?=[0-9])|[0-9](?=[a-z])")
_MIN_TURNS = 4  # fewer: a word and a number ("iphone15pro", "abc123456def")


def _id_shaped(compact: str, raw: str, order_pattern: re.Pattern[str]) -> bool:
    """An order's shape and no phone's, date's, parcel's or ticket's.

    Letters beyond `_MAX_LETTERS` make a code or a word with digits, unless letters and digits
    take turns in one block, as in a shop's id mostly in letters (SHEIN's "GSH3R21Q400JKL4",
    given alone as the answer to the bot's question; ord27).
    """
    digits = sum(1 for char in compact if char.isdigit())
    if digits < _MIN_DIGITS or not order_pattern.fullmatch(compact):
        return False
    if len(compact) - digits > _MAX_LETTERS and not _interleaved(raw):
        return False
    if any(group.isalpha() for group in re.split(r"[^0-9a-z]", raw)[1:]):
        return False  # letters after the first block: a card key, a model, prose
    if " " in raw and digits < _SPACED_DIGITS:
        return False
    shapes = (MOBILE, INTL_MOBILE, LANDLINE, DATE_DIGITS, TRACKING_SHAPE, RMA_ID)
    return not any(shape.fullmatch(compact) for shape in shapes) and not TICKET_ID.fullmatch(raw)


def _claimed(span: Tuple[int, int], claimed: Sequence[Tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in claimed)


def _something_else(text: str, match: re.Match[str]) -> bool:
    """An amount, a masked number, or a number the words around it call no order."""
    start, end = match.span()
    raw = match.group()
    before = text[max(0, start - 5) : start]
    after = text[end : end + 5]
    if MASK_AFTER.match(after) or MASK_BEFORE.search(before) or MASK_INSIDE.search(raw):
        return True
    if HEAD_ONLY_AFTER.match(after):
        return True  # "202411开头的": only how the number starts
    context = left_context(text, start)
    if context in _OTHER_KINDS or right_context(text, end) in _OTHER_KINDS:
        return True
    if bracketed_context(text, end) in _OTHER_KINDS or said_not_the_order(text, end):
        return True  # "SH2024…（售后单）", "2024… 不是订单号" (dev33)
    if CLOCK_TIME.search(raw) or _TIME_COLON.search(raw):
        return True  # a time of day
    if is_timestamp(NOT_ID_CHAR.sub("", raw), after):
        return True  # "202411301530 签收": when it happened (ord35)
    if DATE_DIGITS.fullmatch(re.split(r"[^0-9a-z]", raw)[-1]) and AFTER_DATE.match(text, end):
        return True  # "共384 20241128付的款": a sum, then the day it was paid (ord35)
    if "@" in before[-1:] + after[:1] or HOTLINE.match(raw):
        return True  # an e-mail address or a handle, a hotline
    if any(ALONE.fullmatch(group) for group in re.split(r"[^0-9a-z]", raw)):
        return True  # "400 800 12315": numbers said in a row, the consumer hotline among them
    if raw.startswith(CURRENCY_LETTERS):
        return True  # "RMB8168.00"
    amount = DECIMAL.fullmatch(raw) or GROUPED_NUMBER.fullmatch(raw)
    if amount and context != "order":
        return True
    following = after.lstrip(" ")
    if any(following.startswith(word) for word in AMOUNT_FOLLOWERS):
        return True
    if following[:1] in COUNTERS and not following.startswith(COUNTER_NOUNS):
        return True  # "100000 个": a quantity ("… 包裹破了" is the parcel)
    return before.rstrip(" ").endswith(tuple(CURRENCY))


# An order label, then letters only, typed in capitals: "订单号：KXMZQPRT". The spec's ids may
# be letters alone; only the capitals and the label right before tell them from a word
# ("订单号 unknown", "订单号 please check"). The label typed 定单/丁单/订单好 and the letters
# in quotes, brackets or after an emoji ("订单号：「KXMZQPRT」") count too.
_LABELLED_LETTERS = re.compile(
    r"((?:[订定丁]单|订丹)(?:编号|号码|号|好)|訂單編號|訂單號碼|訂單號|单号|單號"
    r"|order\s*(?:no\.?|id|number|#))"
    r"\s*(?:是|为|為)?\s*[:：#＃]?\s*"
    r"(?:[「『“\"'【`(\[《〈（]|[\u2600-\u27bf\U0001f000-\U0010ffff]\ufe0f?)*"
    r"([A-Z]{6,24})(?![A-Za-z0-9])",
    re.IGNORECASE,
)


def labelled_letters(original: str) -> Optional[Tuple[int, int, str]]:
    """(start, end, id) of a capital-letter id right after an order label, or None.

    `original` is the message as typed: the capitals are the evidence, so it is read
    before normalisation lowers them (full-width capitals count, folded to ASCII).
    """
    folded = original.translate(_FULL_WIDTH_CAPITALS)
    for match in _LABELLED_LETTERS.finditer(folded):
        letters = match.group(2)
        if letters.isupper() and letters not in _CAPITAL_WORDS and not _placeholder(letters):
            return match.start(2), match.end(2), letters
    return None


def _placeholder(letters: str) -> bool:
    """Letters typed to fill the field, no id: "XXXXXXXX", "ABCDEFGH".

    One letter again and again or the alphabet in a row is what a customer types who has no
    number, or a tester's example (ord27).
    """
    steps = {ord(right) - ord(left) for left, right in zip(letters, letters[1:], strict=False)}
    return steps in ({0}, {1})


# Words a customer may shout after the label instead of a number.
_CAPITAL_WORDS = frozenset(
    {"PLEASE", "UNKNOWN", "FORGOT", "FORGET", "SORRY", "THANKS", "NUMBER", "MISSING", "HELLO"}
    | {"CANNOT", "URGENT", "REFUND", "RETURN", "DELETED", "CANCEL", "CANCELLED", "NOTSURE"}
)
_FULL_WIDTH_CAPITALS = {code: code - 0xFEE0 for code in range(ord("Ａ"), ord("Ｚ") + 1)}
