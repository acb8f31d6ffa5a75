"""Read-back (复述确认), corrections in plain words, and the confirmed ticket."""

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import dependencies, message_contact
from actions.contact_kept import contact_kept
from actions.conversation import (
    corrected_category,
    kept_category,
    latest_entity,
    latest_intent,
    latest_text,
    note_correction,
    script,
    slot_before_this_turn,
    slots_set_this_turn,
)
from actions.evidence_recategorised import asks_again, evidence_for_new_category
from actions.form_questions import ask_to_recheck_order
from actions.form_turn import append, lead_with
from actions.order_slots import number_called_a_phone, phone_taken_as_contact
from actions.requests import cancel_complaint, hand_off, report_status_at_read_back
from actions.tickets import announce_ticket, create_ticket
from bot.intake.answers import (
    accepts_read_back,
    asks_about_status,
    asks_what_next,
    cancels_complaint,
    declines_call,
    declines_politely,
    read_back_choice,
    restates_problem,
    states_no_fact,
    wants_human,
)
from bot.intake.contact_answers import wechat_contact
from bot.intake.draft import IntakeFacts, transcript_from_events
from bot.intake.presentation import read_back_card, read_back_values
from bot.intake.remedy_answers import (
    extra_remedies,
    remedy_changed,
    remedy_mentioned,
    withdraws_remedy,
)
from bot.orders.ids import normalize_order_id
from bot.orders.item_fit import denies_order_goods, item_names
from bot.orders.service import OrderServiceUnavailable
from bot.tickets.call_time import preferred_call_time

_CORRECTABLE = ("order_id", "issue_category", "desired_remedy")


async def read_back(
    dispatcher: CollectingDispatcher, tracker: Tracker, overrides: Dict[str, Any]
) -> List[EventType]:
    """Send the read-back of the current facts (with `overrides` applied)."""
    slots = {**tracker.current_slot_values(), **overrides}
    facts = IntakeFacts.from_slots(slots)
    call_time = preferred_call_time(transcript_from_events(tracker.events), facts.contact)
    values = read_back_values(facts, call_time, await _goods_of_known_order(facts))
    # the host's words (`live_claim`) are a line of the text too, for channels that show
    # the text rather than the card (bot/nlg.py adds it)
    dispatcher.utter_message(
        response="utter_read_back",
        json_message=read_back_card(values, script(tracker)),
        **values,
    )
    return [SlotSet("awaiting_confirmation", True)]


async def _goods_of_known_order(facts: IntakeFacts) -> List[str]:
    """The items of the order read back, when the shop knows it; none if it cannot say."""
    if not facts.order_id or not facts.order_verified:
        return []
    try:
        order = await dependencies.order_service().get_order(facts.order_id)
    except OrderServiceUnavailable:
        return []
    return item_names(order or {})


def _facts_before(tracker: Tracker) -> Dict[str, Any]:
    """The slots as they were read back, before this message's mappings changed them."""
    slots = dict(tracker.current_slot_values())
    slots.update({key: slot_before_this_turn(tracker, key) for key in slots_set_this_turn(tracker)})
    return slots


def only_repeats(tracker: Tracker, changes: Dict[str, Any], text: str) -> bool:
    """Whether the message only repeats facts already read back: no correction to announce."""
    if latest_intent(tracker) == "complain" or extra_remedies(text) or restates_problem(text):
        return False  # more of the problem, or the problem anew: it goes into the description
    pattern = dependencies.settings().order_id_pattern

    def same(key: str, value: Any) -> bool:
        before = slot_before_this_turn(tracker, key)
        if key == "order_id":
            return bool(before) and normalize_order_id(str(value or ""), pattern) == before
        return value is not None and value == before

    return all(key in _CORRECTABLE and same(key, value) for key, value in changes.items())


class ActionReadBack(Action):
    """Read every collected fact back in one message before anything is filed."""

    def name(self) -> str:
        return "action_read_back"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        return await read_back(dispatcher, tracker, {})


