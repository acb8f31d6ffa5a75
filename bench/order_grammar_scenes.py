"""Whole-message scenes for the order grammar: what its independent axes cannot compose.

Why: `bench.order_grammar` composes one order phrase with independent axes (label, shape,
separators, surroundings, other numbers), so every case holds one number the customer means.
What a customer also writes is a scene in which the answer depends on the whole message:
the number read out in Chinese numerals, a correction or a retraction after it, two orders
of which one is the complaint's, the id inside a link among tracking parameters, a pasted
order-details page full of labelled numbers, keycap or mathematical digits, a dictation
with fillers, a hyphenated or #-marked shop id. Each scene knows its answer by construction.
Written by ord11 (2026-11-30) before reading the extractor; `generate(..., version=2)` mixes
these scenes into the grammar, version 1 (the default) draws exactly what it drew before.

Conventions (besides the grammar's): numerals read digit by digit are the digits; a quantity
or a date said in numerals is no id; a number taken back with none given instead is None; a
correction of the last digits rewrites them; of two orders the one the complaint is about
wins; an id in a link's order parameter or after /orders/ is the order, a product, parcel
or user id in a link is not.
"""

from __future__ import annotations

import random
import re
from typing import Callable, Dict, List, Optional, Tuple

from bench.order_grammar import (
    _S2T,
    ID_RE,
    Case,
    _body_not_date_like,
    _digits,
    _prefix,
    fullwidth,
)

SCENE_SHARE = 0.4  # of version-2 cases, this share is a scene, the rest the axis grammar's

LABELS = ("订单号", "订单号是", "订单号：", "订单编号：", "单号 ", "我的订单号是", "订单 ")
PROBLEMS = ("杯子碎了", "到现在没发货", "少发了一件", "收到是坏的", "漏液了")


def _order_id(rng: random.Random) -> str:
    """A plain all-digit order id of 12-19 digits, opening like no year and no phone."""
    if rng.random() < 0.3:
        return f"20{rng.randint(22, 25)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}" + _digits(
            rng, rng.randint(4, 8), False
        )
    return _body_not_date_like(rng, rng.randint(12, 19))


def _grouped(body: str, size: int = 4) -> List[str]:
    """The body cut into groups of `size`, a lone last digit kept on the group before."""
    groups = [body[i : i + size] for i in range(0, len(body), size)]
    if len(groups) > 1 and len(groups[-1]) < 2:
        last = groups.pop()
        groups[-1] += last
    return groups


# ---------------------------------------------------------------------------------------
# Chinese numerals read digit by digit, and numbers said as quantities or dates

_DIGIT_WORDS = {
    "0": ("零", "〇", "洞"),
    "1": ("一", "幺"),
    "2": ("二", "两"),
    "3": ("三",),
    "4": ("四",),
    "5": ("五",),
    "6": ("六",),
    "7": ("七", "拐"),
    "8": ("八",),
    "9": ("九", "勾"),
}
_FINANCIAL = "零壹贰叁肆伍陆柒捌玖"
_SMALL = "零一二三四五六七八九"


def _reading(rng: random.Random) -> Dict[str, str]:
    """One speaker's words for the digits: a voice habit holds through a message."""
    return {d: rng.choice(words) for d, words in _DIGIT_WORDS.items()}


def _say_digits(rng: random.Random, digits: str, style: str) -> str:
    """Digits as a customer or a voice input writes them in numerals."""
    if style == "financial":
        return "".join(_FINANCIAL[int(d)] for d in digits)
    words = _reading(rng)
    if style == "mixed":  # a voice input that gives some digits as numerals
        return "".join(words[d] if rng.random() < 0.5 else d for d in digits)
    return "".join(words[d] for d in digits)


def _cn_number(n: int) -> str:
    """1..99 as a quantity is said (十一, 二十三), for months and days."""
    if n < 10:
        return _SMALL[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _SMALL[tens]) + "十" + (_SMALL[ones] if ones else "")


