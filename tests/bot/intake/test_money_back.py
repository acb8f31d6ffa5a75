"""Money back with or without the goods, settled by the order's delivery (bench dev10)."""

import pytest

from bot.intake import money_back


@pytest.mark.parametrize(
    "status, delivered",
    [("delivered", True), ("paid", False), ("shipped", False), ("refunding", None), (None, None)],
)
def test_delivery_from_the_order_status(status, delivered):
    order = {"status": status} if status else None
    assert money_back.delivered(order) is delivered


@pytest.mark.parametrize(
    "words, category",
    [
        ("不要了 退钱吧", "product_quality"),  # a broken kettle in hand, given up: it goes back
        ("颜色差太多 我不想要了 退钱", "not_as_described"),
        ("主播说的是假的 退掉 钱退我", "livestream_misleading"),
        # the goods fetched by the shop (dialogues_dev13 n051)
        ("订单202411210777 全额退款 机器你们自己来拉走", "product_quality"),
    ],
)
def test_delivered_goods_at_fault_go_back_with_the_money(words, category):
    assert money_back.settle("refund", words, True, category) == "return_refund"


@pytest.mark.parametrize(
    "words, goods_delivered, category",
    [
        ("退钱", True, "product_quality"),  # the words name the money only
        ("退錢！！", True, "product_quality"),
        ("主播说的是假的 钱退我", True, "livestream_misleading"),
        ("退钱", False, "product_quality"),  # not delivered: nothing to send back
        ("退钱", None, "product_quality"),  # an unknown order or a refund in progress
        ("碎的那个退钱", True, "logistics"),  # broken in transit
        ("少的那个退钱", True, "wrong_or_missing_item"),
        ("多扣的那笔退给我", True, "refund_payment"),
        ("我唔退貨 直接退錢", True, "product_quality"),  # keeps the goods
        ("改成退款就好 不用寄回", True, "product_quality"),
        ("仅退款", True, "product_quality"),
        ("", True, "product_quality"),  # the 仅退款 quick reply
    ],
)
def test_refund_stays_where_nothing_goes_back_or_the_customer_keeps_the_goods(
    words, goods_delivered, category
):
    assert money_back.settle("refund", words, goods_delivered, category) == "refund"


def test_a_parcel_that_never_came_is_a_refund_whatever_it_was_called():
    assert money_back.settle("return_refund", "给我退货退款", False, "logistics") == "refund"
    assert money_back.settle("return_refund", "退货退款", False, "product_quality") == (
        "return_refund"
    )
    assert money_back.settle("exchange", "退钱", True, "product_quality") == "exchange"
