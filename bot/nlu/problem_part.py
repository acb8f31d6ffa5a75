"""The part of a complaint that says what went wrong: what the category head should read.

Why: the category head reads character n-grams of the whole message, and two kinds of text
beside the problem pull it elsewhere (dialogues_dev14):

* a remedy asked for in a clause of its own ("四件套一直不到 订单DD… 退款", "…還沒收到 我要
  退款"): the n-grams of 退款 are refund_payment's, so a parcel that never came was filed as
  a refund problem (0.73) instead of logistics (0.72 without the clause);
* an order's details pasted from the shop's page ("商品：加厚羽绒服 黑色 L ×1", "实付款：…",
  "物流：顺丰速运 SF…"): the colour and size words read as not_as_described, when the one
  line the customer typed ("袖子开线了") is product_quality.

The remedy head still reads the whole message; the ticket's description keeps every word.
When nothing with words is left ("退款" alone), the whole message is read as before.
"""

from __future__ import annotations

import re
from typing import Optional

from bot.nlu.normalize import has_words, normalize

# A pasted order field: a label of the shop's order page, then a colon ("订单编号：…").
_ORDER_FIELD = re.compile(
    r"^\s*(订单编号|订单号|订单号码|商品|商品名称|商品名|规格|数量|单价|实付款|实付|实付金额|"
    r"订单金额|金额|合计|运费|下单时间|创建时间|付款时间|支付时间|发货时间|成交时间|收货时间|"
    r"物流|物流公司|物流状态|快递|快递公司|运单号|快递单号|配送|配送方式|收货人|收货地址|"
    r"联系电话|手机号|支付方式|支付宝交易号|交易号|店铺|卖家)\s*[:：]"
)
# A page's heading pasted with it ("交易快照"). Unlabelled item lines ("杯套 ×1 ¥0.00") stay:
# that the order holds several things tells a missing one from a parcel that never came.
_ORDER_LINE = re.compile(r"^\s*(交易快照|订单详情|订单信息)\s*$")

# A clause that only asks for a remedy: small words of asking around one remedy's name.
_REMEDY_CLAUSE = re.compile(
    r"^(那|那就|所以)?(我)?(要|想|想要|要求|申请|需要|就要)?(给我|帮我|麻烦|请)?(直接|马上|赶紧|尽快)?"
    r"(仅退款|只退款|退款|退钱|退货退款|退货|换货|换一个|换个新的|补发|补发一个|重新发货|维修)"
    r"(吧|啊|呀|了|谢谢|!)*$"
)
_CLAUSE_BREAK = re.compile(r"[\s,.!?;:~、。…，！？；：～]+")
# An order number with its label: no word of the problem ("订单202411230066").
_ORDER_NUMBER = re.compile(r"(订单编号|订单号|订单|单号|order)?\s*[:：#]?\s*[a-z0-9-]{6,}")


def _without_order_fields(text: str) -> str:
    """The message without the lines pasted from an order page, when it has other lines."""
    lines = text.splitlines()
    if len(lines) < 2:
        return text
    kept = [
        line
        for line in lines
        if not _ORDER_FIELD.search(normalize(line)) and not _ORDER_LINE.search(normalize(line))
    ]
    return "\n".join(kept)


def _without_remedy_clauses(text: str) -> str:
    """The message without its clauses that only ask for a remedy ("退款", "我要退款")."""
    clauses = [part for part in _CLAUSE_BREAK.split(text) if part]
    kept = [part for part in clauses if not _REMEDY_CLAUSE.match(normalize(part))]
    return " ".join(kept) if len(kept) < len(clauses) else text


def problem_part(text: Optional[str]) -> Optional[str]:
    """The message without pasted order fields and remedy-only clauses; None if unchanged.

    None also when what is left has no words: then the whole message is what there is.
    """
    if not text:
        return None
    part = _without_remedy_clauses(_without_order_fields(text))
    if part == text or not has_words(_ORDER_NUMBER.sub(" ", normalize(part))):
        return None
    return part
