"""Round thirty-five (dev35): the order beside other numbers earlier rounds did not cover.

A payment's own bill and codes (付款单号, 付款编号, 付款码, 收款码), a device's number (机身号,
设备号), a platform's user id (UID, also glued), a child order pointed at by its label said
again ("子訂單嗰件爛咗"), a date and time in one run before what happened then ("202411301530
签收"), a postcode after an address with no 邮编, a list item's caption only where the number
opens the item ("电子发票 X 订单⏎Y"), and a sum before a compact date of paying ("共384
20241128付的款"). Each class in words other than the split's, with what must not change.
"""

import pytest

from tests.bot.nlu.orders import primary


@pytest.mark.parametrize(
    "text",
    [
        "付款单号 160283749502817461 钱扣了订单没出来",
        "付款编号 PAY20241201004417",
        "付款码 283746192837461102 扣了两次",
        "收款码 7729183746501928",
        "机身号 861230045678901 保修查不到",
        "设备编号 SN2024120100123",
        "uid 294817305 登不上",
        "UID294817305 账号被封",
    ],
)
def test_payment_device_and_user_numbers_alone_are_no_order(text):
    assert primary(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("付款单号 160283749502817461 订单号 5813920476615203948", "5813920476615203948"),
        ("流水号20241201100077421，付款单号160283749502817461，单号7719302845", "7719302845"),
        ("设备号 861230045678901 订单 5813920476615203948 屏幕坏了", "5813920476615203948"),
        ("UID294817305 订单号 5813920476615203948", "5813920476615203948"),
    ],
)
def test_the_order_beside_them_is_filed(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("母订单 4418203957712 子订单 4418203957713 子订单那件烂了", "4418203957713"),
        ("父订单 4418203957712 子订单 4418203957713 子订单那个包裹没到", "4418203957713"),
        ("主訂單 4418203957712 子訂單 4418203957713 子訂單嗰件爛咗", "4418203957713"),
        ("子订单 4418203957713 母订单 4418203957712 子订单的东西坏了", "4418203957713"),
    ],
)
def test_a_child_order_named_again_with_its_fault_is_filed(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "母订单 4418203957712 子订单 4418203957713 子订单没问题",  # no fault: the main one
        "母订单 4418203957712 子订单 4418203957713",
    ],
)
def test_otherwise_the_main_order_is_filed(text):
    assert primary(text) == "4418203957712"


@pytest.mark.parametrize(
    "text",
    [
        "202412011530 签收 但是没收到",
        "20241201153012 下单 到现在没发",
        "上午 202412010930 揽收 一直没更新",
    ],
)
def test_a_date_and_time_in_one_run_before_an_event_is_no_order(text):
    assert primary(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("202412010457 买的杯子碎了", "202412010457"),  # an order and what it bought
        ("订单号 202412011530 签收了但是没收到", "202412011530"),  # an order word names it
        ("202412011530 这单没到", "202412011530"),
    ],
)
def test_a_time_shaped_order_stays_the_order(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "浙江省杭州市西湖区文三路 310012 王先生 13800001111",
        "送到成都市武侯区，610041",
        "阳光小区 3栋 610041",
    ],
)
def test_six_digits_after_an_address_are_its_postcode(text):
    assert primary(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("西湖区 610041 这单没到", "610041"),  # the words after it call it the order
        ("收货地址杭州市西湖区 订单号 610041", "610041"),
    ],
)
def test_six_digits_an_order_word_names_stay_the_order(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("电子发票 CD87654321 订单\n5813920476615203948", "5813920476615203948"),
        ("会员卡 M0098231 订单号\n5813920476615203948", "5813920476615203948"),
        ("CD87654321 发票号\n5813920476615203948 订单号", "5813920476615203948"),  # captions
    ],
)
def test_a_label_ending_the_line_after_a_labelled_number_introduces_the_next(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text",
    ["共384 20241201付的款", "合计 512 20241201支付 没到账", "一共 96 20241130送达 东西坏了"],
)
def test_a_sum_before_a_date_of_paying_is_no_order(text):
    assert primary(text) is None


def test_the_payment_bill_of_the_shop_stays_an_order():
    """商户单号 is WeChat Pay's name for the shop's own order number (round twenty-three)."""
    assert primary("商户单号 1602837495028174611 扣款成功") == "1602837495028174611"
