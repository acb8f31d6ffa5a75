"""When to call, as the customer said it beside the number they gave, reaches the summary."""

import pytest

from bot.tickets.call_time import preferred_call_time


def said(*texts):
    return [{"role": "customer", "text": text} for text in texts]


@pytest.mark.parametrize(
    "text, note",
    [
        ("13812345678 晚上打", "晚上打"),
        ("138 1234 5678，下午三点以后方便", "下午三点以后方便"),
        ("138-1234-5678 工作日白天别打", "工作日白天别打"),
        ("打这个 13812345678 晚上吧", "晚上"),
        ("13812345678 周末打比较好", "周末打比较好"),
        ("13812345678 夜晚先打俾我", "夜晚先打俾我"),
        ("13812345678 after 6pm please call", "after 6pm please call"),
        # a number with nothing about time, or a story told beside it
        ("13812345678", None),
        ("13812345678 我昨天晚上收到货就坏了", None),
        ("可以 13812345678", None),
    ],
)
def test_the_words_on_when_to_call_are_kept(text, note):
    assert preferred_call_time(said(text), "13812345678") == note


def test_only_the_message_that_gave_the_contact_is_read():
    transcript = said("昨天晚上打你们客服没人接", "13812345678")
    assert preferred_call_time(transcript, "13812345678") is None
    bot_line = [{"role": "bot", "text": "13812345678 晚上打"}]
    assert preferred_call_time(bot_line, "13812345678") is None


def test_no_contact_no_time():
    assert preferred_call_time(said("13812345678 晚上打"), None) is None


def test_an_email_or_wechat_contact_keeps_its_time_too():
    assert preferred_call_time(said("abc@example.com 晚上联系"), "abc@example.com") == "晚上联系"
