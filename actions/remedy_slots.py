"""The complaint form's remedy question: what the customer wants, and a change of mind.

Split from `actions/validation.py` (one concern each); `ValidateComplaintForm` mixes these
methods in, and rasa-sdk finds them there by their `extract_<slot>`/`validate_<slot>` names.
The wording rules themselves are in `bot.intake.remedy_answers`.
"""

import re
from typing import Any, Dict, Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import form_turn
from actions.conversation import (
    CONTROL_INTENTS,
    latest_entity,
    latest_intent,
    latest_text,
    note_correction,
    slot_before_this_turn,
)
from bot.intake import answers, remedy_answers
from bot.nlu.normalize import has_words
from bot.taxonomy import REMEDIES

# intents whose remedy replaces a known one while another question is open
CHANGES_REMEDY = frozenset({"correct", "complain"})
# intents under which a remedy asked for in so many words is taken when none is known yet:
# a complaint also when the NLU read it as a correction or could not place it
_MAY_WISH_A_REMEDY = frozenset({"complain", "inform", "start_complaint", "correct", "nlu_fallback"})


def _remedy_changed(tracker: Tracker) -> Optional[str]:
    """The remedy the customer changes to in so many words; "other" when only taking one back.

    "退款唔要喇 照寄俾我" at the contact question: the refund is refused and nothing the
    spec names is asked instead, so the agent asks (dialogues_dev6 z020 kept the refund).
    """
    text = latest_text(tracker)
    before = slot_before_this_turn(tracker, "desired_remedy")
    changed = remedy_answers.remedy_changed(text)
    if changed is None and before == "other":
        changed = _remedy_named_after_other(text)
    if changed is None and remedy_answers.withdraws_remedy(text, before):
        return "other"
    return changed


def at_order_recheck(tracker: Tracker) -> bool:
    """The order question is open again for a number we could not find (the re-check)."""
    return tracker.get_slot("requested_slot") == "order_id" and bool(
        slot_before_this_turn(tracker, "pending_order_id")
    )


def _remedy_wished_at_recheck(tracker: Tracker) -> Optional[str]:
    """A remedy wished in so many words instead of an answer to the order re-check.

    Hand test (ux5): asked to check the number once more, a customer answered "想換過個新嘅"
    (I want a new one); whatever the NLU made of it (no remedy entity, or a remedy other than
    the one known) the check came again and the wish was lost or asked for later. A wish there
    answers nothing else, so it is taken, and replaces a remedy named before; requests for a
    person, a cancel or a status question stay what they are.
    """
    if not at_order_recheck(tracker) or latest_intent(tracker) in form_turn.REQUESTS:
        return None
    return remedy_answers.remedy_wished(latest_text(tracker))


def _remedy_named_after_other(text: str) -> Optional[str]:
    """A remedy named in so many words once the ticket's was left "other".

    Why: "other" is what the form files when no remedy was named (two answers with nothing in
    them, "你们看着办"), so a remedy named later in plain words ("退货退款" at the evidence
    question; hand test through the live-stream webhook) is the answer that was missing, not
    only a change of mind in so many words ("还是退款吧"). Without it the evidence question was
    asked again and the ticket kept "other".
    """
    named = remedy_answers.remedy_named(text, REMEDIES) or remedy_answers.remedy_wished(text)
    return named if named and named != "other" else None


def _asked_as_question(text: str) -> bool:
    """Whether the answer is put as a question ("这个你们不该赔吗？", "能换吗")."""
    plain = answers.plain_answer(text)
    return "?" in (text or "") or "？" in (text or "") or plain.endswith(("吗", "嘛", "么"))


