"""A seeded grammar of complaint messages whose order number is known by construction.

Why: nine hand-written development rounds each repeated their author's habits, and the
held-out list still has a miss none of them showed. This module composes messages from
independent axes (the label and where it stands, the id's shape, the separators inside it,
what surrounds it, the other numbers in the message, the script) so that every combination
is tried, and each case's expected order id is known from how it was built, not written by
hand. It was written (ord10, 2026-11-30) before reading the extractor, its tests or the
earlier cases; only the spec and the conventions in the headers of order_numbers_dev8.yml
and dev9.yml were read. It is NOT held-out material.

Conventions kept (the earlier headers'): the expected value is the normalised order id
(upper-case, half-width, no separators, ^[A-Z0-9]{6,24}$ with a digit) or None; a partial
number (尾号, 后四位) is None; the number called an order wins over every other number; a
tracking number alone is None; one to four Latin letters glued before the digits after the
label are part of the number; a platform name before the label is not; inside an all-digit
run after the label, O/o is 0 and l/I is 1. Only cases whose answer is unambiguous under
these conventions are composed: a number with no label is only ever a long all-digit run
(12+ digits, never an 11-digit mobile shape) and then every other number in the message
carries its own label, unit or unmistakable shape.

    PYTHONPATH=. .venv/bin/python -m bench.order_grammar --write bench/data/order_numbers_dev10.yml
    PYTHONPATH=. .venv/bin/python -m bench.order_grammar --sample 5
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from opencc import OpenCC

ID_RE = re.compile(r"^(?=.*[0-9])[A-Z0-9]{6,24}$")
_S2T = OpenCC("s2t")

# Letters never read as digits (O, I, L), units (K, W), look-alikes (B, S, Z) or couriers (J, Y).
SAFE_LETTERS = "ACDEFGHMNPQRTUVX"
# Prefixes that would make the id something else (a courier, a word, a label).
_BANNED_PREFIXES = {"SF", "YT", "JT", "YD", "ZT", "EMS", "ZTO", "STO", "YTO", "JD", "DD", "TB"}
_BANNED_PREFIXES |= {"NO", "ID", "PO", "RMB", "CNY", "HK", "TW", "AM", "PM", "QQ", "VX", "TEL"}


@dataclass(frozen=True)
class Case:
    """One composed message, its expected order id (or None) and the axis values it used."""

    text: str
    expected: Optional[str]
    axes: Dict[str, str] = field(default_factory=dict)

    def axes_text(self) -> str:
        """The axes as one short `key=value` line, for a YAML file and for grouping misses."""
        return " ".join(f"{k}={v}" for k, v in sorted(self.axes.items()))


# ---------------------------------------------------------------------------------------
# Characters


def fullwidth(text: str) -> str:
    """ASCII letters, digits and punctuation as their full-width forms (IME full-width mode)."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def _digits(rng: random.Random, n: int, first_nonzero: bool = True) -> str:
    head = str(rng.randint(1, 9)) if first_nonzero else str(rng.randint(0, 9))
    return head + "".join(str(rng.randint(0, 9)) for _ in range(n - 1))


def _letters(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SAFE_LETTERS) for _ in range(n))


# ---------------------------------------------------------------------------------------
# Axis: the id's shape. A shape gives (canonical prefix, canonical body, native rendering or None)


@dataclass(frozen=True)
class IdParts:
    """An order id as built: letters glued in front, the rest, and a fixed native form if any."""

    prefix: str
    body: str
    native: Optional[str] = None
    body_is_digits: bool = True

    @property
    def canonical(self) -> str:
        return (self.prefix + self.body).upper()


def _prefix(rng: random.Random) -> str:
    while True:
        candidate = _letters(rng, rng.randint(1, 4))
        if candidate not in _BANNED_PREFIXES and not any(
            candidate.startswith(b) for b in ("SF", "YT", "JT", "ZT", "EMS")
        ):
            return candidate


# Openings that make a number a phone with its country code (86 1xx, 852, 886 9) or a date.
_AMBIGUOUS_OPENINGS = ("19", "20", "852", "8869", *(f"861{d}" for d in "3456789"))


def _body_not_date_like(rng: random.Random, n: int) -> str:
    """Digits that open like no year (19xx/20xx) and no phone with its country code."""
    while True:
        body = _digits(rng, n)
        if not body.startswith(_AMBIGUOUS_OPENINGS):
            return body


