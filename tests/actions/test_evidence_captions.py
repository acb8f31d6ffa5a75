"""Files told apart by their caption (gap d).

Files were matched to the kinds a complaint calls for by count: one photo of a broken parcel
covered "外包装照片", the first kind listed, so a customer who sent the waybill with "这是快递
面单" was asked for the waybill again ("还差商品破损照片、快递面单…"), and a chat screenshot
counted as a photo of the parcel. The widget sends the files (`metadata.captioned`), then
the words typed with them (`metadata.with_evidence`): the question for the rest now waits
for the words, which say which kind the files are; words that name no kind count as before.

Each message runs through both validation passes (`Customer`, tests/actions/
test_evidence_photo_first.py) on real rasa-sdk trackers.
"""

from typing import Any, Dict

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import dependencies
from actions.confirmation import ActionCreateTicket
from tests.actions.conftest import make_tracker
from tests.actions.test_evidence_photo_first import Customer

BROKEN_PARCEL: Dict[str, Any] = {
    "issue_description": "快递把杯子压碎了",
    "issue_category": "logistics",
    "order_id": "202411235567",
    "order_verified": True,
    "desired_remedy": "reship",
    "requested_slot": "evidence_status",
}
WRONG_ITEM = {
    **BROKEN_PARCEL,
    "issue_description": "发错货了",
    "issue_category": "wrong_or_missing_item",
}


async def _files_with_words(domain, facts, caption: str, count: int = 1) -> Customer:
    customer = Customer(domain)
    customer.history = [{"event": "slot", "name": k, "value": v} for k, v in facts.items()]
    customer.slots.update(facts)
    ids = []
    for n in range(count):
        customer.upload(f"{n}.jpg")
        ids.append(f"ev_{n}")
    await customer.says(
        "/send_evidence", "send_evidence", metadata={"evidence": ids, "captioned": True}
    )
    # the files are thanked for; what they lack waits for the words typed with them
    assert customer.said == ["utter_evidence_received"]
    assert not customer.slots.get("evidence_followup")
    await customer.says(caption, "inform", metadata={"with_evidence": True})
    return customer


@pytest.mark.parametrize(
    "facts, caption, count, rest",
    [
        (BROKEN_PARCEL, "这是快递面单", 1, ["外包装照片", "商品破损照片"]),
        (BROKEN_PARCEL, "面单和外箱", 2, ["商品破损照片"]),
        (BROKEN_PARCEL, "聊天截图", 1, ["外包装照片", "商品破损照片", "快递面单"]),
        (BROKEN_PARCEL, "碎掉的杯子", 1, ["外包装照片", "快递面单"]),
        (WRONG_ITEM, "开箱视频", 1, ["商品标签照片"]),
        (WRONG_ITEM, "吊牌", 1, ["收到的商品照片"]),
        # words that name no kind: the files cover the kinds in the order they are listed
        (BROKEN_PARCEL, "你们看看吧", 1, ["商品破损照片", "快递面单"]),
    ],
)
async def test_the_caption_says_which_kinds_the_files_are(domain, facts, caption, count, rest):
    customer = await _files_with_words(domain, facts, caption, count)
    assert customer.slots["evidence_followup"] == rest
    assert customer.said[-1:] == ["utter_ask_more_evidence"]
    assert customer.messages[-1]["missing"] == "、".join(rest)


async def test_captioned_files_that_are_the_whole_set_settle_the_question(domain):
    customer = await _files_with_words(domain, WRONG_ITEM, "吊牌和收到的实物", 2)
    assert customer.slots["evidence_status"] == "provided"
    assert customer.slots["evidence_missing"] == []
    assert customer.slots["requested_slot"] == "contact_status"


async def test_the_ticket_lists_what_the_captions_left_missing(domain):
    customer = await _files_with_words(domain, BROKEN_PARCEL, "这是快递面单")
    await customer.says("没有了", "deny")
    assert customer.slots["evidence_missing"] == ["外包装照片", "商品破损照片"]
    facts = {
        **customer.slots,
        "contact_status": "declined",
        "requested_slot": None,
        "intake_id": "intake-1",
        "awaiting_confirmation": True,
    }
    tracker = make_tracker("确认", "affirm", slots=facts, history=customer.history)
    await ActionCreateTicket().run(CollectingDispatcher(), tracker, domain)
    [ticket] = dependencies.ticket_store().list_tickets(conversation_id="customer-1")
    assert ticket["evidence_missing"] == ["外包装照片", "商品破损照片"]
    assert len(ticket["evidence"]) == 1


async def test_words_read_as_sending_files_do_not_thank_for_the_files_again(domain):
    """Live check: "这是快递面单" typed with a photo is read as send_evidence, and "收到1个文件"
    came after the photo and again after its words."""
    customer = Customer(domain)
    customer.history = [{"event": "slot", "name": k, "value": v} for k, v in BROKEN_PARCEL.items()]
    customer.slots.update(BROKEN_PARCEL)
    customer.upload()
    await customer.says(
        "/send_evidence", "send_evidence", metadata={"evidence": ["ev_0"], "captioned": True}
    )
    await customer.says("这是快递面单", "send_evidence", metadata={"with_evidence": True})
    assert customer.said == ["utter_ask_more_evidence"]
    assert customer.slots["evidence_followup"] == ["外包装照片", "商品破损照片"]
