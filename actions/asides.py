"""An aside mid-form answered as what it is, then the form's question again.

Why: the rule answered every out-of-scope message during the form with "这个问题我没法直接
回答，稍后售后同事跟进时可以一起问": a compliment ("哈哈你挺聪明的") was taken for a question
the bot could not answer, and "你叫什么名字" or "你们几点下班" (which it can answer) were
put off to an agent. The kind of aside (`bot.intake.asides`) picks the answer; any other
aside keeps the old one.
"""

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import latest_text
from bot.intake.asides import RESPONSES, aside_kind

FALLBACK = "utter_out_of_scope_in_form"


class ActionAsideInForm(Action):
    """Answer an out-of-scope message during the form by its kind; the form then resumes."""

    def name(self) -> str:
        return "action_aside_in_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        kind = aside_kind(latest_text(tracker))
        dispatcher.utter_message(response=RESPONSES.get(kind or "", FALLBACK))
        return []
