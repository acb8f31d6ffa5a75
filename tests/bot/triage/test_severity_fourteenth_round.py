"""Severity, fourteenth round (2026-12-02, task sev14): the classes of the errors on
bench/data/severity_dev14.yml.

Rules: an allergy told before a question about the product's make-up is the customer's
constitution, not a reaction; broken glass or a sharp edge with nobody cut, said so, is no
injury; a hazard feared a few words on ("我怕…会着火") did not happen; skin scalded pale or red,
and the waist as a part of the body. Head: a message of several sentences is judged sentence by
sentence too, so the one clause of a long story that tells the harm is not diluted away.

The sentences are written for these tests (classes of dev14's errors, none of its sentences).
"""

import pytest

from bot.triage.severity import assess_severity
from bot.triage.severity_model import SeverityHead

THRESHOLD = 2000.0


def reasons(text: str) -> list:
    """The rules' reasons for one message, no order amount."""
    return assess_severity([text], None, THRESHOLD).reasons


@pytest.mark.parametrize(
    "text",
    [
        "我儿子对芒果过敏，请问这款果冻里有芒果吗",
        "我对小麦过敏，想咨询下这个面包是不是全麦的",
        "我老婆对酒精过敏，这瓶爽肤水含不含酒精？",
    ],
)
def test_an_allergy_told_before_a_question_is_a_constitution(text):
    assert reasons(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "我对芒果过敏，吃了你们的果冻嘴巴肿了，能退吗",
        "我对酒精过敏，用了这瓶爽肤水脸上起了一片疹子，请问怎么处理",
    ],
)
def test_an_allergy_with_the_product_eaten_or_used_stays_an_injury(text):
    assert reasons(text) == ["injury"]


@pytest.mark.parametrize(
    "text",
    [
        "快递到了碗碎成几片，差点被割到，好在没事",
        "鱼缸运输中裂了，差一点划到手，人没事，要求补发",
        "碎玻璃撒了一地，我收拾的时候没受伤，但是很麻烦",
        "箱子里全是玻璃碴，幸好我戴了手套，没划到",
    ],
)
def test_broken_glass_with_nobody_cut_said_so_is_no_injury(text):
    assert reasons(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "碗碎了，我去捡碎片被割到了，一直流血",
        "玻璃碴扎进脚底了，挑了半天",
        "杯子碎了，碎片差点划到眼睛，脸上还是划了一道口子",
        "玻璃杯炸了，碎片飞得到处都是，还好没伤到人",
        "差点被烫到，还好没事",
    ],
)
def test_a_cut_a_wound_or_a_hazard_event_keeps_the_injury(text):
    assert "injury" in reasons(text)


def test_a_hazard_feared_a_few_words_on_did_not_happen():
    assert reasons("我怕放在床边半夜会着火，能加个防倾倒开关吗") == []
    assert reasons("我担心充电一整晚会不会爆炸，想先问问") == []
    assert reasons("我怕它会着火，昨天插上就冒烟了") == ["injury"]


def test_skin_scalded_pale_or_red_and_the_waist_are_injury():
    assert reasons("用了这个暖腰贴，后腰那块皮烫得通红") == ["injury"]
    assert reasons("热敷袋敷完，腰上烫得起泡了") == ["injury"]
    assert reasons("这个腰包拉链坏了，烫得发红的是锅底") == []
    assert reasons("锅底烫得发红，是不是质量问题") == []


CASES = [
    ("手被烫起泡了", ["injury"]),
    ("脸又红又肿", ["injury"]),
    ("孩子手指割破流血", ["injury"]),
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
    ("包装有点旧", []),
    ("物流太慢了客服也不回", []),
]
STORY = (
    "快递三天没更新，客服也不回。包装有点旧，颜色发错了想换货。手被烫起泡了。"
    "优惠券用不了，退款什么时候到，物流太慢了。"
)


def test_a_long_story_takes_the_highest_probability_of_its_sentences():
    head = SeverityHead.fit([t for t, _ in CASES], [r for _, r in CASES])
    story, harm = head.predict([STORY, "手被烫起泡了。"])
    assert story is not None and harm is not None
    assert story["injury"] == pytest.approx(harm["injury"])
    assert story["injury"] > 0.65
    single = head.predict(["手被烫起泡了"])[0]
    assert (
        single is not None and head.predict(["手被烫起泡了"])[0] == single
    )  # one sentence: as before
