"""A real desk app (real SQLite ticket store, real accounts) driven through ASGI.

The Rasa server is faked at the transport with aioresponses (tests assert the exact calls), or
stood in for by a real local HTTP server (`local_rasa`, `agent_on_local_rasa`).
The client keeps cookies like a browser and sends the CSRF token when asked.
"""

import asyncio
import json as jsonlib
import re
import sqlite3
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any, Callable, Dict, List, Optional, Set, Tuple
from urllib.parse import urlencode

import pytest
from aiohttp import web
from aioresponses import aioresponses
from sanic import Sanic

from bot.desk.accounts import AccountStore
from bot.desk.app import create_desk_app
from bot.desk.rasa_client import RasaClient
from bot.desk.settings import DeskSettings
from bot.evidence.settings import EvidenceSettings
from bot.evidence.store import EvidenceStore
from bot.settings import Secret, Settings
from bot.tickets import TicketStore
from tests.bot.api.conftest import start_lifespan
from tests.bot.tickets.conftest import _make_draft

RASA_URL = "http://rasa.test:5005"
RASA_TOKEN = "rasa-secret"
PASSWORD = "correct horse 42"


@dataclass
class Response:
    status: int
    headers: List[Tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k == name.lower()), None)

    def all(self, name: str) -> List[str]:
        return [v for k, v in self.headers if k == name.lower()]

    def json(self) -> Any:
        return jsonlib.loads(self.body.decode("utf-8"))

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


