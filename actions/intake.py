"""Opening an intake: empathy before any question, and messages the NLU could not place."""

import uuid
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.asides import answer_at_read_back, aside_response, is_aside
from actions.coming_back import comes_back_to_withdrawn, facts_kept_for
from actions.confirmation import ActionApplyCorrection
from actions.conversation import channel_live_context, latest_entity, latest_text
from actions.form_turn import CLOSED_QUESTIONS, before_any_intake
from actions.requests import cancel_complaint, hand_off
from actions.waiting_facts import threatens, without_threats, without_wishes
from actions.waiting_turn import ActionWaitingReply
from bot.intake import answers, remedy_answers
from bot.intake.answers import wants_human
from bot.intake.contact_answers import keeps_contact
from bot.intake.draft import CATEGORY_MIN_CONFIDENCE, strongest_emotion
from bot.intake.returning import another_complaint
from bot.nlu.normalize import has_words
from bot.triage.emotion import EmotionResult, combine_emotion, detect_emotion, learned_emotion
from bot.triage.severity import assess_severity, learned_severity


class ActionStartIntake(Action):
    """Answer the customer's feeling first (the SOPs' 共情), then let the form ask."""

    def name(self) -> str:
        return "action_start_intake"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        if _threat_about_the_waiting_ticket(tracker):
            # "不好 我要投诉到消协" while the ticket waits: counted for it, no new intake
            events = await ActionWaitingReply().run(dispatcher, tracker, domain)
            return events + [FollowupAction("action_listen")]
        return _start(dispatcher, tracker)


def _threat_about_the_waiting_ticket(tracker: Tracker) -> bool:
    """A threat read as asking to complain, written while a filed ticket waits.

    Why: "不好 我要投诉到消协", "我要投诉 你们再不处理我就曝光" (start_complaint 0.98) opened a
    new intake ("请问遇到了什么问题？") and the threat never reached the waiting ticket,
    which stayed normal. A message that tells a problem besides its threat, names an order
    or opens another complaint in so many words ("新投诉", "另一个订单") still opens one.
    """
    text = latest_text(tracker)
    return (
        bool(tracker.get_slot("ticket_open") and tracker.get_slot("ticket_id"))
        and not tracker.active_loop.get("name")
        and threatens(text)
        and not answers.tells_a_problem(without_threats(without_wishes(text)))
        and not latest_entity(tracker, "order_id")
        and not another_complaint(text)
    )


class ActionNotUnderstood(Action):
    """A message the NLU could not place (nlu_fallback), read once more for what it says.

    A request for a human is handed over; the answer to a question asked in free words
    (what happened, what the host said, which live room) goes back to the form; outside any
    intake, a message the complaint
    triage is sure about (or one carrying an order number) opens the intake like a
    complaint would; anything else is asked again.
    """

    def name(self) -> str:
        return "action_not_understood"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        text = latest_text(tracker)
        if wants_human(text):
            return await hand_off(dispatcher, tracker)
        if tracker.get_slot("wants_cancel"):
            return cancel_complaint(dispatcher, tracker)
        if text and _answers_form_question(tracker):
            return [FollowupAction("complaint_form")]
        if text and tracker.get_slot("awaiting_confirmation") and _corrects_read_back(text):
            # "不对 是屏幕裂了不是没电" at the read-back, not placed by the NLU: a correction
            return await ActionApplyCorrection().run(dispatcher, tracker, domain)
        if text and tracker.get_slot("awaiting_confirmation") and answers.states_no_fact(text):
            # "！！赶紧处理！！" at the read-back heard "没太明白"; it is waiting for a yes (ux12)
            dispatcher.utter_message(response="utter_status_not_yet_filed")
            return []
        idle = not tracker.active_loop.get("name") and not tracker.get_slot("awaiting_confirmation")
        if (
            idle
            and text
            and (_sounds_like_a_complaint(tracker) or comes_back_to_withdrawn(tracker))
        ):
            return start_intake_from_here(dispatcher, tracker)
        if idle and not has_words(text) and before_any_intake(tracker):
            # "👍", "🙂" as the first message: a hello, not a message to say again (dev26)
            dispatcher.utter_message(response="utter_greet")
            return []
        dispatcher.utter_message(response="utter_please_rephrase")
        return []


class ActionOutOfScope(Action):
    """Outside the bot's remit, unless the NLU was unsure and it reads as a complaint.

    "耳机有杂音" can look like a pre-sales question to the intent model; when it is not sure
    (below OUT_OF_SCOPE_SURE), ranks a complaint second and the triage knows the category,
    the intake opens as for a complaint. Sure out-of-scope questions ("这个保修几年") are
    answered as such; asides of a known kind ("你叫什么名字") by what they are
    (`actions/asides.py`), also at the read-back, which is then asked for again.
    """

    def name(self) -> str:
        return "action_out_of_scope"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        idle = not tracker.active_loop.get("name") and not tracker.get_slot("ticket_open")
        aside = is_aside(tracker)
        if idle and not aside and _maybe_a_complaint(tracker) and _sounds_like_a_complaint(tracker):
            return start_intake_from_here(dispatcher, tracker)
        if tracker.get_slot("awaiting_confirmation"):
            # "哈哈你挺聪明的" at the read-back: answered, and the read-back still waits
            answer_at_read_back(dispatcher, tracker)
            return []
        dispatcher.utter_message(response=aside_response(tracker, "idle") or "utter_out_of_scope")
        return []


