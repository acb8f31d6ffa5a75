"""Answers in Cantonese and Taiwanese words mean what their Mandarin equivalents mean."""

import pytest

from bot.intake import answers, remedy_answers


@pytest.mark.parametrize(
    "text, remedy",
    [
        ("快啲整好寄返俾我", "repair"),
        ("直接退費就好", "refund"),
        ("退返啲錢俾我", "refund"),
        ("換過件俾我", "exchange"),
        ("換返對新嘅俾我", "exchange"),
        ("賠返啲錢俾我", "compensation"),
        ("賠醫藥費俾我", "compensation"),
        ("補寄返俾我", "reship"),
        ("俾個解釋我", "apology"),
        # money given back is a refund; money made good is compensation
        ("唔使等 俾返錢我", "refund"),
        ("補返啲錢俾我", "compensation"),
    ],
)
def test_remedies_named_in_cantonese_and_taiwanese(text, remedy):
    assert remedy_answers.remedy_mentioned(text) == remedy


def test_form_answers_in_cantonese():
    assert answers.has_no_order_number("冇訂單號")
    assert answers.affirms("係呀冇錯")
    assert answers.declines_contact("唔使")
    assert answers.has_no_evidence("冇影")
    assert answers.evidence_coming("遲啲send相俾你")
    # 陣間 (in a while) and "有相" (I have photos): files to come (hand test)
    assert answers.evidence_coming("有相 陣間send俾你")
    assert answers.evidence_coming("有相")
    assert not answers.evidence_coming("冇相")


def test_mandarin_words_near_the_new_names_are_no_remedy():
    assert remedy_answers.remedy_mentioned("话费不对") is None
    assert remedy_answers.remedy_mentioned("换回来了") is None


@pytest.mark.parametrize(
    "text",
    ["啲嘢我早就掉咗啦 冇相", "盒都冇留 冇相", "东西早扔了 没有照片", "箱子丟了，沒有照片"],
)
def test_no_photos_after_a_story_of_why_answers_the_evidence_question(text):
    # the clause that only says "no photos" answers it, whatever the rest says
    assert answers.has_no_evidence(text)


def test_a_photo_mentioned_in_a_description_is_no_answer():
    assert not answers.has_no_evidence("相机镜头有划痕")
    assert not answers.has_no_evidence("照片上的颜色和收到的不一样")


@pytest.mark.parametrize(
    "text", ["我嘅投訴去到邊", "投訴處理成點呀", "我張單搞成點", "有冇人跟進我嘅投訴"]
)
def test_a_status_question_in_cantonese_asks_about_status(text):
    """Hand test (ux4): at the read-back "我嘅投訴去到邊" was answered "哪一項要改？"."""
    assert answers.asks_about_status(text)


@pytest.mark.parametrize("text", ["冇嘢要改 確認", "冇嘢要改", "沒東西要改，提交吧"])
def test_nothing_to_change_in_cantonese_accepts_the_read_back(text):
    """Hand test (ux4): "冇嘢要改 確認" was asked again what to change."""
    assert answers.accepts_read_back(text)
