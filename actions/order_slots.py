"""The complaint form's order question: the number, a re-check of an unknown one, or none.

Split from `actions/validation.py` (one concern each); `ValidateComplaintForm` mixes these
methods in, and rasa-sdk finds them there by their `extract_<slot>`/`validate_<slot>` names.
"""

import logging
from typing import Any, Dict, Optional, Tuple

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import dependencies, form_turn, message_contact
from actions.asides import asked_back
from actions.conversation import (
    CONTROL_INTENTS,
    latest_entity,
    latest_intent,
    latest_text,
    note_correction,
    page_order_id,
    responses_said,
    slot_before_this_turn,
    slots_set_this_turn,
)
from actions.per_message import per_message
from bot.intake import answers, order_fragments
from bot.intake.number_before import points_back_to_a_number
from bot.intake.order_state import order_state_response
from bot.intake.shipment_facts import shipment_facts
from bot.nlu.number_shapes import phone_shaped
from bot.orders.ids import normalize_order_id, prefix_readings, with_typed_prefix
from bot.orders.item_fit import load_kinds, named_goods_not_in_order
from bot.orders.readings import group_readings
from bot.orders.service import Order, OrderServiceUnavailable

logger = logging.getLogger(__name__)


def number_called_a_phone(tracker: Tracker) -> Optional[str]:
    """The unknown number being checked again, which this message says is a phone number.

    Hand test (ux5): asked to check an order number we could not find, a customer answered
    "唔係呀 嗰個係電話號碼嚟㗎" (no, that was a phone number); the NLU read a correction that
    changed nothing, and the same check was asked again. Only at the re-check (the order
    question, or the read-back while a number waits for a yes), and not when the message
    gives a phone number of its own. The message is read once (`per_message`): the form's
    steps for one message ask this several times.
    """
    at_recheck = tracker.get_slot("requested_slot") == "order_id" or (
        tracker.get_slot("requested_slot") is None and tracker.get_slot("awaiting_confirmation")
    )
    return per_message(tracker, _number_said_to_be_a_phone) if at_recheck else None


def _number_said_to_be_a_phone(tracker: Tracker) -> Optional[str]:
    """The number that waited for a yes before this message, if the message calls it a phone."""
    pending = slot_before_this_turn(tracker, "pending_order_id")
    if not pending or message_contact.phone(tracker):
        return None
    return str(pending) if answers.calls_number_a_phone(latest_text(tracker)) else None


def phone_taken_as_contact(tracker: Tracker) -> Optional[str]:
    """The number said to be a phone, when it becomes the contact; else None.

    A phone volunteered at another question is consent to be called (`extract_contact_status`);
    a customer who said "不用留电话" before is only explaining what the number was. A number no
    phone has the shape of (twelve digits) is no order either, but no contact.
    """
    called = number_called_a_phone(tracker)
    if (
        called is not None
        and phone_shaped(called)
        and slot_before_this_turn(tracker, "contact_status") != "declined"
    ):
        return called
    return None


def order_number_said_before(tracker: Tracker) -> Optional[str]:
    """The last order number of this conversation before this message; None when none was.

    A number the form took (a ticket filed before, a number dropped at a correction) or one
    the NLU read in an earlier message: what "就用刚才那个" at the order question points to.
    """
    events = list(tracker.events)
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=0)
    found: Optional[str] = None
    for event in events[:last_user]:
        if event.get("event") == "slot" and event.get("name") == "order_id" and event.get("value"):
            found = str(event["value"])
        elif event.get("event") == "user":
            entities = (event.get("parse_data") or {}).get("entities") or []
            said = [e.get("value") for e in entities if e.get("entity") == "order_id"]
            if said and said[-1]:
                found = str(said[-1])
    return found


async def shop_knows_order(order_id: str) -> bool:
    """Whether the order service knows the number; not when it cannot be asked.

    A known order waiting for a yes is one whose goods were not those named; an unknown one
    is checked as typed.
    """
    try:
        return bool(await dependencies.order_service().get_order(order_id))
    except OrderServiceUnavailable:
        return False


