"""The 微信客服 channel against a local WeCom server that speaks the real protocol."""

import asyncio
import logging

import aiohttp
import pytest
from rasa.core.channels.channel import UserMessage

from bot.channels.wecom import WeComKfInput, WeComOutput, parse_scene_param, render_custom
from bot.channels.wecom_api import WeComApiError, WeComKfApi
from bot.channels.wecom_state import WeComState
from bot.evidence.store import EvidenceStore
from tests.bot.channels import wecom_server as ws
from tests.bot.channels.conftest import new_app, serve
from tests.bot.channels.rasa_agent import AgentBot, tracker_store_at
from tests.bot.evidence import media_files as files


class Bot:
    """A stand-in for Rasa's agent: records every message and answers through its channel."""

    def __init__(self) -> None:
        self.received = []

    async def __call__(self, message: UserMessage) -> None:
        self.received.append(message)
        if message.text == "/send_evidence":
            await message.output_channel.send_text_message(message.sender_id, "收到凭证")
        elif message.text.startswith("/"):
            await message.output_channel.send_text_message(
                message.sender_id, f"好的 {message.text}"
            )
        else:
            await message.output_channel.send_response(
                message.sender_id,
                {
                    "text": f"收到：{message.text}",
                    "buttons": [
                        {"title": "退款", "payload": '/inform{"desired_remedy":"refund"}'},
                        {"title": "换货", "payload": '/inform{"desired_remedy":"exchange"}'},
                    ],
                },
            )

    def texts(self):
        return [m.text for m in self.received]


@pytest.fixture
async def wecom():
    fake = ws.FakeWeCom()
    url = await fake.start()
    fake.base_url = url
    yield fake
    await fake.close()


@pytest.fixture
def state_url(tmp_path):
    return f"sqlite:///{tmp_path / 'var' / 'complaints.db'}"


def make_channel(wecom, state_url, evidence_settings=None, **kwargs) -> WeComKfInput:
    return WeComKfInput(
        corp_id=ws.CORP_ID,
        secret=ws.SECRET,
        token=ws.TOKEN,
        encoding_aes_key=ws.AES_KEY,
        open_kfid=ws.OPEN_KFID,
        api=WeComKfApi(ws.CORP_ID, ws.SECRET, base_url=wecom.base_url, backoff_seconds=0.01),
        state=WeComState.from_url(state_url),
        evidence=EvidenceStore(evidence_settings) if evidence_settings else None,
        **kwargs,
    )


async def deliver(url: str, wecom: ws.FakeWeCom, channel: WeComKfInput, times: int = 1):
    query, body = wecom.callback()
    statuses = []
    async with aiohttp.ClientSession() as http:
        for _ in range(times):
            async with http.post(f"{url}/webhooks/wecom/callback", params=query, data=body) as r:
                statuses.append((r.status, await r.text()))
    await channel.drain()
    return statuses


def channel_app(channel: WeComKfInput, bot: Bot):
    app = new_app()
    app.blueprint(channel.blueprint(bot), url_prefix="/webhooks/wecom")
    return app


def test_scene_param_format():
    assert parse_scene_param("room-8801|小鹿美妆|2024-11-20T20:00") == {
        "room_id": "room-8801",
        "streamer": "小鹿美妆",
        "started_at": "2024-11-20T20:00",
    }
    assert parse_scene_param("room-8801%7C%E5%B0%8F%E9%B9%BF%7C") == {
        "room_id": "room-8801",
        "streamer": "小鹿",
    }
    assert parse_scene_param("") is None
    assert parse_scene_param("|主播|") is None


def test_custom_cards_render_as_text():
    card = {"type": "read_back", "fields": [{"label": "订单号", "value": "A123456"}]}
    assert render_custom(card) == "订单号：A123456"
    assert render_custom({"data": {"type": "ticket", "id": "C1", "severity": "urgent"}}) == (
        "工单号：C1（紧急）"
    )
    assert render_custom({"type": "unknown"}) == ""


