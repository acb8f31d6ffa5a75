"""Where one number ends among the digit/letter groups of a run (`longest_id`).

Why a module of its own: the groups a customer types (`bot.nlu.number_groups`) are joined
into the longest id they plausibly make, and the rules that end or go on with an id (a
whole group, a phone starting, a hotline after a comma, letters on the next line, a
platform's joints, a number pasted twice) are the part of the merger that changes with
every round; `bot.nlu.number_merger` only asks `longest_id`.
"""

import re
import string
from typing import Callable, Sequence

from bot.nlu.number_groups import Group, group_ok, is_emoji, looks_like_date
from bot.nlu.number_shapes import (
    DATE_DIGITS,
    ID_PUNCTUATION,
    INTL_MOBILE,
    LANDLINE,
    MAX_ID_CHARS,
    MOBILE,
    PHONE_GROUPINGS,
    WHOLE_GROUP,
)
from bot.nlu.number_words import NOT_PREFIXES, PREFIX_AFTER_ORDER, WECHAT_ACCOUNT_DIGITS

# Pinduoduo's order number: six digits of the order date (maybe after a letter prefix such as
# "PDD"), a dash, fifteen digits: "241123-056789012345678".
_PINDUODUO_HEAD = re.compile(r"[a-z]{0,4}\d{6}", re.IGNORECASE)
_PINDUODUO_TAIL = re.compile(r"\d{15}")


def _pinduoduo_joint(previous: Group, group: Group) -> bool:
    """Whether `group` is the rest of a Pinduoduo number whose date part is `previous`.

    Joined by a dash, or by a space (an IME's ideographic space, a line break) when the rest
    has Pinduoduo's full fifteen digits: "241126 538207164920371". An emoji between counts as
    a space, as between any groups ("241123 ➖ 1234…", the heavy minus typed for the dash, ord26).
    """
    if not (_PINDUODUO_HEAD.fullmatch(previous.text) and group.text.isdigit()):
        return False
    between = "".join(char for char in group.between if not is_emoji(char)).strip()
    return between == "-" or (not between and bool(_PINDUODUO_TAIL.fullmatch(group.text)))


def _joined_by_punctuation(group: Group) -> bool:
    return any(char in ID_PUNCTUATION for char in group.between)


def _continues_id(groups: Sequence[Group], start: int, end: int) -> bool:
    """Whether `groups[end]` may continue the id that starts at `groups[start]`.

    A group with digits in it, and three kinds of one-character groups: digits voice input
    spells one by one ("2 0 2 4 …"), the last digit of a number dashed throughout
    ("692-384-750-192-837-465-1") or typed in even groups ("2024 1128 0093 1"), or cut off
    by a stray space (`Group.stray_tail`), and the letters of a prefix spelt one by one
    ("S O 2024…").
    """
    group, previous = groups[end], groups[end - 1]
    if group_ok(group.text, first=False):
        return True
    if len(group.text) != 1:
        return False
    if group.text.isdigit():
        spelt = len(previous.text) == 1
        dashed_tail = (
            _joined_by_punctuation(group) and group.between.strip() == previous.between.strip()
        )
        # behind a letter prefix too: "订单 P7 1234 5678 9012 3456 7" (ord25)
        body = groups[start + 1 : end] if _has_letters(groups[start].text) else groups[start:end]
        even_tail = group.between == previous.between and _even_groups(body)
        # "订单号 28654321987 6": the last digit a stray space cut off (ord28)
        return (
            spelt
            or dashed_tail
            or even_tail
            or group.stray_tail
            or _uneven_tail(groups, end)
            or _platform_rest(groups, start, end)
        )
    prefix = groups[start:end]
    return len(prefix) < 4 and all(len(g.text) == 1 and g.text.isalpha() for g in prefix)


_UNEVEN_BODY = 3  # groups of two digits or more before a lone last digit (`_uneven_tail`)
_UNEVEN_DIGITS = 10  # digits they hold at least: an order's, not a list of small numbers


_TIMES = frozenset("*×")  # "…5567*2": a count of the goods, never the id's last digit


def _ends_run(groups: Sequence[Group], end: int) -> bool:
    """`groups[end]` is the run's last group, or a comma or an amount comes next.

    "… 2641 8，2024年11月23日买的": what follows the comma is a clause of its own.
    """
    if end == len(groups) - 1:
        return True
    following = groups[end + 1]
    return "," in following.between or following.amount