SHAPES: Dict[str, Callable[[random.Random], IdParts]] = {
    "digits-short": lambda r: IdParts("", _body_not_date_like(r, r.randint(6, 11))),
    "digits-12": lambda r: IdParts("", _body_not_date_like(r, 12)),
    "digits-long": lambda r: IdParts("", _body_not_date_like(r, r.randint(13, 24))),
    "digits-dated": lambda r: IdParts(
        "",
        f"20{r.randint(22, 25)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
        + _digits(r, r.randint(4, 10), False),
    ),
    "phone-shaped": lambda r: IdParts("", f"1{r.choice('3456789')}" + _digits(r, 9, False)),
    "prefix-upper": lambda r: IdParts(_prefix(r), _body_not_date_like(r, r.randint(6, 16))),
    "prefix-lower": lambda r: IdParts(_prefix(r).lower(), _body_not_date_like(r, r.randint(6, 16))),
    "prefix-fullwidth": lambda r: IdParts(_prefix(r), _body_not_date_like(r, r.randint(6, 16))),
    "letters-inside": lambda r: IdParts(
        "",
        _body_not_date_like(r, 6)
        + _letters(r, 2)
        + _digits(r, 2, False)
        + _letters(r, 1)
        + _digits(r, 3, False),
        body_is_digits=False,
    ),
}


def _platform(rng: random.Random, name: str) -> IdParts:
    """Platforms' own printed forms: the dashes are theirs, so no other separator is added."""
    if name == "amazon":
        a, b, c = _digits(rng, 3), _digits(rng, 7, False), _digits(rng, 7, False)
        return IdParts("", a + b + c, f"{a}-{b}-{c}")
    if name == "ebay":
        a, b, c = _digits(rng, 2), _digits(rng, 5, False), _digits(rng, 5, False)
        return IdParts("", a + b + c, f"{a}-{b}-{c}")
    if name == "temu":
        a, b = _digits(rng, 3), _digits(rng, 17, False)
        return IdParts("PO", a + b, f"PO-{a}-{b}")
    if name == "xiaohongshu":
        body = _digits(rng, 18)
        return IdParts("P", body, "P" + body)
    if name == "pinduoduo":
        day = f"{rng.randint(22, 25)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        tail = _digits(rng, 15, False)
        return IdParts("", day + tail, f"{day}-{tail}")
    # shopee: yymmdd + eight letters and digits
    day = f"{rng.randint(22, 25)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    mixed = "".join(rng.choice(SAFE_LETTERS + "23456789") for _ in range(7)) + rng.choice(
        SAFE_LETTERS
    )
    return IdParts("", day + mixed, day + mixed, body_is_digits=False)


PLATFORMS = ("amazon", "ebay", "temu", "xiaohongshu", "pinduoduo", "shopee")

# ---------------------------------------------------------------------------------------
# Axis: separators inside the number, grouping, width, typos

SEPARATORS: Dict[str, str] = {
    "none": "",
    "space": " ",
    "ideographic-space": "\u3000",
    "nbsp": "\u00a0",
    "tab": "\t",
    "newline": "\n",
    "hyphen": "-",
    "u2010": "\u2010",
    "nb-hyphen": "\u2011",
    "en-dash": "\u2013",
    "em-dash": "\u2014",
    "bar": "\u2015",
    "fullwidth-minus": "\uff0d",
    "katakana-long": "\u30fc",
    "cjk-one": "\u4e00",
    "underscore": "_",
    "dot": ".",
    "slash": "/",
    "middot": "\u00b7",
}
GROUPINGS = ("3", "4", "mixed")
WIDTHS = ("half", "full", "mixed")
TYPOS = ("none", "O", "o", "l", "I", "fullwidth-O")