def _quantity(rng: random.Random) -> str:
    """A quantity said in numerals: an amount, a count, a duration (never an id)."""
    return rng.choice(
        (
            f"花了{rng.choice('一两三五八')}千{rng.choice('二三五六')}百块",
            f"一共{rng.choice('二三五')}百{rng.choice('二五八')}十元",
            f"等了{_cn_number(rng.randint(3, 20))}天",
            f"买了{rng.choice('两三五')}件",
            f"{rng.choice('一两三')}万{rng.choice('二五')}千块的东西",
        )
    )


def _date_words(rng: random.Random) -> str:
    year = _say_digits(rng, str(rng.randint(2023, 2025)), "words").replace("两", "二")
    return f"{year}年{_cn_number(rng.randint(1, 12))}月{_cn_number(rng.randint(1, 28))}号买的"


def _numerals(rng: random.Random, null: bool) -> Tuple[str, Optional[str], Dict[str, str]]:
    style = rng.choice(("words", "words", "financial", "mixed"))
    spacing = rng.choice(("none", "space", "voice-comma", "each"))
    if null:
        variant = rng.choice(("quantity", "date", "phone", "partial"))
        text = {
            "quantity": lambda: _quantity(rng) + "，" + rng.choice(PROBLEMS),
            "date": lambda: _date_words(rng) + " " + rng.choice(PROBLEMS),
            "phone": lambda: (
                rng.choice(("我电话", "手机号"))
                + _say_digits(rng, f"1{rng.choice('3589')}" + _digits(rng, 9, False), "words")
            ),
            "partial": lambda: (
                rng.choice(("订单号尾号", "订单后四位是"))
                + _say_digits(rng, _digits(rng, 4, False), "words")
            ),
        }[variant]()
        return text, None, {"variant": variant}
    body = _order_id(rng)
    said = [_say_digits(rng, g, style) for g in _grouped(body)]
    joiner = {"none": "", "space": " ", "voice-comma": "，", "each": ""}[spacing]
    number = joiner.join(said)
    if spacing == "each":
        number = " ".join(number)
    text = rng.choice(LABELS) + number
    if rng.random() < 0.4:
        text += "，" + _quantity(rng)
    text += "，" + rng.choice(PROBLEMS)
    return text, body, {"style": style, "spacing": spacing}


# ---------------------------------------------------------------------------------------
# Corrections and retractions after the number

_CN_COUNT = {2: "两", 3: "三", 4: "四"}
_REPLACED_BY = (
    " 不对不对 是 ",
    "，打错了，应该是 ",
    "，哦不，是 ",
    " 前面那个作废 正确的是 ",
    " 更正一下 是 ",
    " sorry 是 ",
    "，等等，我看错了，是 ",
    " 不好意思发错了 是 ",
    "\n不对\n是 ",
    " 这个不对，正确的是 ",
)
_RETRACTED = (" 不对 这个不是 我再找找", " 作废了 我等下重新发", " 是错的 正确的我忘了")


def _other_digits(rng: random.Random, old: str) -> str:
    while True:
        new = _digits(rng, len(old), False)
        if new != old and new[0] != old[0]:
            return new


def _correction(rng: random.Random, null: bool) -> Tuple[str, Optional[str], Dict[str, str]]:
    wrong = _order_id(rng)
    head = rng.choice(LABELS) + wrong
    if null:
        return head + rng.choice(_RETRACTED), None, {"variant": "retracted"}
    variant = rng.choice(("replaced", "replaced", "last-digit", "last-n"))
    if variant == "replaced":
        right = _order_id(rng)
        return head + rng.choice(_REPLACED_BY) + right, right, {"variant": variant}
    n = 1 if variant == "last-digit" else rng.choice((2, 3, 4))
    old, new = wrong[-n:], _other_digits(rng, wrong[-n:])
    right = wrong[:-n] + new
    if n == 1:
        said = rng.choice(
            (
                f" 最后一位是{new}不是{old}",
                f"，最后一位不是{old}是{new}",
                f" 尾数应该是{new}，不是{old}",
            )
        )
    else:
        count = _CN_COUNT[n]
        said = rng.choice(
            (
                f" 不对不对 后{count}位是 {new}",
                f" 后{count}位错了 应该是 {new}",
                f" 最后{count}位不是{old}是{new}",
            )
        )
    return head + said, right, {"variant": variant}


