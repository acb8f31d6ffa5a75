"""dialogues_dev23 (trial12) and dialogues_dev24 (trial13): what a message written after filing
says about the ticket."""

import pytest

from bot.intake import remedy_answers
from bot.intake.after_filing import (
    another_complaint,
    category_corrected,
    complains_again,
    fact_added,
    remedy_changed,
    says_number_was_wrong,
)
from bot.intake.remedy_answers import says_change_of_mind
from bot.orders.item_fit import load_kinds

MUGS = {
    "issue_description": "马克杯收到就碎了",
    "order": {"items": [{"name": "手工陶瓷马克杯 (雾蓝)"}]},
}


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
    no_order = {"issue_description": "马克杯收到就碎了", "order": None}
    assert not another_complaint("蓝牙耳机也连不上了", no_order, kinds)


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


# --- trial13 (dialogues_dev24) ------------------------------------------------------------------

MUG_TICKET = MUGS


@pytest.mark.parametrize(
    "text",
    [
        "还有个事 我另外一单到现在还没发货 不想等了 直接退款吧",  # no goods named
        "另外 我上周买的加湿器也有问题 一开机就漏水 想退货退款",  # goods the table does not know
        "還有一件事 之前申請的退款到現在都還沒到帳 我要退款",
        "仲有 我另一張單買嘅瑜伽墊有好大陣膠味 想退貨退款",
        "还有一个 之前买的电动牙刷 用了一个星期就充不进电了 想换个新的",
        "另外我还要投诉一下 上次下单领的满减券没用上 多付了30块 把多付的钱退给我",
    ],
)
def test_another_matter_is_another_complaint_whatever_the_goods(text):
    assert another_complaint(text, MUG_TICKET, load_kinds())


@pytest.mark.parametrize(
    "text",
    [
        "我之前在你们家买的耳机就挺好的 这次杯子太让人失望了",  # praise of an earlier purchase
        "上次買的圍巾就沒問題 這次真的很失望",
        "这个是送给我妈的生日礼物 她很失望",
        "之前买的杯子也是这样碎的",  # the ticket's own goods
        "外箱也是破的",
        "盒子里还少了说明书",
    ],
)
def test_words_about_this_ticket_or_praise_are_no_second_complaint(text):
    assert not another_complaint(text, MUG_TICKET, load_kinds())


def test_a_ticket_that_told_no_problem_takes_the_problem_as_its_own():
    handoff = {"issue_description": "转人工", "order": None}
    assert not another_complaint("之前买的加湿器一开机就漏水", handoff, load_kinds())


@pytest.mark.parametrize(
    ("text", "added"),
    [
        ("外箱也是破的", True),  # no word that adds: something went wrong
        ("盒子里还少了说明书", True),
        ("鞋底也裂了", True),
        ("袖口也開線了", True),
        ("杯底都有條裂痕", True),
        ("昨天充了一晚上电 还是开不了机", True),
        ("好的 那我等你们消息", False),
        ("今天天氣好冷啊", False),
        ("催一下 快点处理", False),
        ("怎么还没人处理 东西都坏了", False),  # urging
        ("是质量问题 你们一定要给我处理好", False),
        ("好的 不用了", False),
    ],
)
def test_a_fact_added_without_a_word_that_adds(text, added):
    assert fact_added(text) is added


@pytest.mark.parametrize(
    ("text", "filed", "now"),
    [
        ("不是物流问题，是质量问题", "logistics", "product_quality"),
        ("不是物流問題，是質量問題 瓶子本身就有裂縫", "logistics", "product_quality"),
        (
            "不是质量问题 是发错了 我买的42码 收到的是40码",
            "product_quality",
            "wrong_or_missing_item",
        ),
        ("分类选错了 应该是退款问题", "logistics", "refund_payment"),
        (
            "我說錯了 不是質量問題 是描述不符 網頁上說是不鏽鋼內膽",
            "product_quality",
            "not_as_described",
        ),
        ("这是质量问题 不是物流问题", "logistics", "product_quality"),
        ("是质量问题 你们一定要给我处理好", "product_quality", None),  # the filed one again
        ("不是物流问题，是质量问题", "product_quality", None),
        ("物流问题是找快递公司还是找你们？", "logistics", None),  # a question
        ("我要的是退款 不是换货", "logistics", None),  # a remedy, not a category
        ("不是物流问题", "logistics", None),  # what it should be is not said
    ],
)
def test_a_category_corrected_after_filing(text, filed, now):
    assert category_corrected(text, filed) == now


@pytest.mark.parametrize(
    "text",
    ["其实还是退款吧", "不要退 换货", "应该是补发", "我说了要退款", "想了一下 换货吧", "唔要退喇"],
)
def test_one_list_of_change_of_mind_words_for_the_form_and_after_filing(text):
    # the words the after-filing list had alone ("其实", "不要退") and the form's alone
    # ("应该是", "我说了要…") count in both places now
    assert says_change_of_mind(text)


def test_a_condition_is_no_change_of_mind():
    assert not says_change_of_mind("要是补发不了就退款")
    assert remedy_answers.remedy_changed("要是补发不了就退款") is None


@pytest.mark.parametrize(
    "text", ["还有个事要投诉 快递员把东西扔门口", "另外再投诉一下客服", "順便投訴埋客服"]
)
def test_a_complaint_opened_in_so_many_words_is_another(text):
    """dialogues_dev26: a second matter on the same order, opened as a complaint."""
    assert complains_again(text)


@pytest.mark.parametrize(
    "text", ["我还要投诉你们", "再不处理我就去12315投诉", "鞋带也断了", "我要投诉"]
)
def test_a_threat_or_a_detail_is_no_other_complaint(text):
    assert not complains_again(text)
