"""Round twenty-three (ord26, dev23): the right order, returned as a slightly different string.

A file of its own so that rounds written at the same time merge. Each class is tested in
words other than the split's, and with what must not change.
"""

import pytest

from tests.bot.nlu.orders import primary


@pytest.mark.parametrize(
    "text, expected",
    [
        # a marker glued before the digits, or after the order word
        ("订单编号NO318820456712 发错颜色了", "318820456712"),
        ("我的订单id660218374459 退款呢", "660218374459"),
        ("订单号 Id9981203344 没收到", "9981203344"),
        ("订单编号：ID 5501928374 麻烦看下", "5501928374"),
        ("订单号 NO.SO-2024-7781 少件", "SO20247781"),
        # a marker that only begins a shop's prefix stays the prefix
        ("订单号 NOR8837201945 发错", "NOR8837201945"),
        ("订单号 IDX-2024-1123 退款", "IDX20241123"),
    ],
)
def test_a_marker_glued_on_is_no_part_of_the_order(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a word glued after the digits
        ("订单 318820456712ok 不ok啊", "318820456712"),
        ("订单号660218374459Plz查一下", "660218374459"),
        ("订单号 9981203344APP里面看不到", "9981203344"),
        ("订单 318820456712VIP折扣没算", "318820456712"),
        ("订单 5501928374XXL码太大", "5501928374"),
        ("订单 SO20247781S码太小", "SO20247781"),
        ("订单 318820456712NG 要换新", "318820456712"),
        # one letter of the id's own stays
        ("订单号 318820456712B 少一件", "318820456712B"),
    ],
)
def test_a_word_glued_after_the_digits_is_no_part_of_the_order(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("QQ88372910 找我", None),
        ("单号 #1203ok吗", None),
        ("order #77120 x3 never came", None),
    ],
)
def test_glued_markers_and_counts_make_no_order_of_a_code(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("order #318820 x3 never came", "318820"),
        ("Order 3188 2045 6712 3 pcs missing", "318820456712"),
        ("order 3188 2045 6712 12 bottles broken", "318820456712"),
        # eBay's last group before an English word is the order's
        ("eBay order 17-10293-84756 item not as described", "171029384756"),
        ("ｘ710 727 8092 少件", "X7107278092"),
    ],
)
def test_a_count_after_the_order_is_no_part_of_it(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号 SO20247781，不是SO是SQ", "SQ20247781"),
        ("订单号 318820456712 开头应该是3189不是3188", "318920456712"),
        ("订单 318820456712，中间2045改为2046", "318820466712"),
        ("订单号 318820456712，这个3应该是5", "518820456712"),
        ("订单号 9318820456712 前面多打了个9", "318820456712"),
        ("订单号 3188204567120 最后多打了一个0", "318820456712"),
        ("订单号 #318820，不好意思是#318802", "318802"),
    ],
)
def test_a_part_corrected_by_what_it_is(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # what must not change: a part the number holds twice or not at all, another length,
        # a date or a phone corrected, "…开头的" (only the head)
        ("订单号 318820456712 的 8 应该是 9", "318820456712"),
        ("订单号 318820456712 不是77是78", "318820456712"),
        ("订单号 318820456712，2045改成20456", "318820456712"),
        ("订单 318820456712，不是10号买的是11号", "318820456712"),
        ("订单号 318820456712 手机号最后一位错了应该是3", "318820456712"),
        ("订单号是318820开头的，后面忘了", None),
    ],
)
def test_what_a_named_correction_does_not_change(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号 2024/11/28-0093 蛋糕化了", "202411280093"),
        ("订单 2024.11.28_093 没送", "20241128093"),
        # a range of days and a time stay a date
        ("2024.11.23-25 期间下的单都没发", None),
        ("订单202411235567，2024.11.23-12:30 签收", "202411235567"),
    ],
)
def test_a_date_and_a_serial_are_one_order(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the same number pasted twice, each copy cut into groups its own way (dev22's
        # metamorphic variants)
        ("订单号 318 820 456 712，3188 2045 6712 发重复了", "318820456712"),
        ("订单 31/88/20/45/67/12 3188-2045-6712", "318820456712"),
        ("单号 31882 04567 12 / 318820456712 这个", "318820456712"),
    ],
)
def test_a_number_pasted_twice_in_other_groups_is_one_order(text, expected):
    assert primary(text) == expected