@dataclass
class DeskClient:
    app: Sanic
    cookies: Dict[str, str] = field(default_factory=dict)
    csrf: str = ""

    async def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        form: Dict[str, str] | None = None,
        headers: Dict[str, str] | None = None,
        csrf: str | None = "default",
    ) -> Response:
        all_headers = {"host": "testserver"}
        body = b""
        if json is not None:
            body = jsonlib.dumps(json, ensure_ascii=False).encode("utf-8")
            all_headers["content-type"] = "application/json"
        if form is not None:
            body = urlencode(form).encode("ascii")
            all_headers["content-type"] = "application/x-www-form-urlencoded"
        token = self.csrf if csrf == "default" else csrf
        if method != "GET" and token:
            all_headers["x-csrf-token"] = token
        if self.cookies:
            all_headers["cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        all_headers.update(headers or {})
        all_headers["content-length"] = str(len(body))
        path, _, query = path.partition("?")
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": method,
            "scheme": "http",
            "path": path,
            "raw_path": path.encode("utf-8"),
            "query_string": query.encode("ascii"),
            "root_path": "",
            "headers": [(k.encode("latin-1"), v.encode("utf-8")) for k, v in all_headers.items()],
            "client": ("127.0.0.1", 50000),
            "server": ("testserver", 80),
        }
        incoming = [{"type": "http.request", "body": body, "more_body": False}]
        messages: List[Dict[str, Any]] = []

        async def receive():
            if incoming:
                return incoming.pop(0)
            await asyncio.sleep(3600)

        async def send(message):
            messages.append(message)

        await asyncio.wait_for(self.app(scope, receive, send), timeout=30)
        start = next(m for m in messages if m["type"] == "http.response.start")
        response = Response(
            status=start["status"],
            headers=[
                (k.decode("latin-1").lower(), v.decode("latin-1")) for k, v in start["headers"]
            ],
            body=b"".join(
                m.get("body", b"") for m in messages if m["type"] == "http.response.body"
            ),
        )
        for raw in response.all("set-cookie"):
            cookie = SimpleCookie()
            cookie.load(raw)
            for name, morsel in cookie.items():
                if morsel.value and morsel["max-age"] != "0":
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        return response

    async def get(self, path: str, **kwargs: Any) -> Response:
        return await self.request("GET", path, **kwargs)

    async def post(self, path: str, **kwargs: Any) -> Response:
        return await self.request("POST", path, **kwargs)

    async def login(self, name: str, password: str = PASSWORD) -> Response:
        form_page = await self.get("/desk/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', form_page.text).group(1)
        response = await self.post(
            "/desk/login", form={"csrf_token": token, "name": name, "password": password}
        )
        if response.status == 302:
            page = await self.get("/desk/")
            self.csrf = re.search(r'name="csrf-token" content="([^"]+)"', page.text).group(1)
        return response


@pytest.fixture
def desk_settings(tmp_path):
    return Settings(
        database_url=f"sqlite:///{tmp_path / 'var' / 'complaints.db'}",
        rasa_url=RASA_URL,
        rasa_token=Secret(RASA_TOKEN),
        evidence=EvidenceSettings(
            storage_dir=str(tmp_path / "evidence"),
            secret=Secret("evidence-secret-0123456789"),
            public_base_url="http://rasa.test:5005",
        ),
        # the watcher's tracker reads are its own tests' (test_conversation_watch.py)
        desk=DeskSettings(
            secret=Secret("desk-secret-0123456789"), poll_seconds=0.2, watch_seconds=0
        ),
    )


@pytest.fixture
def desk_store(desk_settings):
    store = TicketStore.from_settings(desk_settings)
    yield store
    store.close()


@pytest.fixture
def accounts(desk_store):
    store = AccountStore(desk_store)
    store.create_agent("小王", "agent", PASSWORD)
    store.create_agent("小李", "agent", PASSWORD)
    store.create_agent("张主管", "supervisor", PASSWORD)
    return store


@pytest.fixture
def evidence_store(desk_settings):
    store = EvidenceStore(desk_settings.evidence)
    yield store
    store.close()


@pytest.fixture
def make_ticket(desk_store):
    counter = {"n": 0}

    def make(**overrides):
        counter["n"] += 1
        draft = _make_draft(**{"conversation_id": f"conv-{counter['n']}", **overrides})
        return desk_store.create_ticket(draft, f"key-{counter['n']}")

    return make


@pytest.fixture
def rasa_mock():
    with aioresponses() as mock:
        yield mock


@pytest.fixture
def desk_app(monkeypatch, desk_settings, desk_store, accounts, evidence_store):
    monkeypatch.setattr(Sanic, "test_mode", True)
    return create_desk_app(
        desk_settings,
        desk_store,
        RasaClient(RASA_URL, RASA_TOKEN),
        evidence=evidence_store,
        accounts=accounts,
    )


@pytest.fixture
async def client(desk_app):
    shutdown = await start_lifespan(desk_app)
    yield DeskClient(desk_app)
    await shutdown()


@pytest.fixture
async def agent(client):
    response = await client.login("小王")
    assert response.status == 302
    return client


# --- a real local HTTP server standing in for Rasa ------------------------------------------


@dataclass
class LocalRasa:
    """What the stand-in serves (events by conversation) and every request it got.

    As Rasa's `POST /conversations/<id>/tracker/events` does, appended events are logged with
    a timestamp and the tracker is answered.
    """

    url: str
    events: Dict[str, List[Dict[str, Any]]] = field(default_factory=dict)
    calls: List[Tuple[str, str, Any]] = field(default_factory=list)
    refusing: bool = False
    refusing_lines: bool = False  # refuse only appends that carry a message (not a pause)
    # conversations whose every call is refused, as an undeliverable channel would be
    refusing_conversations: Set[str] = field(default_factory=set)
    # called with (method, conversation, body) before a tracker read or an append is answered:
    # what another agent does meanwhile (a claim, a resolve) while the desk waits for Rasa
    meanwhile: Optional[Callable[[str, str, Any], None]] = None

    def tracker_reads(self) -> List[str]:
        return [path for method, path, _ in self.calls if method == "GET"]

    def sent(self) -> List[Any]:
        return [body for method, path, body in self.calls if method == "POST"]


@pytest.fixture
async def local_rasa():
    """A real HTTP server on a port the system picks (free by construction)."""
    state = LocalRasa(url="")

    async def tracker(request: web.Request) -> web.Response:
        state.calls.append(("GET", request.path, dict(request.query)))
        if state.meanwhile is not None:
            state.meanwhile("GET", request.match_info["cid"], None)
        if request.match_info["cid"] in state.refusing_conversations:
            return web.json_response({"message": "channel unreachable"}, status=500)
        events = state.events.get(request.match_info["cid"], [])
        # as Rasa: the newest event's time always, the events unless `include_events=NONE`
        latest = events[-1].get("timestamp") if events else None
        shown = None if request.query.get("include_events") == "NONE" else events
        return web.json_response({"latest_event_time": latest, "events": shown})

    async def append(request: web.Request) -> web.Response:
        body = await request.json()
        state.calls.append(("POST", request.path, body))
        if state.meanwhile is not None:
            state.meanwhile("POST", request.match_info["cid"], body)
        carries_line = any(event.get("event") == "bot" for event in body)
        refused = request.match_info["cid"] in state.refusing_conversations
        if state.refusing or refused or (state.refusing_lines and carries_line):
            return web.json_response({"message": "tracker locked"}, status=500)
        logged = state.events.setdefault(request.match_info["cid"], [])
        logged.extend({**event, "timestamp": time.time()} for event in body)
        return web.json_response({"events": logged})

    async def record(request: web.Request) -> web.Response:
        state.calls.append(("POST", request.path, await request.json()))
        return web.json_response({})

    app = web.Application()
    app.router.add_get("/conversations/{cid}/tracker", tracker)
    app.router.add_post("/conversations/{cid}/tracker/events", append)
    app.router.add_post("/conversations/{cid}/trigger_intent", record)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    state.url = f"http://127.0.0.1:{runner.addresses[0][1]}"
    yield state
    await runner.cleanup()


@pytest.fixture
async def app_on_local_rasa(
    monkeypatch, local_rasa, desk_settings, desk_store, accounts, evidence_store
):
    """A started desk app talking to `local_rasa`; sign agents in with `DeskClient(app)`."""
    monkeypatch.setattr(Sanic, "test_mode", True)
    app = create_desk_app(
        desk_settings,
        desk_store,
        RasaClient(local_rasa.url, RASA_TOKEN),
        evidence=evidence_store,
        accounts=accounts,
    )
    shutdown = await start_lifespan(app)
    yield app
    await shutdown()


@pytest.fixture
async def agent_on_local_rasa(app_on_local_rasa):
    client = DeskClient(app_on_local_rasa)
    assert (await client.login("小王")).status == 302
    return client


def refuse_ticket_writes(database: str) -> None:
    """Make the SQLite file itself refuse every change to a ticket, as a full disk would."""
    with sqlite3.connect(database) as connection:
        connection.execute(
            "CREATE TRIGGER refuse BEFORE UPDATE ON tickets BEGIN SELECT RAISE(ABORT, 'disk full'); END"
        )


def accept_ticket_writes(database: str) -> None:
    with sqlite3.connect(database) as connection:
        connection.execute("DROP TRIGGER refuse")
