"""Round eighteen (ord20, dev18): difficulties met one at a time, now combined in one message.

A file of its own so that rounds written at the same time merge. Each class is tested in
words other than the split's, and with what must not change.
"""

import pytest

from tests.bot.nlu.orders import primary


@pytest.mark.parametrize(
    "text, expected",
    [
        # an order with a letter prefix that an app wrapped, a date on the second line
        ("订单号：JD2024112300\n0187 下单日期2024-11-23", "JD20241123000187"),
        ("订单编号 SO2411230945\n18 11.23签收", "SO241123094518"),
        # still two numbers: a whole one on the next line, or letters opening it
        ("订单号 JD2024112300\n13812345678", "JD2024112300"),
        ("订单号 2024112300\nJD12345678", "2024112300"),
    ],
)
def test_a_prefixed_order_wrapped_over_two_lines(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # numerals read out, the rest typed in one or two groups to the end of the message
        ("订单号二四一一二三零九四五一八 7235 66", "241123094518723566"),
        ("订单号 241123094518 7235 66", "241123094518723566"),
        ("订单号为2024112355 67", "202411235567"),
        # not a tail: a count or a price with its unit, words after it, three groups
        ("订单号 202411235567 1234 567 谢谢", "202411235567"),
        ("订单号 202411235567 2 件", "202411235567"),
        ("订单号 202411235567 138 1234 5678", "202411235567"),
    ],
)
def test_a_tail_of_one_or_two_groups_after_a_whole_order(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号 202411235567, sorry, 202411235568", "202411235568"),
        ("order 202411235567 oops 202411235568 thanks", "202411235568"),
        ("订单号 202411235567 改一下 202411235568", "202411235568"),
        ("订单号 202411235567 后两位顺序反了 202411235576", "202411235576"),
        ("订单号 412987654321 前两位打反了 142987654321", "142987654321"),
        # "sorry" said of something else, before the only order
        ("sorry 打扰一下 订单号 202411235567 没发货", "202411235567"),
    ],
)
def test_a_correction_in_other_words(text, expected):
    assert primary(text) == expected


def test_swapped_digits_alone_void_the_order():
    assert primary("订单号 202411235567 最后两位反了 我再找找") is None


@pytest.mark.parametrize(
    "text",
    [
        "售后单号 AS20241123000123 改成 AS20241123000132",
        "快递单号 773012345678901 打错了 是 773012345678910",
        "退款编号 RF2024112300001 不对 应该是 RF2024112300010",
    ],
)
def test_the_correction_of_a_number_named_otherwise_is_no_order(text):
    assert primary(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # the corrected number an order, or a part of the order told first
        ("订单号 202411235567 打错了 是 202411235576", "202411235576"),
        ("我订单号末尾是67，完整的是202411235567", "202411235567"),
        # a number of another kind far before the correction
        (
            "快递单号 773012345678901 已经签收了但是我没收到东西 打错了 是 202411235576",
            "202411235576",
        ),
    ],
)
def test_the_correction_of_an_order_stays_the_order(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("this one: 202411230987", "202411230987"),
        ("here: 202411230987 room 1203", "202411230987"),
        # letters before a colon name the platform, as a label does (round thirty's one rule)
        ("JD: 202411230987", "202411230987"),
    ],
)
def test_an_english_word_before_a_colon_is_no_prefix(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the tail before a comma or an emoji that ends the clause
        ("订单号二四一一二三零九四五一八 723，一共付了299元", "241123094518723"),
        ("订单号二四一一二三零九四五一八 723😭", "241123094518723"),
        # a counter after the tail: no tail (a closing word such as 谢谢 joins it since ord22:
        # test_order_left_items.py)
        ("订单号为2024112355 67 件", "2024112355"),
    ],
)
def test_a_tail_before_the_end_of_its_clause(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # 房间号 after a blank names the next number; glued it names the one before
        ("3718 2940 5612 3847 562 房间号 1508", "3718294056123847562"),
        ("3718 2940 5612 3847 562 房间 1508 没人送", "3718294056123847562"),
        ("订单号 2024 1123 5567 1203房间号", "202411235567"),
        ("订单号 202411235567\n1203 房 没人送", "202411235567"),
    ],
)
def test_a_room_label_after_the_order_is_no_unit_of_its_last_group(text, expected):
    assert primary(text) == expected
