"""Labels, shapes and words that tell what a number in a complaint is.

The kind of each number (`bot.nlu.number_kinds`), the merger that joins its groups
(`bot.nlu.number_merger`), the entity-ruler patterns (`bot.nlu.spacy_pipeline`), the
customer's corrections of a number (`bot.nlu.number_corrections`) and the choice of one order
among several (`bot.nlu.order_choice`) read the same definitions, so they live in one module
that depends on nothing else of ours. So do the words before and after a number past its
wrapping (`words_before`, `end_unwrapped`), which both the kinds and the corrections read.
"""

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

ORDER_ID = "ORDER_ID"
PHONE = "PHONE"
MONEY = "MONEY"
DATE = "DATE"
TRACKING_NO = "TRACKING_NO"
OTHER_NUMBER = "OTHER_NUMBER"

# Shapes of phone numbers (compact form: no spaces or dashes).
MOBILE = re.compile(r"1[3-9]\d{9}|09\d{8}")  # mainland mobile; Taiwan mobile 09xx-xxx-xxx
INTL_MOBILE = re.compile(r"861[3-9]\d{9}|852[4-9]\d{7}|8869\d{8}")
# Hong Kong mobile numbers have eight digits (5/6/9, some 4/7/8): a phone only where the
# words around it say so ("打 9123 4567", "電話 6123-4567"), else an eight-digit order.
HK_MOBILE = re.compile(r"[4-9]\d{7}")
LANDLINE = re.compile(r"0\d{9,11}")
CONTEXT_PHONES = frozenset({"intl", "mobile", "landline", "hk_mobile"})
GROUP = re.compile(r"[0-9a-z]+", re.IGNORECASE)
# 010-12345678, (021)87654321; the local number in two groups after a dashed area code:
# 021-6234 5678, 0755-8765-4321 (ord23)
DASHED_LANDLINE = re.compile(r"\(?0\d{2,3}\)?[- ]?\d{7,8}|\(?0\d{2,3}\)?-\d{3,4}[- ]\d{4}")
HOTLINE = re.compile(r"[48]00[- ]?\d{3}[- ]?\d{4}")  # 400-123-4567: a shop's hotline


def phone_shape(compact: str, raw: str) -> str:
    """Phone shapes ("intl", "mobile", "landline", "hk_mobile"), "hotline" for 400/800 numbers.

    "" for anything else.
    """
    if INTL_MOBILE.fullmatch(compact):
        return "intl"
    if MOBILE.fullmatch(compact):
        return "mobile"
    if LANDLINE.fullmatch(compact):
        return "landline"
    if DASHED_LANDLINE.fullmatch(raw):
        return "landline"
    if HOTLINE.fullmatch(raw):
        return "hotline"
    if HK_MOBILE.fullmatch(compact):
        return "hk_mobile"
    return ""


def phone_shaped(compact: str) -> bool:
    """Whether digits without separators could be a phone (mainland, Hong Kong, Taiwan, abroad).

    For numbers the customer's words already call a phone ("那个是电话号码"): an eight-digit
    Hong Kong mobile is one then, though on its own it reads as an order number.
    """
    return phone_shape(compact, compact) in CONTEXT_PHONES


