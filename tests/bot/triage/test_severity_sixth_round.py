"""Severity, sixth round (2026-11-30, task sev10): the classes closed after the fresh
bench/data/severity_dev10.yml (group buys, children's and elderly goods, rhetorical legal and
media words, amounts near the threshold and in other currencies), and the urgent cases with
the same words that must stay urgent.

The sentences are written for these tests (classes of dev10's errors, none of its sentences).
"""

import pytest

from bot.triage.severity import assess_severity
from bot.triage.severity_amounts import stated_amounts
from bot.triage.severity_context import ruled_out_by_message

THRESHOLD = 2000.0


def judge(*texts):
    return assess_severity(list(texts), None, THRESHOLD)


@pytest.mark.parametrize(
    "text",
    [
        # the others fine: no problem of many
        "别人家的都没问题，就我的坏了",
        "邻居们的都没事，我这份漏了",
        "我是团长，团员都说没问题，就是想问问发票",
        # a group buy named as the service
        "社区团购的团长不回消息",
        # one buyer's own sign-up in a chain
        "我接龙买了五份，有一份坏了",
        # an injury long past, told as why something is bought
        "去年孩子烫伤过，这次想买个防烫的杯子",
        "上次我摔伤了腰，买了这个护腰，结果尺码不对",
        # a reaction feared, not suffered
        "怕过敏，先问问成分",
        # a court for a private matter; the news "could" carry it; a threat called off
        "朋友说我们这种情况要离婚才能分割财产，顺便问下发票",
        "这服务都可以上热搜了",
        "我要去12315，好啦不闹了，给我换个吧",
        # the internet's "(not really)"; a suggestion and a wish, given up
        "想报警（不是）",
        "有人说找律师有用，我觉得犯不着，退款就好",
        "真想去消协，算了，给我补发吧",
        # media as where an advert was seen
        "媒体上看到的广告说是纯棉的，结果标签写的涤纶",
        # small amounts in other currencies
        "台币三千块的外套，拉链坏了",
        "3000日元的小东西发错颜色了",
        "美金两百的耳机没声音",
        # fit, not a body that feels wrong
        "穿着不舒服，想换个码",
    ],
)
def test_near_misses_stay_normal(text):
    assert judge(text).severity == "normal", judge(text).matches


@pytest.mark.parametrize(
    "text, reason",
    [
        # many buyers of a group buy: members, the sign-up chain, neighbours' shares, a trade
        ("团友一个个都来找我，说橙子全烂了", "group"),
        ("团员们都说收到的是坏的", "group"),
        ("接龙的三十多单，一半没发货", "group"),
        ("团长这边一统计，接龙的五十多份一半都是烂的", "group"),
        ("小区团购的米，邻居们的也都有虫", "group"),
        ("我们团购的，我家的坏了，邻居们家的也坏了", "group"),
        ("公司十几个保安一起订的鞋，全开胶了", "group"),
        ("我们成栋楼团的月饼全部过期了", "group"),
        ("其他人都收到了发霉的", "group"),
        ("其他人都没收到，群里都在骂", "group"),
        # injuries the product caused, even with a past word or a purchase after
        ("上次用你们的电热毯烫伤了，这次买的又漏电", "injury"),
        ("上次孩子摔伤了，你们必须给个说法", "injury"),
        ("我担心会过敏，用了一下脸就红肿了", "injury"),
        ("怕过敏所以没用，结果闻着也头晕", "injury"),
        ("用了三天后胃不舒服", "injury"),
        ("戴了以后身体一直不舒服", "injury"),
        ("地垫的胶味熏得我头晕", "injury"),
        # threats kept: a threat after the call-off, a real one beside a private matter
        ("好啦不闹了，再不退款我就去消协", "legal"),
        ("再不处理我就上法院告你们，离婚都没这么麻烦", "legal"),
        ("这服务都可以上热搜了，再不处理我就真发", "media"),
        ("你们不怕上新闻吗", "media"),
        ("我要报警（不是开玩笑）", "legal"),
        ("别人说找律师有用，我马上就去找", "legal"),
        ("我真想去消协，你们再不处理我就去", "legal"),
        ("在媒体上看到你们被曝光了，我的也一样坏了，我要找记者", "media"),
        ("媒t肯定想知道这件事", "media"),
        # amounts: the whole order, a foreign currency worth more than the threshold
        ("整单2600，只退了600", "amount"),
        ("花了300美元买的表，表盘裂了", "amount"),
    ],
)
def test_urgent_cases_with_the_same_words_stay_urgent(text, reason):
    result = judge(text)
    assert result.severity == "urgent", (text, result.matches)
    assert reason in result.reasons, (text, result.reasons)


@pytest.mark.parametrize(
    "text, reason",
    [
        ("其他团员都好好的，就我少了一盒", "group"),
        ("团长说这批都没问题，就我这份漏了", "group"),
        ("真想去12315，想想还是算了，换一个就行", "legal"),
        ("不怕上热搜吗？好啦不闹了，补发吧", "media"),
        ("这是在欺诈顾客吗？颜色都不对", "legal"),
    ],
)
def test_others_fine_and_threats_called_off_are_ruled_out_for_the_head(text, reason):
    assert judge(text).severity == "normal"
    assert reason in judge(text).ruled_out or reason in ruled_out_by_message(text)


@pytest.mark.parametrize(
    "text, value",
    [
        ("用台币两千五买的", 575.0),
        ("NT$2,500的外套", 575.0),
        ("花了300美元买的", 2160.0),
        ("花了3000日元", 144.0),
        ("2000块的鞋", 2000.0),
        ("整单3000，退了1000", 3000.0),
    ],
)
def test_amounts_in_other_currencies_are_read_in_yuan(text, value):
    assert value in stated_amounts(text)


@pytest.mark.parametrize(
    "text",
    [
        "这是欺诈吗？我已经咨询了律师",
        "是不是在骗人？再不退款我就去告你们",
        "你们是在欺诈消费者吧？不给说法我就找相关部门",
        "欺骗消费者吗？我会让你们付出代价",
    ],
)
def test_a_fraud_question_with_a_threat_or_an_act_is_not_ruled_out(text):
    assert "legal" not in ruled_out_by_message(text)
