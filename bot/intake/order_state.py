"""The order's state, told where it matters: a refund already in progress, goods not shipped.

Why (hand trial trial14; SOP: tell the customer what you already see): the demo order
202411220931 is `refunding` and the bot never said so to a customer asking for their money
back; an order still `paid` (not shipped) was filed for goods "收到压坏了" or "一直没收到"
without a word. Said once, briefly, before the next question; the intake goes on and the
ticket's order facts carry the status for the agent. A parcel shipped or signed for is told
by `bot.intake.shipment_facts`.
"""

from __future__ import annotations

import re
from typing import Any, Mapping, Optional

from bot.intake.answers import plain_answer

REFUNDING = "utter_order_record_refunding"
REFUNDING_OTHER_REMEDY = "utter_order_record_refunding_other_remedy"
NOT_SHIPPED = "utter_order_record_not_shipped"

_MONEY_BACK_REMEDIES = ("refund", "return_refund")
# goods asked again on an order being refunded: an exchange or a reship (dialogues_dev26)
_GOODS_AGAIN_REMEDIES = ("exchange", "reship")
_ASKS_GOODS_AGAIN = re.compile(r"换货|换一|换个|换新|换过|补发|补寄|重发|再发|重新发|补一")
_ASKS_MONEY_BACK = re.compile(r"退款|退钱|退货|退给我|退回|钱.{0,4}(没|还没|未)(到|退)|(没|未)到账")
# goods said to have come (and to be wrong or broken), or a parcel said not to have come
_ABOUT_THE_PARCEL = re.compile(
    r"收到|到货|到手|送到|签收|碎|坏|破|压|裂|漏|(没|未|还没|一直没)(有)?(到|收到|送来|发货)|(收|等)不到|快递|包裹|物流"
)
_PARCEL_CATEGORIES = ("logistics", "wrong_or_missing_item")


def order_state_response(
    order: Mapping[str, Any],
    told: str,
    category: Optional[str] = None,
    remedy: Optional[str] = None,
) -> Optional[str]:
    """The response naming the order's state, when it matters to what was told; else None.

    A refund in progress matters to money asked back (a refund or a return remedy, a refund
    complaint, or words asking it), and to goods asked again (an exchange or a reship, which
    the agent must weigh against the refund); goods not shipped matter to a parcel complained of
    (logistics or a wrong item, or words saying it came or did not).
    """
    status = order.get("status")
    plain = plain_answer(told or "")
    if status == "refunding":
        asks = remedy in _MONEY_BACK_REMEDIES or category == "refund_payment"
        if asks or _ASKS_MONEY_BACK.search(plain):
            return REFUNDING
        if remedy in _GOODS_AGAIN_REMEDIES or (remedy is None and _ASKS_GOODS_AGAIN.search(plain)):
            # the goods asked again while the money is on its way back: both cannot be done,
            # the agent sorts out which with the customer; the wish is filed as said
            return REFUNDING_OTHER_REMEDY
        return None
    if status == "paid":
        parcel = category in _PARCEL_CATEGORIES or _ABOUT_THE_PARCEL.search(plain)
        return NOT_SHIPPED if parcel else None
    return None
