"""What each token of a complaint is: its compact id, its kind and whether it is a number.

`annotate` sets the token attributes (`complaint_id`, `complaint_kind`, `complaint_rule`,
`complaint_number`) once per doc, so every id-like token gets exactly one kind and the
entity ruler's number patterns in `bot.nlu.spacy_pipeline` never compete. The values of
Chinese numerals and amounts, and whether the customer takes a number back, sets it aside,
calls it void or gives it as a correction, are read here too, from the same context rules.
How the customer corrects some digits of a number after it ("X 最后一位是7不是1") is read in
`bot.nlu.number_corrections`, which of several orders they mean in `bot.nlu.order_choice`.
"""

import re
from typing import Any, Dict, Optional, Tuple

from spacy.tokens import Doc, Span, Token

from bot.nlu.label_after import caption_context, captions_number_before
from bot.nlu.number_legend import apply_legend
from bot.nlu.number_shapes import (
    ADDRESS_END,
    AFTER_DATE,
    AMOUNT_FOLLOWERS,
    ARABIC_NUMBER,
    CARRIER_OWNED,
    CHOSEN_RIGHT,
    CLOSING_RUN,
    CN_BIG,
    CN_DIGITS,
    CN_NUMBER,
    CN_UNITS,
    CONTEXT_PHONES,
    CORRECTION_LEFT,
    COUNTER_NOUNS,
    COUNTERS,
    CURRENCY,
    CURRENCY_LETTERS,
    DASHED_LANDLINE,
    DATE_DIGITS,
    GROUP,
    HEAD_ONLY_AFTER,
    LATER_CHOSEN,
    MAGNITUDE,
    MASK_AFTER,
    MASK_BEFORE,
    MASK_INSIDE,
    NOT_ID_CHAR,
    PIECE_COUNTERS,
    POSTCODE,
    RESIDENT_ID,
    RESIDENT_ID_WEIGHTS,
    RETRACTED_LEFT,
    RETRACTED_RIGHT,
    RIGHT_ORDER,
    RIGHT_PHONE,
    RIGHT_PHONE_SAID,
    RIGHT_TRACKING,
    RMA_ID,
    SET_ASIDE_LEFT,
    SET_ASIDE_RIGHT,
    SETTLED_AFTER,
    THOUSANDS_ID,
    THOUSANDS_LONG_ID,
    TICKET_ID,
    TRACKING_SHAPE,
    UNITS,
    URL,
    VOID_RIGHT,
    end_unwrapped,
    is_timestamp,
    phone_shape,
    unwrapped_start,
    words_before,
)
from bot.nlu.number_words import (
    CONTEXT_KINDS,
    PARCEL_OR_ORDER,
    PLACE_WORDS,
    WECHAT_ACCOUNT_DIGITS,
    WECHAT_WORDS,
    bracketed_context,
    left_context,
    left_word,
    right_context,
    said_not_the_order,
    said_to_be_another_number,
    word_kind,
)

# ---------------------------------------------------------------------------------- numbers