def _uneven_tail(groups: Sequence[Group], end: int) -> bool:
    """A lone digit ending a number typed in uneven groups: its last digit (ord36).

    "订单 4821 03957 2641 8 麻烦看看", "订单编号 72 6618 3940 5571 8823 4", "4412 9938
    2271⏎5": the customer cut the id where it suited them, the last digit alone. Only as
    the run's last group with no comma before it, after three or more digit groups of two
    digits or more that are one number's length together; a digit with a unit after it
    ("… 5562 2 件") is an amount and ends the id before this is asked.
    """
    body = list(groups[:end])
    while body and not body[0].text.isdigit():
        body = body[1:]
    return (
        _ends_run(groups, end)
        and not set(groups[end].between) & _TIMES
        and "," not in groups[end].between
        and len(body) >= _UNEVEN_BODY
        and all(group.text.isdigit() and len(group.text) >= 2 for group in body)
        and sum(len(group.text) for group in body) >= _UNEVEN_DIGITS
        and not any("\n" in group.between for group in body[1:])
    )


# The platforms' full lengths a rest typed after a space completes: Taobao/Tmall and Douyin
# 19 digits, Pinduoduo a date and 15 (21), Youzan E and 23.
_PLATFORM_LENGTH = re.compile(r"\d{19}|\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{15}|E\d{23}")
_REST_DIGITS = 3  # a shorter rest of digits alone may be a count ("…5627384 2")


def _platform_rest(groups: Sequence[Group], start: int, end: int) -> bool:
    """The run's last group after one space makes a platform's full length: the id's rest.

    "订单号 3829104755627384 910", "订单号 550193847261 3309485，快一周了": a whole number
    after an order word ends there as a rule (a count or a price may follow with no unit),
    but digits that complete a Taobao, Douyin, Pinduoduo or Youzan id are its last digits,
    as an agent would copy them (ord36). Youzan's E-form takes a last digit alone too, and
    so does a rest an app wrapped onto the next line ("…10293847⏎5，帮我看看").
    """
    group = groups[end]
    head = "".join(g.text for g in groups[start:end]).upper()
    joined = head + group.text
    return bool(
        _ends_run(groups, end)
        and group.between in (" ", "\n")
        and group.text.isdigit()
        and not group.amount
        and groups[start].context == "order"
        and (len(group.text) >= _REST_DIGITS or head.startswith("E") or group.between == "\n")
        and not _PLATFORM_LENGTH.fullmatch(head)
        and _PLATFORM_LENGTH.fullmatch(joined)
    )


def _has_letters(text: str) -> bool:
    return any(char.isalpha() for char in text)


_EVEN_PAIRS = 5  # pairs of digits make a number typed in blocks from this many on


def _even_groups(groups: Sequence[Group]) -> bool:
    """Digit groups of one length: a number typed in blocks, its last digit may stand alone.

    Three or more blocks of three or more, or five pairs or more: a 19-digit order read out
    in pairs ends in a single digit ("69 23 45 67 89 01 23 45 67 8"); fewer pairs are more
    often numbers said in a row.
    """
    lengths = {len(group.text) for group in groups}
    if len(lengths) != 1 or not all(group.text.isdigit() for group in groups):
        return False
    length = min(lengths)
    return (length >= 3 and len(groups) >= 3) or (length == 2 and len(groups) >= _EVEN_PAIRS)