class ActionApplyCorrection(Action):
    """Take a correction in plain words at the read-back, then read back again."""

    def name(self) -> str:
        return "action_apply_correction"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        choice = read_back_choice(latest_text(tracker))
        if choice == "confirm":
            return await confirm(dispatcher, tracker)
        if choice == "change":
            dispatcher.utter_message(response="utter_ask_correction")
            return []
        phone = number_called_a_phone(tracker)
        if phone:
            return await self._number_was_a_phone(dispatcher, tracker, phone)
        same_contact = contact_kept(dispatcher, tracker)
        if same_contact is not None:
            reread = same_contact.pop("reread", False)
            events = [SlotSet(k, v) for k, v in same_contact.items()]
            return events + (await read_back(dispatcher, tracker, same_contact) if reread else [])
        changes = {k: v for k, v in slots_set_this_turn(tracker).items() if k in _CORRECTABLE}
        if "order_id" not in changes and denies_order_goods(latest_text(tracker)):
            goods = await _goods_of_known_order(IntakeFacts.from_slots(_facts_before(tracker)))
            if goods:
                return self._not_this_order(dispatcher, tracker, goods)
        given = (
            str(latest_entity(tracker, "phone") or "")
            or message_contact.email(tracker)
            or wechat_contact(latest_text(tracker))  # "联系方式改成微信 abc123"
        )
        kept = kept_category(tracker) or (
            # "电话号码写错了 是139…": a new contact, not a new problem (the triage read "other")
            slot_before_this_turn(tracker, "issue_category") if given else None
        )
        if kept and "issue_category" in changes:
            # "订单号错了 应该是 …": the triage's category of this message is not a correction
            changes["issue_category"] = kept
        text = latest_text(tracker)
        corrected = corrected_category(tracker)
        if corrected:
            # "不是少发 是两个都到了 其中一个碎了": what it affirms, not what it denies
            changes["issue_category"] = corrected
        # a remedy in so many words is surer than the classifier ("算了 还是换货 别退了"); one
        # only mentioned ("上次那个退款投诉现在什么进度") changes nothing
        named = remedy_changed(text) or (
            remedy_mentioned(text) if "desired_remedy" in changes else None
        )
        if not named and withdraws_remedy(text, slot_before_this_turn(tracker, "desired_remedy")):
            named = "other"  # "退款不要了 照寄就行": taken back, nothing the spec names instead
        if named:
            changes["desired_remedy"] = named
        if tracker.get_slot("contact") and declines_call(text) and not given:
            # "电话还是别留了": consent withdrawn before filing, so the number is not filed
            changes.update(contact=None, contact_status="declined")
        if wants_human(text):
            return await hand_off(dispatcher, tracker)
        if not tracker.get_slot("contact") and declines_call(text) and not given:
            # "不用留电话" with 联系方式：未留 read back: what we have (hand trial 2026-12-04:
            # "哪一项要改？"); what the triage read into the words changes nothing
            dispatcher.utter_message(response="utter_correction_unchanged")
            return [SlotSet(key, slot_before_this_turn(tracker, key)) for key in changes]
        if changes and not given and only_repeats(tracker, changes, text):
            # "订单号是 2024 1123 5567" once more: what we have, not something to change
            dispatcher.utter_message(response="utter_correction_unchanged")
            kept = [SlotSet(key, slot_before_this_turn(tracker, key)) for key in changes]
            if "order_id" in changes and tracker.get_slot("pending_order_id"):
                # the number read back, said again while another we could not find waits for
                # a yes: that one is dropped, or the next "确认" filed it (hand test, ux4)
                kept.append(SlotSet("pending_order_id", None))
            return kept
        if not changes and (cancels_complaint(text) or declines_politely(text)):
            # "不用了谢谢" to "shall I file this?": withdrawn, nothing filed
            return cancel_complaint(dispatcher, tracker)
        if not changes and latest_intent(tracker) == "status_query" and asks_about_status(text):
            # before the yes: "对了 上次那个投诉什么进度" starts like one ("对了" = by the way)
            return await report_status_at_read_back(dispatcher, tracker)
        if not changes and asks_what_next(text):
            # "就这样就好了吗？多久有人处理？": answered, the yes still to come (dev19 v017)
            return answer_what_next(dispatcher)
        if not changes and accepts_read_back(text):
            # "对 尽快处理", "對，麻煩了": a yes with extra words, nothing to change
            return await confirm(dispatcher, tracker)
        if given:
            changes.update(contact=given, contact_status="given")
        if restates_problem(text):
            # "問題是左耳沒聲音 不是充電": the new words lead what is read back (trial8)
            earlier = slot_before_this_turn(tracker, "issue_description") or tracker.get_slot(
                "issue_description"
            )
            changes["issue_description"] = lead_with(earlier, text)
        elif (
            text
            and (latest_intent(tracker) == "complain" or extra_remedies(text))
            and not states_no_fact(text)  # "赶紧处理！！" tells nothing more (ux10)
        ):
            # once: the slot mappings may have added this message already
            changes["issue_description"] = append(tracker.get_slot("issue_description"), text)
        if "order_id" in changes:
            order_changes = await self._check_order(changes.pop("order_id"))
            if order_changes.get("pending_order_id"):
                # the number we could not find stays out of the facts until confirmed
                order_changes["order_id"] = slot_before_this_turn(tracker, "order_id")
                ask_to_recheck_order(dispatcher, tracker, order_changes["pending_order_id"])
                return [SlotSet(k, v) for k, v in {**changes, **order_changes}.items()]
            changes.update(order_changes)
        if not changes:
            dispatcher.utter_message(response="utter_ask_correction")
            return []
        note_correction(dispatcher, tracker, changes)
        evidence = evidence_for_new_category(tracker, changes.get("issue_category"))
        changes.update(evidence)
        events: List[EventType] = [SlotSet(k, v) for k, v in changes.items()]
        if asks_again(evidence):
            # a kind the new category needs was never asked for: once, before the read-back
            reopened = [SlotSet("awaiting_confirmation", False), FollowupAction("complaint_form")]
            return events + reopened
        pending = tracker.get_slot("pending_order_id")
        if pending:
            # another change while the unknown number waits for a yes: ask about it again
            ask_to_recheck_order(dispatcher, tracker, pending)
            return events
        return events + await read_back(dispatcher, tracker, changes)

    @staticmethod
    def _not_this_order(
        dispatcher: CollectingDispatcher, tracker: Tracker, goods: List[str]
    ) -> List[EventType]:
        """At the read-back, "我买的不是羽绒服" said of the goods read back beside the number.

        The number is another order's: it is dropped and the form asks for the right one, the
        rest read back stays as it was (what the triage read into the message is no new
        problem). The form's end reads the facts back again.
        """
        order_id = slot_before_this_turn(tracker, "order_id")
        dispatcher.utter_message(
            response="utter_order_goods_not_theirs",
            order_id=order_id,
            order_goods="、".join(goods),
        )
        kept = {
            key: slot_before_this_turn(tracker, key)
            for key in slots_set_this_turn(tracker)
            if key in (*_CORRECTABLE, "issue_description")
        }
        dropped = {"order_id": None, "order_verified": None, "pending_order_id": None}
        reopened = {**kept, **dropped, "awaiting_confirmation": False}
        return [SlotSet(k, v) for k, v in reopened.items()] + [FollowupAction("complaint_form")]

    @staticmethod
    async def _number_was_a_phone(
        dispatcher: CollectingDispatcher, tracker: Tracker, phone: str
    ) -> List[EventType]:
        """At the read-back, "那个是电话号码" said of a number that waits for a yes.

        The number is dropped as an order (the one read back stays) and becomes the contact,
        unless calls were declined; what the triage read into the message changes nothing
        ("嗰個係電話號碼" was filed as a wrong item, hand test ux5).
        """
        changes: Dict[str, Any] = {
            key: slot_before_this_turn(tracker, key)
            for key in slots_set_this_turn(tracker)
            if key in _CORRECTABLE
        }
        changes["pending_order_id"] = None
        if phone_taken_as_contact(tracker):
            changes.update(contact=phone, contact_status="given")
        dispatcher.utter_message(response="utter_noted_phone_not_order")
        return [SlotSet(k, v) for k, v in changes.items()] + await read_back(
            dispatcher, tracker, changes
        )

    async def _check_order(self, raw: Any) -> Dict[str, Any]:
        order_id = normalize_order_id(str(raw or ""), dependencies.settings().order_id_pattern)
        if not order_id:
            return {}
        try:
            order = await dependencies.order_service().get_order(order_id)
        except OrderServiceUnavailable:
            return {"order_id": order_id, "order_verified": False}
        if order:
            return {
                "order_id": order_id,
                "order_verified": True,
                "pending_order_id": None,
                "order_missing": None,
            }
        return {"pending_order_id": order_id}