class RemedySlots:
    """The desired remedy: answered, wished for in a complaint, or changed later."""

    async def extract_desired_remedy(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """The answer to the remedy question, read in its context.

        A quick-reply title typed as text ("其他", "赔偿/补偿"), else a remedy named in so
        many words ("补发 照片我拍了", "不要退款 给我补发两个"), else the remedy the triage
        ranked first, taken at a lower bar than outside this question. A question about the
        process ("退货的话运费谁出") answers nothing; it goes into the description for the
        agent. Outside this question, a complaint that asks for a remedy in so many words
        ("…我希望能退货退款，照片晚点发") gives it when nothing else did.
        """
        text = latest_text(tracker)
        intent = latest_intent(tracker)
        if tracker.get_slot("requested_slot") != "desired_remedy":
            return self._remedy_wished(tracker)
        # a quick reply's title typed as the whole answer is surer than any classifier
        code = remedy_answers.remedy_named(text, REMEDIES)
        if code is None and answers.asks_about_process(text):
            # "退款要多久啊 我就想赶紧拿到钱": the question is noted, the wish beside it taken
            code = remedy_answers.remedy_beside_question(text)
            if code is None:
                return {}
        if code is None and intent not in form_turn.NOT_ANSWERS - {"correct", "cancel", "thank"}:
            # "算了 退款吧", "订单取消吧": a remedy; "换对新嘅啦 唔该晒" (thank): one with thanks
            code = remedy_answers.remedy_mentioned(text)
        if code is None and intent not in form_turn.REQUESTS:
            # "能退吗？" (out_of_scope), "是不是丢了？能退款吗" (bot_challenge): a remedy asked
            # for in so many words answers the question whatever the intent made of it
            code = remedy_answers.remedy_wished(text)
        if code is None and intent not in form_turn.REQUESTS and _asked_as_question(text):
            # "这个你们不该赔吗？" (out_of_scope): the remedy demanded as a question (dev13 n012)
            code = remedy_answers.remedy_mentioned(text)
        if code is None and answers.leaves_remedy_open(text):
            code = "other"  # "你们看着办": the agent proposes one
        if code is None and latest_entity(tracker, "desired_remedy"):
            return {}
        if code is None and intent not in CONTROL_INTENTS - {"correct"}:
            code = remedy_answers.remedy_in_context(tracker.latest_message.get("complaint_triage"))
        if code is None and form_turn.unclear_again(tracker, "desired_remedy"):
            code = "other"  # asked twice and still no remedy named: the agent asks
        if not code:
            return {}
        slots: Dict[str, Any] = {"desired_remedy": code}
        if remedy_answers.extra_remedies(text):
            # "退货退款 还要赔偿": one remedy on the ticket, the extra wish in the customer's
            # words in the description for the agent
            slots["issue_description"] = form_turn.append(
                tracker.get_slot("issue_description"), text
            )
        return slots

    @staticmethod
    def _remedy_wished(tracker: Tracker) -> Dict[str, Any]:
        """A remedy asked for in so many words in a complaint, when none is known yet.

        A known one changes when the customer changes their mind in so many words ("还是退款吧",
        "算了算了 还是换货"), whatever the NLU made of the message. A remedy asked for in so
        many words also replaces the classifier's different guess in the same message: the
        head reads character n-grams, so a refusal ("不想退"), an alternative ("要么换新 要么
        赔钱": the first) or an extra wish ("退货退款 运费也得赔我") pulls it elsewhere. A complaint the NLU read as
        a correction or could not place ("單號… 隻錶唔行 我要退貨退錢", correct 0.61) still
        asks for what it names: with no remedy known there is nothing it could correct.
        """
        changed = _remedy_changed(tracker)
        if changed and slot_before_this_turn(tracker, "desired_remedy"):
            return {"desired_remedy": changed}
        wished = _remedy_wished_at_recheck(tracker)
        if wished:
            return {"desired_remedy": wished}
        entity = latest_entity(tracker, "desired_remedy")
        if (
            (tracker.get_slot("desired_remedy") and not entity)
            or slot_before_this_turn(tracker, "desired_remedy")
            or latest_intent(tracker) not in _MAY_WISH_A_REMEDY
            or tracker.get_slot("requested_slot") in ("live_claim", "live_session")
        ):
            return {}
        code = remedy_answers.remedy_wished(latest_text(tracker))
        if entity and code == entity:
            return {}
        # the words beat the classifier's guess: "不想退 退一部分钱就好" (refund 0.63),
        # "要么换新 要么赔钱" (compensation), "帮我催一下 不行就退款" (other 0.75)
        return {"desired_remedy": code} if code else {}

    async def validate_desired_remedy(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """Only taxonomy codes; a change made while another question is open is confirmed.

        An answer quoting the host ("主播说假一赔十") repeats a promise, not what the
        customer asks for, and an answer to another question changes a known remedy only
        as a correction or a complaint: both leave the remedy as it was.
        """
        requested = tracker.get_slot("requested_slot")
        before = slot_before_this_turn(tracker, "desired_remedy")
        if form_turn.asked_this_turn(tracker, "live_claim"):
            return {"desired_remedy": before}
        if requested == "desired_remedy" and answers.asks_about_process(latest_text(tracker)):
            # "退货的话运费谁出": a question, whatever remedy the NLU read into it; it is in
            # the description for the agent (said once: in the form's pass of the turn)
            text = latest_text(tracker)
            if (
                remedy_answers.remedy_named(text, REMEDIES) is None
                and remedy_answers.remedy_beside_question(text) is None
            ):
                if form_turn.form_pass(tracker):
                    dispatcher.utter_message(response="utter_question_noted")
                return {"desired_remedy": before}
        answering_another_question = requested not in (None, "desired_remedy")
        changed = (
            _remedy_changed(tracker) or _remedy_wished_at_recheck(tracker)
            if answering_another_question
            else None
        )
        if (
            before
            and answering_another_question
            and latest_intent(tracker) not in CHANGES_REMEDY
            and not changed
        ):
            # "别打电话 在这回我就行" answers the contact question; it is no new remedy
            return {"desired_remedy": before}
        value = changed or value
        if value not in REMEDIES:
            return {"desired_remedy": None}
        # the story told at the first question names its remedy for the first time: however
        # the NLU read it ("衣服尺码不对 我要换大一码" as correct), nothing was changed
        first_told_with_story = before is None and requested == "issue_description"
        if (
            answering_another_question
            # "不是说了补发吗" (correct) with reship kept: said again, not changed
            # (`actions/restated_facts.py` acknowledges it)
            and (latest_intent(tracker) == "correct" or changed)
            and value != before
            and not at_order_recheck(tracker)  # the re-check, asked again, says it was noted
            and not first_told_with_story
        ):
            note_correction(dispatcher, tracker, {"desired_remedy": value})
        slots: Dict[str, Any] = {"desired_remedy": value}
        text = latest_text(tracker)
        if requested == "desired_remedy" and _another_wish(value, text):
            slots["issue_description"] = form_turn.append(
                tracker.get_slot("issue_description"), text
            )
        return slots


# "嗯", "好的", "谢谢" under the remedy question are no wish
_MIN_WISH_CHARS = 4


def _another_wish(code: str, text: str) -> bool:
    """A wish the taxonomy has no code for ("那就帮我催一下快递吧"), filed as "other".

    Why: the ticket said "诉求：其他" and nothing else; the agent could not tell what the
    customer wanted (lead's hand trial, 2026-12-03). Its words go into the description, as
    an extra wish's do. Leaving it to the shop ("你们看着办") or saying nothing is no wish.
    """
    return (
        code == "other"
        and has_words(text)
        and len(re.sub(r"\W", "", answers.plain_answer(text))) >= _MIN_WISH_CHARS
        and not answers.leaves_remedy_open(text)
        and not answers.states_no_fact(text)
        and not answers.only_says_dont_know(text)
    )
