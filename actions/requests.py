"""What a customer can ask for at any time: a human, to stop, or the status of a complaint."""

import asyncio
from datetime import datetime
from datetime import timezone as dt_timezone
from typing import Any, Dict, List, Optional
from zoneinfo import ZoneInfo

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import dependencies, message_contact
from actions.coming_back import comes_back_to_withdrawn, keep_withdrawn, withdrawn_for_handoff
from actions.conversation import latest_text, reset_intake
from actions.tickets import announce_ticket, create_ticket
from bot.intake import answers, remedy_answers
from bot.intake.chasing import chases
from bot.intake.draft import CATEGORY_MIN_CONFIDENCE
from bot.intake.presentation import promised_due_values
from bot.taxonomy import category_label

_STOP_FORM: List[EventType] = [ActiveLoop(None), SlotSet("requested_slot", None)]


class ActionHandoff(Action):
    """Hand over to a human now, with whatever is known, so nothing is asked twice."""

    def name(self) -> str:
        return "action_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        return await hand_off(dispatcher, tracker)


async def hand_off(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
    """File (or point to) the ticket with what is known and tell the customer a human comes.

    What is known includes a complaint withdrawn just before ("算了不投诉了", then "转人工"):
    it was told after the last ticket was filed, so it is filed rather than pointed to.
    """
    withdrawn = withdrawn_for_handoff(tracker)
    existing = tracker.get_slot("ticket_id")
    if existing and not tracker.get_slot("intake_id") and not withdrawn:
        events = await _point_to_filed(dispatcher, tracker, existing)
        if events is not None:
            return events
    remedy = None if tracker.get_slot("desired_remedy") else remedy_in_handoff(tracker)
    overrides = {**withdrawn, **({"desired_remedy": remedy} if remedy else {})}
    ticket = await create_ticket(
        tracker, handoff_reason="customer_requested", overrides=overrides or None
    )
    response = "utter_handoff_nothing_told" if nothing_told(ticket) else "utter_handoff"
    return _STOP_FORM + await announce_ticket(dispatcher, tracker, ticket, response)


async def _point_to_filed(
    dispatcher: CollectingDispatcher, tracker: Tracker, ticket_id: str
) -> Optional[List[EventType]]:
    """A person asked for while a ticket is filed: that ticket, the request counted for it.

    Why (gap c): "转人工 不然我去曝光" while the ticket waits was answered by pointing to the
    ticket only; the threat never reached it, which stayed normal although the spec makes
    media and legal threats urgent. As for the other messages written while it waits
    (`actions/waiting_turn.py`), the message joins the transcript and fills the ticket; a
    threat is apologised for first, and the handoff names the ticket's new, sooner time.
    None: no such ticket, or one no longer in a queue.
    """
    from actions.waiting_turn import THREAT_RESPONSE, note_waiting_message, threatens, waits

    ticket = await note_waiting_message(tracker) or await asyncio.to_thread(
        dependencies.ticket_store().get_ticket, ticket_id
    )
    if not ticket or ticket.get("status") not in ("open", "assigned"):
        # a resolved or closed ticket is in nobody's queue, its deadline past (hand trial,
        # WeCom: "转人工" after the rating): the request is filed as a new ticket instead
        return None
    threat = waits(ticket) and threatens(str(tracker.latest_message.get("text") or ""))
    if threat:
        dispatcher.utter_message(response=THREAT_RESPONSE, ticket_id=ticket["id"])
    # the customer was shown this ticket's card and urgency when it was filed or made urgent
    # (trial3: "转人工" after filing showed the card again, as if a second ticket was made)
    announced = await announce_ticket(
        dispatcher, tracker, ticket, "utter_handoff_already_filed", urgency_said=True, card=False
    )
    return _STOP_FORM + announced


def nothing_told(ticket: Dict[str, Any]) -> bool:
    """Whether the customer asked for a person before saying anything about the problem.

    Why: "转人工！！" as the first message was told "刚才的情况已整理成工单" (hand test ux8),
    a summary of nothing; the customer is invited to write the problem while waiting instead.
    """
    description = str(ticket.get("issue_description") or "")
    return not ticket.get("order_id") and not answers.tells_a_problem(description)


def remedy_in_handoff(tracker: Tracker) -> Optional[str]:
    """A remedy the request for a person names in so many words ("叫那個客服出來道歉").

    The triage names no remedy for a handoff (its n-grams read "换个活人" as exchange), so
    the words decide: at the remedy question any remedy named (or "other" for a person asked
    to get back to the customer), elsewhere only one asked for.
    """
    text = str(tracker.latest_message.get("text") or "")
    if tracker.get_slot("requested_slot") == "desired_remedy":
        named = remedy_answers.remedy_mentioned(text)
        if named is None and answers.asks_to_be_contacted(text):
            # "赶紧安排个人回我" as the answer to "how should we handle it?": a person is to
            # settle it with the customer, the spec's "other" (not a remedy left unsaid)
            return "other"
        return named
    return remedy_answers.remedy_wished(text)


class ActionCancelComplaint(Action):
    """The customer changed their mind: end politely, file nothing.

    At the read-back, "算了算了 还是换货 别退了" changes the remedy rather than the mind about
    complaining (the NLU reads "算了" as a withdrawal): it is taken as that correction. So is
    a contact or an order number given with "算了" ("算了还是留吧 13812345678"); during the
    form, whose validation took the fact already, the form goes on.
    """

    def name(self) -> str:
        return "action_cancel_complaint"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        text = str(tracker.latest_message.get("text") or "")
        changes_a_fact = (
            remedy_answers.remedy_changed(text) or gives_a_fact(tracker)
        ) and not answers.cancels_complaint(text)
        if tracker.get_slot("awaiting_confirmation") and changes_a_fact:
            from actions.confirmation import ActionApplyCorrection

            return await ActionApplyCorrection().run(dispatcher, tracker, domain)
        if changes_a_fact and (tracker.active_loop or {}).get("name") == "complaint_form":
            # the form's validation took the fact (and said so): the form goes on
            return [FollowupAction("complaint_form")]
        if comes_back_to_withdrawn(tracker):
            # "算了还是投诉吧" after a withdrawal: "算了" takes back the withdrawal itself
            from actions.intake import start_intake_from_here

            return start_intake_from_here(dispatcher, tracker)
        return cancel_complaint(dispatcher, tracker)


def gives_a_fact(tracker: Tracker) -> bool:
    """Whether the message gives a contact or an order number: no withdrawal, whatever "算了".

    "电话别留了" then "算了还是留吧 13812345678" at the read-back (cancel 0.45) dropped the
    whole complaint with the number in it (dialogues_dev16 s038).
    """
    entities = {e.get("entity") for e in tracker.latest_message.get("entities") or []}
    return "order_id" in entities or bool(message_contact.contact(tracker))


def cancel_complaint(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
    """End politely with nothing filed; the intake's facts are kept for a return."""
    dispatcher.utter_message(response="utter_cancelled")
    return _STOP_FORM + reset_intake() + keep_withdrawn(tracker)


class ActionTicketStatus(Action):
    """Report this customer's complaints, newest first."""

    def name(self) -> str:
        return "action_ticket_status"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        from actions.intake import start_intake_from_here

        if comes_back_to_withdrawn(tracker):
            # "还是帮我处理一下吧" after "算了不投诉了": the withdrawn complaint taken up again
            return start_intake_from_here(dispatcher, tracker)
        tickets = await _customer_tickets(tracker)
        if not tickets and _a_complaint_read_as_status(tracker):
            # "手表屏幕有划痕 新的就有 订单LS…": nothing to report, the customer is telling
            # us a problem; open the intake instead of asking them to tell it
            return start_intake_from_here(dispatcher, tracker)
        if not tickets:
            # mid-form "如果想登记新的问题，直接告诉我情况就好" read as if nothing were being
            # registered (dialogues_dev19 v025-v027): the form's question follows instead
            in_form = tracker.active_loop.get("name") == "complaint_form"
            dispatcher.utter_message(
                response="utter_status_none_in_form" if in_form else "utter_status_none"
            )
            return []
        report_tickets(dispatcher, tickets, chased=chases(latest_text(tracker)))
        return []


async def _customer_tickets(tracker: Tracker) -> List[Dict[str, Any]]:
    """The conversation's three newest tickets."""
    store = dependencies.ticket_store()
    return await asyncio.to_thread(store.list_tickets, conversation_id=tracker.sender_id, limit=3)


# statuses whose line says the ticket is prioritised when it is urgent (task wait4)
_PRIORITISED_STATUSES = ("open", "assigned")


def report_tickets(
    dispatcher: CollectingDispatcher, tickets: List[Dict[str, Any]], chased: bool = False
) -> None:
    """One line per ticket: its id, category, when it was filed and where it stands.

    A ticket waiting for an agent is given with its first-response time; one past that time
    is apologised for (the desk shows it overdue). An urgent ticket still being worked is
    said to be prioritised (task wait4: a ticket turned urgent while waiting was reported as
    any other, and the customer never heard the sooner deadline). A customer who presses
    ("催一下 怎么还没人理我", `chases`) hears an apology for the wait first, unless a line
    already makes it.
    """
    timezone_name = dependencies.settings().timezone
    tz = ZoneInfo(timezone_name)
    now = datetime.now(dt_timezone.utc)
    lines = [_status_line(ticket, timezone_name, tz, now) for ticket in tickets]
    if chased and not any(response.endswith("_overdue") for response, _ in lines):
        dispatcher.utter_message(response="utter_sorry_for_the_wait")
    for response, values in lines:
        dispatcher.utter_message(response=response, **values)


def _status_line(
    ticket: Dict[str, Any], timezone_name: str, tz: ZoneInfo, now: datetime
) -> tuple[str, Dict[str, Any]]:
    """The status response for one ticket and its values."""
    created = datetime.fromisoformat(ticket["created_at"]).astimezone(tz)
    values: Dict[str, Any] = {
        "ticket_id": ticket["id"],
        "category_label": category_label(ticket.get("issue_category")) or "-",
        "created_at": f"{created.month}月{created.day}日 {created:%H:%M}",
    }
    status = ticket["status"]
    response = f"utter_status_{status}"
    if ticket.get("severity") == "urgent" and status in _PRIORITISED_STATUSES:
        return response + "_urgent", {**promised_due_values(ticket, timezone_name, now), **values}
    if status == "open":
        due = datetime.fromisoformat(ticket["sla"]["first_response_due"])
        if due < now:
            return response + "_overdue", values
        return response, {**promised_due_values(ticket, timezone_name, now), **values}
    return response, values


async def report_status_at_read_back(
    dispatcher: CollectingDispatcher, tracker: Tracker
) -> List[EventType]:
    """At the read-back, "投诉到哪一步了": earlier tickets, and that this one waits for a yes."""
    report_tickets(dispatcher, await _customer_tickets(tracker))
    dispatcher.utter_message(response="utter_status_not_yet_filed")
    return []


def _a_complaint_read_as_status(tracker: Tracker) -> bool:
    """A message the NLU read as a status question that tells a problem and asks nothing.

    Only outside an intake and the read-back; the triage must be sure of a category, the
    message must say what happened, and it must not ask about progress ("进度", "到哪了").
    """
    if tracker.active_loop.get("name") or tracker.get_slot("awaiting_confirmation"):
        return False
    text = (tracker.latest_message.get("text") or "").strip()
    if not text or text.startswith("/") or answers.asks_about_status(text):
        return False
    triage = (tracker.latest_message.get("complaint_triage") or {}).get("category") or {}
    sure = float(triage.get("confidence") or 0.0) >= CATEGORY_MIN_CONFIDENCE
    return bool(triage.get("code")) and sure and answers.says_what_happened(text)
