"""spaCy pipeline that finds order numbers, phone numbers, amounts and dates in complaints.

A blank `zh` pipeline with jieba segmentation runs on the normalised text (see
`bot.nlu.normalize`, same length as the original, so offsets carry over), in which digits
written another way inside long numbers are ASCII digits (`normalize_digits`: Chinese
numerals read digit by digit, 幺/洞/〇, circled digits, O/l typed for 0/1), and does the work
in three components:

1. `complaint_token_merger` joins what jieba splits but a customer means as one thing:
   digit/letter groups separated by spaces, a line break, one dash/dot/slash/underscore or an
   emoji ("2024 1123 5567", "ls-2024-1122-017", "2024.1123.5567", "2024😡1123", keycap
   digits "2️⃣0️⃣2️⃣4️⃣"), a comma or 、, "|" or "*" after an order word ("订单号 3847 | 2619"),
   a colon after a letter prefix ("JD：2024..."), or
   one digit at a time as voice input types them ("2 0 2 4 ...") when the joined form is an
   order or phone number, plus dates
   ("2024.11.23"), decimals ("299.00") and grouped amounts ("1,299.50"). A group that is a
   whole number by itself (ten or more characters, or a mobile number) is never joined to
   its neighbour (but to a letter prefix by a colon or dash, and Pinduoduo's
   "241123-056789012345678", also after a prefix: "PDD 241123-0567...", or with a space
   when the rest has its fifteen digits), nor is a number
   that is an amount (followed by 元/块) or a short quantity or size (2件, 42码); a long
   number an app broke over two lines (2024112500 / 318876; after an order word also
   38472619 / 50384756201, or said "后面是 …") is joined back, a number pasted twice is read
   once, and so are a
   dashed number's last single digit ("692-384-…-465-1") and a prefix voice input spells
   letter by letter ("S O 2024…"). A key written in dashed blocks with a block of letters
   after the first ("ABCD-EFGH-1234-5678") is one token and no id. An id a shop system
   prints in one piece, its blocks joined by one and the same separator, is one token when
   an order word introduces it even where the group rules would cut it ("PO-211-0928…",
   "WxMall_2411280931_77", "BJ-SH-2411-2809", "2024-11-28-0931").
   It then decides, per number, what the words around it make of it, on the normalised text
   itself rather than on jieba's words (jieba cuts "快递单号" as 快递/单/号 and "顺丰单号" as
   顺丰单/号): the longest context word right before the number (only spaces, punctuation,
   emoji and fillers such as 是/为/如下 in between) wins: 订单/单号/订单编号 make an order,
   手机/电话/联系 a phone, 快递单号/运单号/顺丰单号 a tracking number, 邮编/验证码/商品编号/
   售后单号/金额/下单时间... some other number, 尾号/前几位/末尾 part of one (no order).
   A number in a link is no order unless an order key names it ("?order_id=..."), nor is a
   masked one ("3810****9384", "381029...9384"). Without
   a context word, words right after it decide ("13812345678是订单号",
   "773012345678是快递单号"), else its shape: a mobile (or dashed
   landline) is a PHONE, a date written as eight digits (20241123) or with its hour before
   ":mm" is nothing, a resident ID with a valid check digit some other number, a carrier's
   parcel number (SF1400223344, EA123456785CN, 1Z…, LP…) a TRACKING_NO (also after the bare
   word 单号), any other number of six digits or more with at most four letters an ORDER_ID
   (not "iPhone15" or "RTX4090").
2. `entity_ruler` labels ORDER_ID, PHONE, MONEY and DATE with token patterns: numbers by the
   kind the merger gave them; a number followed by 元/块 is MONEY and never an order;
   TRACKING_NO and OTHER_NUMBER mark numbers that are NOT orders (callers ignore them).
3. `complaint_entity_trimmer` cuts context words off multi-token number matches.

Every id-like token gets exactly one kind, so the ruler's number patterns never compete.

A message may hold several order numbers: `extract` returns them all, in order; a complaint
files one, `primary_order` (a correction such as "更正：…" beats the rest, a number called an
order beats a bare one, a number the customer takes back loses, else the first), and the Rasa
component passes on only that one.

Pipelines are built on first use and cached per order-number pattern; nothing is built at
import time.
"""

import bisect
import functools
import re
import string
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, TypedDict

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from bot.nlu.normalize import normalize, normalize_digits
from bot.nlu.number_words import (
    CONTEXT_KINDS,
    NOT_PREFIXES,
    PARCEL_OR_ORDER,
    left_context,
    left_word,
)
from bot.settings import Settings

ORDER_ID = "ORDER_ID"
PHONE = "PHONE"
MONEY = "MONEY"
DATE = "DATE"
TRACKING_NO = "TRACKING_NO"
OTHER_NUMBER = "OTHER_NUMBER"

DEFAULT_ORDER_ID_PATTERN: str = Settings.order_id_pattern

TokenPattern = List[Dict[str, Any]]

_MERGER = "complaint_token_merger"
_TRIMMER = "complaint_entity_trimmer"