def test_credentials_are_checked_at_construction(tmp_path):
    with pytest.raises(ValueError, match="missing credentials"):
        WeComKfInput.from_credentials({"corp_id": ws.CORP_ID})
    with pytest.raises(ValueError, match="43-character"):
        WeComKfInput.from_credentials(
            {
                "corp_id": ws.CORP_ID,
                "secret": ws.SECRET,
                "token": ws.TOKEN,
                "encoding_aes_key": "short",
                "open_kfid": ws.OPEN_KFID,
                "database_url": f"sqlite:///{tmp_path / 'x.db'}",
            }
        )
    channel = WeComKfInput.from_credentials(
        {
            "corp_id": ws.CORP_ID,
            "secret": ws.SECRET,
            "token": ws.TOKEN,
            "encoding_aes_key": ws.AES_KEY,
            "open_kfid": ws.OPEN_KFID,
            "api_base_url": "http://127.0.0.1:9",
            "database_url": f"sqlite:///{tmp_path / 'x.db'}",
        }
    )
    assert channel.api.base_url == "http://127.0.0.1:9"
    assert ws.SECRET not in repr(channel) and ws.SECRET not in repr(channel.api)


async def test_url_verification_answers_the_decrypted_echostr(wecom, state_url):
    channel = make_channel(wecom, state_url)
    app = channel_app(channel, Bot())
    async with serve(app) as url, aiohttp.ClientSession() as http:
        query = wecom.verification("1616140317555161061")
        async with http.get(f"{url}/webhooks/wecom/callback", params=query) as r:
            assert r.status == 200
            assert await r.text() == "1616140317555161061"
        query["msg_signature"] = "0" * 40
        async with http.get(f"{url}/webhooks/wecom/callback", params=query) as r:
            assert r.status == 403


async def test_bad_signature_is_refused_and_nothing_is_processed(wecom, state_url):
    channel = make_channel(wecom, state_url)
    bot = Bot()
    wecom.customer_text("wmUser1", "我要投诉")
    query, body = wecom.callback()
    async with serve(channel_app(channel, bot)) as url, aiohttp.ClientSession() as http:
        bad = dict(query, msg_signature="f" * 40)
        async with http.post(f"{url}/webhooks/wecom/callback", params=bad, data=body) as r:
            assert r.status == 403
        tampered = body.replace(b"<Encrypt><![CDATA[", b"<Encrypt><![CDATA[A")
        async with http.post(f"{url}/webhooks/wecom/callback", params=query, data=tampered) as r:
            assert r.status == 403
        async with http.post(f"{url}/webhooks/wecom/callback", params=query, data=b"<x") as r:
            assert r.status == 400
        await channel.drain()
    assert bot.received == []
    assert "sync_msg" not in wecom.calls


async def test_a_whole_complaint_from_a_live_room(wecom, state_url, evidence_settings):
    channel = make_channel(wecom, state_url, evidence_settings)
    bot = Bot()
    user = "wmLiveViewer01"
    wecom.enter_session(user, "live", "room-8801|小鹿美妆|2024-11-20T20:00")
    wecom.customer_text(user, "主播说是正品，收到是假货，我要投诉")
    wecom.customer_media(user, "image", files.jpeg(), "image/jpeg", "假货.jpg")
    wecom.customer_media(user, "file", files.elf(), "application/octet-stream", "virus.jpg")
    wecom.customer_text(user, "退款", menu_id='/inform{"desired_remedy":"refund"}')
    async with serve(channel_app(channel, bot)) as url:
        assert await deliver(url, wecom, channel) == [(200, "success")]

    # The welcome went out with the event's welcome_code and names the live room's host.
    assert len(wecom.sent_on_event) == 1
    welcome = wecom.sent_on_event[0]
    assert welcome["code"].startswith("welcome-") and "小鹿美妆" in welcome["text"]["content"]

    assert bot.texts() == [
        "主播说是正品，收到是假货，我要投诉",
        "/send_evidence",
        '/inform{"desired_remedy":"refund"}',
    ]
    live = {"room_id": "room-8801", "streamer": "小鹿美妆", "started_at": "2024-11-20T20:00"}
    for message in bot.received:
        assert message.sender_id == user
        assert message.input_channel == "wecom"
        assert message.metadata["live"] == live
        assert message.metadata["wecom"]["scene"] == "live"
    evidence_ids = bot.received[1].metadata["evidence"]
    items = channel.evidence.list(user)
    assert [item["id"] for item in items] == evidence_ids
    assert items[0]["content_type"] == "image/jpeg" and items[0]["filename"] == "假货.jpg"
    assert bot.received[2].metadata["display"] == "退款"

    # Replies: a menu for buttons, text otherwise; the rejected file is explained.
    menu = wecom.sent[0]
    assert menu["touser"] == user and menu["open_kfid"] == ws.OPEN_KFID
    assert menu["msgtype"] == "msgmenu"
    assert menu["msgmenu"]["list"][0] == {
        "type": "click",
        "click": {"id": '/inform{"desired_remedy":"refund"}', "content": "退款"},
    }
    texts = [m["text"]["content"] for m in wecom.sent if m["msgtype"] == "text"]
    assert texts[0] == "收到凭证"
    assert "virus.jpg" in texts[1] and "拒绝" in texts[1]
    assert texts[2] == '好的 /inform{"desired_remedy":"refund"}'


