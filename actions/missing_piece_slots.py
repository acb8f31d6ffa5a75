"""One item of a several-item order not received: wrong_or_missing_item, once the order is known.

Run at the end of every validation of the complaint form, like `money_back_slots`: the
description, the category guessed from it and the order come in any order ("202411150420"
first, then "杯套没收到"). The rule itself is `bot.intake.missing_piece`.
"""

import logging
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from actions import dependencies
from actions.conversation import latest_intent, slots_set_this_turn
from bot.intake.missing_piece import names_one_missing_item
from bot.orders.service import OrderServiceUnavailable

logger = logging.getLogger(__name__)

MISSING_ITEM = "wrong_or_missing_item"
# categories the head gives such a message: a parcel that never came, or item lines pasted
# from the order page read as the page's description
_GUESSED_INSTEAD = ("logistics", "not_as_described")
_INPUTS = ("issue_category", "order_id", "issue_description")


async def settled_category_events(tracker: Tracker, events: List[EventType]) -> List[EventType]:
    """A SlotSet of wrong_or_missing_item when the order shows a piece of it missing, or nothing.

    Not against the customer's own word: a category tapped or typed as a correction stays.
    """
    set_now = {e.get("name") for e in events if e.get("event") == "slot"}
    if not (set_now | set(slots_set_this_turn(tracker))) & set(_INPUTS):
        return []  # nothing new to judge: no order lookup per message
    if latest_intent(tracker) in ("inform", "correct"):
        return []
    now = {name: tracker.get_slot(name) for name in _INPUTS}
    now.update({e["name"]: e.get("value") for e in events if e.get("event") == "slot"})
    if now["issue_category"] not in _GUESSED_INSTEAD or not now["order_id"]:
        return []
    order = await _order(str(now["order_id"]))
    items = (order or {}).get("items") or []
    if names_one_missing_item(str(now["issue_description"] or ""), items):
        return [SlotSet("issue_category", MISSING_ITEM)]
    return []


async def _order(order_id: str) -> Optional[Dict[str, Any]]:
    """The order as the order service knows it; None when unknown or unavailable."""
    try:
        return await dependencies.order_service().get_order(order_id)
    except OrderServiceUnavailable as exc:
        logger.warning("order service unavailable, category left as read: %s", exc)
        return None
