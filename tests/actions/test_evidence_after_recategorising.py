"""A category corrected after the evidence question was settled (gap b).

"不是坏了，是发错货了" after a photo had settled the evidence of a quality complaint kept the
quality complaint's verdict: nothing missing. The read-back said "1个文件", the ticket's
`evidence_missing` and summary said nothing was missing, yet a wrong item calls for the
label and the item received. Now the missing kinds follow the new category, the read-back,
`evidence_missing` and the summary agree, and a kind the new category needs that was never
asked for is asked for once (files were sent, so the customer's channel takes them).
"""

from typing import Any, Dict, List

from rasa_sdk.events import FollowupAction

from actions import dependencies
from actions.confirmation import ActionApplyCorrection, ActionCreateTicket
from actions.form_questions import ActionAskEvidenceStatus
from actions.validation import ValidateComplaintForm
from tests.actions.conftest import make_tracker, responses, slot_events

PHOTO = {
    "id": "ev-1",
    "filename": "a.jpg",
    "content_type": "image/jpeg",
    "size": 10,
    "sha256": "0" * 64,
    "url": "http://x/ev-1",
}
# a quality complaint read back: one photo, which covers the one kind quality calls for
QUALITY = {
    "order_id": "202411235567",
    "order_verified": True,
    "issue_category": "product_quality",
    "issue_description": "杯子收到就坏了",
    "desired_remedy": "exchange",
    "evidence": [PHOTO],
    "evidence_status": "provided",
    "evidence_missing": [],
    "contact_status": "declined",
    "emotion": "calm",
    "intake_id": "intake-1",
    "awaiting_confirmation": True,
}
CORRECTION = "不是坏了，是发错货了"
WRONG_ITEM_TRIAGE = {
    "complaint_triage": {
        "category": {"code": "wrong_or_missing_item", "confidence": 0.9, "ranking": []}
    }
}


def _correction(slots: Dict[str, Any], **kw: Any):
    return make_tracker(
        CORRECTION,
        "correct",
        slots={**slots, "issue_category": "wrong_or_missing_item"},
        history=[{"event": "slot", "name": k, "value": v} for k, v in slots.items()],
        after_user=[{"event": "slot", "name": "issue_category", "value": "wrong_or_missing_item"}],
        extra=WRONG_ITEM_TRIAGE,
        **kw,
    )


def _applied(slots: Dict[str, Any], events: List[Dict[str, Any]]) -> Dict[str, Any]:
    return {**slots, "issue_category": "wrong_or_missing_item", **slot_events(events)}


async def test_at_the_read_back_the_new_kinds_are_asked_for_once(dispatcher, domain):
    events = await ActionApplyCorrection().run(dispatcher, _correction(QUALITY), domain)
    slots = _applied(QUALITY, events)
    assert responses(dispatcher) == ["utter_noted_changes"]  # no read-back before the answer
    assert slots["evidence_followup"] == ["收到的商品照片"]
    assert slots["evidence_status"] is None and slots["awaiting_confirmation"] is False
    assert FollowupAction("complaint_form") in events
    # the form asks for the kind still missing, by name
    dispatcher.messages.clear()
    ask = make_tracker(CORRECTION, "correct", slots={**slots, "requested_slot": "evidence_status"})
    await ActionAskEvidenceStatus().run(dispatcher, ask, domain)
    assert responses(dispatcher) == ["utter_ask_more_evidence"]
    assert dispatcher.messages[0]["missing"] == "收到的商品照片"


async def test_no_to_the_new_kind_is_read_back_and_filed_as_missing(dispatcher, domain):
    events = await ActionApplyCorrection().run(dispatcher, _correction(QUALITY), domain)
    slots = {**_applied(QUALITY, events), "requested_slot": "evidence_status"}
    answer = make_tracker("没有", "deny", slots=slots, active_loop="complaint_form")
    form = ValidateComplaintForm()
    status = await form.extract_evidence_status(dispatcher, answer, domain)
    settled = await form.validate_evidence_status(
        status["evidence_status"], dispatcher, answer, domain
    )
    assert settled == {"evidence_status": "provided", "evidence_missing": ["收到的商品照片"]}
    final = {**slots, **settled, "requested_slot": None, "awaiting_confirmation": True}
    dispatcher.messages.clear()
    await ActionCreateTicket().run(dispatcher, make_tracker("确认", "affirm", slots=final), domain)
    [ticket] = dependencies.ticket_store().list_tickets(conversation_id="customer-1")
    assert ticket["issue_category"] == "wrong_or_missing_item"
    assert ticket["evidence_missing"] == ["收到的商品照片"]
    assert "收到的商品照片" in ticket["summary"]


async def test_without_files_nothing_is_asked_and_all_agree(dispatcher, domain):
    """ "没有照片" stands for the new category too: the read-back and the ticket name its kinds."""
    none = {**QUALITY, "evidence": [], "evidence_status": "none", "evidence_missing": None}
    events = await ActionApplyCorrection().run(dispatcher, _correction(none), domain)
    assert FollowupAction("complaint_form") not in events
    assert responses(dispatcher) == ["utter_noted_changes", "utter_read_back"]
    slots = _applied(none, events)
    await ActionCreateTicket().run(dispatcher, make_tracker("确认", "affirm", slots=slots), domain)
    [ticket] = dependencies.ticket_store().list_tickets(conversation_id="customer-1")
    assert ticket["evidence_missing"] == ["商品标签照片", "收到的商品照片"]


