"""Seventeenth round (severity_dev17: sounds big, is not): sums that are another thing's price,
an earlier order or spend over a year; the order's known amount over stated prices; threats
given up bare or broken off; the shop's words with an adverb; packing pierced; fears on an item
not used; a complaint pressed to the end with no authority. Each with urgent counterparts.
None of these sentences is a dev case."""

import pytest

from bot.nlu.normalize import normalize
from bot.triage.severity import assess_severity, combine_severity
from bot.triage.severity_amounts import stated_amounts, tells_loss
from bot.triage.severity_ruled_out import ruled_out_by_message

THRESHOLD = 2000.0


def reasons(text, amount=None):
    return assess_severity([text], amount, THRESHOLD).reasons


@pytest.mark.parametrize(
    "text",
    [
        # the priced thing and the shop's product told apart
        "平板是四千多买的，你们这个平板膜贴上去全是气泡",
        "我家电视一万多，你们这个挂架的螺丝孔对不上",
        "我架单反两万几蚊买㗎，你哋個鏡頭蓋成日甩",
        # an accessory with its own smaller price
        "耳机套二十五块，耳机是三千多买的，套子一戴就裂开了",
        # an earlier order, this one told apart
        "之前在你们家买沙发花了八千，这次买的抱枕颜色不对",
        # spend over a year, purchases over time
        "我每年在你们这买茶叶，一年花了差不多两万，这次的茶叶受潮了",
        "陆陆续续买了三千多的东西，这次少了一个赠品",
        # this order's own price told, another sum beside it
        "我买的是35块的充电线，你们客服一直推荐我换4999的新款手机",
    ],
)
def test_another_things_price_is_no_order_amount(text):
    assert reasons(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "平板是四千多买的，你们发的平板屏幕有坏点",
        "我的平板四千多，用你们的充电器充坏了",
        "耳机套二十五块，耳机是三千多买的，你们的耳机套把耳机弄坏了",
        "之前买的沙发花了八千，现在坐塌了",
        "一年前花三千买的扫地机，现在开不了机",
        "我买的是35块的充电线，把我4999的手机烧坏了",
        "冰箱是六千多买的，你们这个冰箱门关不严",
    ],
)
def test_the_order_or_a_loss_stays_an_amount(text):
    assert "amount" in reasons(text)


def test_with_the_order_amount_known_a_stated_price_counts_only_as_a_loss():
    assert reasons("杯子裂了，我那套茶具是三千多买的", amount=39) == []
    assert reasons("你们的插头把我三千多的电脑烧坏了", amount=39) == ["injury", "amount"]
    assert reasons("花了3999买的", amount=None) == ["amount"]
    assert reasons("花了3999买的", amount=3999) == ["amount"]
    assert tells_loss("漏水把地板泡坏了，修了两千多")
    assert not tells_loss("杯子收到就碎了")


@pytest.mark.parametrize(
    "text",
    [
        "消协？我才不去，折腾死人，你们直接退款",
        "本来谂住揾律师，但系算啦，换过个俾我就得",
        "我要去报社爆料…算了，说了也白说，快点补发",
        "客服居然叫我去12315，这是什么服务",
    ],
)
def test_threats_given_up_or_the_shops_words_are_no_threat(text):
    assert reasons(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "消协我一定会去，你们等着",
        "本来谂住算啦，而家决定揾律师告你哋",
        "我要去报社爆料，说到做到",
        "我已经打了12315，你们看着办",
    ],
)
def test_threats_kept_stay_urgent(text):
    assert reasons(text) != []


def test_packing_pierced_with_nobody_cut_is_no_injury():
    assert reasons("花瓶碎了，玻璃扎破了纸箱，还好我戴着手套") == []
    assert reasons("花瓶碎了，玻璃扎破了我的手，流了不少血") == ["injury"]


def test_a_fear_on_an_item_not_used_rules_injury_out_for_the_head():
    assert "injury" in ruled_out_by_message("电热水袋还没用，担心用的时候会烫伤")
    assert "injury" in ruled_out_by_message(
        normalize("個風筒未用過，驚用嗰陣會燙親", mainland=False)
    )
    assert "injury" not in ruled_out_by_message("电热水袋还没用就漏了，烫到了我的腿")
    rules = assess_severity(["电热水袋还没用，担心用的时候会烫伤"], None, THRESHOLD)
    assert combine_severity(rules, [{"injury": 0.99}]).reasons == []


def test_a_complaint_to_the_end_with_no_authority_rules_legal_out():
    assert "legal" in ruled_out_by_message("我要投诉到底，你们这个售后太差了")
    assert "legal" not in ruled_out_by_message("我要投诉到底，明天就去消协")
    assert "legal" not in ruled_out_by_message("投诉到底，已经找好律师了")
    rules = assess_severity(["我要投诉到底，你们这个售后太差了"], None, THRESHOLD)
    assert combine_severity(rules, [{"legal": 0.95}]).reasons == []
    assert reasons("我要投诉到底，明天就去消协") == ["legal"]


def test_stated_amounts_of_the_examples():
    assert (
        max(stated_amounts("我每年在你们这买茶叶，一年花了差不多两万，这次的茶叶受潮了"), default=0)
        < THRESHOLD
    )
    assert max(stated_amounts("前前后后花了差不多两千五"), default=0) >= THRESHOLD
