"""An aside answered as what it is: mid-form, before any complaint, at the read-back, after filing.

Why: the rule answered every out-of-scope message during the form with "这个问题我没法直接
回答，稍后售后同事跟进时可以一起问": a compliment ("哈哈你挺聪明的") was taken for a question
the bot could not answer, and "你叫什么名字" or "你们几点下班" (which it can answer) were
put off to an agent. Before any complaint they got "这个我暂时帮不上忙", at the read-back the
same (the read-back forgotten), and after filing they were written into the ticket as details
for the agent ("收到，已补充到工单"). The kind of aside (`bot.intake.asides`) picks the answer;
any other aside keeps the old one.
"""

from typing import Any, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import latest_intent, latest_text, responses_said
from bot.intake.asides import RESPONSES, aside_kind, only_greets_with_meal
from bot.intake.questions_back import question_back

IN_FORM = "utter_out_of_scope_in_form"
# what a message must have been read as to be taken for an aside ("你们客服真厉害 推来推去"
# read as a complaint is one)
ASIDE_INTENTS = frozenset({"out_of_scope", "bot_challenge", "nlu_fallback", "greet", "thank"})


def aside_response(tracker: Tracker, place: str) -> Optional[str]:
    """The response for this message's aside at `place` ("form", "idle", "waiting"), if any."""
    text = latest_text(tracker)
    if latest_intent(tracker) not in ASIDE_INTENTS and not only_greets_with_meal(text):
        return None
    kind = aside_kind(text)
    return RESPONSES[place].get(kind) if kind else None


def asked_back(tracker: Tracker) -> Optional[str]:
    """The answer to a question about the open question (`bot.intake.questions_back`), if any.

    What the bot said before counts: where the order number is shown is told once to a
    customer who cannot find it; the second "找不到" is the answer (no number at hand).
    """
    return question_back(
        tracker.get_slot("requested_slot"), latest_text(tracker), responses_said(tracker)
    )


def is_aside(tracker: Tracker) -> bool:
    """Whether the message is an aside of a known kind, no part of any complaint."""
    return aside_response(tracker, "form") is not None


class ActionAsideInForm(Action):
    """Answer an out-of-scope message during the form by its kind; the form then resumes."""

    def name(self) -> str:
        return "action_aside_in_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        response = asked_back(tracker) or aside_response(tracker, "form") or IN_FORM
        dispatcher.utter_message(response=response)
        return []


def answer_at_read_back(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """An aside while the read-back waits: answered, then the read-back's yes asked for."""
    dispatcher.utter_message(response=aside_response(tracker, "form") or IN_FORM)
    dispatcher.utter_message(response="utter_status_not_yet_filed")
