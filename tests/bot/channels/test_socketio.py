"""The widget's socket.io channel against a real Sanic server and python-socketio client."""

import contextlib
from types import SimpleNamespace

import pytest
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from socketio import AsyncServer

from bot.channels.socketio import WidgetSocketIOInput
from bot.evidence.signing import Signer
from tests.bot.channels.conftest import Client, new_app, serve


class EchoBot:
    """Stands in for Rasa's agent: answers every message through its output channel."""

    def __init__(self) -> None:
        self.messages = []

    async def __call__(self, message) -> None:
        self.messages.append(message)
        await message.output_channel.send_text_message(message.sender_id, f"echo: {message.text}")


@contextlib.asynccontextmanager
async def running(channel, bot, agent=None):
    app = new_app()
    if agent is not None:
        app.ctx.agent = agent
    app.blueprint(channel.blueprint(bot), url_prefix="/webhooks/widget")
    clients = []

    async def client() -> Client:
        new = await Client().connect(url)
        clients.append(new)
        return new

    async with serve(app) as url:
        try:
            yield client
        finally:
            for each in clients:
                await each.close()


@pytest.fixture
def channel(evidence_settings):
    return WidgetSocketIOInput(session_persistence=True, evidence_settings=evidence_settings)


def tracker_agent(*trackers):
    store = InMemoryTrackerStore(Domain.empty())
    for tracker in trackers:
        store.store[tracker.sender_id] = store.serialise_tracker(tracker)
    return SimpleNamespace(tracker_store=store)


async def test_reply_arrives_with_session_persistence(channel):
    bot = EchoBot()
    async with running(channel, bot) as connect:
        client = await connect()
        confirm = await client.session()
        session_id = confirm["session_id"]
        assert confirm["token"] == Signer(
            b"channel-test-secret-0123456789abcdef"
        ).conversation_token(session_id)
        assert confirm["resumed"] is False
        assert confirm["limits"] == {
            "max_image_bytes": 20_000,
            "max_video_bytes": 40_000,
            "max_files": 3,
        }

        ack = await client.sio.call(
            "user_uttered",
            {
                "message": "我的訂單還沒到",
                "session_id": session_id,
                "metadata": {"client_msg_id": "m1"},
            },
        )
        reply = await client.next("bot_uttered")

    assert ack == {"status": "ok", "client_msg_id": "m1"}
    assert reply["text"] == "echo: 我的訂單還沒到"
    assert reply["id"].startswith("b-")
    [message] = bot.messages
    assert message.sender_id == session_id
    assert message.input_channel == "widget"
    assert message.metadata == {"client_msg_id": "m1"}


@pytest.mark.filterwarnings("ignore:coroutine .* was never awaited:RuntimeWarning")
async def test_stock_channel_loses_replies_rasa_13027(evidence_settings):
    """Regression marker: Rasa 3.6's own channel never joins the session room.

    If this test starts failing, Rasa (or python-socketio) fixed rasa#13027 and the override
    of `blueprint` in `WidgetSocketIOInput` may be dropped.
    """
    bot = EchoBot()
    async with running(SocketIOInput(session_persistence=True), bot) as connect:
        client = await connect()
        await client.sio.emit("session_request", {"session_id": "s-1"})
        assert await client.next("session_confirm") == "s-1"
        await client.sio.emit("user_uttered", {"message": "hello", "session_id": "s-1"})
        lost = await client.nothing("bot_uttered", wait=1.0)

    assert [m.text for m in bot.messages] == ["hello"]  # the bot answered...
    assert lost  # ...but the answer went to an empty room


async def test_stock_output_cannot_send_custom_json():
    """The stock output passes json_message to emit() as keyword arguments."""
    with pytest.raises(TypeError):
        await SocketIOOutput(AsyncServer(), "bot_uttered").send_custom_json(
            "s-1", {"type": "ticket", "id": "C1"}
        )


