"""What the shop's record says about a parcel the customer says never left or never came."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.intake.shipment_facts import shipment_facts

SHIPPED = {
    "status": "shipped",
    "shipped_at": "2024-11-19T16:00:00+08:00",
    "delivered_at": None,
    "carrier": "韵达快递",
    "tracking_no": "YD3100998877",
}
DELIVERED = {
    **SHIPPED,
    "status": "delivered",
    "delivered_at": "2024-11-23T09:40:00+08:00",
    "carrier": "中通快递",
    "tracking_no": "ZT7788123456",
}


def test_never_shipped_but_shipped_tells_when_and_with_whom():
    assert shipment_facts(SHIPPED, "我买的四件套一直没发货 都一个礼拜了", "Asia/Shanghai") == (
        "utter_order_record_shipped",
        {"carrier": "韵达快递", "tracking_no": "YD3100998877", "shipped_on": "2024年11月19日"},
    )


@pytest.mark.parametrize("text", ["包裹一直没收到", "買咗件衫 仲未收到", "等了一周还没到"])
def test_never_received_but_signed_for_tells_the_day(text):
    response, values = shipment_facts(DELIVERED, text, "Asia/Shanghai")
    assert response == "utter_order_record_delivered"
    assert values["delivered_on"] == "2024年11月23日" and values["tracking_no"] == "ZT7788123456"


@pytest.mark.parametrize(
    "order, text",
    [
        (DELIVERED, "快递显示签收了但我根本没收到"),  # the customer knows it was signed for
        (DELIVERED, "杯子碎了"),  # nothing about the parcel's journey
        (SHIPPED, "物流一直不动"),  # the record has nothing to add
        ({**SHIPPED, "tracking_no": None}, "一直没发货"),  # no waybill to give
        ({**SHIPPED, "status": "paid"}, "一直没发货"),  # not shipped indeed
        (DELIVERED, "退款一直没收到"),  # money, not the parcel
        (DELIVERED, "赠品还没到"),
        (DELIVERED, "退货的钱还没收到"),
        (DELIVERED, "客服说回电 到现在都没收到电话"),
    ],
)
def test_nothing_is_said_when_the_record_adds_nothing(order, text):
    assert shipment_facts(order, text, "Asia/Shanghai") is None


def test_a_day_this_year_is_said_without_the_year():
    this_year = datetime.now(ZoneInfo("Asia/Shanghai")).year
    order = {**SHIPPED, "shipped_at": f"{this_year}-01-05T10:00:00+08:00"}
    _, values = shipment_facts(order, "一直没发货", "Asia/Shanghai")
    assert values["shipped_on"] == "1月5日"


def test_never_received_while_on_its_way_tells_when_it_left_and_the_waybill():
    response, values = shipment_facts(SHIPPED, "包裹一直没收到", "Asia/Shanghai")
    assert response == "utter_order_record_shipped" and values["tracking_no"] == "YD3100998877"


def test_a_parcel_named_beside_money_still_counts():
    response, _ = shipment_facts(DELIVERED, "钱付了 货还没收到", "Asia/Shanghai")
    assert response == "utter_order_record_delivered"


@pytest.mark.parametrize("category", ["livestream_misleading", "promotion", "refund_payment"])
def test_a_complaint_about_no_parcel_hears_nothing_of_it(category):
    """"直播間說買就送杯墊，結果什麼都沒收到": the gift, not the coat the shop delivered."""
    text = "你們直播間說買就送杯墊，結果什麼都沒收到！！"
    assert shipment_facts(DELIVERED, text, "Asia/Shanghai", category) is None


def test_a_parcel_complaint_with_its_category_is_told():
    assert shipment_facts(DELIVERED, "包裹一直没收到", "Asia/Shanghai", "logistics")
