"""A legal or media threat written while a question of the form is open (hand trial trial3).

Why: "我要去微博曝光你们" at the photo question and "再不处理我就去12315投诉你们！！" at the
contact question were read as unclear answers: the customer got the question's hint ("有照片、
截图或视频的话直接发给我就行…"), as if the threat were a garbled reply, although the ticket it
makes is urgent (the severity rules read the same words at filing). The threat is apologised
for, the urgency said (`utter_noted_threat`), and the question asked again plainly: the mark
`<question>:threat` matches no hint and is no unclear answer, so a later unclear reply is asked
again rather than moved on with defaults. While a ticket waits, `actions/waiting_turn.py`
answers threats.
"""

from typing import List

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import form_turn
from actions.conversation import latest_text
from actions.waiting_facts import threatens

RESPONSE = "utter_noted_threat"


def acknowledge_threat(
    dispatcher: CollectingDispatcher, tracker: Tracker, events: List[EventType]
) -> List[EventType]:
    """Apologise for a threat at an open question, once, in the form's pass.

    Unless another note answered the message already (one acknowledgement per message).
    """
    if (
        tracker.get_slot("requested_slot") is not None
        and form_turn.form_pass(tracker)
        and not form_turn.acknowledged(dispatcher)
        and threatens(latest_text(tracker))
    ):
        dispatcher.utter_message(response=RESPONSE)
    return []


def threat_marked(
    tracker: Tracker, events: List[EventType], marks: List[EventType]
) -> List[EventType]:
    """The unclear-answer marks, with a threat that answers nothing marked as a threat.

    Also for a threat read as a request the form leaves to the rules ("再不處理我就去消基會
    投訴" read as a cancel): the mark is the slot this pass validates, or Rasa's form would
    reject itself and the cancel rule drop the complaint.
    """
    requested = tracker.get_slot("requested_slot")
    if (
        not requested
        or not threatens(latest_text(tracker))
        or form_turn.open_question_answered(tracker, events)
    ):
        return marks
    others = [e for e in marks if e.get("name") != "unclear_answer"]
    return others + [SlotSet("unclear_answer", f"{requested}{form_turn.THREAT}")]