# ---------------------------------------------------------------------------------------
# Two orders, one of them the complaint's

_TWO_ORDERS = (  # {A} is the complaint's order, {B} the other; {P} a problem
    "我有两个订单 {B} 和 {A}，有问题的是第二个",
    "我有两个订单 {A} 和 {B}，{P}的是第一个",
    "两个订单：{B} 没问题，{A} {P}",
    "{B} 是上次的，这次要投诉的是 {A}",
    "{A} 和 {B} 都是我的，{P}的是前面那个",
    "{B} 和 {A} 都是我的，{P}的是后面那个",
    "{B} 这个订单没问题，{A} 这个订单{P}",
    "上一单 {B} 好评了，这单 {A} {P}",
    "订单 {B} 已经收到了没问题，另一个订单 {A} {P}",
    "我下了两单，出问题的是 {A}，另一单 {B} 正常",
    "订单 {B} 退过了不用管，现在说的是 {A}",
)


def _two_orders(rng: random.Random, null: bool) -> Tuple[str, Optional[str], Dict[str, str]]:
    complained, other = _order_id(rng), _order_id(rng)
    if complained == other:
        raise _Again
    template = rng.choice(_TWO_ORDERS)
    text = template.format(A=complained, B=other, P=rng.choice(PROBLEMS))
    return text, complained, {"variant": str(_TWO_ORDERS.index(template))}


# ---------------------------------------------------------------------------------------
# An order id inside a link, among tracking parameters

_TRACKING = (
    "spm=a1z09.2.0.0.67002e8d",
    "utm_source=wechat&utm_medium=share",
    "from=app&t=17323{n5}",
    "utm_campaign=20241111&utm_source=sms",
    "sid=abc123def456",
    "refer_page_name=personal",
)
_ORDER_LINKS = (
    "https://trade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId={id}&{tp}",
    "https://order.jd.com/center/item.action?orderid={id}&{tp}",
    "https://mobile.yangkeduo.com/order.html?order_sn={pdd}&{tp}",
    "https://shop.example.com/orders/{id}/detail?{tp}",
    "https://www.example.com/checkout/success?orderNumber={pid}&{tp}",
    "https://shop.example.com/order/detail?order_no={pid}&{tp}",
    "https://h5.example.cn/#/order/{id}?{tp}",
    "taobao://trade/detail?orderId={id}",
)
_OTHER_LINKS = (
    "https://item.taobao.com/item.htm?id={n12}&{tp}",
    "https://item.jd.com/{n12}.html?{tp}",
    "https://www.kuaidi100.com/chaxun?com=shunfeng&nu=SF{n13}",
    "https://shop.example.com/user/{n8}?tab=orders&{tp}",
)
_LINK_BEFORE = ("", "订单详情 ", "你们看 ", "就是这个 ")
_LINK_AFTER = (" 东西破了", " 一直没发货", " 帮我查一下", " 少发了", "")


def _link(rng: random.Random, null: bool) -> Tuple[str, Optional[str], Dict[str, str]]:
    tp = rng.choice(_TRACKING).replace("{n5}", _digits(rng, 5, False))
    fill = {
        "tp": tp,
        "n12": _digits(rng, 12),
        "n13": _digits(rng, 13, False),
        "n8": _digits(rng, 8),
    }
    template = rng.choice(_OTHER_LINKS if null else _ORDER_LINKS)
    expected: Optional[str] = None
    if "{pdd}" in template:
        day = f"{rng.randint(22, 25)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        tail = _digits(rng, 15, False)
        fill["pdd"], expected = f"{day}-{tail}", day + tail
    elif "{pid}" in template:
        prefix = rng.choice(("SO", "ORD", "WX", "") + (_prefix(rng),))
        body = _order_id(rng)
        fill["pid"], expected = prefix + body, (prefix + body).upper()
    elif "{id}" in template:
        fill["id"] = expected = _order_id(rng)
    before = "" if null else rng.choice(_LINK_BEFORE)  # an order word would name a product id
    text = before + template.format(**fill) + rng.choice(_LINK_AFTER)
    return text, expected, {"variant": template.split("?")[0].split("/")[2]}


