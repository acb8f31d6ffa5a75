"""A real desk app (real SQLite ticket store, real accounts) driven through ASGI.

The Rasa server is faked at the transport with aioresponses: tests assert the exact calls.
The client keeps cookies like a browser and sends the CSRF token when asked.
"""

import asyncio
import json as jsonlib
import re
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any, Dict, List, Tuple
from urllib.parse import urlencode

import pytest
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
        desk=DeskSettings(secret=Secret("desk-secret-0123456789"), poll_seconds=0.2),
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
