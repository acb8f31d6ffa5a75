"""dialogues_dev25 (trial14), dev26: the order's state told where it matters, once."""

from actions.validation import ValidateComplaintForm
from tests.actions.conftest import make_tracker, slot_events

REFUNDING = "202411220931"  # running shoes, a refund in progress
NOT_SHIPPED = "202411230066"  # nuts, paid and not shipped
DELIVERED = "202411235567"  # mugs


def _order_given(order_id, story, category, remedy=None, said=()):
    history = [{"event": "bot", "text": "…", "metadata": {"utter_action": name}} for name in said]
    return make_tracker(
        order_id,
        "inform",
        entities=[{"entity": "order_id", "value": order_id}],
        slots={
            "requested_slot": "order_id",
            "issue_category": category,
            "issue_description": story,
            "desired_remedy": remedy,
            "order_id": order_id,
        },
        history=history,
        after_user=[
            {"event": "action", "name": "complaint_form"},
            {"event": "slot", "name": "order_id", "value": order_id},
        ],
    )


async def _told(dispatcher, domain, tracker):
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots["order_verified"] is True  # the intake goes on
    return [
        m.get("response") for m in dispatcher.messages if "order_record" in str(m.get("response"))
    ]


async def test_a_refund_asked_for_an_order_refunding_hears_it_is_in_progress(dispatcher, domain):
    tracker = _order_given(
        REFUNDING, "跑鞋穿了两天就开胶了 想退货退款", "product_quality", "return_refund"
    )
    assert await _told(dispatcher, domain, tracker) == ["utter_order_record_refunding"]


async def test_a_refund_not_arrived_hears_it_is_in_progress(dispatcher, domain):
    tracker = _order_given(REFUNDING, "退款申请一个星期了 钱还没到账", "refund_payment")
    assert await _told(dispatcher, domain, tracker) == ["utter_order_record_refunding"]


async def test_damage_to_goods_not_shipped_hears_they_are_not_shipped(dispatcher, domain):
    tracker = _order_given(
        NOT_SHIPPED, "坚果礼盒收到的时候盒子都压坏了 补发一盒", "logistics", "reship"
    )
    assert await _told(dispatcher, domain, tracker) == ["utter_order_record_not_shipped"]


async def test_said_once(dispatcher, domain):
    tracker = _order_given(
        NOT_SHIPPED,
        "坚果一直没收到 退款",
        "logistics",
        "refund",
        said=["utter_order_record_not_shipped"],
    )
    assert await _told(dispatcher, domain, tracker) == []


async def test_an_exchange_of_an_order_refunding_hears_the_refund_is_in_progress(
    dispatcher, domain
):
    """dialogues_dev26: the goods asked again while the money goes back; the agent weighs both."""
    tracker = _order_given(REFUNDING, "跑鞋开胶了 想换一双", "product_quality", "exchange")
    assert await _told(dispatcher, domain, tracker) == ["utter_order_record_refunding_other_remedy"]


async def test_a_reship_said_in_words_of_an_order_refunding_hears_it_too(dispatcher, domain):
    tracker = _order_given(REFUNDING, "鞋盒压扁了 鞋子变形了 给我补寄一双", "logistics")
    assert await _told(dispatcher, domain, tracker) == ["utter_order_record_refunding_other_remedy"]


async def test_a_delivered_order_or_an_apology_asked_names_no_state(dispatcher, domain):
    tracker = _order_given(DELIVERED, "马克杯收到碎了 退钱吧", "logistics", "refund")
    assert await _told(dispatcher, domain, tracker) == []
    tracker = _order_given(REFUNDING, "客服态度太差", "service_attitude", "apology")
    assert await _told(dispatcher, domain, tracker) == []
