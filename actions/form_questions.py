"""The complaint form's own questions, where a plain `utter_ask_<slot>` would not do.

Quick replies from the classifier's guesses, a re-check of an unknown order number, a hint
after an unclear answer, and the evidence a complaint of this kind calls for. No question
follows files whose caption comes next (`caption_follows`): the widget sends the files, then
the words typed with them, and the words may answer the question ("补发一个吧" with a photo
at the remedy question was met by the remedy question again, hand trial trial4).
"""

from abc import ABC, abstractmethod
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import dependencies
from actions.asides import asked_back
from actions.conversation import (
    latest_text,
    localized,
    slot_before_this_turn,
    slots_set_this_turn,
)
from actions.form_turn import (
    ASKED_BACK,
    WAITING,
    caption_follows,
    captions_the_upload,
    unclear_mark,
)
from actions.order_slots import number_called_a_phone, shop_knows_order
from bot.intake.answers import rejects_the_order
from bot.intake.draft import asks_for_tracking
from bot.intake.number_before import points_back_to_a_number
from bot.intake.questions_back import ANSWERS_THAT_ASK
from bot.orders.item_fit import item_names
from bot.taxonomy import CATEGORIES, category_label, remedy_label


class ActionAskIssueCategory(Action):
    """Ask for the category with the classifier's best guesses as quick replies.

    A near tie of sure categories ("杯子收到就破了": logistics or product_quality) offers the
    tied ones and "other"; an unsure classifier offers its three best guesses, one more
    kind and "other".
    """

    def name(self) -> str:
        return "action_ask_issue_category"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        if caption_follows(tracker):
            return []
        buttons = [
            {"title": category_label(code), "payload": f'/inform{{"issue_category":"{code}"}}'}
            for code in category_choices(
                tracker.get_slot("category_candidates"), tracker.get_slot("category_tied")
            )
        ]
        unclear = unclear_mark(tracker) == "issue_category"
        dispatcher.utter_message(
            response="utter_ask_issue_category_unclear" if unclear else "utter_ask_issue_category",
            buttons=localized(tracker, buttons),
        )
        return []


def category_choices(candidates: Any, tied: Any) -> List[str]:
    """The category codes the question offers, "other" last."""
    tied_codes = [c for c in dict.fromkeys(tied or []) if c in CATEGORIES]
    if len(tied_codes) >= 2:
        return tied_codes + (["other"] if "other" not in tied_codes else [])
    ranked = [c for c in (candidates or []) if c in CATEGORIES]
    codes = list(dict.fromkeys(ranked[:3] + [c for c in CATEGORIES if c not in ranked]))
    return codes[:4] + (["other"] if "other" not in codes[:4] else [])


def ask_to_recheck_order(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    pending_order_id: str,
    response: str = "utter_order_not_found",
    button: str = "确认无误",
    **values: Any,
) -> None:
    """"We could not find this number: check it, or confirm it" with a confirm button."""
    dispatcher.utter_message(
        response=response,
        pending_order_id=pending_order_id,
        buttons=localized(tracker, [{"title": button, "payload": "/affirm"}]),
        **values,
    )


def answered_with_the_question(tracker: Tracker, slot: str) -> bool:
    """Whether this turn's answer to a question about the question already asks it.

    Why: "订单号我找不到" got where the number is shown, ending "实在找不到也没关系，回复“没有”
    我先登记", and then the order question again in the same turn (trial11): the customer
    read the same question twice in a row. The form still waits for this question.
    """
    return unclear_mark(tracker) == f"{slot}{ASKED_BACK}" and asked_back(tracker) in (
        ANSWERS_THAT_ASK
    )


def remedy_given_this_turn(tracker: Tracker) -> Optional[str]:
    """The remedy this message named or changed, if it did."""
    remedy = slots_set_this_turn(tracker).get("desired_remedy")
    return remedy if remedy and remedy != slot_before_this_turn(tracker, "desired_remedy") else None