async def test_a_traditional_writer_reads_the_channels_own_notices_in_traditional(
    wecom, state_url, evidence_settings
):
    """Hand test: "「fake.jpg」的内容不是图片或视频" and "暂时只能处理文字…" went in Simplified to
    a customer writing Traditional (they bypass the NLG that converts the bot's answers)."""
    channel = make_channel(wecom, state_url, evidence_settings)
    user = "wmTaipei01"
    wecom.customer_text(user, "我買的藍牙喇叭收到就壞了，完全沒有聲音")
    wecom.customer_media(user, "image", "只是文字".encode() * 20, "image/jpeg", "说明.jpg")
    wecom._add(user, "voice", {"media_id": "voice-1"})
    async with serve(channel_app(channel, Bot())) as url:
        await deliver(url, wecom, channel)
    texts = [m["text"]["content"] for m in wecom.sent if m["msgtype"] == "text"]
    assert texts[-2] == "「说明.jpg」的內容不是圖片或影片（與檔名不符），已拒絕上傳。"
    assert texts[-1] == "暫時只能處理文字、圖片、影片和檔案，請換一種方式傳送。"


async def test_a_returning_traditional_writer_is_welcomed_and_answered_in_traditional(
    wecom, state_url, evidence_settings
):
    """Hand test: the welcome and the answer to a photo before any words were Simplified for
    a customer known to write Traditional. A new customer is still welcomed in Simplified
    (nothing tells their script yet); the bot's answers follow their first words."""
    channel = make_channel(wecom, state_url, evidence_settings)
    bot = Bot()
    wecom.enter_session("wmNew01", "", "")
    wecom.customer_text("wmTaipei02", "我買的藍牙喇叭收到就壞了")
    async with serve(channel_app(channel, bot)) as url:
        await deliver(url, wecom, channel)
        assert wecom.sent_on_event[0]["text"]["content"] == channel.welcome_text
        assert "lang" not in bot.received[0].metadata  # their words decide, none known before
        # the same customer comes back: a new session, a photo before any words
        wecom.enter_session("wmTaipei02", "", "")
        wecom.customer_media("wmTaipei02", "image", files.jpeg(), "image/jpeg", "喇叭.jpg")
        await deliver(url, wecom, channel)
    welcome = wecom.sent_on_event[1]["text"]["content"]
    assert welcome != channel.welcome_text and "這裡" in welcome
    assert bot.received[-1].text == "/send_evidence"
    assert bot.received[-1].metadata["lang"] == "zh-Hant"


TAIPEI_WORDS = "我買的藍牙喇叭收到就壞了，完全沒有聲音"
UNSUPPORTED_IN_TRADITIONAL = "暫時只能處理文字、圖片、影片和檔案，請換一種方式傳送。"


async def test_a_traditional_writer_is_still_known_after_a_restart(
    wecom, database_url, evidence_settings
):
    """Before: the script was known from memory only; after a restart the welcome, the
    channel's notices and the answer to a photo before any words were Simplified for a
    customer who writes Traditional. Now the conversation in the tracker store tells it."""
    user = "wmTaipei03"
    first = make_channel(wecom, database_url, evidence_settings)
    bot = AgentBot(tracker_store_at(database_url))
    wecom.customer_text(user, TAIPEI_WORDS)
    async with serve(bot.serve_on(channel_app(first, bot))) as url:
        await deliver(url, wecom, first)
    first.state.close()
    assert [m["text"]["content"] for m in wecom.sent] == ["請說說遇到了什麼問題。"]

    # A new server: new stores on the same databases, a new channel and app. The customer
    # comes back the next day (Rasa's session has expired), sends a voice message, a photo.
    restarted = AgentBot(tracker_store_at(database_url))
    await restarted.session_expires(user)
    second = make_channel(wecom, database_url, evidence_settings)
    wecom.enter_session(user, "", "")
    wecom._add(user, "voice", {"media_id": "voice-2"})
    wecom.customer_media(user, "image", files.jpeg(), "image/jpeg", "喇叭.jpg")
    async with serve(restarted.serve_on(channel_app(second, restarted))) as url:
        await deliver(url, wecom, second)
    second.state.close()

    welcome = wecom.sent_on_event[-1]["text"]["content"]
    assert welcome != second.welcome_text and "這裡" in welcome
    assert restarted.received[-1].metadata["lang"] == "zh-Hant"
    texts = [m["text"]["content"] for m in wecom.sent]
    assert texts[1:] == [UNSUPPORTED_IN_TRADITIONAL, "收到檔案，謝謝您！"]


