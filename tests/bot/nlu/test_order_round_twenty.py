"""Round twenty (ord23, dev20): which number is the order, and where it ends.

A file of its own so that rounds written at the same time merge. Each class is tested in
words other than the split's, and with what must not change.
"""

import pytest

from tests.bot.nlu.orders import primary


@pytest.mark.parametrize(
    "text, expected",
    [
        # a number asked about, then renamed as a parcel's or an after-sales number
        ("单号 73102938475611 对吗？不是不是这个是物流的，订单是 202411239988", "202411239988"),
        ("单号 5567123409 吧，不对，这是售后单号，订单号 202411239988", "202411239988"),
        # still the order when nothing renames it
        ("单号是 73102938475611 吗？订单页面上就这个", "73102938475611"),
    ],
)
def test_a_number_renamed_after_a_retraction(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # 单号 or 商户单号 name an order less surely than 订单号 does
        ("单号 8839201746 订单号 241129003311 衣服破了", "241129003311"),
        ("商户单号 WX88123001 ，订单编号 241129003311", "241129003311"),
        # alone, or before a bare number, they still file theirs
        ("单号 241129003311 衣服破了", "241129003311"),
        ("商户单号 241129003311 钱扣了两次", "241129003311"),
    ],
)
def test_a_full_order_word_beats_a_weak_one(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an order the customer says is fine loses to the other one
        ("第一单 241129003311 没事儿，第二单 241129007788 少了一个", "241129007788"),
        ("订单 241129003311 没毛病 订单 241129007788 是坏的", "241129007788"),
        # alone it stays the order
        ("订单 241129003311 没事吧？怎么还不发货", "241129003311"),
    ],
)
def test_an_order_set_aside_as_fine(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the last digits retyped after 不对/错了 or "最后是", no count said
        ("订单 241129003311 错了是3331", "241129003331"),
        ("订单号 241129003311 嗯不对 末尾是13", "241129003313"),
        # not a typo's fix: too different, a price, a count, a day
        ("订单 241129003311 不对是9999", "241129003311"),
        ("订单 241129003311 不对是299元", "241129003311"),
        ("订单 241129003311 不对是3件", "241129003311"),
    ],
)
def test_last_digits_retyped_without_a_count(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a month and day in words glued after a whole order
        ("订单号24112900331112月1日到的", "241129003311"),
        ("订单号2411290033113月5号下的单", "241129003311"),
        # a short number glued to 月 is no order's tail to cut
        ("订单号 241129003311，3月5号下的单", "241129003311"),
    ],
)
def test_a_date_in_words_glued_after_the_order(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # 块递 typed for 快递: a parcel label, no amount
        ("订单 241129003311 块递 78291034567812 没到", "241129003311"),
        ("块递单号 78291034567812 丢了", None),
        # a real amount in 块 stays one
        ("订单 241129003311 退我 30 块", "241129003311"),
    ],
)
def test_a_misspelt_parcel_label(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a carrier said to own a number only 单号 (or nothing) names
        ("单号 73102938475611 中通的，一直没更新", None),
        ("73102938475611 是圆通的。订单 241129003311", "241129003311"),
        # an order word keeps its number, whoever carries it
        ("订单号 241129003311 中通的，一直没更新", "241129003311"),
    ],
)
def test_a_number_the_carrier_owns(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a number joined by a conjunction to a parcel, phone or other number is one too
        ("运单 YT7513948260471 跟 73102938475611 都卡住了", None),
        ("售后单号 5567123409、5567123410 都没人管", None),
        ("座机 010-6234 5678 或 0755-8765 4321 都行", None),
        # its own label, or a phone before a number no phone is shaped like, keeps the order
        ("快递 YT7513948260471 和订单 241129003311 都查不到", "241129003311"),
        ("电话 13812345678 和 241129003311 这个订单", "241129003311"),
    ],
)
def test_numbers_joined_are_of_one_kind(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # promotion codes are no order
        ("邀请码 66120934 用不了", None),
        ("助力码 73920011 发给朋友了，订单 241129003311 的返现没到", "241129003311"),
        # a label numbered in a list keeps its kind
        ("SN1: 241129003311 SN2: 241129003312 两台都坏", None),
        ("卡号1 6222021234567890 订单 241129003311 退款", "241129003311"),
    ],
)
def test_codes_and_numbered_labels(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("电话 021-6234 5678", None),
        ("0755-8765 4321 找张先生", None),
        # an order typed in groups that opens with 0 but no dashed area code
        ("订单号 0123 4567 8901", "012345678901"),
    ],
)
def test_a_landline_in_two_groups(text, expected):
    assert primary(text) == expected
