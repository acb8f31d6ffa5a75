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
order beats a bare one, a number the customer takes back or sets aside loses, else the first;
one the customer calls wrong itself is never filed), and the Rasa component passes on only
that one.

The merger, the trimmer and the tokenizer live in `bot.nlu.number_merger` (the runs of groups
in `bot.nlu.number_groups`, where an id ends in `bot.nlu.number_joins`), the kind of each
number in `bot.nlu.number_kinds`, the customer's corrections of an order's digits in
`bot.nlu.number_corrections`, the choice of one order among several in `bot.nlu.order_choice`,
the shapes and words they share in `bot.nlu.number_shapes`; this module registers the
components, holds the entity-ruler patterns and the public API.

Pipelines are built on first use and cached per order-number pattern; nothing is built at
import time.
"""

import functools
import re
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, TypedDict

from spacy.language import Language
from spacy.tokens import Doc

from bot.nlu.last_resort import labelled_letters, last_resort
from bot.nlu.normalize import normalize, normalize_digits, order_label_typos
from bot.nlu.number_corrections import amended, corrects_named_mistake, picked_by_tail
from bot.nlu.number_kinds import (
    corrects,
    money_value,
    register_extensions,
    retracted,
    set_aside,
    voided,
)
from bot.nlu.number_merger import RELATIVE_DATE, BoundaryTokenizer, build_token_merger, trim
from bot.nlu.number_shapes import (
    CURRENCY,
    DATE,
    INTL_MOBILE,
    MAGNITUDE,
    MONEY,
    NUMBER_LABELS,
    ORDER_ID,
    OTHER_NUMBER,
    PHONE,
    TRACKING_NO,
    UNITS,
)
from bot.nlu.number_words import WEAK_ORDER_WORDS, left_word
from bot.nlu.order_choice import (
    earlier_orders,
    picked_by_counter,
    picked_by_qualifier,
    picked_by_repetition,
    secondary_orders,
    told_by_position,
)
from bot.settings import Settings

DEFAULT_ORDER_ID_PATTERN: str = Settings.order_id_pattern

TokenPattern = List[Dict[str, Any]]

_MERGER = "complaint_token_merger"
_TRIMMER = "complaint_entity_trimmer"

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

_VOID = 0.2  # an order the customer calls wrong itself: never filed (see `primary_order`)
_CONFIDENCE: Dict[Tuple[str, str], float] = {
    (ORDER_ID, "ctx"): 0.95,
    (ORDER_ID, "weak"): 0.93,  # named by 单号 or 商户单号 (`WEAK_ORDER_WORDS`)
    (ORDER_ID, "post"): 0.9,
    (ORDER_ID, "bare"): 0.75,
    (ORDER_ID, "void"): _VOID,
    (ORDER_ID, "retracted"): 0.3,
    (ORDER_ID, "aside"): 0.5,
    (ORDER_ID, "last"): 0.6,  # the one id-shaped run when every rule abstains
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


class ExtractedEntity(TypedDict):
    """One entity found in a message; `start`/`end` index the original text."""

    label: str
    value: Any
    text: str
    start: int
    end: int
    confidence: float


def _register_factories() -> None:
    """Register the custom components with spaCy once (not at import time)."""
    if not Language.has_factory(_MERGER):

        def make_merger(nlp: Language, name: str, order_id_pattern: str) -> Callable[[Doc], Doc]:
            return build_token_merger(re.compile(order_id_pattern))

        Language.factory(
            _MERGER,
            default_config={"order_id_pattern": DEFAULT_ORDER_ID_PATTERN},
            func=make_merger,
        )
    if not Language.has_factory(_TRIMMER):
        Language.component(_TRIMMER, func=trim)  # type: ignore[arg-type]


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
    magnitude = {"LOWER": {"IN": list(MAGNITUDE)}, "OP": "?"}
    unit = {"LOWER": {"IN": list(UNITS)}}
    cn_amount = r"^[零〇一二两三四五六七八九十百千万]*[十百千万][零〇一二两三四五六七八九十百千万]*多?[块元]$"
    money: List[TokenPattern] = [
        [number, magnitude, {"LOWER": "多", "OP": "?"}, unit, {"LOWER": "钱", "OP": "?"}],
        [{"LOWER": {"IN": CURRENCY}}, _SPACE, number, magnitude],
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
        [{"TEXT": {"REGEX": f"^(?:{RELATIVE_DATE.pattern})$"}}],
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
    register_extensions()
    _register_factories()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.tokenizer = BoundaryTokenizer(nlp.tokenizer)
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
        if label in NUMBER_LABELS:
            value = ent[-1]._.complaint_id
            if label == PHONE and INTL_MOBILE.fullmatch(value):
                value = _national(value)
        elif label == MONEY:
            value = money_value(ent)
        else:
            value = original[ent.start_char : ent.end_char]
        if value is None or value == "":
            continue
        if rule == "day" and original[ent.end_char : ent.end_char + 1] in _NOT_AFTER_DAY:
            continue  # 3号楼, 5号线: a building or a line, not the 3rd
        if label == ORDER_ID and rule == "ctx" and _weakly_named(doc.text, ent[-1].idx):
            rule = "weak"  # "商户单号 M… 订单号 2411…": the one 订单号 names wins
        if label == ORDER_ID and amended(ent[-1], value) != value:
            value, rule = amended(ent[-1], value), "corrected"  # "X 不对 后四位是 5568"
        elif label == ORDER_ID and corrects_named_mistake(ent[-1]):
            rule = "corrected"  # "X → Y 打反了": X was typed with two digits swapped
        elif label == ORDER_ID and voided(ent[-1]):
            rule = "void"
        elif label == ORDER_ID and retracted(ent[-1]):
            rule = "retracted"
        elif label == ORDER_ID and corrects(ent[-1]):
            rule = "corrected"
        elif label == ORDER_ID and set_aside(ent[-1]):
            rule = "aside"
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
    _pick_by_tail(found, doc.text)
    if _LAST_RESORT and not any(e["label"] == ORDER_ID for e in found):
        _add_last_resort(found, doc, original)
    return found


_LAST_RESORT = True


def _add_last_resort(found: List[ExtractedEntity], doc: Doc, original: str) -> None:
    """When every rule abstains, the message's one id-shaped run (`bot.nlu.last_resort`)."""
    pattern = doc.user_data.get("complaint_order_pattern")
    claimed = [(int(e["start"]), int(e["end"])) for e in found]
    taken = last_resort(doc.text, claimed, re.compile(pattern or DEFAULT_ORDER_ID_PATTERN))
    if taken is None:
        taken = labelled_letters(original)
    if taken is None:
        return
    start, end, value = taken
    found.append(
        ExtractedEntity(
            label=ORDER_ID,
            value=value,
            text=original[start:end],
            start=start,
            end=end,
            confidence=_CONFIDENCE[(ORDER_ID, "last")],
        )
    )
    found.sort(key=lambda e: int(e["start"]))