def _groups(body: str, grouping: str, rng: random.Random) -> List[str]:
    """The digit body cut into groups: all of three, all of four, or of three to six."""
    if grouping == "mixed":
        sizes: List[int] = []
        while sum(sizes) < len(body):
            sizes.append(rng.randint(3, 6))
    else:
        sizes = [int(grouping)] * (len(body) // int(grouping) + 1)
    out, at = [], 0
    for size in sizes:
        if at >= len(body):
            break
        out.append(body[at : at + size])
        at += size
    if len(out) > 1 and len(out[-1]) < 2:  # a lone trailing digit reads as a partial
        last = out.pop()
        out[-1] += last
    return out


def _apply_typo(groups: List[str], typo: str, rng: random.Random) -> Tuple[List[str], bool]:
    """Put one OCR/typing look-alike for 0 or 1 strictly inside a group (digits on both sides)."""
    wanted = "1" if typo in ("l", "I") else "0"
    spots = [
        (g, i)
        for g, group in enumerate(groups)
        for i in range(1, len(group) - 1)
        if group[i] == wanted and group[i - 1].isdigit() and group[i + 1].isdigit()
    ]
    if not spots:
        return groups, False
    g, i = rng.choice(spots)
    mark = {"O": "O", "o": "o", "l": "l", "I": "I", "fullwidth-O": "\uff2f"}[typo]
    groups = list(groups)
    groups[g] = groups[g][:i] + mark + groups[g][i + 1 :]
    return groups, True


def _widen(text: str, width: str, rng: random.Random) -> str:
    if width == "full":
        return fullwidth(text)
    if width == "mixed":
        return "".join(fullwidth(c) if c.isdigit() and rng.random() < 0.5 else c for c in text)
    return text


# ---------------------------------------------------------------------------------------
# Axis: labels (before / after / none) and what joins them to the number

LABELS_BEFORE: Dict[str, Tuple[str, ...]] = {
    # value -> label text; connectors chosen by _connectors
    "订单号": ("订单号",),
    "订单编号": ("订单编号",),
    "订单": ("订单",),
    "单号": ("单号",),
    "订单id": ("订单id",),
    "订单ID": ("订单ID",),
    "訂單號": ("訂單號",),
    "訂單編號": ("訂單編號",),
    "张单": ("我张单",),
    "单子": ("单子",),
    "typo-定单号": ("定单号",),
    "typo-订丹号": ("订丹号",),
    "typo-订单好": ("订单好",),
    "typo-订单號": ("订单號",),
    "typo-丁单号": ("丁单号",),
    "pinyin": ("dingdan hao", "dingdanhao", "dingdan bianhao", "Dingdan hao"),
    "english": (
        "order no.",
        "Order No",
        "order number",
        "Order ID",
        "order#",
        "Order Number",
        "my order is",
    ),
    "platform-before": (
        "淘宝订单号",
        "京东订单号",
        "拼多多订单号",
        "JD订单号",
        "抖音订单编号",
        "TB订单号",
        "天猫订单",
    ),
}
LATIN_LABELS = ("pinyin", "english")
CONNECTORS_CJK = ("", " ", "是", "：", ":", "为", "=", "是：", " : ", "：\n", "  ")
CONNECTORS_LATIN = (" ", ": ", "：", ":", " is ")
CONNECTORS_ID = (" ", ":", "：", "是", " : ")  # after 订单id: never glued, letters would run on
LABELS_AFTER = (
    "{id}这个订单",
    "{id} 这个订单",
    "{id}是我的订单号",
    "{id}是订单号",
    "{id}那个单子",
    "{id} 这单",
    "{id}（订单号）",
    "就是{id}这个单子",
    "{id} 这个订单号",
)
LABELS_CANTONESE_BEFORE = ("張單", "我張單", "單號", "訂單號碼", "訂單編號", "柯打號碼")
CONNECTORS_CANTONESE = ("係", "係：", "：", " ", "")
LABELS_CANTONESE_AFTER = ("{id}呢張單", "{id} 嗰張單", "{id}係我張單")

# ---------------------------------------------------------------------------------------
# Axis: surroundings

CONTEXT_BEFORE = (
    "收到的杯子碎了",
    "你好",
    "客服在吗",
    "我要投诉",
    "东西到现在没发货",
    "衣服尺码发错了",
    "麻烦帮我查查",
    "买的耳机没声音",
    "退款到现在还没到账",
    "包裹被压扁了",
    "亲",
)
CONTEXT_AFTER = (
    "麻烦处理",
    "给我补发",
    "快点处理",
    "怎么回事",
    "谢谢",
    "我要退货退款",
    "杯子碎了",
    "到现在没发货",
    "请尽快回复",
    "帮我看看",
)
NUMERAL_TAILS = ("一直没发货", "两天了还没到", "十天了还没发", "三天没人理", "一直显示待发货")
CANTONESE_BEFORE = ("我啲嘢爛咗", "點解仲未寄出", "唔該幫我查下", "收到嘅杯爛咗", "喂")
CANTONESE_AFTER = ("唔該晒", "幾時寄返俾我", "快啲搞掂佢", "仲未收到", "點算")
WRAPS = {
    "none": ("", ""),
    "【】": ("【", "】"),
    "[]": ("[", "]"),
    "（）": ("（", "）"),
    "()": ("(", ")"),
    "「」": ("「", "」"),
    "《》": ("《", "》"),
    "“”": ("“", "”"),
    '""': ('"', '"'),
    "''": ("'", "'"),
}
TAILS = {
    "end": "",
    "glued-cjk": "@CJK",
    "glued-numeral-word": "@NUM",
    "space-cjk": " @CJK",
    "comma": "，@CJK",
    "！！！": "！！！",
    "？？": "？？",
    "～": "～",
    "。。。": "。。。",
    "emoji": "😭",
    "emoji-run": "🙏🙏🙏",
    "period": "。@CJK",
    "newline": "\n@CJK",
}
HEADS = {
    "none": "",
    "glued-cjk": "@CJK",
    "space": "@CJK ",
    "comma": "@CJK，",
    "newline": "@CJK\n",
    "mention": "@客服小美 ",
    "mention-glued": "@小二 @CJK，",
    "url": "https://shop.example.com/help @CJK，",
    "emoji": "😡😡@CJK ",
    "～": "@CJK～～",
}

# ---------------------------------------------------------------------------------------
# Axis: distractors. Each: (make text, typed) where `typed` means its own label, unit or
# unmistakable shape names it, so it may stand beside an unlabelled order number too.


def _phone(r: random.Random) -> str:
    return f"1{r.choice('3456789')}{_digits(r, 9, False)}"


def _date(r: random.Random) -> Tuple[int, int, int]:
    return r.randint(2023, 2025), r.randint(1, 12), r.randint(1, 28)


Distractor = Tuple[Callable[[random.Random], str], bool]
DISTRACTORS: Dict[str, Distractor] = {
    "phone-labelled": (
        lambda r: r.choice(("电话", "手机号", "我的手机", "联系电话：")) + _phone(r),
        True,
    ),
    "phone-bare": (lambda r: _phone(r), False),
    "phone-spaced": (lambda r: "手机 " + (lambda p: f"{p[:3]} {p[3:7]} {p[7:]}")(_phone(r)), True),
    "phone+86": (lambda r: r.choice(("+86 ", "+86", "+86-")) + _phone(r), True),
    "hotline-400": (
        lambda r: (
            r.choice(("打了400-", "客服热线400-", "打400"))
            + f"{_digits(r, 3, False)}-{_digits(r, 4, False)}没人接"
        ),
        True,
    ),
    "hotline-800": (lambda r: f"800-{_digits(r, 3, False)}-{_digits(r, 4, False)}打不通", True),
    "landline": (lambda r: r.choice(("座机010-", "座机0755-", "固话021-")) + _digits(r, 8), True),
    "amount-yuan": (lambda r: f"{r.randint(10, 99999)}{r.choice(('元', '块', '块钱'))}", True),
    "amount-large": (lambda r: f"花了{r.randint(100000, 999999)}元", True),
    "amount-symbol": (
        lambda r: (
            r.choice(("￥", "¥", "¥ ", "RMB", "RMB "))
            + f"{r.randint(10, 9999)}{r.choice(('', '.00', '.5'))}"
        ),
        True,
    ),
    "amount-wk": (lambda r: f"{r.randint(1, 9)}{r.choice(('w', 'k', '万', '千'))}", True),
    "amount-thousands": (lambda r: f"付了{r.randint(1, 9)},{_digits(r, 3, False)}元", True),
    "price-decimal": (lambda r: f"单价{r.randint(1, 999)}.{r.randint(10, 99)}", True),
    "date-iso": (lambda r: "{}-{:02d}-{:02d}".format(*_date(r)) + "买的", True),
    "date-slash": (lambda r: "{}/{}/{}".format(*_date(r)) + "下单", True),
    "date-cn": (lambda r: "{1}月{2}日".format(*_date(r)) + "买的", True),
    "date-compact": (lambda r: "{}{:02d}{:02d}".format(*_date(r)) + "那天买的", True),
    "date-ym": (lambda r: "{}年{}月".format(*_date(r)) + "买的", True),
    "datetime": (
        lambda r: (
            "下单时间 {}-{:02d}-{:02d} ".format(*_date(r))
            + f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}"
        ),
        True,
    ),
    "time": (lambda r: f"今天{r.randint(0, 23):02d}:{r.randint(0, 59):02d}签收的", True),
    "count": (
        lambda r: (
            r.choice(("买了", "一共", "共 "))
            + f"{r.randint(2, 30)}{r.choice(('件', '个', '箱', ' 件'))}"
        ),
        True,
    ),
    "duration": (lambda r: f"{r.randint(2, 15)}天了", True),
    "tracking-labelled": (
        lambda r: (
            r.choice(("快递单号", "运单号：", "物流单号 ", "顺丰单号"))
            + r.choice(("SF", "YT", "JT", "ZTO"))
            + _digits(r, 13, False)
        ),
        True,
    ),
    "tracking-bare": (lambda r: r.choice(("SF", "YT", "JT")) + _digits(r, 13, False), True),
    "tracking-digits-labelled": (
        lambda r: r.choice(("中通快递", "韵达快递单号", "快递单号：")) + _digits(r, 13),
        True,
    ),
    "aftersales": (
        lambda r: r.choice(("售后单号", "售后编号：", "退款单号 ", "退货单号：")) + _digits(r, 16),
        True,
    ),
    "coupon": (
        lambda r: (
            r.choice(("优惠码", "券码：", "优惠券码 ")) + _letters(r, 4) + _digits(r, 4, False)
        ),
        True,
    ),
    "product-id": (
        lambda r: r.choice(("商品编号", "商品ID：", "SKU ", "货号：")) + _digits(r, 12),
        True,
    ),
    "verification": (
        lambda r: r.choice(("验证码", "验证码是", "取件码 ")) + _digits(r, 6, False),
        True,
    ),
    "id-card": (
        lambda r: (
            r.choice(("身份证号", "身份证 "))
            + f"110101{r.randint(1960, 2005)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
            + _digits(r, 3, False)
            + r.choice("0123456789X")
        ),
        True,
    ),
    "12315": (lambda r: r.choice(("我要打12315", "再不处理就投诉到12315", "已经打了12315")), True),
    "order-word-amount": (
        lambda r: (
            r.choice(("订单金额", "订单总价", "订单实付"))
            + f"{r.randint(10, 9999)}{r.choice(('元', '.00元', '块'))}"
        ),
        True,
    ),
    "order-word-date": (
        lambda r: (
            r.choice(("订单日期", "下单日期：", "订单时间 ")) + "{}-{:02d}-{:02d}".format(*_date(r))
        ),
        True,
    ),
    "order-word-count": (lambda r: f"订单里{r.randint(2, 9)}件", True),
    "product-url": (lambda r: f"商品链接 https://item.jd.com/{_digits(r, 12)}.html", False),
}
DISTRACTOR_NAMES = tuple(DISTRACTORS)

