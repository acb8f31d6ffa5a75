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
        # letters and digits among words stay a code; five digits or fewer are no order
        ("型号 K7XQ2PB3R21Q9 的屏幕坏了", None),
        ("C02XK1ABJG5H", None),
        ("ABCD-EFGH-1234-5678", None),
    ],
)
def test_a_letter_heavy_id_alone_in_the_message_is_the_order(text, expected):
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