def _weakly_named(text: str, start: int) -> bool:
    """Whether the order word before the number at `start` is one of `WEAK_ORDER_WORDS`."""
    return left_word(text, start) in WEAK_ORDER_WORDS


def _pick_by_tail(found: List[ExtractedEntity], text: str) -> None:
    """Of several orders, the one named after them wins as a correction.

    By its last digits: "X Y 两个都试试吧 应该是68结尾那个" chose Y (`picked_by_tail`); by
    the word before its label: "旧订单 X 新订单 Y 新的这个有问题" chose Y (`picked_by_qualifier`);
    by its counter in a list: "订单1：X 订单2：Y，订单2少发了" chose Y (`picked_by_counter`);
    by its place, said after both: "X 和 Y 后面那个才是订单" chose Y, "第一个是退款单号" drops X
    and "这两个都不是订单号" both (`told_by_position`); by being named again after the list:
    "一单 X 一单 Y 只有 Y 没发" chose Y (`picked_by_repetition`). An earlier purchase before this
    time's ("上次 X …，这次 Y", `earlier_orders`) and a child or add-on order beside the main one
    ("子订单号 X 父订单 Y", `secondary_orders`) are set aside (ord28).
    """
    orders = [e for e in found if e["label"] == ORDER_ID and e["confidence"] > _VOID]
    if not orders:
        return
    picked = picked_by_tail(text[orders[0]["end"] :], [str(e["value"]) for e in orders])
    spans = [(int(e["start"]), int(e["end"]), str(e["value"])) for e in orders]
    if picked is None:
        picked = picked_by_qualifier(text, spans) or picked_by_counter(text, spans)
    placed = told_by_position(text, spans)
    weak = {int(e["start"]) for e in orders if e["confidence"] < _CONFIDENCE[(ORDER_ID, "bare")]}
    picked = picked or placed.picked or picked_by_repetition(text, spans, weak)
    # "上次 X 那单…，这次 Y 又…", "子订单号 X 父订单 Y" (ord28)
    earlier = earlier_orders(text, spans) | secondary_orders(text, spans)
    for entity in orders:
        if entity["value"] == picked:
            entity["confidence"] = _CONFIDENCE[(ORDER_ID, "corrected")]
        elif entity["value"] in placed.not_orders:
            entity["confidence"] = _VOID  # "第一个是退款单号": no order, never filed
        elif entity["value"] in placed.set_aside or entity["value"] in earlier:
            entity["confidence"] = min(entity["confidence"], _CONFIDENCE[(ORDER_ID, "aside")])