class ActionCreateTicket(Action):
    """The customer confirmed: file the ticket once and tell them what happens next."""

    def name(self) -> str:
        return "action_create_ticket"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        if asks_what_next(latest_text(tracker)):
            # a question read as a yes ("就这样就行了吗"): what follows the yes, then the yes
            return answer_what_next(dispatcher)
        return await confirm(dispatcher, tracker)


def answer_what_next(dispatcher: CollectingDispatcher) -> List[EventType]:
    """At the read-back, "多久有人处理？": when a person answers once it is filed; not filed yet.

    The normal first-response time is the longest a filed ticket waits (urgent ones less).
    """
    minutes = dependencies.settings().sla.normal_first_response_minutes
    dispatcher.utter_message(response="utter_read_back_what_next", first_response_minutes=minutes)
    return []


async def confirm(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
    """A yes at the read-back files the ticket.

    An unknown order number the customer stands by is kept (unverified) and read back first.
    """
    pending = tracker.get_slot("pending_order_id")
    if pending:
        confirmed = {
            "order_id": pending,
            "order_verified": False,
            "pending_order_id": None,
            "order_missing": None,
        }
        dispatcher.utter_message(response="utter_noted_correction")
        return [SlotSet(k, v) for k, v in confirmed.items()] + await read_back(
            dispatcher, tracker, confirmed
        )
    ticket = await create_ticket(tracker, handoff_reason="confirmed")
    return await announce_ticket(dispatcher, tracker, ticket, "utter_ticket_created")
