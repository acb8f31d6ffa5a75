"""The signed live-stream webhook, served by a real Sanic app, replies to a local receiver."""

import base64
import json
import time

import aiohttp
import pytest
from rasa.core.channels.channel import UserMessage

from bot.channels.live_webhook import LiveWebhookInput, Platform, sign
from bot.evidence.store import EvidenceStore
from bot.settings import Secret
from tests.bot.channels.conftest import new_app, serve
from tests.bot.channels.live_platform import PlatformEndpoint
from tests.bot.channels.rasa_agent import AgentBot, tracker_store_at
from tests.bot.evidence import media_files as files

SECRET = "douyin-secret-0123456789"
OTHER_SECRET = "kuaishou-secret-9876543210"


class Bot:
    def __init__(self) -> None:
        self.received = []

    async def __call__(self, message: UserMessage) -> None:
        self.received.append(message)
        if message.text == "/send_evidence":
            await message.output_channel.send_text_message(message.sender_id, "收到凭证")
        else:
            await message.output_channel.send_text_with_buttons(
                message.sender_id,
                "请问您希望怎么处理？",
                [{"title": "退款", "payload": "/inform"}],
            )


@pytest.fixture
async def receiver():
    r = PlatformEndpoint(SECRET)
    r.url = await r.start()
    yield r
    await r.close()
    assert r.bad_signatures == 0


def make_channel(receiver, evidence_settings) -> LiveWebhookInput:
    return LiveWebhookInput(
        [
            Platform("douyin", Secret(SECRET), receiver.url),
            Platform("kuaishou", Secret(OTHER_SECRET), receiver.url),
        ],
        complaint_keywords=["投诉", "退款", "假货"],
        evidence=EvidenceStore(evidence_settings),
        reply_backoff_seconds=0.01,
    )


@pytest.fixture
def channel(receiver, evidence_settings):
    return make_channel(receiver, evidence_settings)


def event(**overrides):
    body = {
        "platform": "douyin",
        "type": "dm",
        "room_id": "room-8801",
        "streamer": "小鹿美妆",
        "started_at": "2024-11-20T20:00+08:00",
        "user_id": "viewer_42",
        "text": "主播说买二送一，只收到一瓶",
        "attachments": [],
        "ts": int(time.time()),
    }
    body.update(overrides)
    return body


async def post(url, body, *, secret=SECRET, platform="douyin", timestamp=None, raw=None):
    data = raw if raw is not None else json.dumps(body, ensure_ascii=False).encode()
    timestamp = str(int(time.time())) if timestamp is None else timestamp
    headers = {
        "Content-Type": "application/json",
        "X-Live-Platform": platform,
        "X-Live-Timestamp": timestamp,
        "X-Live-Signature": sign(secret, timestamp, data),
    }
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{url}/webhooks/livestream/webhook", data=data, headers=headers) as r:
            return r.status, await r.json()


def app_for(channel, bot):
    app = new_app()
    app.blueprint(channel.blueprint(bot), url_prefix="/webhooks/livestream")
    return app


async def test_a_whole_complaint_by_direct_message(channel, receiver):
    bot = Bot()
    async with serve(app_for(channel, bot)) as url:
        assert await post(url, event()) == (200, {"status": "accepted"})
        photo = base64.b64encode(files.jpeg()).decode()
        attachments = [{"type": "image", "filename": "订单截图.jpg", "data": photo}]
        status, _ = await post(url, event(text="", attachments=attachments))
        assert status == 200
        status, _ = await post(url, event(text="退款"))
        assert status == 200

    assert [m.text for m in bot.received] == [
        "主播说买二送一，只收到一瓶",
        "/send_evidence",
        "退款",
    ]
    first = bot.received[0]
    assert first.sender_id == "douyin:viewer_42" and first.input_channel == "livestream"
    assert first.metadata["live"] == {
        "room_id": "room-8801",
        "streamer": "小鹿美妆",
        "started_at": "2024-11-20T20:00+08:00",
    }
    ids = bot.received[1].metadata["evidence"]
    assert [item["id"] for item in channel.evidence.list("douyin:viewer_42")] == ids
    assert receiver.replies[0] == {
        "platform": "douyin",
        "user_id": "viewer_42",
        "room_id": "room-8801",
        "visibility": "private",
        "text": "请问您希望怎么处理？",
        "buttons": [{"title": "退款", "payload": "/inform"}],
    }
    assert receiver.replies[1]["text"] == "收到凭证"
    assert len(receiver.replies) == 3


