"""Creating the ticket from the conversation: shared by confirmation and handoff."""

import asyncio
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import dependencies, form_turn
from actions.coming_back import forget_withdrawn
from actions.conversation import channel, channel_live_context, localized, reset_intake
from actions.incident_notices import resume_owed_notices, tell_hastened
from bot.intake.draft import IntakeFacts, draft_fields, triaged_category
from bot.intake.presentation import due_values
from bot.live.promised_gift import live_category
from bot.orders.service import OrderServiceUnavailable
from bot.tickets import TicketDraft


async def lookup_order(order_id: Optional[str]) -> Optional[Dict[str, Any]]:
    """Order data for the ticket; None when unknown or the service is down."""
    if not order_id:
        return None
    try:
        return await dependencies.order_service().get_order(order_id)
    except OrderServiceUnavailable:
        return None


def intake_events(tracker: Tracker) -> List[Dict[str, Any]]:
    """Events of the current session (a restart or new session starts a new transcript)."""
    events = list(tracker.events)
    for index in range(len(events) - 1, -1, -1):
        if events[index].get("event") == "session_started":
            return events[index:]
    return events


async def unclaimed_evidence(conversation_id: str) -> List[Dict[str, Any]]:
    """Files of this conversation not yet attached to one of its earlier tickets.

    Customers may upload at any time, not only when asked; the evidence store is the
    record of what they sent.
    """
    files = await asyncio.to_thread(dependencies.evidence_store().list, conversation_id)
    if not files:
        return []
    earlier = await asyncio.to_thread(
        dependencies.ticket_store().list_tickets, conversation_id=conversation_id
    )
    claimed = {item["id"] for ticket in earlier for item in ticket["evidence"]}
    return [item for item in files if item["id"] not in claimed]


def filed_category(
    tracker: Tracker,
    slots: Dict[str, Any],
    events: List[Dict[str, Any]],
    live: Any,
    confirmed: bool = False,
) -> Optional[str]:
    """The ticket's category: the slot, else the NLU's surest guess; read with the session.

    A handoff asked for in the complaint's own message ("大鹏说买锅送铲 我的铲子没有 转人工")
    skips the form, so the slot holds the NLU's reading of the words alone; in a live session
    a promised gift that never came is the host's promise (`bot.live.promised_gift`), as the
    form's validation files it. A category the customer chose at the question, or confirmed
    in the read-back (`confirmed`), is kept.
    """
    category = slots.get("issue_category") or triaged_category(events)
    if confirmed or form_turn.times_asked(tracker, "issue_category"):
        return category
    words = slots.get("issue_description") or " ".join(
        str(e.get("text") or "") for e in events if e.get("event") == "user"
    )
    return live_category(category, str(words), live)


async def create_ticket(
    tracker: Tracker, handoff_reason: str, overrides: Optional[Dict[str, Any]] = None
) -> Dict[str, Any]:
    """Create (idempotently) the ticket for the current intake and return it.

    `overrides`: facts read from the latest message that no slot holds yet (a remedy named in
    the words of a handoff request).
    """
    settings = dependencies.settings()
    slots = {**tracker.current_slot_values(), **(overrides or {})}
    events = intake_events(tracker)
    live = slots.get("live") or channel_live_context(tracker)
    facts = IntakeFacts.from_slots(
        {
            **slots,
            "issue_category": filed_category(
                tracker, slots, events, live, confirmed=handoff_reason == "confirmed"
            ),
            "evidence": slots.get("evidence") or await unclaimed_evidence(tracker.sender_id),
            "live": live,
        }
    )
    order = await lookup_order(facts.order_id)
    fields = draft_fields(
        facts,
        conversation_id=tracker.sender_id,
        channel=channel(tracker),
        events=events,
        order=order,
        amount_threshold=settings.large_amount_threshold,
        handoff_reason=handoff_reason,
    )
    key = tracker.get_slot("intake_id") or f"{tracker.sender_id}:{len(tracker.events)}"
    store = dependencies.ticket_store()
    ticket = await asyncio.to_thread(store.create_ticket, TicketDraft(**fields), key)
    if ticket.get("live"):
        linked = await asyncio.to_thread(
            dependencies.incident_linker().link_hastening, ticket["id"]
        )
        # the others whose deadline moved hear it (this customer's turn says it already);
        # owed durably, sent in the background (and what an earlier worker left, too)
        await tell_hastened([other for other in linked.hastened if other != ticket["id"]])
        ticket = await asyncio.to_thread(store.get_ticket, ticket["id"]) or ticket
    else:
        await resume_owed_notices()
    return ticket


# A handoff's announcement already tells the customer they may write on while waiting; with
# nobody at the desk, "nobody is online, write here meanwhile" came as a second message
# inviting the same (hand test ux8): one message says both.
NOBODY_ONLINE_VARIANTS = {
    "utter_handoff": "utter_handoff_nobody_online",
    "utter_handoff_nothing_told": "utter_handoff_nothing_told_nobody_online",
    "utter_handoff_already_filed": "utter_handoff_already_filed_nobody_online",
}


async def announce_ticket(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    ticket: Dict[str, Any],
    response: str,
    urgency_said: bool = False,
    card: bool = True,
) -> List[EventType]:
    """Tell the customer the ticket id and when a human answers; start a fresh intake.

    When no agent has the desk open, say so: the SLA time still holds, and what the customer
    adds meanwhile goes into the ticket (in the handoff's own message, `NOBODY_ONLINE_VARIANTS`).
    `urgency_said`: the turn already told the customer the ticket is urgent (a threat's
    apology), so it is not said twice. `card`: whether the widget shows the ticket's card; a
    ticket the customer was already shown is named in words only.
    """
    values = due_values(ticket, dependencies.settings().timezone, datetime.now(timezone.utc))
    nobody_online = not await asyncio.to_thread(dependencies.presence().online)
    merged = NOBODY_ONLINE_VARIANTS.get(response) if nobody_online else None
    banner = {
        "type": "ticket",
        "id": ticket["id"],
        "severity": ticket["severity"],
        "first_response_due": ticket["sla"]["first_response_due"],
    }
    dispatcher.utter_message(
        response=merged or response,
        json_message=localized(tracker, banner) if card else None,
        **values,
    )
    if ticket["severity"] == "urgent" and not urgency_said:
        dispatcher.utter_message(response="utter_ticket_urgent")
    if nobody_online and not merged:
        dispatcher.utter_message(response="utter_nobody_online", ticket_id=ticket["id"])
    return [
        *reset_intake(),
        *forget_withdrawn(),  # a ticket is filed: a complaint withdrawn before it stays withdrawn
        SlotSet("ticket_id", ticket["id"]),
        SlotSet("ticket_open", True),
    ]
