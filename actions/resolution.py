"""After an agent resolves a ticket: tell the customer the outcome and ask for a rating (回访)."""

import asyncio
import re
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import dependencies
from actions.conversation import latest_entity, latest_intent, latest_text
from bot.intake.rating_comments import says_still_open

_SCORE_WORDS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_SCORE_PHRASES = (
    ("很不满意", 1),
    ("不太满意", 2),
    ("不太滿意", 2),
    ("很不滿意", 1),
    ("不满意", 2),
    ("不滿意", 2),
    ("一般", 3),
    ("还行", 3),
    ("還行", 3),
    ("非常满意", 5),
    ("非常滿意", 5),
    ("满意", 4),
    ("滿意", 4),
)
_STOP_WORDS = ("handoff", "cancel", "status_query", "bot_challenge")


def parse_score(text: str) -> Optional[int]:
    """1-5 from "5", "五分", "4星" or words like 非常满意; None when it is not a rating."""
    match = re.search(r"(?<!\d)([1-5])(?!\d)", text) or re.search(
        "[一二两三四五](?=[分星颗顆]|$)", text
    )
    if match:
        token = match.group(1) if match.re.groups else match.group(0)
        return int(token) if token.isdigit() else _SCORE_WORDS[token]
    for phrase, score in _SCORE_PHRASES:
        if phrase in text:
            return score
    return None


_SCORE_TOKEN = re.compile(r"(?<!\d)[1-5](?!\d)|[一二两兩三四五](?=[分星颗顆])")
# what is left of a bare rating once its number or words are taken out: particles, units, marks
_RATING_FILLER = re.compile(r"[\W_吧啊呀吗嗎嘛呢啦了的分星颗顆给給打就]+")


def comment_beside_score(text: str) -> Optional[str]:
    """The customer's words when they say more than a rating ("4分吧，处理还算快"), else None.

    Said with the score, that is the comment the form asks for next; without this it was
    asked for again and lost when the customer answered "没有了". The whole message is kept
    (the customer's own words); a bare rating ("给5分", "非常满意！") is no comment.
    """
    rest = _SCORE_TOKEN.sub("", text)
    for phrase, _score in _SCORE_PHRASES:
        rest = rest.replace(phrase, "")
    rest = _RATING_FILLER.sub("", rest)
    return text.strip()[:1000] if len(rest) >= 2 else None


def _resolved_ticket(tracker: Tracker, ticket_id: Optional[str]) -> Optional[Dict[str, Any]]:
    """The ticket, only when it is this customer's and really resolved (customers can type intents)."""
    if not ticket_id:
        return None
    ticket = dependencies.ticket_store().get_ticket(str(ticket_id))
    if (
        not ticket
        or ticket["conversation_id"] != tracker.sender_id
        or ticket["status"] != "resolved"
    ):
        return None
    return ticket


def _keep_score(tracker: Tracker, score: int) -> None:
    """Store the score alone as soon as it is given, unless the ticket has a rating already.

    Why (hand trial trial3): the score was stored with the comment only; a customer who
    tapped "4 满意" and closed the widget at "还有什么想对我们说的吗？" left the ticket unrated.
    The comment, when it comes, joins it (`ActionSaveSatisfaction`).
    """
    ticket = _resolved_ticket(tracker, tracker.get_slot("ticket_id"))
    if ticket and ticket["satisfaction"] is None:
        dependencies.ticket_store().update_ticket(
            ticket["id"], actor="customer", satisfaction={"score": score, "comment": None}
        )


def _rating_open(stored: Optional[Dict[str, Any]], score: int, comment: Optional[str]) -> bool:
    """Whether the form's rating may still be written: none yet, or this score's comment."""
    if stored is None:
        return True
    return stored.get("comment") is None and bool(comment) and stored.get("score") == score


class ActionTellResolution(Action):
    """Tell the customer what the agent decided; the satisfaction form follows."""

    def name(self) -> str:
        return "action_tell_resolution"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        ticket_id = latest_entity(tracker, "ticket_id") or tracker.get_slot("ticket_id")
        ticket = await asyncio.to_thread(_resolved_ticket, tracker, ticket_id)
        if ticket is None:
            return [FollowupAction("action_listen")]
        resolution = ticket["resolution"]
        if isinstance(resolution, dict):
            resolution = resolution.get("text") or resolution.get("summary") or ""
        dispatcher.utter_message(
            response="utter_ticket_resolved",
            ticket_id=ticket["id"],
            resolution=str(resolution or ""),
        )
        return [
            SlotSet("ticket_id", ticket["id"]),
            SlotSet("ticket_open", False),
            SlotSet("satisfaction_score", None),
            SlotSet("satisfaction_comment", None),
        ]


class ValidateSatisfactionForm(FormValidationAction):
    """A score from 1 to 5, then an optional comment ("没有了" leaves it empty)."""

    def name(self) -> str:
        return "validate_satisfaction_form"

    async def extract_satisfaction_score(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """The button's entity, or a rating typed in words or digits."""
        if tracker.get_slot("requested_slot") != "satisfaction_score":
            return {}
        if latest_intent(tracker) in _STOP_WORDS:
            return {}
        entity = latest_entity(tracker, "satisfaction_score")
        if entity:
            return {"satisfaction_score": str(entity)}
        text = latest_text(tracker)
        score = parse_score(text)
        if not score:
            return {}
        comment = comment_beside_score(text)
        if comment is None:
            return {"satisfaction_score": str(score)}
        return {"satisfaction_score": str(score), "satisfaction_comment": comment}

    async def validate_satisfaction_score(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """Only 1-5; a valid score is kept on the ticket at once (`_keep_score`)."""
        score = str(value) if str(value) in "12345" and value else None
        if score:
            await asyncio.to_thread(_keep_score, tracker, int(score))
        return {"satisfaction_score": score}

    async def extract_satisfaction_comment(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """Whatever they add; "no" means no comment."""
        if tracker.get_slot("requested_slot") != "satisfaction_comment":
            return {}
        text = latest_text(tracker)
        intent = latest_intent(tracker)
        if intent == "deny" or (intent in ("thank", "goodbye") and len(text) <= 4):
            return {"satisfaction_comment": ""}
        return {"satisfaction_comment": text[:1000]} if text else {}


class ActionSaveSatisfaction(Action):
    """Store the rating on the ticket once, then thank the customer."""

    def name(self) -> str:
        return "action_save_satisfaction"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        ticket = await asyncio.to_thread(_resolved_ticket, tracker, tracker.get_slot("ticket_id"))
        score = tracker.get_slot("satisfaction_score")
        comment = tracker.get_slot("satisfaction_comment") or None
        if ticket and score and _rating_open(ticket["satisfaction"], int(score), comment):
            await asyncio.to_thread(
                dependencies.ticket_store().update_ticket,
                ticket["id"],
                actor="customer",
                satisfaction={"score": int(score), "comment": comment},
            )
        comment = tracker.get_slot("satisfaction_comment")
        if ticket and says_still_open(comment):
            # "小样还没到呢，快递单号发我": nobody reads it now, so say how to reach a person
            dispatcher.utter_message(
                response="utter_thanks_for_rating_still_open", ticket_id=ticket["id"]
            )
        else:
            dispatcher.utter_message(response="utter_thanks_for_rating")
        return [
            ActiveLoop(None),
            SlotSet("satisfaction_score", None),
            SlotSet("satisfaction_comment", None),
        ]
