"""Severity precision, second round: circumstances, constitutions, styles and recipients read
by the rules, and reasons the rules rule out, which the learned head may not give back
(docs/severity.md, "Ruled out").

The sentences are written for these tests (classes of the false alarms on
bench/data/severity_dev6.yml, none of its sentences).
"""

import pytest

from bot.triage.severity import assess_severity, combine_severity

THRESHOLD = 2000.0


def judge(*texts, learned=()):
    return assess_severity(list(texts), None, THRESHOLD, list(learned))


@pytest.mark.parametrize(
    "text",
    [
        # a hospital stay as why a parcel waits, where the customer works, whom it is for
        "我老婆在医院住院，家里没人，快递先放驿站",
        "住院这段时间没法收货，订单能晚几天发吗",
        "我在医院上夜班，白天才能收货",
        # an allergy the customer has anyway, or a figure of speech about the shop
        "我从小就对海鲜过敏，所以买之前问了成分",
        "过敏体质的人能用这款面霜吗",
        "对你们的自动回复真的过敏了，能找个真人吗",
        # a trigger word naming a product's style; an office as the buyer
        "爆炸头造型的假发卷度不对",
        "律师事务所采购的文件柜少了一个抽屉",
        # a fall on an errand; a courier's words; a report to the platform
        "取件的路上自己摔了一跤，包裹倒是没事，就是少发了东西",
        "快递员说被工商查了，所以晚到两天",
        "我已经向淘宝平台举报了这家店",
        # a renunciation with a modest wish; praise that made the customer buy
        "我不会去告你们的，只想要个说法",
        "朋友们都说这款好看我才下单的，结果尺码发错",
        "火灾险的保单怎么还没寄来",
    ],
)
def test_near_misses_are_normal(text):
    assert judge(text).reasons == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # the product caused the stay; an allergy to the product, with a reaction
        ("我吃了你们的零食过敏住院了，快递的另一箱也没收到", ["injury"]),
        ("我本身对酒精过敏，用了你们的喷雾脸都红了", ["injury"]),
        ("我对你们的面膜过敏，所以想退", ["injury"]),
        # a disclaimer that does not govern the threat, or a threat said as "won't let go"
        ("我不想多说了 直接找消协吧", ["legal"]),
        ("我不会放过你们12315见", ["legal"]),
        ("投诉到平台没用，我要去12315", ["legal"]),
        # others counted as many; the customer's own following; a price after the thing
        ("我跟几个室友都买了，全都少发了配件", ["group"]),
        ("我自己是有二十万粉丝的up主，不给说法我就发视频", ["media"]),
        ("冰箱4599，送来就不制冷", ["amount"]),
    ],
)
def test_real_cases_still_count(text, expected):
    assert judge(text).reasons == expected


@pytest.mark.parametrize(
    "text",
    [
        "我已经投诉到你们总部了",  # lodged with the shop
        "已经向京东官方反映了这个问题",  # with the platform
        "你们看着办，差评我写好了",  # the threat is a review
        "我不会去告你们的，只想要个说法",  # renounced
    ],
)
def test_legal_is_ruled_out_and_a_sure_head_cannot_add_it(text):
    result = judge(text, learned=[{"legal": 0.99}])
    assert result.severity == "normal"
    assert judge(text).ruled_out == ("legal",)


def test_a_renounced_post_is_ruled_out():
    assert judge("我不会发到网上的，好好处理就行", learned=[{"media": 0.99}]).severity == "normal"


def test_a_reason_found_elsewhere_is_not_ruled_out():
    result = judge("投诉到平台没用，我要去12315")
    assert result.reasons == ["legal"]
    assert result.ruled_out == ()


def test_ruling_out_holds_only_in_its_message():
    texts = ["我已经投诉到你们总部了", "再拖我就让律丝发函给你们"]
    later = judge(*texts, learned=[None, {"legal": 0.8}])
    assert later.reasons == ["legal"]
    first = judge(*texts, learned=[{"legal": 0.99}, None])
    assert first.severity == "normal"


def test_other_reasons_keep_the_usual_bar():
    rules = judge("我已经投诉到你们总部了")
    assert combine_severity(rules, [{"injury": 0.8}]).reasons == ["injury"]