# How people group the eleven digits of a mobile: 138 1234 5678, 138 12345678, 1381234 5678.
# "…-164021-62619-…" reads 164 0216 2619 only by accident: it is the rest of an order.
PHONE_GROUPINGS = frozenset({(11,), (3, 4, 4), (3, 8), (7, 4), (4, 3, 4), (3, 3, 5)})
# A hotline or dashed landline starts here: "400-820-8820", "010-62345678" after a comma or
# on the next line is no rest of the number before it.
PHONE_AHEAD = re.compile(r"(?:[48]00[- ]\d{3}[- ]\d{4}|0\d{2,3}-\d{7,8})(?!\d)")
# Numbers that are whole by themselves and never a group of another: the consumer hotline
# 12315, an amount in thousands or ten-thousands ("6k", "2w").
ALONE = re.compile(r"12315|\d{1,5}(?:\.\d+)?[kw]", re.IGNORECASE)
# A quantity written "x2" after a whole number ("order #100245 x2 missing", ord26); first, an
# x is a prefix ("ｘ710 727 8092").
TIMES_COUNT = re.compile(r"x\d{1,2}", re.IGNORECASE)
# A year, month or day follows: "2024年4月" is a date, never a group of a number before it.
DATE_UNIT = frozenset("年月日")
# Said after a date written as digits: "20240513那天买的", "20241123下的单".
# What happened on a date said right after it; paid in other words and the parcel's steps too
# ("共384 20241128付的款" joined 384 to the date, ord35).
AFTER_DATE = re.compile(
    r"\s*(?:那天|当天|这天|那日|买|下单|下的单|签收|到货|发货|收到|付款|付的款|付的钱|支付|送达|揽收|寄出)"
)
DATE_DIGITS = re.compile(r"(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])")
# A month and day with a slash ("11/23") or a dash ("11-23", ord28), nothing dated or numbered
# after it: a date, never the last groups of the number before it ("订单号 3802 9911 … 321
# ，11/23 下單", "订单号 2865 4321 9876 11-23").
MONTH_DAY = re.compile(
    r"(?:0?[1-9]|1[0-2])(?:/(?:0?[1-9]|[12]\d|3[01])(?![0-9a-z/.])"
    r"|-(?:0?[1-9]|[12]\d|3[01])(?![0-9a-z/.-]))",
    re.IGNORECASE,
)
# The year of a date written with 年 and a month after it: "2024年11月", "2024年 3 月".
YEAR_THEN_MONTH = re.compile(r"年\s*(?:0?[1-9]|1[0-2]|[一二三四五六七八九十]{1,2})月")
# A year mark typed inside an order after its label ("订单号 2024年1123 5567", voice input
# writes 年 after a spoken year): three digits or more right after 年 are no month.
YEAR_INSIDE = re.compile(r"年\s?(?=\d{3})")
# Said right after a number, what it measures: a room, a building, a floor, a body height or
# weight ("1203室", "5栋", "175的个子", "65kg"). Such a number is no group of an id, even on
# the line after one ("订单号 202411235567\n1203室").
# After a blank, 房间号/房号 (and 房间 before digits) name the NEXT number, a room: "… 562 房间号
# 1508" (ord20); glued, they name the one before ("1203房间号").
MEASURED = re.compile(
    r"\s?(?:室|栋|幢|号(?:楼|房|室)|房(?![东子租价]|(?<=\s房)(?:间?号|间?\s*\d))|楼(?![下上道梯主])|层(?!次)|单元"
    r"|的?个子|cm|厘米|公分|kg|公斤)",
    re.IGNORECASE,
)
MEASURED_DIGITS = 5  # rooms, heights and weights are short; a longer group is kept
# A count in English after the order's groups ("Order 2024 1123 5567 2 items broken", ord26):
# one or two digits, then the things counted ("…84756 item not as described" is eBay's last
# group); or a duration ("… 9876 2 weeks late", "… 10 days", ord28).
ENGLISH_COUNT = re.compile(
    r" ?(?:pcs|pieces|items|units|pairs|boxes|bottles|packs"
    r"|days?|weeks?|months?|hours?|hrs|mins|minutes)(?![a-z])"
)
ENGLISH_COUNT_DIGITS = 2
# A group that is a measure itself, its unit glued on: "175cm", "5kg", "128G", "500ml", "220V",
# "48h"; a version ("V2" of "V2.1") or a clothing size ("165" of "165/88A") is no group either.
MEASURE_GROUP = re.compile(r"\d{1,5}(?:kg|cm|mm|ml|mah|gb|tb|g|v|h|hz|wh)", re.IGNORECASE)
VERSION_HEAD = re.compile(r"v\d{1,2}", re.IGNORECASE)
# What may follow a short group that makes it a quantity, a duration, a size or a share, not
# the order's last group ("订单号 2411 2388 7766 23号到的", "… 65寸电视", "… 3-5天", "… 8折",
# "… 1.2kg", "… 12+256G"): a range or decimals first, then the unit, glued ("… 3691 条码对不上"
# names the next thing). Words that open with a unit's character but are none are kept out
# (天猫, 天啊, 星期, 秒杀, 折扣, 款式, 人工, 平台, 升级, 米白, 条码, "第…031号订单").
UNIT_AFTER = re.compile(
    r"(?:[-~～到至]\d{1,4})?(?:\.\d{1,2})?"
    r"(?:(?P<day>号(?!码|楼|房|室|订单|单))|(?P<hour>点(?![击赞]))|小时|分钟|秒(?!杀)|天(?![猫啊哪呐])|周(?![一二三四五六日天末])"
    r"|英?寸|款(?![式项])|期(?![间限])|折(?!扣)|星(?!期)|倍|公里|米(?![白色黄])|克|升(?!级)|瓦|伏"
    r"|匹|条(?!码)|张|根|颗|粒|片|袋|罐|桶|卷|人(?![工民])|平(?:米|方)|[%％]|kg|ml|cm|mm)"
    r"|/\d{2,3}[a-c](?![0-9a-z])"  # a clothing size: 165/88A
    r"|\+\d{2,4}(?:g|gb|t|tb)(?![0-9a-z])",  # a phone's memory: 12+256G
    re.IGNORECASE,
)
UNIT_DIGITS = 4  # a longer group is a piece of a number, whatever follows it
# Glued after a short group, a word that makes the group the head of another number's label:
# "3C编号" (the certificate), "A1批号", "SKU号码". "…0918 276 ，3C编号也查不到" ends at 276.
LABEL_HEAD_AFTER = re.compile(r"(?:编号|编码|号码|单号|条码|批号|货号|型号|序列号|认证|证书)")
# A time stamp written to the hour, the minutes after a colon: "2024112814:35". (Fourteen
# digits that read as a date and time, "20241128000931", are as often a shop's date and
# counter: an order.)
DATE_HOUR = re.compile(DATE_DIGITS.pattern + r"([01]\d|2[0-3])")
MINUTES_AFTER = re.compile(r":[0-5]\d(?!\d)")
# A postcode given bare after the address it belongs to (ord35): six digits right after the
# end of an address, a place word of a province, city, district, street or building, maybe a
# comma: "广东省深圳市南山区粤海街道 518057". 号 is left out: "11月23号 882931" is a day.
POSTCODE = re.compile(r"\d{6}")
ADDRESS_END = re.compile(
    r"(?:省|市|区|县|镇|乡|村|街道|路|街|大道|巷|弄|小区|花园|大厦|室|栋|幢|单元)[\s,]*$"
)
# A date and time to the minute (or second) written in one run, what happened then said right
# after it (ord35): "202411301530 签收", "20241130153022 下单" — a time, not a JD-shaped order.
# Only events a time is stamped on: "202411300457 买的…" may be an order and what it bought.
DATE_MINUTE = re.compile(DATE_HOUR.pattern + r"[0-5]\d(?:[0-5]\d)?")
STAMPED_EVENT = re.compile(r"\s*(?:签收|下单|下的单|发货|付款|支付|到货|送达|揽收|揽件)")


def is_timestamp(compact: str, after: str) -> bool:
    """A date and hour with the minutes after a colon ("2024112814:35"): a time, no order.

    Or the whole time in one run with what happened then right after it ("202411301530 签收",
    ord35): only so, as "202411300457" alone may well be a JD order. Read by the kinds and
    by the last resort alike.
    """
    if DATE_HOUR.fullmatch(compact) and MINUTES_AFTER.match(after):
        return True
    return bool(DATE_MINUTE.fullmatch(compact) and STAMPED_EVENT.match(after))


