"""Round thirty-six (dev36): where an order id ends and where it starts.

A lone last digit after groups of uneven lengths ("4821 03957 2641 8"), one or two digits
an order word introduces before a whole number ("订单号 24 0918375610294"), a rest after one
space or a line break that completes a platform's length (Taobao/Douyin 19, Pinduoduo a date
and 15, Youzan E and 23), a model year (2024 款) after the order, and a pause to look the
rest up between dictated groups. Each class in numbers other than the split's, with what
must not change beside it.
"""

import pytest

from tests.bot.nlu.orders import primary


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单 6730 29184 5521 7 一直没发货", "67302918455217"),
        ("订单号 63 8812 4409 2217 6630 5", "6388124409221766305"),
        ("訂單號 5520-1938 7746.3310 4", "55201938774633104"),
        ("订单号 9931 4420 1187\n3 到底什么时候发", "9931442011873"),
    ],
)
def test_a_lone_last_digit_after_uneven_groups_ends_the_id(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单 6730 29184 5521 7，2024年11月30日买的", "67302918455217"),
        ("订单号 6638201957483920 174，2024年11月30日买的", "6638201957483920174"),
    ],
)
def test_a_clause_after_a_comma_leaves_the_tail_joined(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单6730 2918 4552*3 发成一个了", "673029184552"),
        ("订单号 3829 1047 5562 3 件都是坏的", "382910475562"),
        ("订单号 6730 2918 4552，3 个都坏了", "673029184552"),
        ("订单号 6730 2918 4552 共 3 件", "673029184552"),
    ],
)
def test_a_lone_digit_with_a_unit_stays_a_count(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号 37 5510293847561", "375510293847561"),
        ("订单号：8 839201746638201957 麻烦查一下", "8839201746638201957"),
    ],
)
def test_one_or_two_digits_before_a_whole_number_start_the_id(text, expected):
    assert primary(text) == expected


def test_a_digit_glued_to_the_order_word_is_no_head():
    assert primary("订单2 6638201957483920") == "6638201957483920"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号 6638201957483920 174", "6638201957483920174"),
        ("订单号 66382019574839 20174 还没到", "6638201957483920174"),
        ("订单号 2412013847561 02938475", "241201384756102938475"),
        ("订单号 E2024120110384501 2345678", "E20241201103845012345678"),
        ("订单号 E2024120110384501234567 9", "E20241201103845012345679"),
        ("订单号：24120138475610293847\n6，谢谢", "241201384756102938476"),
    ],
)
def test_a_rest_that_completes_a_platform_length_is_the_ids_tail(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号 6638201957483920 174 件", "6638201957483920"),
        ("订单号 663820195748392017 4", "663820195748392017"),
        ("订单号 6638201957483920 99 块", "6638201957483920"),
    ],
)
def test_a_count_or_a_digit_after_a_whole_id_stays_apart(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号 5520 1938 7746 2023 款的颜色不对", "552019387746"),
        ("订单号 5520 1938 7746 2023年款 发错了", "552019387746"),
    ],
)
def test_a_model_year_after_the_order_is_no_group_of_it(text, expected):
    assert primary(text) == expected


def test_a_year_in_even_groups_stays_the_ids_last_group():
    assert primary("订单号 5520 1938 7746 2023") == "5520193877462023"


def test_a_pause_to_look_the_rest_up_joins_dictated_groups():
    assert primary("订单号 5520 1938 等下我看看 7746") == "552019387746"