# Shapes of phone numbers (compact form: no spaces or dashes).
_MOBILE = re.compile(r"1[3-9]\d{9}|09\d{8}")  # mainland mobile; Taiwan mobile 09xx-xxx-xxx
_INTL_MOBILE = re.compile(r"861[3-9]\d{9}|852[4-9]\d{7}|8869\d{8}")
# Hong Kong mobile numbers have eight digits (5/6/9, some 4/7/8): a phone only where the
# words around it say so ("打 9123 4567", "電話 6123-4567"), else an eight-digit order.
_HK_MOBILE = re.compile(r"[4-9]\d{7}")
_LANDLINE = re.compile(r"0\d{9,11}")
_CONTEXT_PHONES = frozenset({"intl", "mobile", "landline", "hk_mobile"})
_GROUP = re.compile(r"[0-9a-z]+", re.IGNORECASE)
_DASHED_LANDLINE = re.compile(r"\(?0\d{2,3}\)?[- ]?\d{7,8}")  # 010-12345678, (021)87654321
_HOTLINE = re.compile(r"[48]00[- ]?\d{3}[- ]?\d{4}")  # 400-123-4567: a shop's hotline
# How people group the eleven digits of a mobile: 138 1234 5678, 138 12345678, 1381234 5678.
# "…-164021-62619-…" reads 164 0216 2619 only by accident: it is the rest of an order.
_PHONE_GROUPINGS = frozenset({(11,), (3, 4, 4), (3, 8), (7, 4), (4, 3, 4), (3, 3, 5)})
# A hotline or dashed landline starts here: "400-820-8820", "010-62345678" after a comma or
# on the next line is no rest of the number before it.
_PHONE_AHEAD = re.compile(r"(?:[48]00[- ]\d{3}[- ]\d{4}|0\d{2,3}-\d{7,8})(?!\d)")
# Numbers that are whole by themselves and never a group of another: the consumer hotline
# 12315, an amount in thousands or ten-thousands ("6k", "2w").
_ALONE = re.compile(r"12315|\d{1,5}(?:\.\d+)?[kw]", re.IGNORECASE)
# A year, month or day follows: "2024年4月" is a date, never a group of a number before it.
_DATE_UNIT = frozenset("年月日")
# Said after a date written as digits: "20240513那天买的", "20241123下的单".
_AFTER_DATE = re.compile(r"\s*(?:那天|当天|这天|那日|买|下单|下的单|签收|到货|发货|收到|付款)")
_DATE_DIGITS = re.compile(r"(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])")
# A time stamp written to the hour, the minutes after a colon: "2024112814:35". (Fourteen
# digits that read as a date and time, "20241128000931", are as often a shop's date and
# counter: an order.)
_DATE_HOUR = re.compile(_DATE_DIGITS.pattern + r"([01]\d|2[0-3])")
_MINUTES_AFTER = re.compile(r":[0-5]\d(?!\d)")
# Hidden digits: three or more asterisks, or asterisks or an ellipsis between digits (not
# "**3810…**", bold in chat); "x" runs inside a number.
_MASK_AFTER = re.compile(r"[*＊]{3}|(?:[*＊]{2,}|…+|\.{3,})\d")
_MASK_BEFORE = re.compile(r"[*＊]{3}$|\d(?:[*＊]{2,}|…+|\.{3,})$")
_MASK_INSIDE = re.compile(r"\dx{3,}\d", re.IGNORECASE)
# A mainland resident ID: region, birth date, sequence, check digit (ISO 7064 MOD 11-2).
_RESIDENT_ID = re.compile(r"\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]")
_RESIDENT_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_NOT_ID_CHAR = re.compile(r"[^0-9a-z]", re.IGNORECASE)
_MAX_ID_CHARS = 40  # longer digit/letter runs are never one id, whatever the pattern
_WHOLE_GROUP = 10  # a group this long is a number by itself, never a piece of another
# Between the groups of one number: spaces, one line break, one of these, or emoji (a colon
# only after a letter prefix: "JD：2024...").
_ID_PUNCTUATION = frozenset("-_./·~,、")
_CODE_SEPARATORS = _ID_PUNCTUATION - frozenset(",、")  # keys are never written with commas
# Between the groups of a number only when an order word introduces it ("订单号 3847*2619*…",
# "订单号 3847 | 2619 | …", "订单号 3847。2619。…" as a Chinese IME types the dot): without
# one, "120*60*75" is a size, "a | b" a table's columns and "。" the end of a sentence.
_LABELLED_PUNCTUATION = frozenset("*|。")
# A Chinese IME types the dash as "——" (two dashes once normalised) and customers double the
# tilde: "3847——2619", "3847~~2619" are one separator.
_DOUBLED_SEPARATORS = frozenset({"--", "~~"})
# Words that carry a number on where the customer broke it in two ("订单号是38472619 后面是
# 50384756201", "…前半段 后半段是 …"): the rest follows as after a line break.
_CONTINUATION = re.compile(
    r"[\s,:]*(?:后面|后边|后半段|后半截|后半部分|接着|剩下的|下一行)(?:的)?(?:是|还有|为)?[\s,:]*"
)
# Characters that only decorate the one before: emoji variation selectors and the keycap
# mark ("2️⃣" is 2, U+FE0F, U+20E3); digits joined by them are one group.
_INVISIBLE = frozenset("\ufe0e\ufe0f\u20e3\u2060")
_ALNUM_RUN = re.compile(r"[0-9a-z]+", re.IGNORECASE)

# Spans merged before the id groups: numeric dates and amounts with thousands separators.
_NUMERIC_DATE = re.compile(
    r"(?<![0-9a-z])(?:19|20)\d{2}([-/.])(0?[1-9]|1[0-2])\1(0?[1-9]|[12]\d|3[01])"
    r"(?=t\d|(?![0-9a-z]))",  # ISO 8601 goes on with its time: 2024-11-28T14:35:20
    re.IGNORECASE,
)
# A clock time ("18:49:48"): one token, so its last digits never start the next number.
_CLOCK_TIME = re.compile(r"(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?![\d:])")
# Thousands ("3,299"), but not the end of one number, a comma and a dashed one after it
# ("…571·431，800-328-2415打不通" holds no 431,800).
_GROUPED_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|-\d)")
# Digits in thousands only: seven to nine digits are an id after an order word
# ("285,413,097"), ten or more always (no complaint is about a billion yuan).
_THOUSANDS_ID = re.compile(r"\d{1,3}(?:,\d{3}){2,}")
_THOUSANDS_LONG_ID = re.compile(r"\d{1,3}(?:,\d{3}){3,}")
# Prices with cents ("299.00", "2.5"); "2024.1123.5567" and "202411.235567" are id groups.
_DECIMAL = re.compile(r"(?<![\d.])\d+\.\d{1,2}(?![\d.])")

_ARABIC_NUMBER = re.compile(r"\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_CN_DIGITS.update({"五": 5, "六": 6, "七": 7, "八": 8, "九": 9})
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}
_CN_NUMBER = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")

_CURRENCY = ["¥", "rmb", "人民币"]
_CURRENCY_LETTERS = ("rmb", "cny")
_MAGNITUDE = {"万": 10_000.0, "千": 1_000.0, "百": 100.0, "w": 10_000.0, "k": 1_000.0}
_UNITS = {
    "元": 1.0,
    "块": 1.0,
    "块钱": 1.0,
    "元钱": 1.0,
    "圆": 1.0,
    "rmb": 1.0,
    "人民币": 1.0,
    "多元": 1.0,
    "多块": 1.0,
    "万元": 10_000.0,
    "千元": 1_000.0,
    "百元": 100.0,
}
# A number directly followed by one of these is an amount, never an order or phone number.
_AMOUNT_FOLLOWERS = frozenset(_UNITS) | frozenset(_MAGNITUDE) | {"多", "钱"}

