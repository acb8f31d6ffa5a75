"""Reading the conversation from a rasa-sdk tracker: script, channel, what just changed."""

from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.i18n import customer_script, localize
from bot.intake.answers import (
    corrects_the_problem,
    has_no_order_number,
    says_correction,
    triage_first,
)
from bot.intake.draft import CATEGORY_MIN_CONFIDENCE
from bot.intake.presentation import changed_facts
from bot.orders.item_fit import denies_order_goods

INTAKE_SLOTS = (
    "order_id",
    "pending_order_id",
    "order_verified",
    "issue_description",
    "issue_category",
    "category_candidates",
    "category_tied",
    "desired_remedy",
    "evidence",
    "evidence_status",
    "evidence_followup",
    "evidence_missing",
    "contact",
    "contact_status",
    "emotion",
    "live",
    "live_claim",
    "live_session",
    "intake_id",
    "order_missing",
    "wants_human",
    "unclear_answer",
    "wants_cancel",
)

# Messages that steer the conversation rather than answer the form's question.
CONTROL_INTENTS = frozenset(
    {
        "handoff",
        "cancel",
        "status_query",
        "bot_challenge",
        "out_of_scope",
        "greet",
        "goodbye",
        "thank",
        "correct",
        "affirm",
        "deny",
    }
)


def latest_intent(tracker: Tracker) -> Optional[str]:
    """Name of the intent of the latest user message."""
    return (tracker.latest_message.get("intent") or {}).get("name")


def latest_text(tracker: Tracker) -> str:
    """The latest user message as typed (empty for button payloads)."""
    text = (tracker.latest_message.get("text") or "").strip()
    return "" if text.startswith("/") else text


def latest_entity(tracker: Tracker, entity: str) -> Optional[Any]:
    """Value of an entity in the latest message, if any."""
    return next(tracker.get_latest_entity_values(entity), None)


def responses_said(tracker: Tracker) -> List[str]:
    """The domain responses the bot said before the latest message, oldest first.

    A response said inside an action logs only the bot's message, with its name in the
    metadata (`utter_action`). What the bot said in answer to the latest message does not
    count: the form may run twice for one message, and its second run must read the message
    as the first did.
    """
    events = list(tracker.events)
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=0)
    return [
        str((e.get("metadata") or {}).get("utter_action"))
        for e in events[:last_user]
        if e.get("event") == "bot" and (e.get("metadata") or {}).get("utter_action")
    ]


def latest_user_event(tracker: Tracker) -> Dict[str, Any]:
    """The customer's latest `user` event as the tracker holds it (empty when none).

    Why beside `tracker.latest_message`: that one has no timestamp nor channel metadata.
    """
    return next((e for e in reversed(tracker.events) if e.get("event") == "user"), {})


def page_order_id(tracker: Tracker) -> Optional[str]:
    """The order of the page the customer writes from (the widget's `data-order-id`)."""
    latest = latest_user_event(tracker)
    page = (latest.get("metadata") or {}).get("page")
    order_id = page.get("order_id") if isinstance(page, dict) else None
    if not isinstance(order_id, str):
        return None
    return order_id.strip() or None


def script(tracker: Tracker) -> str:
    """`hant` when the customer writes Traditional Chinese."""
    return customer_script(
        (str(e.get("text") or ""), e.get("metadata"))
        for e in reversed(tracker.events)
        if e.get("event") == "user"
    )


def localized(tracker: Tracker, value: Any) -> Any:
    """Buttons and cards an action builds, in the customer's script."""
    return localize(value, script(tracker))


def channel(tracker: Tracker) -> str:
    """Ticket `channel` for the conversation's input channel."""
    name = tracker.get_latest_input_channel() or "rest"
    return {"socketio": "widget", "widget": "widget"}.get(name, name)


def slots_set_this_turn(tracker: Tracker) -> Dict[str, Any]:
    """Slots changed since the latest user message (e.g. by entity mappings)."""
    changed: Dict[str, Any] = {}
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        if event.get("event") == "slot":
            changed.setdefault(event["name"], event.get("value"))
    return changed


def slot_before_this_turn(tracker: Tracker, name: str) -> Any:
    """The value a slot had before the latest user message."""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            seen_user = True
        elif seen_user and event.get("event") == "slot" and event.get("name") == name:
            return event.get("value")
    return None


# Slots an answer to one of the form's questions sets: a message that set one of them was
# an answer (however the NLU read it), not a correction of the problem.
ANSWER_SLOTS = (
    "order_id",
    "desired_remedy",
    "order_missing",
    "phone",
    "evidence_status",
    "contact_status",
    "live_claim",
    "live_session",
)