# ---------------------------------------------------------------------------------------
# A pasted order-details page


def _page_lines(rng: random.Random, english: bool) -> List[str]:
    """The page's other labelled lines: payments, parcels, times, amounts, products."""
    day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    clock = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    if english:
        return [
            f"Order date: {day} {clock}",
            f"Payment ID: {_digits(rng, 13)}",
            f"Tracking No: 1Z999AA1{_digits(rng, 10, False)}",
            f"Total: US${rng.randint(5, 300)}.{rng.randint(10, 99)}",
        ]
    return [
        f"支付宝交易号：2024{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}2200{_digits(rng, 14, False)}",
        f"微信支付单号：4200{_digits(rng, 18, False)}",
        f"物流单号：{rng.choice(('SF', 'YT', 'JT'))}{_digits(rng, 13, False)}",
        f"创建时间：{day} {clock}",
        f"付款时间：{day} {clock}",
        f"实付款：¥{rng.randint(5, 3000)}.{rng.choice(('00', '90', '50'))}",
        f"商品编号：{_digits(rng, 12)}",
        f"售后单号：{_digits(rng, 15)}",
        "收货人：张**  138****5678",
    ]


def _pasted_page(rng: random.Random, null: bool) -> Tuple[str, Optional[str], Dict[str, str]]:
    english = rng.random() < 0.25
    others = _page_lines(rng, english)
    lines = rng.sample(others, rng.randint(2, min(5, len(others))))
    expected: Optional[str] = None
    if not null:
        expected = _order_id(rng)
        label = rng.choice(
            ("Order ID: ", "Order Number: ") if english else ("订单编号：", "订单号：", "订单编号 ")
        )
        copy = "" if english else rng.choice(("", " 复制"))
        lines.insert(rng.randint(0, len(lines)), label + expected + copy)
    heading = rng.choice(("", "Order details\n" if english else "【订单详情】\n"))
    newline = rng.choice(("\n", "\n", "\r\n"))
    return heading + newline.join(lines), expected, {"variant": "english" if english else "cjk"}


# ---------------------------------------------------------------------------------------
# Fancy digits, dictation with fillers, marked and hyphenated ids


def _keycap(d: str) -> str:
    return d + "\ufe0f\u20e3"


_SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_DINGBAT = "⓿❶❷❸❹❺❻❼❽❾"
_FANCY: Dict[str, Callable[[str], str]] = {
    "keycap": _keycap,
    "superscript": lambda d: _SUPERSCRIPT[int(d)],
    "math-bold": lambda d: chr(0x1D7CE + int(d)),
    "math-sans-bold": lambda d: chr(0x1D7EC + int(d)),
    "dingbat": lambda d: _DINGBAT[int(d)],
    "fullwidth": fullwidth,
}


def _fancy(rng: random.Random, null: bool) -> Tuple[str, Optional[str], Dict[str, str]]:
    style = rng.choice(tuple(_FANCY))
    draw = _FANCY[style]
    if null:
        phone = f"1{rng.choice('3589')}" + _digits(rng, 9, False)
        text = rng.choice(
            (
                "电话 " + "".join(draw(d) for d in phone) + " 联系我",
                f"第{draw(str(rng.randint(2, 9)))}次投诉了",
                f"等了{draw(str(rng.randint(2, 9)))}天 🤬",
            )
        )
        return text, None, {"variant": style}
    body = _order_id(rng)
    spaced = rng.random() < 0.3 and style != "keycap"
    number = (
        " ".join("".join(draw(d) for d in g) for g in _grouped(body))
        if spaced
        else "".join(draw(d) for d in body)
    )
    wrap = rng.choice((("", ""), ("👉", "👈"), ("「", "」"), (" ", " ")))
    text = (
        rng.choice(LABELS)
        + wrap[0]
        + number
        + wrap[1]
        + rng.choice(("", " " + rng.choice(PROBLEMS)))
    )
    return text, body, {"variant": style}


_FILLERS = ("，嗯，", " 呃 ", "...", "……", " 然后 ", "，那个，", "，等一下，", " 嗯 ")