# Parcel numbers by their shape: a carrier's letters and digits ("SF1400223344").
_TRACKING_SHAPE = re.compile(
    r"(?:SF|YT|JT|ZTO|STO|YD|YUNDA|EMS|DPK|JDV|JDX|JDA|KYE)\d{8,}"
    r"|LP\d{14}"  # Cainiao's cross-border parcels
    r"|[A-Z]{2}\d{9}[A-Z]{2}"  # the UPU's postal items (EMS, registered mail): EA123456785CN
    r"|1Z[0-9A-Z]{16}"  # UPS
)
# This bot's own ticket ids as it shows them ("C20261123-0001", `bot/tickets/store.py`): a
# customer asking after a complaint quotes one back; it is no order.
_TICKET_ID = re.compile(r"c20\d{6}-\d{4}")
# Ids inside a link: only an order key ("order_id=...") makes an order of them.
# A link ends at a space, a Chinese character, a quote or prose punctuation (full-width
# "！，；" once normalised): "….html！“905_08927_…” 嗰张单" quotes an order after the link.
_URL = re.compile(
    r"(?:https?://|www\.)[^\s\u3000-\u9fff\uff00-\uffef“”‘’\"<>!,;]+"
    r"|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org|hk|tw)"
    r"(?:/[^\s\u3000-\u9fff\uff00-\uffef“”‘’\"<>!,;]*)?"
)
# An order the customer takes back: "不是2024...，是2024...", "2024...写错了".
_RETRACTED_LEFT = re.compile(r"不是[\s:,]*(?:订单号?|单号)?[\s:,]*$")
_INTERJECTION = r"(?:[哦噢喔啊呃额嗯哎唉诶欸呀]+[\s,]*)?"  # "…7219 哦不对 是…"
_MISTYPED = r"(?:(?:写|填|打|输|弄|搞|发|记)错|(?:写|填|打|输|记)反)"  # 写反了: digits swapped
_APOLOGY = r"(?:不好意思|对不起|抱歉|sorry)?[\s,]*"
_RETRACTED_RIGHT = re.compile(
    rf"[\s,]*(?:是|号码|单号)?{_APOLOGY}{_MISTYPED}"
    rf"|[\s,]*{_INTERJECTION}(?:这个|那个)?(?:号码?|单号)?(?:错了|不对|有误)+(?=$|[\s,.!?;。，])"
    r"|[\s,]*不是这个(?!吗|嘛|么)"
    r"|[\s,]*\((?:错的|错误|不对|不对的|写错了?)\)"  # "X(错的) Y(对的)"
    # a digit too few or too many: "20241123556 少打了一位 202411235567"
    r"|[\s,]*(?:少|多|漏)(?:打|写|输|填|按)了?"
    # in English: "112-…-0123459, sorry wrong one", "… (typo)", "… oops, not this one"
    r"|[\s,.;(]*(?:(?:sorry|oops|my bad)[\s,.;]*)?"
    r"(?:wrong|typo|incorrect|mistake|not this one|not that one)"
)
# A number given as the correction of an earlier one ("更正：3012…", "应该是 2412…", "发错了
# 是 2412…", "啊不是 是 2412…") beats it even when nothing takes the earlier one back in words.
_CORRECTION_LEFT = re.compile(
    r"(?:(?:更正|纠正|改正)(?:一下)?|改成|改为|应该是|应为|正确的?"
    rf"|(?:{_MISTYPED}了?|错了|不对|不是)(?:这个|那个)?[\s,]*(?:是|应该是|应是)"
    r"|重新?发(?:一下|一遍|一次)?"
    # the one this complaint is about, told from an earlier order: "之前那单 X 已经退了，这次是
    # Y", "有问题的是 Y"
    r"|这[次回](?:要投诉的|有问题的|的)?(?:订单|单子)?(?:号码?|编号)?(?:是|为)"
    r"|有问题的(?:那个|那单|是那个)?(?:订单|单子)?(?:号码?|编号)?是"
    # an apology or a bare "no" before the right one: "X sorry 是 Y", "X 不好意思 是 Y",
    # "X 啊不 是 Y", "X 不不 是 Y"
    r"|(?:sorry|不好意思|对不起|抱歉|my bad)[\s,]*(?:是|应该是|应是)"
    r"|(?:[哦噢喔啊呃额嗯唉诶欸呀]|不)不[\s,]*(?:是|应该是|应是)"
    r"|should be|(?:correct|right)(?:ed)? (?:one|number|order(?: number)?)(?: is)?|i meant?)"
    r"[\s:,]*(?:订单号?码?|订单编号|单号)?[\s:,]*(?:是|为|应该是)?[\s:,]*$"
)
# Said after both numbers, the customer picks the later one: "X还是Y来着 应该是后面这个".
_LATER_CHOSEN = re.compile(
    r"[^0-9a-z]{0,6}?(?:(?:应该|应|就|对的)?是|以)"
    r"(?:后面|后边|下面|后一个|最后一个|第二个)"
    # or says the later one is the one at fault: "X 和 Y，第二个有问题" (no number after it:
    # "第一个 X 第二个有问题的是 Y" names Y)
    r"|[^0-9a-z]{0,6}?(?:后面|后边|下面|后一个|最后一个|第二个|第二单|后一单)"
    r"(?:那个|这个|那单|这单|的)?(?:有问题|坏了|没到|才是|才对|是对的)(?![^0-9]{0,6}[0-9])"
)
# Said right after a number, the customer vouches for it: "Y 这个是对的", "Y 以这个为准" (no
# 不 or 没 on the way: "X 这个不对" takes X back instead).
_CHOSEN_RIGHT = re.compile(
    r"[^0-9a-z不没]{0,8}?(?:这个|这单|这个号码?|这个单号|这个订单号?)(?:才|就)?(?:是)?"
    r"(?:对的|正确的|准确的|没错)"
    r"|[^0-9a-z不没]{0,4}?以(?:这个|此)为准"
    r"|\s*\((?:对的|正确的?|这个对)\)"
)
# Quantities and sizes: a number right before one of these is never a piece of an id.
_COUNTERS = frozenset("件个只台双套盒瓶包箱份次天码岁斤")
_PIECE_COUNTERS = frozenset("件个台双套盒瓶箱")
# After the number: "13812345678是订单号", but not "13812345678 订单号2024..." (that word
# introduces the next number).
# A closing bracket or quote may stand between ("【…】这个订单", "“…”是订单号"), and the word
# may be bracketed itself ("…（订单号）"). A word that points back (这个订单, 那个单子, 呢张单,
# 是我的订单号) names the number before it unless a number follows it at once; a bare one
# (订单, 单号) only when no number follows, and not as the start of 订单里/订单日期/订单金额.
_RIGHT_ORDER = re.compile(
    r"[\s:,]*[)\]】」》”\"'’]?[\s:,]*\(?"
    r"(?:(?:是|为|就是)?(?:我们?的|我)?(?:这个|那个|这一|这|那|呢|该)(?:订单|单子|单|张单|笔订单|笔单)"
    r"(?:号码|编号|号)?(?![ \t:]*[0-9a-z])"
    r"|(?:是|为|就是)(?:我们?的|我)?(?:订单|单号|单子|张单)(?:号码|编号|号)?(?![ \t:]*[0-9a-z])"
    r"|(?:是|为|就是)?(?:我们?的|我)?(?:订单|单号|这单|这一单|这个订单|那个订单|的订单|的单子|[这那][张笔](?:订单|单))"
    r"(?!里|内|中|日期|时间|金额|总价|总额|实付|数量|状态)(?![号码编好id\s:,是为#=“「【《(\[\"'‘]*[0-9a-z]))"
)
_CARRIERS = "快递|物流|运单|面单|顺丰|中通|圆通|韵达|申通|邮政|极兔|德邦|京东快递|菜鸟"
_RIGHT_TRACKING = re.compile(
    rf"[\s:,]*(?:(?:是|为|就是)(?:我们?的|我)?(?:{_CARRIERS})"
    rf"|(?:{_CARRIERS})(?:单号|单|号码|号|编号)(?![号码编id\s:,是为#]*[0-9a-z]))"
)
_RIGHT_PHONE = re.compile(
    r"[\s:,]*(?:这个?|那个?)?(?:是|为|就是)?(?:我们?的|我)?(?:手机|电话|联系方式|座机)"
)
# Said of a number whatever its shape ("139123456789 这是我电话", a digit too many): a phone,
# so no order. Without 是 ("2865… 电话 138…") the word introduces the next number instead.
_RIGHT_PHONE_SAID = re.compile(
    r"[\s:,]*(?:这个?|那个?)?(?:是|为|就是)(?:我们?的|我)?(?:手机|电话|联系方式|座机)"
)

