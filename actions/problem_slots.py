"""The complaint form's problem questions: what went wrong, in the customer's words, and its kind.

Split from `actions/validation.py` (one concern each); `ValidateComplaintForm` mixes these
methods in, and rasa-sdk finds them there by their `extract_<slot>`/`validate_<slot>` names.
The wording rules themselves are in `bot.intake.answers` and `bot.intake.category_answers`.
"""

from typing import Any, Dict

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import form_turn
from actions.asides import asked_back, is_aside
from actions.conversation import (
    CONTROL_INTENTS,
    corrected_category,
    kept_category,
    latest_entity,
    latest_intent,
    latest_text,
    note_correction,
    slot_before_this_turn,
)
from actions.evidence_recategorised import evidence_for_new_category
from actions.intake import answer_feeling, message_emotion
from actions.live_slots import live_context
from bot.intake import answers, category_answers, order_fragments, remedy_answers
from bot.intake.contact_answers import only_gives_contact
from bot.intake.draft import CATEGORY_MIN_CONFIDENCE, evidence_kinds, strongest_emotion
from bot.intake.evidence_said_missing import only_says_kinds_missing
from bot.intake.remedy_reasons import remedy_with_no_fact
from bot.live.promised_gift import LIVESTREAM, hosts_gift_never_came, live_category
from bot.nlu.normalize import has_words
from bot.taxonomy import CATEGORIES