class ActionAskIssueDescription(Action):
    """Ask what went wrong; after an answer that was only the order number, say it was noted.

    Why: "订单 2024 1123 5567" sent first was met by the same question word for word (hand test).
    """

    def name(self) -> str:
        return "action_ask_issue_description"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        if caption_follows(tracker):
            return []  # the words typed with the files come next and tell it
        order_id = slots_set_this_turn(tracker).get("order_id")
        if order_id:
            dispatcher.utter_message(
                response="utter_ask_issue_description_order_noted", order_id=order_id
            )
        else:
            dispatcher.utter_message(response="utter_ask_issue_description")
        return []


class ActionAskOrderId(Action):
    """Ask for the order number, or ask to re-check one the order service did not know."""

    def name(self) -> str:
        return "action_ask_order_id"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        if caption_follows(tracker) or answered_with_the_question(tracker, "order_id"):
            return []
        pending = tracker.get_slot("pending_order_id")
        remedy = remedy_given_this_turn(tracker)
        phone = number_called_a_phone(tracker)
        if pending and await shop_knows_order(pending):
            # a known order whose goods are not those the customer named: is it this one?
            # (before the remedy's note: "没查到" would be untrue of a known order)
            ask_to_recheck_order(
                dispatcher,
                tracker,
                pending,
                "utter_order_other_goods",
                button="是这一单",
                order_items=await _order_items(pending),
            )
        elif pending and remedy:
            # "想換過個新嘅" instead of checking the number: the wish is noted, the check
            # follows in other words (the same question word for word read as not heard)
            ask_to_recheck_order(
                dispatcher,
                tracker,
                pending,
                "utter_order_recheck_remedy_noted",
                remedy_label=remedy_label(remedy),
            )
        elif pending:
            ask_to_recheck_order(dispatcher, tracker, pending)
        elif phone:
            # "那个是电话号码": the number is the customer's phone (their contact, unless they
            # declined calls), and the order number is still to come
            taken = tracker.get_slot("contact") == phone
            dispatcher.utter_message(
                response="utter_ask_order_id_phone_noted" if taken else "utter_ask_order_id_not_phone"
            )
        elif _order_rejected(tracker):
            dispatcher.utter_message(response="utter_ask_order_id_right_one")
        elif remedy and slot_before_this_turn(tracker, "requested_slot") == "order_id":
            # "想换大一码" told instead of the number: the same question word for word read
            # as not heard (hand trial)
            dispatcher.utter_message(
                response="utter_ask_order_id_remedy_noted", remedy_label=remedy_label(remedy)
            )
        elif points_back_to_a_number(latest_text(tracker)) and (
            slot_before_this_turn(tracker, "requested_slot") == "order_id"
        ):
            # "就用刚才那个" with no number given in this conversation: said so, asked again
            dispatcher.utter_message(response="utter_ask_order_id_none_given")
        elif unclear_mark(tracker) == "order_id":
            dispatcher.utter_message(response="utter_ask_order_id_unclear")
        elif unclear_mark(tracker) == f"order_id{WAITING}":
            dispatcher.utter_message(response="utter_ask_order_id_wait")
        else:
            dispatcher.utter_message(response="utter_ask_order_id")
        return []


def _order_rejected(tracker: Tracker) -> bool:
    """Whether the number waiting for a yes was just said not to be the one ("不是这单")."""
    return bool(slot_before_this_turn(tracker, "pending_order_id")) and rejects_the_order(
        latest_text(tracker)
    )


async def _order_items(order_id: str) -> str:
    """The order's items, as the question names them ("手工陶瓷马克杯 (雾蓝)、杯套")."""
    order = await dependencies.order_service().get_order(order_id)
    return "、".join(item_names(order or {}))


