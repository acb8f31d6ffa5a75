"""Nineteenth round, task sev19 (severity_dev20: urgent facts said quietly and in unusual words):
sums in shorthand or half in pinyin, platforms in pinyin, posts told platform first, Cantonese
posts and the consumer programme, many buyers in pinyin; against anger told as a stomach ache,
another shop's product, a lawyer's own court day, what a hotline is, a lawyer's letter not
bothered with, comparisons, a live stream's chat and the shop's other goods. Each class with an
urgent counterpart. None of these sentences is a dev case."""

import pytest

from bot.triage.severity import assess_severity, combine_severity
from bot.triage.severity_amount_spelling import spell_out
from bot.triage.severity_amounts import stated_amounts

THRESHOLD = 2000.0


def reasons(text):
    return assess_severity([text], None, THRESHOLD).reasons


@pytest.mark.parametrize(
    ("text", "spelled"),
    [
        ("万二蚊", "一万二蚊"),
        ("千八蚊", "一千八蚊"),
        ("三qian二", "三千二"),
        ("4 wan 5", "4万5"),
        ("万一着火", "万一着火"),
        ("千万别买", "千万别买"),
        ("两万三", "两万三"),
        ("qianbao", "qianbao"),
    ],
)
def test_shorthand_and_pinyin_units_are_spelled_out(text, spelled):
    assert spell_out(text) == spelled


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("部手机万三蚊，屏幕有条线", 13000.0),
        ("三qian二百块的床垫，塌了一块", 3200.0),
        ("千八蚊嘅风筒，吹两次就唔热", 1800.0),
    ],
)
def test_sums_in_shorthand_or_pinyin_are_read(text, amount):
    assert amount in stated_amounts(text)


def test_a_bare_ten_thousand_is_a_large_amount_and_a_bare_thousand_below_is_not():
    assert reasons("部手机万三蚊，屏幕有条线") == ["amount"]
    assert reasons("千八蚊嘅风筒，吹两次就唔热") == []


def test_the_shops_other_goods_price_is_no_order_amount():
    assert reasons("你们家别的款都要三万多，我拍的是89块的小夜灯，不亮") == []
    assert "amount" in reasons("其他的都要三万多，你们这台把我的地板泡坏了，修了五千")


@pytest.mark.parametrize(
    "text",
    [
        "wei bo 上我已经发了，你们自己去看",
        "抖音上我发了个视频，评论区都在骂你们",
        "开箱视频我放上油管了，标题写明了你们店名",
        "我已经贴咗上高登，好多人回复",
        "相片我寄咗俾东张西望",
    ],
)
def test_posts_told_quietly_are_media(text):
    assert "media" in reasons(text)


@pytest.mark.parametrize(
    "text",
    [
        "我把开箱视频发朋友圈了，朋友都说好看",
        "在抖音上看到你们家的，下单了",
        "东张西望的快递员把包裹放错门口了",
    ],
)
def test_shown_off_seen_or_an_idiom_is_no_media(text):
    assert "media" not in reasons(text)


def test_many_buyers_in_pinyin_are_a_group():
    assert "group" in reasons("tuan li san shi duo ge ren dou shou dao po de")
    assert reasons("wo he wo ma dou mai le, dou huai le") == []


@pytest.mark.parametrize(
    "text",
    [
        "急得我肚子疼，快递三天没动了",
        "气到我胃痛，客服一直不回",
    ],
)
def test_a_stomach_ache_of_anger_is_no_injury(text):
    assert reasons(text) == []


def test_a_stomach_ache_after_eating_stays_injury():
    assert reasons("吃了你们的卤鸭，气得我胃疼了一晚") == ["injury"]


def test_a_harm_from_another_shops_product_is_no_injury():
    assert reasons("之前起疹子是因为用了别的牌子，想问下你们这款含不含酒精") == []
    assert reasons("用了别家的没事，用了你们的就起疹子了") == ["injury"]


def test_a_lawyers_own_court_day_is_no_legal_step():
    assert reasons("我自己是律师，明天要开庭，快递放门卫就行") == []
    assert "legal" in reasons("我是律师，下周开庭告你们")


@pytest.mark.parametrize("text", ["12315是干嘛的？", "消委会系乜嘢嚟？"])
def test_what_a_hotline_is_asked_is_no_legal_step(text):
    assert reasons(text) == []


def test_a_hotline_with_a_threat_stays_legal():
    assert "legal" in reasons("12315是干嘛的？不退款我就打")


@pytest.mark.parametrize(
    "text",
    [
        "起诉这种事我才懒得搞，换个货就行",
        "xiao xie wo jiu bu qu le, tui kuan jiu xing",
    ],
)
def test_a_step_not_bothered_with_is_ruled_out(text):
    result = assess_severity([text], None, THRESHOLD)
    assert result.reasons == []
    assert "legal" in result.ruled_out
    assert combine_severity(result, [{"legal": 0.99}]).severity == "normal"


def test_a_step_not_bothered_with_then_threatened_stays_legal():
    assert "legal" in reasons("律师函那种东西我才懒得弄，不过不退款我就去起诉")


def test_a_legal_word_in_a_comparison_is_no_step():
    assert reasons("你们的通知写得跟律师函似的，吓我一跳") == []
    assert "legal" in reasons("你们的通知写得跟律师函似的，不退款我真去找律师")


def test_a_live_streams_chat_is_no_group():
    assert reasons("直播间好多人在刷弹幕，我也下了一单，一直没发货") == []
    assert "group" in reasons("直播间好多人都没收到货")
