"""Round thirty-three (dev33): the order among competing numbers.

Other processes' own numbers (申诉, 理赔, 索赔, 采购, 入库; RMA, case and refund ids in English),
a label bracketed right after a number ("…（售后单）"), and a number said not to be the order
right after it ("… 不是订单 … 这个才是 …"). Each class in words other than the split's, with
what must not change.
"""

import pytest

from tests.bot.nlu.orders import primary


@pytest.mark.parametrize(
    "text",
    [
        "申诉单 5521908837 还在审核",
        "理赔号 LP20241201009 麻烦催一下",
        "索赔编号 SP778812345 没人回",
        "入库单号 RK2024120301 少了两箱",
        "采购编号 CG20241130-77 到了吗",
        "rma no. 8812093 still pending",
        "my refund number is TK99120045678",
        "case id 5521908837",
    ],
)
def test_another_process_number_alone_is_no_order(text):
    assert primary(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("申诉单 5521908837 订单 202412010033", "202412010033"),
        ("理赔号 LP20241201009，订单编号 202412010033", "202412010033"),
        ("case id 5521908837, order 202412010033", "202412010033"),
    ],
)
def test_the_order_beside_another_process_number(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text",
    ["AS20241201777（售后单号）", "5521908837 (申诉单)", "TK99120045678（这是退款单）"],
)
def test_a_bracketed_label_of_another_kind_names_the_number_before_it(text):
    assert primary(text) is None


def test_a_bracketed_word_that_is_no_label_leaves_the_order():
    """"（售后单已提交）" says something else: the order stays the order."""
    assert primary("订单号 202412010033（售后单已提交）") == "202412010033"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("5521908837 不是订单号 202412010033 才是", "202412010033"),
        ("刚才那串 78812345678901 也不是订单 订单是 202412010033", "202412010033"),
        ("5521908837唔係訂單號 訂單係 202412010033", "202412010033"),
    ],
)
def test_a_number_said_not_to_be_the_order_gives_way(text, expected):
    assert primary(text) == expected


def test_a_number_said_not_to_be_the_order_alone_leaves_none():
    assert primary("202412010033 不是订单号 是别的") is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单 202412010033 不是我下的 是我老公", "202412010033"),  # 不是 about the buyer
        ("202412010033 是订单号", "202412010033"),
        ("202412010033（订单号）", "202412010033"),
    ],
)
def test_what_must_not_change(text, expected):
    assert primary(text) == expected
