"""Answers of customers who do not have what the bot asks for (dialogues_dev21, trial10)."""

import pytest

from bot.intake.answers import asks_to_wait, evidence_not_yet, has_no_evidence
from bot.intake.remedy_answers import remedy_mentioned
from bot.intake.remedy_reasons import remedy_with_no_fact


@pytest.mark.parametrize(
    "text, remedy",
    [
        ("退货退款 这种东西我不敢再用了", "return_refund"),
        ("直接退款吧 真的等不起了", "refund"),
        ("换货吧 我也不想再折腾了", "exchange"),
        ("能修就修吧 麻烦你了", "repair"),
        ("麻煩補寄一瓶 謝謝你們喔", "reship"),
        ("換對新嘅啦 唔該晒 辛苦你", "exchange"),  # Cantonese: a new pair, thanks
        ("唔等喇 退返錢俾我", "refund"),
        ("換返件黑色嘅", "exchange"),
    ],
)
def test_a_remedy_with_thanks_or_a_reason_tells_no_more_of_the_problem(text, remedy):
    assert remedy_mentioned(text) == remedy
    assert remedy_with_no_fact(text)


@pytest.mark.parametrize(
    "text",
    [
        "换货 另外盖子也裂了",  # a new fact
        "退款 还要赔偿",  # a second wish
        "退货退款 运费谁出",  # a question for the agent
        "退款 快递太慢了",
        "谢谢",  # no remedy
    ],
)
def test_more_than_thanks_or_a_reason_beside_a_remedy_is_kept(text):
    assert not remedy_with_no_fact(text)


@pytest.mark.parametrize(
    "text", ["还没拍 我现在在公司 晚上回去拍了再发", "未影 等我返屋企先影俾你", "手机快没电了 拍不了 明天补"]
)
def test_no_photo_yet_but_later_is_later(text):
    assert evidence_not_yet(text)


@pytest.mark.parametrize("text", ["盒子已經丟掉了 沒辦法拍", "没拍", "拍不了"])
def test_no_photo_at_all_is_no_photo(text):
    assert not evidence_not_yet(text)
    assert has_no_evidence(text)


@pytest.mark.parametrize("text", ["我要問一下我媽 等等", "问下我老公", "我先问一下朋友"])
def test_asking_the_buyer_first_is_waiting(text):
    assert asks_to_wait(text)


def test_a_question_introduced_is_not_waiting():
    assert not asks_to_wait("我问一下 运费谁出")