# Hidden digits: three or more asterisks, or asterisks or an ellipsis between digits (not
# "**3810…**", bold in chat); "x" runs inside a number.
MASK_AFTER = re.compile(r"[*＊]{3}|(?:[*＊]{2,}|…+|\.{3,})\d")
MASK_BEFORE = re.compile(r"[*＊]{3}$|\d(?:[*＊]{2,}|…+|\.{3,})$")
MASK_INSIDE = re.compile(r"\d[-_. ]?x{3,}[-_. ]?\d", re.IGNORECASE)  # "2024-XXXX-5567" too
# Said right after a number, it is only how the order starts: "订单号是202411开头的，后面忘了".
# (not "X 开头是2025不是2024": the head of X corrected, ord26)
HEAD_ONLY_AFTER = re.compile(
    r"\s*(?:开头(?![\s,]*(?:应该|应|不是|是\s*[0-9a-z]|打错|写错|错))|打头|开始的)"
)
# Enclosed digits (①-⒛, ⓪-⓿, ❶-➓), as a character class: a list's counters beside an ASCII
# number ("订单①X 订单②Y"); an id typed in them has them all through ("②⓪②④①①…").
ENCLOSED_DIGITS = "\u2460-\u249b\u24ea-\u24ff\u2776-\u2793"
# A mainland resident ID: region, birth date, sequence, check digit (ISO 7064 MOD 11-2).
RESIDENT_ID = re.compile(r"\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]")
RESIDENT_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
NOT_ID_CHAR = re.compile(r"[^0-9a-z]", re.IGNORECASE)
MAX_ID_CHARS = 40  # longer digit/letter runs are never one id, whatever the pattern
WHOLE_GROUP = 10  # a group this long is a number by itself, never a piece of another
# Between the groups of one number: spaces, one line break, one of these, or emoji (a colon
# only after a letter prefix: "JD：2024...").
ID_PUNCTUATION = frozenset("-_./·~,、")
CODE_SEPARATORS = ID_PUNCTUATION - frozenset(",、")  # keys are never written with commas
# Between the groups of a number only when an order word introduces it ("订单号 3847*2619*…",
# "订单号 3847 | 2619 | …", "订单号 3847。2619。…" as a Chinese IME types the dot): without
# one, "120*60*75" is a size, "a | b" a table's columns and "。" the end of a sentence; a
# backslash ("订单号 2024\\1123\\5567", the slash key missed) joins only there too, and so do
# a colon and a plus between blocks of three or more ("订单号 9034:5512:7788", "2024+1123+…";
# not "订单1：3847…", a list's counter, see `SHORT_BLOCK_PUNCTUATION`).
LABELLED_PUNCTUATION = frozenset("*|。\\:+")
# Labelled punctuation that never joins a block shorter than three ("订单1：…", "1+1").
SHORT_BLOCK_PUNCTUATION = frozenset(":+")
# A Chinese IME types the dash as "——" (two dashes once normalised) and customers double the
# tilde: "3847——2619", "3847~~2619" are one separator.
DOUBLED_SEPARATORS = frozenset({"--", "~~"})
# Words that carry a number on where the customer broke it in two ("订单号是38472619 后面是
# 50384756201", "…前半段 后半段是 …"): the rest follows as after a line break.
CONTINUATION = re.compile(
    r"[\s,:]*(?:后面|后边|后半段|后半截|后半部分|接着|剩下的|下一行)(?:的)?(?:是|还有|为)?[\s,:]*"
)
# Characters that only decorate the one before: emoji variation selectors and the keycap
# mark ("2️⃣" is 2, U+FE0F, U+20E3); digits joined by them are one group.
INVISIBLE = frozenset("\ufe0e\ufe0f\u20e3\u2060")
# Characters a copy from an e-mail, a PDF or a web page leaves inside a number and nobody
# typed (ord32): zero-width spaces and joiners, the BOM, the soft hyphen of a hyphenated
# layout. `normalize` makes the zero-width ones spaces (offsets hold); the merger reads the
# customer's own text and joins the digits around them as one group.
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
ALNUM_RUN = re.compile(r"[0-9a-z]+", re.IGNORECASE)

# Spans merged before the id groups: numeric dates and amounts with thousands separators.
NUMERIC_DATE = re.compile(
    r"(?<![0-9a-z])(?:19|20)\d{2}([-/.])(0?[1-9]|1[0-2])\1(0?[1-9]|[12]\d|3[01])"
    r"(?=t\d|(?![0-9a-z]))"  # ISO 8601 goes on with its time: 2024-11-28T14:35:20
    # a small shop's serial after the day is an order ("订单 2024.11.23-015", ord26)
    r"(?![-_]\d{3,4}(?![0-9a-z:.\-/]))",
    re.IGNORECASE,
)
# A clock time ("18:49:48"): one token, so its last digits never start the next number.
CLOCK_TIME = re.compile(r"(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?![\d:])")
# Thousands ("3,299"), but not the end of one number, a comma and a dashed one after it
# ("…571·431，800-328-2415打不通" holds no 431,800).
GROUPED_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|-\d)")
# Digits in thousands only: seven to nine digits are an id after an order word
# ("285,413,097"), ten or more always (no complaint is about a billion yuan).
THOUSANDS_ID = re.compile(r"\d{1,3}(?:,\d{3}){2,}")
THOUSANDS_LONG_ID = re.compile(r"\d{1,3}(?:,\d{3}){3,}")
# A date glued after a long number ("订单号2024112355662024.11.23下单"): the year starts the
# date, so the number ends before it; the six digits before make it no date of its own.
# Compact ("…556620241123下单", ord22): only after a whole order's twelve digits, with a word
# of buying or receiving right after it that says it is a date.
GLUED_DATE = re.compile(
    r"(?<=\d{6})(?:19|20)\d{2}([-/.])(0?[1-9]|1[0-2])\1(0?[1-9]|[12]\d|3[01])(?![0-9a-z])"
    r"|(?<=\d{12})(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
    r"(?=\s*(?:下单|下的单|买的|购买|付款|签收|收到|到货|发货))"
    # a month and day in words glued after a whole order ("…918273 11月23号买的", ord23): the
    # month's digits end the number, the largest month first ("…7311月" is November)
    r"|(?<=\d{12})(?:1[0-2]|0?[1-9])(?=月(?:0?[1-9]|[12]\d|3[01])(?!\d))",
    re.IGNORECASE,
)
# Words a customer glues onto an order's digits (ord26): a marker before them ("订单号No2024…",
# "订单ID5520…", "ID20241123008", "QQ12345678": no/id/qq opening the run, then five digits)
# and a word after them ("…5567OK吗", "…5567pls", "…5567APP上", "…5567QQ", "…5567VIP",
# "…5567NG品", "…017XL码", "…5567L码"). One letter glued after the digits stays the id's ("…5567A"), and so
# does a prefix that only begins with the marker's letters ("NOR2024…", "IDX-2024…"). No/ID
# glued to the first group of a number typed in groups too ("订单ID2865-4321-9876", ord28).
GLUED_WORDS = re.compile(
    r"(?<![0-9a-z])(?:no|id|qq|uid)(?=\d{5})"  # "UID284719305": a user's id (ord35)
    r"|(?<![0-9a-z])(?:no|id)(?=\d{3,4}[-_./·\s]\d)"
    r"|(?<=\d{4})(?:ok|okay|pls|plz|please|thx|thanks|asap|app|qq|vip|ng|x{1,3}l|xs)(?![0-9a-z])"
    r"|(?<=\d{6})[sml](?=码)"
    r"|(?<=\d)(?:rmb|cny)(?![0-9a-z])",  # "… 9876 128RMB": an amount after the order (ord28)
    re.IGNORECASE,
)
# Prices with cents ("299.00", "2.5"); "2024.1123.5567" and "202411.235567" are id groups.
DECIMAL = re.compile(r"(?<![\d.])\d+\.\d{1,2}(?![\d.])")

