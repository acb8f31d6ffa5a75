"""Severity, thirteenth round (2026-12-02, task sev13): the head's ordinary messages weigh a
fixed share of the labelled cases (`bot.triage.severity_ordinary`), so a flood of ordinary
damage complaints in the NLU data cannot teach it that injury-adjacent wording is normal; and
the rule class of the one urgent case of bench/data/severity_dev13.yml that the rules and the
head both missed: a pet sick over and over after eating the product, in Simplified and
Cantonese.

The sentences are written for these tests (classes of dev13's errors, none of its sentences).
"""

import pytest

from bot.triage.severity import assess_severity
from bot.triage.severity_model import SeverityHead
from bot.triage.severity_ordinary import (
    ORDINARY_BUDGET,
    ordinary_texts,
    ordinary_weight,
    training_set,
)

THRESHOLD = 2000.0

CASES = [
    ("碗碎了把手指割破了，血止不住", ["injury"]),
    ("玻璃杯裂了，拿的时候手掌划了个口子", ["injury"]),
    ("盘子崩了一块，洗碗时割到手流血", ["injury"]),
    ("镜子边缘太锋利，搬的时候手被割了", ["injury"]),
    ("热水壶漏水，把我手背烫起泡", ["injury"]),
    ("面霜用完脸又红又肿", ["injury"]),
    ("我要去12315投诉你们", ["legal"]),
    ("找律师起诉你们", ["legal"]),
    ("发到微博曝光你们", ["media"]),
    ("找记者来曝光", ["media"]),
    ("我们小区好多人都买到假货", ["group"]),
    ("群里几十个人都没收到货", ["group"]),
    ("快递三天没更新", []),
    ("颜色发错了想换货", []),
    ("优惠券用不了", []),
    ("退款什么时候到", []),
]
ITEMS = (
    "杯子 碗 盘子 花瓶 镜子 茶壶 鱼缸 相框 酒杯 灯罩 台灯 果盘 汤碗 茶杯 玻璃罐 瓷勺 奶锅 "
    "保温壶 水壶 调料瓶 香薰瓶 碟子 烟灰缸 笔筒 存钱罐 摆件 花盆 茶几 屏幕 手机壳"
).split()
# Ordinary damage complaints, as the NLU data holds them: nobody hurt, the rules find nothing.
FLOOD = [f"{item}{verb}" for item in ITEMS for verb in ("收到就碎了", "寄来裂了", "到货摔坏了")]
INJURY = "茶壶收到就碎了，手被划破了"


def test_the_pool_weighs_a_fixed_share_of_the_cases_whatever_its_size():
    assert ordinary_weight(1681, 6085) == pytest.approx(ORDINARY_BUDGET * 1681 / 6085)
    assert ordinary_weight(100, 1000, budget=0.5) == pytest.approx(0.05)
    assert ordinary_weight(100, 2000, budget=0.5) == pytest.approx(0.025)  # twice the pool
    assert ordinary_weight(100, 10, budget=0.5) == 1.0  # a small pool counts like the cases
    assert ordinary_weight(100, 0) == 1.0


def test_the_training_set_lists_the_cases_then_the_pool_with_their_weights():
    texts, reasons, weights = training_set(CASES, FLOOD, budget=0.25)
    assert texts == [t for t, _ in CASES] + FLOOD
    assert reasons[: len(CASES)] == [r for _, r in CASES]
    assert reasons[len(CASES) :] == [[] for _ in FLOOD]
    assert weights[: len(CASES)] == [1.0] * len(CASES)
    assert sum(weights[len(CASES) :]) == pytest.approx(0.25 * len(CASES))


def test_the_flood_is_ordinary_by_the_rules():
    assert ordinary_texts(FLOOD) == FLOOD


def test_a_flood_of_ordinary_damage_complaints_no_longer_outvotes_the_injury_cases():
    """At weight 1 each the 90 damage complaints drown six injury cases; weighted, they don't."""
    flooded = SeverityHead.fit(*training_set(CASES, FLOOD, budget=1e9)[:2])
    texts, reasons, weights = training_set(CASES, FLOOD)
    weighted = SeverityHead.fit(texts, reasons, weights=weights)
    p_flooded = flooded.predict([INJURY])[0]["injury"]
    p_weighted = weighted.predict([INJURY])[0]["injury"]
    assert p_flooded < 0.5 < p_weighted
    # the weighted pool still teaches that damage alone is ordinary
    assert weighted.predict(["茶壶收到就碎了"])[0]["injury"] < 0.5


def judge(*texts):
    return assess_severity(list(texts), None, THRESHOLD)


@pytest.mark.parametrize(
    "text",
    [
        "小狗吃了你们的磨牙棒以后反复呕，精神也差",
        "猫吃了这个罐头以后不停地吐",
        "隻狗仔食咗啲肉乾之後一路嘔",
        "我哋隻貓食完呢款貓糧成日嘔",
    ],
)
def test_a_pet_sick_over_and_over_after_eating_it_is_injury(text):
    result = judge(text)
    assert result.reasons == ["injury"], result.matches


@pytest.mark.parametrize(
    "text",
    [
        "我家猫老是吐毛球，这款化毛膏管用吗",
        "狗狗热了就一直吐舌头，这个垫子不凉快",
        "买猫粮的时候跟客服一直吐槽发货慢",
        "狗不爱吃这个狗粮，闻一闻就走了",
    ],
)
def test_a_hairball_a_tongue_or_a_grumble_is_no_injury(text):
    assert judge(text).severity == "normal", judge(text).matches
