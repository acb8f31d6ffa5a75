"""spaCy pipeline that finds order numbers, phone numbers, amounts and dates in complaints.

A blank `zh` pipeline with jieba segmentation runs on the normalised text (see
`bot.nlu.normalize`, same length as the original, so offsets carry over) and does the work in
three components:

1. `complaint_token_merger` joins what jieba splits but a customer means as one thing:
   digit/letter groups separated by single spaces, dashes or underscores ("2024 1123 5567",
   "ls-2024-1122-017") when the joined form is an order or phone number, plus dates
   ("2024.11.23") and grouped amounts ("1,299.50").
2. `entity_ruler` labels ORDER_ID, PHONE, MONEY and DATE with token patterns in which context
   decides: an 11-digit 1[3-9] number after 手机/电话/联系/打 is a PHONE and after 订单/单号 an
   ORDER_ID; a number followed by 元/块 is MONEY and never an order. Numbers after
   快递单号/运单号 (TRACKING_NO) or 邮编/验证码/QQ/尾号 (OTHER_NUMBER) are labelled too, so the
   longer context match wins over a bare order-number match; callers ignore those labels.
3. `complaint_entity_trimmer` cuts the context words off ORDER_ID/PHONE/... matches.

The ruler keeps the longest match among overlapping ones, so every context pattern is
longer than the bare pattern it must beat, and bare patterns never tie (a mobile-shaped
bare number is a PHONE, not an ORDER_ID).

Pipelines are built on first use and cached per order-number pattern; nothing is built at
import time.
"""

import bisect
import functools
import re
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple, TypedDict

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from bot.nlu.normalize import normalize
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
_INTL_MOBILE = re.compile(r"861[3-9]\d{9}")
_LANDLINE = re.compile(r"0\d{9,11}")
_GROUP = re.compile(r"[0-9a-z]+", re.IGNORECASE)
_MAX_ID_CHARS = 40  # longer digit/letter runs are never one id, whatever the pattern
_ID_SEPARATORS = re.compile(r"[\s\-_]+")

# Spans merged before the id groups: numeric dates and amounts with thousands separators.
_NUMERIC_DATE = re.compile(
    r"(?<![0-9a-z])(?:19|20)\d{2}([-/.])(0?[1-9]|1[0-2])\1(0?[1-9]|[12]\d|3[01])(?![0-9a-z])",
    re.IGNORECASE,
)
_GROUPED_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)")

_ARABIC_NUMBER = re.compile(r"\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_CN_DIGITS.update({"五": 5, "六": 6, "七": 7, "八": 8, "九": 9})
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}
_CN_NUMBER = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")

_CURRENCY = ["¥", "rmb", "人民币"]
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

_ORDER_CONTEXT = ["订单", "订单号", "单号", "订单编号", "订单号码", "这单", "该订单", "order"]
_ORDER_CONTEXT_TAIL = ["号", "号码", "编号", "id", "no"]
_PHONE_CONTEXT = [
    "手机",
    "手机号",
    "手机号码",
    "电话",
    "电话号码",
    "联系电话",
    "联系方式",
    "联系",
    "打",
    "拨打",
    "致电",
    "座机",
    "tel",
    "call",
]
_PHONE_FILLERS = ["我", "给", "是", "为", ":", "号", "号码", "方式", "我的"]
_TRACKING_CONTEXT = ["快递单号", "运单号", "物流单号", "快递号", "运单", "面单号"]
_TRACKING_PREFIX = ["快递", "物流", "运单", "顺丰", "中通", "圆通", "韵达", "申通", "邮政"]
_TRACKING_TAIL = ["单号", "号", "单", "编号"]
_OTHER_CONTEXT = [
    "邮编",
    "邮政编码",
    "验证码",
    "校验码",
    "qq",
    "qq号",
    "微信",
    "微信号",
    "尾号",
    "后四位",
    "后六位",
    "后几位",
    "密码",
    "工号",
    "身份证",
    "身份证号",
    "卡号",
    "银行卡",
    "发票号",
    "房间",
]
_NOT_PREFIXES = frozenset({"qq", "tel", "no", "id", "rmb", "vx", "wx", "call", "pin", "sms"})
_FILLERS = ["是", "为", ":", "#", "(", "[", "【", "「", "“", '"', "'", "就是", "=", "no", "no."]

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
    (ORDER_ID, "bare"): 0.75,
    (PHONE, "ctx"): 0.95,
    (PHONE, "intl"): 0.9,
    (PHONE, "bare"): 0.85,
    (MONEY, "amount"): 0.9,
    (DATE, "date"): 0.9,
    (DATE, "day"): 0.7,
    (TRACKING_NO, "ctx"): 0.9,
    (OTHER_NUMBER, "ctx"): 0.9,
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


def _is_id_token(token: Token) -> bool:
    return bool(token._.complaint_merged or _GROUP.fullmatch(token.text))


