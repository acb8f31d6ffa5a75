"""A fact the customer corrects while their ticket waits: the ticket is corrected.

Why (trial12, dialogues_dev23): "我想了想还是换货吧 不退了" and "订单号给错了 应该是…" written
after filing went into the transcript only, and the customer was told "已补充": the agent
opened a ticket that still asked for 退货退款 on the wrong order. While nobody has claimed the
ticket (`waiting_facts` is called only then, and the store sets facts only then) the remedy
and the order number the customer corrects replace the filed ones, audited as the customer's
changes; the customer is told what changed. A claimed ticket keeps its fields: its agent
reads the transcript.

Trial13 (dialogues_dev24): the category too ("不是物流问题，是质量问题"): the ticket went to the
team of the filed one; the evidence it still lacks follows the new category.
"""

from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import latest_entity, slots_set_this_turn
from actions.evidence_uploads import kinds_still_missing
from actions.tickets import lookup_order
from bot.intake.after_filing import category_corrected, remedy_changed, says_number_was_wrong
from bot.taxonomy import category_label, remedy_label

CORRECTABLE = ("issue_category", "desired_remedy", "order_id")
# a filed value that stands for "not told yet": filling it is no correction
_UNSET = {"issue_category": "other"}


async def corrected_facts(tracker: Tracker, ticket: Dict[str, Any], text: str) -> Dict[str, Any]:
    """The filed facts this message corrects, with the fields that change along."""
    values: Dict[str, Any] = {}
    filed_remedy = ticket.get("desired_remedy")
    remedy = remedy_changed(text, filed_remedy) if filed_remedy else None
    if remedy:
        values["desired_remedy"] = remedy
    values.update(_category_corrected(tracker, ticket, text))
    named = number_corrected(tracker, ticket, text)
    if named:
        order = await lookup_order(named)
        values.update(order_id=named, order_verified=bool(order), order_data=order)
    return values


def _category_corrected(tracker: Tracker, ticket: Dict[str, Any], text: str) -> Dict[str, Any]:
    """The category said instead of the filed one, with the evidence it still lacks."""
    category = category_corrected(text, ticket.get("issue_category"))
    if not category:
        return {}
    files = len(ticket.get("evidence") or [])
    described = str(ticket.get("issue_description") or "")
    missing = kinds_still_missing(tracker, category, files, described)
    return {"issue_category": category, "evidence_missing": missing}


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

    Only filed values replaced count: a field filled while empty is news of another kind, and
    so is the category "other" a handoff files before the problem is told.
    """
    changed: List[str] = [
        name
        for name in CORRECTABLE
        if before.get(name) not in (None, "", _UNSET.get(name))
        and before.get(name) != after.get(name)
    ]
    if "issue_category" in changed:
        dispatcher.utter_message(
            response="utter_ticket_category_corrected",
            ticket_id=after["id"],
            category=category_label(after.get("issue_category")),
        )
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