async def test_a_public_comment_with_a_keyword_starts_a_private_conversation(channel, receiver):
    bot = Bot()
    async with serve(app_for(channel, bot)) as url:
        assert await post(url, event(type="comment", text="主播好漂亮")) == (
            200,
            {"status": "ignored"},
        )
        assert await post(url, event(type="comment", text="买到假货了！")) == (
            200,
            {"status": "accepted"},
        )
    assert [m.text for m in bot.received] == ["买到假货了！"]
    assert bot.received[0].metadata["livestream"]["source"] == "comment"
    assert [r["visibility"] for r in receiver.replies] == ["private"]
    assert receiver.replies[0]["user_id"] == "viewer_42"


@pytest.mark.parametrize(
    "case, status, error",
    [
        ("bad_signature", 403, "bad_signature"),
        ("other_platforms_secret", 403, "bad_signature"),
        ("unknown_platform", 403, "unknown_platform"),
        ("stale", 403, "stale_timestamp"),
        ("future", 403, "stale_timestamp"),
        ("malformed", 400, "malformed_json"),
        ("not_an_object", 400, "malformed_json"),
        ("platform_mismatch", 400, "platform_mismatch"),
        ("bad_user", 400, "bad_user_id"),
        ("empty", 400, "empty_message"),
        # signed with the secret, but no time: it would never leave the replay window
        ("nan_timestamp", 403, "bad_timestamp"),
        ("inf_timestamp", 403, "bad_timestamp"),
        ("fraction_timestamp", 403, "bad_timestamp"),
    ],
)
async def test_refused_requests_reach_nobody(channel, receiver, case, status, error):
    bot = Bot()
    now = int(time.time())
    kwargs = {}
    body = event()
    if case == "bad_signature":
        kwargs["secret"] = "x" * 20
    elif case == "other_platforms_secret":
        kwargs["secret"] = OTHER_SECRET
    elif case == "unknown_platform":
        kwargs["platform"] = "weibo"
    elif case == "stale":
        kwargs["timestamp"] = str(
            now - 900
        )  # well outside the 300 s window, even on a slow machine
    elif case == "future":
        kwargs["timestamp"] = str(now + 900)
    elif case == "malformed":
        kwargs["raw"] = b'{"platform": "douyin", '
    elif case == "not_an_object":
        kwargs["raw"] = b"[1, 2]"
    elif case == "platform_mismatch":
        body = event(platform="kuaishou")
    elif case == "bad_user":
        body = event(user_id="../../etc")
    elif case == "empty":
        body = event(text="  ")
    elif case == "nan_timestamp":
        kwargs["timestamp"] = "nan"
    elif case == "inf_timestamp":
        kwargs["timestamp"] = "-inf"
    elif case == "fraction_timestamp":
        kwargs["timestamp"] = f"{now}.5"
    async with serve(app_for(channel, bot)) as url:
        got_status, got = await post(url, body, **kwargs)
    assert (got_status, got["error"]) == (status, error)
    assert bot.received == [] and receiver.replies == []


async def test_a_replayed_request_is_refused(channel, receiver):
    bot = Bot()
    data = json.dumps(event(), ensure_ascii=False).encode()
    timestamp = str(int(time.time()))
    async with serve(app_for(channel, bot)) as url:
        assert (await post(url, None, raw=data, timestamp=timestamp))[0] == 200
        status, body = await post(url, None, raw=data, timestamp=timestamp)
    assert (status, body["error"]) == (409, "replayed")
    assert len(bot.received) == 1


async def test_a_request_the_bot_failed_on_may_be_sent_again(channel, receiver):
    """503 says "try again later": the platform's retry of the same signed request is
    handled, not refused as a replay (hand test)."""
    bot, calls = Bot(), []

    async def flaky(message: UserMessage) -> None:
        calls.append(message.text)
        if len(calls) == 1:
            raise RuntimeError("the tracker store is down")
        await bot(message)

    data = json.dumps(event(), ensure_ascii=False).encode()
    timestamp = str(int(time.time()))
    async with serve(app_for(channel, flaky)) as url:
        assert (await post(url, None, raw=data, timestamp=timestamp))[0] == 503
        assert (await post(url, None, raw=data, timestamp=timestamp))[0] == 200
        status, body = await post(url, None, raw=data, timestamp=timestamp)
    assert (status, body["error"]) == (409, "replayed")
    assert len(bot.received) == 1