async def test_output_channel_reaches_the_session_later(channel):
    async with running(channel, EchoBot()) as connect:
        client = await connect()
        session_id = (await client.session())["session_id"]
        output = channel.get_output_channel()
        await output.send_text_message(session_id, "您好，我是人工客服小王。", agent="小王")
        await output.send_response(
            session_id,
            {
                "text": "请核对：",
                "buttons": [{"title": "确认", "payload": "/affirm"}],
                "custom": {"type": "read_back", "fields": [{"label": "订单号", "value": "123456"}]},
                "timestamp": 1763890000.5,
            },
        )
        await output.send_custom_json(session_id, {"type": "ticket", "id": "C20261123-0001"})
        agent_text = await client.next("bot_uttered")
        text = await client.next("bot_uttered")
        card = await client.next("bot_uttered")
        ticket = await client.next("bot_uttered")

    assert agent_text["text"] == "您好，我是人工客服小王。" and agent_text["agent"] == "小王"
    assert text == {
        "id": "b-1763890000.5-text",
        "timestamp": 1763890000.5,
        "text": "请核对：",
        "quick_replies": [{"content_type": "text", "title": "确认", "payload": "/affirm"}],
    }
    assert card["id"] == "b-1763890000.5-custom"
    assert card["custom"] == {
        "type": "read_back",
        "fields": [{"label": "订单号", "value": "123456"}],
    }
    assert ticket["custom"] == {"type": "ticket", "id": "C20261123-0001"}


def test_output_channel_needs_the_server(channel):
    with pytest.warns(UserWarning):
        assert channel.get_output_channel() is None


async def test_session_is_resumed_only_with_its_token(channel):
    bot = EchoBot()
    async with running(channel, bot) as connect:
        first = await connect()
        confirm = await first.session()
        session_id, token = confirm["session_id"], confirm["token"]

        stranger = await connect()
        no_token = await stranger.session({"session_id": session_id})
        forged = await stranger.session({"session_id": session_id, "token": "x" * 43})
        assert session_id not in (no_token["session_id"], forged["session_id"])

        reloaded = await connect()
        resumed = await reloaded.session({"session_id": session_id, "token": token})
        assert resumed["session_id"] == session_id and resumed["resumed"] is True

        await reloaded.sio.call("user_uttered", {"message": "hi", "session_id": session_id})
        assert (await first.next("bot_uttered"))["text"] == "echo: hi"  # both tabs see it
        assert (await reloaded.next("bot_uttered"))["text"] == "echo: hi"
        assert await stranger.nothing("bot_uttered", wait=0.5)


async def test_a_message_from_one_tab_is_shown_in_the_others_before_the_answer(channel):
    """Hand test: the tab the customer did not type in showed only the bot's answer."""
    bot = EchoBot()
    async with running(channel, bot) as connect:
        first = await connect()
        confirm = await first.session()
        session_id = confirm["session_id"]
        second = await connect()
        await second.session({"session_id": session_id, "token": confirm["token"]})
        stranger = await connect()
        await stranger.session()

        metadata = {"client_msg_id": "tab1-1", "display": "换货", "evidence": ["ev_1"]}
        await first.sio.call(
            "user_uttered",
            {"message": "/send_evidence", "session_id": session_id, "metadata": metadata},
        )
        echoed = await second.next("user_echo")
        assert (await second.next("bot_uttered"))["text"] == "echo: /send_evidence"
        await second.sio.call(
            "user_uttered",
            {
                "message": "/affirm",
                "session_id": session_id,
                "metadata": {"client_msg_id": "tab2-1"},
            },
        )
        assert (await first.next("bot_uttered"))["text"] == "echo: /send_evidence"
        assert await first.nothing("user_echo", wait=0.5)  # an internal intent is not shown
        assert await stranger.nothing("user_echo", wait=0.2)
        assert await first.nothing("user_echo", wait=0.2)

    assert echoed["id"] == "u-tab1-1" and echoed["role"] == "user"
    assert echoed["text"] == "换货" and echoed["evidence"] == ["ev_1"]


async def test_messages_cannot_be_written_into_another_session(channel):
    bot = EchoBot()
    async with running(channel, bot) as connect:
        victim = await (await connect()).session()
        attacker = await connect()
        await attacker.session()
        ack = await attacker.sio.call(
            "user_uttered", {"message": "hi", "session_id": victim["session_id"]}
        )
        unbound = await connect()
        with pytest.warns(UserWarning, match="before its socket sent"):
            ack_unbound = await unbound.sio.call(
                "user_uttered", {"message": "hi", "session_id": "x"}
            )

    assert ack == {"status": "error", "error": "wrong_session"}
    assert ack_unbound == {"status": "error", "error": "no_session"}
    assert bot.messages == []