def _first_copy(
    groups: Sequence[Group], start: int, end: int, plausible: Callable[[Sequence[str]], bool]
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
        if copy == again or _said_again(groups, start, size):
            return start + size
        if (
            size >= 2
            and [len(text) for text in copy] == [len(text) for text in again]
            and plausible(copy)
            and not plausible(copy + again)
        ):
            return start + size
    return end


def _said_again(groups: Sequence[Group], start: int, size: int) -> bool:
    """Whether the copy's characters follow it again, in groups of their own (ord26).

    "订单 392 018 475 521 0036，3920 1847 5521 0036 发了两遍": pasted twice, each copy cut
    into groups its own way; group for group they differ, so the run joined both.
    """
    copy = "".join(group.text for group in groups[start : start + size]).upper()
    again = ""
    for group in groups[start + size :]:
        again += group.text.upper()
        if len(again) >= len(copy):
            return again == copy
    return False


def plausible(texts: Sequence[str], order_pattern: re.Pattern[str]) -> bool:
    """Whether the groups joined make an order (this pattern), a mobile or a landline."""
    if looks_like_date(texts):
        return False
    compact = "".join(texts).upper()
    return bool(
        order_pattern.fullmatch(compact)
        or MOBILE.fullmatch(compact)
        or INTL_MOBILE.fullmatch(compact)
        or LANDLINE.fullmatch(compact)
    )


def _whole(group: Group) -> bool:
    """A group that is a number by itself: not a piece of a longer one.

    A letter prefix does not count: "JD20241123 5567" is "20241123 5567" behind JD.
    """
    digits = group.text.lstrip(string.ascii_letters)
    return len(digits) >= WHOLE_GROUP or bool(MOBILE.fullmatch(group.text))


def _wrapped(previous: Group, group: Group) -> bool:
    """A long number the customer's app broke over two lines: 2024112500 / 318876.

    Only a bare line break, a rest of digits too short to be a number by itself and not
    a mobile: 202411235567 / 13912345678 on two lines stay an order and a phone. Or the
    `_stray_tail` a space cut off at the end of the message: 2024112355 67.
    """
    if group.stray_tail and previous.text.isdigit():
        return True
    return (
        group.between == "\n"
        and _digits_behind_prefix(previous.text)
        and group.text.isdigit()
        and not _whole(group)
        and not group.opens_phone
        # "订单号\n289374615023\n20241125 承诺发货": a date on the next line is no rest
        and not DATE_DIGITS.fullmatch(group.text)
        # "订单号\n202411235567\n5567是尾号": the line above's last digits said again (ord27)
        and not (len(group.text) >= _TAIL_SAID_AGAIN and previous.text.endswith(group.text))
    )


_TAIL_SAID_AGAIN = 4  # a shorter rest may end as the line above does by chance


def _digits_behind_prefix(text: str) -> bool:
    """Digits, maybe after a letter prefix: "2024112500", "DD2024112300" (an app wraps both)."""
    digits = text.lstrip(string.ascii_letters)
    return digits.isdigit() and len(digits) >= len(text) - 4


def _phone_starts(groups: Sequence[Group], at: int) -> bool:
    """A mobile number typed in groups (138 1234 5678) starts at `at`.

    Not where the groups go on in the rhythm of the number before them: "6928 3746 1520
    3948 571" is one order in fours whose last three groups happen to read 152…571, and
    "623706-757-151-502-70169" one in threes after its head (the group before the phone's
    first as long as it, with the same typed separator on both sides; spaces part an order
    from a phone too often: "623706 757 138 1234 5678"). Nor where one typed separator joins
    every group, before the would-be phone and inside it: "704—066973—011—1546—980—1873" is
    one order in mixed groups (grammar v2 seed 50), no order dashed to a phone.
    """
    previous, group = groups[at - 1], groups[at]
    if (
        at >= 2
        and len(group.text) == len(previous.text) == len(groups[at - 2].text)
        and group.between == previous.between
    ):
        return False
    typed = at >= 2 and group.between == previous.between and group.between.strip() != ""
    if typed and len(group.text) == len(previous.text):
        return False
    if typed and all(later.between == group.between for later in groups[at + 1 : at + 3]):
        return False
    texts, sizes = "", []
    for group in groups[at : at + 3]:
        if group.amount:
            break  # "…1948089， 2024年": a year, no end of a phone
        texts += group.text
        sizes.append(len(group.text))
        if MOBILE.fullmatch(texts):
            return tuple(sizes) in PHONE_GROUPINGS and not _goes_on(groups, at, len(sizes))
    return False


def _goes_on(groups: Sequence[Group], at: int, size: int) -> bool:
    """The groups after a would-be phone go on with its own separator: it is inside the id.

    "订单号：830 80569 161 6459 5839 04765": 161 6459 5839 reads as a mobile, but a group
    follows it as the groups before it did; a phone given after an order ends the run or
    changes the separator ("… 138 1234 5678，…").
    """
    after = at + size
    if after >= len(groups) or size < 2:
        return False
    inside = {group.between for group in groups[at + 1 : after]}
    return inside == {groups[after].between} and groups[after].between == groups[at].between


def _rest_after_whole(groups: Sequence[Group], end: int) -> bool:
    """Whether `groups[end]` goes on with the whole number before it (`_ends_id`).

    The rest an app wrapped onto the next line, when that line holds no number of its own;
    or the stray tail a space cut off, in one group or more: "订单号六九二…九零 1234 567"
    (numerals read out, then the rest typed in digits, to the end of the message).
    """
    group = groups[end]
    if group.stray_tail and groups[end - 1].text.isdigit():
        return True
    return _wrapped(groups[end - 1], group) and not _own_number(groups, end)


def _own_number(groups: Sequence[Group], end: int) -> bool:
    """The next line starts a number of its own, in groups ("81-90434-78063", "8156 3578 …").

    A long number's app-broken rest is one group ("2024112500 / 318876"); a line that
    goes on in groups is a number typed there, not the end of the one above it. A date or
    an amount after a comma goes on with no group: "… / 318876，2024年11月23日买的".
    """
    if end + 1 >= len(groups):
        return False
    following = groups[end + 1]
    return "\n" not in following.between and not ("," in following.between and following.amount)


def _phone_interrupts(groups: Sequence[Group], start: int, end: int) -> bool:
    """A hotline or landline starts at `end` after a comma, a line break or a new separator.

    "…-17310，800-075-8743打不通" is an order, then the shop's hotline; so is "… 9876
    400-820-8820" (ord28), the phone's own separator unlike the blank before it.
    """
    group = groups[end]
    if not group.opens_phone:
        return False
    if "\n" in group.between or "," in group.between:
        return True
    if end - 1 > start and group.between != groups[end - 1].between:
        return True
    return end + 1 < len(groups) and groups[end + 1].between != group.between


_YEAR_HEAD = re.compile(r"(?:19|20)\d{2}")
_SHORT_HEAD = 2  # digits of a head a customer cuts off an order's start ("24 0918375610294")


def _short_head(first: Group) -> bool:
    """One or two digits an order word introduces, a whole number after them: its start.

    "订单号 5 501938472613309485": nothing of one or two digits is filed right after an
    order word by itself; the customer typed the id with a space after its first digits.
    """
    return (
        first.text.isdigit()
        and len(first.text) <= _SHORT_HEAD
        and not first.amount
        and first.set_off
    )


# Carriers whose letters glued to the number make a parcel number by its shape: spaced, they
# are joined the same, and the shape tells the parcel ("SF 1402938475612" is SF1402938475612).
_CARRIER_JOINED = frozenset({"sf", "yt", "yto", "zto", "jt", "sto", "yd", "jdva"})
# Carriers' letters no shape follows up: never an order's prefix ("DHL 1234567890").
_CARRIER_LETTERS = frozenset({"db", "jdx", "ems", "ups", "dhl", "tnt", "usps", "lp", "cn"})


def _spaced_prefix(first: Group, group: Group) -> bool:
    """Letters a space parts from the whole number after them: its prefix (round thirty).

    "jd 298374651030", "淘宝 TB 3721…", "E 2024…" bare, as after an order word and as in
    groups. Not a word: the letters hold no vowel (jd, tb, pdd, dy, ks, xhs, dd) or are one
    letter (E, P), VIP or typed in capitals (SO, ORD); chat words, labels ("No", "QQ", "thx", "oops") and carriers
    ("SF", "DHL") stay apart, and so does a mobile after them ("V X 13812345678").
    """
    letters = first.text.lower()
    return (
        first.text.isalpha()
        and first.text.isascii()
        and len(letters) <= 4
        and letters not in NOT_PREFIXES
        and letters not in _CARRIER_LETTERS
        and (
            letters in _CARRIER_JOINED
            or not set(letters) & set("aeiou")
            or (len(letters) == 1 and letters not in "aio")
            or letters == "vip"
            or first.typed_upper  # "SO 2024…", "ORD 2024…": a shop's letters in capitals
        )
        and group.text[:1].isdigit()
        and not MOBILE.fullmatch(group.text)
    )


def _colon_after(group: Group) -> bool:
    """Letters right before a colon are a label ("JD：3012…", "TB: 3721…"), no prefix.

    Round thirty's one rule: a shop prints no colon inside an id; a customer writes one after
    the platform's name, as after 订单号.
    """
    return ":" in group.between or "：" in group.between


def _joined_to_start(groups: Sequence[Group], start: int, end: int) -> bool:
    """Whether `groups[end]` belongs to the id at `start` although the group rules would cut it.

    A platform's own joints (Pinduoduo's date and rest), a letter prefix and its number, the
    rest of an order on the next line, a spelt prefix: these join even a whole group.
    """
    first, group = groups[start], groups[end]
    # Pinduoduo's date and the rest ("241123-0567...", "241126 5382..."), also after
    # a letter prefix ("PDD 241125-0123...", "PDD241125-0123...")
    after_prefix = end == start + 2 and first.text.isalpha()
    joined = (end == start + 1 or after_prefix) and _pinduoduo_joint(groups[end - 1], group)
    # a letter prefix, then the number parted only by what the id's normal form removes
    # (round thirty's one rule): "JD-2024…", "jd 298374651030", "淘宝 TB 3721…"; before a
    # colon the letters are a label, "JD：2024…" names the platform (`_colon_after`)
    separator = group.between.strip()
    joined = joined or (
        end == start + 1
        and "\n" not in group.between
        and (
            (separator in ("-", "_") and first.text.isalpha())
            or (separator == "" and _spaced_prefix(first, group))
            or (separator in ("", "-", "_") and _no_account_after(groups, start))
        )
    )
    # the rest of an order on the next line: "订单号 38472619 / 50384756201"
    joined = joined or (end == start + 1 and group.rest_of_order)
    # a year-like head an order word introduces, then the rest in one piece (ord25): "订单 2024
    # 112355670098"; a year alone means nothing right after the label
    joined = joined or (
        end == start + 1
        and first.context == "order"
        and (bool(_YEAR_HEAD.fullmatch(first.text)) or _short_head(first))
        and group.text.isdigit()
        and not MOBILE.fullmatch(group.text)  # "订单号 2024 13812345678": a year, a phone
        and group.between == " "
    )
    # likewise one or two digits, then the rest (ord36): "订单号 24 0918375610294"
    # a letter prefix an order word introduces, then the number after a space, in one
    # piece or in groups: "订单号JD 301234567890", "订单号 PO 211 29384756102938475"
    joined = joined or (
        first.labelled
        and not any(_whole(g) for g in groups[start + 1 : end])
        and not _colon_after(groups[start + 1])
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
    return joined


def _new_clause(groups: Sequence[Group], end: int) -> bool:
    """A comma, or a line break the next line's own groups follow (`_own_number`)."""
    between = groups[end].between
    return "," in between or ("\n" in between and _own_number(groups, end))


# What the words before a number may call it that is no order: its groups end at a comma.
_OTHER_KINDS = frozenset({"phone", "tracking", "other"})


def _ends_id(
    groups: Sequence[Group], start: int, end: int, texts: Sequence[str], length: int, best: int
) -> bool:
    """Whether the id that starts at `start` ends before `groups[end]` (its rules, in order)."""
    first, group = groups[start], groups[end]
    joined = _joined_to_start(groups, start, end)
    return bool(
        length > MAX_ID_CHARS
        or not _continues_id(groups, start, end)
        or group.amount
        or (_whole(group) and not joined)
        or (
            _whole(groups[end - 1])
            and any(c.isdigit() for c in groups[end - 1].text)
            and not _rest_after_whole(groups, end)
            and not _platform_rest(groups, start, end)
        )
        or (best and _phone_starts(groups, end))
        or _phone_interrupts(groups, start, end)
        # letters before a colon are a label, whatever follows ("PDD:241029-…", round thirty)
        or (end == start + 1 and first.text.isalpha() and _colon_after(group))
        # "验证码421791\nN809-644 这单": letters after a line break open another id
        or ("\n" in group.between and group.text[:1].isalpha())
        or (first.opens_phone and ("," in group.between or "\n" in group.between))
        # "手机 162 1944 8710 ， 8862-2677-…": a whole mobile, then a comma
        or ("," in group.between and bool(MOBILE.fullmatch("".join(texts))))
        or ("\n" in group.between and _grouped_mobile(texts))
        or ("\n" in group.between and _short_last_group(texts) and _own_number(groups, end))
        # "取件码 311152 ， 553-001-…": a number labelled as no order ends at a comma, and at
        # a line break when the next line goes on in groups ("优惠券码 HTGP5574\n5068 5326 …")
        or (_new_clause(groups, end) and first.context in _OTHER_KINDS)
    )


def _short_last_group(texts: Sequence[str]) -> bool:
    """Even groups, then a shorter one: the rhythm a number typed in groups ends with (ord27).

    "3721 8495⏎6302 8174 625⏎9123 4567": the order ends with 625, as orders are printed
    (4-4-4-4-3); the next line's own groups are the next number (a Hong Kong phone), not 23
    digits of one.
    """
    if len(texts) < 3 or not all(text.isdigit() for text in texts):
        return False
    *even, last = (len(text) for text in texts)
    return len(set(even)) == 1 and last < even[0]


def _grouped_mobile(texts: Sequence[str]) -> bool:
    """A mobile typed in its own groups ("138 1234 5678"): its line ends it (ord28).

    "138 1234 5678 / 3721 8495 6302 8174 625" on two lines joined a phone and an order into
    23 digits. A number an app broke over lines has no groups of a phone's on its first line.
    """
    sizes = tuple(len(text) for text in texts)
    return len(sizes) > 1 and sizes in PHONE_GROUPINGS and bool(MOBILE.fullmatch("".join(texts)))


def _prefix_after_order(groups: Sequence[Group], start: int) -> bool:
    """A label word an order word introduces, then the number in groups: the id's prefix.

    "订单号 wx 8837 2291 0045", "苏宁订单号 SN 2024 1123 0001 88" (`PREFIX_AFTER_ORDER`): an
    order word names no WeChat account or serial number. Before a whole number the word
    stays a label, as Shopee's "order SN 241128QWERTY12" is; the dashed forms are
    `number_merger._printed_id`'s.
    """
    first = groups[start]
    return _no_account_after(groups, start) or (
        first.labelled
        and first.text.lower() in PREFIX_AFTER_ORDER
        and start + 1 < len(groups)
        and not _whole(groups[start + 1])
    )


# WeChat's names: before a number no account can be, a mini-program's or mini-shop's prefix.
_WECHAT_NAMES = frozenset({"wx", "vx"})


def _no_account_after(groups: Sequence[Group], start: int) -> bool:
    """"WX 2024 1123 1452 0988 3104" bare: the digits in groups after wx/vx are no account.

    A WeChat id begins with a letter; one given as digits is a mobile or a QQ number, eleven
    digits at most (twelve taken as an account too). Fourteen digits or more on the one line,
    no mobile among them, are the order a mini-program printed behind its WX (round thirty);
    "wx 138 1234 5678" and "wx 8837 2291 0045 加一下" stay the customer's WeChat.
    """
    if groups[start].text.lower() not in _WECHAT_NAMES:
        return False
    digits = ""
    for group in groups[start + 1 :]:
        if not group.text.isdigit() or group.between.strip() not in ("", "-", "_"):
            break
        if "\n" in group.between or MOBILE.fullmatch(group.text):
            return False
        digits += group.text
    return len(digits) > WECHAT_ACCOUNT_DIGITS and not MOBILE.match(digits)


def longest_id(groups: Sequence[Group], start: int, order_pattern: re.Pattern[str]) -> int:
    """End (exclusive) of the longest plausible id starting at `start`, or 0.

    Ids are short: the search stops after `MAX_ID_CHARS` characters or at the first
    group that cannot continue an id, so 5,000 "1 " in a row cost 5,000 steps, not 5,000².
    """
    first = groups[start]
    if not (group_ok(first.text, first=True) or _prefix_after_order(groups, start)) or first.amount:
        return 0
    texts, length, best = [first.text], len(first.text), 0
    for end in range(start + 1, len(groups)):
        length += len(groups[end].text)
        if _ends_id(groups, start, end, texts, length, best):
            break
        texts.append(groups[end].text)
        if plausible(texts, order_pattern):
            best = end + 1
    if not best:
        return best
    return _first_copy(groups, start, best, lambda joined: plausible(joined, order_pattern))
