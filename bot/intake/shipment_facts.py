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
from typing import Any, Dict, Mapping, Optional, Tuple
from zoneinfo import ZoneInfo

from bot.intake.answers import plain_answer

_NOT_SHIPPED = re.compile(r"(没|未|不|还没|一直没|迟迟不|迟迟没|冇|未有)(有)?(发货|发出|寄出|发)")
_NOT_ARRIVED = re.compile(
    r"(没|未|还没|一直没|冇|未有)(有)?(收到|到货|送到|送来|到)|(收|等)不到|没见到(包裹|快递)"
)
_SAYS_SIGNED = re.compile(r"签收|已送达|显示送到|显示到了")


def shipment_facts(
    order: Mapping[str, Any], description: str, tz_name: str
) -> Optional[Tuple[str, Dict[str, str]]]:
    """The response telling what the record says, with its values; None when it adds nothing.

    Shipped but "没发货" or "没收到" (on its way): when and with whom it left, and the waybill
    to follow it. Delivered but "没收到" (and the customer has not said it shows as signed
    for): when it was signed for. Only with a carrier and a waybill number to give.
    """
    plain = plain_answer(description or "").replace(" ", "")
    carrier, waybill = order.get("carrier"), order.get("tracking_no")
    if not plain or not carrier or not waybill:
        return None
    values = {"carrier": str(carrier), "tracking_no": str(waybill)}
    status = order.get("status")
    not_arrived = bool(_NOT_ARRIVED.search(plain))
    never_left = status in ("shipped", "delivered") and _NOT_SHIPPED.search(plain)
    if never_left or (status == "shipped" and not_arrived):
        day = _day(order.get("shipped_at"), tz_name)
        return ("utter_order_record_shipped", {**values, "shipped_on": day}) if day else None
    if status == "delivered" and not_arrived and not _SAYS_SIGNED.search(plain):
        day = _day(order.get("delivered_at"), tz_name)
        return ("utter_order_record_delivered", {**values, "delivered_on": day}) if day else None
    return None


def _day(moment: Any, tz_name: str) -> Optional[str]:
    """`11月19日` in the shop's zone, from the record's ISO time; `2024年11月19日` in another year."""
    zone = ZoneInfo(tz_name)
    try:
        when = datetime.fromisoformat(str(moment)).astimezone(zone)
    except (TypeError, ValueError):
        return None
    year = f"{when.year}年" if when.year != datetime.now(zone).year else ""
    return f"{year}{when.month}月{when.day}日"
