"""Round twenty-five (ord28, dev25): a shop maintainer's simple list of formats.

A file of its own so that rounds written at the same time merge. Each class is tested in
words other than the split's, and with what must not change.
"""

import pytest

from tests.bot.nlu.orders import primary


@pytest.mark.parametrize(
    "text, expected",
    [
        # a nineteen-digit id typed in fours ends in three digits, then 個/个/件 and the goods
        ("單號 6938 4726 1503 8472 910 個商品壞咗", "6938472615038472910"),
        ("訂單 3721 8495 6302 8174 625 個錶唔行", "3721849563028174625"),
        ("订单号 3721 8495 6302 8174 625 个商品坏了", "3721849563028174625"),
        ("單號 1985 3720 4618 3729 504 件衫爛咗", "1985372046183729504"),
        ("单号6938 4726 1503 8472 910个", "6938472615038472910"),
        # fifteen digits in fours end in three; nineteen in fives end in four
        ("订单号 2384 7561 0293 847 件衣服破了", "238475610293847"),
        ("单号 51293 84756 10293 8475 个快递没到", "5129384756102938475"),
    ],
)
def test_the_short_last_group_of_an_id_typed_in_equal_groups_is_its_end(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # one digit, or two groups only, or groups of unequal lengths: still a quantity
        ("订单 2024 1123 5567 3 个 都坏了", "202411235567"),
        ("订单号 202411235567 123 个", "202411235567"),
        ("订单号 2865 4321 9876 12件", "286543219876"),
        ("订单号 2384 7561 0293 8475 61 件", "2384756102938475"),
        ("订单号 2024112355 67 个", "2024112355"),
        # a size or an age is no counter of pieces
        ("订单号 3721 8495 6302 8174 42码偏小", "3721849563028174"),
        ("订单号 3721 8495 6302 8174 12岁的孩子穿", "3721849563028174"),
        # a group starting with 0 is still the end; a comma still ends the number
        ("订单号 3721 8495 6302 8174，625 个都坏了", "3721849563028174"),
    ],
)
def test_a_quantity_after_a_grouped_order_stays_a_quantity(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号 28654321987 6", "286543219876"),
        ("订单号：30582917463 0。", "305829174630"),
        ("我的订单号是 28654321987 6，一直没发货", "286543219876"),
        ("單號 28654321987 6 😡", "286543219876"),
    ],
)
def test_the_last_digit_a_stray_space_cut_off_a_twelve_digit_order_is_its_end(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a whole order or a mobile before it, a counter, or no order word: a number of its own
        ("订单号 286543219876 2", "286543219876"),
        ("订单号 13812345678 6", "13812345678"),
        ("订单号 28654321987 6 个", "28654321987"),
        ("28654321987 6", "28654321987"),
        ("订单号 2865432198 6", "2865432198"),
    ],
)
def test_one_digit_after_an_order_stays_apart_otherwise(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a marker glued to the first group of a number typed in groups is no prefix of it
        ("订单ID2865-4321-9876", "286543219876"),
        ("订单ID2865 4321 9876 还没发货", "286543219876"),
        ("订单NO2865 4321 9876", "286543219876"),
        ("订单号No241123-123456789012345", "241123123456789012345"),
        ("订单号NO241123-123456789012345，拼多多买的", "241123123456789012345"),
        ("订单ID241123-123456789012345", "241123123456789012345"),
        ("订单号No112-3456789-0123456", "11234567890123456"),
        ("Order ID112-3456789-0123456", "11234567890123456"),
    ],
)
def test_a_marker_glued_to_a_grouped_number_is_no_part_of_it(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a prefix that only begins with the marker's letters, or a shop's own prefix, stays
        ("订单号 NOR2024-1123-5567", "NOR202411235567"),
        ("订单号 IDX-2024-1123-5567", "IDX202411235567"),
        ("订单号PDD241123-123456789012345", "PDD241123123456789012345"),
        ("订单号 SO-2024-1123-5567", "SO202411235567"),
        ("订单号 ID286543219876", "286543219876"),
    ],
)
def test_prefixes_that_are_no_marker_stay(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a duration in English after the order's groups is no group of it
        ("order no. 2865 4321 9876 2 weeks late", "286543219876"),
        ("order no. 2865 4321 9876 10 days late", "286543219876"),
        ("订单号 2865 4321 9876 2 days", "286543219876"),
        ("Order 2865-4321-9876, 3 months ago", "286543219876"),
        # a group before a word that only begins so is still the order's
        ("order no. 2865 4321 9876 21 daysale", "28654321987621"),
    ],
)
def test_an_english_duration_after_a_grouped_order_is_no_group_of_it(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a month and day with a dash after an order typed in blank-parted groups: a date
        ("订单号 2865 4321 9876 11-23", "286543219876"),
        ("订单号 3721 8495 6302 8174 625 11-23 买的", "3721849563028174625"),
        ("order no. 2865 4321 9876 12-01", "286543219876"),
        # dashed throughout, or no month and day, it is the number's
        ("订单号 2865-4321-9876-11-23", "28654321987611" + "23"),
        ("订单号 2865 4321 9876 13-23", "28654321987613" + "23"),
        ("订单号 11-23456789", "1123456789"),
        ("eBay order 12-34567-89012", "123456789012"),
    ],
)
def test_a_dashed_month_and_day_after_a_blank_grouped_order_is_a_date(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # RMB/CNY glued after a short number makes it an amount, no group of the order
        ("订单号 2865 4321 9876 128RMB", "286543219876"),
        ("订单号 3721 8495 6302 8174 625 99cny", "3721849563028174625"),
        ("订单号 286543219876，付了128RMB", "286543219876"),
    ],
)
def test_a_currency_glued_after_a_short_number_is_an_amount(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a mobile typed in its groups ends its line: the order on the next line is apart
        ("138 1234 5678\n3721 8495 6302 8174 625", "3721849563028174625"),
        ("138-1234-5678\n2865-4321-9876 没发货", "286543219876"),
        ("电话 138 1234 5678\n2865 4321 9876", "286543219876"),
        # an order an app broke over two lines still joins
        ("订单号 2024112500\n318876", "2024112500318876"),
        ("13812345678\n2865 4321 9876", "286543219876"),
    ],
)
def test_a_mobile_typed_in_groups_ends_at_its_line_break(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a hotline typed with its own separator after an order in blank-parted groups
        ("订单号 2865 4321 9876 400-820-8820", "286543219876"),
        ("订单号 3721 8495 6302 8174 625 010-62345678 打不通", "3721849563028174625"),
        # one separator throughout: still one number
        ("订单号 2865-4321-9876-400-820-8820", "2865432198764008208820"),
    ],
)
def test_a_hotline_with_its_own_separator_after_a_grouped_order_is_apart(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a word that only opens with a counter's character: 只 "only", 次日, 包邮, 双11 …
        ("订单号 3721 8495 6302 8174 625 只收到 1 件", "3721849563028174625"),
        ("订单号 3721 8495 6302 8174 625 只发了一半", "3721849563028174625"),
        ("订单号 3721 8495 6302 8174 62 只到了一件", "372184956302817462"),
        ("订单号 3721 8495 6302 8174 625 次日达没达", "3721849563028174625"),
        ("订单号 3721 8495 6302 8174 625 包邮的", "3721849563028174625"),
        ("订单号 3721 8495 6302 8174 62 双11买的", "372184956302817462"),
        ("订单号 3721 8495 6302 8174 625 码数不对", "3721849563028174625"),
        ("订单号 3721 8495 6302 8174 625 次品", "3721849563028174625"),
        ("订单号 3721 8495 6302 8174 625 天啊 还没到", "3721849563028174625"),
        # the counter itself still counts
        ("订单号 2024 1123 5567 3 只 都死了", "202411235567"),
        ("订单号 3721 8495 6302 8174 2 双 鞋子", "3721849563028174"),
        ("订单号 3721 8495 6302 8174 3 次 都没送到", "3721849563028174"),
    ],
)
def test_a_word_opening_with_a_counters_character_counts_nothing(text, expected):
    assert primary(text) == expected