def parse_chinese_number(text: str) -> Optional[float]:
    """Value of a Chinese numeral ("三百八十四", "一千二" = 1200, "1.2万"), None if not one.

    Colloquial shortening is understood: a digit right after a unit counts one unit lower
    ("一千二" is 1200, "三万五" is 35000), as customers say prices.
    """
    if not text:
        return None
    arabic = re.fullmatch(r"(\d+(?:\.\d+)?)([万千百亿])?", text.replace(",", ""))
    if arabic:
        value = float(arabic.group(1))
        big = arabic.group(2)
        return value * ({**CN_UNITS, **CN_BIG}[big] if big else 1)
    if not CN_NUMBER.fullmatch(text):
        return None
    total, section, digit = 0, 0, 0
    last_unit, after_unit = 1, False
    for char in text:
        if char in CN_DIGITS:
            digit = CN_DIGITS[char]
            after_unit = after_unit and digit != 0
            if char in "零〇":
                after_unit = False
        elif char in CN_UNITS:
            unit = CN_UNITS[char]
            section += (digit or 1) * unit
            digit, last_unit, after_unit = 0, unit, True
        else:
            big = CN_BIG[char]
            total += (section + digit) * big
            section, digit, last_unit, after_unit = 0, 0, big, True
    if digit:
        section += digit * (last_unit // 10) if after_unit and last_unit >= 100 else digit
    return float(total + section)


def _is_number(token: Token) -> bool:
    """Arabic number (with thousands separators/decimals) or Chinese numeral."""
    text = token.lower_
    return bool(ARABIC_NUMBER.fullmatch(text) or CN_NUMBER.fullmatch(text))


def money_value(span: Span) -> Optional[float]:
    """Amount in yuan of a MONEY span ("1,299.50元", "¥328", "1.2万元", "八百块")."""
    value: Optional[float] = None
    factor = 1.0
    for token in span:
        text = token.lower_
        if text in CURRENCY or text in ("多", "钱"):
            continue
        if text in UNITS:
            factor *= UNITS[text]
        elif text in MAGNITUDE and value is not None:
            factor *= MAGNITUDE[text]
        elif value is None:
            stripped = re.sub(r"(多)?(块钱|元钱|块|元)$", "", text)
            value = parse_chinese_number(stripped.replace(",", ""))
    return None if value is None else round(value * factor, 2)


# ------------------------------------------------------------------------ token attributes


def _compact(text: str) -> str:
    """Letters and digits only, upper-case: "ls-2024 1122" -> "LS20241122"."""
    return NOT_ID_CHAR.sub("", text).upper()


def _is_id_token(token: Token) -> bool:
    if token._.complaint_merged or GROUP.fullmatch(token.text):
        return True
    # Dictation writes a long number with thousands separators ("订单号是285,413,097,762"):
    # an id when it is too long for an amount or an order word introduces it.
    if THOUSANDS_LONG_ID.fullmatch(token.text):
        return True
    return bool(THOUSANDS_ID.fullmatch(token.text)) and (
        left_context(token.doc.text, token.idx) == "order"
    )


def is_amount(token: Token) -> bool:
    """A number followed by 元/块/万... or preceded by a currency sign is money."""
    doc = token.doc
    after = token.i + 1
    # spaces, but not a line break: "…6483\nRMB 9047.5" is an order above an amount
    while after < len(doc) and doc[after].is_space and "\n" not in doc[after].text:
        after += 1
    if after < len(doc) and doc[after].lower_ in AMOUNT_FOLLOWERS:
        # "200多(块)" is about 200 and "50钱" money; "202411235567 多了一个充电器" is an extra
        # item in that order, "DD20241123889 钱退我!" the order, then money back asked for
        return doc[after].lower_ not in ("多", "钱") or len(token) <= 6
    if len(token) <= 3 and _counter_at(doc, after):
        return True  # 2件, 42码: a quantity or a size (short: "2024...只到了一件" is an id)
    # 100000 个: a large quantity (个/件/台… are never "only" or a day); "…62 双11买的" is the
    # shopping day (`COUNTER_NOUNS`)
    piece = after < len(doc) and doc[after].text[:1] in PIECE_COUNTERS
    if len(token) <= 6 and piece and _counter_at(doc, after):
        return True
    before = token.i - 1
    while before >= 0 and doc[before].is_space:
        before -= 1
    return before >= 0 and doc[before].lower_ in CURRENCY


def followed_by_counter(token: Token) -> bool:
    """A counter (件, 个, 包, 码 …) after the number, across spaces: a quantity or a size."""
    doc = token.doc
    after = token.i + 1
    while after < len(doc) and doc[after].is_space and "\n" not in doc[after].text:
        after += 1
    return _counter_at(doc, after) and doc[after].lower_ not in AMOUNT_FOLLOWERS


def _counter_at(doc: Doc, at: int) -> bool:
    """A counter opens the token at `at` ("件", "包"), but no noun ("包裹", "包装")."""
    if at >= len(doc) or doc[at].text[:1] not in COUNTERS:
        return False
    return not doc.text.startswith(COUNTER_NOUNS, doc[at].idx)


def _compact_id(token: Token) -> str:
    """Upper-case id without separators; "" for non-ids and numbers followed by 元/块/万."""
    if not _is_id_token(token) or is_amount(token):
        return ""
    return _one_glued_copy(_compact(token.text))


# The shortest id pasted twice with nothing between that is read as one copy (ord31).
_GLUED_COPY = 8


def _one_glued_copy(compact: str) -> str:
    """An id pasted twice with nothing between is the id: "202411235567202411235567".

    A customer who pastes into a box that already held the number sends it twice glued (the
    spaced and line-broken copies are read once by the merger, `number_joins._first_copy`).
    No shop prints an id that is eight characters or more said twice, so the halves are one
    copy; an even number of digits that only repeats a shorter block ("1212121212") is not
    taken apart unless each half holds at least eight.
    """
    half, odd = divmod(len(compact), 2)
    if not odd and half >= _GLUED_COPY and compact[:half] == compact[half:]:
        return compact[:half]
    return compact


_EXTENSION_DEFAULTS: Dict[str, Any] = {
    "complaint_merged": False,  # joined from groups by the merger
    "complaint_id": "",  # compact upper-case id, "" when the token cannot be one
    "complaint_kind": "",  # what the number is: order, phone, tracking, other, or ""
    "complaint_rule": "",  # which rule decided the kind: ctx, post, bare, intl
    "complaint_number": False,  # a number an amount can be made of
}


def register_extensions() -> None:
    """Token attributes the merger sets and the ruler's patterns read (idempotent).

    Plain values set once per token by the merger, not getters: the ruler's patterns read
    them many times per token.
    """
    for name, default in _EXTENSION_DEFAULTS.items():
        if not Token.has_extension(name):
            Token.set_extension(name, default=default)


def _could_be_rung(compact: str, phone: str) -> bool:
    """A phone's shape, or a local landline's seven or eight digits ("屋企 2345 6789")."""
    return phone in CONTEXT_PHONES or (compact.isdigit() and 7 <= len(compact) <= 8)


def _kind(token: Token, order_pattern: re.Pattern[str]) -> Tuple[str, str]:
    """(kind, rule) of an id token: context before it, then after it, then its shape."""
    compact = token._.complaint_id
    if not compact:
        return "", ""
    text = token.doc.text
    phone = phone_shape(compact, token.text)
    is_order = bool(order_pattern.fullmatch(compact)) and any(c.isdigit() for c in compact)
    end = end_unwrapped(token)  # "`5510…` 是订单编号", "👉2403…🙏 这个订单号"
    after = text[end : end + 12]
    word = left_word(text, token.idx)
    if word and _said_of_number_before(text, token.idx, word):
        word = ""  # "138… 是我电话，2817… 是订单号": 电话 was said of 138…
    if CONTEXT_KINDS.get(word) == "order" and _NEGATED.search(
        text, 0, text.rfind(word, 0, token.idx)
    ):
        word = ""  # "没有订单号，SF4481…": no order is given, whatever follows
    context = word_kind(word)  # a context word's kind, or a colon label's ("售后：SH…")
    if word in WECHAT_WORDS and compact.isdigit() and len(compact) > WECHAT_ACCOUNT_DIGITS:
        context = ""  # "vx：2024…3104" (20 digits): no WeChat account is so long (ord31)
    if word in PLACE_WORDS and not _could_be_rung(compact, phone):
        context = ""  # "公司 202411235567 的单子": a place names a phone, not any number
    if not context and is_order:
        context = _corrected_kind(token)  # "快递单号 X 打错了 是 Y": Y is a parcel number too
    if context == "order" and word in PARCEL_OR_ORDER and TRACKING_SHAPE.fullmatch(compact):
        return "tracking", "ctx"  # "单号 SF1402938475611": a carrier's parcel number
    if context == "order" and word in PARCEL_OR_ORDER and CARRIER_OWNED.match(after):
        return "tracking", "ctx"  # "单号 4318… 韵达的 一直没到": the carrier's, said after it
    if token.lower_.startswith(CURRENCY_LETTERS):
        return "", ""  # "RMB6732.00": an amount
    if context == "order" and phone == "hotline" and "-" in token.text:
        return "other", "bare"  # "没有单号，800-748-9932打不通": the shop's hotline, dashed
    if context == "order" and DATE_DIGITS.fullmatch(compact) and AFTER_DATE.match(after):
        return "", ""  # "没有订单号，20240513那天买的": the day it was bought
    if context == "order" and said_to_be_another_number(text, token.idx + len(token)):
        return "other", "ctx"  # "订单号 X 是售后单号吗": the customer doubts it is the order
    if context == "order":
        return ("order", "ctx") if is_order and not _masked(token) else ("", "")
    if _after_bracketed_area_code(token, compact):
        return "phone", "ctx"  # "(0755) 8765 4321", "（021）6234-5678": a landline, named or not
    if _in_url(token):
        return "other", "bare"  # a product or shop id in a link, not an order
    if _resolution_or_version(token):
        return "other", "bare"  # "分辨率 1920x1080", "版本 v3.2.10.1234"
    if _masked(token):
        return "other", "bare"
    if context == "phone":
        return ("phone", "ctx") if phone in CONTEXT_PHONES else ("other", "ctx")
    if word == "id" and is_order and RIGHT_ORDER.match(after):
        return "order", "post"  # "ID 2411… 的订单": the words after name what the ID is
    if context in ("tracking", "other"):
        return context, "ctx"
    if not context and said_not_the_order(text, end):
        return "other", "post"  # "4401928837不是订单 这个才是 2024…" (dev33)
    if is_order and RIGHT_ORDER.match(after):
        return "order", "post"
    if RIGHT_TRACKING.match(after) or CARRIER_OWNED.match(after):
        return "tracking", "post"
    # "X 是运单号", "X（售后单）", "X 退款单号⏎…" (a caption, ord34)
    said = right_context(text, end) or bracketed_context(text, end) or caption_context(text, end)
    if said == "tracking":
        return "tracking", "post"  # "YT… 是运单号"
    if said == "other":
        return "other", "ctx"  # "123456 是验证码吗": said to be something else
    if phone in CONTEXT_PHONES and RIGHT_PHONE.match(after):
        return "phone", "post"
    if RIGHT_PHONE_SAID.match(after):
        return "other", "ctx"
    if phone == "intl":
        return "phone", "intl"
    if phone == "mobile" or (phone == "landline" and not compact.isdigit()):
        return "phone", "bare"
    if phone == "landline" and DASHED_LANDLINE.fullmatch(token.text):
        return "phone", "bare"
    if phone == "hotline":
        return "other", "bare"
    if DATE_DIGITS.fullmatch(compact) or is_timestamp(compact, after):
        return "", ""  # 20241123 without an order word is the date it looks like
    if _is_resident_id(compact) or _postcode_after_address(token, compact):
        return "other", "bare"
    if TRACKING_SHAPE.fullmatch(compact):
        return "tracking", "bare"
    if TICKET_ID.fullmatch(token.text.lower()) or RMA_ID.fullmatch(compact):
        return "other", "bare"
    if _corrects_a_phone(token):
        return "phone", "ctx"  # "电话打错了，是 9123 4576": a Hong Kong number, no order
    if is_order and _given_as_correction(token):
        return "order", "ctx"  # "打错了 是 241120ABCD12FE": letters of its own, still the order
    if _short_and_spaced(token, compact):
        return "", ""  # "打了400 800 12315": numbers said in a row, not one id
    return ("order", "bare") if is_order and _id_shaped(compact) else ("", "")


# An area code in brackets right before a number: mainland (0755), Taiwan (02), or a country
# code (852), (+853), (886), as a landline is printed on a card, an invoice or a shop's page.
_BRACKETED_AREA_CODE = re.compile(r"\(\s*(?:0\d{1,3}|\+?(?:852|853|886))\s*\)[\s-]*$")


def _after_bracketed_area_code(token: Token, compact: str) -> bool:
    """The local number of a landline after its bracketed area code: seven or eight digits.

    Why: "(0755) 8765 4321" is how a phone number is printed, never an order; the merger does
    not join the bracket, so the local number alone looked like an eight-digit order (ord24).
    """
    if not (compact.isdigit() and 7 <= len(compact) <= 8):
        return False
    return bool(_BRACKETED_AREA_CODE.search(token.doc.text, 0, token.idx))


def _short_and_spaced(token: Token, compact: str) -> bool:
    """Fewer than eight digits joined from groups a space parts, with no order word.

    Nobody gives a short order number in spaced groups without saying what it is; such
    groups are numbers said in a row ("400 800", "3 5 7 9 11 13").
    """
    return (
        token._.complaint_merged
        and sum(1 for char in compact if char.isdigit()) < 8
        and bool(re.search(r"[0-9a-z]\s+[0-9a-z]", token.text, re.IGNORECASE))
    )


# A context word said of the number before it: "13812345678 是我电话，…", "X 为订单号；…".
_PREDICATE_BEFORE = re.compile(
    rf"[0-9a-z]{CLOSING_RUN}(?:这个?|那个?)?(?:是|为|就是)(?:我们?的|我的?|你们的)?$",
    re.IGNORECASE,
)


# "没有订单号", "没订单编号", "无单号": the word says there is none.
_NEGATED = re.compile(r"(?:没有|没|无|忘了|忘记)\Z")
# A number (and a closing bracket or quote) right before a word: "【2024…】这个订单".
_NUMBER_RIGHT_BEFORE = re.compile(
    rf"(?<![0-9a-z])[a-z]*\d[0-9a-z]*{CLOSING_RUN}\(?\s*$", re.IGNORECASE
)
_POINTING_BACK = re.compile(r"(?:这个|那个|这一|这|那|呢|该)$")


def _said_of_number_before(text: str, start: int, word: str) -> bool:
    """Whether the context word before `start` tells what the number BEFORE it is.

    "13812345678 是我电话，2817345690123 是订单号": 电话 ends a clause about 138…, it does
    not introduce 2817…, which its own words after it then name. So does a word that points
    back right after a number ("【2024…】这个订单，138…", "2024…（订单号）" on the line above 138…).
    """
    position = text.rfind(word, 0, start)
    if position <= 0:
        return False
    if _PREDICATE_BEFORE.search(text, 0, position) or captions_number_before(text, position, word):
        return True  # "X 是退款单号，Y", "X 退款单号⏎Y" (ord34): said of X
    pointer = _POINTING_BACK.search(text, 0, position)
    head = pointer.start() if pointer else position
    # "2024…（订单号）": a bracketed word names the number before it; "(订单号是 2024…)" not
    closes = text[position + len(word) : position + len(word) + 1] == ")"
    bracketed = text[position - 1] == "(" and closes
    if not (pointer or word.startswith(("这", "那", "该", "呢")) or bracketed):
        return False
    return bool(_NUMBER_RIGHT_BEFORE.search(text, 0, head))


def _given_as_correction(token: Token) -> bool:
    """A number of six digits or more the customer gives as the right one ("打错了 是 …").

    Called an order by the correction whatever its letters: a shop's id with five or more
    letters (Shopee's "241118K3M7P2XG") looks like no id on its own.
    """
    if sum(1 for char in token._.complaint_id if char.isdigit()) < 6:
        return False
    return bool(CORRECTION_LEFT.search(words_before(token, 16)))


# What was mistyped, said just before the correction: a phone ("电话号码刚才打错了，是 …").
_PHONE_MISTYPED = re.compile(r"(?:手机|电话|联系方式|座机)(?:号码?)?[^\d\s]{0,4}$")


def _corrects_a_phone(token: Token) -> bool:
    """A number given as the right one after the customer said their phone was mistyped.

    The correction alone calls a number an order; a phone named before it says otherwise,
    whatever the number's shape (an 8-digit Hong Kong number has none of the mainland's).
    """
    words = words_before(token, 24)
    correction = CORRECTION_LEFT.search(words)
    if correction is None:
        return False
    return bool(_PHONE_MISTYPED.search(words[: correction.start()].rstrip()))


# How far before the correction's words the number it corrects may end.
_CORRECTED_WITHIN = 16
# A number corrected by another is an id itself: six characters or more.
_MIN_CORRECTED = 6


def _corrected_kind(token: Token) -> str:
    """The kind of the number this one corrects, when that is no order ("" otherwise).

    "售后单号 AS…0123 改成 AS…0132", "快递单号 7730 … 901 打错了 是 7730 … 910": the right
    number is what the wrong one was called, not an order because nothing names it.
    """
    if not _given_as_correction(token):
        return ""
    start = unwrapped_start(token.doc.text, token.idx)
    for earlier in reversed(token.doc[: token.i]):
        if earlier.idx + len(earlier) < start - _CORRECTED_WITHIN:
            return ""
        if earlier._.complaint_id and earlier._.complaint_kind:
            if len(earlier._.complaint_id) < _MIN_CORRECTED:
                return ""  # "末尾是67，完整的是 2024…": a part told first, then the whole
            kind, rule = str(earlier._.complaint_kind), str(earlier._.complaint_rule)
            named = rule in ("ctx", "post")  # by words, not by its shape alone
            return kind if named and kind in ("tracking", "other") else ""
    return ""


def _masked(token: Token) -> bool:
    """Part of a number with digits hidden ("3810****9384", "381029...9384", "138xxxx5678").

    Apps and customers mask numbers they show; what is left is no number to look up. So is
    the head of one the customer only remembers the start of ("202411开头的，后面忘了").
    """
    text = token.doc.text
    before = text[max(0, token.idx - 5) : token.idx]
    after = text[token.idx + len(token) : token.idx + len(token) + 5]
    return bool(
        MASK_AFTER.match(after)
        or HEAD_ONLY_AFTER.match(after)
        or MASK_BEFORE.search(before)
        or (MASK_INSIDE.search(token.text) and not _letters_of_its_own(token.text))
    )


def _letters_of_its_own(text: str) -> bool:
    """Letters other than x after the first digit: "230616D9XXX27C" is Shopee's id, no mask.

    A masked number is digits with x's for the hidden ones ("138xxxx5678", "JD2024xxxx5567").
    """
    digits = re.search(r"\d", text)
    body = text[digits.start() :] if digits else ""
    return any(char.isalpha() and char not in "xX" for char in body)


def _is_resident_id(compact: str) -> bool:
    """A resident ID card number, by its shape and check digit: the customer's, no order."""
    if not RESIDENT_ID.fullmatch(compact):
        return False
    digits = compact[:-1]
    total = sum(int(d) * w for d, w in zip(digits, RESIDENT_ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11] == compact[-1]


def _postcode_after_address(token: Token, compact: str) -> bool:
    """Six digits right after an address ("…南山区粤海街道 518057"): its postcode, no order.

    Why: a customer pasting where the parcel should go writes the postcode after the street
    with no 邮编; nobody calls an order by the street before it.
    """
    if not POSTCODE.fullmatch(compact):
        return False
    start = unwrapped_start(token.doc.text, token.idx)
    return bool(ADDRESS_END.search(token.doc.text[max(0, start - 8) : start]))


def _id_shaped(compact: str) -> bool:
    """Whether a number nobody called an order looks like one: mostly digits.

    At least six digits and at most four letters ("DD20241123889"), not a model name
    ("IPHONE15", "RTX4090").
    """
    digits = sum(1 for char in compact if char.isdigit())
    return digits >= 6 and len(compact) - digits <= 4


def _in_url(token: Token) -> bool:
    """Whether the token is part of a link (the doc's URL spans are computed once)."""
    doc = token.doc
    spans = doc.user_data.get("complaint_urls")
    if spans is None:
        spans = [match.span() for match in URL.finditer(doc.text)]
        doc.user_data["complaint_urls"] = spans
    return any(start <= token.idx < end for start, end in spans)


_RESOLUTION = re.compile(r"\d{3,5}\s*[x×*]\s*\d{3,5}", re.IGNORECASE)
# dotted numbers after a "v" or a version word, or glued to "v1."
_VERSION_BEFORE = re.compile(r"(?:版本号?|version|ver|v)[\s:：]*(?:\d+\.)*$", re.IGNORECASE)
_DOTTED = re.compile(r"\d+(?:\.\d+)+")


def _resolution_or_version(token: Token) -> bool:
    """A screen size or a software version, never an order, whatever is around it."""
    if _RESOLUTION.fullmatch(token.text):
        return True
    before = token.doc.text[max(0, token.idx - 12) : token.idx]
    return bool(_DOTTED.fullmatch(token.text) and _VERSION_BEFORE.search(before))


def retracted(token: Token) -> bool:
    """The customer takes this number back: "不是2024...", "2024...写错了"."""
    end = end_unwrapped(token)
    after = token.doc.text[end : end + 20]  # ", sorry wrong one"
    return bool(
        RETRACTED_LEFT.search(words_before(token, 12))
        or RETRACTED_RIGHT.match(after)
        or _OPENING_RETRACTION.fullmatch(words_before(token, len(token.doc.text)))
    )


# "额 不是X，是Y" as the whole opening: with no number before it, the interjection cannot be
# correcting one ("X 哦不是 Y" picks Y, see RETRACTED_LEFT), so 不是 takes X back.
_OPENING_RETRACTION = re.compile(
    r"[\s,]*[哦噢喔啊呃额嗯唉诶欸呀]+[\s,]*不是[\s:,]*(?:订单号?|单号)?[\s:,]*"
)


def voided(token: Token) -> bool:
    """The customer calls this number itself wrong: "X 不对 这个不是", "X 作废了" (`VOID_RIGHT`)."""
    return bool(VOID_RIGHT.match(token.doc.text, end_unwrapped(token)))


def set_aside(token: Token) -> bool:
    """The customer says this order is not the one at fault: "X 没问题，Y …", "X 退过了".

    Or that it is someone else's: "我朋友的订单 X 也有问题 我的是 Y" files the customer's own.
    It loses to any other order in the message (see `SET_ASIDE_RIGHT`, `SET_ASIDE_LEFT`).
    """
    text = token.doc.text
    before = text[max(0, token.idx - 16) : token.idx]
    end = end_unwrapped(token)
    return bool(
        SET_ASIDE_RIGHT.match(text, end)
        or SETTLED_AFTER.match(text, end)  # "X 这单之前已经处理好了" (ord28)
        or SET_ASIDE_LEFT.search(before)
    )


def corrects(token: Token) -> bool:
    """The customer gives this number as a correction: "更正：2024...", "应该是2024...".

    Or picks it, the later of two, after both: "2024...还是2024...来着 应该是后面这个" (a
    number alone picked so is still the only one, whatever its confidence).
    """
    end = end_unwrapped(token)
    after = token.doc.text[end : end + 24]
    return bool(
        CORRECTION_LEFT.search(words_before(token, 16))
        or LATER_CHOSEN.match(after)
        or CHOSEN_RIGHT.match(after)
    )


def annotate(doc: Doc, order_pattern: re.Pattern[str]) -> None:
    """Set each token's id, kind and number flag once, for the ruler's patterns to match on."""
    for token in doc:
        token._.complaint_id = _compact_id(token)
        token._.complaint_kind, token._.complaint_rule = _kind(token, order_pattern)
        token._.complaint_number = _is_number(token)
    _coordinated_kinds(doc)
    apply_legend(doc, order_pattern)  # "第一个是订单号，第二个是手机号：X，Y" (ord26)


# "A 和 B", "A 或者 B", "A、B": two numbers joined by a conjunction are of one kind.
_CONJUNCTION = re.compile(r"\s*(?:和|跟|与|及|以及|还有|或者|或|、|/)\s*")


def _coordinated_kinds(doc: Doc) -> None:
    """A number only its shape calls an order takes the kind of the number joined to it.

    "SF… 和 7829… 两个快递都没到", "电话 138… 或者 021-6234 5678", "IMEI 8612… 和 8612…" (ord23):
    a conjunction joins it to a parcel, phone or other number. Why: the customer lists numbers of one kind; the label or shape of the first says what
    the second is. Only after a number named by words, or by a carrier's shape, and never
    when the second one has its own label; after a phone only a number shaped as a phone.
    """
    previous: Optional[Token] = None
    for token in doc:
        if not token._.complaint_id or not token._.complaint_kind:
            continue
        if (
            previous is not None
            and token._.complaint_kind == "order"
            and token._.complaint_rule == "bare"
            and _joined_to(previous, token)
        ):
            kind = str(previous._.complaint_kind)
            shape = phone_shape(token._.complaint_id, token.text)
            if kind == "phone" and shape not in CONTEXT_PHONES:
                previous = token
                continue  # "电话 138… 和 2024…": a phone, then maybe the order
            token._.complaint_kind, token._.complaint_rule = kind, "ctx"
        previous = token


def _joined_to(previous: Token, token: Token) -> bool:
    """Whether `previous` names its kind surely and a conjunction alone joins it to `token`."""
    kind, rule = str(previous._.complaint_kind), str(previous._.complaint_rule)
    named = rule in ("ctx", "post") or (kind == "tracking" and rule == "bare")
    if kind not in ("tracking", "phone", "other") or not named:
        return False
    between = token.doc.text[previous.idx + len(previous) : token.idx]
    return bool(_CONJUNCTION.fullmatch(between))
