"""A customer whose feeling rises while the form's questions are open hears empathy first.

Why (hand trial, 2026-12-02): the opening's emotion was answered once, at the opening; a
customer who turned angry at the order question ("气死了 你们到底什么破服务！！") heard "收到，
补充的情况已经记上了。" and the question again, as if nothing had been said. The SOPs' 共情
first applies to every message: when this message's emotion, read after the one before
(`bot.triage.emotion.emotion_after`), is more intense than any the bot has answered (the
`emotion` slot), the bot apologises (`utter_empathy_rising_<emotion>`) before anything else it
says this turn, and the slot, which the ticket files, rises with it. The same or a milder
feeling is not apologised for again: one apology per step up reads as listening, one per
message as a script. Small talk of a known kind (`bot.intake.asides`) is no feeling about the
complaint, however it reads ("今天天气真差" is not anger at the shop).
"""

from typing import List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import form_turn
from actions.asides import is_aside
from actions.conversation import latest_intent, latest_text, slot_before_this_turn
from actions.intake import message_emotion_reading
from actions.waiting_facts import threatens
from bot.intake.answers import bare_yes_or_no
from bot.intake.asides import aside_kind
from bot.intake.draft import strongest_emotion
from bot.triage.emotion import emotion_after

RESPONSE = "utter_empathy_rising_{emotion}"
NOTED = "utter_noted_description"


def answer_rising_feeling(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
    """Apologise first when the message is angrier than what was answered; raise the slot."""
    if (
        tracker.get_slot("requested_slot") is None
        or not form_turn.form_pass(tracker)
        or latest_intent(tracker) in form_turn.REQUESTS
        or threatens(latest_text(tracker))  # the threat's own apology answers it
        or _small_talk(tracker)
        or _empathy_said(dispatcher)
    ):
        return []
    # before this message: the slot mappings' pass may have raised the slot already, unsaid
    answered = strongest_emotion(slot_before_this_turn(tracker, "emotion"))
    felt = _felt(tracker, answered)
    if felt is None or strongest_emotion(answered, felt) == answered:
        return []
    # the apology says the words are kept: "收到，补充的情况已经记上了" after it said it twice
    dispatcher.messages[:] = [m for m in dispatcher.messages if m.get("response") != NOTED]
    dispatcher.utter_message(response=RESPONSE.format(emotion=felt))
    dispatcher.messages.insert(0, dispatcher.messages.pop())  # before the notes of this turn
    return [SlotSet("emotion", felt)]


def _felt(tracker: Tracker, answered: str) -> Optional[str]:
    """The latest message's emotion, read after the feeling answered before it."""
    text = latest_text(tracker)
    if bare_yes_or_no(text):
        # "不是" at "is it this order?": the head read it upset, and a plain answer was
        # apologised for (hand trial); a "！" or more words are judged as before
        return None
    reading = None if text.startswith("/") else message_emotion_reading(tracker)  # "/": a button
    return emotion_after(answered, text, reading).emotion if reading else None


def _small_talk(tracker: Tracker) -> bool:
    """Small talk ("今天天气真差") as the form answers it (`is_aside`), not at the shop.

    Laughter may be a sneer ("呵呵" after upset); and weather words in a complaint ("下雨 快递
    全湿了 气死了", not placed out of scope) are no small talk.
    """
    return is_aside(tracker) and aside_kind(latest_text(tracker)) != "laughter"


def _empathy_said(dispatcher: CollectingDispatcher) -> bool:
    """Whether this pass already answered the feeling (the problem's first words did)."""
    return any(
        str(m.get("response") or "").startswith(("utter_empathy", "utter_noted_threat"))
        for m in dispatcher.messages
    )
