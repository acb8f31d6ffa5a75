"""bot.intake.answers: English words inside a Chinese answer (dialogues_dev13 n037-n040), read
through bot.nlu.english_glossary."""

import pytest

from bot.intake import answers, remedy_answers


@pytest.mark.parametrize(
    "text, remedy",
    [
        ("我要refund", "refund"),
        ("幫我resend過個", "reship"),
        ("想exchange過件新嘅", "exchange"),
        ("可唔可以repair", "repair"),
        # the order called off: money back, nothing sent back
        ("啲nuts仲未ship 已經paid咗成個week 202411230066 cancel咗佢啦", "refund"),
    ],
)
def test_a_remedy_named_in_english_is_read(text, remedy):
    assert remedy_answers.remedy_mentioned(text) == remedy


def test_no_order_number_said_in_english_answers_the_order_question():
    # asked four times and the customer gave up (dialogues_dev13 n039)
    assert answers.has_no_order_number("冇order number")
    assert answers.says_no_order_number("order number冇喇")
