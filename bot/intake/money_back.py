"""Money back with or without the goods: 仅退款 (refund) or 退货退款 (return_refund).

Why: "退钱", "钱退我", "我唔要喇 退錢" name the money, not what becomes of the goods, and the
spec's two codes differ exactly there: refund when nothing is sent back, return_refund when
the goods go back. The customer's words read alone gave refund for a delivered kettle that
broke ("退钱！！", dialogues_dev10 t047) and return_refund for a parcel that never came
("根本没收到 … 退货退款", t049). What settles it is whether the goods are in the customer's
hands, which the order service knows, and whether the goods themselves are the complaint:

- the order not delivered yet (paid, shipped): nothing to send back, refund;
- delivered, the complaint about the goods themselves (quality, not as described, what the
  live-stream host said of them), and the goods given up with the money ("不要了 退钱", "退掉
  吧 钱退我"): they go back, return_refund;
- a bare "退钱"/"退款" for delivered goods stays refund: that is what the words name, and
  development splits written by different people disagree on reading more into them (dev5
  y030/dev8 r050 against dev10 t047); giving the goods up is the customer's to say.
- anything else keeps the customer's word: a parcel broken in transit, a missing piece, a
  double charge (refund), "仅退款", "不用寄回", "我不退货 直接退钱" (refund), a status the
  service does not settle (refunding, unknown orders).
"""

from __future__ import annotations

import re
from typing import Any, Mapping, Optional

from bot.intake.answers import plain_answer
from bot.intake.remedy_answers import GIVE_UP_WORDS

# Complaints about the goods themselves: delivered goods at fault go back with the money.
GOODS_AT_FAULT = frozenset({"product_quality", "not_as_described", "livestream_misleading"})
_NOT_DELIVERED = frozenset({"paid", "shipped"})

# The money asked back in so many words ("退钱", "钱退我", "退款", "把钱还我", "不要了" alone).
_MONEY_BACK = re.compile(
    r"退[款宽钱]|钱退|把钱|(钱|货款)(还|给)(回)?(给)?我|还(给)?(我)?(回)?钱|给回(我)?(些)?钱|"
    r"不要了|不想要了|不要喇|不要啦"
)
# The goods given up ("不要了", "退掉", "寄回去"): they go back with the money.
_GIVES_UP_GOODS = re.compile(
    rf"{GIVE_UP_WORDS}|退掉|退回去|寄回去|退给你们|"
    # sent back to the shop (Cantonese "個壺我寄返俾你哋" → 寄回给你们)
    r"(寄|送)(回|还)给(你们|你|商家|店家|卖家)|"
    # the goods fetched by the shop ("机器你们自己来拉走", dialogues_dev13 n051)
    r"(你们|你)(自己)?(来)?(拉|收|拿|取)(走|回去)"
)
# What the customer says of the goods: kept, or not sent back ("仅退款", "不用寄回", "我唔退貨",
# "东西留着"), or sent back already named (`return_refund` in words, read elsewhere).
_KEEPS_GOODS = re.compile(
    r"仅退|只退|(不|别|无需|不用|不需要|不必)(用)?(寄回|退回|退货|寄|退东西)|东西(我)?留着|"
    r"(东西|货)(我)?(就)?(不退|不寄)"
)


def delivered(order: Optional[Mapping[str, Any]]) -> Optional[bool]:
    """True for a delivered order, False for one paid or shipped but not delivered yet.

    None when the order or its status says neither (unknown order, refund in progress).
    """
    status = str((order or {}).get("status") or "")
    if status == "delivered":
        return True
    if status in _NOT_DELIVERED:
        return False
    return None


def gives_goods_up_for_money(text: str) -> bool:
    """Whether the words ask for the money back and give the goods up, not keeping them."""
    plain = plain_answer(text)
    return (
        bool(_MONEY_BACK.search(plain))
        and bool(_GIVES_UP_GOODS.search(plain))
        and not _KEEPS_GOODS.search(plain)
    )


def settle(
    remedy: Optional[str], words: str, goods_delivered: Optional[bool], category: Optional[str]
) -> Optional[str]:
    """The money-back remedy the order's delivery settles, else `remedy` as it is.

    `words`: the customer's message that named the remedy ("" for a quick reply).
    """
    if remedy == "return_refund" and goods_delivered is False and category == "logistics":
        return "refund"  # a parcel that never came: nothing to send back
    if (
        remedy == "refund"
        and goods_delivered is True
        and category in GOODS_AT_FAULT
        and gives_goods_up_for_money(words)
    ):
        return "return_refund"
    return remedy
