"""Hand test ux8, left: the issue description collected clauses that state no fact.

"订单号 2024 1123 5567 ！！赶紧处理！！" and "冇喇，得呢張" were added to the description and
met by "好的，这个情况我也记下了"; they say nothing about the problem (ux10).
"""

import pytest

from actions.confirmation import ActionApplyCorrection
from actions.validation import ValidateComplaintForm
from bot.intake.answers import states_no_fact
from tests.actions.conftest import make_tracker, responses, slot_events

DESCRIBED = {
    "issue_description": "快递到了杯子碎了一个",
    "issue_category": "logistics",
}


def _mid_form(text, intent, requested):
    return make_tracker(
        text,
        intent,
        slots={**DESCRIBED, "requested_slot": requested},
        history=[{"event": "slot", "name": "issue_description", "value": "快递到了杯子碎了一个"}],
        active_loop="complaint_form",
    )


@pytest.mark.parametrize(
    "text, intent, requested",
    [
        ("订单号 2024 1123 5567 ！！赶紧处理！！", "complain", "order_id"),
        ("冇喇，得呢張", "complain", "evidence_status"),
        ("麻烦快点处理一下，谢谢！", "complain", "contact_status"),
    ],
)
async def test_clauses_without_facts_stay_out_of_the_description(
    dispatcher, domain, text, intent, requested
):
    form = ValidateComplaintForm()
    assert (
        await form.extract_issue_description(dispatcher, _mid_form(text, intent, requested), domain)
        == {}
    )


async def test_a_fact_beside_urging_is_still_added(dispatcher, domain):
    form = ValidateComplaintForm()
    tracker = _mid_form("赶紧处理！！另外一个杯子把手也断了", "complain", "order_id")
    extracted = await form.extract_issue_description(dispatcher, tracker, domain)
    assert "把手也断了" in extracted["issue_description"]


async def test_urging_at_the_read_back_is_no_correction_of_the_problem(dispatcher, domain):
    slots = {
        **DESCRIBED,
        "order_id": "202411235567",
        "order_verified": True,
        "desired_remedy": "reship",
        "evidence_status": "none",
        "contact_status": "declined",
        "intake_id": "intake-1",
        "awaiting_confirmation": True,
    }
    events = await ActionApplyCorrection().run(
        dispatcher, make_tracker("急死了！！", "complain", slots=slots), domain
    )
    assert "issue_description" not in slot_events(events)
    assert "utter_noted_correction" not in responses(dispatcher)


@pytest.mark.parametrize(
    "text",
    [
        "订单号 2024 1123 5567 ！！赶紧处理！！",
        "冇喇，得呢張",
        "快啲處理啦，唔該",
        "没了谢谢",
        "单号是2024 1123 5567 谢谢",
        "急！！！",
    ],
)
def test_urging_thanks_and_nothing_more_state_no_fact(text):
    assert states_no_fact(text)


@pytest.mark.parametrize(
    "text",
    [
        "赶紧处理 杯子碎了",
        "快点退款",
        "赶紧给我退钱",
        "没收到货",
        "没有发票",
        "没有照片了",
        "快递没到",
        "还没发货",
        "处理一下",
        "2024 1123 5567",
        "好的",
    ],
)
def test_anything_about_goods_delivery_money_or_service_is_a_fact(text):
    assert not states_no_fact(text)
