"""Round seventeen (ord19, dev17): the order once among many numbers in a long message.

A file of its own so that rounds written at the same time merge. Each class is tested in
words other than the split's, and with what must not change.
"""

import pytest

from bot.nlu.spacy_pipeline import extract
from tests.bot.nlu.orders import primary


def money(text):
    return [e["value"] for e in extract(text) if e["label"] == "MONEY"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a room, building, floor, height or weight on the line after the order
        ("订单号 202411235567\n1203室 没人签收", "202411235567"),
        ("订单号 202411235567\n1203房 没人送", "202411235567"),
        ("订单号：2411 2388 7766\n175的个子 穿XL还短", "241123887766"),
        ("订单号 2024 1123 5567\n8号楼 2单元", "202411235567"),
        ("订单号 2024 1123 5567\n65公斤 穿XL", "202411235567"),
        # a measure with its unit glued on, after the order's groups
        ("订单号 2411 2388 7766 175cm 穿M小", "241123887766"),
        ("订单号 2411 2388 7766 5kg大米 少了", "241123887766"),
        # still the order's rest: a bare group on the next line
        ("订单号 2024112500\n318876", "2024112500318876"),
    ],
)
def test_a_measure_after_the_order_is_no_group_of_it(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单 3956 0128 7443 0918 276 ，3C编号也查不到", "3956012874430918276"),
        ("订单 3956-0128-7443-0918-276 ，3C编号也查不到", "3956012874430918276"),
    ],
)
def test_a_label_head_glued_to_its_word_is_no_group(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a month/day with a slash after the order's groups
        ("订单号 2411 2388 7766 11/23到的 坏了", "241123887766"),
        ("投訴！訂單號 3802 9911 7766 5544 321 ，11/23 下單", "3802991177665544321"),
        # a date glued after the order starts at its year
        ("订单号2024112355662024.11.23下单", "202411235566"),
        ("订单号2024112355662024/11/23下单 没发", "202411235566"),
        ("订单编号2411238877662024-11-23买的", "241123887766"),
        ("订单号 3829104756632024年11月23号下的单", "382910475663"),
        # a slashed id stays one
        ("订单号 12/25/3344/5566", "122533445566"),
    ],
)
def test_a_date_after_the_order_is_no_part_of_it(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号 2024年1123 5567 没到", "202411235567"),
        ("订单号 2024年 1123 5567 没到", "202411235567"),
        ("我的订单号是2024年11235567 电热毯不热", "202411235567"),
        ("訂單號 2024年1123 5567 未收到", "202411235567"),
        # a date after the label stays a date
        ("订单号 2024年11月23日下的单 还没到", None),
    ],
)
def test_a_year_mark_typed_inside_a_labelled_order(text, expected):
    assert (primary(text) or None) == expected


def test_a_year_mark_without_an_order_word_is_a_date():
    assert primary("2024年1123 到的货") is None


@pytest.mark.parametrize(
    "text, expected, amounts",
    [
        ("订单号 3718 2940 5612 3847 562，899元", "3718294056123847562", [899.0]),
        ("订单号 20241 12355 67，299元买的", "202411235567", [299.0]),
        ("订单号 20 24 11 23 55 67，299元买的", "202411235567", [299.0]),
        # a one-digit head is a price in thousands
        ("订单号 3718 2940 5612 3847 1,299元", "3718294056123847", [1299.0]),
        ("花了12,999元 订单号 202411235567", "202411235567", [12999.0]),
    ],
)
def test_a_short_last_group_before_a_thousands_amount(text, expected, amounts):
    assert primary(text) == expected
    assert money(text) == amounts


@pytest.mark.parametrize(
    "text, expected",
    [
        ("我的订单号 l2O4 5566 7788 9O ，昨天下的单", "12045566778890"),
        ("订单号 4O 1234 5678 9012", "40123456789012"),
    ],
)
def test_look_alikes_at_the_ends_of_a_number_in_groups(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号241123667788，sorry 最后两位是 99，是 241123667799", "241123667799"),
        ("订单号 241123667788 不好意思 最后两位是 99", "241123667799"),
        ("订单号是202411235567……等等我看错了，订单号是 241123998811", "241123998811"),
        ("订单号 241123556677 我看错了 是 241123556688", "241123556688"),
        ("订单号202411235567吗？不是，是202411235667，我看错了", "202411235667"),
        # alone, a number the customer doubts is still the order
        ("订单号 241123556677，是不是我看错了，物流一直没动", "241123556677"),
        (
            "上次的订单是 241001223344 那次就少发了，这次订单号 241120556699 又少发了",
            "241120556699",
        ),
    ],
)
def test_corrections_in_other_words(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("新订单241128990011 原订单241120556677 原来的还没退款", "241120556677"),
        ("新订单 241128990011 原订单 241120556677 原来的那单还没退款", "241120556677"),
        (
            "原订单 250301112233 退货了，换货新订单 250305445566 新的到底什么时候发？",
            "250305445566",
        ),
        ("订单号 241125667788 之前那单 241121334455 之前那单的钱还没退", "241121334455"),
        ("订单号 241123556677 之前那单 241101223344 之前那单的货还没到", "241101223344"),
        # named without fault, or not named: the first
        ("原订单 241123556677 新订单 241123998877 原来的地址错了", "241123556677"),
        ("订单号 241125667788 之前那单 241121334455 没问题", "241125667788"),
        ("新订单 241128990011 新订单 241120556677 新的还没到", "241128990011"),
    ],
)
def test_orders_told_apart_by_a_qualifier_said_in_full(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "订单号 2411 2388 7766 23号到的",
        "订单号 2411 2388 7766 3点半下的单",
        "订单号 2411 2388 7766 65寸电视",
        "订单号 2411 2388 7766 2024款",
        "订单号 2411 2388 7766 24小时",
        "订单号 2411 2388 7766 48h发货",
        "订单号 2411 2388 7766 3-5天",
        "订单号 2411 2388 7766 1号线地铁",
        "订单号 2411 2388 7766 12期免息",
        "订单号 2411 2388 7766 8折",
        "订单号 2411 2388 7766 100%纯棉",
        "订单号 2411 2388 7766 5星好评",
        "订单号 2411 2388 7766 1.2kg",
        "订单号 2411 2388 7766 220V",
        "订单号 2411 2388 7766 165/88A",
        "订单号 2411 2388 7766 12+256G",
        "订单号 2411 2388 7766 V2.1 版本",
        "订单号 2411 2388 7766 A2890型号",
    ],
)
def test_a_unit_after_a_short_group_ends_the_order(text):
    assert primary(text) == "241123887766"


@pytest.mark.parametrize(
    "text, expected",
    [
        # words that open with a unit's character but are none: the order's last group
        ("订单号 3718 2940 5612 3847 562天猫买的", "3718294056123847562"),
        ("订单号 3718 2940 5612 3847 562星期三到的", "3718294056123847562"),
        ("订单号 3718 2940 5612 3847 562秒杀的", "3718294056123847562"),
        # no day or hour of that size
        ("订单号 3718 2940 5612 3847 562号", "3718294056123847562"),
        ("订单号 3718 2940 5612 3847 562点的", "3718294056123847562"),
    ],
)
def test_words_that_only_look_like_units_keep_the_group(text, expected):
    assert primary(text) == expected