# ---------------------------------------------------------------------------------------
# Null kinds: messages with no order number (or only part of one)

NULL_KINDS: Dict[str, Callable[[random.Random, str], str]] = {
    "partial-tail": lambda r, lab: (
        r.choice((f"{lab}尾号", f"{lab}后四位是", f"{lab}最后几位 ", f"{lab}尾数"))
        + _digits(r, r.choice((4, 4, 6)), False)
    ),
    "partial-head": lambda r, lab: f"{lab}前几位是{_digits(r, r.randint(4, 8))}后面的忘了",
    "label-no-number": lambda r, lab: r.choice(
        (f"{lab}找不到了", f"{lab}在截图里", f"没有{lab}", f"{lab}忘了", f"{lab}等下发你")
    ),
    "tracking-alone": lambda r, lab: DISTRACTORS[
        r.choice(("tracking-labelled", "tracking-bare", "tracking-digits-labelled"))
    ][0](r),
    "other-number": lambda r, lab: DISTRACTORS[
        r.choice(("aftersales", "product-id", "coupon", "verification", "id-card"))
    ][0](r),
    "order-word-trap": lambda r, lab: DISTRACTORS[
        r.choice(("order-word-amount", "order-word-date", "order-word-count"))
    ][0](r),
    "distractors-only": lambda r, lab: DISTRACTORS[
        r.choice(
            (
                "phone-labelled",
                "phone+86",
                "amount-yuan",
                "date-iso",
                "count",
                "12315",
                "hotline-400",
            )
        )
    ][0](r),
}
NULL_LABELS = ("订单号", "订单", "订单编号", "单号", "訂單號", "张单")

