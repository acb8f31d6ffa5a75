"""Severity, eleventh round (2026-11-30, task sev11): the classes closed after the fresh
bench/data/severity_dev11.yml (threats asked as questions, jokes and "not going" after them,
swollen food packages, a camera's exposure, one person in the reviews, a household counted,
an unboxing shown off, a question about the law "just asked"), and the urgent cases with the
same words that must stay urgent.

The sentences are written for these tests (classes of dev11's errors, none of its sentences).
"""

import pytest

from bot.triage.severity import assess_severity
from bot.triage.severity_context import RULING_VETOES

THRESHOLD = 2000.0


def judge(*texts):
    return assess_severity(list(texts), None, THRESHOLD)


@pytest.mark.parametrize(
    "text",
    [
        # a joke or "not going" after a threat asked as a question
        "你们就不怕我去找记者吗？哈哈说说而已，快点发货",
        "难道要我打12315你们才理我？算了反正我不会去，太折腾",
        # a swollen food package nobody ate
        "寄来的果汁有一瓶盒子鼓包了，我直接扔了",
        "这批罐头包装鼓包，还能吃吗",
        # a camera's exposure
        "新买的相机曝光总是偏高，拍出来发白",
        # one person in the reviews
        "评论区有人说会掉色，我的还好，就是尺码偏小",
        # a household counted
        "我家几个人都穿这个牌子，这次的袜子有点起球",
        # an unboxing shown off
        "我拍了开箱视频发小红书，大家都说颜色好看，就是少了根数据线",
        # a question about the law, only asked
        "你们这样拖着发货是不是违法啊？就是问一下，帮我催催",
    ],
)
def test_near_misses_are_normal(text):
    result = judge(text)
    assert result.severity == "normal", result.matches


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # the A-not-A question is a threat, not a disclaimer ("是不是要" is no "不是要")
        ("是不是要我把这事发到抖音上你们才处理？", "media"),
        ("是不是要我去消协投诉你们才肯退？", "legal"),
        # not going said of one thing, threatening another / told as a dare
        ("别以为我不会去，明天就去12315投诉你们", "legal"),
        ("我不是说说而已，再不处理就找记者曝光", "media"),
        # a swollen battery, and swollen food that made someone ill
        ("充电宝鼓包了，外壳都变形了", "injury"),
        ("手机包装盒里的电池鼓包发烫", "injury"),
        ("牛奶盒鼓包了，孩子喝了以后上吐下泻", "injury"),
        # exposure as a threat, beside a camera
        ("我用相机把证据都拍下来了，准备曝光你们", "media"),
        # many people in the reviews; neighbours, not the household
        ("评论区好多人都说用了过敏", "group"),
        # posting with a threat
        ("开箱视频我已经拍好了，再不退款就发微博曝光", "media"),
        # the law with a threat after the question
        ("这算不算违法？不给说法我就去市场监管局举报", "legal"),
    ],
)
def test_the_same_words_stay_urgent(text, reason):
    result = judge(text)
    assert result.severity == "urgent"
    assert reason in result.reasons, result.matches


def test_a_threat_called_a_joke_is_ruled_out_for_the_head():
    assert "taken_back" in RULING_VETOES
    result = judge("要不要我去曝光你们？开玩笑的，换个颜色就行")
    assert result.severity == "normal"
    assert "media" in result.ruled_out


def test_not_going_after_a_threat_question_is_ruled_out_for_the_head():
    result = judge("是不是非得我去12315？放心，我不会去的，就想快点换货")
    assert result.severity == "normal"
    assert "legal" in result.ruled_out
