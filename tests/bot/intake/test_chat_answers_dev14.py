"""Answers as people chat them (dialogues_dev14): a rhetorical question beside the wish, an
elderly customer's "不会弄", English halves of one remedy, a return asked about in disbelief."""

import pytest

from bot.intake import answers, remedy_answers


def test_a_rhetorical_question_asks_nothing_about_the_process():
    # q006: "不发货还能怎么办？退钱啊" was noted as a question three times, the refund lost
    assert not answers.asks_about_process("不发货还能怎么办？退钱啊")
    assert remedy_answers.remedy_mentioned("不发货还能怎么办？退钱啊") == "refund"
    # a real question still is one
    assert answers.asks_about_process("退货的话运费谁出")
    assert answers.asks_about_process("这种情况能怎么办")


@pytest.mark.parametrize("text", ["不会弄", "我不会拍照", "弄不来啊", "不知道怎么弄"])
def test_cannot_manage_it_is_no_evidence(text):
    # q033: "不会弄" at the evidence question withdrew the complaint (cancel 0.48)
    assert answers.has_no_evidence(text)


@pytest.mark.parametrize("text", ["我不会用这个水壶", "不会弄坏吧"])
def test_a_story_with_cannot_is_not_an_answer_about_evidence(text):
    assert not answers.has_no_evidence(text)


@pytest.mark.parametrize(
    "text, remedy",
    [
        ("quality太差了 jacket穿一次zip就坏了 I want return and refund", "return_refund"),
        ("return & refund please", "return_refund"),
        ("can I get a replacement?", "exchange"),
    ],
)
def test_english_remedies_wished(text, remedy):
    # q050: "I want return and refund" was asked again twice and filed as "other"
    assert remedy_answers.remedy_wished(text) == remedy
    assert remedy_answers.remedy_mentioned(text) == remedy


def test_a_return_asked_about_in_disbelief_is_refused():
    # q052: "碎成这样还寄回去？直接退钱" was filed as 退货退款
    assert remedy_answers.remedy_mentioned("碎成这样还寄回去？直接退钱") == "refund"
    assert remedy_answers.remedy_mentioned("东西寄回去 把钱退给我") == "return_refund"
    assert remedy_answers.remedy_mentioned("还要退货 还要赔偿") == "return_refund"


@pytest.mark.parametrize("text", ["照片要拍哪里啊？拍杯子还是拍箱子？", "拍什么？", "怎么上传啊"])
def test_what_to_show_asked_back(text):
    # q003: settled "later" at the evidence question, and the photo was never asked for
    assert answers.asks_what_to_show(text)


@pytest.mark.parametrize("text", ["拍了", "外箱和杯子都拍了", "没拍", "我等会拍"])
def test_an_answer_about_photos_asks_nothing_back(text):
    assert not answers.asks_what_to_show(text)
