"""Round thirty-two (ord32, dev32): what the place the number was copied from did to it.

A spreadsheet's ".0" and scientific form, a CSV's quoted header and semicolons, an e-mail's or
a PDF's soft hyphen, zero-width space and hyphenated line wrap, a screenshot's labels and
values read row by row or column by column, a handwriting slip opening a group, a month/day/
year date, a fax line, and a short number ending the line above the order's line. A file of
its own so that rounds written at the same time merge. Each class is tested in words other
than the split's, and with what must not change.
"""

import pytest

from bot.nlu.normalize import normalize_digits
from bot.orders.ids import normalize_order_id
from tests.bot.nlu.orders import primary


@pytest.mark.parametrize(
    "text, expected",
    [
        ("单号 381029384756.0 麻烦看看", "381029384756"),
        ("381029384756.0", "381029384756"),
        ("你好，381029384756.0，一共付了299元", "381029384756"),
        ("my order is 5512093847561029.0 thanks", "5512093847561029"),
        # what did not change: a price keeps its decimal, a number with more decimals is no id
        ("付了 59.0 元 订单 381029384756", "381029384756"),
        ("单号 38102938.0", "38102938"),
        # the scientific form lost its digits: no order
        ("导出来变成 3.81029E+11 了", None),
        ("订单号 3.81029e+11", None),
    ],
)
def test_a_spreadsheets_decimal_and_scientific_form(text, expected):
    assert primary(text) == expected


def test_the_spreadsheet_artefacts_keep_the_length():
    for text in ("单号 381029384756.0 麻烦", "3.81029E+11", "59.0"):
        assert len(normalize_digits(text)) == len(text)


def test_the_form_reads_a_spreadsheets_decimal_as_the_id():
    assert normalize_order_id("381029384756.0") == "381029384756"
    assert normalize_order_id("3.81029E+11") is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"单号","数量"\n"381029384756","3"', "381029384756"),
        ('"订单编号";"金额"\n"381029384756";"12,50"', "381029384756"),
        ('"金额","订单号"\n"12.50","381029384756"', "381029384756"),
        # a column that is no order
        ('"快递单号";"数量"\n"773018294756";"1"', None),
    ],
)
def test_a_csvs_quoted_header_and_semicolons(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("您的订单 5512093847\u00ad561029 已发出", "5512093847561029"),
        ("订单号 5512093847\u200b561029", "5512093847561029"),
        ("Order number: 5512093847-\n561029", "5512093847561029"),
        # what did not change: two whole numbers on two lines with no order word stay apart
        ("5512093847-\n13812345678", "5512093847"),
    ],
)
def test_a_copied_ids_invisible_characters_and_wrap(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号 付款时间\n381029384756 11-23 09:12", "381029384756"),
        ("订单编号\n支付方式\n381029384756\n微信支付 0", "381029384756"),
        ("物流单号\n订单编号\n773018294756\n381029384756", "381029384756"),
        # what did not change: a greeting above the label is no label column
        ("你好\n订单号\n381029384756\n13812345678", "381029384756"),
        ("我的 订单号\n3810 2938 4756", "381029384756"),
    ],
)
def test_a_screenshots_labels_and_values_read_by_rows(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号 3810 2938 S756", "381029385756"),
        ("订单号 3810 B938 4756", "381089384756"),
        # a prefix opens the number, it never follows its digits
        ("订单号 SO 2938 4756 1029", "SO293847561029"),
    ],
)
def test_a_handwriting_slip_opening_a_group(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Delivered on 12/05/2024, total $30",
        "ordered 5.12.2024, still waiting",
        "Fax: +852 3123 4567",
        "傳真 +852 3123 4567",
    ],
)
def test_dates_with_the_year_last_and_fax_lines_are_no_order(text):
    assert primary(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "花了 88\n3810 2938 4756",
        "鞋码 39\n3810 2938 4756",
        "12/05\n3810 2938 4756",
        "买了3个\n3810 2938 4756",
    ],
)
def test_a_short_number_ending_the_line_above_is_no_head(text):
    assert primary(text) == "381029384756"


@pytest.mark.parametrize(
    "text, expected",
    [
        # an order word introduces the head; a number broken line by line
        ("订单号 3810\n2938 4756 1029", "3810293847561029"),
        ("3810\n2938\n4756", "381029384756"),
        # a head as long as the groups after it, after a pointer word: one number
        ("就这个 3810\n2938 4756 1029", "3810293847561029"),
        ("喏 3810\n2938 4756 1029", "3810293847561029"),
    ],
)
def test_a_head_an_order_word_introduces_still_wraps(text, expected):
    assert primary(text) == expected
