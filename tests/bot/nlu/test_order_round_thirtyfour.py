"""Round thirty-four (dev34): the order among competing numbers and labels, from another hand.

Other systems' ids for one order (外部/渠道/三方单号, 商家内部单号, 出库单), a label said again
after a slip ("订单号应该是 …"), captions after a number with no 是 ("X 退款单号⏎Y 订单号"), a list
of captions that is no legend, a process's bare name before a colon ("售后：SH…"), RMA-prefixed
ids, and English reference numbers. Each class in words other than the split's, with what must
not change.
"""

import pytest

from tests.bot.nlu.orders import primary


@pytest.mark.parametrize(
    "text",
    [
        "外部单号 WB20241201883 查一下",
        "渠道单号：QD88120394756",
        "第三方单号 TP20241203345 一直没更新",
        "商家内部单号 NB2024120301 是什么",
        "出库单号 CK2024120388 少发",
    ],
)
def test_another_systems_id_alone_is_no_order(text):
    assert primary(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("外部单号 WB20241201883，订单号 202412010033", "202412010033"),
        ("渠道订单号 202412010033", "202412010033"),  # 订单号 ends it: an order number
        ("外部订单号：202412010033", "202412010033"),
    ],
)
def test_an_order_number_by_any_system_is_the_order(text, expected):
    assert primary(text) == expected


def test_the_label_said_again_after_a_slip_names_the_order():
    text = "订单号写错了，SP778812345 是索赔编号，订单号应该是 202412010033"
    assert primary(text) == "202412010033"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("TK99120045678 退款单号\n202412010033 订单号", "202412010033"),
        ("AS20241201777 售后单\n202412010033", "202412010033"),
        ("YT7711029384756 圆通的\n202412010033 订单的", "202412010033"),
    ],
)
def test_a_caption_names_the_number_before_it(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text",
    ["AS20241201777 售后单号", "TK99120045678 退款单号\nYT7711029384756 圆通单号"],
)
def test_captions_of_other_kinds_leave_no_order(text):
    assert primary(text) is None


def test_captions_in_a_list_are_no_legend():
    text = "YT7711029384756 运单号 / 订单号 202412010033 / AS20241201777 售后单号"
    assert primary(text) == "202412010033"


def test_a_legend_before_the_numbers_still_names_them():
    assert primary("手机号和订单号：13812345678 202412010033") == "202412010033"


@pytest.mark.parametrize(
    "text",
    ["退款：TK99120045678", "理赔: LP20241201009 还没到账", "售后：AS20241201777\n物流：圆通"],
)
def test_a_process_name_before_a_colon_labels_its_number(text):
    assert primary(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("申请售后 202412010033 没人理", "202412010033"),  # no colon: the order after it
        ("退款 202412010033 的钱还没到", "202412010033"),
        ("202412010033 是售后的问题", "202412010033"),
    ],
)
def test_a_process_name_without_a_colon_names_nothing(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text", ["RMA88120394 还没处理", "rma-2024120388 pending", "payment ref no. PAY88120394756"]
)
def test_return_and_payment_references_are_no_order(text):
    assert primary(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("order ref no. 202412010033", "202412010033"),
        ("订单号 RMA88120394", "RMA88120394"),  # an order word names it: the shop's own prefix
        ("PO number PO-2024-1201-0033 arrived broken", "PO202412010033"),  # Temu's orders
        ("our order number with us is 202412010033, RMA88120394", "202412010033"),
    ],
)
def test_orders_named_so_stay_orders(text, expected):
    assert primary(text) == expected
