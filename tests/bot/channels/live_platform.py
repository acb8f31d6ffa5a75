"""A live platform's reply endpoint, for the webhook channel's tests (unit and end-to-end)."""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional

from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.channels.live_webhook import sign


class PlatformEndpoint:
    """Checks each reply's signature, keeps the good ones, counts the bad ones.

    `fail_next` answers that many replies with 503, as a platform that is briefly down.
    """

    def __init__(self, secret: str) -> None:
        self.secret = secret
        self.replies: List[Dict[str, Any]] = []
        self.bad_signatures = 0
        self.fail_next = 0
        self.server: Optional[TestServer] = None

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        if self.fail_next:
            self.fail_next -= 1
            return web.Response(status=503)
        expected = sign(self.secret, request.headers.get("X-Live-Timestamp", ""), body)
        if request.headers.get("X-Live-Signature") != expected:
            self.bad_signatures += 1
            return web.Response(status=403)
        self.replies.append(json.loads(body))
        return web.json_response({"ok": True})

    async def start(self) -> str:
        """Serve on a free local port; return the reply URL."""
        app = web.Application()
        app.router.add_post("/replies", self.handle)
        self.server = TestServer(app, host="127.0.0.1")
        await self.server.start_server()
        return str(self.server.make_url("/replies"))

    async def close(self) -> None:
        if self.server is not None:
            await self.server.close()
