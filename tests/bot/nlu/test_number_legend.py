"""A legend said before a list of numbers names each by its place (bot.nlu.number_legend, ord26)."""

import pytest

from bot.nlu.number_legend import read_legend
from bot.nlu.spacy_pipeline import extract
from tests.bot.nlu.orders import primary


def legend_before(text: str, count: int) -> dict:
    """The kinds `read_legend` reads for `count` numbers listed right after `text`."""
    return read_legend(text + "2865", len(text), count).kinds


@pytest.mark.parametrize(
    "text, count, kinds",
    [
        ("第一个是订单号,第二个是手机号:", 2, {0: "order", 1: "phone"}),
        ("上面那个是物流单号,下面这个才是订单:\n", 2, {0: "tracking", 1: "order"}),
        ("第二个才是订单号:", 2, {1: "order"}),
        ("第一个号是快递单号,订单号是后面这个 ", 2, {0: "tracking", 1: "order"}),
        (
            "the first one is the tracking number, the second is my order: ",
            2,
            {0: "tracking", 1: "order"},
        ),
        ("第三个是订单号:", 3, {2: "order"}),
        ("请提供手机号和订单号\n", 2, {0: "phone", 1: "order"}),
        ("订单号、快递单号分别是:", 2, {0: "order", 1: "tracking"}),
    ],
)
def test_a_legend_names_the_numbers_by_their_places(text, count, kinds):
    assert legend_before(text, count) == kinds


@pytest.mark.parametrize(
    "text, count",
    [
        # a direction without a pointer says what follows, not which one: "below are the orders"
        ("下面是订单号:\n", 2),
        ("后面是订单号 ", 2),
        # a third place in a list of two, and labels fewer than the numbers
        ("第三个是订单号:", 2),
        ("手机号和订单号:", 3),
        # one label is no list, and a list of one kind says nothing of places
        ("订单号:", 2),
        ("订单号和单号:", 2),
    ],
)
def test_no_legend(text, count):
    assert legend_before(text, count) == {}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("第一个是订单号，第二个是手机号：3721849563028174625，13912345678", "3721849563028174625"),
        ("第二个才是订单号：13512345678 3721849563028174625", "3721849563028174625"),
        ("上边那个是快递单号，下边那个才是订单号：\n75312345678901\n286543219876", "286543219876"),
        (
            "前面那个是退款编号，后面那个是订单号：601234567890123456 3721849563028174625",
            "3721849563028174625",
        ),
        ("订单号是后面那个：SF1234567890123，6938472615038472910", "6938472615038472910"),
        (
            "第一個係快遞單號，第二個先係訂單號：433098765432101 1985372046183729504",
            "1985372046183729504",
        ),
        (
            "The first is my phone, the second is the order number: 13812345678 286543219876",
            "286543219876",
        ),
        ("麻烦提供下电话和订单号\n13912345678\n286543219876", "286543219876"),
        # a quoted question, closed, then its answer in the order it asked
        ("「客服：请发下订单号和手机号」\n- - - - -\n286543219876 13912345678", "286543219876"),
    ],
)
def test_the_order_named_by_its_place_before_the_list_is_filed(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # brackets, quotes or emoji around a number of the list
        ("第二个才是订单号：13912345678 「286543219876」", "286543219876"),
        ("第一个是订单号，第二个是手机号：👉286543219876🙏，13912345678", "286543219876"),
        # a year after the list is no third number of it
        (
            "上面那个是快递单号，下面这个才是订单：\n433098765432101\n3721849563028174625，2024年11月23日买的",
            "3721849563028174625",
        ),
    ],
)
def test_the_list_is_read_past_its_wrappers_and_ends_at_a_number_of_no_kind(text, expected):
    assert primary(text) == expected


def test_the_other_numbers_of_the_list_keep_their_own_kinds():
    found = {
        e["label"]: e["value"]
        for e in extract("第一个是订单号，第二个是手机号：286543219876，13912345678")
    }
    assert found.get("ORDER_ID") == "286543219876"
    assert found.get("PHONE") == "13912345678"


@pytest.mark.parametrize(
    "text, expected",
    [
        # labels in one order, numbers in the other: the labels say nothing, the shapes decide
        ("手机号和订单号：286543219876 13812345678", "286543219876"),
        # "below are the orders": both stay orders, the first is filed
        ("下面是订单号：\n3721849563028174625\n3721849563028174626", "3721849563028174625"),
        # a legend for numbers further on, with words between: each number's own label decides
        ("第一个是订单号，第二个是手机号：订单 286543219876 电话 13912345678", "286543219876"),
    ],
)
def test_what_a_legend_does_not_change(text, expected):
    assert primary(text) == expected