# ---------------------------------------------------------------------------------------
# Composition


def _cjk(rng: random.Random, pool: Sequence[str], template: str) -> str:
    return template.replace("@CJK", rng.choice(pool))


def _render_id(rng: random.Random, parts: IdParts, axes: Dict[str, str]) -> str:
    """The number as the customer typed it, per the shape/separator/grouping/width/typo axes."""
    if parts.native is not None:
        text = parts.native
        axes.update(sep="native", grouping="native", typo="none")
        return _widen(text, axes["width"], rng) if axes["width"] != "mixed" else text
    groups = _groups(parts.body, axes["grouping"], rng)
    if axes["typo"] != "none":
        groups, applied = _apply_typo(groups, axes["typo"], rng)
        if not applied:
            axes["typo"] = "none"
    if axes["sep"] in ("dot", "slash", "middot") and len(groups) < 3:
        axes["sep"] = "none"  # "2118.73" is a price and "2118/73" a fraction, not an id
    sep = SEPARATORS[axes["sep"]]
    body = sep.join(groups)
    if axes["width"] == "full" or axes["shape"] == "prefix-fullwidth":
        prefix = fullwidth(parts.prefix)
    else:
        prefix = parts.prefix
    if axes["typo"] == "fullwidth-O":
        axes["width"] = "full"
    return prefix + _widen(body, axes["width"], rng)