ARABIC_NUMBER = re.compile(r"\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?")
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
CN_DIGITS.update({"五": 5, "六": 6, "七": 7, "八": 8, "九": 9})
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10_000, "亿": 100_000_000}
CN_NUMBER = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")

CURRENCY = ["¥", "￥", "$", "＄", "rmb", "人民币"]  # "$": Hong Kong and Taiwan prices ("呢張單$299")
CURRENCY_LETTERS = ("rmb", "cny")
MAGNITUDE = {"万": 10_000.0, "千": 1_000.0, "百": 100.0, "w": 10_000.0, "k": 1_000.0}
UNITS = {
    "元": 1.0,
    "块": 1.0,
    "块钱": 1.0,
    "元钱": 1.0,
    "圆": 1.0,
    "蚊": 1.0,  # Cantonese for 元: "200蚊" (ord24)
    "rmb": 1.0,
    "cny": 1.0,
    "人民币": 1.0,
    "多元": 1.0,
    "多块": 1.0,
    "万元": 10_000.0,
    "千元": 1_000.0,
    "百元": 100.0,
}
# A number directly followed by one of these is an amount, never an order or phone number.
# Other currencies named after an amount (ord25: "付了 128000 韩元", "3000 日元"): no yuan to
# count (not MONEY), but never an id either.
FOREIGN_CURRENCIES = frozenset(
    {"美元", "美金", "日元", "日币", "韩元", "韩币", "港元", "港币", "澳元", "澳门币", "欧元", "英镑"}
    | {"台币", "新台币", "越南盾", "泰铢", "卢布", "新币", "马币", "円"}
)
AMOUNT_FOLLOWERS = (
    frozenset(UNITS) | frozenset(MAGNITUDE) | {"多", "钱"} | FOREIGN_CURRENCIES
)