_RELATIVE_DATES = [
    "今天",
    "昨天",
    "前天",
    "大前天",
    "昨晚",
    "昨天晚上",
    "今早",
    "今天早上",
    "上周",
    "上星期",
    "上礼拜",
    "上个星期",
    "上个礼拜",
    "上个月",
    "上月",
    "前几天",
    "这几天",
    "刚才",
    "周末",
    "上周末",
    "双十一",
    "双十二",
]
_WEEKDAY = r"[一二三四五六日天1-7]"

_CONFIDENCE: Dict[Tuple[str, str], float] = {
    (ORDER_ID, "ctx"): 0.95,
    (ORDER_ID, "post"): 0.9,
    (ORDER_ID, "bare"): 0.75,
    (ORDER_ID, "retracted"): 0.3,
    (ORDER_ID, "corrected"): 0.97,
    (PHONE, "ctx"): 0.95,
    (PHONE, "post"): 0.9,
    (PHONE, "intl"): 0.9,
    (PHONE, "bare"): 0.85,
    (MONEY, "amount"): 0.9,
    (DATE, "date"): 0.9,
    (DATE, "day"): 0.7,
    (TRACKING_NO, "ctx"): 0.9,
    (TRACKING_NO, "post"): 0.9,
    (TRACKING_NO, "bare"): 0.8,
    (OTHER_NUMBER, "ctx"): 0.9,
    (OTHER_NUMBER, "bare"): 0.8,
}
_NOT_AFTER_DAY = frozenset("楼线门房床位座室栋口机车仓柜台")
_NUMBER_LABELS = frozenset({ORDER_ID, PHONE, TRACKING_NO, OTHER_NUMBER})