def _constrain(rng: random.Random, axes: Dict[str, str]) -> None:
    """Bend the later axes so the case stays unambiguous under the conventions."""
    if axes["label_pos"] == "none":
        if axes["shape"] not in ("digits-12", "digits-long", "digits-dated"):
            axes["shape"] = rng.choice(("digits-12", "digits-long", "digits-dated"))
        if axes["sep"] not in ("none", "space", "hyphen"):
            axes["sep"] = rng.choice(("none", "space"))
        axes["grouping"] = "4"
        axes["typo"] = "none"
        axes["wrap_scope"] = "id"
    if axes["shape"] == "phone-shaped" and axes["label_pos"] != "before":
        axes["shape"] = "digits-12"
    if axes["shape"] == "letters-inside" or axes["shape"].startswith("platform-"):
        axes["typo"] = "none"
        axes["sep"] = "none"
        axes["grouping"] = "4"
    if axes["shape"] == "digits-dated" and axes["sep"] != "none":
        axes["grouping"] = "4"  # 2024 1123 5567, never 2024 11 23
    if axes["shape"].startswith("prefix") and axes["typo"] != "none":
        axes["typo"] = "none"  # a look-alike next to letters reads as a letter
    if axes["label_pos"] != "before":
        axes["typo"] = "none"
    if axes["sep"] == "cjk-one" and axes["tail"] == "glued-numeral-word":
        axes["tail"] = "glued-cjk"
    if axes["sep"] in ("dot", "slash") and axes["grouping"] == "mixed":
        axes["grouping"] = "4"
    if axes["label_pos"] == "after" and axes["wrap_scope"] == "phrase":
        axes["wrap_scope"] = "id"
    if axes["typo"] == "fullwidth-O":
        axes["width"] = "full"
    if axes["script"] == "cantonese" and axes["label"] in LATIN_LABELS:
        axes["label"] = "cantonese"


def _order_phrase(rng: random.Random, axes: Dict[str, str], id_text: str) -> str:
    """The label (before or after) joined to the number, with the wrap around id or phrase."""
    left, right = WRAPS[axes["wrap"]]
    if axes["wrap_scope"] == "id":
        id_text = left + id_text + right
    cantonese = axes["script"] == "cantonese"
    if axes["label_pos"] == "none":
        phrase = id_text
        axes["label"] = "none"
    elif axes["label_pos"] == "after":
        template = rng.choice(LABELS_CANTONESE_AFTER if cantonese else LABELS_AFTER)
        phrase = template.format(id=id_text)
        axes["label"] = template.format(id="#")
    else:
        if cantonese:
            label, connector = rng.choice(LABELS_CANTONESE_BEFORE), rng.choice(CONNECTORS_CANTONESE)
        else:
            label = rng.choice(LABELS_BEFORE[axes["label"]])
            if label.endswith(("id", "ID")) and axes["label"] not in LATIN_LABELS:
                connector = rng.choice(CONNECTORS_ID)
            elif axes["label"] in LATIN_LABELS:
                connector = rng.choice(CONNECTORS_LATIN)
            else:
                connector = rng.choice(CONNECTORS_CJK)
            if label == "order#":
                connector = rng.choice(("", " "))
            elif label.endswith(" is"):
                connector = " "
        axes["label"] = label
        axes["connector"] = repr(connector)
        phrase = label + connector + id_text
    if axes["wrap_scope"] == "phrase":
        phrase = left + phrase + right
    return phrase


def _joined(rng: random.Random, pieces: List[str]) -> str:
    """Pieces joined by punctuation (never a bare space between two numbers)."""
    out = pieces[0]
    for piece in pieces[1:]:
        out += rng.choice(("，", "。", "！", "；", "\n", "，", " ， ", "。 "))
        out += piece
    return out


AXES: Dict[str, Tuple[str, ...]] = {
    "label_pos": ("before", "before", "before", "before", "after", "none"),
    "label": tuple(LABELS_BEFORE),
    "shape": tuple(SHAPES) + tuple(f"platform-{p}" for p in PLATFORMS),
    "sep": tuple(SEPARATORS),
    "grouping": GROUPINGS,
    "width": WIDTHS,
    "typo": TYPOS,
    "position": ("start", "middle", "end"),
    "head": tuple(HEADS),
    "tail": tuple(TAILS),
    "wrap": tuple(WRAPS),
    "wrap_scope": ("id", "phrase"),
    "distractors": ("0", "1", "2"),
    "script": ("simplified", "simplified", "traditional", "cantonese"),
}