class ActionAskEvidenceStatus(Action):
    """Ask for evidence; after some files, ask once for the kinds still missing."""

    def name(self) -> str:
        return "action_ask_evidence_status"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        if caption_follows(tracker) and tracker.get_slot("evidence"):
            return []  # the words typed with the files say which kinds they are (gap d)
        if answered_with_the_question(tracker, "evidence_status"):
            return []
        missing = tracker.get_slot("evidence_followup")
        asked_after_the_files = "evidence_followup" not in slots_set_this_turn(tracker)
        if missing and captions_the_upload(tracker) and asked_after_the_files:
            # asked just now, after the files the words came with, whether the words were
            # unclear ("張相喺度", ux8) or told more ("外箱也压扁了", ux12); files sent before
            # the category was known were not asked about yet: the words' turn asks (ev2)
            return []
        if missing:
            dispatcher.utter_message(response="utter_ask_more_evidence", missing="、".join(missing))
        elif unclear_mark(tracker) == "evidence_status":
            dispatcher.utter_message(response="utter_ask_evidence_status_unclear")
        elif asks_for_tracking(
            tracker.get_slot("issue_category"), tracker.get_slot("issue_description")
        ):
            dispatcher.utter_message(response="utter_ask_evidence_tracking")
        else:
            dispatcher.utter_message(response="utter_ask_evidence_status")
        return []


class ActionAskContactStatus(Action):
    """Ask whether the customer wants a call, in plain words after the caption of files.

    Words typed with files at the contact question (the widget sends the files, then the
    words) got the question after the files and its hint ("需要售后同事电话联系的话，直接发一个
    手机号给我…") after the words (ux11). The question now waits for the words: a phone number
    or "不用" typed with the files answers it; words that only caption the files
    (`form_turn._caption_at_contact_question`) are no unclear answer, so the plain question
    follows them.
    """

    def name(self) -> str:
        return "action_ask_contact_status"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        if caption_follows(tracker) or answered_with_the_question(tracker, "contact_status"):
            return []
        if _photos_promised_now(tracker):
            # "嗯" or "好" to "please take a photo": settled "later", which the customer was
            # not told (trial4); where to send them, then the question
            dispatcher.utter_message(response="utter_ask_contact_status_photos_later")
            return []
        # the response's own variants follow `unclear_answer` (a hint, a wait; none for
        # words that only caption the files: the plain question)
        dispatcher.utter_message(response="utter_ask_contact_status")
        return []


def _photos_promised_now(tracker: Tracker) -> bool:
    """Whether this message answered the evidence question with "later", no hint pending."""
    return (
        slots_set_this_turn(tracker).get("evidence_status") == "later"
        and slot_before_this_turn(tracker, "requested_slot") == "evidence_status"
        and not unclear_mark(tracker)
    )


# questions with a variant that notes a remedy told instead of their answer
REMEDY_NOTED_VARIANTS = frozenset({"live_claim", "live_session"})


def ask_plainly(dispatcher: CollectingDispatcher, tracker: Tracker, slot: str) -> List[EventType]:
    """`utter_ask_<slot>` (its variants follow `unclear_answer`), unless a caption follows.

    A remedy told instead of the answer ("要么补发赠品 要么退差价" at the room question) is
    noted before the question comes again: the same question word for word read as not
    heard (lead's hand trial).
    """
    if caption_follows(tracker):
        return []
    remedy = remedy_given_this_turn(tracker)
    if (
        remedy
        and slot in REMEDY_NOTED_VARIANTS
        and slot_before_this_turn(tracker, "requested_slot") == slot
    ):
        dispatcher.utter_message(
            response=f"utter_ask_{slot}_remedy_noted", remedy_label=remedy_label(remedy)
        )
    else:
        dispatcher.utter_message(response=f"utter_ask_{slot}")
    return []


class AskPlainly(Action, ABC):
    """`action_ask_<slot>` that asks `utter_ask_<slot>` plainly (`ask_plainly`).

    Why an action at all where Rasa would utter the response itself: no question follows
    files whose caption comes next. Abstract (no `slot`), so the SDK registers only the
    subclasses.
    """

    @property
    @abstractmethod
    def slot(self) -> str:
        """The form slot asked for."""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        return ask_plainly(dispatcher, tracker, self.slot)


class ActionAskDesiredRemedy(AskPlainly):
    """Ask what the customer wants done, with the remedies as quick replies."""

    slot = "desired_remedy"


class ActionAskLiveClaim(AskPlainly):
    """Ask what the live-stream host said or promised."""

    slot = "live_claim"


class ActionAskLiveSession(AskPlainly):
    """Ask which host's live room it was, and when."""

    slot = "live_session"
