"""Round twenty-four (ord27, dev24): a shop maintainer's list of formats.

A file of its own so that rounds written at the same time merge. Each class is tested in
words other than the split's, and with what must not change.
"""

import pytest

from tests.bot.nlu.orders import primary


@pytest.mark.parametrize(
    "text, expected",
    [
        ("order 5520193847, correction: 5520193874", "5520193874"),
        ("订单号 5520193847 corrected to 5520193874", "5520193874"),
        ("Order no. 5520193847, actually 5520193874", "5520193874"),
        ("Order no. 5520193847. Actually it's 5520193874", "5520193874"),
        # "actually" with no number before it corrects nothing
        ("I actually ordered 5520193874 last week", "5520193874"),
        # a correction of a parcel number leaves the order alone
        ("order 5520193847, tracking correction: SF1409876543210", "5520193847"),
    ],
)
def test_an_english_correction_gives_the_right_order(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号 3318-4472 9906.25", "33184472990625"),
        ("订单号 3318 4472 9906.25 麻烦查下", "33184472990625"),
        ("订单号 331.844.799.25", "33184479925"),
        # a price: no even groups before it, or a unit after it, or one digit after the point
        ("订单号 33184472 9906.25", "33184472"),
        ("订单号 3318 4472 9906.25元", "33184472"),
        ("订单号 3318 4472 9906.2", "33184472"),
        # no order word: the decimal stays a price, as before
        ("3318 4472 9906.25", "33184472"),
    ],
)
def test_a_point_between_even_groups_after_an_order_word_is_a_separator(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("K7XQ2PB3R21Q9", "K7XQ2PB3R21Q9"),
        ("k7xq2pb3r21q9。", "K7XQ2PB3R21Q9"),
        ("您好，「K7XQ2PB3R21Q9」", "K7XQ2PB3R21Q9"),
        ("K7XQ2PB3R21Q9，快递单号SF1234567890123", "K7XQ2PB3R21Q9"),
        # letters and digits among words stay a code; five digits or fewer are no order
        ("型号 K7XQ2PB3R21Q9 的屏幕坏了", None),
        ("C02XK1ABJG5H", None),
        ("ABCD-EFGH-1234-5678", None),
    ],
)
def test_a_letter_heavy_id_whose_letters_and_digits_take_turns_is_the_order(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号：XXXXXXXX", None),
        ("订单号 ＡＢＣＤＥＦＧ", None),
        ("order no. ZZZZZZ", None),
        # letters an id could be stay the order, as dev14 decided
        ("订单号：QPRTKXMZ", "QPRTKXMZ"),
    ],
)
def test_placeholder_letters_after_the_label_are_no_order(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # round twenty-three's leftovers: a size L glued after the order
        ("订单号 381920475561L码太紧了", "381920475561"),
        ("订单 SO88372019L码 要换M码", "SO88372019"),
        # a lone trailing L stays a typed 1, as before
        ("订单号 38192047556L 没收到", "381920475561"),
    ],
)
def test_a_size_l_glued_after_the_order_is_no_digit(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号 381920475561六一活动买的", "381920475561"),
        ("订单 381920475561六一八买的 一直没发", "381920475561"),
        ("订单号 381920475561五一节前下的单", "381920475561"),
        ("訂單 381920475561三八節買的", "381920475561"),
        # numerals typed among the digits are still digits
        ("订单号3819二零47五五61 没到", "381920475561"),
    ],
)
def test_a_shopping_day_in_numerals_after_the_order_is_no_digits(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("訂單ID：TW 3819 2047 008 件貨爛咗", "TW38192047008"),
        ("订单号 381 920 475 05 件 少发了", "38192047505"),
        ("订单号：TW 38192 047008 件 破了", "TW38192047008"),
        # a short count without a leading zero stays a count
        ("订单 3819 2047 5561 3 个 都坏了", "381920475561"),
        ("订单号 38192 04755 61 件", "3819204755"),
    ],
)
def test_a_last_group_with_a_leading_zero_or_as_long_as_an_id_group_is_no_count(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号 38 19 20 47 55 61 20 24 11 23 00 07号", "381920475561202411230007"),
        ("订单号 38-19-20-47-55-61-20-24-11-23-00-07号", "381920475561202411230007"),
        # a day said after the pairs, or after groups of four, stays a day
        ("订单号 38 19 20 47 55 61 12号买的", "381920475561"),
        ("订单号 3819 2047 5561 12号到的", "381920475561"),
    ],
)
def test_the_last_pair_before_hao_of_a_number_in_pairs_is_its_end(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号\n381920475561\n5561是尾号", "381920475561"),
        ("单号\n381920475561\n5561 是后四位别弄错", "381920475561"),
        # the rest of a wrapped number still joins
        ("订单号\n3819204755\n61", "381920475561"),
        ("订单号\n3819204755\n318876", "3819204755318876"),
    ],
)
def test_the_tail_said_again_on_the_next_line_is_no_rest(text, expected):
    assert primary(text) == expected