def compose_order(rng: random.Random, forced: Optional[Dict[str, str]] = None) -> Case:
    """One message with an order number in it; `forced` fixes axis values before constraints."""
    axes = {name: rng.choice(values) for name, values in AXES.items()}
    axes.update(forced or {})
    _constrain(rng, axes)
    if axes["shape"].startswith("platform-"):
        parts = _platform(rng, axes["shape"][len("platform-") :])
    else:
        parts = SHAPES[axes["shape"]](rng)
    if axes["shape"] == "prefix-fullwidth":
        axes["width"] = "half" if axes["width"] == "mixed" else axes["width"]
    expected = parts.canonical
    id_text = _render_id(rng, parts, axes)
    phrase = _order_phrase(rng, axes, id_text)
    cantonese = axes["script"] == "cantonese"
    before_pool = CANTONESE_BEFORE if cantonese else CONTEXT_BEFORE
    after_pool = CANTONESE_AFTER if cantonese else CONTEXT_AFTER
    tail = TAILS[axes["tail"]].replace("@NUM", rng.choice(NUMERAL_TAILS))
    head = HEADS[axes["head"]]
    if axes["position"] == "start":
        head = "" if axes["head"] not in ("mention", "url") else head.replace("@CJK，", "")
        axes["head"] = "none" if not head else axes["head"]
    if axes["position"] == "end":
        tail = "" if axes["tail"] != "emoji" else tail
        axes["tail"] = "end" if not tail else axes["tail"]
    core = _cjk(rng, before_pool, head) + phrase + _cjk(rng, after_pool, tail)
    if axes["position"] == "middle" and not core.endswith(tuple(after_pool)):
        core += rng.choice(("，", " ", "。")) + rng.choice(after_pool)
    typed_only = axes["label_pos"] == "none"
    names = [n for n, (_, typed) in DISTRACTORS.items() if typed or not typed_only]
    chosen = [rng.choice(names) for _ in range(int(axes["distractors"]))]
    extra = [DISTRACTORS[name][0](rng) for name in chosen]
    axes["distractor_kinds"] = "+".join(sorted(chosen)) or "none"
    pieces = [core] + extra
    if axes["position"] != "start" and extra:
        rng.shuffle(pieces)
    text = _joined(rng, pieces)
    return _finish(text, expected, axes, id_text)


def compose_null(rng: random.Random, forced: Optional[Dict[str, str]] = None) -> Case:
    """One message with no whole order number: a partial, a label alone, other numbers only."""
    axes = {
        "null_kind": rng.choice(tuple(NULL_KINDS)),
        "script": rng.choice(AXES["script"]),
        "distractors": rng.choice(("0", "1")),
        "head": rng.choice(tuple(HEADS)),
    }
    axes.update(forced or {})
    label = (
        rng.choice(NULL_LABELS)
        if axes["script"] != "cantonese"
        else rng.choice(("張單", "單號", "訂單號碼"))
    )
    core = NULL_KINDS[axes["null_kind"]](rng, label)
    pool = CANTONESE_BEFORE if axes["script"] == "cantonese" else CONTEXT_BEFORE
    core = _cjk(rng, pool, HEADS[axes["head"]]) + core
    names = [n for n, (_, typed) in DISTRACTORS.items() if typed and not n.startswith("phone-bare")]
    chosen = [rng.choice(names) for _ in range(int(axes["distractors"]))]
    extra = [DISTRACTORS[name][0](rng) for name in chosen]
    axes["distractor_kinds"] = "+".join(sorted(chosen)) or "none"
    text = _joined(
        rng,
        [core]
        + extra
        + [rng.choice(CONTEXT_AFTER if axes["script"] != "cantonese" else CANTONESE_AFTER)],
    )
    return _finish(text, None, axes, None)


def _finish(
    text: str, expected: Optional[str], axes: Dict[str, str], id_text: Optional[str]
) -> Case:
    """Apply the script axis and check the invariants that make the answer known."""
    if axes["script"] in ("traditional", "cantonese"):
        converted = _S2T.convert(text)
        if id_text is not None and id_text not in converted:
            raise _Retry("the conversion touched the number")
        text = converted
    if re.search(r"投[诉訴][单單]", text):
        raise _Retry("投诉单号 is a complaint ticket's number, whatever came before")
    if expected is not None and not ID_RE.match(expected):
        raise _Retry(f"not an order id: {expected}")
    if expected is not None and text.count(id_text or "\0") != 1:
        raise _Retry("the number appears twice")
    return Case(text, expected, axes)


class _Retry(Exception):
    """A composition that would be ambiguous: draw again."""


def compose(rng: random.Random, null: bool, forced: Optional[Dict[str, str]] = None) -> Case:
    """A case of the asked kind, redrawn until it satisfies the invariants."""
    for _ in range(50):
        try:
            return compose_null(rng, forced) if null else compose_order(rng, forced)
        except _Retry:
            continue
    raise RuntimeError("the grammar could not compose a case for " + repr(forced))


def generate(count: int, seed: int, null_share: float = 0.25, version: int = 1) -> List[Case]:
    """`count` cases drawn straight from the grammar (the full-grammar measurement).

    Version 1 is the axis grammar alone, exactly as it drew before (seeds keep their cases);
    version 2 makes a share of the cases whole-message scenes (`bench.order_grammar_scenes`:
    numerals, corrections, two orders, links, pasted pages, fancy digits, dictation, marks).
    """
    rng = random.Random(seed)
    if version < 2:
        return [compose(rng, rng.random() < null_share) for _ in range(count)]
    from bench.order_grammar_scenes import SCENE_SHARE, compose_scene

    cases = []
    for _ in range(count):
        scene = rng.random() < SCENE_SHARE
        null = rng.random() < null_share
        cases.append(compose_scene(rng, null) if scene else compose(rng, null))
    return cases


