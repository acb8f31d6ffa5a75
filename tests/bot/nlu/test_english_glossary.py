"""bot.nlu.english_glossary: the Chinese words of a mixed message's English and net words."""

import pytest

from bot.nlu.english_glossary import read_english, read_english_spans
from bot.nlu.normalize import normalize
from bot.nlu.triage_classifier import _prepare


@pytest.mark.parametrize(
    "text, expected",
    [
        ("refund please 仲未ship", "退款 please 还未发货"),
        ("still not shipped, pls refund", "still 没发货, pls 退款"),
        ("CS keeps transferring me", "客服 keeps 推来推去 me"),
        ("the free gift 冇收到", "the 赠品 没收到"),
        ("return request 没人理", "退货申请 没人理"),
        # round seven (category_dev7's classes, not its sentences)
        ("I want return and refund", "我要 退货退款"),
        ("件衫个size唔fit", "件衫个尺码唔合身"),
        ("listing话waterproof", "页面话防水"),
        ("主播live嗰阵讲", "主播直播那阵讲"),
        ("live chat等咗好耐", "在线客服等了好耐"),
        ("tk进度呢", "退款进度呢"),
        ("pls reship", "pls 补发"),
        ("give back my coins", "还给我 积分"),
        # round eight (intent_dev12): the informal "wanna" is the same wish
        ("i wanna exchange", "我要 换货"),
    ],
)
def test_the_listed_words_read_as_their_chinese_in_place(text, expected):
    assert read_english(_prepare(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "快递三天没动了",  # Chinese only
        "relationship hosting csv",  # listed words inside longer words
        "the fixture is returned",
        "prefix",
        "i live in penang",  # "live" alone is the live stream only next to Chinese
        "tk2024113001",  # an order number, not 退款
        '/inform{"desired_remedy":"return_refund"}',  # a quick reply's payload keeps its codes
        "ok",
        "",
    ],
)
def test_text_without_a_listed_word_is_unchanged(text):
    assert read_english(normalize(text)) == normalize(text)


def test_each_glossed_character_spans_the_word_it_stands_for():
    text = "仲未SHIP, pls refund"
    glossed, spans = read_english_spans(text)
    assert glossed == "仲未发货, pls 退款"
    assert spans is not None and len(spans) == len(glossed)
    assert [text[slice(*spans[i])] for i in (0, 2, 3, 10)] == ["仲", "SHIP", "SHIP", "refund"]


@pytest.mark.parametrize("text", ["订单还没到", "tk2024113001", ""])
def test_a_text_without_a_listed_word_has_no_spans(text):
    assert read_english_spans(text) == (text, None)
