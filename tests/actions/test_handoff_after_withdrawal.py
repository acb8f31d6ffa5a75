"""A person asked for right after withdrawing (last session's closing note, gap a).

"算了不投诉了" keeps the complaint's facts for a return (`withdrawn_facts`); "转人工" a moment
later filed a ticket with none of them: the agent got an empty ticket and had to ask the
customer everything again. The handoff now files the facts told before the withdrawal;
what the request for a person says anew still wins, and "另一个订单 转人工" leaves them.
"""

from typing import Any, Dict, List

from actions import dependencies
from actions.coming_back import WITHDRAWN
from actions.requests import ActionCancelComplaint, ActionHandoff
from tests.actions.conftest import make_tracker, responses, slot_events

MID_FORM = {
    "order_id": "202411235567",
    "order_verified": True,
    "issue_category": "logistics",
    "issue_description": "收到的杯子碎了",
    "desired_remedy": "reship",
    "emotion": "upset",
    "intake_id": "intake-1",
    "requested_slot": "evidence_status",
}


async def _withdrawn(dispatcher, domain) -> Dict[str, Any]:
    """The slots after the real cancel action ran on a complaint told up to the evidence."""
    tracker = make_tracker("算了不投诉了", "cancel", slots=MID_FORM, active_loop="complaint_form")
    events = await ActionCancelComplaint().run(dispatcher, tracker, domain)
    after = {**MID_FORM, **slot_events(events)}
    dispatcher.messages.clear()
    assert after[WITHDRAWN] and after["order_id"] is None
    return after


def _filed() -> List[Dict[str, Any]]:
    return dependencies.ticket_store().list_tickets(conversation_id="customer-1")


async def test_a_handoff_after_a_withdrawal_files_the_facts_told_before(dispatcher, domain):
    slots = await _withdrawn(dispatcher, domain)
    tracker = make_tracker("转人工", "handoff", slots=slots)
    events = await ActionHandoff().run(dispatcher, tracker, domain)
    [ticket] = _filed()
    assert ticket["order_id"] == "202411235567" and ticket["order_verified"] is True
    assert ticket["issue_category"] == "logistics"
    assert ticket["issue_description"] == "收到的杯子碎了"
    assert ticket["desired_remedy"] == "reship"
    assert responses(dispatcher)[0] == "utter_handoff_nobody_online"  # not "nothing told"
    assert slot_events(events)[WITHDRAWN] is None  # filed: used up


async def test_what_the_request_says_anew_wins(dispatcher, domain):
    slots = await _withdrawn(dispatcher, domain)
    tracker = make_tracker("还是转人工吧 我要退款", "handoff", slots=slots)
    await ActionHandoff().run(dispatcher, tracker, domain)
    [ticket] = _filed()
    assert ticket["desired_remedy"] == "refund"
    assert ticket["order_id"] == "202411235567"


async def test_another_complaint_leaves_the_withdrawn_facts(dispatcher, domain):
    slots = await _withdrawn(dispatcher, domain)
    tracker = make_tracker("另一个订单的问题 转人工", "handoff", slots=slots)
    await ActionHandoff().run(dispatcher, tracker, domain)
    [ticket] = _filed()
    assert ticket["order_id"] is None and ticket["desired_remedy"] is None