class ExtractedEntity(TypedDict):
    """One entity found in a message; `start`/`end` index the original text."""

    label: str
    value: Any
    text: str
    start: int
    end: int
    confidence: float


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
        return value * ({**_CN_UNITS, **_CN_BIG}[big] if big else 1)
    if not _CN_NUMBER.fullmatch(text):
        return None
    total, section, digit = 0, 0, 0
    last_unit, after_unit = 1, False
    for char in text:
        if char in _CN_DIGITS:
            digit = _CN_DIGITS[char]
            after_unit = after_unit and digit != 0
            if char in "零〇":
                after_unit = False
        elif char in _CN_UNITS:
            unit = _CN_UNITS[char]
            section += (digit or 1) * unit
            digit, last_unit, after_unit = 0, unit, True
        else:
            big = _CN_BIG[char]
            total += (section + digit) * big
            section, digit, last_unit, after_unit = 0, 0, big, True
    if digit:
        section += digit * (last_unit // 10) if after_unit and last_unit >= 100 else digit
    return float(total + section)


def _is_number(token: Token) -> bool:
    """Arabic number (with thousands separators/decimals) or Chinese numeral."""
    text = token.lower_
    return bool(_ARABIC_NUMBER.fullmatch(text) or _CN_NUMBER.fullmatch(text))


def _money_value(span: Span) -> Optional[float]:
    """Amount in yuan of a MONEY span ("1,299.50元", "¥328", "1.2万元", "八百块")."""
    value: Optional[float] = None
    factor = 1.0
    for token in span:
        text = token.lower_
        if text in _CURRENCY or text in ("多", "钱"):
            continue
        if text in _UNITS:
            factor *= _UNITS[text]
        elif text in _MAGNITUDE and value is not None:
            factor *= _MAGNITUDE[text]
        elif value is None:
            stripped = re.sub(r"(多)?(块钱|元钱|块|元)$", "", text)
            value = parse_chinese_number(stripped.replace(",", ""))
    return None if value is None else round(value * factor, 2)


# ------------------------------------------------------------------------ token attributes


def _compact(text: str) -> str:
    """Letters and digits only, upper-case: "ls-2024 1122" -> "LS20241122"."""
    return _NOT_ID_CHAR.sub("", text).upper()


def _is_id_token(token: Token) -> bool:
    if token._.complaint_merged or _GROUP.fullmatch(token.text):
        return True
    # Dictation writes a long number with thousands separators ("订单号是285,413,097,762"):
    # an id when it is too long for an amount or an order word introduces it.
    if _THOUSANDS_LONG_ID.fullmatch(token.text):
        return True
    return bool(_THOUSANDS_ID.fullmatch(token.text)) and (
        left_context(token.doc.text, token.idx) == "order"
    )


def _is_amount(token: Token) -> bool:
    """A number followed by 元/块/万... or preceded by a currency sign is money."""
    doc = token.doc
    after = token.i + 1
    # spaces, but not a line break: "…6483\nRMB 9047.5" is an order above an amount
    while after < len(doc) and doc[after].is_space and "\n" not in doc[after].text:
        after += 1
    if after < len(doc) and doc[after].lower_ in _AMOUNT_FOLLOWERS:
        return True
    if len(token) <= 3 and after < len(doc) and doc[after].text[:1] in _COUNTERS:
        return True  # 2件, 42码: a quantity or a size (short: "2024...只到了一件" is an id)
    if len(token) <= 6 and after < len(doc) and doc[after].text[:1] in _PIECE_COUNTERS:
        return True  # 100000 个: a large quantity (个/件/台… are never "only" or a day)
    before = token.i - 1
    while before >= 0 and doc[before].is_space:
        before -= 1
    return before >= 0 and doc[before].lower_ in _CURRENCY


def _compact_id(token: Token) -> str:
    """Upper-case id without separators; "" for non-ids and numbers followed by 元/块/万."""
    if not _is_id_token(token) or _is_amount(token):
        return ""
    return _compact(token.text)


_EXTENSION_DEFAULTS: Dict[str, Any] = {
    "complaint_merged": False,  # joined from groups by the merger
    "complaint_id": "",  # compact upper-case id, "" when the token cannot be one
    "complaint_kind": "",  # what the number is: order, phone, tracking, other, or ""
    "complaint_rule": "",  # which rule decided the kind: ctx, post, bare, intl
    "complaint_number": False,  # a number an amount can be made of
}


def _register_extensions() -> None:
    """Token attributes the merger sets and the ruler's patterns read (idempotent).

    Plain values set once per token by the merger, not getters: the ruler's patterns read
    them many times per token.
    """
    for name, default in _EXTENSION_DEFAULTS.items():
        if not Token.has_extension(name):
            Token.set_extension(name, default=default)


def _phone_shape(compact: str, raw: str) -> str:
    """Phone shapes ("intl", "mobile", "landline", "hk_mobile"), "hotline" for 400/800 numbers.

    "" for anything else.
    """
    if _INTL_MOBILE.fullmatch(compact):
        return "intl"
    if _MOBILE.fullmatch(compact):
        return "mobile"
    if _LANDLINE.fullmatch(compact):
        return "landline"
    if _DASHED_LANDLINE.fullmatch(raw):
        return "landline"
    if _HOTLINE.fullmatch(raw):
        return "hotline"
    if _HK_MOBILE.fullmatch(compact):
        return "hk_mobile"
    return ""


def _kind(token: Token, order_pattern: re.Pattern[str]) -> Tuple[str, str]:
    """(kind, rule) of an id token: context before it, then after it, then its shape."""
    compact = token._.complaint_id
    if not compact:
        return "", ""
    text = token.doc.text
    phone = _phone_shape(compact, token.text)
    is_order = bool(order_pattern.fullmatch(compact)) and any(c.isdigit() for c in compact)
    after = text[token.idx + len(token) : token.idx + len(token) + 12]
    word = left_word(text, token.idx)
    if word and _said_of_number_before(text, token.idx, word):
        word = ""  # "138… 是我电话，2817… 是订单号": 电话 was said of 138…
    if CONTEXT_KINDS.get(word) == "order" and _NEGATED.search(
        text, 0, text.rfind(word, 0, token.idx)
    ):
        word = ""  # "没有订单号，SF4481…": no order is given, whatever follows
    context = CONTEXT_KINDS.get(word, "")
    if context == "order" and word in PARCEL_OR_ORDER and _TRACKING_SHAPE.fullmatch(compact):
        return "tracking", "ctx"  # "单号 SF1402938475611": a carrier's parcel number
    if token.lower_.startswith(_CURRENCY_LETTERS):
        return "", ""  # "RMB6732.00": an amount
    if context == "order" and phone == "hotline" and "-" in token.text:
        return "other", "bare"  # "没有单号，800-748-9932打不通": the shop's hotline, dashed
    if context == "order" and _DATE_DIGITS.fullmatch(compact) and _AFTER_DATE.match(after):
        return "", ""  # "没有订单号，20240513那天买的": the day it was bought
    if context == "order":
        return ("order", "ctx") if is_order and not _masked(token) else ("", "")
    if _in_url(token):
        return "other", "bare"  # a product or shop id in a link, not an order
    if _masked(token):
        return "other", "bare"
    if context == "phone":
        return ("phone", "ctx") if phone in _CONTEXT_PHONES else ("other", "ctx")
    if word == "id" and is_order and _RIGHT_ORDER.match(after):
        return "order", "post"  # "ID 2411… 的订单": the words after name what the ID is
    if context in ("tracking", "other"):
        return context, "ctx"
    if is_order and _RIGHT_ORDER.match(after):
        return "order", "post"
    if _RIGHT_TRACKING.match(after):
        return "tracking", "post"
    if phone in _CONTEXT_PHONES and _RIGHT_PHONE.match(after):
        return "phone", "post"
    if _RIGHT_PHONE_SAID.match(after):
        return "other", "ctx"
    if phone == "intl":
        return "phone", "intl"
    if phone == "mobile" or (phone == "landline" and not compact.isdigit()):
        return "phone", "bare"
    if phone == "landline" and _DASHED_LANDLINE.fullmatch(token.text):
        return "phone", "bare"
    if phone == "hotline":
        return "other", "bare"
    if _DATE_DIGITS.fullmatch(compact) or _is_timestamp(compact, after):
        return "", ""  # 20241123 without an order word is the date it looks like
    if _is_resident_id(compact):
        return "other", "bare"
    if _TRACKING_SHAPE.fullmatch(compact):
        return "tracking", "bare"
    if _TICKET_ID.fullmatch(token.text.lower()):
        return "other", "bare"
    if is_order and _given_as_correction(token):
        return "order", "ctx"  # "打错了 是 241120ABCD12FE": letters of its own, still the order
    return ("order", "bare") if is_order and _id_shaped(compact) else ("", "")


# A context word said of the number before it: "13812345678 是我电话，…", "X 为订单号；…".
_PREDICATE_BEFORE = re.compile(
    r"[0-9a-z][\s)\]】」》”\"'’]*(?:这个?|那个?)?(?:是|为|就是)(?:我们?的|我的?|你们的)?$",
    re.IGNORECASE,
)


# "没有订单号", "没订单编号", "无单号": the word says there is none.
_NEGATED = re.compile(r"(?:没有|没|无|忘了|忘记)\Z")
# A number (and a closing bracket or quote) right before a word: "【2024…】这个订单".
_NUMBER_RIGHT_BEFORE = re.compile(
    r"(?<![0-9a-z])[a-z]*\d[0-9a-z]*[\s)\]】」》”\"'’]*\(?\s*$", re.IGNORECASE
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
    if _PREDICATE_BEFORE.search(text, 0, position):
        return True
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
    text = token.doc.text
    return bool(_CORRECTION_LEFT.search(text[max(0, token.idx - 16) : token.idx]))


def _is_timestamp(compact: str, after: str) -> bool:
    """A date and hour with the minutes after a colon ("2024112814:35"): a time, no order."""
    return bool(_DATE_HOUR.fullmatch(compact) and _MINUTES_AFTER.match(after))


def _masked(token: Token) -> bool:
    """Part of a number with digits hidden ("3810****9384", "381029...9384", "138xxxx5678").

    Apps and customers mask numbers they show; what is left is no number to look up.
    """
    text = token.doc.text
    before = text[max(0, token.idx - 5) : token.idx]
    after = text[token.idx + len(token) : token.idx + len(token) + 5]
    return bool(
        _MASK_AFTER.match(after) or _MASK_BEFORE.search(before) or _MASK_INSIDE.search(token.text)
    )


def _is_resident_id(compact: str) -> bool:
    """A resident ID card number, by its shape and check digit: the customer's, no order."""
    if not _RESIDENT_ID.fullmatch(compact):
        return False
    digits = compact[:-1]
    total = sum(int(d) * w for d, w in zip(digits, _RESIDENT_ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11] == compact[-1]


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
        spans = [match.span() for match in _URL.finditer(doc.text)]
        doc.user_data["complaint_urls"] = spans
    return any(start <= token.idx < end for start, end in spans)


# The customer corrects the last digits of the number just given: "X 最后一位是7不是1",
# "X 最后两位不是01 是07", "X 尾数应该是 7".
_COUNT_WORDS = {"一": 1, "1": 1, "两": 2, "二": 2, "2": 2, "三": 3, "3": 3}
_TAIL_SAID = (
    r"[\s,]*(?:(?:最后|末|末尾|尾|结尾)(?P<count>[一两二三123])位(?:数字?)?"
    r"|尾数|最后一个数字?|最后那个数字?)"
)
_TAIL_RIGHT = r"[\s,:]*(?:应该|应)?(?:是|为)?[\s:]*(?P<right>[0-9a-z]{1,3})"
_TAIL_WRONG = r"[\s,:]*(?:而)?不是[\s:]*(?P<wrong>[0-9a-z]{1,3})"
_TAIL_CORRECTIONS = (
    re.compile(rf"{_TAIL_SAID}{_TAIL_RIGHT}{_TAIL_WRONG}(?![0-9a-z])"),
    re.compile(rf"{_TAIL_SAID}{_TAIL_WRONG}{_TAIL_RIGHT}(?![0-9a-z])"),
)


def _amended(token: Token, value: str) -> str:
    """`value` with its last digits as the customer corrects them right after it.

    "3847…6201 最后一位是 7 不是 1" is 3847…6207: only when the digits said to be wrong are
    the number's last ones and as many as the count says.
    """
    text = token.doc.text
    after = token.idx + len(token)
    match = next(filter(None, (regex.match(text, after) for regex in _TAIL_CORRECTIONS)), None)
    if match is None:
        return value
    count = _COUNT_WORDS[match.group("count") or "1"]
    right, wrong = match.group("right").upper(), match.group("wrong").upper()
    if not (len(right) == len(wrong) == count < len(value) and value.endswith(wrong)):
        return value
    return value[:-count] + right


def _retracted(token: Token) -> bool:
    """The customer takes this number back: "不是2024...", "2024...写错了"."""
    text = token.doc.text
    before = text[max(0, token.idx - 12) : token.idx]
    after = text[token.idx + len(token) : token.idx + len(token) + 20]  # ", sorry wrong one"
    return bool(_RETRACTED_LEFT.search(before) or _RETRACTED_RIGHT.match(after))


def _corrects(token: Token) -> bool:
    """The customer gives this number as a correction: "更正：2024...", "应该是2024...".

    Or picks it, the later of two, after both: "2024...还是2024...来着 应该是后面这个" (a
    number alone picked so is still the only one, whatever its confidence).
    """
    text = token.doc.text
    after = text[token.idx + len(token) : token.idx + len(token) + 16]
    return bool(
        _CORRECTION_LEFT.search(text[max(0, token.idx - 16) : token.idx])
        or _LATER_CHOSEN.match(after)
        or _CHOSEN_RIGHT.match(after)
    )


def _annotate(doc: Doc, order_pattern: re.Pattern[str]) -> None:
    for token in doc:
        token._.complaint_id = _compact_id(token)
        token._.complaint_kind, token._.complaint_rule = _kind(token, order_pattern)
        token._.complaint_number = _is_number(token)


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
    return unicodedata.category(char) in ("So", "Sk", "Mn", "Me", "Cf") or char in _INVISIBLE


def _separator(between: str, previous: str = "") -> str:
    """How two groups are joined: "glue" (invisible), "sep", or "" (not one number).

    A colon joins only a letter prefix to its digits ("jd:2024...", "tb : 2024").
    """
    if previous.isalpha() and previous.lower() not in NOT_PREFIXES and len(previous) <= 4:
        if between.strip(" ") == ":":
            return "sep"
    if not between:
        return "glue"
    if all(char in _INVISIBLE for char in between):
        return "glue"
    if _CONTINUATION.fullmatch(between):
        return "continued"
    if len(between) > 4 or between.count("\n") > 1:
        return ""
    if between.strip() in _DOUBLED_SEPARATORS:
        between = between.strip()[0]
    punctuation = sum(1 for char in between if char in _ID_PUNCTUATION | _LABELLED_PUNCTUATION)
    if punctuation > 1:
        return ""
    if all(char.isspace() or char in _ID_PUNCTUATION or _is_emoji(char) for char in between):
        return "sep"
    if all(char.isspace() or char in _LABELLED_PUNCTUATION for char in between):
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
    for token in doc:
        if not _GROUP.fullmatch(token.text):
            continue
        # "it's 112-…": the s of "it's" is no prefix; "…522，RMB536.00": a currency opens
        # an amount, never the next group of the number before it
        if _contraction(doc, token) or token.lower_.startswith(_CURRENCY_LETTERS):
            if len(current) > 1:
                runs.append(current)
            current, previous = [], None
            continue
        after = token.i + 1
        dated = after < len(doc) and doc[after].text[:1] in _DATE_UNIT
        alone = _ALONE.fullmatch(token.text) or (
            _DATE_DIGITS.fullmatch(token.text)
            and _AFTER_DATE.match(doc.text, token.idx + len(token))
        )
        group = _Group(token.i, token.i, token.text, _is_amount(token) or dated or bool(alone))
        group.opens_phone = bool(_PHONE_AHEAD.match(doc.text, token.idx))
        if token.text.isalpha():
            group.labelled = left_context(doc.text, token.idx) == "order"
        if previous is not None:
            between = doc.text[previous.idx + len(previous) : token.idx]
            group.between = between
            how = _separator(between, previous.text)
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
        and len(head.text) < _WHOLE_GROUP
        and not _MOBILE.fullmatch(group.text)
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
    return any(char in _ID_PUNCTUATION for char in group.between)


def _joined_tightly(group: _Group) -> bool:
    """One separator and no space, as in a code's blocks ("EFGH-1234"), not prose's ", ".

    Commas are prose even without a space (a full-width "，" has none): "301234567890，JD
    301234567891" lists two orders, it is no code.
    """
    return len(group.between) == 1 and group.between in _CODE_SEPARATORS


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
    if (head in NOT_PREFIXES or head in CONTEXT_KINDS) and not blocks[1].isalpha():
        return False  # "No.8823401567", "order_2411...": a label, then the number
    if not any(char.isdigit() for char in compact):
        return False
    if any(_MOBILE.fullmatch(block) for block in blocks):
        return False  # "301234567890/13812345678": an order and a phone, not one id
    long_block = len(blocks[-1]) >= _WHOLE_GROUP and all(
        len(block) < _WHOLE_GROUP for block in blocks[:-1]
    )
    context = left_context(text, match.start())
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


def _make_merger(order_pattern: re.Pattern[str]) -> Callable[[Doc], Doc]:
    def plausible(texts: Sequence[str]) -> bool:
        if _looks_like_date(texts):
            return False
        compact = "".join(texts).upper()
        return bool(
            order_pattern.fullmatch(compact)
            or _MOBILE.fullmatch(compact)
            or _INTL_MOBILE.fullmatch(compact)
            or _LANDLINE.fullmatch(compact)
        )

    def whole(group: _Group) -> bool:
        """A group that is a number by itself: not a piece of a longer one.

        A letter prefix does not count: "JD20241123 5567" is "20241123 5567" behind JD.
        """
        digits = group.text.lstrip(string.ascii_letters)
        return len(digits) >= _WHOLE_GROUP or bool(_MOBILE.fullmatch(group.text))

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
            if _MOBILE.fullmatch(texts):
                return tuple(sizes) in _PHONE_GROUPINGS
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

        Ids are short: the search stops after `_MAX_ID_CHARS` characters or at the first
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
                and not _MOBILE.fullmatch(group.text)
            )
            if (
                length > _MAX_ID_CHARS
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
                or (first.opens_phone and ("," in group.between or "\n" in group.between))
                # "手机 162 1944 8710 ， 8862-2677-…": a whole mobile, then a comma
                or ("," in group.between and bool(_MOBILE.fullmatch("".join(texts))))
            ):
                break
            texts.append(group.text)
            if plausible(texts):
                best = end + 1
        return _first_copy(groups, start, best, plausible) if best else best

    def merge(doc: Doc) -> Doc:
        spans = []
        for regex in (_NUMERIC_DATE, _CLOCK_TIME, _GROUPED_NUMBER, _DECIMAL, _RELATIVE_DATE):
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
        _annotate(doc, order_pattern)
        return doc

    return merge


def _trim(doc: Doc) -> Doc:
    """Keep only the number itself of ORDER_ID/PHONE/... matches that carry context words."""
    entities: List[Span] = []
    for ent in doc.ents:
        if ent.label_ in _NUMBER_LABELS and len(ent) > 1:
            number = next((t for t in reversed(ent) if t._.complaint_id), ent[-1])
            entities.append(Span(doc, number.i, number.i + 1, label=ent.label_, span_id=ent.id_))
        else:
            entities.append(ent)
    doc.set_ents(entities, default="outside")
    return doc


# Where a token must end or begin, whatever jieba's dictionary says: jieba fuses "前天下"
# (天下, "the world"), "15号付" and "昨天下午", which would hide dates from the patterns.
_RELATIVE_DATE = re.compile(
    r"大?前天|昨天|今天|昨晚|今早|前几天|双十[一二]|双1[12]"
    r"|上个?(?:周|星期|礼拜)[一二三四五六日天]?|上个?月"
)
_BOUNDARIES = re.compile(
    r"(?:\d{1,4}|[一二三四五六七八九十两]{1,3})[年月日号]|" + _RELATIVE_DATE.pattern
)


class _BoundaryTokenizer:
    """Wraps the jieba tokenizer and splits tokens that straddle a date boundary.

    Every run of ASCII letters and digits is its own token too: jieba keeps "no.202411235567"
    and "2024.1123" whole, and the merger works on digit/letter groups; a numeric date ends
    a token even when an ISO time follows it ("2024-11-28T14:35").
    """

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self._tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self._tokenizer(text)
        cuts = sorted(
            {
                edge
                for regex in (_BOUNDARIES, _ALNUM_RUN, _NUMERIC_DATE)
                for match in regex.finditer(text)
                for edge in match.span()
            }
        )
        # jieba's user words cut a digit run apart ("…123155607…" around "12315", the
        # consumer hotline): a boundary inside a run that no date or boundary explains goes.
        inside = {
            position for match in _ALNUM_RUN.finditer(text) for position in range(*match.span())
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


def _register_factories() -> None:
    """Register the custom components with spaCy once (not at import time)."""
    if not Language.has_factory(_MERGER):

        def make_merger(nlp: Language, name: str, order_id_pattern: str) -> Callable[[Doc], Doc]:
            return _make_merger(re.compile(order_id_pattern))

        Language.factory(
            _MERGER,
            default_config={"order_id_pattern": DEFAULT_ORDER_ID_PATTERN},
            func=make_merger,
        )
    if not Language.has_factory(_TRIMMER):
        Language.component(_TRIMMER, func=_trim)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------- patterns


_SPACE = {"IS_SPACE": True, "OP": "?"}


def _patterns(order_id_pattern: str) -> List[Dict[str, Any]]:
    """Entity-ruler patterns; `id` records which rule fired (it sets the confidence)."""
    # The merger has decided what each number is (`complaint_kind`, by context or shape)
    # and which rule decided it (`complaint_rule`): one single-token pattern per pair, so
    # the number patterns never overlap each other.
    kinds = {"order": ORDER_ID, "phone": PHONE, "tracking": TRACKING_NO, "other": OTHER_NUMBER}
    rules = {
        "order": ["ctx", "post", "bare"],
        "phone": ["ctx", "post", "bare", "intl"],
        "tracking": ["ctx", "post", "bare"],
        "other": ["ctx", "bare"],
    }
    patterns: List[Dict[str, Any]] = []
    for kind, label in kinds.items():
        for rule in rules[kind]:
            token: Dict[str, Any] = {"complaint_kind": kind, "complaint_rule": rule}
            if kind in ("tracking", "other"):
                token["complaint_id"] = {"REGEX": r"^[0-9A-Z]{4,}$"}
            patterns.append({"label": label, "id": rule, "pattern": [{"_": token}]})

    # MONEY: number [magnitude] [多] unit [钱] | currency number [magnitude] | 八百块(钱)
    number = {"_": {"complaint_number": True}}
    magnitude = {"LOWER": {"IN": list(_MAGNITUDE)}, "OP": "?"}
    unit = {"LOWER": {"IN": list(_UNITS)}}
    cn_amount = r"^[零〇一二两三四五六七八九十百千万]*[十百千万][零〇一二两三四五六七八九十百千万]*多?[块元]$"
    money: List[TokenPattern] = [
        [number, magnitude, {"LOWER": "多", "OP": "?"}, unit, {"LOWER": "钱", "OP": "?"}],
        [{"LOWER": {"IN": _CURRENCY}}, _SPACE, number, magnitude],
        [{"TEXT": {"REGEX": cn_amount}}, {"LOWER": "钱", "OP": "?"}],
        [{"TEXT": {"REGEX": r"^[零〇一二两三四五六七八九十百千万]+[块元]$"}}, {"LOWER": "钱"}],
        [{"TEXT": {"REGEX": r"^[零〇一二两三四五六七八九十百千万]+多?[块元]钱$"}}],
    ]
    patterns += [{"label": MONEY, "id": "amount", "pattern": p} for p in money]

    # DATE: 2024-11-23 | [2024年]11月23号 | 十一月二十三日 | 昨天, 上周三, 双11 ...
    year = {"TEXT": {"REGEX": r"^(19|20)\d{2}$"}, "OP": "?"}
    year_mark = {"TEXT": "年", "OP": "?"}
    month_number = {"TEXT": {"REGEX": r"^(0?[1-9]|1[0-2]|[一二三四五六七八九十]{1,2})$"}}
    month_fused = {"TEXT": {"REGEX": r"^(0?[1-9]|1[0-2]|[一二三四五六七八九十]{1,2})月$"}}
    day_number = {"TEXT": {"REGEX": r"^(0?[1-9]|[12]\d|3[01]|[一二三]?十?[一二三四五六七八九十])$"}}
    day_fused = {
        "TEXT": {"REGEX": r"^(0?[1-9]|[12]\d|3[01]|[一二三]?十?[一二三四五六七八九十])[号日]$"}
    }
    day_mark = {"TEXT": {"IN": ["号", "日"]}}
    dates: List[TokenPattern] = [
        [{"TEXT": {"REGEX": r"^(19|20)\d{2}[-/.](0?[1-9]|1[0-2])[-/.](0?[1-9]|[12]\d|3[01])$"}}],
        [year, year_mark, month_number, {"TEXT": "月"}, day_number, {**day_mark, "OP": "?"}],
        [year, year_mark, month_fused, day_number, {**day_mark, "OP": "?"}],
        [year, year_mark, month_number, {"TEXT": "月"}, day_fused],
        [year, year_mark, month_fused, day_fused],
        [{"TEXT": {"REGEX": r"^(0?[1-9]|1[0-2])$"}}, {"ORTH": "/"}, day_number],
        [{"LOWER": {"IN": _RELATIVE_DATES}}],
        [{"TEXT": {"REGEX": f"^(?:{_RELATIVE_DATE.pattern})$"}}],
        [{"TEXT": {"REGEX": f"^(上|这|本)?(周|星期|礼拜){_WEEKDAY}$"}}],
        [
            {"TEXT": {"IN": ["上", "这", "本"]}, "OP": "?"},
            {"TEXT": {"IN": ["周", "星期", "礼拜"]}},
            {"TEXT": {"REGEX": f"^{_WEEKDAY}$"}},
        ],
        [{"TEXT": "大"}, {"TEXT": "前天"}],
        [{"TEXT": "前"}, {"TEXT": "几天"}],
        [{"TEXT": "双"}, {"TEXT": {"IN": ["11", "12", "十一", "十二"]}}],
        [{"TEXT": "双十"}, {"TEXT": {"IN": ["一", "二"]}}],
    ]
    patterns += [{"label": DATE, "id": "date", "pattern": p} for p in dates]
    patterns.append({"label": DATE, "id": "day", "pattern": [day_number, {"TEXT": "号"}]})
    patterns.append({"label": DATE, "id": "day", "pattern": [day_fused]})
    return patterns


# ------------------------------------------------------------------------------ public API


@functools.lru_cache(maxsize=4)
def build_pipeline(order_id_pattern: str = DEFAULT_ORDER_ID_PATTERN) -> Language:
    """The complaint entity pipeline for this order-number pattern (built once, cached).

    `order_id_pattern` is a regular expression the normalised order number (no spaces or
    dashes, upper-case letters) must match in full.
    """
    import spacy

    re.compile(order_id_pattern)  # fail early, with the pattern in the traceback
    _register_extensions()
    _register_factories()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.tokenizer = _BoundaryTokenizer(nlp.tokenizer)
    nlp.add_pipe(_MERGER, config={"order_id_pattern": order_id_pattern})
    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True})
    ruler.add_patterns(_patterns(order_id_pattern))  # type: ignore[attr-defined]
    nlp.add_pipe(_TRIMMER)
    return nlp


def _national(number: str) -> str:
    """A mobile number with its country code as dialled at home: 86…, 852…, 886… (+ 0)."""
    if number.startswith("852"):
        return number[3:]
    if number.startswith("886"):
        return "0" + number[3:]
    return number[2:]


def _entities(doc: Doc, original: str) -> List[ExtractedEntity]:
    found: List[ExtractedEntity] = []
    for ent in doc.ents:
        label, rule = ent.label_, ent.id_
        value: Any
        if label in _NUMBER_LABELS:
            value = ent[-1]._.complaint_id
            if label == PHONE and _INTL_MOBILE.fullmatch(value):
                value = _national(value)
        elif label == MONEY:
            value = _money_value(ent)
        else:
            value = original[ent.start_char : ent.end_char]
        if value is None or value == "":
            continue
        if rule == "day" and original[ent.end_char : ent.end_char + 1] in _NOT_AFTER_DAY:
            continue  # 3号楼, 5号线: a building or a line, not the 3rd
        if label == ORDER_ID:
            value = _amended(ent[-1], value)
        if label == ORDER_ID and _retracted(ent[-1]):
            rule = "retracted"
        elif label == ORDER_ID and _corrects(ent[-1]):
            rule = "corrected"
        found.append(
            ExtractedEntity(
                label=label,
                value=value,
                text=original[ent.start_char : ent.end_char],
                start=ent.start_char,
                end=ent.end_char,
                confidence=_CONFIDENCE.get((label, rule), 0.8),
            )
        )
    return found


def extract_many(
    texts: Sequence[str], order_id_pattern: Optional[str] = None
) -> List[List[ExtractedEntity]]:
    """`extract` for several texts at once (one `nlp.pipe` pass)."""
    nlp = build_pipeline(order_id_pattern or DEFAULT_ORDER_ID_PATTERN)
    originals = [text or "" for text in texts]
    docs = nlp.pipe(normalize_digits(normalize(text)) for text in originals)
    return [_entities(doc, original) for doc, original in zip(docs, originals, strict=True)]


def primary_order(entities: Sequence[ExtractedEntity]) -> Optional[ExtractedEntity]:
    """The one order a complaint is about, when a message holds several ORDER_IDs.

    A complaint files one order. A correction ("更正：Y", "应该是Y") beats the rest; a number
    called an order ("订单号...") beats one that only looks like an id; one the customer takes
    back ("不是X，是Y", "X写错了", "X 哦不对") loses to any other; among equals the first wins.
    """
    orders = [e for e in entities if e["label"] == ORDER_ID]
    if not orders:
        return None
    best = max(e["confidence"] for e in orders)
    return next(e for e in orders if e["confidence"] == best)


def one_order(entities: Sequence[ExtractedEntity]) -> List[ExtractedEntity]:
    """`entities` with only the `primary_order` of its ORDER_IDs (all other labels kept)."""
    primary = primary_order(entities)
    return [e for e in entities if e["label"] != ORDER_ID or e is primary]


def extract(text: str, order_id_pattern: Optional[str] = None) -> List[ExtractedEntity]:
    """Order numbers, phone numbers, amounts and dates in `text`, in order of appearance.

    Every ORDER_ID is returned, in order (a retracted one with confidence 0.3); the Rasa
    component keeps only `primary_order`.

    `value` is normalised (ORDER_ID: upper-case without separators; PHONE: digits; MONEY:
    yuan as float; DATE: the text as written); `start`/`end` index `text` itself.
    TRACKING_NO and OTHER_NUMBER entries mark numbers that are NOT orders or phones.
    """
    return extract_many([text], order_id_pattern)[0]