# Parcel numbers by their shape: a carrier's letters and digits ("SF1400223344").
TRACKING_SHAPE = re.compile(
    r"(?:SF|YT|JT|ZTO|STO|YD|YUNDA|EMS|DPK|JDV|JDX|JDA|KYE)\d{8,}"
    # JD Logistics' waybills carry a fourth letter: JDVA…, JDVB…, JDVC…, JDVE… (ord21)
    r"|JDV[A-Z]\d{8,}"
    r"|LP\d{14}"  # Cainiao's cross-border parcels
    r"|[A-Z]{2}\d{9}[A-Z]{2}"  # the UPU's postal items (EMS, registered mail): EA123456785CN
    r"|1Z[0-9A-Z]{16}"  # UPS
)
# This bot's own ticket ids as it shows them ("C20261123-0001", `bot/tickets/store.py`): a
# customer asking after a complaint quotes one back; it is no order.
TICKET_ID = re.compile(r"c20\d{6}-\d{4}")
# A return authorisation's own prefix, glued or dashed ("RMA2411230077 的换货还没寄出", ord34):
# a process's number, no order, unless an order word names it.
RMA_ID = re.compile(r"RMA\d{5,}")
# Ids inside a link: only an order key ("order_id=...") makes an order of them.
# A link ends at a space, a Chinese character, a quote or prose punctuation (full-width
# "！，；" once normalised): "….html！“905_08927_…” 嗰张单" quotes an order after the link.
URL = re.compile(
    r"(?:https?://|www\.)[^\s\u3000-\u9fff\uff00-\uffef“”‘’\"<>!,;]+"
    r"|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org|hk|tw)"
    r"(?:/[^\s\u3000-\u9fff\uff00-\uffef“”‘’\"<>!,;]*)?"
)
# An order the customer takes back: "不是2024...，是2024...", "2024...写错了".
# (Not after an interjection: "X 呃不是 Y" takes X back and gives Y, see CORRECTION_LEFT.)
RETRACTED_LEFT = re.compile(
    r"(?<![哦噢喔啊呃额嗯唉诶欸呀])(?<![哦噢喔啊呃额嗯唉诶欸呀][\s,])不是[\s:,]*(?:订单号?|单号)?[\s:,]*$"
)
_INTERJECTION = r"(?:[哦噢喔啊呃额嗯哎唉诶欸呀]+[\s,]*)?"  # "…7219 哦不对 是…"
# 写反了: digits swapped; 看错了: the customer read another number off the screen
_MISTYPED = r"(?:(?:写|填|打|输|弄|搞|发|记|看)错|(?:写|填|打|输|记)反)"
_APOLOGY = r"(?:不好意思|对不起|抱歉|sorry)?[\s,]*"
# A digit too few or too many, said of the number itself: "少了一位", "多打了个0", "漏打一位",
# "最后一位多了" (never "少了一件" or "少发了": those are the goods).
DIGIT_COUNT_WRONG = (
    r"(?:(?:少|多|漏)(?:打|写|输|填|按)了?(?:一|两|几|1|2)?个?(?:位|数字?|[0-9零])"
    r"|(?:少|多|漏)了(?:一|两|几|1|2)?(?:位|个数字?|个[0-9])"  # not "多了一个零件"
    r"|(?:最后|前面|开头|中间)?(?:一|两|几|1|2)位(?:数字?)?(?:多了|少了|多打了|少打了)"
    # two digits swapped, said without the verb: "最后两位反了", "后两位顺序反了" (ord20)
    r"|(?:最后|后面?|前面?|开头|中间)(?:的)?(?:两|二|2|几)位(?:数字?)?(?:的?顺序)?(?:写|打|输|填)?反了)"
)
# "X……等等我看错了": a pause before the mistake is owned
_PAUSE = r"[\s,.…]*(?:等等|等一下|等下|稍等)?[\s,.…]*"
# What a shop sends wrong, said right after 发错/弄错: the goods, not the number typed (ord28):
# "重新下的 Y 发错颜色", "Y 弄错尺码了" complain about Y ("X 发错货了" alone was always the order).
_GOODS_SENT_WRONG = r"(?:颜色|色|尺码|尺寸|型号|款式?|规格|商品|东西|货|衣服|鞋子?|地址|件)"
RETRACTED_RIGHT = re.compile(
    rf"{_PAUSE}{_INTERJECTION}(?:是|号码|单号)?{_APOLOGY}我?{_MISTYPED}(?!了?{_GOODS_SENT_WRONG})"
    # called void or wrong in other words: "X 作废了", "X 是错的", "X 不算", "X 撤回"
    rf"|[\s,]*{_INTERJECTION}(?:这个|那个)?(?:号码?|单号)?(?:是错的|作废|不算|撤回)"
    # "X 漏了一位 完整的是 Y", "X 多了个0"; not "X 多了一个充电器" (an extra item in the parcel)
    r"|[\s,]*(?:少|多|漏)了(?:一|两|几|1|2)?(?:位|个(?:数字?|[0-9零]))"
    rf"|[\s,]*{_INTERJECTION}(?:这个|那个)?(?:号码?|单号)?(?:错了|不对|有误)+(?=$|[\s,.!?;。，])"
    r"|[\s,]*不是这个(?!吗|嘛|么)"
    r"|[\s,]*\((?:错的|错误|不对|不对的|写错了?)\)"  # "X(错的) Y(对的)"
    # a digit too few or too many: "20241123556 少打了一位 202411235567"
    r"|[\s,]*(?:少|多|漏)(?:打|写|输|填|按)了?"
    # in English: "112-…-0123459, sorry wrong one", "… (typo)", "… oops, not this one"
    r"|[\s,.;(]*(?:(?:sorry|oops|my bad)[\s,.;]*)?"
    r"(?:wrong|typo|incorrect|mistake|not this one|not that one"
    r"|scratch that|never ?mind|ignore (?:that|this)|cancel that)"
)
# Said right after a number given as the correction of an earlier one, what went wrong with
# that earlier one: "X → Y 打反了", "X 应该是 Y 少打了一位" (not Y's own mistake).
MISTAKE_NAMED_RIGHT = re.compile(
    rf"[\s,]*{_INTERJECTION}我?(?:(?:写|填|打|输|记|看)[错反]了?|{DIGIT_COUNT_WRONG}了?)"
    r"(?=$|[\s,.!?;。，~～…]|[\u2600-\u27bf\U0001f000-\U0010ffff])"  # "打反了~~", "打反了😭"
)
# Said right after a number, the customer calls the number itself void, not the goods: "X 不对
# 这个不是 我再找找", "X 作废了", "X 是错的", "X 打错了". Such a number is never filed, even alone
# (unlike "X 发错货了" or "X wrong item", which RETRACTED_RIGHT reads as taking X back only
# when another number follows).
VOID_RIGHT = re.compile(
    rf"[\s,]*{_INTERJECTION}(?:是|号码|单号)?{_APOLOGY}(?:写|填|打|输|记)[错反](?!了?[吗嘛么?])"
    rf"|[\s,]*{_INTERJECTION}(?:这个|那个)?(?:号码?|单号)?(?:是错的|作废|不算|撤回)"
    rf"|[\s,]*{_INTERJECTION}(?:这个|那个)?(?:号码|单号)(?:错了|不对|有误)"
    rf"|[\s,]*{_INTERJECTION}(?:不对|错了)[\s,]*(?:这个|那个)?(?:号码?|单号)?不是"
    # a digit too few or too many: "X 少了一位 我再找找", "X 不对少了一位", "X 最后一位多了"
    rf"|[\s,]*{_INTERJECTION}(?:(?:不对|错了)[\s,]*)?(?:好像|应该)?{DIGIT_COUNT_WRONG}"
    # the number sent wrong, not the goods: "X 发错了，这个不是我要投诉的那个" ("X 发错了 这个
    # 不是我买的颜色" is the goods)
    r"|[\s,]*(?:发错了|给错了)[\s,]*(?:这个|那个)(?:号码?|单号|订单号?)?不是"
    r"(?:(?:我)?要(?:投诉|找)的|[\s,]*(?:我)?(?:再找|重新找|找找|晚点|等下|等一下|一会))"
    r"|[\s,]*不是这个(?!吗|嘛|么)"
    # the customer disowns a number quoted to them and will find their own (ord25): "上面说订单 X，
    # 不是我的，我的订单号等下发你"; "X\n我：错了，我没有这个订单" (a chat log's speaker first)
    r"|[\s,]*(?:这个|那个)?(?:号码?|单号|订单号?)?不是我的[\s,]*(?:订单|单子)?[\s,]*"
    r"(?:我的)?(?:订单号?|单号)?[^\n\d]{0,6}?(?:再找|重新找|找找|晚点|等下|等一下|一会|还没找到|找不到)"
    r"|[\s,]*(?:[吗吧呢][?？]?)?[\s,]*(?:我[:：])?[\s,]*(?:(?:不对|错了)[\s,]*)?"
    r"我?(?:没有|没)(?:这个|这张|这笔)(?:订单|单子|单)"
    # in English, the quoted number said wrong after a few words (ord25): 'The bot said "order X
    # found" but that number is wrong'
    r"|[^0-9a-z]{0,3}(?:[a-z]+[^0-9a-z]{1,3}){0,2}?(?:but |and )?(?:that|this|the) "
    r"(?:number|one|order(?: number)?) (?:is|was) (?:wrong|incorrect|not mine)"
    # only part of it: "2024 1123 55…后面几位看不清了", "…后面两位我记不清了", "剩下几位看不清"
    # (a part of the number named: "X 后面不知道怎么回事就坏了" is what happened next)
    r"|[\s,.…]*(?:后面|后边|剩下|最后)(?:的|那)?"
    r"(?:几位|几个数字?|[一两二三四五六七八九1-9]位|数字|号码)(?:数字)?(?:我)?"
    r"(?:看不清|看不到|看不见|看不出|忘了|忘记了|记不清|记不得|不记得|不知道|找不到|被挡住|模糊)"
    r"|[\s,.;(]*(?:(?:sorry|oops|my bad)[\s,.;]*)?"
    r"(?:wrong (?:one|number)|typo|not this one|not that one"
    r"|scratch that|never ?mind|ignore (?:that|this)|cancel that)"
)
# Said right after a number, the customer sets that order aside: it is not the one at fault
# ("X 没问题，Y 到了是坏的", "X 已经收到了没问题", "X 退过了不用管", "X 好好的"). Such a number
# loses to any other order in the message, but stays the order when it is the only one. ("X 退了货
# 钱没到" is a complaint about X: the goods went back, the money did not, ord28.)
SET_ASIDE_RIGHT = re.compile(
    rf"[\s,]*\(?{_INTERJECTION}{_APOLOGY}"  # "X（没问题）Y（破损）"
    r"(?:这个订单|那个订单|这个|那个|这单|那单|这笔|这|那)?[\s,]*(?:已经|早就|都)?"
    r"(?:没问题|没有问题|没事儿?|没啥问题|没毛病|是好的|好好的|正常|收到了?没问题|已?收到了|退过了|退了(?!货)|退掉了|好评了|不用管"
    # a state an app or a list shows: "1. X 已收到", "X 已退款", "X 挺好的"
    r"|已收到|已退款|退款了|退款成功|挺好的?"
    r"|是上次的|是之前的|是以前的|是(?:我)?(?:老婆|老公|朋友|家人|妈妈|爸爸|同事|别人)的"
    # an earlier order, by when: "X 是上个月的单子，这个月的是 Y"
    r"|是(?:上个?月|上周|上个?星期|上礼拜|上回|去年|前几天|旧)的"
    r"|不是(?:我)?要投诉的)"
    # "X 退款了没到账" is a complaint about X (ord28)
    r"(?![\s,]*(?:但|可是|却|结果|就是|怎么|吗|吧|\?|没到|没退|还没))"
)
# Said in a short clause after a number, the customer settles that order (ord28): "X 这单之前
# 已经处理好了，现在要说的是 Y", "之前那单 X 没货退款了，我重新拍了一单 Y", "X 地址写错取消了 重新下的
# Y", "X 的退款到了，但是 Y 的一直没退", "X 用得好好的", "first X (cancelled), second Y", "X, that one
# was fine". As SET_ASIDE_RIGHT, which wants the state right after the number: it loses to any
# other order and stays the order alone. A few words may stand between, never a digit, a clause
# break or what makes the state a complaint: a wish or a request (要/想/申请), the shop's doing
# (被/你们/商家: "X 被取消了"), a refusal (不给/拒绝) or a "not yet" (还没/没有).
_SETTLED_WORDS = (
    r"(?:(?!申请|要|想|被|你们|商家|客服|但|却|可是|还没|没有|没给|不给|不让|不能|不肯|不同意|不予|拒绝|驳回)"
    r"[^\d\n,.;!?:])"
)
SETTLED_AFTER = re.compile(
    r"[\s,)]*(?:这单|那单|这笔|那笔|这个|那个|的)?"
    rf"{_SETTLED_WORDS}{{0,8}}?"
    r"(?:处理好了|解决了|搞定了|退款了|退了(?!货|回去)|退掉了|退完了|取消了|作废了|好好的|没问题了?"
    r"|退款到了|钱到了|到账了|退回来了)"
    # "X 退款了 但是只退了一半" complains about X; "X 的退款到了，但是 Y 的一直没退" turns to Y
    r"(?![\s,]*(?:但是|但(?!是)|可是|却)(?![\s,]*[(\[【「『《“\"'‘`\u2600-\u27bf\U0001f000-\U0010ffff]*\d))(?![\s,]*(?:结果|就是|怎么|吗|吧|呢|没|\?))"
    r"|[\s,.;]*\((?:cancel+ed|refunded|fine|ok)\)"
    r"|[\s,.;]*(?:that|this|which) one (?:was|is) (?:fine|ok|okay|all right)"
)
# Said right before a number, whose order it is when it is not the customer's own: "我朋友的订单 X
# 也有问题 我的是 Y", "我老婆的单号 X". Set aside like SET_ASIDE_RIGHT: it loses to any other
# order in the message, and stays the order when it is the only one ("我妈的订单 X 没发货":
# the customer complains for her).
_SOMEONE_ELSE = (
    r"(?:老婆|老公|媳妇|爱人|对象|男朋友|女朋友|朋友|家人|妈妈|我妈|爸爸|我爸|父母|孩子|儿子|女儿"
    r"|同事|室友|邻居|亲戚|姐姐|妹妹|哥哥|弟弟|别人|他们|她们|他|她)"
)
SET_ASIDE_LEFT = re.compile(
    rf"{_SOMEONE_ELSE}的(?:那个|那单|这单|那笔)?(?:订单|单子|单)(?:号码?|编号)?"
    r"[\s:,]*(?:是|为)?[\s:,]*$"
)
# A number given as the correction of an earlier one ("更正：3012…", "应该是 2412…", "发错了
# 是 2412…", "啊不是 是 2412…") beats it even when nothing takes the earlier one back in words.
CORRECTION_LEFT = re.compile(
    r"(?:(?:更正|纠正|改正|改)(?:一下)?|改成|改为|应该是|应为|正确的?"
    # (a particle may follow: "「…X？」唔係呀，係 Y", 唔係 read as 不是, ord25)
    rf"|(?:{_MISTYPED}了?|错了|不对|不是|不算|作废了?)[呀啊吖啦喔哦噢]?(?:这个|那个)?[\s,]*"
    r"(?:是|应该是|应是)"
    # "完整的是 Y", "以这个为准 Y", "scratch that, it's Y"
    r"|完整的?(?:订单号?|号码)?(?:是|应该是)|以这个为准|以下面的?为准"
    # the mistake named, then the right one: "X 不对少了一位，是 Y", "X 多打了个0 Y"
    rf"|{DIGIT_COUNT_WRONG}了?"
    # an arrow from the wrong number to the right one: "X → Y", "X -> Y"
    r"|(?<=[0-9a-z])\s*(?:→|->|=>|⇒|➡️?|➔)"
    r"|重新?发(?:一下|一遍|一次)?"
    # the customer tries another number after one the bot did not find (ord24): "你说未查到订单
    # X，再试试 Y", "X 不存在，你再查 Y"
    r"|(?:再|那就?|就)?试(?:试|一下)(?:看)?(?:这个)?|再查(?:查|一下|一次)?(?:这个)?"
    # the one this complaint is about, told from an earlier order: "之前那单 X 已经退了，这次是
    # Y", "有问题的是 Y"
    r"|这[次回](?:要投诉的|有问题的|的)?(?:订单|单子)?(?:号码?|编号)?(?:是|为)"
    # "上次的订单是 X 那次就少发了，这次订单号 Y 又少发了": this time's order, named so
    r"|这[次回](?:的)?(?:订单|单子)(?:号码?|编号)?"
    r"|有问题的(?:那个|那单|是那个)?(?:订单|单子)?(?:号码?|编号)?是"
    # an apology or a bare "no" before the right one: "X sorry 是 Y", "X 不好意思 是 Y",
    # "X 啊不 是 Y", "X 不不 是 Y"
    r"|(?:sorry|不好意思|对不起|抱歉|my bad)[\s,]*(?:是|应该是|应是)"
    # (in English, right after the wrong number, no 是 needed: "X, sorry, Y", "X oops Y")
    r"|(?<=[0-9a-z])[\s,.;]*(?:sorry|oops|my bad)"
    # (or no 是 at all: "X，啊不，Y")
    r"|(?:[哦噢喔啊呃额嗯唉诶欸呀][\s,]?|不)不[\s,]*(?:是|应该是|应是)?"
    # the one the customer complains about, told from one given before: "我要投诉的是 Y"
    r"|(?:我)?要投诉的(?:那个|那单|是那个)?(?:订单|单子)?(?:号码?|编号)?是"
    r"|should be|(?:correct|right)(?:ed)? (?:one|number|order(?: number)?)(?: is)?|i meant?"
    # an English correction named so, before the right one: "X, correction: Y", "X corrected
    # to Y", "X, actually Y" (ord27)
    r"|correction|corrected(?: to)?|amended(?: to)?|actually it'?s|actually it is"
    r"|(?<=[0-9a-z])[\s,.;]*actually"
    # said against a number given before ("… that is not my order! Mine is Y", ord25)
    r"|mine(?: is|'s))"
    # (a marker may stand before it: "X，不好意思是#100254", ord26; or a pointer: "发错了，是这个
    # Y", "应该是这个号 Y", ord26 round 26)
    r"[\s:,]*(?:订单号?码?|订单编号|单号)?[\s:,]*(?:是|为|应该是)?[\s:,]*(?:这个|这一个)?(?:号码?|单号?)?"
    r"[\s:,#]*$"
)
# Said after both numbers, the customer picks the later one: "X还是Y来着 应该是后面这个".
LATER_CHOSEN = re.compile(
    # also after what went wrong: "X 和 Y 都是我的，少发了一件的是后面那个"
    r"[^0-9a-z]{0,16}?(?<!不)(?:(?:应该|应|就|对的)?是|以)"
    r"(?:后面|后边|下面|后一个|最后一个|第二个)"
    # or says the later one is the one at fault: "X 和 Y，第二个有问题" (no number after it:
    # "第一个 X 第二个有问题的是 Y" names Y)
    r"|[^0-9a-z]{0,6}?(?:后面|后边|下面|后一个|最后一个|第二个|第二单|后一单|第2个|第2单)"
    r"(?:那个|这个|那单|这单|的)?(?:有问题|坏了|没到|才是|才对|是对的"
    # (an id after it is named by these words: "第二个有问题的是 Y"; "，付了299元" is not one)
    r"|少发|漏发|错发|发错|碎了|破了|坏的|漏液|没收到|没发货)(?![^0-9]{0,6}[0-9]{6})"
    # "X Y 投诉第2个", "…投诉的是后面那个"
    r"|[^0-9a-z]{0,6}?投诉(?:的是)?(?:后面|后边|下面|后一个|最后一个|第二个|第2个|第二单|第2单)"
)
# Said right after a number, the customer vouches for it: "Y 这个是对的", "Y 以这个为准" (no
# 不 or 没 on the way: "X 这个不对" takes X back instead).
CHOSEN_RIGHT = re.compile(
    r"[^0-9a-z不没]{0,8}?(?:这个|这单|这个号码?|这个单号|这个订单号?)(?:才|就)?(?:是)?"
    r"(?:对的|正确的|准确的|没错)"
    r"|[^0-9a-z不没]{0,4}?以(?:这个|此)为准"
    r"|\s*\((?:对的|正确的?|这个对)\)"
)
# What a customer wraps a number in: brackets, quotes, backticks and emoji ("是 「2024…」",
# "👉2024…🙏"). The words that correct, take back or name a number read past them.
OPENING_WRAPPERS = frozenset("([{【「『《〈〔“‘\"'`")
CLOSING_WRAPPERS = frozenset(")]}】」』》〉〕”’\"'`")


