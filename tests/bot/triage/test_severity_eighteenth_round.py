"""Eighteenth round (severity_dev18: sounds serious but is not, against urgent facts said
quietly): 维权 / 追究到底 with no legal step named, others' incidents followed by an enquiry,
Cantonese hearsay, settled past matters, an item the shop sent named apart from the priced
thing, harms only imagined in a question, landmarks, "only mine"; scrapes to the face and
threads on 連登 as urgent. Each with urgent counterparts. None of these sentences is a dev case."""

import pytest

from bot.nlu.normalize import normalize
from bot.triage.severity import assess_severity, combine_severity
from bot.triage.severity_ruled_out import ruled_out_by_message

THRESHOLD = 2000.0


def reasons(text):
    return assess_severity([text], None, THRESHOLD).reasons


@pytest.mark.parametrize(
    "text",
    [
        "这双鞋穿两天就开胶，我肯定要维权到底",
        "我會維權㗎，你哋唔好以為我好蝦",
        "客服态度这么差，我要追究到底",
    ],
)
def test_rights_pressed_with_no_step_named_are_no_legal_reason(text):
    assert reasons(text) == []
    assert "legal" in ruled_out_by_message(normalize(text))
    head = combine_severity(assess_severity([text], None, THRESHOLD), [{"legal": 0.99}])
    assert head.severity == "normal"


@pytest.mark.parametrize(
    "text",
    [
        "我要维权到底，已经打了12315",
        "维权到底，我明天就去找律师",
        "我会依法维权",
        "我保留追究你们法律责任的权利",
    ],
)
def test_rights_pressed_with_a_step_named_stay_legal(text):
    assert "legal" in reasons(text)


@pytest.mark.parametrize(
    "text",
    [
        "网上有人说这款电暖器起火了，你们卖的是同一个型号吗？",
        "我朋友讲佢喺第二度买嘅风筒烧咗，想问下你哋呢款有冇过热保护",
        "聽講有人喺報紙度爆料過呢間公司，係咪真㗎",
    ],
)
def test_others_incidents_followed_by_an_enquiry_are_normal(text):
    assert reasons(text) == []


def test_an_others_incident_with_the_customers_own_harm_stays_urgent():
    assert "injury" in reasons("朋友说她用了过敏，我也用了，现在脸上起了好多红疹，想问下怎么办")


@pytest.mark.parametrize(
    "text",
    [
        "去年那次漏电的事你们已经换了新的，现在这台用着挺好，想再买一台",
        "之前投诉到消协那单我已经撤了，这次是想问问发货时间",
    ],
)
def test_a_past_matter_replaced_or_withdrawn_is_settled(text):
    assert reasons(text) == []


def test_a_past_matter_that_came_back_stays_urgent():
    assert "injury" in reasons("上次漏电你们已经换了新的，结果这台又漏电，把我手电麻了")


def test_an_item_the_shop_sent_is_told_apart_from_the_priced_thing():
    assert reasons("我部雪櫃一萬幾蚊買嘅，你哋寄嚟嘅除味盒冇味") == []
    assert "amount" in reasons("手机是七千多买的，你们发来的居然是翻新机")


def test_a_harm_only_imagined_in_a_question_is_ruled_out_for_the_head():
    text = "这款暖风机放在卧室，假如半夜过热了怎么办"
    assert "injury" in ruled_out_by_message(text)
    assert "injury" not in ruled_out_by_message("电热水壶干烧冒烟了，万一着火怎么办")


def test_an_authoritys_building_as_an_address_is_ruled_out_for_the_head():
    text = "包裹放到了市场监督管理局对面的快递柜，我没看到通知"
    combined = combine_severity(assess_severity([text], None, THRESHOLD), [{"legal": 0.95}])
    assert combined.severity == "normal"


def test_only_mine_with_the_fault_a_few_words_on_is_no_group():
    assert "group" in ruled_out_by_message(
        "我们好几个同事一起买的，别人的都正常，就我这台开机就黑屏"
    )


@pytest.mark.parametrize(
    "text",
    [
        "玩具车有个尖角，我个仔玩嗰阵刮損咗塊面",
        "开箱的时候纸箱边把我划伤了手指",
    ],
)
def test_a_scrape_and_the_part_it_landed_on_is_injury(text):
    assert "injury" in reasons(text)


def test_a_scrape_of_the_goods_is_no_injury():
    assert reasons("手机屏幕被刮花了一道") == []


def test_a_thread_opened_on_a_forum_is_media():
    assert "media" in reasons("我已經喺連登開咗帖講你哋間舖")
    assert "media" in reasons("我喺高登出咗帖")


def test_a_purchase_only_supposed_and_asked_about_is_no_order_amount():
    assert reasons("要是买三千多的套餐能不能送货上门") == []
    assert "amount" in reasons("我买了三千多的套餐，能不能退")
