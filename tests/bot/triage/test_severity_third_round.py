"""Severity precision, third round (2026-11-30): figures of speech, dreams, toys, one buyer
shopping for many, a crowd queueing, Cantonese disclaimers and workplaces; and the rule gaps
closed by class (counts with 号, a purchase clause with an object, platforms listed then all
posted to, evidence handed to a journalist, orders tallied in a group chat).

The sentences are written for these tests (classes of the errors on
bench/data/severity_dev7.yml, none of its sentences).
"""

import pytest

from bot.triage.severity import LEARNED_THRESHOLD, assess_severity
from bot.triage.severity_amounts import stated_amounts
from bot.triage.severity_model import DEFAULT_C, DEFAULT_NGRAMS

THRESHOLD = 2000.0


def judge(*texts):
    return assess_severity(list(texts), None, THRESHOLD)


@pytest.mark.parametrize(
    "text",
    [
        # spicy food, a headache over a chore, a dream
        "麻辣烫辣到我喉咙冒火，就是忘了放筷子",
        "脑袋疼死了，发票到底在哪里开",
        "昨晚梦到包裹着火了，醒来赶紧查了物流",
        # a deal nearly missed; 炸裂 said alone
        "好危险，差一点就没抢到秒杀",
        "炸裂，包装也太精致了吧，可惜少了张贺卡",
        # a job word naming a figure, a costume or a game
        "警察造型的公仔少了一顶帽子",
        "法官cos服的领子做歪了",
        # one buyer shopping for many; a crowd competing for it
        "帮二十几个同事订的月饼，少了一盒",
        "我替全宿舍买的洗衣液，漏发了一瓶",
        "很多人都在直播间蹲这款，我抢到了但是颜色发错",
        # Cantonese: a disclaimer, a joke, an unrelated fall, a workplace
        "我唔会去搵律师嘅，换返件新嘅畀我就得",
        "讲吓笑啫，唔使咁紧张，帮我查下单嘢",
        "我今朝自己跣亲跌亲咗，唔关你哋事，想迟啲先送",
        "我喺律师楼返工，寄去公司就得",
        # a fracture as the reason for a delivery wish; an afro wig
        "脚骨折了走不动，快递麻烦送到门口",
        "爆炸头的假发有点掉毛",
    ],
)
def test_near_misses_are_normal(text):
    result = judge(text)
    assert result.severity == "normal", (text, result.matches)


@pytest.mark.parametrize(
    "text, reason",
    [
        ("我们厂里几十号工人各自买的手套，戴两天全都破了", "group"),
        ("我们好几个宝爸都买了这款推车，轮子都掉了", "group"),
        ("抖音 快手 小红书 我全都发一遍", "media"),
        ("表姐是电视台的编导，我已经把视频转给她了", "media"),
        ("业主群里接龙统计了一下，总共四十多户的门锁打不开", "group"),
        ("擦了这个药膏之后手上起了一片皮炎", "injury"),
        ("仔仔食咗你哋嘅糖出风癞，要去睇急症", "injury"),
        ("不给退我就开直播讲", "media"),
    ],
)
def test_rule_gaps_closed_by_class(text, reason):
    result = judge(text)
    assert reason in result.reasons, (text, result.matches)


def test_a_law_named_after_food_safety_is_legal_only():
    assert judge("按照食品安全法你们要十倍赔偿，不然我就起诉").reasons == ["legal"]


def test_a_follower_count_is_no_amount():
    assert stated_amounts("我是做视频的，粉丝十几万") == []
    assert stated_amounts("十几万的车刚开一个月就坏了") == [100000.0]


def test_the_head_config():
    """C=100, 1-3-grams (the CV rule's pick); 0.65 since the fourth round, recall first."""
    assert (DEFAULT_C, DEFAULT_NGRAMS, LEARNED_THRESHOLD) == (100.0, (1, 3), 0.65)
