"""The remedy settled by the order's delivery at the end of the form's validation."""

from actions.money_back_slots import settled_remedy_events
from actions.validation import ValidateComplaintForm
from tests.actions.conftest import make_tracker, slot_events

DELIVERED = "202411191024"  # config/demo_orders.yml: a kettle, delivered
NOT_SHIPPED = "202411230066"  # nuts, paid and not shipped
SHIPPED = "DD20241123889"  # bedding, shipped and not delivered


def at_the_remedy_question(text, order_id, category):
    return make_tracker(
        text,
        "inform",
        slots={
            "requested_slot": "desired_remedy",
            "order_id": order_id,
            "issue_category": category,
        },
    )


async def test_money_back_for_a_delivered_kettle_given_up_is_a_return(dispatcher, domain):
    tracker = at_the_remedy_question("水壶不要了 退錢！！", DELIVERED, "product_quality")
    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)
    assert slot_events(events)["desired_remedy"] == "return_refund"


async def test_bare_money_back_for_a_delivered_kettle_stays_a_refund(dispatcher, domain):
    """The words name the money only; giving the goods up is the customer's to say."""
    tracker = at_the_remedy_question("退錢！！", DELIVERED, "product_quality")
    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)
    assert slot_events(events)["desired_remedy"] == "refund"


async def test_money_back_for_an_order_not_shipped_stays_a_refund(dispatcher, domain):
    tracker = at_the_remedy_question("退钱", NOT_SHIPPED, "logistics")
    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)
    assert slot_events(events)["desired_remedy"] == "refund"


async def test_a_return_asked_for_a_parcel_that_never_came_is_a_refund(dispatcher, domain):
    tracker = make_tracker("根本没收到", "inform", slots={"order_id": SHIPPED})
    events = [
        {"event": "slot", "name": "desired_remedy", "value": "return_refund"},
        {"event": "slot", "name": "issue_category", "value": "logistics"},
    ]
    assert slot_events(await settled_remedy_events(tracker, events)) == {
        "desired_remedy": "refund"
    }


async def test_the_words_of_an_earlier_message_settle_it_once_the_category_is_known(
    dispatcher, domain
):
    """dialogues_dev9 v010: the money asked back in the opening, the category tapped after."""
    opening = "條絲巾同網上嘅顏色差好遠 訂單202410301188 唔要喇 退返錢俾我"
    tracker = make_tracker(
        '/inform{"issue_category":"not_as_described"}',
        "inform",
        slots={"order_id": "202410301188", "desired_remedy": "refund"},
        history=[
            {"event": "user", "text": opening},
            {"event": "slot", "name": "desired_remedy", "value": "refund"},
            {"event": "slot", "name": "order_id", "value": "202410301188"},
        ],
    )
    events = [{"event": "slot", "name": "issue_category", "value": "not_as_described"}]
    assert slot_events(await settled_remedy_events(tracker, events)) == {
        "desired_remedy": "return_refund"
    }


async def test_the_refund_quick_reply_is_kept(dispatcher, domain):
    tracker = make_tracker(
        '/inform{"desired_remedy":"refund"}',
        "inform",
        slots={"order_id": DELIVERED, "issue_category": "product_quality"},
    )
    events = [{"event": "slot", "name": "desired_remedy", "value": "refund"}]
    assert await settled_remedy_events(tracker, events) == []
