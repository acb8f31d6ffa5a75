"""A withdrawn complaint's facts, kept so that coming back to it asks only what is missing.

Hand test (ux8, ux11): "算了，不投诉了" mid-complaint files nothing and clears the form; a
minute later "还是帮我处理一下吧" was asked again for the order number and the problem given
just before. Withdrawing now keeps the facts in `withdrawn_facts`; the next intake of the
conversation brings them back in the form's opening pass (`restore_withdrawn`), says so in
one line (`utter_facts_kept`), and the form asks only what is missing; the read-back still
comes before anything is filed.

How long: the slot lives as long as the Rasa session (`session_config` in domain.yml: 120
minutes without a message, slots not carried over), and is emptied once brought back, when
another complaint is opened in so many words ("另一个订单"), or when a ticket is filed.

What the coming-back message itself says wins: a new order number, remedy, evidence answer
or contact replaces the old one; a clearly different problem (a sure category other than
the old one, told in words that do not point back) leaves the old problem, its remedy and
its evidence behind (`_left_behind`).
"""

from typing import Any, Dict, List, Mapping, Optional, Tuple

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import latest_text, slots_set_this_turn
from actions.form_turn import append, before_any_intake
from bot.intake import answers, returning
from bot.intake.draft import CATEGORY_MIN_CONFIDENCE, strongest_emotion
from bot.intake.presentation import changed_facts

WITHDRAWN = "withdrawn_facts"

# What a complaint's facts are, by group: a group comes back whole or not at all, and the
# first slot(s) of each say the coming-back message gave that fact anew.
_GROUPS: Dict[str, Tuple[Tuple[str, ...], Tuple[str, ...]]] = {
    # group: (slots the message gives it by, slots kept)
    "order": (
        ("order_id", "pending_order_id", "order_missing"),
        ("order_id", "order_verified", "pending_order_id", "order_missing"),
    ),
    "problem": (
        (),
        ("issue_description", "issue_category", "category_candidates", "category_tied"),
    ),
    "remedy": (("desired_remedy",), ("desired_remedy",)),
    "evidence": (
        ("evidence_status", "evidence"),
        ("evidence", "evidence_status", "evidence_followup", "evidence_missing"),
    ),
    "contact": (("contact_status", "contact"), ("contact", "contact_status")),
    "live": (("live_claim", "live_session"), ("live", "live_claim", "live_session")),
}
_KEPT = tuple(slot for _, kept in _GROUPS.values() for slot in kept) + ("emotion",)
# what belongs to the problem told: left behind with it when a different one is told
_OF_THE_PROBLEM = ("problem", "remedy", "evidence", "live")


def keep_withdrawn(tracker: Tracker) -> List[EventType]:
    """On a withdrawal: the intake's facts, kept for a return (an earlier set if none now)."""
    facts = {name: tracker.get_slot(name) for name in _KEPT}
    facts = {name: value for name, value in facts.items() if value is not None}
    if not any(name != "emotion" for name in facts):
        return []  # nothing told yet: whatever was kept before stays
    return [SlotSet(WITHDRAWN, facts)]


def forget_withdrawn() -> List[EventType]:
    """The kept facts are used up (brought back) or outlived (a ticket was filed)."""
    return [SlotSet(WITHDRAWN, None)]


def facts_kept_for(tracker: Tracker) -> bool:
    """Whether the intake opening now will bring back a withdrawn complaint's facts."""
    return bool(tracker.get_slot(WITHDRAWN)) and not returning.another_complaint(
        latest_text(tracker)
    )


