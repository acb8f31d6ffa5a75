"""Severity precision, fifth round (2026-11-30): the false-alarm classes closed after the fresh
bench/data/severity_dev9.yml (a hazard a product guards against, job and hazard words in
fiction or a title, a threat suggested or intended and given up, words said in anger taken
back, a hotline's digits inside a number, news of another shop's accident, hooked "on"
something, a tight fit told as choking, "不是安全问题", "要人命" at a price, only the customer
affected, hotline numbers and sales counts read as money, media players), and the urgent
cases with the same words that must stay urgent.

The sentences are written for these tests (classes of dev9's false alarms, none of its sentences).
"""

import pytest

from bot.triage.severity import assess_severity, combine_severity
from bot.triage.severity_amounts import stated_amounts
from bot.triage.severity_context import only_me, ruled_out_by_message

THRESHOLD = 2000.0


def judge(*texts):
    return assess_severity(list(texts), None, THRESHOLD)


@pytest.mark.parametrize(
    "text",
    [
        # a hazard a product guards against; fiction and titles
        "买的防摔手机壳颜色发错了",
        "抗过敏的洗衣液瓶盖裂了，漏了一点",
        "动漫里律师的那件外套，我买的码数不对",
        "《消防员日记》这本书少了一页",
        # a threat suggested or intended, then given up; the act named first, then not done
        "我同事建议我去12315，想想算了，给我换一个就好",
        "本来想找律师的，后来觉得不值得，退款就行",
        "我朋友话可以去消委会，不过我觉得冇必要",
        "小作文我就不写了，给我补发就行",
        "算了，不去消协了，换一个给我",
        # words said in anger, taken back
        "之前说要曝光是气话，东西收到了就好",
        # a hotline's digits inside a number; news of another shop's accident
        "订单号后五位是12315",
        "听说别家的热水壶会漏电，你们这个会吗",
        # hooked, a tight fit, a hazard denied, a price that "kills"
        "我对这个牌子的零食彻底中毒了",
        "这件衣服小得我喘不过气哈哈，换大一码",
        "不是质量问题也不是安全问题，就是颜色不好看",
        "看到这价格真要人命，昨天买今天就降",
        # a hospital stay as why the order is in a hurry
        "我爸住院了，护理垫比较急，能快点发吗",
        # only the customer affected; the customer's own share of a group buy
        "别人都收到了，就我的还没到",
        "就我一个人买了这个，帮我看下物流",
        "我们班群里统一订的本子，我家的少了两本",
        # media as a product; sales counts and hotline numbers are no money
        "媒体播放器连不上wifi",
        "月销5万的爆款质量就这样",
        "我不会打12345的，你们给我换个就行",
    ],
)
def test_near_misses_stay_normal(text):
    assert judge(text).severity == "normal", judge(text).matches


@pytest.mark.parametrize(
    "text, reason",
    [
        ("防过敏的面膜，结果我用了脸上过敏了，又红又肿", "injury"),
        ("说是防烫的杯子，我手还是被烫伤了", "injury"),
        ("电视剧里都演过，这种事就该找律师告你们", "legal"),
        ("朋友说可以去找消协，我觉得有道理，明天就去", "legal"),
        ("朋友说可以去找消协，本来觉得没必要，但你们再不处理我就去", "legal"),
        ("本来想找律师的，算了，直接去法院起诉", "legal"),
        ("我老公说可以去12315，我觉得也对，你们看着办", "legal"),
        ("小作文我已经写好了，明天就发", "media"),
        ("之前说要曝光是气话？我不是说气话，我真的会曝光", "media"),
        ("订单号是20231123，不处理我就打12315", "legal"),
        ("放心，我会打12315的", "legal"),
        ("新闻上说你们家的充电宝爆炸了，我的这个也在发烫", "injury"),
        ("不是安全问题是什么？孩子都烫伤了", "injury"),
        ("这难道不是安全问题吗", "injury"),
        ("裤子太紧勒得孩子喘不过气，脖子都勒红了", "injury"),
        ("吃了你们的零食中毒了，上吐下泻", "injury"),
        ("这个价格真要人命，而且用了两天就冒烟了", "injury"),
        ("老人住院了，就是吃了你们家的保健品", "injury"),
        ("群里的宝妈都说奶瓶开裂，就我的还没裂", "group"),
        ("不是只有我一个没收到，大家都没收到", "group"),
        ("群里团购的奶粉，好几个人都说是假货，我家的也是", "group"),
        ("要不去消协吧，我看你们也不会处理", "legal"),
        # a double negative is no disclaimer
        ("看来不找律师不行了", "legal"),
        # a hospital stay with a photo sent is no errand
        ("孩子住院了，先发几张照片给你们看看", "injury"),
        ("不让这事上个热搜你们是不会重视的", "media"),
        ("把你们送上热搜", "media"),
        ("我要联系媒体曝光你们", "media"),
        ("部電腦成萬蚊，用咗兩日就壞", "amount"),
    ],
)
def test_the_same_words_stay_urgent_when_the_harm_or_threat_is_real(text, reason):
    assert reason in judge(text).reasons


def test_a_renounced_threat_is_ruled_out_so_the_head_cannot_give_it_back():
    rules = judge("我同事建议我去12315，想想算了，给我换一个就好")
    assert "legal" in rules.ruled_out
    assert combine_severity(rules, [{"legal": 0.99}]).severity == "normal"


def test_only_the_customer_affected_rules_out_group_for_the_head():
    assert ruled_out_by_message("拼单的都收到了，就我的没到") == frozenset({"group"})
    rules = judge("我们班群里统一订的本子，我家的少了两本")
    assert "group" in rules.ruled_out
    assert combine_severity(rules, [{"group": 0.99}]).severity == "normal"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("拼单的其他人都收到了，就我的没到", True),
        ("宿舍就我一个人买了，别人都没买", True),
        ("公司团购的月饼，我那份少了一盒", True),
        ("群里的宝妈都说奶瓶开裂，就我的还没裂", False),
        ("不是只有我一个没收到", False),
        ("群里团购的，我家的也坏了", False),
        ("我家的少了一本", False),  # no group buy named
    ],
)
def test_only_me(text, expected):
    assert only_me(text) is expected


def test_hotlines_and_sales_counts_are_no_money_but_prices_are():
    assert stated_amounts("放心我不会打12315的") == []
    assert stated_amounts("月销10万+的东西") == []
    assert 12315.0 in stated_amounts("花了12315元")
    assert 10000.0 in stated_amounts("成万蚊嘅相机")