def _compact_id(token: Token) -> str:
    """Upper-case id without separators; "" for non-ids and numbers followed by 元/块/万."""
    if not _is_id_token(token):
        return ""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is not None and following.lower_ in _AMOUNT_FOLLOWERS:
        return ""
    return _ID_SEPARATORS.sub("", token.text).upper()


_EXTENSION_DEFAULTS: Dict[str, Any] = {
    "complaint_merged": False,  # joined from groups by the merger
    "complaint_id": "",  # compact upper-case id, "" when the token cannot be one
    "complaint_mobile": False,
    "complaint_has_digit": False,
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


def _annotate(doc: Doc) -> None:
    for token in doc:
        compact = _compact_id(token)
        token._.complaint_id = compact
        token._.complaint_mobile = bool(_MOBILE.fullmatch(compact))
        token._.complaint_has_digit = any(c.isdigit() for c in compact)
        token._.complaint_number = _is_number(token)


# ----------------------------------------------------------------------------- the merger


def _group_ok(token: Token, first: bool) -> bool:
    """Whether a group may be part of an id: digits in it, or a short letter prefix ("LS").

    Letter words that introduce a number ("QQ 3847...", "tel 138...") are not prefixes.
    """
    text = token.lower_
    if any(c.isdigit() for c in text):
        return first or len(text) >= 2
    return first and len(text) <= 4 and text not in _NOT_PREFIXES


def _looks_like_date(groups: Sequence[str]) -> bool:
    """2024 11 / 2024-11-23 written with spaces or dashes is a date, not an order."""
    if len(groups) not in (2, 3) or not all(g.isdigit() for g in groups):
        return False
    if not re.fullmatch(r"(19|20)\d{2}", groups[0]) or not 1 <= len(groups[1]) <= 2:
        return False
    if not 1 <= int(groups[1]) <= 12:
        return False
    return len(groups) == 2 or (len(groups[2]) <= 2 and 1 <= int(groups[2]) <= 31)


def _id_runs(doc: Doc) -> List[List[Token]]:
    """Maximal runs of id-like tokens joined by one space, dash or underscore."""
    runs: List[List[Token]] = []
    i = 0
    while i < len(doc):
        if not _GROUP.fullmatch(doc[i].text):
            i += 1
            continue
        groups = [doc[i]]
        j = i
        while True:
            current = doc[j]
            if (
                current.whitespace_ == " "
                and j + 1 < len(doc)
                and _GROUP.fullmatch(doc[j + 1].text)
            ):
                groups.append(doc[j + 1])
                j += 1
            elif (
                current.whitespace_ == ""
                and j + 2 < len(doc)
                and doc[j + 1].text in ("-", "_")
                and doc[j + 1].whitespace_ == ""
                and _GROUP.fullmatch(doc[j + 2].text)
            ):
                groups.append(doc[j + 2])
                j += 2
            else:
                break
        if len(groups) > 1:
            runs.append(groups)
        i = j + 1
    return runs


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

    def longest_id(groups: Sequence[Token], start: int) -> int:
        """End (exclusive) of the longest plausible id starting at `start`, or 0.

        Ids are short: the search stops after `_MAX_ID_CHARS` characters or at the first
        group that cannot continue an id, so 5,000 "1 " in a row cost 5,000 steps, not 5,000².
        """
        if not _group_ok(groups[start], first=True):
            return 0
        texts, length, best = [groups[start].text], len(groups[start]), 0
        for end in range(start + 1, len(groups)):
            length += len(groups[end])
            if length > _MAX_ID_CHARS or not _group_ok(groups[end], first=False):
                break
            texts.append(groups[end].text)
            if plausible(texts):
                best = end + 1
        return best

    def merge(doc: Doc) -> Doc:
        spans = []
        for regex in (_NUMERIC_DATE, _GROUPED_NUMBER, _RELATIVE_DATE):
            for match in regex.finditer(doc.text):
                span = doc.char_span(match.start(), match.end())
                if span is not None and len(span) > 1:
                    spans.append(span)
        with doc.retokenize() as retokenizer:
            for span in filter_spans(spans):
                retokenizer.merge(span)
        id_spans = []
        for groups in _id_runs(doc):
            start = 0
            while start < len(groups) - 1:
                end = longest_id(groups, start)
                if end:
                    id_spans.append(doc[groups[start].i : groups[end - 1].i + 1])
                    start = end
                else:
                    start += 1
        with doc.retokenize() as retokenizer:
            for span in id_spans:
                retokenizer.merge(span, attrs={"_": {"complaint_merged": True}})
        _annotate(doc)
        return doc

    return merge


def _trim(doc: Doc) -> Doc:
    """Keep only the number itself of ORDER_ID/PHONE/... matches that carry context words."""
    entities: List[Span] = []
    for ent in doc.ents:
        if ent.label_ in _NUMBER_LABELS and len(ent) > 1:
            entities.append(Span(doc, ent.end - 1, ent.end, label=ent.label_, span_id=ent.id_))
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
    """Wraps the jieba tokenizer and splits tokens that straddle a date boundary."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self._tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self._tokenizer(text)
        cuts = sorted({edge for match in _BOUNDARIES.finditer(text) for edge in match.span()})
        if not cuts:
            return doc
        words: List[str] = []
        spaces: List[bool] = []
        split = False
        for token in doc:
            start, end = token.idx, token.idx + len(token)
            inner = cuts[bisect.bisect_right(cuts, start) : bisect.bisect_left(cuts, end)]
            split = split or bool(inner)
            edges = [start, *inner, end]
            words.extend(text[low:high] for low, high in zip(edges, edges[1:], strict=False))
            spaces.extend([False] * (len(edges) - 2) + [bool(token.whitespace_)])
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


def _optional(tokens: Iterable[str], times: int = 1) -> List[Dict[str, Any]]:
    return [{"LOWER": {"IN": list(tokens)}, "OP": "?"} for _ in range(times)]


_SPACE = {"IS_SPACE": True, "OP": "?"}


def _patterns(order_id_pattern: str) -> List[Dict[str, Any]]:
    """Entity-ruler patterns; `id` records which rule fired (it sets the confidence)."""
    anchored = f"^(?:{order_id_pattern})$"
    order_id = {"_": {"complaint_id": {"REGEX": anchored}, "complaint_has_digit": True}}
    bare_order_id = {**order_id, "_": {**order_id["_"], "complaint_mobile": False}}
    phone_number: TokenPattern = [
        {"_": {"complaint_mobile": True}},
        {"_": {"complaint_id": {"REGEX": f"^{_LANDLINE.pattern}$"}}},
        {"_": {"complaint_id": {"REGEX": f"^{_INTL_MOBILE.pattern}$"}}},
    ]
    any_number = {"_": {"complaint_id": {"REGEX": r"^[0-9A-Z]{4,}$"}}}
    fillers = [_SPACE, *_optional(_FILLERS, 2), _SPACE]

    patterns: List[Dict[str, Any]] = [
        {"label": ORDER_ID, "id": "bare", "pattern": [bare_order_id]},
        {
            "label": ORDER_ID,
            "id": "ctx",
            "pattern": [
                {"LOWER": {"IN": _ORDER_CONTEXT}},
                *_optional(_ORDER_CONTEXT_TAIL),
                *fillers,
                order_id,
            ],
        },
        {"label": PHONE, "id": "bare", "pattern": [{"_": {"complaint_mobile": True}}]},
        {
            "label": PHONE,
            "id": "intl",
            "pattern": [{"ORTH": "+"}, {"_": {"complaint_id": {"REGEX": "^86"}}}],
        },
    ]
    for number in phone_number:
        patterns.append(
            {
                "label": PHONE,
                "id": "ctx",
                "pattern": [
                    {"LOWER": {"IN": _PHONE_CONTEXT}},
                    _SPACE,
                    *_optional(_PHONE_FILLERS, 2),
                    _SPACE,
                    {"ORTH": "+", "OP": "?"},
                    number,
                ],
            }
        )
    not_order_contexts: List[Tuple[str, TokenPattern]] = [
        (TRACKING_NO, [{"LOWER": {"IN": _TRACKING_CONTEXT}}]),
        (TRACKING_NO, [{"LOWER": {"IN": _TRACKING_PREFIX}}, {"LOWER": {"IN": _TRACKING_TAIL}}]),
        (OTHER_NUMBER, [{"LOWER": {"IN": _OTHER_CONTEXT}}]),
        (
            OTHER_NUMBER,
            [{"LOWER": "后"}, {"LOWER": {"IN": ["四位", "六位", "几位", "4位", "6位"]}}],
        ),
    ]
    for label, context in not_order_contexts:
        patterns.append({"label": label, "id": "ctx", "pattern": [*context, *fillers, any_number]})

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


def _entities(doc: Doc, original: str) -> List[ExtractedEntity]:
    found: List[ExtractedEntity] = []
    for ent in doc.ents:
        label, rule = ent.label_, ent.id_
        value: Any
        if label in _NUMBER_LABELS:
            value = ent[-1]._.complaint_id
            if label == PHONE and _INTL_MOBILE.fullmatch(value):
                value = value[2:]
        elif label == MONEY:
            value = _money_value(ent)
        else:
            value = original[ent.start_char : ent.end_char]
        if value is None or value == "":
            continue
        if rule == "day" and original[ent.end_char : ent.end_char + 1] in _NOT_AFTER_DAY:
            continue  # 3号楼, 5号线: a building or a line, not the 3rd
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
    docs = nlp.pipe(normalize(text) for text in originals)
    return [_entities(doc, original) for doc, original in zip(docs, originals, strict=True)]


def extract(text: str, order_id_pattern: Optional[str] = None) -> List[ExtractedEntity]:
    """Order numbers, phone numbers, amounts and dates in `text`, in order of appearance.

    `value` is normalised (ORDER_ID: upper-case without separators; PHONE: digits; MONEY:
    yuan as float; DATE: the text as written); `start`/`end` index `text` itself.
    TRACKING_NO and OTHER_NUMBER entries mark numbers that are NOT orders or phones.
    """
    return extract_many([text], order_id_pattern)[0]