async def test_a_kind_already_asked_for_is_not_asked_again(dispatcher, domain):
    """Logistics to wrong item with the label photo declined before: the read-back names what
    is missing for the new category, and nothing new is asked."""
    wrong = {
        **QUALITY,
        "issue_category": "logistics",
        "issue_description": "杯子收到就碎了",
        "evidence_missing": ["商品破损照片", "快递面单"],
    }
    tracker = make_tracker(
        "不是碎了 是少发了一个",
        "correct",
        slots={**wrong, "issue_category": "product_quality"},
        history=[{"event": "slot", "name": k, "value": v} for k, v in wrong.items()],
        after_user=[{"event": "slot", "name": "issue_category", "value": "product_quality"}],
        extra={
            "complaint_triage": {
                "category": {"code": "product_quality", "confidence": 0.9, "ranking": []}
            }
        },
    )
    events = await ActionApplyCorrection().run(dispatcher, tracker, domain)
    slots = slot_events(events)
    assert FollowupAction("complaint_form") not in events
    assert slots["evidence_missing"] == []  # one photo covers quality's one kind
    [read_back] = [m for m in dispatcher.messages if m.get("response") == "utter_read_back"]
    assert read_back["evidence_display"] == "1个文件"


async def test_mid_form_the_evidence_question_opens_again_for_the_new_kinds(dispatcher, domain):
    """At the contact question, after the photo settled the evidence of a quality complaint."""
    mid = {**QUALITY, "awaiting_confirmation": False, "requested_slot": "contact_status"}
    mid.pop("contact_status")
    tracker = _correction(mid, active_loop="complaint_form")
    tracker.events.append({"event": "action", "name": "complaint_form"})
    result = await ValidateComplaintForm().validate_issue_category(
        "wrong_or_missing_item", dispatcher, tracker, domain
    )
    assert result["issue_category"] == "wrong_or_missing_item"
    assert result["evidence_status"] is None
    assert result["evidence_followup"] == ["收到的商品照片"]


# logistics read at first: one photo sent, the rest of its kinds asked for (the follow-up open)
AT_FOLLOWUP = {
    **QUALITY,
    "issue_category": "logistics",
    "issue_description": "收到的杯子碎了！订单 2024 1123 5567，给我补发一个",
    "desired_remedy": "reship",
    "evidence_status": None,
    "evidence_missing": None,
    "evidence_followup": ["商品破损照片", "快递面单"],
    "awaiting_confirmation": False,
    "requested_slot": "evidence_status",
}
AT_FOLLOWUP.pop("contact_status")


def _at_followup(text: str, category: str):
    tracker = make_tracker(
        text,
        "correct",
        slots={**AT_FOLLOWUP, "issue_category": category},
        history=[{"event": "slot", "name": k, "value": v} for k, v in AT_FOLLOWUP.items()],
        after_user=[{"event": "slot", "name": "issue_category", "value": category}],
        extra={"complaint_triage": {"category": {"code": category, "confidence": 0.9}}},
        active_loop="complaint_form",
    )
    tracker.events.append({"event": "action", "name": "complaint_form"})
    return tracker


async def test_at_the_follow_up_the_kinds_still_asked_follow_the_new_category(dispatcher, domain):
    """Hand trial (trial2, widget): a photo of a parcel complaint, then "还差商品破损照片、快递面单";
    "不是快递的问题，是东西本身质量有问题" there was asked the parcel's kinds again, and the
    read-back and the ticket of the quality complaint said 缺商品破损照片、快递面单. The photo
    covers quality's one kind: the question is settled with nothing missing."""
    tracker = _at_followup("不是快递的问题，是东西本身质量有问题", "product_quality")
    result = await ValidateComplaintForm().validate_issue_category(
        "product_quality", dispatcher, tracker, domain
    )
    assert result["issue_category"] == "product_quality"
    assert result["evidence_status"] == "provided"
    assert result["evidence_missing"] == []
    assert result["evidence_followup"] is None


async def test_at_the_follow_up_a_new_category_asks_for_its_own_kinds(dispatcher, domain):
    tracker = _at_followup("不是坏了，是发错货了", "wrong_or_missing_item")
    result = await ValidateComplaintForm().validate_issue_category(
        "wrong_or_missing_item", dispatcher, tracker, domain
    )
    assert result["evidence_status"] is None
    assert result["evidence_followup"] == ["收到的商品照片"]
    dispatcher.messages.clear()
    ask = make_tracker("不是坏了，是发错货了", "correct", slots={**AT_FOLLOWUP, **result})
    await ActionAskEvidenceStatus().run(dispatcher, ask, domain)
    assert [m.get("missing") for m in dispatcher.messages] == ["收到的商品照片"]
