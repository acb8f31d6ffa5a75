"""A fact the form already holds, said again while another question is open (intake9).

Why: with the remedy already reship, "补发赠品" ("就是要补发", "我说了要退款" for a refund)
at the photo question changed nothing and answered nothing, so the photo question came back
word for word, as if the customer had not been heard. The fact is acknowledged ("好的，补发已
记下") and the open question is asked once more. A fact said that differs from the one held
is a correction, which `RemedySlots`/`OrderSlots` handle and acknowledge themselves.
"""

from typing import Any, Callable, Dict, List, Optional, Tuple

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import form_turn
from actions.conversation import latest_entity, latest_text, slot_before_this_turn
from bot.intake import remedy_answers
from bot.intake.presentation import changed_facts
from bot.taxonomy import remedy_label

RESPONSE = "utter_noted_restated"


def _said_remedy(tracker: Tracker) -> Optional[str]:
    return latest_entity(tracker, "desired_remedy") or remedy_answers.remedy_mentioned(
        latest_text(tracker)
    )


def _said_order(tracker: Tracker) -> Optional[str]:
    found = latest_entity(tracker, "order_id")
    return str(found) if found else None


# fact -> (its own question, what the message says it is, how the acknowledgement names it)
_FACTS: Dict[str, Tuple[str, Callable[[Tracker], Optional[str]], Callable[[Any], str]]] = {
    "desired_remedy": ("desired_remedy", _said_remedy, remedy_label),
    "order_id": ("order_id", _said_order, lambda value: f"订单号 {value}"),
}


def restated_facts(tracker: Tracker, events: List[EventType]) -> Dict[str, Any]:
    """The known facts this message says again, unchanged, without answering the question.

    Empty at the opening, at a fact's own question, when the open question was answered
    ("补发就行 照片没拍": an answer, nothing to acknowledge apart) or when the fact changed.
    """
    requested = tracker.get_slot("requested_slot")
    if requested is None or form_turn.open_question_answered(tracker, events):
        return {}
    after = form_turn.slots_after(tracker, events)
    found: Dict[str, Any] = {}
    for name, (question, said, _) in _FACTS.items():
        before = slot_before_this_turn(tracker, name)
        if question == requested or not before:
            continue
        if said(tracker) == before and after.get(name, before) == before:
            found[name] = before
    return found


def acknowledge_restated(
    dispatcher: CollectingDispatcher, tracker: Tracker, events: List[EventType]
) -> List[EventType]:
    """Say the restated facts are noted, in the form's pass, unless another note said so.

    (A correction, more of the problem or "no order number" already answers the message.)
    The facts are set again, unchanged, when no slot mapping set them ("就是要补发" with no
    entity): a form's pass that validates no slot is rejected by Rasa, and the default
    fallback would answer instead of the acknowledgement and the question.
    """
    facts = restated_facts(tracker, events)
    if facts and form_turn.form_pass(tracker) and not form_turn.acknowledged(dispatcher):
        shown = "、".join(_FACTS[name][2](value) for name, value in facts.items())
        dispatcher.utter_message(response=RESPONSE, restated_facts=shown)
    validated = {e.get("name") for e in events if e.get("event") == "slot"}
    return [SlotSet(name, value) for name, value in facts.items() if name not in validated]


# Facts a customer may give while the category question waits (it is then asked again).
_TOLD_EARLY = ("order_id", "desired_remedy")
EARLY_RESPONSE = "utter_noted_told_early"


def told_at_category_question(tracker: Tracker, events: List[EventType]) -> Dict[str, Any]:
    """The facts this message gave for the first time while the category question stays open.

    "订单202411235567" or "给我补发" typed under the tied category question ("我买的杯子到了
    碎成渣了": logistics or quality?) were taken without a word and the category question came
    back, as if the customer had not been heard (hand trial trial4).
    """
    if tracker.get_slot("requested_slot") != "issue_category":
        return {}
    if form_turn.open_question_answered(tracker, events):
        return {}
    after = form_turn.slots_after(tracker, events)
    return {
        name: after[name]
        for name in _TOLD_EARLY
        if after.get(name) and not slot_before_this_turn(tracker, name)
    }


def acknowledge_told_early(
    dispatcher: CollectingDispatcher, tracker: Tracker, events: List[EventType]
) -> List[EventType]:
    """Say the facts given at the category question are noted, once, in the form's pass."""
    facts = told_at_category_question(tracker, events)
    if facts and form_turn.form_pass(tracker) and not form_turn.acknowledged(dispatcher):
        dispatcher.utter_message(response=EARLY_RESPONSE, noted_facts=changed_facts(facts))
    return []