def one_copy(text: str) -> str:
    """The message's first copy when it is the same text twice, blanks between; else itself.

    A customer who pastes a message twice means what one copy means: read whole, the
    second copy's number followed the first's words ("X是我的手机 不是订单号 X…": the
    second X after 订单号; "X 最后一位多了 订单号 X…": X taken back, then given again), or
    their groups ran into each other. The first copy starts the text, so offsets hold.
    """
    stripped = text.rstrip()
    lead = len(stripped) - len(stripped.lstrip())
    body = stripped[lead:]
    for blanks in range(1, _MAX_REPEAT_BLANKS + 1):
        size, odd = divmod(len(body) - blanks, 2)
        if size <= 0 or odd:
            continue
        if body[size : size + blanks].isspace() and body[:size] == body[size + blanks :]:
            return text[: lead + size]
    return text


_MAX_REPEAT_BLANKS = 3


def _with_original(nlp: Language, text: str) -> Doc:
    """The normalised text as a Doc that keeps the customer's own text in `user_data`.

    Normalising keeps the length but not the script: a rule that must tell digits typed in
    ASCII from numerals read out ("订单 二四…一八 723，…" vs "订单号 2024…5567 99，…") reads
    the original at the same offsets (`number_groups._stray_tail`).
    """
    doc = nlp.make_doc(normalize_digits(order_label_typos(normalize(text))))
    doc.user_data["complaint_original"] = text
    return doc


def extract_many(
    texts: Sequence[str], order_id_pattern: Optional[str] = None
) -> List[List[ExtractedEntity]]:
    """`extract` for several texts at once (one `nlp.pipe` pass)."""
    nlp = build_pipeline(order_id_pattern or DEFAULT_ORDER_ID_PATTERN)
    originals = [one_copy(text or "") for text in texts]
    docs = nlp.pipe(_with_original(nlp, text) for text in originals)
    return [_entities(doc, original) for doc, original in zip(docs, originals, strict=True)]


def primary_order(entities: Sequence[ExtractedEntity]) -> Optional[ExtractedEntity]:
    """The one order a complaint is about, when a message holds several ORDER_IDs.

    A complaint files one order. A correction ("更正：Y", "应该是Y") beats the rest; a number
    called an order ("订单号...") beats one that only looks like an id; one the customer takes
    back ("不是X，是Y", "X写错了", "X 哦不对") loses to any other, and one called wrong
    itself ("X 不对 这个不是 我再找找", "X 作废了") is never filed, even alone: the customer
    will give the right one. One set aside ("X 没问题，Y 坏了", "X 退过了") loses to any
    other; among equals the first wins.
    """
    orders = [e for e in entities if e["label"] == ORDER_ID and e["confidence"] > _VOID]
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

    Every ORDER_ID is returned, in order (one taken back with confidence 0.3, one called
    wrong itself 0.2); the Rasa component keeps only `primary_order`.

    `value` is normalised (ORDER_ID: upper-case without separators; PHONE: digits; MONEY:
    yuan as float; DATE: the text as written); `start`/`end` index `text` itself.
    TRACKING_NO and OTHER_NUMBER entries mark numbers that are NOT orders or phones.
    """
    return extract_many([text], order_id_pattern)[0]