# Blanks and closing wrappers between a number and the words said of it, as a regex.
CLOSING_RUN = r"[\s)\]}】」』》〉〕”\"'’`\u2600-\u27bf\ufe0f\U0001f000-\U0010ffff]*"


def _is_emoji(char: str) -> bool:
    return char >= "\U0001f000" or char in "\u2600\u2700\ufe0f" or "\u2600" <= char <= "\u27bf"


def unwrapped_start(text: str, start: int) -> int:
    """Where the wrapping before a number starting at `start` begins ("是 「X" -> before 「)."""
    while start > 0 and (text[start - 1] in OPENING_WRAPPERS or _is_emoji(text[start - 1])):
        start -= 1
    return start


def unwrapped_end(text: str, end: int) -> int:
    """Where the wrapping after a number ending at `end` ends ("X」 打反了" -> after 」)."""
    while end < len(text) and (text[end] in CLOSING_WRAPPERS or _is_emoji(text[end])):
        end += 1
    return end


def words_before(token: "Token", width: int) -> str:
    """The `width` characters before a number, past the brackets, quotes or emoji around it."""
    start = unwrapped_start(token.doc.text, token.idx)
    return token.doc.text[max(0, start - width) : start]


def end_unwrapped(token: "Token") -> int:
    """Where the words after a number start, past the brackets, quotes or emoji around it."""
    return unwrapped_end(token.doc.text, token.idx + len(token))


