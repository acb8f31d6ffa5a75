"""Severity, twelfth round (2026-12-01, task sev12): the classes closed after the fresh
bench/data/severity_dev12.yml (injury and hazards said indirectly beside damage words): anger
told as smoke or choking, a hot deal, food burnt in the oven, a hazard asked about, a handle or
a faucet that jams, a hazard denied (电池没鼓包, Cantonese 冇); and the urgent cases the rules
now name: power parts burnt or swollen, a broken tooth, a caught finger, Cantonese cuts, a
rash and diarrhoea, current felt on touching, the fire brigade called.

The sentences are written for these tests (classes of dev12's errors, none of its sentences).
"""

import pytest

from bot.triage.severity import assess_severity

THRESHOLD = 2000.0


def judge(*texts):
    return assess_severity(list(texts), None, THRESHOLD)


@pytest.mark.parametrize(
    "text",
    [
        "退款等了半个月，急得我脑袋都冒烟了",
        "这个物流慢得让人窒息，到底什么时候到",
        "这次的折扣烫手，结果付款的时候价格变了",
        "面包机温度不稳，吐司边上烤焦了一点",
        "给孕妇用会不会有危险？想问问再下单",
        "柜门把手卡住了，拉不开",
        "浴室的水龙头卡住了，拧不动",
        "手机电池没鼓包，就是掉电快",
        "收到个杯有裂痕，好彩冇割亲，想退货",
    ],
)
def test_figures_and_denials_stay_normal(text):
    result = judge(text)
    assert result.severity == "normal", result.matches


@pytest.mark.parametrize(
    "text",
    [
        "排插用了一周就烧了，墙面熏了一块",
        "行动电源放抽屉里自己膨胀了",
        "面包里有块硬东西，咬下去磕掉了一颗牙",
        "衣柜门合上的时候孩子的手指夹肿了",
        "拆箱时被碎瓷片𠝹亲手",
        "用咗个面霜之后块面出疹",
        "食完成晚肚痾",
        "冰箱门一摸就发麻",
        "取暖器着起来了，我们打119才扑灭",
        "门把手断了，孩子扶着摔倒了",
    ],
)
def test_named_injuries_and_hazards_are_urgent(text):
    result = judge(text)
    assert result.severity == "urgent"
    assert "injury" in result.reasons


def test_burnt_food_with_smoke_stays_urgent():
    assert judge("烤箱把鸡翅烤焦了，还冒黑烟").severity == "urgent"


def test_anger_beside_a_real_hazard_stays_urgent():
    assert judge("插座冒烟了，气得我头都冒烟").severity == "urgent"
