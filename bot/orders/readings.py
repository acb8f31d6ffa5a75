"""Other ways to read an order number the customer typed in groups, for the order service.

Why (hand trial, 2026-12-02): asked for the order, a customer wrote "哦找到了 2024112000 12";
the NLU keeps a group of ten digits whole and a bare "12" after it apart (it may be a count or
a day), so "2024112000" was checked with the customer, although the shop knew 202411200012.
The reverse happens too: "202411235567 99" read as one number when 99 was something else.
Where groups may or may not belong to the number, only the shop's records can tell; the order
form asks them for these readings when the number as extracted is unknown (as it does for a
platform prefix, `bot.orders.ids.without_prefix`).
"""

import re
from typing import List, Optional

from bot.nlu.normalize import normalize_digits, to_halfwidth
from bot.orders.ids import SEPARATOR, normalize_order_id

# a short group of digits after the number, standing alone ("… 12", "… 12。"), not "12件"
_TAIL = re.compile(rf"{SEPARATOR}+(\d{{1,4}})(?![0-9A-Za-z\u4e00-\u9fff])")
_SPLIT = re.compile(rf"{SEPARATOR}+")
_MIN_LENGTH = 6


def _typed(plain: str, order_id: str) -> Optional[re.Match[str]]:
    """Where `order_id` stands in the normalised text, its characters parted by separators only."""
    pattern = f"{SEPARATOR}*".join(re.escape(ch) for ch in order_id)
    return re.search(rf"(?<![0-9A-Z]){pattern}(?![0-9A-Z])", plain.upper())


def group_readings(text: str, order_id: str) -> List[str]:
    """The readings of `order_id` as typed in `text`, other than itself, nearest first.

    With the next short group of digits joined ("2024112000 12" → 202411200012), then without
    its last group, then without its first ("202411235567 99" → 202411235567, "88 2024…"),
    each at least six characters. None when the number does not stand in the text.
    """
    plain = normalize_digits(to_halfwidth(text))  # one character for one: offsets hold
    found = _typed(plain, order_id)
    if found is None:
        return []
    readings = []
    tail = _TAIL.match(plain, found.end())
    if tail:
        readings.append(order_id + tail.group(1))
    groups = [g for g in _SPLIT.split(found.group()) if g]
    if len(groups) > 1:
        readings.append("".join(groups[:-1]))
        readings.append("".join(groups[1:]))
    return [
        r
        for r in dict.fromkeys(normalize_order_id(r) or "" for r in readings)
        if len(r) >= _MIN_LENGTH and r != order_id
    ]
