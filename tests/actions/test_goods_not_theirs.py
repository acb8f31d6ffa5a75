"""At the read-back, the goods beside the number said not to be the customer's.

Hand trial (2026-12-04): with the goods of the order read back ("· 商品：加厚羽绒服 黑色 L"),
"商品不对啊，我买的不是羽绒服，是行车记录仪" was taken as a wrong-item complaint and filed under
the coat's order. The number is another order's: dropped, and the form asks for the right one.
"""

import pytest

from actions.confirmation import ActionApplyCorrection
from actions.conversation import kept_category
from actions.validation import ValidateComplaintForm
from tests.actions.conftest import make_tracker, responses, slot_events

COAT_ORDER = "202411200012"  # demo order of 加厚羽绒服 黑色 L
READ_BACK = {
    "order_id": COAT_ORDER,
    "order_verified": True,
    "issue_category": "product_quality",
    "issue_description": "买的行车记录仪 开机就黑屏",
    "desired_remedy": "return_refund",
    "evidence_status": "none",
    "contact_status": "declined",
    "awaiting_confirmation": True,
}
HISTORY = [{"event": "slot", "name": k, "value": v} for k, v in READ_BACK.items()]
# what the slot mappings read into the denial this turn
MAPPED = [
    {"event": "slot", "name": "issue_category", "value": "wrong_or_missing_item"},
    {"event": "slot", "name": "issue_description", "value": "商品不对 买的行车记录仪 开机就黑屏"},
]


def at_read_back(text, intent="correct", slots=None):
    state = {**READ_BACK, **(slots or {})}
    after = MAPPED if not slots else []
    state.update({e["name"]: e["value"] for e in after})
    return make_tracker(text, intent, slots=state, history=HISTORY, after_user=after)


@pytest.mark.parametrize(
    "text",
    [
        "商品不对啊，我买的不是羽绒服，是行车记录仪",
        "我買的不是羽絨服喎",
        "不是这个商品",
        "我没买过这个",
    ],
)
async def test_goods_said_not_theirs_drop_the_number_and_reopen_the_form(dispatcher, domain, text):
    events = await ActionApplyCorrection().run(dispatcher, at_read_back(text), domain)
    assert responses(dispatcher) == ["utter_order_goods_not_theirs"]
    assert dispatcher.messages[0]["order_goods"] == "加厚羽绒服 黑色 L"
    slots = slot_events(events)
    assert slots["order_id"] is None and slots["awaiting_confirmation"] is False
    # the rest read back stays as it was: the denial is no wrong-item complaint
    assert slots["issue_category"] == "product_quality"
    assert slots["issue_description"] == "买的行车记录仪 开机就黑屏"
    assert any(e["event"] == "followup" and e["name"] == "complaint_form" for e in events)


@pytest.mark.parametrize("text", ["发来的不是我买的", "我买的不是这个颜色"])
async def test_goods_that_arrived_wrong_are_a_complaint_not_a_wrong_number(
    dispatcher, domain, text
):
    events = await ActionApplyCorrection().run(dispatcher, at_read_back(text), domain)
    assert "utter_order_goods_not_theirs" not in responses(dispatcher)
    assert slot_events(events).get("order_id", COAT_ORDER) == COAT_ORDER


async def test_an_order_the_shop_does_not_know_has_no_goods_to_deny(dispatcher, domain):
    tracker = at_read_back("我买的不是羽绒服", slots={"order_verified": False})
    await ActionApplyCorrection().run(dispatcher, tracker, domain)
    assert "utter_order_goods_not_theirs" not in responses(dispatcher)


async def test_the_form_reopened_keeps_the_category_against_the_denial(dispatcher, domain):
    """Live (REST): the form, reopened in the same turn, read "错发漏发" into the denial."""
    after = MAPPED + [
        {"event": "slot", "name": "awaiting_confirmation", "value": False},
        {"event": "slot", "name": "order_id", "value": None},
    ]
    state = {**READ_BACK, "awaiting_confirmation": False, "order_id": None}
    tracker = make_tracker(
        "我买的不是羽绒服", "correct", slots=state, history=HISTORY, after_user=after
    )
    assert kept_category(tracker) == "product_quality"
    result = await ValidateComplaintForm().validate_issue_category(
        "wrong_or_missing_item", dispatcher, tracker, domain
    )
    assert result == {"issue_category": "product_quality"}