class OrderSlots:
    """The order number: typed, from the order page, confirmed after a re-check, or none."""

    async def extract_order_id(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """Confirming a number we could not find, or a bare number typed when asked.

        "订单号没有" said while another question is open answers this one too.
        """
        from_page = self._order_of_the_page(tracker)
        if from_page:
            return from_page
        if tracker.get_slot("requested_slot") != "order_id":
            if self._no_order_said_early(tracker):
                return {"order_missing": True}
            return {}
        completed = await self._completed_number(tracker)
        if completed:
            return {"order_id": completed}
        pending = tracker.get_slot("pending_order_id")
        intent = latest_intent(tracker)
        text = latest_text(tracker)
        extracted = latest_entity(tracker, "order_id")
        if extracted:
            whole = with_typed_prefix(text, str(extracted), self._pattern())
            return {"order_id": whole} if whole != str(extracted) else {}
        if number_called_a_phone(tracker):
            return {"order_id": None}  # no order number after all: the question is asked again
        if not pending and points_back_to_a_number(text):
            # "就用刚才那个": the number said before in this conversation; with none, nothing
            # is taken and the question says so (`ActionAskOrderId`), dialogues_dev26
            earlier = order_number_said_before(tracker)
            return {"order_id": earlier} if earlier else {}
        if pending and (
            intent == "affirm" or answers.affirms(text) or answers.stands_by_number(text)
        ):
            return {"order_id": pending}
        if not pending and asked_back(tracker):
            # "订单号在哪看啊？我找不到" (dev19 v014), a first "订单号我找不到啊" (dev21): told
            # where, then asked again; "找不到" once more is no number at hand
            return {}
        rejected = answers.rejects_the_order(text) and not answers.has_number(text)
        if rejected and self._pending_before_this_turn(tracker):
            # "不是这单": validated as none, which drops the number and asks for the right
            # one (in both passes: the slot mappings' pass has dropped it already)
            return {"order_id": None}
        if not pending and (
            answers.has_no_order_number(text) or (intent == "deny" and not answers.has_number(text))
        ):
            return {"order_missing": True}
        if (
            pending
            and intent not in form_turn.NOT_ANSWERS
            and not answers.has_number(text)
            and await shop_knows_order(pending)
        ):
            # "is it this order?" passed over ("补发赠品就好", "没有截图"): the shop knows the
            # order and the customer did not say it is another, so it stands (hand trial)
            return {"order_id": pending}
        if intent in CONTROL_INTENTS:
            return {}
        candidate = normalize_order_id(text, self._pattern())
        if candidate:
            return {"order_id": candidate}
        if form_turn.unclear_again(tracker, "order_id"):
            # asked twice, no number: the customer has none at hand (or stands by the one
            # we could not find); the ticket goes out without a verified order
            return {"order_id": pending} if pending else {"order_missing": True}
        return {}

    async def validate_order_missing(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """No order number: the ticket goes out without one (order_verified false)."""
        if not value:
            return {"order_missing": None}
        return {"order_missing": True, "order_id": None, "pending_order_id": None}

    def _order_of_the_page(self, tracker: Tracker) -> Dict[str, Any]:
        """A customer writing from an order page complains about that order.

        Hand test: the demo order page's 申请售后 opened the widget and the bot asked for the
        number. Only while no order is settled or being checked, and not over a typed number.
        """
        if not form_turn.intake_collecting(tracker) or latest_entity(tracker, "order_id"):
            return {}
        if any(tracker.get_slot(n) for n in ("order_id", "pending_order_id", "order_missing")):
            return {}
        order_id = normalize_order_id(page_order_id(tracker) or "", self._pattern())
        return {"order_id": order_id} if order_id else {}

    async def validate_order_id(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """Known orders pass; an unknown one is checked once more with the customer.

        The value is the NLU's entity or a number `extract_order_id` read already, so an id
        of letters alone the NLU found after an order word stands.
        """
        order_id = normalize_order_id(str(value or ""), self._pattern(), allow_letters_only=True)
        if not order_id and number_called_a_phone(tracker):
            return {"order_id": None, "order_verified": None, "pending_order_id": None}
        if not order_id:
            if self._pending_before_this_turn(tracker) and answers.rejects_the_order(
                latest_text(tracker)
            ):
                # "不是这单": the number waiting for a yes goes (rasa_sdk keeps only the
                # validated slots, so it is dropped here, not in the extraction)
                return {"order_id": None, "pending_order_id": None}
            return {"order_id": None}
        if self._said_again(tracker, order_id):
            return {"order_id": order_id}
        pending = self._pending_before_this_turn(tracker)
        try:
            order_id, order = await self._look_up(order_id, latest_text(tracker))
        except OrderServiceUnavailable as exc:
            logger.warning("order service unavailable, keeping order unverified: %s", exc)
            return {"order_id": order_id, "order_verified": False, "pending_order_id": None}
        if order and pending != order_id and self._goods_elsewhere(tracker, order):
            # the goods named are not in this order: asked once whether it is this one
            return {
                "order_id": None,
                "order_verified": None,
                "pending_order_id": order_id,
                "order_missing": None,
            }
        if order:
            before = slot_before_this_turn(tracker, "order_id")
            requested = tracker.get_slot("requested_slot")
            if (
                before
                and before != order_id
                and requested != "order_id"
                and form_turn.form_pass(tracker)
            ):
                # a new known number while another question is open ("订单号应该是 …")
                note_correction(dispatcher, tracker, {"order_id": order_id})
            known = {
                "order_id": order_id,
                "order_verified": True,
                "pending_order_id": None,
                "order_missing": None,
            }
            if order_fragments.completes(pending, order_id) and form_turn.form_pass(tracker):
                # "还没打完 后面是5567": the joined number said back, as found
                dispatcher.utter_message(response="utter_noted_order_completed", order_id=order_id)
            self._tell_the_record(dispatcher, tracker, order)
            if order.get("live"):  # the order records the live session it was bought in
                known["live"] = {**order["live"], **(tracker.get_slot("live") or {})}
            return known
        if pending == order_id or self._confirmed_this_turn(tracker, order_id):
            return {
                "order_id": order_id,
                "order_verified": False,
                "pending_order_id": None,
                "order_missing": None,
            }
        return {
            "order_id": None,
            "order_verified": None,
            "pending_order_id": order_id,
            "order_missing": None,
        }

    @staticmethod
    def _goods_elsewhere(tracker: Tracker, order: Order) -> bool:
        """Whether the complaint names goods of a kind the order does not hold.

        Why (trial11): a mistyped or another order's number was filed as it was, and the
        agent called about the wrong goods. The story told so far and this message count.
        """
        told = f"{tracker.get_slot('issue_description') or ''} {latest_text(tracker)}"
        kinds = load_kinds(dependencies.settings().order_service.goods_kinds_file)
        return named_goods_not_in_order(told, order, kinds)

    @staticmethod
    def _tell_the_record(dispatcher: CollectingDispatcher, tracker: Tracker, order: Order) -> None:
        """What the record says of a parcel "never shipped" or "never received", once."""
        if not form_turn.form_pass(tracker):
            return
        told = f"{tracker.get_slot('issue_description') or ''} {latest_text(tracker)}"
        facts = shipment_facts(
            order, told, dependencies.settings().timezone, tracker.get_slot("issue_category")
        )
        if facts and facts[0] not in responses_said(tracker):
            dispatcher.utter_message(response=facts[0], **facts[1])
            return
        state = order_state_response(
            order,
            told,
            tracker.get_slot("issue_category"),
            tracker.get_slot("desired_remedy"),
        )
        if state and state not in responses_said(tracker):
            # "这单显示已在退款处理中…", "…还没发货": once, the intake goes on (trial14)
            dispatcher.utter_message(response=state)

    async def _completed_number(self, tracker: Tracker) -> Optional[str]:
        """The number waiting for a check, completed by the digits of this answer; else None.

        "订单号2024 1123" was checked, and the answer is the rest ("还没打完 后面是5567",
        "200012 刚才没发完"): `bot.intake.order_fragments`. The rest completes the number
        when the customer says the number went on, when it is too short to be one, or when
        the joined number is an order we know and the rest alone is not.
        """
        pending = self._pending_before_this_turn(tracker)
        if not pending:
            return None
        completion = order_fragments.complete(str(pending), latest_text(tracker), self._pattern())
        if completion is None:
            return None
        if completion.said_to_continue or completion.rest_alone_is_no_number:
            return completion.whole
        if await self._known(completion.whole) and not await self._known(completion.rest):
            return completion.whole
        return None

    @staticmethod
    async def _look_up(order_id: str, text: str) -> Tuple[str, Optional[Order]]:
        """The order and the id it is filed under: `order_id`, or another reading the shop knows.

        "京东订单 JD 2865…" is JD2865… to the NLU; a shop whose records know only 2865… has
        that order, and "xhsP7123…" is P7123… to a shop that files its own P (each shorter
        prefix is tried, `bot.orders.ids.prefix_readings`). "2024112000 12" is 2024112000 to the
        NLU; a shop that knows 202411200012 has that one (`bot.orders.readings`). An unknown
        id is returned as it was; so is one whose other readings could not be asked about.
        """
        service = dependencies.order_service()
        order = await service.get_order(order_id)
        if order:
            return order_id, order
        for reading in prefix_readings(order_id) + group_readings(text, order_id):
            try:
                known = await service.get_order(reading)
            except OrderServiceUnavailable:  # the number as typed is checked with the customer
                break
            if known:
                return reading, known
        return order_id, None

    @staticmethod
    async def _known(order_id: str) -> bool:
        """Whether the order service knows the number (not when it cannot be asked)."""
        try:
            return bool(await dependencies.order_service().get_order(order_id))
        except OrderServiceUnavailable:
            return False

    @staticmethod
    def _said_again(tracker: Tracker, order_id: str) -> bool:
        """The order already settled, given again while another question is open.

        Why: asked for the live room, a viewer sent the order number again; an unknown
        number the customer had confirmed went back to "we could not find it, check it",
        and the room and the re-check were asked in turn until the customer gave up
        (dialogues_dev10 t082). At the order question itself a number is read as usual.
        """
        return order_id == slot_before_this_turn(tracker, "order_id") and tracker.get_slot(
            "requested_slot"
        ) not in (None, "order_id")

    @staticmethod
    def _no_order_said_early(tracker: Tracker) -> bool:
        """No order number, said in so many words before the order question."""
        return (
            form_turn.intake_collecting(tracker)
            and not tracker.get_slot("order_id")
            and not tracker.get_slot("pending_order_id")
            and answers.says_no_order_number(latest_text(tracker))
        )

    @staticmethod
    def _pending_before_this_turn(tracker: Tracker) -> Optional[str]:
        """The number waiting for a yes before this message.

        The slot mappings' pass may have just set it to this message's number, which the
        form's pass must not take as the customer standing by it (a phone number typed at
        the re-check was filed as the order).
        """
        if "pending_order_id" in slots_set_this_turn(tracker):
            return slot_before_this_turn(tracker, "pending_order_id")
        return tracker.get_slot("pending_order_id")

    @staticmethod
    def _confirmed_this_turn(tracker: Tracker, order_id: str) -> bool:
        """Whether this message already confirmed the unknown number.

        The slot mappings run this validation once before the form does; the form must not
        ask again.
        """
        changed = slots_set_this_turn(tracker)
        return changed.get("order_verified") is False and changed.get("order_id") == order_id

    def _pattern(self) -> str:
        return dependencies.settings().order_id_pattern
