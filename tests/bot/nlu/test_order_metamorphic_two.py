"""Metamorphic round two (ord17): the rewrites of the development cases that still changed
their answer, fixed by class (docs/order_numbers.md, "Metamorphic round two").

A file of its own, beside `test_spacy_pipeline.py`'s rounds, so that rounds written at the
same time merge without touching one another's lines.
"""

import pytest

from bot.nlu.spacy_pipeline import extract, one_copy
from tests.bot.nlu.orders import primary


def orders(text):
    return [e["value"] for e in extract(text) if e["label"] == "ORDER_ID"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # right after an order word an account or serial label is the shop's prefix
        ("订单号 wx 8837 2291 0045", "WX883722910045"),
        ("微信小程序下的单，订单号wx 2024 1126 1538 20777", "WX20241126153820777"),
        ("订单号 WX\u30002024\u30001128\u30001435\u30002009\u300017", "WX202411281435200917"),
        ("微信小程序 订单号 wx·2411·2814·3500·9182 奶茶做错了", "WX2411281435009182"),
        ("苏宁订单号 SN 2024 1123 0001 88", "SN20241123000188"),
        ("苏宁订单号 SN/202/411/230/001/88", "SN20241123000188"),
        ("苏宁订单号 SN.2024.1123.0001.88", "SN20241123000188"),
    ],
)
def test_an_account_label_after_an_order_word_is_the_prefix(text, expected):
    assert primary(text) == expected


def test_an_account_label_without_an_order_word_stays_a_label():
    assert orders("wx 8837 2291 0045 加一下") == []
    assert orders("加我wx 88372291，订单号 202411235567") == ["202411235567"]
    # before a whole number the label stays one: Shopee's "order SN"
    assert orders("Shopee order SN 241128QWERTY12 parcel empty") == ["241128QWERTY12"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a date-stamped id in groups of five holds the consumer hotline's digits
        ("订单编号是E 20241 12315 32070 01，麻烦赔一下", "E20241123153207001"),
        (
            "下单时间 2024-11-23 15:32:07 订单编号 E-20241-12315-32070-01 预计送达 11-26",
            "E20241123153207001",
        ),
        (
            "下单时间：2024-11-23 15:56:07\n订单号：20241\n12315\n56070\n012\n东西碎了",
            "202411231556070012",
        ),
        ("订单号20241·12315·48的快递三天没动了", "202411231548"),
    ],
)
def test_the_hotline_digits_inside_an_id_in_fives(text, expected):
    assert primary(text) == expected


def test_the_hotline_said_alone_stays_apart():
    assert orders("我打了400 800 12315") == []
    assert orders("打了12315 12315 都没用") == []
    assert orders("订单号 20241123556 12315投诉你们") == ["20241123556"]


_TABLE = "| 订单号 | 金额 |\n|---|---|\n"


@pytest.mark.parametrize(
    "text",
    [
        # the column's header names the number in a cell typed in groups or wrapped
        _TABLE + "| 8810·2937·4456 | 89.00 |",
        _TABLE + "| 「881029374456」 | 89.00 |",
        _TABLE + "| 👉881029374456🙏 | 89.00 |",
        # words typed before the first bar or after the last are no cells
        "额 " + _TABLE + "| 881029374456 | 89.00 |",
        _TABLE + "| 881029374456 | 89.00 |！！",
        _TABLE + "| 881029374456 | 89.00 |，一共付了299元",
    ],
)
def test_a_table_column_names_its_number_whatever_stands_around_the_table(text):
    assert primary(text) == "881029374456"


def test_a_table_column_that_names_no_order_still_names_none():
    assert orders("| 金额 | 手机 |\n|---|---|\n| 89.00 | 13812345678 |！！") == []
    assert orders("| 快递单号 | 订单号 |\n|---|---|\n| 「881029374451」 | 881029374456 |") == [
        "881029374456"
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # 包裹 and 包装 are nouns, not the counter 包: the last group is the number's end
        ("定单编号 DD 2024 1123 0088 12 包裹破了", "DD20241123008812"),
        ("📦订单：20241 12355 67 包裹压扁了", "202411235567"),
        ("薯店订单号 P 7123 4509 8765 4321 09 包装破了", "P712345098765432109"),
        ("薯店订单号 P\n71234\n50987\n65432\n109 包装破了", "P712345098765432109"),
    ],
)
def test_a_parcel_or_its_packing_after_the_last_group_is_no_counter(text, expected):
    assert primary(text) == expected


def test_the_counter_bao_still_counts():
    assert orders("订单 2024 1123 5567 3 包 都坏了") == ["202411235567"]
    assert orders("订单 2024 1123 5567 买了12包纸巾") == ["202411235567"]


@pytest.mark.parametrize(
    "text",
    [
        # capital letters after an order label, wrapped or after a label typo
        "订单号：「KXMZQPRT」",
        "订单号：`KXMZQPRT`",
        "订单号：👉KXMZQPRT🙏",
        "订单好：KXMZQPRT",
        "定单号 KXMZQPRT",
    ],
)
def test_a_letter_only_id_in_quotes_or_after_a_label_typo(text):
    assert primary(text) == "KXMZQPRT"


def test_a_shouted_word_in_quotes_is_still_no_id():
    assert orders("订单号：「PLEASE」") == []
    assert orders("订单号 (UNKNOWN)") == []
    # lower case stays a word: the capitals are the evidence (by design)
    assert orders("订单号：kxmzqprt") == []


