"""Wordings of dialogues_dev17 the answers misread: a bare 换 chosen, a sum after a refused
exchange, a gift taken as money, goods sent back in Cantonese, a category denied with 不算."""

import pytest

from bot.intake import answers, money_back, remedy_answers


@pytest.mark.parametrize(
    "text, remedy",
    [
        # a bare 换 said as the choice, at the read-back (w002)
        ("哎 还是换吧 这鞋子我挺喜欢的", "exchange"),
        # a sum asked back after the exchange is refused: part of the price (w045)
        ("不用换了 退我50块就行", "compensation"),
        # the promised gift not wanted, its value asked instead (w030)
        ("耳机我不要了 折现给我199", "compensation"),
    ],
)
def test_a_change_of_mind_in_these_words(text, remedy):
    assert remedy_answers.remedy_changed(text) == remedy


@pytest.mark.parametrize(
    "text, remedy",
    [
        ("不换了 直接退", "return_refund"),  # still 退 set against the refused exchange
        ("不要换 就要退", "return_refund"),
        ("换吧", "exchange"),
        ("那就换吧", "exchange"),
        ("退我50块就行", "compensation"),
        # a bare 退 is the goods sent back (the remedy head was a coin flip, dev13 n048)
        ("退", "return_refund"),
        ("退吧 照片没拍", "return_refund"),
    ],
)
def test_remedies_named_beside_them(text, remedy):
    assert remedy_answers.remedy_mentioned(text) == remedy


def test_a_fact_about_an_exchange_is_no_wish():
    assert remedy_answers.remedy_mentioned("我还是换了个新的") is None


def test_goods_sent_back_to_the_shop_in_cantonese_give_them_up():
    text = "我唔要維修，即刻退錢俾我，個壺我寄返俾你哋"  # w025
    assert money_back.gives_goods_up_for_money(text)
    assert money_back.settle("refund", text, True, "product_quality") == "return_refund"


@pytest.mark.parametrize(
    "text",
    ["这不算质量问题吧 主播说敏感肌也能用 是主播虚假宣传", "这个不属于物流问题 是东西本身坏的"],
)
def test_a_category_denied_with_bu_suan_marks_a_correction(text):
    assert answers.says_correction(text)


def test_a_bare_tui_for_a_parcel_that_never_came_is_settled_to_money_back():
    assert money_back.settle("return_refund", "退", False, "logistics") == "refund"
