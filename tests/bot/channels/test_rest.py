"""The REST channel's request checks: what a client gets for each kind of bad body."""

import json

import pytest

from bot.channels.rest import MAX_MESSAGE_CHARS, BadChatRequest, parse_chat_body


def body(**fields: object) -> bytes:
    return json.dumps(fields, ensure_ascii=False).encode()


def test_a_valid_message_keeps_its_text_sender_and_metadata():
    parsed = parse_chat_body(body(sender=" shop-42 ", message=" 在吗 ", metadata={"a": 1}))
    assert parsed == ("shop-42", "在吗", {"a": 1})


def test_a_numeric_sender_is_a_conversation_id():
    assert parse_chat_body(body(sender=10086, message="在吗"))[0] == "10086"


def test_control_characters_are_dropped_but_emoji_and_newlines_kept():
    assert parse_chat_body(body(sender="s", message="\x00杯子\x7f碎了\n😡"))[1] == "杯子碎了\n😡"


@pytest.mark.parametrize(
    "raw, error, status",
    [
        (b"", "malformed_json", 400),
        (b"{not json", "malformed_json", 400),
        (b"\x00\xff\xfe binary", "malformed_json", 400),
        (b"[1, 2]", "malformed_json", 400),
        (body(message="hi"), "missing_sender", 400),
        (body(sender="", message="hi"), "missing_sender", 400),
        (body(sender=True, message="hi"), "missing_sender", 400),
        (body(sender="x" * 129, message="hi"), "bad_sender", 400),
        (body(sender="a\x00b", message="hi"), "bad_sender", 400),
        (body(sender="s"), "missing_message", 400),
        (body(sender="s", message=42), "missing_message", 400),
        (body(sender="s", message=" \x00 "), "empty_message", 400),
        (body(sender="s", message="长" * (MAX_MESSAGE_CHARS + 1)), "message_too_long", 413),
        (body(sender="s", message="hi", metadata=[1]), "bad_metadata", 400),
    ],
)
def test_bad_bodies_are_refused_with_a_code_and_a_message(raw, error, status):
    with pytest.raises(BadChatRequest) as refused:
        parse_chat_body(raw)
    assert (refused.value.error, refused.value.status) == (error, status)
    assert refused.value.message
