"""A caption after a number, with no 是: what it names and what it leaves alone (ord34).

The functions read the normalised text (half-width, lower-case), as the pipeline gives it.
"""

import pytest

from bot.nlu.label_after import caption_context, caption_word, captions_number_before


@pytest.mark.parametrize(
    "text, word",
    [
        ("tk88231190045 退款单号\n289374651028", "退款单号"),
        ("sh20241125001 售后单号", "售后单号"),
        ("sf1402938475612 顺丰的\n202411235567", "顺丰"),
        ("289374651028 订单号 / sh20241125001", "订单号"),
        ("202411235567\t订单编号;", "订单编号"),
    ],
)
def test_a_word_ending_its_clause_captions_the_number(text, word):
    end = text.index(" ") if " " in text.split("\n")[0] else text.index("\t")
    assert caption_word(text, end) == word


@pytest.mark.parametrize(
    "text",
    [
        "sf1402938475612 订单号 202411235567",  # the label introduces the number after it
        "sf1402938475612 订单号:202411235567",  # a colon introduces too
        "202411235567 售后单已提交",  # a sentence, no caption
        "202411235567 快递没到",
    ],
)
def test_a_word_followed_by_more_is_no_caption(text):
    assert caption_word(text, text.index(" ")) == ""


def test_caption_context_is_the_words_kind():
    text = "tk88231190045 退款单号\n289374651028 订单号"
    assert caption_context(text, text.index(" ")) == "other"
    assert caption_context(text, len(text) - len(" 订单号")) == "order"


def test_a_caption_names_the_number_before_it_not_after():
    text = "tk88231190045 退款单号\n289374651028"
    assert captions_number_before(text, text.index("退款单号"), "退款单号")


@pytest.mark.parametrize(
    "text, word",
    [
        ("退款单号\n289374651028", "退款单号"),  # a label on its own line introduces
        ("订单号 202411235567\n快递单号\nsf1402938475612", "快递单号"),  # a line break between
        ("买了2 订单号\n202411235567", "订单号"),  # a count is no number it captions
        ("tk88231190045 退款单号 289374651028", "退款单号"),  # the label goes on to a number
    ],
)
def test_a_label_not_after_a_number_on_its_line_introduces(text, word):
    assert not captions_number_before(text, text.index(word), word)


@pytest.mark.parametrize(
    "text",
    [
        "电子发票 ab12345678 订单\n417293856021",  # the number had a word of its own before it
        "会员卡 m0098231 订单号\n417293856021",
    ],
)
def test_a_number_with_words_before_it_takes_no_caption(text):
    """Captions are a list's layout: each item opens with its number (ord35)."""
    end = text.index(" ", text.index(" ") + 1)
    assert caption_word(text, end) == ""
    assert not captions_number_before(text, end + 1, text[end + 1 : text.index("\n")])


@pytest.mark.parametrize(
    "text",
    ["额 sf1402938475612 顺丰的\n202411235567", "那个 tk88231190045 退款单号\n202411235567"],
)
def test_an_interjection_opening_the_list_keeps_the_caption(text):
    """An interjection (额, 那个) before the first item is no word of its number (ord35)."""
    end = text.index(" ", text.index(" ") + 1)
    assert caption_word(text, end) != ""