OUT_OF_SCOPE_SURE = 0.75
# Questions answered in the customer's own words: any text answers them, understood or not.
FREE_TEXT_SLOTS = frozenset({"issue_description", "live_claim", "live_session"})


def _answers_form_question(tracker: Tracker) -> bool:
    """Whether the form should read the message, however the NLU placed it.

    Free-text questions take any text; for closed ones the form reads the answer or asks
    again with a hint (`unclear_answer`).
    """
    in_form = tracker.active_loop.get("name") == "complaint_form"
    requested = tracker.get_slot("requested_slot")
    return in_form and (requested in FREE_TEXT_SLOTS or requested in CLOSED_QUESTIONS)


def _corrects_read_back(text: str) -> bool:
    """Whether a message says what to change in the read-back: a contrast, a remedy, a number."""
    if answers.asks_about_status(text):
        return False
    return (
        answers.says_correction(text)
        or remedy_answers.remedy_mentioned(text) is not None
        or answers.has_number(text)
        or keeps_contact(text)  # "號碼同之前一樣": read by the read-back, which keeps it
    )


def _maybe_a_complaint(tracker: Tracker) -> bool:
    ranking = tracker.latest_message.get("intent_ranking") or []
    top = float((tracker.latest_message.get("intent") or {}).get("confidence") or 0.0)
    runner_up = ranking[1].get("name") if len(ranking) > 1 else None
    return top < OUT_OF_SCOPE_SURE and runner_up == "complain"


def _sounds_like_a_complaint(tracker: Tracker) -> bool:
    triage = (tracker.latest_message.get("complaint_triage") or {}).get("category") or {}
    confident = float(triage.get("confidence") or 0.0) >= CATEGORY_MIN_CONFIDENCE
    return bool(triage.get("code")) and confident or bool(latest_entity(tracker, "order_id"))


def start_intake_from_here(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
    """Open the intake from an action the rules chose for another reading of the message."""
    return _start(dispatcher, tracker) + [FollowupAction("complaint_form")]


def _start(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
    """Empathy for the opening message and the slots a new intake starts with."""
    text = latest_text(tracker)
    emotion = strongest_emotion(tracker.get_slot("emotion"), message_emotion(tracker))
    # coming back after "算了不投诉了": the line naming the facts kept is acknowledgement enough
    answer_feeling(dispatcher, tracker, emotion, calm_answered=facts_kept_for(tracker))
    # a new intake: what follows belongs to it, not to an earlier ticket
    events: List[EventType] = [SlotSet("emotion", emotion), SlotSet("ticket_open", False)]
    live = channel_live_context(tracker)
    if live and not tracker.get_slot("live"):
        events.append(SlotSet("live", live))
    if not tracker.get_slot("intake_id"):
        events.append(SlotSet("intake_id", uuid.uuid4().hex))
    # "… 气死了 给我转人工": the rules hand over instead of starting the form
    events.append(SlotSet("wants_human", True if wants_human(text) else None))
    return events


def message_emotion(tracker: Tracker) -> Optional[str]:
    """The latest message's emotion: the lexicon, lifted by the learned head's verdict."""
    reading = message_emotion_reading(tracker)
    return reading.emotion if reading else None


def message_emotion_reading(tracker: Tracker) -> Optional[EmotionResult]:
    """The latest message's emotion with its confidence and cues, or None without text."""
    text = latest_text(tracker)
    if not text:
        return None
    learned = learned_emotion(tracker.latest_message)
    return combine_emotion(detect_emotion([text]), learned, text=text)


def answer_feeling(
    dispatcher: CollectingDispatcher, tracker: Tracker, emotion: str, calm_answered: bool = False
) -> None:
    """Empathy before any question: safety first when someone is hurt, else the emotion.

    `calm_answered`: another line answers a calm customer ("收到，我来帮您登记处理。" before
    "刚才说的我都还记着…" said the same twice).
    """
    # the rules, with the reasons the learned head is sure of (parse data, no Rasa import)
    severity = assess_severity(
        [latest_text(tracker)], None, float("inf"), [learned_severity(tracker.latest_message)]
    )
    if "injury" in severity.reasons:
        dispatcher.utter_message(response="utter_empathy_safety")
    elif emotion == "calm" and calm_answered:
        return
    elif emotion in ("calm", "upset") and not has_words(latest_text(tracker)):
        # "🙂🙂🙂", "。。。", "😭😭😭" tell no problem: a hello, or sorry for the feeling, before
        # "what happened" — "明白，我这就帮您跟进" followed nothing (dialogues_dev26)
        dispatcher.utter_message(response=f"utter_empathy_wordless_{emotion}")
    else:
        dispatcher.utter_message(response=f"utter_empathy_{emotion}")
