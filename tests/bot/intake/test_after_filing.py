"""dialogues_dev23 (trial12): what a message written after filing says about the ticket."""

import pytest

from bot.intake.after_filing import (
    another_complaint,
    fact_added,
    remedy_changed,
    says_number_was_wrong,
)
from bot.orders.item_fit import load_kinds

MUGS = {"order": {"items": [{"name": "手工陶瓷马克杯 (雾蓝)"}]}}


@pytest.mark.parametrize(
    ("text", "filed", "now"),
    [
        ("不好意思 我想了想还是换货吧 不退了", "return_refund", "exchange"),
        ("不好意思 還是換一副吧 不退了", "return_refund", "exchange"),
        ("算了 不换了 直接退款吧", "exchange", "refund"),
        ("要是补发不了就退款", "reship", None),  # a wish for the agent, no change of mind
        ("还是退货退款吧", "return_refund", None),  # the filed one again
        ("还是尽快处理吧", "reship", None),  # no remedy named
    ],
)
def test_a_remedy_is_changed_only_by_a_change_of_mind(text, filed, now):
    assert remedy_changed(text, filed) == now


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("不好意思 订单号给错了 应该是202411191024", True),
        ("單號打錯咗 係202411191024", True),
        ("唔係呢張單 係202411191024", True),
        ("另一单202411180305的耳机也坏了", False),
    ],
)
def test_a_number_said_to_be_wrong(text, wrong):
    assert says_number_was_wrong(text) is wrong


def test_a_problem_with_other_goods_is_another_complaint():
    kinds = load_kinds()
    assert another_complaint("另外我买的蓝牙耳机也连不上手机了 想换一个", MUGS, kinds)
    assert not another_complaint("补充一下 杯子的把手也断了", MUGS, kinds)
    assert not another_complaint("补充一下 外面的快递箱也是压扁的", MUGS, kinds)
    assert not another_complaint("我买的那个蓝牙耳机", MUGS, kinds)  # no problem told
    assert not another_complaint("蓝牙耳机也连不上了", {"order": None}, kinds)  # no order


@pytest.mark.parametrize(
    ("text", "added"),
    [
        ("对了 忘了说 鞋底也裂了", True),
        ("補充一下 我才用了三天", True),
        ("另外 快递员态度也很差", True),
        ("我也不知道", False),  # no word that adds
        ("对了 谢谢啊", False),
        ("还有人吗", False),  # a question
        ("另外 麻烦快点处理", False),  # urging
        ("对了 我刚发了照片", False),  # the files answer for themselves
        ("对了 我要退款", False),  # a wish, no fact
    ],
)
def test_a_fact_added_after_filing(text, added):
    assert fact_added(text) is added
