"""Round thirty-one (ord31, dev31): the order inside messages typed mid-form.

A correction in the words customers use for a slip (打错了, 搞错了, 哦开头是…, Cantonese 最尾四个字),
a four-digit group voice input writes as a number ("两千零二十四"), an id pasted twice with
nothing between, a long number after WeChat's name, and capitalised English words before the
digits. A file of its own so that rounds written at the same time merge. Each class is tested
in words other than the split's, and with what must not change.
"""

import pytest

from bot.nlu.normalize import normalize_digits
from tests.bot.nlu.orders import primary


@pytest.mark.parametrize(
    "text, expected",
    [
        # the slip named in other words than 不对/错了, before the digits that fix it
        ("订单 381029384756 写错了 最后两位是 65", "381029384765"),
        ("订单号 381029384756 啊输错了 后四位是 4765", "381029384765"),
        ("单号 381029384756 后两位搞错了 应该是65", "381029384765"),
        ("381029384756 唉 弄错了 应该是 4765", "381029384765"),
        ("订单 381029384756 诶不对 最后是65", "381029384765"),
        ("订单 381029384756 不对 是……4765", "381029384765"),
        # an interjection before a part named by what it is
        ("订单 202311290087 噢开头是2024 不是2023", "202411290087"),
        ("订单 202311290087 嗯 打错了 开头是2024不是2023", "202411290087"),
        # Cantonese: 最尾 for 最后, 字 for a digit, 调转 for swapped
        ("單號 381029384756 唔啱 最尾兩個字係 65", "381029384765"),
        ("訂單 381029384756 最後兩個字調轉咗", "381029384765"),
        # what did not change: the slip alone takes the number back, a price is no tail
        ("订单号 381029384756 打错了 我再找找", None),
        ("订单号 381029384756 打错了 是 381029384765", "381029384765"),
        ("订单 381029384756 不对 是1299块的那单", "381029384756"),
        ("订单 381029384756 最后两个字", "381029384756"),
    ],
)
def test_a_correction_in_the_words_of_a_slip(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号两千零二十四 幺幺二九 零零八七", "202411290087"),
        ("单号是 两千零二十五 0103 4477", "202501034477"),
        ("订单号 一千一百二十九 2024 0087", "112920240087"),
        ("订单号是8837 两千零五 2291", "883720052291"),
        # what stays words: a year, an amount, a price beside a whole number, a date
        ("两千零二十四年买的 订单号 202411290087", "202411290087"),
        ("花了两千零九十九块 订单 202411290087", "202411290087"),
        ("两千零九十九 202411290087", "202411290087"),
        ("两千零二十四年十一月买的", None),
    ],
)
def test_a_group_said_as_a_number_is_its_four_digits(text, expected):
    assert primary(text) == expected


def test_a_spoken_group_keeps_the_length_of_the_text():
    text = "订单号两千零二十四 幺幺二九 零零八七"
    assert len(normalize_digits(text)) == len(text)
    assert normalize_digits("两千零二十四年") == "两千零二十四年"
    assert normalize_digits("三千 1123 5567") == "三千 1123 5567"  # too short to rewrite


@pytest.mark.parametrize(
    "text, expected",
    [
        ("381029384756381029384756", "381029384756"),
        ("单号 JD381029384756JD381029384756 还没到", "JD381029384756"),
        ("订单 29384756102938475612938475610293847561 鞋子开胶", "2938475610293847561"),
        # a number whose halves differ, or a short block repeated, stays as it is
        ("订单号 381029384756381029384757", "381029384756381029384757"),
        ("订单号 1212121212", "1212121212"),
    ],
)
def test_an_id_pasted_twice_glued_is_one_id(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("微信：20241129558800123456 小程序下的单", "20241129558800123456"),
        ("wx:2024112955880012 这个单", "2024112955880012"),
        ("微信号 13812345678", None),  # a mobile: the customer's WeChat
        ("vx：8837 2291 0045", None),  # twelve digits: still an account
    ],
)
def test_a_number_too_long_for_a_wechat_account(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("NEW 381029384756", "381029384756"),
        ("OLD 381029384756 那单退了 NEW 381029384765 没到", "381029384765"),
        ("NOT 381029384756", "381029384756"),
        # a shop's letters in capitals stay, as round thirty decided
        ("SO 381029384756", "SO381029384756"),
        ("ORD 381029384756", "ORD381029384756"),
    ],
)
def test_capitalised_english_words_are_no_prefix(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "呢張單$299\n2024 1123 5567",  # round thirty-one's open case
        "HK$299\n2024 1123 5567",
        "件衫＄158 訂單 2024 1123 5567",
        "这单￥299\n2024 1123 5567",
    ],
)
def test_a_price_in_dollars_on_the_line_before_is_not_joined_to_the_order(text):
    """Hong Kong and Taiwan prices are written with "$" ("NT$", "HK$"): "$" is a currency
    like "¥", and its amount is no group of the order on the next line."""
    assert primary(text) == "202411235567"
