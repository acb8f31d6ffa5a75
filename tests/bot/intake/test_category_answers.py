"""Typed answers to the category question."""

import pytest

from bot.intake.category_answers import CATEGORY_NAMES, category_in_context, category_named
from bot.taxonomy import CATEGORIES


@pytest.mark.parametrize(
    "text, code",
    [
        ("质量问题", "product_quality"),
        ("質量問題", "product_quality"),
        ("商品质量问题", "product_quality"),
        ("是物流的问题吧", "logistics"),
        ("快递问题！", "logistics"),
        ("错发漏发", "wrong_or_missing_item"),
        ("漏发了", "wrong_or_missing_item"),
        ("退款方面的", "refund_payment"),
        ("客服態度", "service_attitude"),
        ("主播", "livestream_misleading"),
        ("其他", "other"),
        # not a category's name: left to the classifier or asked again
        ("东西有问题", None),
        ("不是质量问题", None),
        ("202411235567", None),
        ("", None),
        ("质量" * 20, None),
    ],
)
def test_a_typed_category_name_answers_the_question(text, code):
    assert category_named(text) == code


def test_every_category_has_names_and_every_label_is_one():
    assert set(CATEGORY_NAMES) == set(CATEGORIES)
    for code, label in CATEGORIES.items():
        assert category_named(label) == code, label


def test_the_triages_first_category_counts_from_the_lower_bar():
    triage = {"category": {"ranking": [{"code": "logistics", "confidence": 0.4}]}}
    text = "十天了还没送到"
    assert category_in_context(text, triage) == "logistics"
    unsure = {"category": {"ranking": [{"code": "logistics", "confidence": 0.2}]}}
    assert category_in_context(text, unsure) is None
    assert category_in_context(text, None) is None
    assert category_in_context(text, {"category": {"ranking": []}}) is None
    # an order number or a word or two tells no kind of problem
    assert category_in_context("202411235567", triage) is None
    assert category_in_context("嗯嗯", triage) is None
    assert category_in_context("随便吧", triage) is None  # a shrug, not a description