# Quantities and sizes: a number right before one of these is never a piece of an id.
COUNTERS = frozenset("件个只台双套盒瓶包箱份次天码岁斤")
PIECE_COUNTERS = frozenset("件个台双套盒瓶箱")
# Nouns that open with a counter: "… 12 包裹破了" is the parcel, "… 09 包装破了" the packing,
# no twelve packs (a quantity of parcels says 12个包裹); "…3847 562天猫买的" the shop. And
# words that open with a counter's character but count nothing (ord28): 只 "only" before a
# verb ("… 8174 625 只收到 1 件"), 次日, 次品, 包邮, 天天, 天啊, 份量, 码数, the shopping days
# 双11/双十一.
COUNTER_NOUNS = (
    ("包裹", "包装", "天猫")
    + ("只收到", "只到", "只发", "只有", "只给", "只退", "只剩", "只要", "只能", "只是", "只寄")
    + ("次日", "次品", "包邮", "天天", "天啊", "天哪", "天呐", "份量", "码数", "码子")
    + ("双11", "双12", "双十一", "双十二")
)
# After the number: "13812345678是订单号", but not "13812345678 订单号2024..." (that word
# introduces the next number).
# A closing bracket or quote may stand between ("【…】这个订单", "“…”是订单号"), and the word
# may be bracketed itself ("…（订单号）"). A word that points back (这个订单, 那个单子, 呢张单,
# 是我的订单号) names the number before it unless a number follows it at once; a bare one
# (订单, 单号) only when no number follows, and not as the start of 订单里/订单日期/订单金额.
RIGHT_ORDER = re.compile(
    r"[\s:,]*[)\]】」》”\"'’]?[\s:,]*\(?"
    r"(?:(?:是|为|就是)?(?:我们?的|我)?(?:这个|那个|这一|这|那|呢|该)(?:订单|单子|单|张单|笔订单|笔单)"
    r"(?:号码|编号|号)?(?![ \t:]*[0-9a-z])"
    r"|(?:是|为|就是)(?:我们?的|我)?(?:订单|单号|单子|张单)(?:号码|编号|号)?(?![ \t:]*[0-9a-z])"
    r"|(?:是|为|就是)?(?:我们?的|我)?(?:订单|单号|这单|这一单|这个订单|那个订单|的订单|的单子|[这那][张笔](?:订单|单))"
    r"(?!里|内|中|日期|时间|金额|总价|总额|实付|数量|状态)(?![号码编好id\s:,是为#=“「【《(\[\"'‘]*[0-9a-z]))"
    rf"(?![\s:,]*[{ENCLOSED_DIGITS}])"  # "X 订单② Y": the next item of a list, not X's name
    # "SF… 、SF…，订单号没找到": the order is said missing, not the number before it (ord28)
    r"(?![号码编好]*[\s:,]*(?:还)?(?:没找到|没有|找不到|不知道|不记得|记不得|忘了|查不到|看不到|在哪|是多少))"
)
_CARRIERS = "快递|物流|运单|面单|顺丰|中通|圆通|韵达|申通|邮政|极兔|德邦|京东快递|菜鸟"
RIGHT_TRACKING = re.compile(
    rf"[\s:,]*(?:(?:是|为|就是)(?:我们?的|我)?(?:{_CARRIERS})"
    rf"|(?:{_CARRIERS})(?:单号|单|号码|号|编号)(?![号码编id\s:,是为#]*[0-9a-z]))"
)
# A carrier said to own the number right after it, the clause ending there ("单号 X 韵达的 一直
# 没到", "X 是中通的。"): a parcel number, where the label before it does not say order.
CARRIER_OWNED = re.compile(
    rf"[\s:,]*(?:是|为)?(?:{_CARRIERS})的(?=$|[\s,.!?;~…。]|[\u2600-\u27bf\U0001f000-\U0010ffff])"
)
# Not when the word labels a number after it: "… 88291043，我的手机号是13912345678" (号, 是 or a
# colon, then the number) names the mobile after it, not the number before.
RIGHT_PHONE = re.compile(
    r"[\s:,]*(?:这个?|那个?)?(?:是|为|就是)?(?:我们?的|我)?(?:手机|电话|联系方式|座机)"
    r"(?!(?:号码?|\s*[:是为])[\s:是为]*[+\d])"
)
# Said of a number whatever its shape ("139123456789 这是我电话", a digit too many): a phone,
# so no order. Without 是 ("2865… 电话 138…") the word introduces the next number instead.
RIGHT_PHONE_SAID = re.compile(
    r"[\s:,]*(?:这个?|那个?)?(?:是|为|就是)(?:我们?的|我)?(?:手机|电话|联系方式|座机)"
)
NUMBER_LABELS = frozenset({ORDER_ID, PHONE, TRACKING_NO, OTHER_NUMBER})