class ProblemSlots:
    """`issue_description` and `issue_category`: extraction and validation."""

    async def extract_issue_description(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """The customer's own words: every complaint message, or any answer when asked."""
        text = latest_text(tracker)
        intent = latest_intent(tracker)
        asked = tracker.get_slot("requested_slot") == "issue_description"
        if not has_words(text) or self._answers_open_question(tracker):
            return {}  # "😭😭😭" says how the customer feels; what happened is still asked
        if is_aside(tracker):
            return {}  # "你叫什么名字" as the first message is no part of the problem (trial4)
        if asked_back(tracker):
            return {}  # "拍照干嘛？你们不相信我？": a question about the question (trial8)
        if answers.only_gives_order_number(text):
            return {}  # the order number, sent first: what happened is still to be told
        if order_fragments.only_continues_number(text):
            return {}  # "还没打完 后面是5567": the rest of the order number being checked
        if answers.names_only_the_goods(text):
            return {}  # "我买的那个电热水壶": what went wrong with it is still to be told
        if remedy_answers.only_names_a_remedy(text):
            return {}  # "退款" alone: what is wanted, not what went wrong (dev14 q010)
        if answers.states_no_fact(text):
            return {}  # "！！赶紧处理！！", "冇喇，得呢張": nothing about the problem (ux10)
        if tracker.get_slot("evidence") and only_says_kinds_missing(
            text,
            evidence_kinds(
                slot_before_this_turn(tracker, "issue_category"),
                slot_before_this_turn(tracker, "issue_description"),
            ),
        ):
            return {}  # "商品的没有了，扔掉了": which photo is missing, not the problem
        if not (
            intent == "complain"
            or (asked and intent not in CONTROL_INTENTS)
            or (form_turn.asked_closed_question(tracker) and answers.asks_about_process(text))
            or (
                intent in ("inform", "nlu_fallback", "correct", "out_of_scope")
                and self._describes_problem(tracker)
            )
            or (  # a complaint the NLU read as a status question (action_ticket_status)
                intent == "status_query"
                and not answers.asks_about_status(text)
                and self._describes_problem(tracker)
            )
        ):
            return {}
        before = slot_before_this_turn(tracker, "issue_description")
        if before and form_turn.append(before, text) == before:
            return {}  # said again: nothing new, so the open question's answer is still unclear
        return {"issue_description": form_turn.append(tracker.get_slot("issue_description"), text)}

    async def validate_issue_description(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """Keep the classifier's best guesses so an unsure category is asked with buttons.

        When the intake opened without the problem (a photo, "我要投诉") and the customer's
        first words of it are angry or upset, they hear empathy before the next question.
        """
        slots: Dict[str, Any] = {"issue_description": value}
        if self._feeling_still_unanswered(tracker, value):
            emotion = strongest_emotion(message_emotion(tracker))
            if emotion != "calm":
                slots["emotion"] = emotion
                if form_turn.form_pass(tracker):  # the slot mappings' messages are not sent
                    answer_feeling(dispatcher, tracker, emotion)
        elif self._adds_to_description(tracker, value) and form_turn.form_pass(tracker):
            dispatcher.utter_message(response="utter_noted_description")
        ranking = (tracker.latest_message.get("complaint_triage") or {}).get("category") or {}
        candidates = [r.get("code") for r in ranking.get("ranking", []) if r.get("code")]
        if candidates:
            slots["category_candidates"] = candidates
            # a near tie of sure categories is asked between them alone (the NLU's `tied`)
            slots["category_tied"] = [c for c in ranking.get("tied") or [] if c] or None
        return slots

    async def extract_issue_category(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """A typed answer to the category question ("质量问题", "物流的问题").

        The quick replies fill the slot through their entity; a customer who types instead
        names the category or describes it, and the NLU gives no category for that. A
        category's bare name ("物流的问题") names it before the question too.
        """
        asked = form_turn.asked_this_turn(tracker, "issue_category")
        read_as_status = self._category_of_a_complaint_read_as_status(tracker)
        if read_as_status and not tracker.get_slot("issue_category"):
            return {"issue_category": read_as_status}
        if latest_intent(tracker) in form_turn.REQUESTS:
            return {}
        corrected = corrected_category(tracker)
        if corrected and slot_before_this_turn(tracker, "issue_category") and not asked:
            # "不对 是屏幕裂了不是没电 拆开快递就是碎的" at another question, however the NLU
            # placed it (unplaced, it carries no category entity)
            return {"issue_category": corrected}
        if latest_entity(tracker, "issue_category"):
            return {}
        text = latest_text(tracker)
        code = None
        if asked or not tracker.get_slot("issue_category"):
            code = category_answers.category_named(text)
        if (
            code is None
            and not tracker.get_slot("issue_category")
            and hosts_gift_never_came(text or "", live_context(tracker))
        ):
            # the NLU unsure between, say, logistics and promotion: the session tells (ux6)
            code = LIVESTREAM
        if code is None and asked and latest_intent(tracker) not in CONTROL_INTENTS:
            code = category_answers.category_in_context(
                text, tracker.latest_message.get("complaint_triage")
            )
        if code is None and form_turn.unclear_again(tracker, "issue_category"):
            # asked twice and still no kind named: the likeliest one, which the read-back shows
            candidates = tracker.get_slot("category_candidates") or []
            code = next((c for c in candidates if c in CATEGORIES), "other")
        return {"issue_category": code} if code else {}

    async def validate_issue_category(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """Only taxonomy codes are stored.

        A known category is kept against answers about something else (`kept_category`). In
        a live session, a promised gift that never came is the host's promise, whatever the
        NLU read into the words alone (`bot.live.promised_gift`): a viewer's "买锅说好送铲子的
        没收到" was filed as logistics and stayed out of the session's group incident.
        """
        kept = kept_category(tracker)
        if kept and value != kept:
            return {"issue_category": kept}
        if not slot_before_this_turn(tracker, "issue_category") and self._says_no_problem(
            latest_text(tracker)
        ):
            # a kind of problem guessed from the goods' name alone ("我买的那个电热水壶") or
            # from a remedy alone ("退款": refund_payment 0.97, dialogues_dev14 q010): what went
            # wrong is asked first, and its answer tells the kind (hand test ux8)
            return {"issue_category": None}
        corrected = corrected_category(tracker)
        if corrected and slot_before_this_turn(tracker, "issue_category"):
            value = corrected  # the part the correction affirms, not the one it denies
        if value not in CATEGORIES:
            return {"issue_category": None}
        # a promised gift that never came, in a live session: the host's promise (ux6)
        value = live_category(value, latest_text(tracker) or "", live_context(tracker))
        before = slot_before_this_turn(tracker, "issue_category")
        if (
            before
            and value != before
            and tracker.get_slot("requested_slot")
            not in (None, "issue_description", "issue_category")
            and form_turn.form_pass(tracker)
        ):
            note_correction(dispatcher, tracker, {"issue_category": value})
        # the evidence settled for the old category: what the new one lacks (gap b)
        return {"issue_category": value, **evidence_for_new_category(tracker, value)}

    @staticmethod
    def _says_no_problem(text: str) -> bool:
        """Whether the message names only the goods or only a remedy, nothing that went wrong."""
        return answers.names_only_the_goods(text) or remedy_answers.only_names_a_remedy(text)

    @staticmethod
    def _feeling_still_unanswered(tracker: Tracker, description: Any) -> bool:
        """The first words of the problem, asked for, after an opening without feeling."""
        return (
            tracker.get_slot("requested_slot") == "issue_description"
            and description == latest_text(tracker)
            and strongest_emotion(slot_before_this_turn(tracker, "emotion")) == "calm"
        )

    @staticmethod
    def _adds_to_description(tracker: Tracker, description: Any) -> bool:
        """More of the problem told at another question: the customer hears it was heard.

        Without it, "花瓶碎成渣了" at the order question is met by the same question again.
        """
        before = slot_before_this_turn(tracker, "issue_description")
        return (
            tracker.get_slot("requested_slot") not in (None, "issue_description")
            and bool(before)
            and description != before
        )

    @staticmethod
    def _answers_open_question(tracker: Tracker) -> bool:
        """Whether the message answers the open question in words.

        "没啥可拍的", "不记得订单号了", a category's name typed ("错发漏发"), a remedy named
        alone ("不要了 退钱") or with thanks or a reason ("换货吧 我也不想再折腾了") are no
        detail of the problem, however the NLU read them.
        """
        text = latest_text(tracker)
        return {
            "order_id": answers.has_no_order_number,
            "evidence_status": answers.has_no_evidence,
            "contact_status": lambda t: answers.declines_contact(t) or only_gives_contact(t),
            "issue_category": lambda t: category_answers.category_named(t) is not None,
            # the remedy alone, or with thanks, urging or why ("退款吧 真的等不起了", trial10)
            "desired_remedy": lambda t: (
                remedy_answers.only_names_a_remedy(t) or remedy_with_no_fact(t)
            ),
        }.get(tracker.get_slot("requested_slot") or "", lambda _: False)(text)

    @staticmethod
    def _category_of_a_complaint_read_as_status(tracker: Tracker) -> Any:
        """The triage's sure category of a complaint the NLU read as a status question.

        Why (hand trial, 2026-12-04): "我想问下我那个快递怎么三天了还没动" is read as
        status_query, for which the triage names no category entity, and the intake it opens
        asked the kind with buttons although the triage was sure of logistics (0.93).
        """
        text = latest_text(tracker)
        if latest_intent(tracker) != "status_query" or answers.asks_about_status(text):
            return None
        triage = (tracker.latest_message.get("complaint_triage") or {}).get("category") or {}
        sure = float(triage.get("confidence") or 0) >= CATEGORY_MIN_CONFIDENCE
        return triage.get("code") if sure and triage.get("code") in CATEGORIES else None

    @staticmethod
    def _describes_problem(tracker: Tracker) -> bool:
        """Whether facts given without a complaint intent still say what went wrong.

        "保温杯漏水 订单… 想换一个": the triage classifier is sure of a category, or the
        message that opens the intake says more than an order number and a remedy
        ("电饭煲不加热了 订单 2024-1122-0931").
        """
        if tracker.get_slot("issue_description"):
            return False
        triage = (tracker.latest_message.get("complaint_triage") or {}).get("category") or {}
        if triage.get("code") and float(triage.get("confidence") or 0) >= CATEGORY_MIN_CONFIDENCE:
            return True
        opening = tracker.get_slot("requested_slot") is None
        return opening and answers.says_what_happened(latest_text(tracker))