async def test_a_second_server_process_knows_the_script_the_first_one_saw(
    wecom, sqlite_url, evidence_settings
):
    """Two Rasa processes share the databases; WeCom's callbacks reach either."""
    user = "wmTaipei04"
    servers = [
        (make_channel(wecom, sqlite_url, evidence_settings), AgentBot(tracker_store_at(sqlite_url)))
        for _ in range(2)
    ]
    (one, one_bot), (two, two_bot) = servers
    async with (
        serve(one_bot.serve_on(channel_app(one, one_bot))) as one_url,
        serve(two_bot.serve_on(channel_app(two, two_bot))) as two_url,
    ):
        wecom.customer_text(user, TAIPEI_WORDS)
        await deliver(one_url, wecom, one)
        wecom._add(user, "voice", {"media_id": "voice-3"})
        await deliver(two_url, wecom, two)
    for channel, _ in servers:
        channel.state.close()
    assert [m["text"]["content"] for m in wecom.sent][-1] == UNSUPPORTED_IN_TRADITIONAL


async def test_the_same_callback_twice_processes_each_message_once(wecom, state_url):
    channel = make_channel(wecom, state_url)
    bot = Bot()
    for i in range(5):
        wecom.customer_text("wmUser2", f"消息{i}")
    async with serve(channel_app(channel, bot)) as url:
        statuses = await deliver(url, wecom, channel, times=2)
        assert statuses == [(200, "success"), (200, "success")]
        # Even when WeCom serves the messages again from the start, nothing is handled twice.
        await asyncio.to_thread(channel.state.save_cursor, ws.OPEN_KFID, "")
        await deliver(url, wecom, channel)
    assert bot.texts() == [f"消息{i}" for i in range(5)]
    assert len(wecom.sent) == 5


async def test_an_expired_token_is_refreshed_and_the_reply_still_goes_out(wecom, state_url):
    channel = make_channel(wecom, state_url)
    bot = Bot()
    wecom.customer_text("wmUser3", "第一句")
    async with serve(channel_app(channel, bot)) as url:
        await deliver(url, wecom, channel)
        assert wecom.gettoken_calls == 1
        wecom.expire_tokens()
        wecom.customer_text("wmUser3", "第二句")
        await deliver(url, wecom, channel)
    assert wecom.gettoken_calls == 2
    assert bot.texts() == ["第一句", "第二句"]
    assert [m["msgmenu"]["head_content"] for m in wecom.sent] == ["收到：第一句", "收到：第二句"]


async def test_an_unknown_token_is_refreshed_for_agent_replies(wecom, state_url):
    channel = make_channel(wecom, state_url)
    output = channel.get_output_channel()
    assert isinstance(output, WeComOutput)
    await output.send_text_message("wmUser4", "您好，我是客服小王")
    wecom.tokens.clear()  # WeCom no longer knows the cached token: errcode 40014
    await output.send_text_message("wmUser4", "已为您登记")
    await channel.api.close()
    assert [m["text"]["content"] for m in wecom.sent] == ["您好，我是客服小王", "已为您登记"]
    assert wecom.gettoken_calls == 2


async def test_rate_limits_are_retried_with_backoff(wecom, state_url, caplog):
    channel = make_channel(wecom, state_url)
    wecom.busy_left = 2
    output = channel.get_output_channel()
    with caplog.at_level(logging.WARNING):
        await output.send_text_message("wmUser5", "稍等")
    assert [m["text"]["content"] for m in wecom.sent] == ["稍等"]
    assert sum("45009" in r.getMessage() for r in caplog.records) == 2

    wecom.busy_left = 10
    with caplog.at_level(logging.ERROR):
        await output.send_text_message("wmUser5", "丢了吗")
    assert len(wecom.sent) == 1
    assert any("not delivered" in r.getMessage() for r in caplog.records)
    await channel.api.close()


async def test_a_wrong_secret_fails_loudly(wecom):
    api = WeComKfApi(ws.CORP_ID, "wrong", base_url=wecom.base_url, backoff_seconds=0.01)
    with pytest.raises(WeComApiError) as caught:
        await api.send_msg({"touser": "x", "open_kfid": ws.OPEN_KFID, "msgtype": "text"})
    assert caught.value.errcode == 40001
    await api.close()


