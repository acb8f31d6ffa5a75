"""Viewers of one live show, in the shop widget and on 微信客服, told their ticket is hastened.

Hand trial (trial2): the group "加急" notice (`actions/incident_notices.py`) had been tried
through the REST channel only. Here the real bot runs with the WeCom Kf channel pointed at
the local stand-in (tests/bot/channels/wecom_server.py) and the widget in Chromium. Two
widget viewers name their live order (the order service places it in room-3302's show of
20:00), two WeCom viewers came through the room's link (`scene_param` as docs/wecom.md writes
it, "2024-11-22T20:00"); the fifth complaint makes the group incident, and each earlier
viewer still waiting hears once, in their own script, that their ticket is now urgent.
Before the fix the five were two sessions ("…T20:00:00+08:00" and "…T20:00") and no
incident formed.
"""

from __future__ import annotations

import time
from typing import Dict, Iterator, List, Tuple

import pytest
import requests
from playwright.sync_api import Page, expect

from tests.bot.channels import wecom_server as ws
from tests.e2e.stack import Stack, require_model
from tests.e2e.test_live_channels import BackgroundLoop

IN_SHADOW = "complaint-widget"
SCENE = "room-3302|阿杰数码|2024-11-22T20:00"
NOTICE = ("已升级为加急处理", "已升級為加急處理")
pytestmark = [pytest.mark.e2e, pytest.mark.model]


@pytest.fixture(scope="module")
def live_stack(tmp_path_factory, widget_bundle) -> Iterator[Tuple[Stack, ws.FakeWeCom]]:
    require_model()
    background = BackgroundLoop()
    wecom = ws.FakeWeCom()
    base_url = background.run(wecom.start())
    credentials = (
        "bot.channels.wecom.WeComKfInput:\n"
        f"  corp_id: {ws.CORP_ID}\n"
        f"  secret: {ws.SECRET}\n"
        f"  token: {ws.TOKEN}\n"
        f"  encoding_aes_key: {ws.AES_KEY}\n"
        f"  open_kfid: {ws.OPEN_KFID}\n"
        f"  api_base_url: {base_url}\n"
    )
    stack = Stack(tmp_path_factory.mktemp("live-group"), extra_credentials=credentials)
    try:
        yield stack.start(), wecom
    finally:
        stack.stop()
        background.run(wecom.close())
        background.stop()


def _wecom_says(stack: Stack, wecom: ws.FakeWeCom, user: str, text: str) -> List[str]:
    """The viewer writes on WeCom; the texts the bot sent back once it was quiet."""
    before = len(wecom.sent)
    wecom.customer_text(user, text)
    query, body = wecom.callback()
    answer = requests.post(
        f"{stack.rasa_url}/webhooks/wecom/callback", params=query, data=body, timeout=10
    )
    assert answer.text == "success"
    deadline, seen, since = time.monotonic() + 60, before, time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.2)
        if len(wecom.sent) != seen:
            seen, since = len(wecom.sent), time.monotonic()
        elif seen > before and time.monotonic() - since >= 1.5:
            break
    return [_text(message) for message in wecom.sent[before:]]


def _text(message: Dict) -> str:
    if message["msgtype"] == "text":
        return str(message["text"]["content"])
    return str(message.get("msgmenu", {}).get("head_content", ""))


def _wecom_viewer(stack: Stack, wecom: ws.FakeWeCom, user: str, opening: str, handoff: str):
    wecom.enter_session(user, "live", SCENE)
    query, body = wecom.callback()
    requests.post(f"{stack.rasa_url}/webhooks/wecom/callback", params=query, data=body, timeout=10)
    _wecom_says(stack, wecom, user, opening)
    assert any(
        "工单" in line or "工單" in line for line in _wecom_says(stack, wecom, user, handoff)
    )


def _widget_viewer(browser, stack: Stack, opening: str, handoff: str) -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    page = context.new_page()
    page.goto(f"{stack.rasa_url}/widget/demo/")
    page.get_by_role("button", name="联系客服").click()
    box = page.locator(f"{IN_SHADOW} textarea")  # its label follows the customer's script
    rows = page.locator(f"{IN_SHADOW} .log .row.bot")
    for text in (opening, handoff):
        before = rows.count()
        box.fill(text)
        box.press("Enter")
        expect(rows.nth(before)).to_be_visible(timeout=60_000)
        page.wait_for_timeout(2000)
    expect(page.locator(f"{IN_SHADOW} .log").get_by_text("C2", exact=False).first).to_be_visible()
    return page


def _notices(page: Page) -> List[str]:
    rows = page.locator(f"{IN_SHADOW} .log .row.bot").all_inner_texts()
    return [row for row in rows if any(words in row for words in NOTICE)]


def test_waiting_viewers_in_the_widget_and_on_wecom_hear_once_that_their_group_is_urgent(
    browser, live_stack
):
    stack, wecom = live_stack
    hant = _widget_viewer(
        browser,
        stack,
        "我在阿杰數碼直播間買的 訂單 LS20241122017 主播說買手錶送錶帶 我沒收到錶帶",
        "轉人工",
    )
    hans = _widget_viewer(
        browser, stack, "阿杰数码直播间买的 订单 LS20241122017 主播说送表带 没收到表带", "转人工"
    )
    _wecom_viewer(stack, wecom, "wmGroupHans", "主播说买手表送表带，我收到没有表带", "转人工")
    _wecom_viewer(stack, wecom, "wmGroupHant", "主播說買手錶送錶帶，我收到沒有錶帶", "轉人工")
    assert not _notices(hant) and not _notices(hans)

    _wecom_viewer(stack, wecom, "wmGroupFifth", "主播说买手表送表带，我的表带呢", "转人工")

    tickets = {
        t["conversation_id"]: t
        for t in stack.tickets()
        if (t.get("live") or {}).get("room_id") == "room-3302"
    }
    assert len(tickets) == 5 and len({t["incident_id"] for t in tickets.values()}) == 1
    assert all(t["incident_id"] and t["severity"] == "urgent" for t in tickets.values())
    for page, script in ((hant, "已升級為加急處理"), (hans, "已升级为加急处理")):
        expect(page.locator(f"{IN_SHADOW} .log").get_by_text(script, exact=False)).to_have_count(
            1, timeout=30_000
        )
        page.reload()
        page.wait_for_timeout(3000)
        [notice] = _notices(page)  # once, and still there after a reload
        assert script in notice
    told = {}
    for _ in range(60):
        told = {m["touser"]: _text(m) for m in wecom.sent if any(w in _text(m) for w in NOTICE)}
        if len(told) == 2:
            break
        time.sleep(0.5)
    assert set(told) == {"wmGroupHans", "wmGroupHant"}
    assert tickets["wmGroupHans"]["id"] in told["wmGroupHans"] and "已升级" in told["wmGroupHans"]
    assert tickets["wmGroupHant"]["id"] in told["wmGroupHant"] and "已升級" in told["wmGroupHant"]
    assert sum(any(w in _text(m) for w in NOTICE) for m in wecom.sent) == 2