def kept_category(tracker: Tracker) -> Optional[str]:
    """The category known before this message, when this message must not change it.

    The triage reads a category into every complaint-like message, also into answers
    about something else ("订单号打错了，是 …", "改成换货", "订单号找不到了"). A category
    once known changes only through a message that corrects nothing else.
    """
    before = slot_before_this_turn(tracker, "issue_category")
    if not before:
        return None
    if slot_before_this_turn(tracker, "awaiting_confirmation") and denies_order_goods(
        latest_text(tracker)
    ):
        return before  # "我买的不是羽绒服" of the goods read back: the order is wrong, not this
    changed = slots_set_this_turn(tracker)
    if any(changed.get(name) for name in ANSWER_SLOTS) and not corrects_problem(tracker):
        # "不是质量问题 是寄错型号了 然后我要换货" corrects both (dialogues_dev13 n061)
        return before
    answering_another_question = tracker.get_slot("requested_slot") not in (
        None,
        "issue_description",
        "issue_category",
    )
    # "其实不是质量问题 是你们发错了" while asked for photos: a correction of the problem
    # (read as a complaint too, when it says so: "其实不是质量问题 是你们发错了")
    correcting_the_problem = corrects_problem(tracker)
    return before if answering_another_question and not correcting_the_problem else None


# Intents a correction of the problem arrives under: the NLU's "correct", or another reading
# of a message that says so ("不对 是屏幕裂了不是没电" read as a complaint, or not placed at
# all: nlu_fallback, for which the NLU names no category).
_CORRECTING_INTENTS = frozenset({"complain", "inform", "nlu_fallback"})


# Free-text questions about the live stream: their answers ("不记得了 反正是晚上", "说用一周
# 斑就淡了") tell of the room or the host's words, and the NLU often reads them as a
# correction or a complaint with a category of their own.
_LIVE_QUESTIONS = ("live_claim", "live_session")


def corrects_problem(tracker: Tracker) -> bool:
    """Whether the latest message corrects what went wrong (and nothing else).

    At a live-stream question, and at the order question to a message saying the number is
    not at hand, only a correction said in words counts ("不是面膜 是送小样"):
    "不记得了 反正是晚上" (correct 0.59, product_quality 0.88) answered which room and
    turned a misleading host into a defect (dialogues_dev9 v046).
    """
    text = latest_text(tracker)
    intent = latest_intent(tracker)
    if tracker.get_slot("requested_slot") in _LIVE_QUESTIONS and not says_correction(text):
        return False
    if (
        tracker.get_slot("requested_slot") == "order_id"
        and has_no_order_number(text)
        and not says_correction(text)
    ):
        # "还是找不到 算了" after being told where the number is: the number is not found,
        # not the parcel (trial11, dialogues_dev22 h012 was refiled as logistics)
        return False
    return (
        intent == "correct" or (intent in _CORRECTING_INTENTS and says_correction(text))
    ) and corrects_the_problem(text)


def corrected_category(tracker: Tracker) -> Optional[str]:
    """The category a correction of the problem now says, read without what it denies.

    "不对不对 不是少发 是两个都到了 其中一个碎了": the triage of the whole message reads
    "少发" (wrong_or_missing_item); of the part it affirms, transit damage (logistics).
    None when the message corrects nothing or the triage is unsure.
    """
    if not corrects_problem(tracker):
        return None
    triage = tracker.latest_message.get("complaint_triage") or {}
    head = "category_affirmed" if triage.get("category_affirmed") else "category"
    return triage_first(triage, head, CATEGORY_MIN_CONFIDENCE)


def reset_intake() -> List[EventType]:
    """Forget the current intake so a new complaint starts clean."""
    events: List[EventType] = [SlotSet(name, None) for name in INTAKE_SLOTS]
    events.append(SlotSet("awaiting_confirmation", False))
    return events


def channel_live_context(tracker: Tracker) -> Optional[Dict[str, Any]]:
    """The live session the channel says the customer came from (WeCom scene, webhook room)."""
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        live = (event.get("metadata") or {}).get("live")
        if isinstance(live, dict) and live:
            return dict(live)
    return None


def note_correction(
    dispatcher: CollectingDispatcher, tracker: Tracker, changes: Dict[str, Any]
) -> None:
    """Acknowledge a correction naming what changed and to what ("诉求：换货").

    Only facts whose value differs from before this turn are named; when none is
    identifiable (more of the problem added) the generic acknowledgment stays.
    """
    changed = {
        key: value
        for key, value in changes.items()
        if value and value != slot_before_this_turn(tracker, key)
    }
    facts = changed_facts(changed)
    if facts:
        dispatcher.utter_message(response="utter_noted_changes", changed_facts=facts)
    else:
        dispatcher.utter_message(response="utter_noted_correction")
