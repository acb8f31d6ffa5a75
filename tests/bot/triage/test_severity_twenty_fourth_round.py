"""Twenty-fourth round (task sev24, severity_dev23: the group reason and its near misses).

Precision: others who only share an opinion of taste, looks, price or service; others guessed
or asked about; others laughing at the customer or chatting about the product; the customer's
own party taking turns at the hotline; a household counted, two people said so; a harm from a
product bought at another shop; a post given up. Recall: several people in a note (多位, 多名),
counts with 来 and friends as 兄弟 / 球友, friends who each ordered. Each narrowed rule with an
urgent counterpart; the ruled-out group keeps the learned head from giving it back. None of these
sentences is a dev case.
"""

import pytest

from bot.triage.severity import assess_severity, combine_severity

THRESHOLD = 2000.0


def reasons(text):
    return assess_severity([text], None, THRESHOLD).reasons


@pytest.mark.parametrize(
    ("normal", "urgent", "reason"),
    [
        # others sharing an opinion, not a fault of theirs
        (
            "几个朋友尝过都觉得太甜了，跟宣传的不太一样",
            "几个朋友吃过都拉肚子了，跟宣传的不太一样",
            "group",
        ),
        ("我问了几个同事，他们都觉得这价钱不值", "我问了几个同事，他们的都坏了", "group"),
        ("好几个同学说这件外套显胖", "好几个同学说这件外套一穿就起疹子", "group"),
        # guessed or asked about, not told
        ("应该不止我一个人觉得这个盖子难拧吧", "不止我一个人收到的盖子是裂的", "group"),
        ("是不是好多人都买到偏小的啊？", "不是好多人都买到坏的吗？", "group"),
        # reacting to the customer, chatting, taking turns at the hotline
        ("几个室友都笑我买了个丑杯子", "几个室友都买了这个杯子，全都漏水", "group"),
        ("宝妈群里好多人都在讨论这款推车", "宝妈群里好多人都说这款推车刹车坏了", "group"),
        ("我们几个人轮流打客服电话都没人接", "我们几个人买的都没收到", "group"),
        # several people in a note, counts with 来, friends who each ordered
        ("客户称其同事也买了一件", "客户称其单位多名同事购买后均出现头晕", "group"),
        ("买了十来个衣架", "十来个兄弟买的护腕全部断线", "group"),
        ("亲戚帮我买了一套", "亲戚朋友各买了一套，五套都少了零件", "group"),
        # a harm from another shop's product, a post given up
        (
            "我表哥之前在别家买的电热毯烧焦过，所以问问你们的安不安全",
            "我表哥买的你们家电热毯烧焦了",
            "injury",
        ),
        (
            "这种东西我要是发到网上肯定有人说我是托，算了不发了",
            "这种东西我已经发到网上了",
            "media",
        ),
    ],
)
def test_a_narrowed_rule_lets_the_normal_case_go_and_keeps_the_urgent_one(normal, urgent, reason):
    assert reasons(normal) == [], normal
    assert reason in reasons(urgent), urgent


@pytest.mark.parametrize(
    "text",
    [
        # opinions only, the rules find no group word: the head may not add one
        "给全组同事订的下午茶，同事们都说太咸",
        # a household counted, two people said so
        "家里三个人都用这台路由器，个个都说信号弱",
        "我朋友跟我同一天买的，我俩的水杯都有划痕",
        # an opinion vetoed as a ruling
        "几个朋友都觉得这个味道一般",
    ],
)
def test_the_head_may_not_give_back_a_group_ruled_out(text):
    base = assess_severity([text], None, THRESHOLD)
    assert "group" in base.ruled_out, text
    assert combine_severity(base, [{"group": 0.99}], 0.65).reasons == []
