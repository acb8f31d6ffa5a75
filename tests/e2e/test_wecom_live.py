"""A live-stream viewer files a complaint through 微信客服 against the real, trained bot.

The Rasa server runs with the WeCom Kf channel from credentials, pointed at the local
protocol-faithful WeCom server (tests/bot/channels/wecom_server.py). The viewer enters from
a live room (`enter_session` with a scene parameter) and answers whatever the bot asks, read
from `requested_slot` in the tracker, until a ticket exists; the ticket's `live` field
carries the room the channel reported.
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
from typing import Any, Dict, Iterator, List

import pytest
import requests

from tests.bot.channels import wecom_server as ws
from tests.e2e.stack import MODEL, Stack, tracker

pytestmark = [pytest.mark.e2e, pytest.mark.model]

VIEWER = "wmLiveViewer3302"
SCENE_PARAM = "room-3302|阿杰数码|2024-11-22T20:00"
ANSWERS = {
    "issue_description": "直播间主播说跑鞋买就送运动袜，收到只有鞋没有袜子",
    "issue_category": "主播直播时承诺的赠品没给",
    "order_id": "订单号 2024 1122 0931",
    "live_claim": "主播说下单就送两双运动袜，大概晚上九点说的",
    "desired_remedy": "把赠品补发给我",
    "evidence_status": "没有截图",
    "contact_status": "不用留电话",
}


class WeComThread:
    """The fake WeCom server on its own event loop in a thread, for a sync test."""

    def __init__(self) -> None:
        self.fake = ws.FakeWeCom()
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def start(self) -> str:
        self.thread.start()
        return asyncio.run_coroutine_threadsafe(self.fake.start(), self.loop).result(10)

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self.fake.close(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


@pytest.fixture(scope="module")
def wecom_stack(tmp_path_factory) -> Iterator[tuple[Stack, ws.FakeWeCom]]:
    if not MODEL.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("models/complaint.tar.gz is missing: scripts/test trains it before pytest")
        pytest.skip("no trained model")
    server = WeComThread()
    base_url = server.start()
    credentials = (
        "bot.channels.wecom.WeComKfInput:\n"
        f"  corp_id: {ws.CORP_ID}\n"
        f"  secret: {ws.SECRET}\n"
        f"  token: {ws.TOKEN}\n"
        f"  encoding_aes_key: {ws.AES_KEY}\n"
        f"  open_kfid: {ws.OPEN_KFID}\n"
        f"  api_base_url: {base_url}\n"
    )
    stack = Stack(tmp_path_factory.mktemp("wecom-stack"), extra_credentials=credentials)
    try:
        yield stack.start(), server.fake
    finally:
        stack.stop()
        server.stop()


def _callback(stack: Stack, fake: ws.FakeWeCom) -> None:
    """WeCom tells the channel that messages are waiting, as it does after each one."""
    query, body = fake.callback()
    response = requests.post(
        f"{stack.rasa_url}/webhooks/wecom/callback", params=query, data=body, timeout=10
    )
    assert (response.status_code, response.text) == (200, "success")


def _replies(fake: ws.FakeWeCom, after: int, quiet: float = 1.5, limit: float = 60) -> List[str]:
    """Texts the bot sent after the first `after`, once it has been quiet for a moment."""
    deadline = time.monotonic() + limit
    seen, since = len(fake.sent), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.2)
        if len(fake.sent) != seen:
            seen, since = len(fake.sent), time.monotonic()
        elif seen > after and time.monotonic() - since >= quiet:
            break
    return [_text(message) for message in fake.sent[after:]]


def _text(message: Dict[str, Any]) -> str:
    if message["msgtype"] == "text":
        return str(message["text"]["content"])
    if message["msgtype"] == "msgmenu":
        menu = message["msgmenu"]
        return " ".join(
            [menu.get("head_content", "")]
            + [item["click"]["content"] for item in menu.get("list", []) if "click" in item]
        )
    return message["msgtype"]


def test_a_live_viewer_files_a_complaint_through_wecom(wecom_stack):
    stack, fake = wecom_stack

    fake.enter_session(VIEWER, "live", SCENE_PARAM)
    _callback(stack, fake)
    for _ in range(100):
        if fake.sent_on_event:
            break
        time.sleep(0.2)
    [welcome] = fake.sent_on_event
    assert welcome["code"].startswith("welcome-") and "阿杰数码" in welcome["text"]["content"]

    transcript: List[str] = []
    message = ANSWERS["issue_description"]
    tickets: List[Dict[str, Any]] = []
    for _ in range(12):
        before = len(fake.sent)
        fake.customer_text(VIEWER, message)
        _callback(stack, fake)
        replies = _replies(fake, before)
        transcript += [f"> {message}"] + replies
        assert replies, "\n".join(transcript)
        tickets = [t for t in stack.tickets() if t["conversation_id"] == VIEWER]
        if tickets:
            break
        state = tracker(stack, VIEWER)
        slot = state["slots"].get("requested_slot")
        if state["slots"].get("awaiting_confirmation"):
            message = "对的，没问题"
        elif slot in ANSWERS:
            message = ANSWERS[slot]
        else:
            raise AssertionError(f"unexpected question {slot!r}:\n" + "\n".join(transcript))

    assert tickets, "no ticket:\n" + "\n".join(transcript)
    [ticket] = tickets
    assert ticket["channel"] == "wecom"
    assert ticket["issue_category"] == "livestream_misleading"
    assert ticket["order_id"] == "202411220931"
    assert ticket["live"]["room_id"] == "room-3302"
    assert ticket["live"]["streamer"] == "阿杰数码"
    assert "袜" in (ticket["live"].get("claim") or "")
    assert any(ticket["id"] in text for text in transcript), "\n".join(transcript)
    # every reply went to this viewer through kf/send_msg, none was lost to an error
    assert {m["touser"] for m in fake.sent} == {VIEWER}
    assert "gettoken" in fake.calls and "sync_msg" in fake.calls
