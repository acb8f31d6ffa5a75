import re

import pytest

from bot.nlu.number_words import (
    left_context,
    left_word,
    right_context,
    said_to_be_another_number,
)


def number_at(text):
    """Where the number (the first ASCII letter or digit) of `text` starts."""
    return re.search(r"[0-9a-z]", text).start()


@pytest.mark.parametrize(
    "text, word",
    [
        ("订单号 2031", "订单号"),
        ("单号系 2031", "单号"),  # Cantonese 係, normalised to 系
        ("张单嘅编号系 2031", "张单嘅编号"),
        ("柯打号码 2031", "柯打号码"),
        ("联系 0755", "联系"),  # 系 ends 联系 here: no filler
        ("关系 2031", ""),
    ],
)
def test_left_word(text, word):
    assert left_word(text, number_at(text)) == word


@pytest.mark.parametrize(
    "text, kind",
    [
        ("统一编号 1234", "other"),
        ("税号 9144", "other"),
        ("淘宝会员名 tb1234", "other"),
        ("订单的编号 2411", "order"),
        ("身分证字号 f234", "other"),
        ("证件号码 4403", "other"),
        ("追踪号码 tw25", "tracking"),
        ("配送单号 8812", "tracking"),
    ],
)
def test_left_context(text, kind):
    assert left_context(text, number_at(text)) == kind


@pytest.mark.parametrize(
    "text, kind",
    [
        ("宝贝id 6891", "other"),  # the product page's id
        ("产品编号 1000", "other"),
        ("直播间 id 7583", "other"),  # a bare "ID" after a space: a room, a user, a product
        ("id: 2411", "other"),
        ("订单 id: 2411", "order"),  # the order's id, as apps print it with a space
        ("订单 no. 2411", "order"),
        ("订单号前面是 3847", "order"),  # the first part of a number given in two
    ],
)
def test_id_labels_and_a_number_given_in_two(text, kind):
    assert left_context(text, re.search(r"\d", text).start()) == kind


@pytest.mark.parametrize(
    "text, kind",
    [
        ("123456 是验证码吗", "other"),
        ("5510 是会员卡号", "other"),  # a qualifier of up to two characters before the word
        ("5510 就是我的qq号", "other"),
        ("3829 是快递的单号", "tracking"),
        ("3829 是卡在中转站了", ""),  # one-character words are left out
        ("3829 验证码 5510", ""),  # without 是 the word introduces the next number
        ("3829 是我要退款的订单", ""),
        ("2024 是下单时间吗 不是 是订单号", ""),  # asked, then denied
    ],
)
def test_right_context(text, kind):
    end = re.search(r"[0-9a-z]+", text).end()
    assert right_context(text, end) == kind


@pytest.mark.parametrize(
    "text, word",
    [
        ("| 订单号 | 金额 |\n|---|---|\n| 8810 | 89.00 |", "订单号"),
        ("订单号,金额\n8810,89.00", "订单号"),
        ("订单号\t金额\n8810\t89.00", "订单号"),
        ("你好,我要投诉\n订单号,8810", "订单号"),  # a word on the number's own line wins
        ("| 备注 | 金额 |\n|---|---|\n| 8810 | 89.00 |", ""),  # a header that is no label
    ],
)
def test_a_tables_column_header_names_the_number_under_it(text, word):
    assert left_word(text, number_at(text)) == word


@pytest.mark.parametrize(
    "tail, said",
    [
        (" 是售后单号吗", True),
        (" 是快递单号吧", True),
        (" 是支付宝付的", False),  # a word, not a number's label
        (" 是会员卡号 3344556677", False),  # the label introduces the next number
        (" 是我的", False),
    ],
)
def test_said_to_be_another_number(tail, said):
    assert said_to_be_another_number("2024" + tail, 4) is said


@pytest.mark.parametrize(
    "text, word",
    [
        # a word of two characters or more, then 的: "the parcel's", "the order's" (ord26)
        ("一个是快递的4330", "快递"),
        ("另一个是订单的 3721", "订单"),
        ("物流的：4330", "物流"),
        ("退款的 6012", ""),  # 退款 alone names no number
        ("我老公的 2024", ""),  # no context word before 的
        ("打的 4008", ""),  # one character: dialled, no phone named
        ("卡的 2024", ""),  # one character: stuck, no card named
    ],
)
def test_a_word_then_de_names_the_number_after_it(text, word):
    assert left_word(text, number_at(text)) == word