def _pauses(rng: random.Random, null: bool) -> Tuple[str, Optional[str], Dict[str, str]]:
    body = _order_id(rng)
    filler = rng.choice(_FILLERS)
    text = rng.choice(LABELS) + filler.join(_grouped(body)) + rng.choice(("", "，对", " 对的"))
    return text, body, {"variant": filler.strip() or "space"}


# Letters that label a number rather than belong to it (WeChat and QQ accounts, serials).
_LABELS_NOT_PREFIXES = frozenset({"WX", "VX", "QQ", "SN", "NR", "REF", "NUM", "TEL", "SMS", "PIN"})
_MARKS = ("订单 #", "No.", "订单No:", "单号№", "#订单号# ", "订单＃", "Order #: ", "订单 No. ")
_QUOTES = (("「", "」"), ("『", "』"), ("“", "”"), ("‘", "’"), ("`", "`"), ("〈", "〉"))


def _marked(rng: random.Random, null: bool) -> Tuple[str, Optional[str], Dict[str, str]]:
    variant = rng.choice(("mark", "quote", "hyphen-prefix", "lower-prefix"))
    if variant == "mark":
        body = _order_id(rng)
        text, expected = rng.choice(_MARKS) + body, body
    elif variant == "quote":
        body = _order_id(rng)
        left, right = rng.choice(_QUOTES)
        text, expected = (
            rng.choice(("订单号", "订单号是", "订单编号：")) + left + body + right,
            body,
        )
    else:
        prefix = _prefix(rng)
        while not 2 <= len(prefix) <= 3 or prefix in _LABELS_NOT_PREFIXES:
            prefix = _prefix(rng)
        body = _order_id(rng)
        if variant == "hyphen-prefix":
            number = prefix + "-" + "-".join(_grouped(body, rng.choice((4, 5))))
        else:
            prefix = prefix.lower()
            number = prefix + body
        text, expected = (
            rng.choice(("订单号 ", "订单号：", "订单编号 ")) + number,
            (prefix + body).upper(),
        )
    return text + rng.choice(("", " " + rng.choice(PROBLEMS))), expected, {"variant": variant}


# ---------------------------------------------------------------------------------------
# Composition

Scene = Callable[[random.Random, bool], Tuple[str, Optional[str], Dict[str, str]]]
SCENES: Dict[str, Tuple[Scene, bool]] = {  # name -> (composer, whether it has a null form)
    "numerals": (_numerals, True),
    "correction": (_correction, True),
    "two-orders": (_two_orders, False),
    "link": (_link, True),
    "pasted-page": (_pasted_page, True),
    "fancy-digits": (_fancy, True),
    "pauses": (_pauses, False),
    "marked": (_marked, False),
}


_NUMERAL_CHARS = frozenset("零〇洞一幺二两兩三四五六七八九拐勾壹贰貳叁肆伍陆陸柒捌玖")


def _numbers_in(text: str) -> Tuple[List[str], int]:
    """The Latin letter/digit runs and the count of numeral characters: what must survive."""
    return re.findall(r"[0-9A-Za-z]+", text), sum(c in _NUMERAL_CHARS for c in text)


class _Again(Exception):
    """A scene that came out ambiguous (two equal ids, a converted digit): draw again."""


def compose_scene(rng: random.Random, null: bool, scene: Optional[str] = None) -> Case:
    """One scene message; `null` asks for one without an order (only scenes that have one)."""
    names = [n for n, (_, has_null) in SCENES.items() if has_null or not null]
    for _ in range(50):
        name = scene or rng.choice(names)
        try:
            text, expected, axes = SCENES[name][0](rng, null)
        except _Again:
            continue
        script = "traditional" if rng.random() < 0.25 else "simplified"
        if script == "traditional":
            converted = _S2T.convert(text)
            if _numbers_in(converted) != _numbers_in(text):
                continue  # OpenCC's phrase table rewrote a digit run
            text = converted
        if expected is not None and not ID_RE.match(expected):
            continue
        return Case(text, expected, {"scene": name, "script": script, **axes})
    raise RuntimeError(f"no scene composed for {scene!r}")
