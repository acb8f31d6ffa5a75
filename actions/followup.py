"""After filing: what the customer adds while the ticket waits for a human goes into it."""

import asyncio
from datetime import datetime, timezone
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import dependencies
from actions.asides import aside_response
from actions.conversation import (
    latest_intent,
    latest_text,
    slots_set_this_turn,
)
from actions.form_turn import caption_follows, captions_the_upload
from actions.intake import start_intake_from_here
from actions.requests import hand_off
from actions.waiting_contact import take_back_contact
from actions.waiting_corrections import tell_corrections
from actions.waiting_evidence import acknowledge_held_files, attach_new_files, files_held_for
from actions.waiting_turn import (
    THREAT_RESPONSE,
    note_waiting_message,
    record_and_fill,
    threatens,
    waits,
)
from bot.intake.after_filing import another_complaint, complains_again, says_number_was_wrong
from bot.intake.answers import asks_when, wants_human, withdraws_contact
from bot.intake.presentation import due_values
from bot.intake.thanks_closing import confirms_with_thanks
from bot.orders.item_fit import load_kinds
from bot.tickets import TicketNotFound

EVIDENCE_INTENT = "send_evidence"


class ActionAddTicketDetails(Action):
    """Add the customer's message (or the files they sent) to their open ticket.

    Why: a customer who thinks of something else while waiting ("盒子也是压扁的", a photo
    found later) must not have to start a second complaint, and nothing they write may be
    lost while nobody is at the desk. The desk shows the ticket's transcript and evidence.
    """

    def name(self) -> str:
        return "action_add_ticket_details"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        ticket_id = tracker.get_slot("ticket_id")
        text = latest_text(tracker)
        if wants_human(text):
            return await hand_off(dispatcher, tracker)
        try:
            # read once for the whole message: every step below is handed this copy
            ticket = await _ticket(ticket_id)
            aside = aside_response(tracker, "waiting")
            if aside:
                # "你们几点下班", "哈哈哈": answered, not written into the ticket for the agent
                now = datetime.now(timezone.utc)
                values = due_values(ticket, dependencies.settings().timezone, now)
                dispatcher.utter_message(response=aside, **values)
                return []
            if _about_another_order(tracker, ticket):
                # "另一张单 … 的耳机没收到": a new complaint, not a detail of this ticket
                return start_intake_from_here(dispatcher, tracker)
            if _sends_files(tracker):
                count = await attach_new_files(tracker, ticket)
                if not count and not caption_follows(tracker):
                    # "[图片]" pasted, "发了": no file came ("收到 0 个文件" before)
                    dispatcher.utter_message(
                        response="utter_evidence_not_arrived_filed", ticket_id=ticket_id
                    )
                elif not caption_follows(tracker):  # else their words, next, answer for both
                    dispatcher.utter_message(
                        response="utter_evidence_added", ticket_id=ticket_id, count=count
                    )
                return []
            filed, ticket = ticket, await record_and_fill(tracker, ticket, text)
            held = files_held_for(tracker)
            if held and not _answered_apart(text, ticket):
                # one photo and its words: one answer naming both (hand trial intake9)
                dispatcher.utter_message(
                    response="utter_evidence_and_details_added", ticket_id=ticket_id, count=held
                )
                return []
            acknowledge_held_files(dispatcher, tracker)
            if await take_back_contact(dispatcher, tracker, ticket):
                return []  # "别留我电话了": the contact cleared, and said so (not "收到")
            if tell_corrections(dispatcher, filed, ticket):
                return []  # "还是换货吧": what changed in the ticket, not "已补充"
        except TicketNotFound:
            dispatcher.utter_message(response="utter_please_rephrase")
            return [SlotSet("ticket_open", False)]
        if asks_when(text):
            # "大概什么时候能发出": the times the ticket promises, and the question goes to the agent
            now = datetime.now(timezone.utc)
            values = due_values(ticket, dependencies.settings().timezone, now)
            dispatcher.utter_message(response="utter_details_timing", **values)
            return []
        if waits(ticket) and threatens(text):
            # "再不处理我就去12315投诉你们": an apology and the ticket prioritised, not "收到"
            dispatcher.utter_message(response=THREAT_RESPONSE, ticket_id=ticket_id)
            return []
        if confirms_with_thanks(text):
            # "好的 收货地址还是原来那个 谢谢啦": nothing to add, thanked back (trial14)
            dispatcher.utter_message(response="utter_youre_welcome")
            return []
        dispatcher.utter_message(response="utter_details_added", ticket_id=ticket_id)
        return []


class ActionTicketAlreadyFiled(Action):
    """A yes after filing: the read-back's confirmation again (sent twice, or retried).

    Why: the customer (or their client) confirms what is already filed; answering
    "没太明白" makes them think the first yes was lost. They hear the ticket id again, and
    nothing is filed twice.
    """

    def name(self) -> str:
        return "action_ticket_already_filed"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        ticket = await note_waiting_message(tracker)  # a yes written while waiting is kept too
        if ticket is not None and await take_back_contact(dispatcher, tracker, ticket):
            return []  # "好的 电话就别留了": the contact taken back is what the message says
        dispatcher.utter_message(
            response="utter_ticket_already_filed", ticket_id=tracker.get_slot("ticket_id")
        )
        return []


async def _ticket(ticket_id: str) -> Dict[str, Any]:
    """The waiting ticket as the store holds it (`TicketNotFound` when it is gone)."""
    ticket = await asyncio.to_thread(dependencies.ticket_store().get_ticket, ticket_id)
    if ticket is None:
        raise TicketNotFound(ticket_id)
    return ticket


def _about_another_order(tracker: Tracker, ticket: Dict[str, Any]) -> bool:
    """Whether the message complains about an order other than the filed ticket's.

    Why: a customer with a second problem names its order ("仲有樣嘢，另一張單 2025 1028 4410
    嘅耳機未收到"); added to the first ticket, it mixed two orders in one ticket and the
    second was never asked about (hand test in the widget, ux4). A correction of the
    ticket's own number is not a complaint ("订单号给错了 应该是…"), and a ticket without an
    order takes any. Without a number, a problem with goods the ticket's order does not hold
    ("另外我买的蓝牙耳机也连不上手机了" after a ticket for mugs) is another complaint too
    (trial12, dialogues_dev23).
    """
    text = latest_text(tracker)
    kinds = load_kinds(dependencies.settings().order_service.goods_kinds_file)
    if another_complaint(text, ticket, kinds) or complains_again(text):
        return True
    if latest_intent(tracker) != "complain" or says_number_was_wrong(text):
        return False
    named = slots_set_this_turn(tracker).get("order_id")
    if not named:
        return False
    return bool(ticket.get("order_id")) and str(named) != ticket["order_id"]


def _answered_apart(text: str, ticket: Dict[str, Any]) -> bool:
    """Whether the words typed with files need an answer of their own.

    A contact taken back, a question of when, a threat: their answer follows the files'
    acknowledgement rather than being folded into it.
    """
    return (
        asks_when(text)
        or (waits(ticket) and threatens(text))
        or (bool(ticket.get("contact")) and withdraws_contact(text))
    )


def _sends_files(tracker: Tracker) -> bool:
    """Whether the message sends files, not the words typed with the files just sent.

    Why (task ev3): "这是快递面单" typed with a photo is read as send_evidence; it was
    answered "收到 0 个文件" and never said which kind the photo was. The words go into the
    ticket as any detail does (`record_and_fill` reads them for the files).
    """
    intent = tracker.latest_message.get("intent", {}).get("name")
    return intent == EVIDENCE_INTENT and not captions_the_upload(tracker)