def withdrawn_for_handoff(tracker: Tracker) -> Dict[str, Any]:
    """A person asked for after a withdrawal: the withdrawn facts the agent should get.

    Why (gap a): "算了不投诉了" then "转人工" filed a ticket with none of the facts told
    before, so the agent had to ask for them again. As when coming back to the complaint,
    a fact this request gives anew wins (its group is not brought back), its words follow
    the description told before, and "另一个订单的问题 转人工" brings nothing back.
    """
    kept: Mapping[str, Any] = tracker.get_slot(WITHDRAWN) or {}
    if not kept or returning.another_complaint(latest_text(tracker)):
        return {}
    facts: Dict[str, Any] = {}
    for group, (given_by, slots) in _GROUPS.items():
        told_now = given_by or slots
        if group == "problem" or not any(tracker.get_slot(name) is not None for name in told_now):
            facts.update({name: kept[name] for name in slots if kept.get(name) is not None})
    now = tracker.get_slot("issue_description")
    if facts.get("issue_description") and now and now != facts["issue_description"]:
        facts["issue_description"] = append(facts["issue_description"], now)
    if tracker.get_slot("issue_category"):
        facts.pop("issue_category", None)  # the category read now is of the words told now too
    facts["emotion"] = strongest_emotion(kept.get("emotion"), tracker.get_slot("emotion"))
    return facts


def comes_back_to_withdrawn(tracker: Tracker) -> bool:
    """A message outside any intake that takes the withdrawn complaint up again.

    For messages the NLU read as something that opens no intake: "还是帮我处理一下吧"
    (a status question), "算了还是投诉吧" (a cancel), words it could not place.
    """
    text = latest_text(tracker)
    return (
        bool(tracker.get_slot(WITHDRAWN))
        and before_any_intake(tracker)
        and returning.comes_back(text)
        and not answers.cancels_complaint(text)
        and not answers.asks_about_status(text)
    )


def restore_withdrawn(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
    """In the form's opening pass: the withdrawn complaint's facts brought back.

    Facts this message gives anew are not brought back; the description told before comes
    first, with this message's words after it. The caller applies the events to the
    tracker before the form validates, so only what is still missing is asked.
    """
    kept: Mapping[str, Any] = tracker.get_slot(WITHDRAWN) or {}
    if not kept:
        return []
    text = latest_text(tracker)
    if returning.another_complaint(text):
        return forget_withdrawn()  # "我还要投诉另一个订单": a new complaint, nothing comes back
    given = {name for name, value in slots_set_this_turn(tracker).items() if value is not None}
    behind = _left_behind(tracker, kept, given)
    restored: Dict[str, Any] = {}
    for group, (given_by, slots) in _GROUPS.items():
        if group in behind or given.intersection(given_by):
            continue
        restored.update({name: kept[name] for name in slots if kept.get(name) is not None})
    now = tracker.get_slot("issue_description")
    if restored.get("issue_description") and now and not returning.only_comes_back(now):
        restored["issue_description"] = append(restored["issue_description"], now)
    if not restored:
        return forget_withdrawn()
    restored["emotion"] = strongest_emotion(kept.get("emotion"), tracker.get_slot("emotion"))
    _say_kept(dispatcher, restored)
    return [SlotSet(name, value) for name, value in restored.items()] + forget_withdrawn()


def _left_behind(tracker: Tracker, kept: Mapping[str, Any], given: set) -> Tuple[str, ...]:
    """The groups a clearly different problem leaves behind, else none.

    Clearly different: this message tells what happened, the triage is sure of a category
    other than the one kept, and nothing in it points back ("刚才那个杯子的事还是要退款"
    points back, whatever category its 退款 pulls the triage to).
    """
    text = latest_text(tracker)
    category = _sure_category(tracker)
    if (
        category
        and kept.get("issue_category")
        and category != kept.get("issue_category")
        and answers.says_what_happened(text)
        and not returning.refers_back(text)
    ):
        return _OF_THE_PROBLEM
    return ()


def _sure_category(tracker: Tracker) -> Optional[str]:
    """The category the triage is sure this message tells, if any."""
    triage = tracker.latest_message.get("complaint_triage") or {}
    return answers.triage_first(triage, "category", CATEGORY_MIN_CONFIDENCE)


def _say_kept(dispatcher: CollectingDispatcher, restored: Mapping[str, Any]) -> None:
    """One line: what was brought back, named as the read-back names it."""
    facts = changed_facts(
        {key: restored.get(key) for key in ("order_id", "issue_category", "desired_remedy")}
    )
    if facts:
        dispatcher.utter_message(response="utter_facts_kept", kept_facts=facts)
    else:
        dispatcher.utter_message(response="utter_facts_kept_story")
