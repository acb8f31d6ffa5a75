"""Left items revisited (ord22): cases earlier rounds left, where a shop agent's reading is clear.

A file of its own so that rounds written at the same time merge. Each class is tested in
words other than docs/order_numbers.md's, and with what must not change.
"""

import pytest

from tests.bot.nlu.orders import primary


@pytest.mark.parametrize(
    "text, expected",
    [
        # a whole typed order, a blank, a bare short number, then a comma and more words:
        # a price or a count (dev17: "a bare short number after the order ... is a price")
        ("订单号 202411235567 99，质量太差", "202411235567"),
        ("订单号 318829401756 299，用了两天就坏了", "318829401756"),
        ("订单号 ２０２４１１２３５５６７ 59，颜色不对", "202411235567"),
        # alone at the end of the message too: a whole order has no end left to cut off
        ("订单号 202411235567 99", "202411235567"),
        ("订单号：318829401756 299", "318829401756"),
    ],
)
def test_a_short_number_after_a_whole_typed_order_before_a_comma_is_apart(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # unchanged: numerals read out, then digits typed, are one number (dev18)
        ("订单 二四一一二三零九四五一八 723，一共付了299元", "241123094518723"),
        # unchanged: a short head and the tail that makes it whole, before a comma
        ("订单号为2024112355 67，谢谢", "202411235567"),
        # unchanged: at the very end of the message, round six's stray tail of a short head
        ("订单号为2024112355 67", "202411235567"),
        # unchanged: two groups after a whole order are the rest of a longer number
        ("订单号 241123094518 7235 66", "241123094518723566"),
    ],
)
def test_the_stray_tail_still_joins_where_it_did(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a head short of a whole order, two or three digits that make it whole, a closing word
        ("订单号是 2024112355 67 对吧", "202411235567"),
        ("订单号 3188294017 56 谢谢", "318829401756"),
        ("单号 2024112355 67 吗？", "202411235567"),
        # a unit, a counter or an hour after the digits keeps them apart
        ("订单号 2024112355 12 点下单的", "2024112355"),
        ("订单号 2024112355 67 件", "2024112355"),
        # a whole order and digits before a closing word: no tail
        ("订单号 202411235567 99 谢谢", "202411235567"),
    ],
)
def test_a_tail_that_makes_a_short_head_whole_before_a_closing_word(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an eight-digit date glued after a whole order, then a word of buying or receiving
        ("订单号20241123556620241123下单", "202411235566"),
        ("订单318829401756 20241120下单的，一直没发货", "318829401756"),
        ("单号31882940175620241120付款 到现在没发", "318829401756"),
        # unchanged: with no such word it stays one number; a dotted date as before
        ("订单号 20241123556620241123", "20241123556620241123"),
        ("订单号2024112355662024.11.23下单", "202411235566"),
    ],
)
def test_a_compact_date_glued_after_a_whole_order_is_a_date(text, expected):
    assert primary(text) == expected