@pytest.mark.parametrize(
    "text",
    [
        # a list counter glued to the order word, then the number in groups: no clock time
        "订单1：28 65 43 21 90 99\n订单2：286543219100",
        "订单1：28-65-43-21-90-99\n订单2：286543219100",
        "订单1：28\n65\n43\n21\n90\n99\n订单2：286543219100",
    ],
)
def test_a_numbered_order_label_is_no_clock_time(text):
    assert primary(text) == "286543219099"


def test_a_time_after_a_numbered_label_stays_a_time():
    assert orders("订单1：12:30 下的单") == []
    assert orders("订单1：10:30\n2024 1123 5567") == ["202411235567"]


@pytest.mark.parametrize(
    "copy, expected",
    [
        # a message pasted twice means what one copy means
        ("13800138000是我的手机 不是订单号", None),
        ("订单号 20938475611 最后一位多了", None),
        ("2024 1123 5567\n打错了 应该是2024 1123 5568", "202411235568"),
        ("订单号为2024112355 67", "202411235567"),
        ("订单号202411235567 不是这个", None),
    ],
)
@pytest.mark.parametrize("between", ["\n", " ", "\n\n"])
def test_a_message_sent_twice_means_one_copy(copy, expected, between):
    assert primary(copy) == expected
    assert primary(copy + between + copy) == expected


def test_one_copy_only_for_the_same_text_twice():
    assert one_copy("订单号 202411235567\n订单号 202411235567") == "订单号 202411235567"
    assert one_copy("  X 1\nX 1  ") == "  X 1"
    assert one_copy("订单号 202411235567 订单号 202411235568") == (
        "订单号 202411235567 订单号 202411235568"
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        # grammar v1 seed 43: a count after emoji and a line break is no last group
        ("单号  7I4_9072🙏🙏🙏\n11天了 ， 商品编号897237136131", "7149072"),
        # grammar v2 seed 44: a code labelled as no order ends at a line break when the next
        # line goes on in groups of its own
        ("优惠券码 HTGP5574\n５０６８ ５３２６ ８４０６", "506853268406"),
        ("验证码 4217\n5068 5326 8406", "506853268406"),
    ],
)
def test_the_grammar_seeds_43_and_44(text, expected):
    assert primary(text) == expected


def test_a_code_broken_over_two_lines_stays_one_code():
    assert orders("验证码 4217\n91") == []
    assert orders("订单号 3847\n2619 5038 4756") == ["3847261950384756"]


def test_a_phone_label_before_a_number_names_that_number_not_the_one_before():
    # "我的手机号是139…" labels the mobile after it; the eight digits before stay the order
    text = "订单号 88291034 sorry 是 88291043，我的手机号是13912345678"
    assert primary(text) == "88291043"
    # said of the number before, it still makes a phone
    assert orders("6123 4567 我的电话") == []
    assert orders("13812345678 是我电话，2817345690123 是订单号") == ["2817345690123"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a number an app broke over two lines, then a date after a comma
        ("订单号：38472619901\n23456，2024年11月23日买的", "3847261990123456"),
        ("订单号2024112500\n318876，2024年11月23日买的", "2024112500318876"),
        ("订单编号：20319283746\n50192853，2024年11月23日买的", "2031928374650192853"),
    ],
)
def test_a_date_after_a_broken_number_leaves_it_whole(text, expected):
    assert primary(text) == expected


def test_a_count_after_a_comma_is_no_last_group():
    # grammar v2 seed 49: "，14天了" is fourteen days, not the number's last group
    assert primary("唔該幫我查下 訂單編號：163-6685485-4967142，14天了") == "16366854854967142"
    assert primary("订单：202-411-235-567 包裹压扁了") == "202411235567"


def test_one_typed_separator_through_every_group_hides_no_phone():
    # grammar v2 seed 50: 1546—980—1873 reads as a mobile, but the dashes run through the id
    assert primary("订单ID:“704—066973—011—1546—980—1873”～") == "70406697301115469801873"
    # a whole order, then a phone, stay two numbers
    assert orders("订单号 294817365027-138-1234-5678") == ["294817365027"]
    assert orders("订单号 2948-1736-5027 138-1234-5678") == ["294817365027"]


@pytest.mark.parametrize(
    "text",
    [
        # the last group of an order in even groups, then a price after a comma: no "67,299"
        "订单号是20 24 11 23 55 67，299块钱买的，用了两天就坏了",
        "订单号202-411-235-567,299元,2件",
        "订单号是202\n411\n235\n567，299块钱买的",
    ],
)
def test_an_even_groups_last_group_is_no_thousands_amount_head(text):
    assert primary(text) == "202411235567"


def test_a_thousands_amount_after_an_order_stays_a_price():
    assert primary("订单号 2024 1123 5567 1,299元") == "202411235567"
    assert [
        e["value"] for e in extract("订单号202 411 235 567,299元") if e["label"] == "MONEY"
    ] == [299.0]


def test_a_date_on_the_line_after_an_order_is_no_rest_of_it():
    assert primary("订单号\n289374615023\n20241125 承诺发货 到现在没动静") == "289374615023"
    assert primary("订单号\n202411235567\n20241123") == "202411235567"
    # an app-broken rest is still joined
    assert primary("订单号2024112500\n318876") == "2024112500318876"