async def test_a_resent_message_is_handled_once(channel):
    bot = EchoBot()
    async with running(channel, bot) as connect:
        client = await connect()
        session_id = (await client.session())["session_id"]
        payload = {
            "message": "在吗",
            "session_id": session_id,
            "metadata": {"client_msg_id": "abc"},
        }
        first = await client.sio.call("user_uttered", payload)
        again = await client.sio.call("user_uttered", {**payload, "retry": True})

    assert first["status"] == "ok" and again["status"] == "duplicate"
    assert [m.text for m in bot.messages] == ["在吗"]


async def test_a_resent_message_already_in_the_tracker_is_not_handled_again(evidence_settings):
    """After a server restart the memory of seen ids is gone; the tracker still knows."""
    signer = Signer(b"channel-test-secret-0123456789abcdef")
    tracker = DialogueStateTracker.from_events(
        "sess-1", [UserUttered("在吗", metadata={"client_msg_id": "abc"})]
    )
    restarted = WidgetSocketIOInput(evidence_settings=evidence_settings)
    bot = EchoBot()
    async with running(restarted, bot, agent=tracker_agent(tracker)) as connect:
        client = await connect()
        await client.session({"session_id": "sess-1", "token": signer.conversation_token("sess-1")})
        payload = {"message": "在吗", "metadata": {"client_msg_id": "abc"}, "retry": True}
        ack = await client.sio.call("user_uttered", payload)
        fresh = await client.sio.call(
            "user_uttered", {**payload, "metadata": {"client_msg_id": "new"}}
        )

    assert ack["status"] == "duplicate" and fresh["status"] == "ok"
    assert [m.metadata["client_msg_id"] for m in bot.messages] == ["new"]


async def test_history_comes_from_the_tracker_store(evidence_settings):
    signer = Signer(b"channel-test-secret-0123456789abcdef")
    bot_event = BotUttered(
        "请选择：",
        data={"buttons": [{"title": "是", "payload": "/affirm"}]},
        timestamp=1763890001.25,
    )
    tracker = DialogueStateTracker.from_events(
        "sess-2",
        [
            UserUttered("你好", metadata={"client_msg_id": "c1"}, timestamp=1763890000.0),
            bot_event,
            UserUttered("/affirm", metadata={"client_msg_id": "c2", "display": "是"}),
            UserUttered(
                "/send_evidence", metadata={"evidence": ["ev_1"], "display": "提交了 1 个证据文件"}
            ),
            UserUttered("/session_start_internal"),
            BotUttered(data={"custom": {"type": "ticket", "id": "C1"}}, timestamp=1763890009.0),
        ],
    )
    channel = WidgetSocketIOInput(evidence_settings=evidence_settings)
    async with running(channel, EchoBot(), agent=tracker_agent(tracker)) as connect:
        client = await connect()
        await client.session({"session_id": "sess-2", "token": signer.conversation_token("sess-2")})
        history = await client.sio.call("history_request", {})
        live = channel.get_output_channel()
        await live.send_response("sess-2", bot_event.message())
        replayed = await client.next("bot_uttered")

    assert history["status"] == "ok"
    messages = history["messages"]
    assert [(m["role"], m.get("text")) for m in messages] == [
        ("user", "你好"),
        ("bot", "请选择："),
        ("user", "是"),
        ("user", "提交了 1 个证据文件"),
        ("bot", None),
    ]
    assert messages[0]["id"] == "u-c1"
    assert messages[3]["evidence"] == ["ev_1"]
    assert messages[4]["custom"] == {"type": "ticket", "id": "C1"}
    assert replayed["id"] == messages[1]["id"]  # live and history agree: no double display


async def test_history_without_a_tracker_store(channel):
    async with running(channel, EchoBot()) as connect:
        client = await connect()
        before = await client.sio.call("history_request", {})
        await client.session()
        after = await client.sio.call("history_request", {})
    assert before == {"status": "error", "error": "no_session"}
    assert after["status"] == "unavailable" and after["messages"] is None


def test_from_credentials_defaults_to_persistent_sessions(monkeypatch, tmp_path):
    monkeypatch.setenv("COMPLAINTS_SETTINGS", str(tmp_path / "none.yml"))
    monkeypatch.setenv("COMPLAINTS_EVIDENCE__SECRET", "from-env-secret-0123456789")
    channel = WidgetSocketIOInput.from_credentials(None)
    assert channel.session_persistence is True
    assert channel.name() == "widget"
    assert channel.signer.check_conversation_token(
        "s", Signer(b"from-env-secret-0123456789").conversation_token("s")
    )
