"""Round twenty-two (ord25, dev22): a number other than the order the extractor could pick.

A file of its own so that rounds written at the same time merge. Each class is tested in
words other than the split's, and with what must not change.
"""

import pytest

from tests.bot.nlu.orders import primary


@pytest.mark.parametrize(
    "text, expected",
    [
        # a digit named by its place, the right one alone or after "wrong"
        ("订单号 202411235567 第三位打错了，应该是 3", "203411235567"),
        ("订单 202411235567 倒数第二位应该是8", "202411235587"),
        ("订单号 202411235567 第1位是3", "302411235567"),
        ("单号 202411235567 这个单号第六位错了 是 9", "202419235567"),
        ("订单号202411235567 从左数第四位是 5", "202511235567"),
        ("订单号202411235567 从右数第一位是 9", "202411235569"),
        ("訂單 202411235567，第二個字打錯咗，係 1", "212411235567"),
        ("order 202411235567 - the 5th digit should be 3 not 1", "202431235567"),
        ("order 202411235567, the 2nd to last digit is 9", "202411235597"),
    ],
)
def test_a_digit_corrected_by_its_place(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # what must not change: a day, a price or a count after the place; the digit already
        # right; a place beyond the number; a wrong digit the number does not hold there
        ("订单号 202411235567 第2位是9号买的", "202411235567"),
        ("订单号 202411235567 第一个是5块的", "202411235567"),
        ("订单号 202411235567 第三位是2", "202411235567"),
        ("订单 88412297 第十二位是 5", "88412297"),
        ("order 202411235567, the 3rd digit should be 7 not 5", "202411235567"),
    ],
)
def test_what_a_place_does_not_change(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # two numbers, then which is the order by its place
        ("202411235567 还有 202411239988，后面那个才是订单号", "202411239988"),
        ("202411235567 / 202411239988 第二个是订单，第一个是售后单号", "202411239988"),
        ("SF 之外 773012984566 202411239988 后者是我的订单", "202411239988"),
        ("202411235567\n202411239988\n上面那个是我老婆的，下面那个是我的订单", "202411239988"),
        ("202411235567 and 202411239988, the latter is the order", "202411239988"),
        ("202411235567 and 202411239988 - the second one is my order number", "202411239988"),
        # the first said to be the order, or the second another kind: the first
        ("202411235567 202411239988 前者是订单", "202411235567"),
        ("202411235567 和 773012984566 后面那个是快递单号", "202411235567"),
    ],
)
def test_which_of_two_said_by_its_place(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "202411235567 和 202411239988，这两个都不是订单号，是快递单号",
        "202411235567 / 773012984566 前面是支付单号 后面是物流单号",
        "202411235567 and 773012984566, neither is the order",
    ],
)
def test_two_numbers_both_said_to_be_no_order(text):
    assert primary(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # what must not change: one order alone; two named by their own labels
        ("订单号 202411235567，后面那个是快递单号的话我再找", "202411235567"),
        ("订单号 202411235567 物流单号 773012984566，第二个一直没动", "202411235567"),
    ],
)
def test_what_a_place_word_does_not_choose(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # where to ring, with no phone word: home, office, work
        "屋企 3456 7890，日頭打公司 2123 4567",
        "家里 010 6234 5678 晚上打",
        "打办公室 2890 1234 找陈生",
        "公司 2123 4567 家 3456 7890",
        "home line 3456 7890, office 2123 4567",
        # a SIM card's number, a price in another currency
        "ICCID 89852012345678901234 激活不了",
        "在日本网站买的 付了 358000 日元",
    ],
)
def test_no_order_among_landlines_sim_cards_and_foreign_money(text):
    assert primary(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("公司 2123 4567，订单 202411235567", "202411235567"),
        ("work line 3456 7890, order 202411235567", "202411235567"),
        ("the lid does not work, 202411235567", "202411235567"),
        # what must not change: 家 inside another word introduces no phone
        ("商家 202411235567 一直不发货", "202411235567"),
        ("卖了 3 家 202411235567 这单最慢", "202411235567"),
        # a place names a phone only of a phone's or a local landline's shape
        ("公司 202411235567 的单子坏了", "202411235567"),
        ("家里 202411235567 这单到现在没到", "202411235567"),
    ],
)
def test_an_order_beside_a_landline(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an app's counts pasted under the order: a badge, a line of one or two digits
        ("订单号\n202411235567\n99+", "202411235567"),
        ("订单编号\n复制\n202411235567\n15", "202411235567"),
        ("订单号 2024 1123 5567\n12", "202411235567"),
        # what must not change: the rest of a short head wrapped onto the next line
        ("订单号 2024112355\n67", "202411235567"),
        ("订单号 20241123\n5567", "202411235567"),
        # a number broken over lines in groups keeps its short last line
        ("单号 2024\n1123\n5567\n8899\n08", "202411235567889908"),
        ("两单 202411235567、20\n24\n11\n28\n77\n81，第二单少发了", "202411287781"),
    ],
)
def test_counts_pasted_with_the_order(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a number the bot quoted, disowned
        ("你们说订单 202411235567，不是我的，我的订单号一会发你", None),
        ("客服：您的订单是 202411235567 吗\n我：不对，我没有这个订单", None),
        ('It says "order 202411235567 shipped" but that number is wrong', None),
        # and the customer's own after it
        ("“订单号是 202411235567 吗？”不是啊，是 202411235576", "202411235576"),
        ('"Order 202411235567 delivered" - not mine. Mine is 202411239988', "202411239988"),
        ("系统显示订单 2024 1123 5567。这个号码不对，最后两位是 76", "202411235576"),
        # what must not change: a quoted claim denied, the order kept
        ("你们说订单 202411235567 已经签收了，不是我的错吧", "202411235567"),
        ("订单 202411235567 不是我的，是我朋友的，帮她投诉", "202411235567"),
    ],
)
def test_a_quoted_number_confirmed_or_disowned(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # OCR: O for 0 opening a later group
        ("订单编号 2024 1123 OO67 8899", "2024112300678899"),
        ("订单编号 3847 2619 5038 OO12", "3847261950380012"),
        # a single last digit after even groups behind a letter prefix
        ("订单 P7 2024 1123 5567 8899 1", "P720241123556788991"),
        # a year-like head, then the rest in one piece
        ("订单号 2024 112355671234", "2024112355671234"),
        # a date in groups after the order, said of the day it was signed for
        ("2024 1123 5567 0098 2024 1125 到货 是坏的", "2024112355670098"),
        # what must not change: a year, then a phone
        ("订单号 2024 13912345678", None),
    ],
)
def test_ocr_groups_years_and_dates(text, expected):
    assert primary(text) == expected
