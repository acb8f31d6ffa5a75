"""Money back with or without the goods, settled by the order's delivery (`bot.intake.money_back`).

Run at the end of every validation of the complaint form, because the three things it needs
come in any order: the remedy ("退钱" in the opening or at the remedy question), the
category (often a quick reply after the opening) and the order (often asked after the
remedy). Whenever all three are known the remedy is settled; the read-back then shows it.
"""

import logging
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from actions import dependencies
from actions.conversation import latest_text, slots_set_this_turn
from bot.intake import money_back
from bot.orders.service import OrderServiceUnavailable

logger = logging.getLogger(__name__)


async def settled_remedy_events(tracker: Tracker, events: List[EventType]) -> List[EventType]:
    """A SlotSet of the remedy the order's delivery settles, or nothing."""
    if not _inputs_changed(tracker, events):
        return []  # settled on the turn that last changed them: no order lookup per message
    now = _slots_after(tracker, events)
    remedy = now.get("desired_remedy")
    order_id = now.get("order_id")
    if remedy not in ("refund", "return_refund") or not order_id:
        return []
    settled = money_back.settle(
        remedy,
        _words_of_remedy(tracker, events),
        money_back.delivered(await _order(str(order_id))),
        now.get("issue_category"),
    )
    return [SlotSet("desired_remedy", settled)] if settled != remedy else []


_INPUTS = ("desired_remedy", "order_id", "issue_category")


def _inputs_changed(tracker: Tracker, events: List[EventType]) -> bool:
    """Whether this turn set the remedy, the order or the category."""
    set_now = {e.get("name") for e in events if e.get("event") == "slot"}
    return bool((set_now | set(slots_set_this_turn(tracker))) & set(_INPUTS))


def _slots_after(tracker: Tracker, events: List[EventType]) -> Dict[str, Any]:
    """The slots as this validation leaves them."""
    now = {name: tracker.get_slot(name) for name in _INPUTS}
    now.update({e["name"]: e.get("value") for e in events if e.get("event") == "slot"})
    return now


def _words_of_remedy(tracker: Tracker, events: List[EventType]) -> str:
    """The customer's message that named the remedy as it stands ("" for a quick reply)."""
    if any(e.get("event") == "slot" and e.get("name") == "desired_remedy" for e in events):
        return latest_text(tracker)
    if "desired_remedy" in slots_set_this_turn(tracker):
        return latest_text(tracker)
    words = ""
    said = ""
    for event in tracker.events:
        if event.get("event") == "user":
            text = (event.get("text") or "").strip()
            said = "" if text.startswith("/") else text
        elif event.get("event") == "slot" and event.get("name") == "desired_remedy":
            words = said
    return words


async def _order(order_id: str) -> Optional[Dict[str, Any]]:
    """The order as the order service knows it; None when unknown or unavailable."""
    try:
        return await dependencies.order_service().get_order(order_id)
    except OrderServiceUnavailable as exc:
        logger.warning("order service unavailable, remedy left as said: %s", exc)
        return None
