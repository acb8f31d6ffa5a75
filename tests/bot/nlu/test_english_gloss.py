"""bot.nlu.english_gloss: the Chinese words of a mixed message's English complaint words."""

import pytest

from bot.nlu.english_gloss import gloss
from bot.nlu.triage_classifier import _prepare


@pytest.mark.parametrize(
    "text, expected",
    [
        ("refund please 仲未ship", "退款 please 还未发货"),
        ("still not shipped, pls refund", "still 没发货, pls 退款"),
        ("CS keeps transferring me", "客服 keeps 推来推去 me"),
        ("the free gift 冇收到", "the 赠品 没收到"),
        ("return request 没人理", "退货申请 没人理"),
    ],
)
def test_the_listed_words_read_as_their_chinese_in_place(text, expected):
    assert gloss(_prepare(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "快递三天没动了",  # Chinese only
        "relationship hosting csv",  # listed words inside longer words
        "ok",
        "",
    ],
)
def test_text_without_a_listed_word_is_unchanged(text):
    assert gloss(text) == text
