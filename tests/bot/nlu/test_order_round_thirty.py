"""Round thirty (ord30, dev30): one rule for the letters before an order's digits.

Up to four Latin letters parted from the digits only by what the id's normal form removes (a
space, a dash, an underscore) or glued to them are part of the id, whatever was said before
them and whether the digits are whole or in groups; letters before a colon or a word are a
label. A file of its own so that rounds written at the same time merge. Each class is tested
in words other than the split's, and with what must not change.
"""

import pytest

from bot.nlu.spacy_pipeline import extract
from tests.bot.nlu.orders import primary


def orders(text):
    return [e["value"] for e in extract(text) if e["label"] == "ORDER_ID"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a spaced prefix before a whole number, with no order word, as in groups
        ("ks 2903847561029384 鞋底开胶", "KS2903847561029384"),
        ("YZ 20241029558812", "YZ20241029558812"),
        ("P 729384756102938475 小红书买的", "P729384756102938475"),
        ("tb 4029384756102938475", "TB4029384756102938475"),
        # a platform named in Chinese before the letters changes nothing
        ("京东买的 JD 318273645501 屏幕碎了", "JD318273645501"),
        ("快手 KS 2903847561029384 没发货", "KS2903847561029384"),
        ("唯品会 VIP 24102930001234", "VIP24102930001234"),
        # what did not change: glued, dashed, after an order word, in groups
        ("订单号 DD 2029 3847 5610", "DD202938475610"),
        ("jd-318273645501", "JD318273645501"),
        ("so_20241029_558812 少件", "SO20241029558812"),
    ],
)
def test_spaced_letters_before_the_digits_are_the_ids(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # before a colon the letters name the platform, as a label does
        ("KS：2903847561029384 不发货", "2903847561029384"),
        ("JD: 318273645501", "318273645501"),
        ("订单号 PDD:241029-384756102938475", "241029384756102938475"),
        ("订单号：DY：4938271605938271605", "4938271605938271605"),
        # and before a word
        ("KS订单 2903847561029384", "2903847561029384"),
        ("jd order 318273645501", "318273645501"),
    ],
)
def test_letters_before_a_colon_or_a_word_are_a_label(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # words that introduce a number or chat stay out of the id
        "No 318273645501",
        "ID 318273645501",
        "thx 3182 7364 5501",
        "ok 318273645501",
        "QQ 3182736455",
    ],
)
def test_a_label_or_chat_word_is_no_prefix(text):
    assert not any(value.isalnum() and value[:1].isalpha() for value in orders(text)), orders(text)


@pytest.mark.parametrize(
    "text",
    [
        # a carrier's letters spaced before a whole number make a parcel number
        "SF 1402938475619",
        "顺丰 SF 1402938475619 一直没更新",
        "YT 7519283746501",
        "JT 5019283746502 丢件了",
        "ZTO 78192837465012",
        # a coupon named so, its code after
        "优惠券 CQ 2029 1103 没用上",
        "满减券 MJ20291103 用不了",
    ],
)
def test_parcels_and_coupons_stay_out(text):
    assert orders(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # WX before a number no WeChat account can be: a mini-program's order
        ("WX 2029 1103 1452 0988 3104 小程序下的单", "WX20291103145209883104"),
        ("wx-2029-1103-1452-0988", "WX2029110314520988"),
        ("vx 20291103145209883104 奶茶洒了", "VX20291103145209883104"),
    ],
)
def test_wechat_letters_before_a_long_number_are_a_mini_programs_prefix(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text",
    ["wx 139 2837 4650", "wx 13928374650 加我", "wx 3928 3746 5012 加一下", "vx：2837465012"],
)
def test_wechat_accounts_stay_accounts(text):
    assert orders(text) == []
