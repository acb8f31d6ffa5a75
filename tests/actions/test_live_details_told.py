"""Live-stream details told at another question reach the ticket's `live` (intake9).

"主播是阿杰数码吧，大概晚上9点说的" at the order question, "直播间是小鹿美妆旗舰店，昨晚八点多"
at the photo question of a live-stream complaint reached only the transcript: the ticket's
`live` kept no host and no moment to find in the replay. They are read at any question (as the
opening's are), added where `live` lacks them, acknowledged, and the question is asked again,
its answer unchanged.

Both validation passes per message (`Customer`, tests/actions/test_evidence_photo_first.py) on
real rasa-sdk trackers; the ticket is filed into a real SQLite store.
"""

from typing import Any, Dict

from rasa_sdk.executor import CollectingDispatcher

from actions import dependencies
from actions.confirmation import ActionCreateTicket
from actions.validation import ValidateComplaintForm
from tests.actions.conftest import make_tracker
from tests.actions.test_facts_restated import Restating

CLAIM = "直播里说这个手表能接电话"
AT_THE_ORDER_QUESTION: Dict[str, Any] = {
    "issue_description": f"{CLAIM} 收到根本不能接",
    "issue_category": "livestream_misleading",
    "live_claim": CLAIM,
    "live": {"claim": CLAIM},
    "requested_slot": "order_id",
}
ORDER_LIVE = {"room_id": "room-8801", "streamer": "小鹿美妆", "started_at": "2024-11-20T20:00:00+08:00"}
AT_THE_PHOTO_QUESTION: Dict[str, Any] = {
    "issue_description": "主播说买二送一 送的那瓶精华没收到",
    "issue_category": "livestream_misleading",
    "live_claim": "主播说买二送一",
    "live": {**ORDER_LIVE, "claim": "主播说买二送一"},
    "order_id": "LS20241120001",
    "order_verified": True,
    "desired_remedy": "reship",
    "requested_slot": "evidence_status",
}


async def test_the_host_and_the_moment_told_at_the_order_question_are_kept(domain):
    customer = Restating(domain, AT_THE_ORDER_QUESTION)
    await customer.says("主播是阿杰数码吧，大概晚上9点说的", "inform")
    assert customer.slots["live"] == {"claim": CLAIM, "streamer": "阿杰数码", "replay_at": "晚上9点"}
    assert customer.said == ["utter_noted_live"]
    assert customer.messages[0]["live_details"] == "主播：阿杰数码；时间：晚上9点"
    # the order question is still open, and was not answered by the host's name
    assert customer.slots["requested_slot"] == "order_id"
    assert customer.slots.get("order_id") is None
    assert customer.slots.get("order_missing") is None
    assert not customer.slots.get("unclear_answer")


async def test_the_forms_pass_validates_a_slot_so_rasa_does_not_reject_the_form(domain):
    """Live check: the slot mappings' pass had already put the details in `live`; the form's
    pass validated nothing, Rasa rejected the form ("Failed to extract slot order_id") and
    the default fallback answered "没太明白" instead of the acknowledgement and the question."""
    told = {"claim": CLAIM, "streamer": "阿杰数码", "replay_at": "晚上9点"}
    after = [
        {"event": "slot", "name": "live", "value": told},
        {"event": "action", "name": "complaint_form"},
    ]
    history = [{"event": "slot", "name": k, "value": v} for k, v in AT_THE_ORDER_QUESTION.items()]
    tracker = make_tracker(
        "主播是阿杰数码吧，大概晚上9点说的",
        "inform",
        slots={**AT_THE_ORDER_QUESTION, "live": told},
        history=history,
        active_loop="complaint_form",
        after_user=after,
    )
    dispatcher = CollectingDispatcher()
    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)
    validated = [e for e in events if e.get("event") == "slot" and e["name"] != "requested_slot"]
    assert validated, "Rasa's form rejects a pass that validates no slot"
    assert [m["response"] for m in dispatcher.messages] == ["utter_noted_live"]


async def test_details_at_the_photo_question_add_to_what_the_order_says(domain):
    customer = Restating(domain, AT_THE_PHOTO_QUESTION)
    await customer.says("直播间是小鹿美妆旗舰店，昨晚八点多", "inform")
    # the order's own session stays; the moment is what it lacked
    assert customer.slots["live"] == {
        **ORDER_LIVE,
        "claim": "主播说买二送一",
        "replay_at": "昨晚八点多",
    }
    assert customer.said == ["utter_noted_live", "utter_ask_evidence_status"]
    assert customer.messages[0]["live_details"] == "时间：昨晚八点多"
    assert customer.slots.get("evidence_status") is None
    await customer.says("没拍", "deny")
    assert customer.slots["evidence_status"] == "none"
    assert customer.slots["live"]["replay_at"] == "昨晚八点多"


async def test_a_moment_in_the_stream_replaces_a_vaguer_one(domain):
    """Hand trial (trial3): the opening's "昨晚" stayed the replay moment when the customer
    said at the photo question that the host said it in the 47th minute."""
    customer = Restating(
        domain,
        {**AT_THE_PHOTO_QUESTION, "live": {**AT_THE_PHOTO_QUESTION["live"], "replay_at": "昨晚"}},
    )
    await customer.says("主播是在第47分钟说的", "inform")
    assert customer.slots["live"]["replay_at"] == "第47分钟"
    assert customer.slots["live"]["streamer"] == "小鹿美妆"
    assert customer.said == ["utter_noted_live", "utter_ask_evidence_status"]
    assert customer.messages[0]["live_details"] == "时间：第47分钟"


async def test_an_answer_with_details_beside_it_is_answered_as_usual(domain):
    customer = Restating(domain, AT_THE_PHOTO_QUESTION)
    await customer.says("没拍 回放1小时05分那里说的", "deny")
    assert customer.slots["evidence_status"] == "none"
    assert customer.slots["live"]["replay_at"] == "1小时05分"
    assert "utter_noted_live" not in customer.said


async def test_details_of_no_live_stream_complaint_are_left_alone(domain):
    facts = {
        **AT_THE_PHOTO_QUESTION,
        "issue_category": "logistics",
        "live": None,
        "live_claim": None,
        "order_id": "202411235567",
    }
    customer = Restating(domain, facts)
    await customer.says("主播是阿杰数码吧，大概晚上9点说的", "inform")
    assert customer.slots.get("live") is None
    assert "utter_noted_live" not in customer.said


async def test_the_ticket_carries_them(domain):
    customer = Restating(domain, AT_THE_PHOTO_QUESTION)
    await customer.says("主播是小鹿美妆吧 第47分钟说的", "inform")
    await customer.says("没拍", "deny")
    facts = {
        **customer.slots,
        "contact_status": "declined",
        "requested_slot": None,
        "intake_id": "intake-9",
        "awaiting_confirmation": True,
    }
    tracker = make_tracker("确认", "affirm", slots=facts, history=customer.history)
    await ActionCreateTicket().run(CollectingDispatcher(), tracker, domain)
    [ticket] = dependencies.ticket_store().list_tickets(conversation_id="customer-1")
    assert ticket["live"]["replay_at"] == "第47分钟"
    assert ticket["live"]["streamer"] == "小鹿美妆"
