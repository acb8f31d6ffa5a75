"""Severity precision on near misses: the rules' new exclusions and vetoes, and the learned
head held to a higher bar for a reason the rules dismissed in context (docs/severity.md).

The sentences are written for these tests (classes of the false alarms on
bench/data/severity_dev5.yml, none of its sentences).
"""

import pytest

from bot.triage.severity import (
    DISMISSED_THRESHOLD,
    LEARNED_THRESHOLD,
    assess_severity,
    combine_severity,
)
from bot.triage.severity_amounts import stated_amounts

THRESHOLD = 2000.0


def reasons(text):
    return assess_severity([text], None, THRESHOLD).reasons


@pytest.mark.parametrize(
    "text",
    [
        # a temper blowing up, slang praise, hooked, fainting at a price
        "我心情都炸了，第二次发错尺码",
        "这个音箱炸裂好听，就是充电线短了点",
        "我真的中毒了，这家的辣条买了又买，这回少了一袋",
        "一看运费要六十我差点晕倒",
        "账单拿到手我人都懵了，差点吐血晕过去",
        "笑得肚子疼，你们的说明书写的什么呀",
        "月底了钱包在流血，这单能不能先帮我取消",
        # remedies and press cards named as the product
        "烧伤膏少发了一支",
        "抗过敏喷雾的喷头是坏的",
        "记者证的挂绳断了",
        "采访本的封面印错了",
        "电视台播的那条广告说包邮，怎么要运费",
        # the platform's arbitration is not a tribunal
        "不给退的话我就申请京东仲裁",
        # an item nearly dropped, a near fall of one's own haste, an unrelated injury
        "拿快递的时候手一滑差点摔了，还好接住了",
        "赶着出门差点摔一跤，回来发现包裹送错了",
        "老人前两天摔了一跤，和你们这个东西没关系，就是想问下轮椅什么时候发货",
        # a hotline note's caller (bench/data/triage_dev1.yml: "来电人：王女士…" was injury)
        "来电人：王女士。反映快递显示已签收但本人并未收到",
        # a black cat that is goods or a pet, not the complaint site
        "买了个黑猫摆件 耳朵断了",
        "我家黑猫上个月走丢了 这个猫粮还能退吗",
    ],
)
def test_near_misses_are_normal(text):
    assert reasons(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # the same words where the harm or the threat is real
        ("医生给开了抗过敏药，脸还是肿的", ["injury"]),
        ("吃了两天止泻药才好", ["injury"]),
        ("凳子一坐就歪，我差点摔了", ["injury"]),
        ("我要申请仲裁", ["legal"]),
        ("中毒了", ["injury"]),
        ("来电人说热水壶外壳会电人", ["injury"]),
        # 黑猫投诉 by its short name (lead's trial of POST /api/triage)
        ("我要投诉到黑猫", ["media"]),
        ("再不退款我就上黑猫", ["media"]),
        # a story written about it
        ("我同学在晚报，他说可以写篇报道", ["media"]),
        # a price in ten thousands or thousands ending its clause
        ("床垫1.5万，睡了一周就塌了", ["amount"]),
        ("这台相机两万三 镜头有霉斑", ["amount"]),
    ],
)
def test_real_cases_still_count(text, expected):
    assert reasons(text) == expected


@pytest.mark.parametrize("text", ["积分少了三千，怎么回事", "粉丝1.2万，想问下能不能合作"])
def test_a_change_or_a_count_is_no_price(text):
    assert all(value < THRESHOLD for value in stated_amounts(text))


def test_a_vetoed_or_excluded_trigger_is_dismissed():
    assert "legal" in assess_severity(["我会去申请平台仲裁"], None, THRESHOLD).dismissed
    slip = assess_severity(["拆快递手一滑差点摔了，还好接住了"], None, THRESHOLD)
    assert "injury" in slip.dismissed
    # a weak group word without a problem is not a verdict against a group
    assert "group" not in assess_severity(["同事们都买了这款"], None, THRESHOLD).dismissed


def test_a_reason_that_fired_is_never_dismissed():
    result = assess_severity(["申请平台仲裁没用，我已经找了律师"], None, THRESHOLD)
    assert result.reasons == ["legal"]
    assert result.dismissed == ()


def test_the_head_needs_more_certainty_for_a_dismissed_reason():
    rules = assess_severity(["我会去申请平台仲裁"], None, THRESHOLD)
    unsure = (LEARNED_THRESHOLD + DISMISSED_THRESHOLD) / 2
    assert combine_severity(rules, [{"legal": unsure}]).severity == "normal"
    sure = combine_severity(rules, [{"legal": DISMISSED_THRESHOLD}])
    assert sure.reasons == ["legal"]
    # another reason keeps the usual bar
    assert combine_severity(rules, [{"group": unsure}]).reasons == ["group"]


def test_the_higher_bar_holds_only_in_the_message_that_dismissed_the_reason():
    texts = ["我会去申请平台仲裁", "你们再拖，我就让律丝发函给你们"]
    unsure = (LEARNED_THRESHOLD + DISMISSED_THRESHOLD) / 2
    # the head unsure of legal in the second message: the first one's dismissal does not bar it
    later = assess_severity(texts, None, THRESHOLD, [None, {"legal": unsure}])
    assert later.reasons == ["legal"]
    # the same probability in the message that dismissed it is not enough
    first = assess_severity(texts, None, THRESHOLD, [{"legal": unsure}, None])
    assert first.severity == "normal"