async def test_a_restart_mid_conversation_loses_and_duplicates_nothing(wecom, state_url):
    bot = Bot()
    user = "wmUser6"
    first = make_channel(wecom, state_url)
    wecom.enter_session(user, "live", "room-9902|阿强数码|2024-11-21T19:30")
    wecom.customer_text(user, "耳机没声音")
    wecom.customer_text(user, "订单 A12345678")
    async with serve(channel_app(first, bot)) as url:
        await deliver(url, wecom, first)
    first.state.close()

    # Messages written while the connector was down arrive with the next callback.
    wecom.customer_text(user, "想退款")
    wecom.customer_text(user, "电话 13800138000")
    second = make_channel(wecom, state_url)
    assert second.state.cursor(ws.OPEN_KFID) == "3"
    async with serve(channel_app(second, bot)) as url:
        await deliver(url, wecom, second)
        await deliver(url, wecom, second)
    assert bot.texts() == ["耳机没声音", "订单 A12345678", "想退款", "电话 13800138000"]
    assert bot.received[-1].metadata["live"]["room_id"] == "room-9902"
    assert len(wecom.sent_on_event) == 1


async def test_a_claim_left_by_a_crash_is_taken_again_later(state_url):
    now = [1000.0]
    state = WeComState.from_url(state_url)
    state._clock = lambda: now[0]
    assert state.claim("m1")
    assert not state.claim("m1")  # in progress elsewhere
    now[0] += 601
    assert state.claim("m1")  # the handler died: take it again
    state.done("m1")
    now[0] += 10_000
    assert not state.claim("m1")
    assert state.forget_before(now[0] + 1) == 1
    state.close()


async def test_rasa_loads_both_live_channels_from_credentials(wecom, tmp_path, monkeypatch):
    from rasa.core.run import configure_app, create_http_input_channels

    from bot.channels.live_webhook import LiveWebhookInput

    monkeypatch.setenv("COMPLAINTS_SETTINGS", str(tmp_path / "none.yml"))
    monkeypatch.setenv("COMPLAINTS_DATABASE_URL", f"sqlite:///{tmp_path / 'var' / 'c.db'}")
    credentials = tmp_path / "credentials.yml"
    credentials.write_text(
        f"""\
bot.channels.wecom.WeComKfInput:
  corp_id: {ws.CORP_ID}
  secret: {ws.SECRET}
  token: {ws.TOKEN}
  encoding_aes_key: {ws.AES_KEY}
  open_kfid: {ws.OPEN_KFID}
  api_base_url: {wecom.base_url}
bot.channels.live_webhook.LiveWebhookInput:
  complaint_keywords: ["投诉", "退款", "假货"]
  platforms:
    douyin:
      secret: douyin-secret-0123456789
      callback_url: http://127.0.0.1:9/replies
""",
        encoding="utf-8",
    )
    channels = create_http_input_channels(None, str(credentials))
    assert [type(c) for c in channels] == [WeComKfInput, LiveWebhookInput]
    assert (tmp_path / "var" / "c.db").is_file()
    app = configure_app(channels, cors="*", auth_token="api-token", enable_api=True)
    async with serve(app) as url, aiohttp.ClientSession() as http:
        query = wecom.verification("echo-123")
        async with http.get(f"{url}/webhooks/wecom/callback", params=query) as r:
            assert (r.status, await r.text()) == (200, "echo-123")
        async with http.post(f"{url}/webhooks/livestream/webhook", data=b"{}") as r:
            assert r.status == 403


async def test_an_agents_line_says_a_person_wrote_it(wecom, state_url):
    """Hand trial trial5: a viewer read the agent's reply as one more line of the bot. The
    desk's line (a bot event with metadata.agent) is labelled with the agent; the bot's own
    lines are not; a Traditional line gets the label in Traditional."""
    channel = make_channel(wecom, state_url)
    output = channel.get_output_channel()
    await output.send_response("wmUser6", {"text": "赠品今天补发", "agent": "小李"})
    await output.send_response("wmUser6", {"text": "您的工单已处理完毕"})
    await output.send_response("wmUser7", {"text": "贈品今天補發", "agent": "张主管"})
    await channel.api.close()
    assert [m["text"]["content"] for m in wecom.sent] == [
        "【人工客服 小李】赠品今天补发",
        "您的工单已处理完毕",
        "【人工客服 張主管】贈品今天補發",
    ]
