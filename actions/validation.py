"""Validation of the complaint form: what counts as an answer to each question.

The form's turn (requests, the order of the questions) is here; the problem and its
category, the order number, the remedy, the evidence and contact, and the live session are
mixins of their own (`problem_slots`, `order_slots`, `remedy_slots`,
`evidence_contact_slots`, `live_slots`).
"""

from typing import Any, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecutionRejected, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import form_turn
from actions.asides import aside_response, asked_back
from actions.coming_back import restore_withdrawn
from actions.conversation import (
    latest_intent,
    latest_text,
    slot_before_this_turn,
    slots_set_this_turn,
)
from actions.evidence_contact_slots import EvidenceAndContactSlots
from actions.feeling_in_form import answer_rising_feeling
from actions.live_slots import LiveStreamSlots, details_told_events, live_context
from actions.missing_piece_slots import settled_category_events
from actions.money_back_slots import settled_remedy_events
from actions.order_slots import OrderSlots
from actions.problem_slots import ProblemSlots
from actions.remedy_slots import RemedySlots
from actions.restated_facts import acknowledge_restated, acknowledge_told_early, restated_facts
from actions.threat_in_form import acknowledge_threat, threat_marked
from actions.waiting_facts import threatens
from bot.intake import answers, remedy_answers
from bot.live.promised_gift import LIVESTREAM, live_category


