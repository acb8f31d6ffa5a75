"""Round twenty-eight (ord28, dev28): a shop's month of order numbers met in unusual ways.

A file of its own so that rounds written at the same time merge. Each class is tested in
words other than the split's, and with what must not change.
"""

import pytest

from bot.nlu.order_choice import earlier_orders, picked_by_repetition, secondary_orders
from tests.bot.nlu.orders import primary


@pytest.mark.parametrize(
    "text, expected",
    [
        # an earlier order settled in a short clause after it, then the one at fault
        ("订单 410293857716 那单早就解决了，这回说的是 410293857790，少了个配件", "410293857790"),
        ("552019384476 用着一直好好的，新买的 552019384512 开机就黑屏", "552019384512"),
        ("前一单 286543219876 缺货退款了，后来又拍了 286543220011 还是缺货", "286543220011"),
        ("订单 3012 4567 8901 的钱到账了，可是 3012 4567 8934 的还没到", "301245678934"),
        # in English
        ("order 301245678901 (refunded), 301245678934 never arrived", "301245678934"),
        ("Order 112-3456789-0123456, which one is fine; 112-7654321-0987654 came empty", "11276543210987654"),
    ],
)
def test_an_order_settled_in_a_clause_after_it_loses_to_the_other(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # alone, a settled order is still the order
        ("订单 286543219876 退款了", "286543219876"),
        # a request, the shop's doing or a refusal make the state a complaint about it
        ("订单 3721849563028174625 申请退款了一直没人理，还有 3721849563028179981 也没发", "3721849563028174625"),
        ("订单 3721849563028174625 被取消了，另一单 3721849563028179981 也没发", "3721849563028174625"),
        ("订单 3721849563028174625 商家不给退了，另一单 3721849563028179981 也没发", "3721849563028174625"),
        # "但是" and more words: still about it
        ("订单 286543219876 退款了 但是只退了一半", "286543219876"),
        # returned goods, no money yet; the refund said with what is missing
        ("订单 286543219876 退了货 钱一直没到，另一单 286543220011 也是", "286543219876"),
        ("订单 286543219876 退款了没到账，另一单 286543220011 也是", "286543219876"),
        ("订单 286543219876 处理好了没，还有 286543220011", "286543219876"),
    ],
)
def test_a_state_that_is_a_complaint_sets_no_order_aside(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the goods sent wrong after the number: no number taken back
        ("新下的订单 552019384590 发错尺码了，旧的 552019384476 取消了", "552019384590"),
        ("重新拍的 3721849563028175012 发错型号 之前的 3721849563028174625 已经退了", "3721849563028175012"),
    ],
)
def test_goods_sent_wrong_after_an_order_do_not_take_it_back(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the number typed wrong is still taken back
        ("订单号 410293857716 发错了，是 410293857790", "410293857790"),
        ("订单号 410293857716 打错了 410293857790", "410293857790"),
    ],
)
def test_a_number_sent_wrong_is_still_taken_back(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("上回买的 2046183957720394811 也漏发，这回的 3810274655913302847 又漏发", "3810274655913302847"),
        ("上个星期那单 286543219876 也是这样 这次下的 286543220011 还是少了", "286543220011"),
        ("first order 301245678901 was late too, second order 301245678934 is broken", "301245678934"),
    ],
)
def test_an_earlier_purchase_loses_to_this_times(text, expected):
    assert primary(text) == expected


def test_a_word_that_only_contains_new_is_no_later_purchase():
    assert primary("之前买的 286543219876 物流一直不更新 286543220011") == "286543219876"


def test_earlier_orders_needs_a_later_one():
    text = "上次 286543219876 那单 和 286543220011 都没到"
    spans = [(3, 15, "286543219876"), (21, 33, "286543220011")]
    assert earlier_orders(text, spans) == set()
    assert primary("上次 286543219876 那单") == "286543219876"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("两单 7788123455660099 和 7788123455660123，就是 7788123455660123 这单少发了", "7788123455660123"),
        ("三个订单 410293857716、410293857790、410293857799，410293857790 到现在没发货", "410293857790"),
    ],
)
def test_an_order_named_again_after_the_list_is_picked(text, expected):
    assert primary(text) == expected


def test_an_order_named_again_but_set_aside_is_not_picked():
    assert (
        primary("两单 7788123455660099 和 7788123455660123，7788123455660123 没问题")
        == "7788123455660099"
    )
    text = "a 410293857716 b 410293857790 只有 410293857790 没发"
    spans = [(2, 14, "410293857716"), (17, 29, "410293857790"), (33, 45, "410293857790")]
    assert picked_by_repetition(text, spans, weak=set()) == "410293857790"
    assert picked_by_repetition(text, spans, weak={33}) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # without a pointer, the main order
        ("子单号 3810274655913302847 主单号 3810274655913302800", "3810274655913302800"),
        ("补差价的单 410293857799 原订单 410293857716 少了一件", "410293857716"),
        ("父订单 3721849563028174625 子订单 3721849563028174626 都没发货", "3721849563028174625"),
        # a child order named at fault, right after it or after both
        ("母订单 3721849563028174625 子订单 3721849563028174699 那件破了", "3721849563028174699"),
        ("主订单 2046183957720394811 子订单 2046183957720394812 出问题的是子订单", "2046183957720394812"),
    ],
)
def test_child_and_add_on_orders_lose_to_the_main_one_unless_named(text, expected):
    assert primary(text) == expected


def test_secondary_orders_only_beside_a_main_one():
    text = "子订单 3721849563028174626 子订单 3721849563028174627"
    spans = [(4, 23, "3721849563028174626"), (28, 47, "3721849563028174627")]
    assert secondary_orders(text, spans) == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        # one digit after a dash: a child order's index or a check digit
        ("订单编号 202411235567-1", "2024112355671"),
        ("单号 3721849563028174625-4 没收到", "37218495630281746254"),
        # a count or a day after it: not the id
        ("订单号 202411235567-2件", "202411235567"),
        ("订单号 202411235567-3号到的", "202411235567"),
        ("订单号 202411235567-2 件", "202411235567"),
        ("订单号 202411235567-9 块钱的那个", "202411235567"),
        # bare, with no order word: as before
        ("202411235567-2 怎么还没发", "202411235567"),
    ],
)
def test_a_one_digit_suffix_after_a_dash(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "快递单号 75123456789012，订单号不记得了",
        "YT7512345678901 YT7512345678902 订单号找不到",
        "兑奖码 559921 用不了",
        "中奖码：20241123 怎么兑换",
    ],
)
def test_no_order_when_it_is_said_missing_or_a_prize_code_is_given(text):
    assert primary(text) is None


def test_an_order_word_after_the_number_still_names_it():
    assert primary("202411235567 这个订单") == "202411235567"
    assert primary("202411235567 是订单号") == "202411235567"
