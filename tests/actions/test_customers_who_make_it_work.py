"""Customers who make the bot work (bench/data/dialogues_dev19.yml, trial8).

Each test is a class of message that went wrong before: a question about the open question
("订单号在哪看啊？我找不到", "拍照干嘛？", "留电话会打过来吗？", "你们一般怎么弄？") read as "no
order number" or written into the description, "还是退吧" at the read-back keeping the
exchange, a question at the read-back ("就这样就好了吗？多久有人处理？") filing the ticket, and
the rest of an order number sent with "刚才按到发送了" re-filing the category. Real rasa-sdk
trackers; the validation runs through the SDK's own run().
"""

from typing import Any, Dict, Optional

import pytest

from actions.asides import ActionAsideInForm
from actions.confirmation import ActionApplyCorrection, ActionCreateTicket
from actions.form_turn import ASKED_BACK
from actions.requests import ActionTicketStatus
from actions.validation import ValidateComplaintForm
from tests.actions.conftest import (
    BROKEN_CUP_READ_BACK,
    make_tracker,
    responses,
    slot_events,
)

FORM_PASS = {"event": "action", "name": "complaint_form"}
SHOES = {"issue_description": "跑鞋开胶了 想换货", "issue_category": "product_quality"}
CUP = {
    "issue_description": "杯子碎了 订单202411235567 补发",
    "issue_category": "logistics",
    "order_id": "202411235567",
    "order_verified": True,
    "desired_remedy": "reship",
    "intake_id": "intake-1",
}


def _mid_form(text: str, intent: str, facts: Dict[str, Any], asked: str, extra=None):
    """The form's pass of a message at the question for `asked`."""
    known = [{"event": "slot", "name": k, "value": v} for k, v in facts.items()]
    return make_tracker(
        text,
        intent,
        slots={**facts, "requested_slot": asked},
        history=known,
        after_user=[FORM_PASS],
        active_loop="complaint_form",
        extra=extra,
    )


# --- a question about the open question ---------------------------------------------------------


@pytest.mark.parametrize(
    "text, intent, facts, asked, response",
    [
        ("订单号在哪看啊？我找不到", "nlu_fallback", SHOES, "order_id", "utter_answer_order_where"),
        ("訂單號喺邊度睇？", "inform", SHOES, "order_id", "utter_answer_order_where"),
        ("拍照干嘛？你们不相信我？", "complain", CUP, "evidence_status", "utter_answer_evidence_why"),
        ("留电话你们会打过来吗？几点打？", "inform", CUP, "contact_status", "utter_answer_contact_use"),
        ("那你们一般怎么弄？", "complain", SHOES, "desired_remedy", "utter_answer_remedy_options"),
    ],
)
async def test_a_question_about_the_question_is_answered_and_asked_again(
    dispatcher, domain, text, intent, facts, asked, response
):
    triage: Optional[Dict[str, Any]] = {"category": {"code": "other", "confidence": 0.49}}
    tracker = _mid_form(text, intent, facts, asked, extra={"complaint_triage": triage})
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert responses(dispatcher) == [response]
    assert response in domain["responses"]
    # nothing answered: no "no order number", nothing added to the problem, no unclear answer
    assert not slots.get("order_missing")
    assert "issue_description" not in slots
    assert slots.get("unclear_answer") == f"{asked}{ASKED_BACK}"


async def test_the_same_question_read_out_of_scope_is_answered_by_the_aside(dispatcher, domain):
    """The form rejects an out-of-scope message; the rule's aside answers it instead."""
    tracker = make_tracker(
        "订单号怎么查",
        "out_of_scope",
        slots={"requested_slot": "order_id"},
        active_loop="complaint_form",
    )
    await ActionAsideInForm().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_answer_order_where"]


async def test_no_order_number_is_still_no_order_number(dispatcher, domain):
    """Once where the number is shown was told (trial10: told at the first "找不到")."""
    tracker = _mid_form("订单号找不到了", "inform", SHOES, "order_id")
    told = {"event": "bot", "text": "…", "metadata": {"utter_action": "utter_answer_order_where"}}
    tracker.events.insert(0, told)
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots.get("order_missing") is True


async def test_an_order_number_not_found_at_first_hears_where_it_is(dispatcher, domain):
    tracker = _mid_form("订单号找不到了", "inform", SHOES, "order_id")
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert responses(dispatcher) == ["utter_answer_order_where"]
    assert not slots.get("order_missing")
    assert slots.get("unclear_answer") == f"order_id{ASKED_BACK}"


# --- the read-back ------------------------------------------------------------------------------


async def test_a_bare_return_said_as_a_change_of_mind_changes_the_exchange(dispatcher, domain):
    facts = {**BROKEN_CUP_READ_BACK, "desired_remedy": "exchange"}
    tracker = make_tracker("还是退吧 换了估计也一样", "correct", slots=facts)
    slots = slot_events(await ActionApplyCorrection().run(dispatcher, tracker, domain))
    assert slots["desired_remedy"] == "return_refund"


@pytest.mark.parametrize("intent", ["status_query", "affirm"])
async def test_a_question_at_the_read_back_is_answered_not_filed(dispatcher, domain, intent):
    """ "就这样就好了吗？多久有人处理？" filed the ticket ("就这样" starts like a yes)."""
    tracker = make_tracker("就这样就好了吗？多久有人处理？", intent, slots=BROKEN_CUP_READ_BACK)
    action = ActionCreateTicket() if intent == "affirm" else ActionApplyCorrection()
    events = await action.run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_read_back_what_next"]
    assert dispatcher.messages[0]["first_response_minutes"] == 15
    assert "ticket_id" not in slot_events(events)


async def test_a_yes_with_a_question_still_files(dispatcher, domain):
    tracker = make_tracker("好的 多久能处理", "affirm", slots=BROKEN_CUP_READ_BACK)
    slots = slot_events(await ActionCreateTicket().run(dispatcher, tracker, domain))
    assert slots.get("ticket_id")


# --- an older complaint asked about mid-form ----------------------------------------------------


async def test_no_earlier_complaint_asked_mid_form_leads_back_to_the_form(dispatcher, domain):
    """ "如果想登记新的问题，直接告诉我情况就好" was said in the middle of registering one."""
    tracker = make_tracker(
        "对了 我上周投诉的那个耳机处理得怎么样了",
        "status_query",
        slots={**CUP, "requested_slot": "evidence_status"},
        active_loop="complaint_form",
    )
    await ActionTicketStatus().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_status_none_in_form"]
    assert "utter_status_none_in_form" in domain["responses"]


async def test_no_earlier_complaint_outside_the_form_invites_one(dispatcher, domain):
    tracker = make_tracker("我的投诉到哪一步了", "status_query")
    await ActionTicketStatus().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_status_none"]
