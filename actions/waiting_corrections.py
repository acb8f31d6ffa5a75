"""A fact the customer corrects while their ticket waits: the ticket is corrected.

Why (trial12, dialogues_dev23): "我想了想还是换货吧 不退了" and "订单号给错了 应该是…" written
after filing went into the transcript only, and the customer was told "已补充": the agent
opened a ticket that still asked for 退货退款 on the wrong order. While nobody has claimed the
ticket (`waiting_facts` is called only then, and the store sets facts only then) the remedy
and the order number the customer corrects replace the filed ones, audited as the customer's
changes; the customer is told what changed. A claimed ticket keeps its fields: its agent
reads the transcript.
"""

from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import latest_entity, slots_set_this_turn
from actions.tickets import lookup_order
from bot.intake.after_filing import remedy_changed, says_number_was_wrong
from bot.taxonomy import remedy_label

CORRECTABLE = ("desired_remedy", "order_id")


async def corrected_facts(tracker: Tracker, ticket: Dict[str, Any], text: str) -> Dict[str, Any]:
    """The filed facts this message corrects, with the fields that change along."""
    values: Dict[str, Any] = {}
    filed_remedy = ticket.get("desired_remedy")
    remedy = remedy_changed(text, filed_remedy) if filed_remedy else None
    if remedy:
        values["desired_remedy"] = remedy
    named = number_corrected(tracker, ticket, text)
    if named:
        order = await lookup_order(named)
        values.update(order_id=named, order_verified=bool(order), order_data=order)
    return values


def number_corrected(tracker: Tracker, ticket: Dict[str, Any], text: str) -> Optional[str]:
    """The order number given instead of the filed one, when the message says it was wrong."""
    named = slots_set_this_turn(tracker).get("order_id") or latest_entity(tracker, "order_id")
    filed = ticket.get("order_id")
    if not named or not filed or str(named) == filed or not says_number_was_wrong(text):
        return None
    return str(named)


def tell_corrections(
    dispatcher: CollectingDispatcher, before: Dict[str, Any], after: Dict[str, Any]
) -> bool:
    """Say what this message changed in the ticket; whether anything did.

    Only filed values replaced count: a field filled while empty is news of another kind.
    """
    changed: List[str] = [
        name for name in CORRECTABLE if before.get(name) and before.get(name) != after.get(name)
    ]
    if "desired_remedy" in changed:
        dispatcher.utter_message(
            response="utter_ticket_remedy_corrected",
            ticket_id=after["id"],
            remedy=remedy_label(after.get("desired_remedy")),
        )
    if "order_id" in changed:
        dispatcher.utter_message(
            response="utter_ticket_order_corrected",
            ticket_id=after["id"],
            order_id=after.get("order_id"),
        )
    return bool(changed)
