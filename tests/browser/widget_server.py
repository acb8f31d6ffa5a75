"""A Sanic server with the widget's channels and a fake bot, for the browser tests.

Run as `python -m tests.browser.widget_server --port N --storage DIR`. The channels are
mounted with Rasa's own `register()`, as `rasa run` mounts them. The fake bot stands in for
the agent: it keeps real trackers in Rasa's InMemoryTrackerStore (so the history replay is
the real one), answers through the channel's output channel, and counts what it received
(`GET /test/received`) so a test can check that a message was delivered exactly once.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import uuid
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace
from typing import Any, Dict, List

from rasa.core.channels.channel import UserMessage, register
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from sanic import Sanic, response

from bot.channels.socketio import WidgetSocketIOInput
from bot.channels.uploads import EvidenceUploadInput
from bot.evidence.settings import EvidenceSettings
from bot.intake.presentation import due_values

SECRET = "browser-test-secret-0123456789abcdef"
SHOP_ZONE = "Asia/Shanghai"


class FakeBot:
    """Echoes, offers quick replies, reads back and files a ticket."""

    def __init__(self, die_mid_turn: int = 0) -> None:
        self.tracker_store = InMemoryTrackerStore(Domain.empty())
        self.received: List[Dict[str, Any]] = []
        self.die_mid_turn = die_mid_turn  # confirmations whose turn the server dies in
        self.channel: Any = None

    def replies(self, message: UserMessage) -> List[Dict[str, Any]]:
        text = message.text or ""
        metadata = message.metadata or {}
        if text == "/affirm":
            due = datetime.now(timezone.utc) + timedelta(minutes=15)
            return [
                {
                    "custom": {
                        "type": "read_back",
                        "fields": [
                            {"label": "订单号", "value": "2026112300123"},
                            {"label": "问题类型", "value": "物流配送问题"},
                            {"label": "问题描述", "value": "我的訂單還沒收到"},
                            {"label": "您的诉求", "value": "补发"},
                        ],
                    }
                },
                {
                    "custom": {
                        "type": "ticket",
                        "id": "C20261123-0001",
                        "first_response_due": due.isoformat(),
                    }
                },
                {"text": "客服会在 15 分钟内联系您。"},
            ]
        if text == "/handoff":
            # words the due time as the real bot does: in the shop's zone, with the date
            # when it is another day there ("12月1日 00:06" at 23:51)
            now = datetime.now(timezone.utc)
            due = (now + timedelta(minutes=15)).astimezone(timezone(timedelta(hours=8)))
            ticket = {
                "id": "C20261123-0002",
                "sla": {
                    "first_response_due": due.isoformat(),
                    "resolution_due": (due + timedelta(hours=24)).isoformat(),
                },
            }
            said = due_values(ticket, SHOP_ZONE, now)["first_response_at"]
            return [
                {"text": f"人工客服会在 {said} 前联系您。"},
                {"custom": {"type": "ticket", "id": ticket["id"],
                            "first_response_due": due.isoformat()}},
            ]  # fmt: skip
        if text == "/agent":
            # what an agent's line from the desk looks like to the widget (metadata.agent)
            return [{"text": "您好，我是客服小王，马上为您处理", "agent": "小王"}]
        if text == "/send_evidence":
            count = len(metadata.get("evidence") or [])
            then = "（说明随后）" if metadata.get("captioned") else ""
            return [{"text": f"收到 {count} 个证据文件，谢谢！{then}"}]
        if text.startswith("/"):
            return [{"text": "好的，请继续描述。"}]
        caption = "（随文件）" if metadata.get("with_evidence") else ""
        return [
            {
                "text": f"收到：{text}{caption}",
                "buttons": [
                    {"title": "是的，提交", "payload": "/affirm"},
                    {"title": "补充说明", "payload": "/deny"},
                ],
            }
        ]

    async def __call__(self, message: UserMessage) -> None:
        self.received.append({"text": message.text, "metadata": message.metadata})
        if "稍等" in (message.text or ""):
            await asyncio.sleep(1.5)  # a slow turn, to see the typing indicator
        tracker = await self.tracker_store.get_or_create_tracker(message.sender_id)
        tracker.update(
            UserUttered(
                message.text, input_channel=message.input_channel, metadata=message.metadata
            )
        )
        for reply in self.replies(message):
            data = {key: value for key, value in reply.items() if key != "text"}
            event = BotUttered(reply.get("text"), data=data)
            tracker.update(event)
            await message.output_channel.send_response(message.sender_id, event.message())
        if message.text == "/affirm" and self.die_mid_turn > 0:
            self.die_mid_turn -= 1
            await self._die(message.sender_id)
        await self.tracker_store.save(tracker)

    async def _die(self, session_id: str) -> None:
        """The server stops after answering, before storing the turn: as a restarted server,
        it remembers no message id and drops its connections (the widget reconnects and
        sends the unacknowledged message again); the turn is not stored, and not answered."""
        sio = self.channel.sio
        namespace = self.channel.namespace or "/"
        self.channel._seen.clear()
        await asyncio.sleep(1.0)  # what was sent has reached the widget, as on the stack
        for _, eio_sid in list(sio.manager.get_participants(namespace, session_id)):
            asyncio.get_running_loop().create_task(sio.eio.disconnect(eio_sid))
        raise RuntimeError("the server stopped before storing the turn")


def create_app(
    storage: str,
    stall_websocket: bool = False,
    slow_connect: float = 0,
    refuse_connects: int = 0,
    die_mid_turn: int = 0,
) -> Sanic:
    """The app: both widget channels, the fake bot as the agent, counter routes.

    `stall_websocket`: WebSocket handshakes are never answered, as when a proxy or the
    Sanic/engine.io WebSocket support stalls; HTTP long-polling still works.
    `slow_connect`: each socket.io CONNECT packet waits this many seconds, as on a busy
    server, which widens the moment between the engine.io handshake and the namespace
    connection (`GET /test/connects` counts the CONNECT packets received).
    `refuse_connects`: the first this many namespace connections are refused, as the channel
    refuses a bad token or python-socketio a second CONNECT; socket.io gives such a
    connection up for good.
    `die_mid_turn`: the first this many confirmations ("/affirm") are answered, then the
    server "stops" before storing the turn (`FakeBot._die`).
    """
    settings = EvidenceSettings(storage_dir=storage, secret=SECRET)  # type: ignore[arg-type]
    bot = FakeBot(die_mid_turn)
    app = Sanic(f"widget_browser_{uuid.uuid4().hex[:8]}")
    app.ctx.agent = SimpleNamespace(tracker_store=bot.tracker_store, handle_message=bot)
    channels = [
        WidgetSocketIOInput(session_persistence=True, evidence_settings=settings),
        EvidenceUploadInput(settings=settings),
    ]
    register(channels, app, route="/webhooks/")
    bot.channel = channels[0]
    if refuse_connects:
        _refuse_first_connects(channels[0], refuse_connects)

    if stall_websocket:

        @app.on_request
        async def stall(request: Any) -> None:
            if request.headers.get("upgrade", "").lower() == "websocket":
                await asyncio.sleep(3600)

    connects: List[float] = []

    @app.on_request
    async def note_arrival(request: Any) -> None:
        """Each request when it arrives (Sanic's access log shows it only when answered)."""
        logging.getLogger("widget_server").info("%s %s", request.method, request.path)
        if request.method == "POST" and request.path.startswith("/socket.io"):
            packets = (request.body or b"").split(b"\x1e")  # engine.io v4 payload separator
            for _ in [p for p in packets if p == b"40" or p.startswith(b"40{")]:
                connects.append(asyncio.get_running_loop().time())
                await asyncio.sleep(slow_connect)

    @app.get("/test/connects")
    async def connect_packets(_: Any) -> Any:
        return response.json({"count": len(connects)})

    @app.get("/test/received")
    async def received(_: Any) -> Any:
        return response.json(bot.received)

    @app.get("/test/gbk.html")
    async def gbk_page(_: Any) -> Any:
        """A shop page in GBK, as many older Chinese shop pages still are."""
        page = (
            '<!doctype html><html lang="zh-CN"><head><meta charset="gbk"><title>旧版店铺</title>'
            "</head><body><h1>旧版店铺页面</h1>"
            '<script src="/widget/widget.js"></script></body></html>'
        )
        return response.raw(page.encode("gbk"), content_type="text/html; charset=gbk")

    return app


def _refuse_first_connects(channel: WidgetSocketIOInput, count: int) -> None:
    """Wrap the channel's connect handler: it answers False (refused) `count` times first."""
    assert channel.sio is not None
    handlers = channel.sio.handlers[channel.namespace or "/"]
    accept = handlers["connect"]
    refused: List[str] = []

    async def connect(sid: str, environ: Dict, auth: Any = None) -> bool:
        if len(refused) < count:
            refused.append(sid)
            return False
        return await accept(sid, environ, auth)

    handlers["connect"] = connect


async def main(
    port: int,
    storage: str,
    stall_websocket: bool,
    slow_connect: float,
    refuse_connects: int,
    die_mid_turn: int,
) -> None:
    """Serve until SIGTERM or SIGINT."""
    app = create_app(storage, stall_websocket, slow_connect, refuse_connects, die_mid_turn)
    server = await app.create_server(
        host="127.0.0.1", port=port, return_asyncio_server=True, access_log=True
    )
    assert server is not None
    await server.startup()
    await server.before_start()
    await server.after_start()
    await server.start_serving()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await server.before_stop()
    server.close()
    await server.wait_closed()
    await server.after_stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--storage", required=True)
    parser.add_argument("--stall-websocket", action="store_true")
    parser.add_argument("--slow-connect", type=float, default=0.0)
    parser.add_argument("--refuse-connects", type=int, default=0)
    parser.add_argument("--die-mid-turn", type=int, default=0)
    args = parser.parse_args()
    arrivals = logging.StreamHandler()
    arrivals.setFormatter(logging.Formatter("%(asctime)s arrived: %(message)s"))
    logging.getLogger("widget_server").addHandler(arrivals)
    logging.getLogger("widget_server").setLevel(logging.INFO)
    asyncio.run(
        main(
            args.port,
            args.storage,
            args.stall_websocket,
            args.slow_connect,
            args.refuse_connects,
            args.die_mid_turn,
        )
    )
