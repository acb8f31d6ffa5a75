"""A real ticket API app driven through ASGI, as a server would drive it.

`sanic-testing` (what `app.asgi_client` needs on Sanic 21.12) pins httpx < 0.24, which pins
h11 < 0.15 and breaks the wsproto that Rasa's socket.io channel installs; this small ASGI
client needs nothing beyond the standard library.
"""

import asyncio
import json as jsonlib
from dataclasses import dataclass
from typing import Any, Dict, List, Tuple
from urllib.parse import urlencode

import pytest
from sanic import Sanic

from bot.api.app import create_app
from bot.settings import Secret, Settings
from bot.tickets import TicketStore
from bot.triage.service import TriageService

API_TOKEN = "test-api-token-3f9c"
RASA_URL = "http://rasa.test:5005"
RASA_TOKEN = "rasa-secret"


@dataclass
class Response:
    status: int
    headers: Dict[str, str]
    body: bytes

    def json(self) -> Any:
        return jsonlib.loads(self.body.decode("utf-8"))


@dataclass
class AsgiClient:
    app: Sanic
    token: str | None = API_TOKEN

    async def request(
        self,
        method: str,
        path: str,
        *,
        query: List[Tuple[str, str]] | None = None,
        headers: Dict[str, str] | None = None,
        body: bytes = b"",
        json: Any = None,
        token: str | None = "default",
    ) -> Response:
        all_headers = {"host": "testserver"}
        token = self.token if token == "default" else token
        if token is not None:
            all_headers["authorization"] = f"Bearer {token}"
        if json is not None:
            body = jsonlib.dumps(json, ensure_ascii=False).encode("utf-8")
            all_headers["content-type"] = "application/json"
        all_headers.update(headers or {})
        all_headers["content-length"] = str(len(body))
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": method,
            "scheme": "http",
            "path": path,
            "raw_path": path.encode("utf-8"),
            "query_string": urlencode(query or []).encode("ascii"),
            "root_path": "",
            "headers": [
                (k.lower().encode("latin-1"), v.encode("utf-8")) for k, v in all_headers.items()
            ],
            "client": ("127.0.0.1", 50000),
            "server": ("testserver", 80),
        }
        incoming = [{"type": "http.request", "body": body, "more_body": False}]
        messages: List[Dict[str, Any]] = []

        async def receive():
            if incoming:
                return incoming.pop(0)
            return {"type": "http.disconnect"}

        async def send(message):
            messages.append(message)

        await asyncio.wait_for(self.app(scope, receive, send), timeout=30)
        start = next(m for m in messages if m["type"] == "http.response.start")
        return Response(
            status=start["status"],
            headers={k.decode("latin-1").lower(): v.decode("latin-1") for k, v in start["headers"]},
            body=b"".join(
                m.get("body", b"") for m in messages if m["type"] == "http.response.body"
            ),
        )

    async def get(self, path: str, **kwargs: Any) -> Response:
        return await self.request("GET", path, **kwargs)

    async def post(self, path: str, **kwargs: Any) -> Response:
        return await self.request("POST", path, **kwargs)


async def start_lifespan(app: Sanic):
    """Run the ASGI lifespan startup; return a coroutine function that shuts it down."""
    inbox: asyncio.Queue = asyncio.Queue()
    outbox: asyncio.Queue = asyncio.Queue()
    await inbox.put({"type": "lifespan.startup"})
    task = asyncio.ensure_future(
        app({"type": "lifespan", "asgi": {"version": "3.0"}}, inbox.get, outbox.put)
    )
    message = await asyncio.wait_for(outbox.get(), timeout=10)
    assert message["type"] == "lifespan.startup.complete"

    async def shutdown():
        await inbox.put({"type": "lifespan.shutdown"})
        message = await asyncio.wait_for(outbox.get(), timeout=10)
        assert message["type"] == "lifespan.shutdown.complete"
        # Sanic 21.12 then treats the finished lifespan scope as a request and fails on the
        # missing request object; servers ignore that, and so do we.
        await asyncio.wait([task], timeout=10)
        if not task.done():
            task.cancel()
        elif not task.cancelled():
            task.exception()

    return shutdown


@pytest.fixture
def api_settings(sqlite_url):
    return Settings(
        database_url=sqlite_url,
        api_token=Secret(API_TOKEN),
        rasa_url=RASA_URL,
        rasa_token=Secret(RASA_TOKEN),
    )


@pytest.fixture
def ticket_store(api_settings):
    store = TicketStore.from_settings(api_settings)
    yield store
    store.close()


@pytest.fixture
def triage_service(api_settings):
    return TriageService.from_settings(api_settings)


@pytest.fixture
async def client(monkeypatch, api_settings, ticket_store, triage_service):
    monkeypatch.setattr(Sanic, "test_mode", True)  # a fresh app of the same name per test
    app = create_app(api_settings, store=ticket_store, parser=triage_service)
    shutdown = await start_lifespan(app)
    yield AsgiClient(app)
    await shutdown()
