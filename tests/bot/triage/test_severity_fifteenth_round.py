"""Severity, fifteenth round (2026-12-02, task sev15): the classes of the false alarms on
bench/data/severity_dev15.yml, each with urgent counterparts that keep the same words.

Rules: a harm imagined in a condition and asked about ("要是…怎么办"); a fall at a price told
after it; the goods scratched, bruised or scorched, not a person; bites a repellent did not keep
off; somebody else's past complaint or the news told as a story; a workplace as one's job; a
camera bag named after journalists; cumulative spend and the price of something the customer
owns (not damaged) as no order amount; a room full of smoke as a hazard. Whole messages: nobody
used or ate it (injury ruled out), a household or two people (group ruled out), nobody cut or
the goods hurt (the head may not give the injury back).

The sentences are written for these tests (classes of dev15's errors, none of its sentences).
"""

import pytest

from bot.triage.severity import assess_severity, combine_severity
from bot.triage.severity_amounts import stated_amounts

THRESHOLD = 2000.0


def reasons(text: str) -> list:
    """The rules' reasons for one message, no order amount."""
    return assess_severity([text], None, THRESHOLD).reasons


def with_head(text: str, p: dict) -> list:
    """The combined reasons when the head gives `p` for the message."""
    return assess_severity([text], None, THRESHOLD, [p]).reasons


@pytest.mark.parametrize(
    "text",
    [
        "要是宝宝对这个奶粉过敏怎么办？配料表看不太懂",
        "万一这个电热毯半夜会不会着火啊，有没有自动断电",
        "如果小孩拿这把水果刀割到手谁负责？",
    ],
)
def test_a_harm_imagined_and_asked_about_is_no_injury(text):
    assert reasons(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "要是我没及时拔插头，整个厨房都着火了，插座已经烧黑了",
        "玩具边角全是毛刺，锋利得很，要是划到孩子怎么办",
        "如果你们不处理，我孩子烫伤的事我就去法院告你们",
    ],
)
def test_a_condition_with_the_hazard_seen_stays_urgent(text):
    assert "injury" in reasons(text)


def test_a_fall_at_a_price_told_after_it_is_a_figure():
    assert reasons("我差点从凳子上摔下来，看到运费居然要八十") == []
    assert "injury" in reasons("凳子腿断了，我奶奶从凳子上摔下来，腰疼得起不来")


@pytest.mark.parametrize(
    "text", ["车漆被石子刮伤了一片", "梨子运过来磕伤了好多", "绿植的叶子全烧焦了，是不是肥料放多了"]
)
def test_the_goods_hurt_are_no_injury_and_the_head_may_not_give_it_back(text):
    assert reasons(text) == []
    assert with_head(text, {"injury": 0.97}) == []


@pytest.mark.parametrize(
    "text",
    ["孩子磕伤了额头，是这个桌角太尖", "充电宝外壳烧焦了，还有一股味", "屏幕碎了把我手划伤了"],
)
def test_a_person_hurt_or_a_scorched_device_stays_an_injury(text):
    assert reasons(text) == ["injury"]


def test_bites_a_repellent_did_not_keep_off_are_no_injury():
    assert reasons("防蚊贴贴了也没用，一晚上被咬了十几个包") == []
    assert reasons("驱蚊液喷了以后被咬的地方红肿发烫，还起了疹子") == ["injury"]


@pytest.mark.parametrize(
    "text",
    [
        "我同事之前为了退款去过12315，搞了好久，我就想你们直接退",
        "新闻里说有人把这个牌子告上法院了，我这个批次没问题吧",
    ],
)
def test_somebody_elses_complaint_told_as_a_story_is_no_threat(text):
    assert reasons(text) == []


def test_somebody_elses_story_with_a_threat_of_ones_own_stays_legal():
    assert reasons("我朋友上次去12315投诉成功了，我也要去投诉你们") == ["legal"]


def test_a_workplace_said_as_a_job_is_no_threat():
    assert reasons("我是报社做排版的，这台打印机卡纸") == []
    assert reasons("我要去报社爆料你们") == ["media"]


def test_a_camera_bag_named_after_journalists_is_no_media():
    assert reasons("记者包的拉链头掉了") == []


@pytest.mark.parametrize(
    "text",
    [
        "在你们店累计消费三万多了，这次少了个赠品",
        "我的电脑八千多，你们这个三十块的支架根本放不稳",
        "我那部四千多的手机用你们的数据线充不进电",
    ],
)
def test_spend_over_time_and_what_the_customer_owns_are_no_order_amount(text):
    assert reasons(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "我的手机六千多，用你们的充电器充坏了",
        "我的订单三千多，到现在没发货",
        "我的冰箱4599买的，你们的师傅装坏了",
    ],
)
def test_an_owned_item_damaged_or_the_order_itself_stays_an_amount(text):
    assert "amount" in reasons(text)
    assert max(stated_amounts(text)) >= THRESHOLD


def test_a_room_full_of_smoke_is_a_hazard_but_a_smell_of_tobacco_is_not():
    assert reasons("加湿器开了一会儿，满屋子烟，赶紧断电了") == ["injury"]
    assert reasons("收到的外套上全是烟味，是二手的吧") == []


@pytest.mark.parametrize(
    "text",
    [
        "饺子馅是酸的，还好没给孩子吃",
        "小夜灯的灯罩松了，孩子还没用过",
        "罐头鼓起来了，猫没吃",
        "差点把过期的酸奶给老人喝了，幸好看了一眼日期",
    ],
)
def test_nobody_used_or_ate_it_rules_injury_out_for_the_head(text):
    assert reasons(text) == []
    assert with_head(text, {"injury": 0.99}) == []


@pytest.mark.parametrize(
    "text",
    [
        "孩子还没用就发现奶瓶里有玻璃碎片",
        "幸好没吃，月饼里有根铁丝",
        "还没用，充电器插上就冒烟了",
    ],
)
def test_nobody_used_it_but_a_hazard_told_lets_the_head_add_injury(text):
    assert "injury" in with_head(text, {"injury": 0.99})


@pytest.mark.parametrize(
    "text", ["我们俩各买了一件，都缩水了", "我和我老公一人一个，两个都没声音", "我们家的三台都坏了"]
)
def test_a_household_or_two_people_rules_group_out_for_the_head(text):
    assert with_head(text, {"group": 0.95}) == []


def test_a_group_beyond_the_household_is_left_to_the_head():
    assert with_head("我和我老婆还有好几个邻居都买了，全都坏了", {"group": 0.95}) == ["group"]


def test_nobody_cut_said_so_is_ruled_out_for_the_head():
    rules = assess_severity(["盘子碎了，差点划到手，还好没事"], None, THRESHOLD)
    assert rules.reasons == []
    assert "injury" in rules.ruled_out
    assert combine_severity(rules, [{"injury": 0.99}]).reasons == []


def test_fire_said_of_a_temper_is_ruled_out_for_the_head():
    assert with_head("真是火大，发票拖了半个月", {"injury": 0.95}) == []
    assert "injury" in with_head("火大！插线板冒烟了", {"injury": 0.95})
