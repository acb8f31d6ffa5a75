"""Told where the order number is, the customer is not asked for it again in the same turn.

Why (trial11, dialogues_dev22): "订单号我找不到" got where the number is shown, which ends
"实在找不到也没关系，回复“没有”我先登记", and then the order question right after it.
"""

import pytest

from actions.conversation import kept_category
from actions.form_questions import ActionAskContactStatus, ActionAskOrderId
from actions.validation import ValidateComplaintForm
from tests.actions.conftest import make_tracker, responses


def asked_back(text, slot, said=()):
    history = [
        {"event": "bot", "text": "…", "metadata": {"utter_action": name}} for name in said
    ]
    slots = {"requested_slot": slot, "unclear_answer": f"{slot}:asked"}
    return make_tracker(text, "inform", slots=slots, history=history)


@pytest.mark.parametrize("text", ["订单号我找不到", "單號喺邊㗎 搵唔到", "订单号在哪看啊"])
async def test_the_order_question_waits_after_where_it_is_shown(dispatcher, domain, text):
    await ActionAskOrderId().run(dispatcher, asked_back(text, "order_id"), domain)
    assert responses(dispatcher) == []


async def test_the_contact_question_waits_after_what_the_number_is_for(dispatcher, domain):
    tracker = asked_back("为什么要留电话", "contact_status")
    await ActionAskContactStatus().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == []


async def test_said_again_after_being_told_the_question_comes(dispatcher, domain):
    """The second "找不到" is the answer (no number at hand), not asked back."""
    tracker = asked_back("订单号我找不到", "order_id", said=["utter_answer_order_where"])
    await ActionAskOrderId().run(dispatcher, tracker, domain)
    assert responses(dispatcher) != []


@pytest.mark.parametrize("intent", ["correct", "inform", "nlu_fallback"])
async def test_a_number_still_not_found_keeps_the_problem(intent):
    """"还是找不到 算了" after where it is shown: the number is not found, not the parcel."""
    history = [
        {"event": "slot", "name": "issue_category", "value": "product_quality"},
        {"event": "slot", "name": "requested_slot", "value": "order_id"},
    ]
    tracker = make_tracker(
        "还是找不到 算了",
        intent,
        slots={"requested_slot": "order_id", "issue_category": "logistics"},
        history=history,
    )
    assert kept_category(tracker) == "product_quality"


async def test_asked_back_read_as_a_correction_is_answered_not_sent_to_change_a_fact(
    dispatcher, domain
):
    """dialogues_dev v010: "订单号找不到了 是上周买的" (intent correct, 0.73) got "哪一项要改？"
    and the order question, four times; it is told where the number is shown instead."""
    story = "杯子的盖子是坏的 拧不紧一直漏水"
    tracker = make_tracker(
        "订单号找不到了 是上周买的",
        "correct",
        slots={"requested_slot": "order_id", "issue_description": story},
        active_loop="complaint_form",
        after_user=[{"event": "action", "name": "complaint_form"}],
    )
    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)
    assert not any(e.get("event") == "action_execution_rejected" for e in events)
    assert responses(dispatcher) == ["utter_answer_order_where"]
