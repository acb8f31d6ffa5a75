"""Hand test ux8: "我买的那个电热水壶" opened the intake with a category guessed from the
goods' name and never asked what went wrong; now the problem is asked for first."""

import pytest

from actions.validation import ValidateComplaintForm
from bot.intake.answers import names_only_the_goods
from tests.actions.conftest import make_tracker


def _opening(text):
    entities = [{"entity": "issue_category", "value": "product_quality"}]
    return make_tracker(
        text,
        "complain",
        entities=entities,
        active_loop="complaint_form",
        after_user=[{"event": "slot", "name": "issue_category", "value": "product_quality"}],
    )


async def test_the_goods_named_alone_are_no_description_and_no_category(dispatcher, domain):
    form = ValidateComplaintForm()
    tracker = _opening("我买的那个电热水壶")
    assert await form.extract_issue_description(dispatcher, tracker, domain) == {}
    validated = await form.validate_issue_category("product_quality", dispatcher, tracker, domain)
    assert validated == {"issue_category": None}


async def test_the_goods_with_their_fault_stay_a_description(dispatcher, domain):
    form = ValidateComplaintForm()
    tracker = _opening("我买的那个电热水壶漏水")
    extracted = await form.extract_issue_description(dispatcher, tracker, domain)
    assert extracted == {"issue_description": "我买的那个电热水壶漏水"}
    validated = await form.validate_issue_category("product_quality", dispatcher, tracker, domain)
    assert validated == {"issue_category": "product_quality"}


@pytest.mark.parametrize(
    "text", ["我买的那个电热水壶", "上周在你们家买了个电饭煲", "我買咗個電熱水壺", "我买的羽绒服"]
)
def test_goods_alone(text):
    assert names_only_the_goods(text)


@pytest.mark.parametrize(
    "text",
    [
        "我买的电热水壶不加热",
        "我买的水壶到现在都没到",
        "我买的面膜是假的",
        "我买的手机屏幕花了",
        "我买的杯子有裂痕",
        "我买的东西呢",
        "我买的水壶能退吗",
        "我买错了",
        "电热水壶",
        "我買嘅水壺一燒水就跳掣",  # 一…就: what happens (trial9)
        "我买的鞋又开胶",
    ],
)
def test_goods_with_something_said_about_them(text):
    assert not names_only_the_goods(text)


async def test_a_remedy_named_alone_is_no_description_and_no_category(dispatcher, domain):
    # dialogues_dev14 q010: "退款" opened the intake as refund_payment (0.97) with "退款" as the
    # problem, and what went wrong (not shipped for five days) was never asked
    form = ValidateComplaintForm()
    tracker = _opening("退款")
    assert await form.extract_issue_description(dispatcher, tracker, domain) == {}
    validated = await form.validate_issue_category("refund_payment", dispatcher, tracker, domain)
    assert validated == {"issue_category": None}