def stratified(count: int, seed: int, null_share: float = 0.25) -> List[Case]:
    """`count` cases in which every value of every axis comes round in turn (shuffled cycles)."""
    rng = random.Random(seed)
    cycles: Dict[str, List[str]] = {}

    def next_value(axis: str, values: Sequence[str]) -> str:
        if not cycles.get(axis):
            cycles[axis] = list(values)  # repeats in an axis's tuple are its weights
            rng.shuffle(cycles[axis])
        return cycles[axis].pop()

    cases = []
    nulls = round(count * null_share)
    kinds = [True] * nulls + [False] * (count - nulls)
    rng.shuffle(kinds)
    for null in kinds:
        if null:
            forced = {
                "null_kind": next_value("null_kind", tuple(NULL_KINDS)),
                "script": next_value("null_script", AXES["script"]),
            }
        else:
            forced = {axis: next_value(axis, values) for axis, values in AXES.items()}
        cases.append(compose(rng, null, forced))
    return cases


# ---------------------------------------------------------------------------------------
# The development file

HEADER = """\
# Tenth development set for order-number extraction, GENERATED by bench/order_grammar.py
# (`stratified(400, seed=10)`), written by ord10 (a helper engineer) on 2026-11-30 BEFORE reading
# the extractor (bot/nlu/*), its tests, docs/order_numbers.md past its first table or any earlier
# development case; only the spec and the header comments of order_numbers_dev8.yml and dev9.yml
# were read. NOT the held-out evaluation: tune against these, never against order_numbers*.yml.
# Status: USED (2026-11-30, ord10: the extractor was fixed against it and the grammar; now a
# regression check). The grammar itself (`generate(n, seed)`) stays a source of fresh cases.
# Format: a list of {text, expected, axes}; expected is the normalised order number (upper-case,
# no separators, ^[A-Z0-9]{6,24}$) or null; axes names the grammar's choices, for grouping misses.
# Conventions of the earlier headers kept: a partial number is null; the number called an order
# wins; a tracking number alone is null; one to four Latin letters glued before the digits after
# the label are part of the number; a platform name before the label is not; O/o and l/I inside
# an all-digit run after the label are 0 and 1.
# The angle: not a person's habits but a grammar's: independent axes composed so that every
# value meets every other - the label (none, 订单号 ... 張單, typos, pinyin, English; before or
# after the number; with 是 : ： 为 = or nothing), the id's shape (6-24 digits, letter prefixes in
# upper, lower and full-width, letters inside, platform forms), separators inside the number
# (spaces of four kinds, tab, newline, eleven dashes, 一, _ . / ·) in groups of 3, 4 or mixed,
# full-width digits and O/l look-alikes, what surrounds it (glued Chinese, numeral words glued
# after, brackets, quotes, emoji, punctuation runs, @mentions, URLs) and one or two other numbers
# (phones, hotlines, amounts, dates, counts, tracking, after-sales, coupons, product ids, codes,
# ID cards, 12315, 订单金额/订单日期), in Simplified, Traditional (OpenCC s2t) and Cantonese.
# About a quarter have no order number. Regenerate with:
#   PYTHONPATH=. .venv/bin/python -m bench.order_grammar --write bench/data/order_numbers_dev10.yml
"""

_INVISIBLE = {"\u3000": "\\u3000", "\u00a0": "\\u00a0", "\u2011": "\\u2011", "\u2010": "\\u2010"}


def _yaml_string(text: str) -> str:
    """A double-quoted YAML scalar; invisible spaces spelled as escapes so a reader sees them."""
    out = json.dumps(text, ensure_ascii=False)
    for char, escape in _INVISIBLE.items():
        out = out.replace(char, escape)
    return out


def to_yaml(cases: Sequence[Case]) -> str:
    lines = [HEADER.rstrip("\n")]
    for case in cases:
        expected = "null" if case.expected is None else _yaml_string(case.expected)
        lines.append(
            f"- {{text: {_yaml_string(case.text)}, expected: {expected}, axes: {_yaml_string(case.axes_text())}}}"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", type=Path, help="write the stratified development file here")
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--sample", type=int, help="print this many stratified cases")
    args = parser.parse_args()
    cases = stratified(args.count, args.seed)
    if args.write:
        args.write.write_text(to_yaml(cases), encoding="utf-8")
        print(
            f"{args.write}: {len(cases)} cases, {sum(c.expected is None for c in cases)} without an order"
        )
    for case in cases[: args.sample or 0]:
        print(repr(case.text), "->", case.expected, "|", case.axes_text())


if __name__ == "__main__":
    main()
