"""What the shop's records say about a parcel the customer says never came or never left.

Why: "四件套一直没发货" with an order the shop shipped a week ago (carrier and waybill in the
record) was asked for a remedy and a screenshot of the tracking page, and the customer was
never told what an agent would have said at once: it left on the 19th with 韵达, waybill
YD…. Said once, before the next question, without arguing: the agent still checks with the
carrier (lead's hand trial, 2026-12-03).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Dict, List, Mapping, Optional, Tuple
from zoneinfo import ZoneInfo

from bot.intake.answers import plain_answer

_NOT_SHIPPED = re.compile(r"(没|未|不|还没|一直没|迟迟不|迟迟没|冇|未有)(有)?(发货|发出|寄出|发)")
_NOT_ARRIVED = re.compile(
    r"(没|未|还没|一直没|冇|未有)(有)?(收到|到货|送到|送来|到)|(收|等)不到|没见到(包裹|快递)"
)
_SAYS_SIGNED = re.compile(r"签收|已送达|显示送到|显示到了")
# What else a customer waits for: money, a gift, an answer. "退款还没到", "赠品没收到" and
# "一直没收到回复" are about no parcel, so its record is no answer to them.
_NOT_A_PARCEL = re.compile(
    r"退款|退的钱|钱|款|红包|返现|优惠券|券|积分|发票|赠品|礼品|礼物|送的|赠|回复|回电|电话|短信|消息|"
    r"验证码|补偿|赔偿|答复|通知|说法"
)
_A_PARCEL = re.compile(r"快递|包裹|(?<!退)货(?!款)|物流|东西")
# Categories whose "没收到" may be the parcel's; a wrong or missing item came in a parcel
# that did arrive, a promised gift or a refund is no parcel.
_PARCEL_CATEGORIES = (None, "logistics", "other")


def shipment_facts(
    order: Mapping[str, Any],
    description: str,
    tz_name: str,
    category: Optional[str] = None,
) -> Optional[Tuple[str, Dict[str, str]]]:
    """The response telling what the record says, with its values; None when it adds nothing.

    Shipped but "没发货" or "没收到" (on its way): when and with whom it left, and the waybill
    to follow it. Delivered but "没收到" (and the customer has not said it shows as signed
    for): when it was signed for. Only with a carrier and a waybill number to give.
    """
    clauses = _parcel_clauses(description, category)
    plain = "".join(clauses)
    carrier, waybill = order.get("carrier"), order.get("tracking_no")
    if not plain or not carrier or not waybill:
        return None
    values = {"carrier": str(carrier), "tracking_no": str(waybill)}
    status = order.get("status")
    not_arrived = any(_NOT_ARRIVED.search(clause) for clause in clauses)
    never_left = status in ("shipped", "delivered") and any(
        _NOT_SHIPPED.search(clause) for clause in clauses
    )
    if never_left or (status == "shipped" and not_arrived):
        day = _day(order.get("shipped_at"), tz_name)
        return ("utter_order_record_shipped", {**values, "shipped_on": day}) if day else None
    if status == "delivered" and not_arrived and not _SAYS_SIGNED.search(plain):
        day = _day(order.get("delivered_at"), tz_name)
        return ("utter_order_record_delivered", {**values, "delivered_on": day}) if day else None
    return None


def _parcel_clauses(description: str, category: Optional[str]) -> List[str]:
    """The clauses that may speak of the parcel; none when the complaint is about something else.

    A clause naming money, a gift or an answer waited for is left out unless it names the
    parcel too ("钱付了 货还没收到").
    """
    if category not in _PARCEL_CATEGORIES:
        return []
    clauses = plain_answer(description or "").split()
    return [c for c in clauses if _A_PARCEL.search(c) or not _NOT_A_PARCEL.search(c)]


def _day(moment: Any, tz_name: str) -> Optional[str]:
    """`11月19日` in the shop's zone, from the record's ISO time; `2024年11月19日` in another year."""
    zone = ZoneInfo(tz_name)
    try:
        when = datetime.fromisoformat(str(moment)).astimezone(zone)
    except (TypeError, ValueError):
        return None
    year = f"{when.year}年" if when.year != datetime.now(zone).year else ""
    return f"{year}{when.month}月{when.day}日"
