"""Every message written while a ticket waits counts for it, whatever the NLU reads it as.

Why (task wait2): after a handoff, "再不处理我就去12315投诉你们" was read as a status question
(~0.62) and "再不處理我就去消基會投訴" as a withdrawal; they were answered with the status report
(or "不投诉了") only, the message never reached the waiting-facts fill, and the ticket stayed
normal and calm although the spec makes legal and media threats urgent. While a ticket waits,
status questions, withdrawals, thanks, greetings, goodbyes and "are you a bot" come here
first: the message joins the transcript and raises severity and emotion (never lowers them,
audited; `TicketStore.note_customer_message`); a threat is answered with an apology and the
news that the ticket is being prioritised, anything else as its intent was answered before.
"""

import asyncio
from typing import Any, Dict, List, Optional, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import dependencies
from actions.conversation import latest_intent, latest_text, latest_user_event
from actions.requests import ActionCancelComplaint, ActionTicketStatus
from actions.waiting_contact import take_back_contact
from actions.waiting_corrections import tell_corrections
from actions.waiting_evidence import CUSTOMER, acknowledge_held_files, kinds_said_by_caption
from actions.waiting_facts import threatens, waiting_facts, waits
from bot.intake.thanks_closing import confirms_with_thanks

__all__ = ["ActionWaitingReply", "note_waiting_message", "record_and_fill", "threatens", "waits"]

THREAT_RESPONSE = "utter_waiting_threat"
# what each intent routed here is answered with when the message threatens nothing
_REPLIES = {
    "thank": "utter_youre_welcome",
    "goodbye": "utter_goodbye",
    "greet": "utter_greet",
    "bot_challenge": "utter_iamabot",
}


class ActionWaitingReply(Action):
    """Count the message for the waiting ticket, then answer it as its intent asks."""

    def name(self) -> str:
        return "action_waiting_reply"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        text = latest_text(tracker)
        filed, ticket = await _noted(tracker)
        acknowledge_held_files(dispatcher, tracker)  # words typed with files just sent
        # "不要打电话给我" read as a withdrawal: the contact is taken back, not the complaint
        took_back = ticket is not None and await take_back_contact(dispatcher, tracker, ticket)
        if ticket is not None and waits(ticket) and threatens(text):
            dispatcher.utter_message(response=THREAT_RESPONSE, ticket_id=ticket["id"])
            return []
        if took_back:
            return []
        if filed is not None and ticket is not None and tell_corrections(dispatcher, filed, ticket):
            # "不是物流问题，是质量问题" read as a no: what changed, not the status (trial13)
            return []
        intent = latest_intent(tracker)
        if confirms_with_thanks(text):
            intent = "thank"  # "地址沒變，謝謝" read as a no: thanked back, not the status
        if intent in _REPLIES:
            dispatcher.utter_message(response=_REPLIES[intent])
            return []
        if intent == "cancel":
            return await ActionCancelComplaint().run(dispatcher, tracker, domain)
        return await ActionTicketStatus().run(dispatcher, tracker, domain)


async def note_waiting_message(tracker: Tracker) -> Optional[Dict[str, Any]]:
    """Add the latest message to the waiting ticket and fill it; None without one.

    A ticket that no longer waits (claimed, resolved) keeps the message in its transcript
    and is not filled: nothing changes under the agent.
    """
    return (await _noted(tracker))[1]


async def _noted(
    tracker: Tracker,
) -> Tuple[Optional[Dict[str, Any]], Optional[Dict[str, Any]]]:
    """The ticket as filed before this message, and as it stands after it (None, None: none)."""
    ticket_id = tracker.get_slot("ticket_id")
    if not ticket_id or not tracker.get_slot("ticket_open"):
        return None, None
    ticket = await asyncio.to_thread(dependencies.ticket_store().get_ticket, ticket_id)
    if ticket is None:
        return None, None
    return ticket, await record_and_fill(tracker, ticket, latest_text(tracker))


async def record_and_fill(tracker: Tracker, ticket: Dict[str, Any], text: str) -> Dict[str, Any]:
    """Keep the message in the ticket's transcript and let it fill the ticket: one store call.

    The message is kept whoever holds the ticket; only a waiting one is filled. Words typed
    with files say which kinds the files are (whoever holds it), read once: a message the
    transcript already held was read when it first came. The facts are judged on the copy
    read before the message joined the transcript (the severity over its messages and this
    one). Returns the ticket as it stands afterwards.
    """
    entry = {"role": "customer", "text": text, "at": latest_user_event(tracker).get("timestamp")}
    return await asyncio.to_thread(
        dependencies.ticket_store().note_customer_message,
        ticket["id"],
        entry,
        actor=CUSTOMER,
        kinds_missing=kinds_said_by_caption(tracker, ticket),
        facts=await waiting_facts(tracker, ticket, text),
    )
