"""Order-number normalisation shared by the NLU, the form validation and the ticket API."""

import re
from typing import List, Optional

from bot.nlu.normalize import normalize_digits
from bot.nlu.number_words import NOT_PREFIXES

_MAX_PREFIX = 4

# Spaces, dashes, dots, slashes, middle dots and commas between groups, and the invisible
# marks of emoji/keycap digits ("2️⃣0️⃣"), as the NLU merger accepts them.
SEPARATOR = r"[\s\-_－—–‐‑‒―−·./／,，、\ufe0e\ufe0f\u20e3\u200b-\u200d\u2060\ufeff]"
_SEPARATORS = re.compile(SEPARATOR + "+")


def _halfwidth(text: str) -> str:
    """Full-width ASCII (digits, letters, dashes) to half-width, one character for one."""
    return "".join(
        chr(ord(ch) - 0xFEE0) if 0xFF01 <= ord(ch) <= 0xFF5E else (" " if ch == "\u3000" else ch)
        for ch in text
    )


def normalize_order_id(
    raw: str, pattern: str = r"^[A-Za-z0-9]{6,24}$", *, allow_letters_only: bool = False
) -> Optional[str]:
    """Return the canonical order number, or None when `raw` is not one.

    Customers type numbers with full-width digits, spaces, dashes, dots, slashes and commas
    ("２０２４ 1123-5567", "2024.1123.5567", "2024，1123，5567"), read them out in Chinese
    numerals ("二零二四一一二三五五六七", 幺 for 1), in circled digits, or with O/l for 0/1
    ("2024112355O7"); the canonical form has ASCII digits, no separators and upper-case
    letters, so the same order is always stored and looked up the same way (the NLU's
    `bot.nlu.normalize.normalize_digits` makes the same digits).

    An id of letters alone is refused unless `allow_letters_only`: typed at the order question,
    "refund" or "iphone" is no order; the NLU, which reads the label before it ("订单号：
    KXMZQPRT"), may vouch for one (order_numbers_dev14), and the form and the triage keep it.
    """
    candidate = _SEPARATORS.sub("", normalize_digits(_halfwidth(raw or ""))).upper()
    if not candidate or not re.fullmatch(pattern, candidate):
        return None
    if not allow_letters_only and not any(ch.isdigit() for ch in candidate):
        return None
    return candidate


def with_typed_prefix(answer: str, extracted: str, pattern: str = r"^[A-Za-z0-9]{6,24}$") -> str:
    """The whole answer to the order question when it is `extracted` behind a letter prefix.

    Asked for the order number, a customer answers "so 20241123004567". The NLU, which does
    not know what was asked, reads lower-case letters with a vowel before a whole number as a
    word ("so", "new"), and extracts the digits; at the order question
    the answer is the number, so the prefix the customer typed stays (a prefix is part of
    the id, round thirty's rule). Label words ("No 3012…", "ID 3012…") are not prefixes.
    Returns `extracted` unchanged otherwise.
    """
    whole = normalize_order_id(answer, pattern)
    if not whole or whole == extracted or not whole.endswith(extracted):
        return extracted
    letters = whole[: len(whole) - len(extracted)].rstrip("0123456789")  # "PO" of "PO211"
    if not (letters.isalpha() and len(letters) <= _MAX_PREFIX) or letters.lower() in NOT_PREFIXES:
        return extracted
    return whole


def without_prefix(order_id: str) -> Optional[str]:
    """The digits of a normalised id behind a short letter prefix ("JD286543219876"), else None.

    Why: whether "JD" before a number is part of the id depends on the shop. A platform's
    own ids are digits (京东, 淘宝, 拼多多) and customers write its name before them ("京东订单
    JD 2865…"); a self-built shop prints "JD…" as the id. The NLU keeps the prefix (the
    development splits' decision); the form asks the order service for the digits alone when
    the whole id is unknown, so the shop's own records decide.
    """
    letters = order_id.rstrip("0123456789")
    digits = order_id[len(letters) :]
    if not letters.isalpha() or len(letters) > _MAX_PREFIX or len(digits) < 6:
        return None
    return digits


def prefix_readings(order_id: str) -> List[str]:
    """The id behind each shorter part of its letter prefix, nearest first, then the digits.

    "XHSP71234567890" (小红书's P-ids with the platform's "xhs" glued before them, ord31) is
    read by the NLU with all four letters (round thirty's rule); the shop files P71234567890.
    Dropping the letters one at a time from the left finds it: HSP…, SP…, P…, then the
    digits alone (`without_prefix`). Empty when `order_id` has no short letter prefix.
    """
    if without_prefix(order_id) is None:
        return []
    letters = len(order_id.rstrip("0123456789"))
    return [order_id[drop:] for drop in range(1, letters + 1)]