async def test_a_traditional_viewer_reads_the_channels_own_notices_in_traditional(
    channel, receiver
):
    attachments = [
        {"type": "image", "filename": "截图.jpg", "data": "!!!"},
        {"type": "image", "filename": "说明.jpg", "data": base64.b64encode(files.elf()).decode()},
    ]
    body = event(text="主播說買二送一，結果只收到一瓶", attachments=attachments)
    async with serve(app_for(channel, Bot())) as url:
        assert (await post(url, body))[0] == 200
    notices = [r["text"] for r in receiver.replies[1:]]
    assert notices[0] == "「截图.jpg」沒有收到內容，請重新傳送。"
    assert notices[1].startswith("「说明.jpg」不是圖片或影片")


async def test_a_traditional_viewer_is_still_known_after_a_restart(
    receiver, evidence_settings, database_url
):
    """Before: the script was known from memory only; after a restart a viewer who writes
    Traditional got the channel's notices in Simplified, and the answer to a photo before
    any words too. Now the conversation in the tracker store tells it."""
    first = make_channel(receiver, evidence_settings)
    bot = AgentBot(tracker_store_at(database_url))
    async with serve(bot.serve_on(app_for(first, bot))) as url:
        assert (await post(url, event(text="主播說買二送一，結果只收到一瓶")))[0] == 200
    assert [r["text"] for r in receiver.replies] == ["請說說遇到了什麼問題。"]

    # A new server on the same tracker store; the viewer is back after the session expired.
    restarted = AgentBot(tracker_store_at(database_url))
    await restarted.session_expires("douyin:viewer_42")
    attachments = [
        {"type": "image", "filename": "截图.jpg", "data": "!!!"},
        {"type": "image", "filename": "订单.jpg", "data": base64.b64encode(files.jpeg()).decode()},
    ]
    second = make_channel(receiver, evidence_settings)
    async with serve(restarted.serve_on(app_for(second, restarted))) as url:
        assert (await post(url, event(text="", attachments=attachments)))[0] == 200
    assert restarted.received[-1].metadata["lang"] == "zh-Hant"
    assert [r["text"] for r in receiver.replies[1:]] == [
        "「截图.jpg」沒有收到內容，請重新傳送。",
        "收到檔案，謝謝您！",
    ]


async def test_replies_are_retried_and_failures_logged(channel, receiver, caplog):
    receiver.fail_next = 1
    output = channel.get_output_channel()
    await output.send_text_message("douyin:viewer_7", "您好")
    assert [r["text"] for r in receiver.replies] == ["您好"]
    assert receiver.replies[0]["room_id"] is None

    receiver.fail_next = 5
    await output.send_text_message("douyin:viewer_7", "丢了吗")
    assert len(receiver.replies) == 1
    assert any("not delivered" in r.getMessage() for r in caplog.records)


def test_credentials_are_checked():
    with pytest.raises(ValueError, match="platforms"):
        LiveWebhookInput.from_credentials({})
    with pytest.raises(ValueError, match="16"):
        LiveWebhookInput.from_credentials(
            {"platforms": {"douyin": {"secret": "short", "callback_url": "https://x"}}}
        )
    channel = LiveWebhookInput.from_credentials(
        {
            "platforms": {"douyin": {"secret": SECRET, "callback_url": "https://shop.example/r"}},
            "complaint_keywords": ["投诉"],
            "replay_window_seconds": 60,
        }
    )
    assert channel.keywords == ("投诉",) and channel.window == 60
    assert SECRET not in repr(channel.platforms)


async def test_an_agents_line_reaches_the_platform_labelled(channel, receiver):
    """Hand trial trial5: the platform shows text only; the agent's line says who wrote it."""
    output = channel.get_output_channel()
    await output.send_response("douyin:viewer_42", {"text": "赠品今天补发", "agent": "小李"})
    assert [r["text"] for r in receiver.replies] == ["【人工客服 小李】赠品今天补发"]
