"""Round twenty-seven (ord27, dev27): another number more salient than the order id.

A file of its own so that rounds written at the same time merge. Each class is tested in
words other than the split's, and with what must not change.
"""

import pytest

from bot.nlu.normalize import normalize_digits
from bot.nlu.number_legend import names_a_list, read_legend
from tests.bot.nlu.orders import primary


@pytest.mark.parametrize(
    "text, expected",
    [
        # the legend's last word names a later number: the first, broken over lines, joins
        (
            "第一个是订单号，第二个是快递单号\n3810 2746 5591\n3302 847\nJT3012345678901",
            "3810274655913302847",
        ),
        ("第一个是订单号，第二个是手机号：2865\n4321\n9876，13912345678", "286543219876"),
        (
            "前面那个是订单号，后面那个是运单号\n6938 4726 1503\n8472 910\nSF 1402 9384 7561 2",
            "6938472615038472910",
        ),
    ],
)
def test_an_order_broken_over_lines_first_after_a_legend_is_one_number(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # directions with no pointer, in a legend of two statements
        ("前边是订单号 后边是电话\n4102 9385 7716\n186 8888 9999", "410293857716"),
        ("上面是手机，下面是订单\n186 8888 9999\n4102 9385 7716", "410293857716"),
        # statements with no copula, chained
        ("第一个快递单号 第二个订单号\nYT7512345678901\n286543219876", "286543219876"),
        # the lines of the list as places, and "<label>在<place>"
        ("第一行是手机，第二行是订单号\n13912345678\n3721849563028174625", "3721849563028174625"),
        ("订单号在第二行\n75123456789012\n286543219876", "286543219876"),
        # the list's other number is no id: the legend still names the first
        ("第一个是订单号，第二个是优惠码\n4102 9385 7716\nHB8K2M", "410293857716"),
    ],
)
def test_looser_legends_name_the_numbers_by_their_places(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "后面是订单号 ",  # alone, a bare direction says what follows
        "第一个订单号 ",  # alone, a place with no copula is an order's own label
        "前面订单号 ",
    ],
)
def test_a_loose_statement_alone_is_no_legend(text):
    assert read_legend(text + "2865", len(text), 2).kinds == {}


@pytest.mark.parametrize(
    "words, legend",
    [
        ("第一个是订单号，第二个是快递单号\n", True),
        ("第二个是手机号:", True),
        ("第一个是订单号 ", False),
        ("快递单号 ", False),
    ],
)
def test_names_a_list_only_after_a_legend(words, legend):
    assert names_a_list(words + "3721", len(words)) is legend


@pytest.mark.parametrize(
    "text, expected",
    [
        # each label introducing its own number, as before
        ("第一个是订单号 286543219876，第二个是手机号 91234567", "286543219876"),
        ("第一个订单号 286543219876 第二个订单号 3721849563028174625", "286543219876"),
        ("下面是订单号：\n286543219876", "286543219876"),
        # a parcel number labelled on its own line still ends at its line break
        ("快递单号 7512 3456 7890\n12 订单号 286543219876", "286543219876"),
    ],
)
def test_what_must_not_change(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号 3810 2746 5591 3302 847\n2345 6789 屋企电话", "3810274655913302847"),
        ("订单号如下\n6938 4726 1503 8472 91\n9123 4567", "693847261503847291"),
    ],
)
def test_a_short_last_group_ends_the_number_before_a_line_of_groups(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号：241l23-l23456789Ol2345", "订单号：241123-123456789012345"),
        ("订单号 5520-l938O447l6", "订单号 5520-1938044716"),
    ],
)
def test_a_group_after_digits_may_start_with_a_look_alike(text, expected):
    assert normalize_digits(text) == expected


def test_a_word_after_digits_keeps_its_letters():
    assert normalize_digits("订单号 2024-lol-5567") == "订单号 2024-lol-5567"
