"""A piece of a several-item order not received is a missing item once the order is known.

dialogues_dev14 q011: the order number first ("202411150420": a cup and a cup sleeve), then
"杯套没收到", read as logistics (0.82) and filed so.
"""

from actions.missing_piece_slots import settled_category_events
from tests.actions.conftest import make_tracker

CUP_AND_SLEEVE = "202411150420"  # config/demo_orders.yml
KETTLE = "202411191024"


def _described(text, order_id, category, intent="complain"):
    return make_tracker(
        text,
        intent,
        slots={
            "requested_slot": "issue_description",
            "order_id": order_id,
            "issue_category": category,
            "issue_description": text,
        },
        after_user=[{"event": "slot", "name": "issue_description", "value": text}],
    )


async def test_the_sleeve_not_received_is_a_missing_item():
    events = await settled_category_events(
        _described("杯套没收到", CUP_AND_SLEEVE, "logistics"), []
    )
    assert events == [
        {
            "event": "slot",
            "timestamp": None,
            "name": "issue_category",
            "value": "wrong_or_missing_item",
        }
    ]


async def test_a_one_item_order_not_received_stays_logistics():
    assert await settled_category_events(_described("水壶没收到", KETTLE, "logistics"), []) == []


async def test_a_category_the_customer_chose_stays():
    tracker = _described("杯套没收到", CUP_AND_SLEEVE, "logistics", intent="inform")
    assert await settled_category_events(tracker, []) == []
