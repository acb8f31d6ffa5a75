"""The REST channel: what a client gets for each kind of bad body, and the pull route."""

import asyncio
import json

import pytest
import requests
import sqlalchemy
from rasa.shared.core.events import BotUttered, UserUttered

from bot.channels.rest import MAX_MESSAGE_CHARS, BadChatRequest, CheckedRestInput, parse_chat_body
from tests.bot.channels.conftest import new_app, serve
from tests.bot.channels.rasa_agent import AgentBot, tracker_store_at


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


# The pull route, on a real Sanic server with Rasa's agent on a SQLite tracker store.


@pytest.fixture
async def rest_server(tmp_path):
    bot = AgentBot(tracker_store_at(f"sqlite:///{tmp_path / 'tickets.db'}"))
    app = bot.serve_on(new_app())
    app.blueprint(CheckedRestInput().blueprint(bot), url_prefix="/webhooks/rest")
    async with serve(app) as url:
        yield url, bot.agent.tracker_store


async def append(store, sender: str, *events) -> None:
    """Log events as the desk's `append_events` and Rasa's external intents do."""
    tracker = await store.get_or_create_tracker(sender)
    for event in events:
        tracker.update(event)
    await store.save(tracker)


def get(url: str, **params) -> requests.Response:
    return requests.get(f"{url}/webhooks/rest/messages", params=params, timeout=30)


async def say(url: str, sender: str, text: str) -> list:
    """A message through the webhook, off the event loop the server runs on."""
    answer = await asyncio.to_thread(
        requests.post,
        f"{url}/webhooks/rest/webhook",
        json={"sender": sender, "message": text},
        timeout=10,
    )
    return answer.json()


async def test_an_agents_reply_is_pulled_but_the_bots_answer_is_not_repeated(rest_server):
    url, store = rest_server
    answer = await say(url, "c-1", "杯子碎了")
    agent_line = BotUttered("您好，我是客服小李", metadata={"agent": "小李"})
    await append(store, "c-1", agent_line)

    pulled = await asyncio.to_thread(get, url, sender="c-1")

    assert [m["text"] for m in answer] == ["请说说遇到了什么问题。"]
    assert pulled.status_code == 200
    body = pulled.json()
    assert [(m["text"], m["agent"]) for m in body["messages"]] == [("您好，我是客服小李", "小李")]
    assert body["cursor"] == pytest.approx(agent_line.timestamp)
    again = await asyncio.to_thread(get, url, sender="c-1", after=body["cursor"])
    assert again.json() == {"messages": [], "cursor": body["cursor"]}


async def test_the_question_after_an_external_intent_is_pulled_with_its_buttons(rest_server):
    url, store = rest_server
    await say(url, "c-2", "你好")
    question = BotUttered("请为本次服务打分", data={"buttons": [{"title": "5分", "payload": "5"}]})
    await append(
        store, "c-2", UserUttered.create_external("ticket_resolved", input_channel="rest"), question
    )

    [message] = (await asyncio.to_thread(get, url, sender="c-2")).json()["messages"]

    assert message["text"] == "请为本次服务打分"
    assert message["buttons"] == [{"title": "5分", "payload": "5"}]
    assert "agent" not in message


async def test_a_held_pull_returns_as_soon_as_the_agent_answers(rest_server):
    url, store = rest_server
    await append(store, "c-3", UserUttered("在吗", input_channel="rest"))
    waiting = asyncio.create_task(asyncio.to_thread(get, url, sender="c-3", wait=10))
    await asyncio.sleep(1.5)
    assert not waiting.done()
    await append(store, "c-3", BotUttered("在的，请稍等", metadata={"agent": "小王"}))

    pulled = await asyncio.wait_for(waiting, timeout=5)

    assert [m["text"] for m in pulled.json()["messages"]] == ["在的，请稍等"]


async def test_a_quiet_held_pull_reads_the_conversation_once_then_only_its_stamp(tmp_path):
    """A waiting client cost a whole tracker read a second (about 10 ms of the server's
    loop for a hundred events); now one read, then a one-row query until something changes."""
    store = tracker_store_at(f"sqlite:///{tmp_path / 'tickets.db'}")
    bot = AgentBot(store)
    app = bot.serve_on(new_app())
    app.blueprint(CheckedRestInput().blueprint(bot), url_prefix="/webhooks/rest")
    reads: list = []
    sqlalchemy.event.listen(
        store.engine,
        "before_cursor_execute",
        lambda _c, _cur, statement, *_: reads.append(statement),
    )
    async with serve(app) as url:
        await append(bot.agent.tracker_store, "c-6", UserUttered("在吗", input_channel="rest"))
        reads.clear()
        waiting = asyncio.create_task(asyncio.to_thread(get, url, sender="c-6", wait=4))
        await asyncio.sleep(3)
        tracker_reads = [s for s in reads if "events.data" in s]
        stamps = [s for s in reads if "max(events.id)" in s]
        assert len(tracker_reads) == 1 and len(stamps) >= 2
        await append(bot.agent.tracker_store, "c-6", BotUttered("在的", metadata={"agent": "小王"}))
        pulled = await asyncio.wait_for(waiting, timeout=5)
    assert [m["text"] for m in pulled.json()["messages"]] == ["在的"]


async def test_an_unknown_conversation_has_no_messages_and_is_not_created(rest_server):
    url, store = rest_server
    pulled = await asyncio.to_thread(get, url, sender="nobody", after="0")
    assert pulled.json() == {"messages": [], "cursor": 0.0}
    assert await store.retrieve("nobody") is None


@pytest.mark.parametrize(
    "params, error",
    [
        ({}, "missing_sender"),
        ({"sender": " "}, "missing_sender"),
        ({"sender": "x" * 129}, "missing_sender"),
        ({"sender": "s", "after": "yesterday"}, "bad_after"),
        ({"sender": "s", "after": "-1"}, "bad_after"),
        ({"sender": "s", "after": "nan"}, "bad_after"),
        ({"sender": "s", "wait": "26"}, "bad_wait"),
        ({"sender": "s", "wait": "-3"}, "bad_wait"),
        ({"sender": "s", "wait": "1.5"}, "bad_wait"),
    ],
)
async def test_bad_pull_queries_get_a_400_with_a_code(rest_server, params, error):
    url, _ = rest_server
    refused = await asyncio.to_thread(get, url, **params)
    assert refused.status_code == 400
    assert refused.json()["error"] == error and refused.json()["message"]