class ValidateComplaintForm(
    ProblemSlots,
    OrderSlots,
    RemedySlots,
    EvidenceAndContactSlots,
    LiveStreamSlots,
    FormValidationAction,
):
    """Extracts and checks the slots of `complaint_form`."""

    def name(self) -> str:
        return "validate_complaint_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Give way to a request for a human or a withdrawn complaint, else fill the form.

        The form rejects itself (`ActionExecutionRejected`) so that the rules for handoff
        and cancel apply even when the message also carried entities that would fill a
        slot ("订单 DD2024… 气死了 给我转人工"). A handoff asked for inside a message the
        NLU read as a complaint sets `wants_human`, which the rules react to.
        """
        intent = latest_intent(tracker)
        text = latest_text(tracker)
        rejected = ActionExecutionRejected(self.form_name())
        if intent == "handoff":
            return [rejected]
        if answers.wants_human(text):
            return [SlotSet("wants_human", True), rejected]
        if intent == "cancel" and answers.cancels_complaint(text):
            return [rejected]
        if form_turn.withdraws(tracker):
            # "東西找到了 不用了", "不用了谢谢" read as something else: the rules cancel
            return [SlotSet("wants_cancel", True), rejected]
        opening = form_turn.form_pass(tracker) and tracker.get_slot("requested_slot") is None
        # coming back after "算了不投诉了": the facts told before, unless this message says anew
        brought_back = restore_withdrawn(dispatcher, tracker) if opening else []
        # into the slots only, not the events: rasa-sdk would validate them as said just now
        tracker.slots.update({e["name"]: e["value"] for e in brought_back if e["event"] == "slot"})
        events = await super().run(dispatcher, tracker, domain)
        events = brought_back + _without(events, brought_back)
        requested = tracker.get_slot("requested_slot")
        if (
            intent == "cancel"
            and not opening  # "算了还是投诉吧": the intake opened by taking the complaint up again
            and not threatens(text)  # "再不處理我就去消基會投訴": wants it handled (trial3)
            and not remedy_answers.remedy_changed(text)
            and not any(
                e.get("event") == "slot"
                and e.get("name") == requested
                and e.get("value") is not None
                for e in events
            )
        ):
            # "算了" that does not answer the open question drops the complaint
            return [rejected]
        if (
            intent == "correct"
            and not asked_back(tracker)  # "订单号找不到了 是上周买的" read as a correction
            and not form_turn.resuming(tracker)
            and not form_turn.changes_anything(tracker, events)
            and not restated_facts(tracker, events)  # "不是说了补发吗": noted, asked again
        ):
            # "不对 订单号错了" with no new value: the rule asks what to change. The slots the
            # validation restored (the triage's category of this message) stay restored.
            restored = [
                e for e in events if e.get("event") == "slot" and e.get("name") != "requested_slot"
            ]
            return restored + [rejected]
        # angrier than the bot answered so far: empathy before anything else said this turn
        events = events + answer_rising_feeling(dispatcher, tracker)
        self._acknowledge_no_order(dispatcher, tracker)
        self._answer_question_back(dispatcher, tracker)
        # money back with or without the goods, once the order's delivery is known
        events = events + await settled_remedy_events(tracker, events)
        # one item of a several-item order not received, once the order's items are known
        events = events + await settled_category_events(tracker, events)
        events = events + acknowledge_restated(dispatcher, tracker, events)
        # "订单202411235567" under the category question: noted, then the question again
        events = events + acknowledge_told_early(dispatcher, tracker, events)
        # the host and the moment told in passing, at any question of a live-stream complaint
        events = events + details_told_events(dispatcher, tracker, events)
        # "再不处理我就去12315": apologised for, no unclear answer (hand trial trial3)
        events = events + acknowledge_threat(dispatcher, tracker, events)
        return events + threat_marked(
            tracker, events, form_turn.unclear_answer_events(tracker, events)
        )

    @staticmethod
    def _acknowledge_no_order(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        """No order number, said while another question is open ("订单号没有"): say it was heard.

        The slot mappings' pass set `order_missing` (its messages are not sent); the form's
        pass acknowledges it before asking its question again. At the order question the
        next question is acknowledgement enough.
        """
        if (
            form_turn.form_pass(tracker)
            and slots_set_this_turn(tracker).get("order_missing")
            and not slot_before_this_turn(tracker, "order_missing")
            and tracker.get_slot("requested_slot") not in ("order_id", "order_missing")
        ):
            dispatcher.utter_message(response="utter_noted_no_order")

    @staticmethod
    def _answer_question_back(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        """A question about the open question ("订单号在哪看", "拍照干嘛"): answered, once.

        The form asks its question again after it (`unclear_answer` marks it asked back).
        Messages a rule answers (out of scope) are answered by `action_aside_in_form`; an
        aside the NLU placed elsewhere ("你哋係咪喺深圳㗎" unplaced, "你食咗飯未" read as a
        complaint) is answered here by its kind, not met by the question's hint (trial9).
        """
        intent, back = latest_intent(tracker), asked_back(tracker)
        if not form_turn.form_pass(tracker) or (
            intent in form_turn.NOT_ANSWERS and not (intent == "correct" and back)
        ):
            return
        response = back or aside_response(tracker, "form")
        if response:
            dispatcher.utter_message(response=response)

    async def next_requested_slot(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Optional[EventType]:
        """The next question, named in the form's own pass only.

        rasa-sdk names it whenever `required_slots` is overridden (here: without an order
        number, or for a live-stream complaint), in the slot mappings' pass too; the form's
        pass then read the same message as the answer to that next question ("没拍" to the
        photo question also declined the phone call that was never asked for).
        """
        if not form_turn.form_pass(tracker):
            return None
        return await super().next_requested_slot(dispatcher, tracker, domain)

    async def required_slots(
        self,
        domain_slots: List[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[str]:
        """The questions this complaint needs.

        A live-stream complaint also needs what the host said (主播话术); a customer without
        an order number answers the order question by saying so (`order_missing`).
        """
        slots = list(domain_slots)
        if tracker.get_slot("order_missing") and not tracker.get_slot("order_id"):
            slots[slots.index("order_id")] = "order_missing"
        if self._live_category(tracker) == LIVESTREAM:
            slots.insert(slots.index("issue_category") + 1, "live_claim")
            # once answered it stays, even though the answer itself made the session known
            if tracker.get_slot("live_session") or not form_turn.live_session_known(tracker):
                order_slot = "order_missing" if "order_missing" in slots else "order_id"
                slots.insert(slots.index(order_slot) + 1, "live_session")
        return slots

    @staticmethod
    def _live_category(tracker: Tracker) -> Any:
        """The category, as this message's validation will file it.

        A category the NLU read this turn is read with the session (`live_category`), as
        `validate_issue_category` reads it: otherwise the host's words the opening told
        ("大鹏说买锅送铲 我的铲子没有", read as promotion, filed as livestream_misleading) were
        not taken, and asked for at once (hand trial trial5).
        """
        category = tracker.get_slot("issue_category")
        if category == LIVESTREAM or slot_before_this_turn(tracker, "issue_category"):
            return category
        return live_category(category, latest_text(tracker) or "", live_context(tracker))


def _without(events: List[EventType], brought_back: List[EventType]) -> List[EventType]:
    """The validation's events but for the slots brought back, which stay as they were.

    The form validates what this message set before the intake opened ("刚才那个杯子的事
    还是要退款": the triage's refund category); the problem told before stays the problem.
    """
    names = {e.get("name") for e in brought_back if e.get("event") == "slot"}
    return [e for e in events if not (e.get("event") == "slot" and e.get("name") in names)]
