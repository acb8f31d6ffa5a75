"""Round nineteen (ord21, dev19): order ids that are not all digits, beside codes like them.

A file of its own so that rounds written at the same time merge. Each class is tested in
words other than the split's, and with what must not change.
"""

import pytest

from tests.bot.nlu.orders import primary


@pytest.mark.parametrize(
    "text, expected",
    [
        # JD Logistics' waybills with their fourth letter are parcels, not orders
        ("JDVB98765432101 到哪了", None),
        ("JDVC00123456789 三天没更新，订单号 SO2411230156", "SO2411230156"),
        # other codes labelled in English
        ("receipt no. RC-2024-1123-77 is wrong", None),
        ("voucher code SPRING2025 expired, order no. 2024112355671", "2024112355671"),
        ("model no. A2890 broke, order id SO2411230156", "SO2411230156"),
        # an order still after "no." alone
        ("no. SO2411230156 never came", "SO2411230156"),
    ],
)
def test_other_codes_by_their_labels(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a letter-led or zero-led suffix after a whole number, with an order word
        ("订单号 202411239876-B2 又坏了", "202411239876B2"),
        ("订单 SO2411230156-03 没到", "SO241123015603"),
        # not a suffix: a quantity, a count of pieces, a plain number
        ("订单号 202411239876-x2 少了一个", "202411239876"),
        ("订单号 202411239876-2件", "202411239876"),
        # zero-led digits a unit or a counter follows: a day or a count, not a suffix
        ("订单号 202411235567-05号到的", "202411235567"),
        ("订单号 202411235567-03件都坏了", "202411235567"),
    ],
)
def test_a_suffix_after_a_whole_number(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # S, B, Z between the digits of a long number are the digits they look like
        ("订单号 20241123S5671 手写的", "2024112355671"),
        ("单号 JD2024112B3355 看不清", "JD202411283355"),
        ("订单号 2024Z1235567 截图识别的", "202421235567"),
        # at an edge or beside a real letter they stay letters
        ("订单号 20241123556B", "20241123556B"),
        ("订单号 2411A23B0087", "2411A23B0087"),
    ],
)
def test_look_alike_letters_between_digits(text, expected):
    assert primary(text) == expected
