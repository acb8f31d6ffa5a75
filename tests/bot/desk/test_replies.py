"""Replies against a real local HTTP server standing in for Rasa: what reaches the transport."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Dict, List, Tuple

import pytest
from aiohttp import web
from sanic import Sanic

from bot.desk.app import create_desk_app
from bot.desk.rasa_client import RasaClient
from tests.bot.api.conftest import start_lifespan
from tests.bot.desk.conftest import RASA_TOKEN, DeskClient


@dataclass
class LocalRasa:
    """What the stand-in serves (`user` events by conversation) and every request it got."""

    url: str
    events: Dict[str, List[Dict[str, Any]]] = field(default_factory=dict)
    calls: List[Tuple[str, str, Any]] = field(default_factory=list)

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
        return web.json_response({"events": state.events.get(request.match_info["cid"], [])})

    async def record(request: web.Request) -> web.Response:
        state.calls.append(("POST", request.path, await request.json()))
        return web.json_response({})

    app = web.Application()
    app.router.add_get("/conversations/{cid}/tracker", tracker)
    app.router.add_post("/conversations/{cid}/tracker/events", record)
    app.router.add_post("/conversations/{cid}/trigger_intent", record)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    state.url = f"http://127.0.0.1:{runner.addresses[0][1]}"
    yield state
    await runner.cleanup()


@pytest.fixture
async def agent_on_local_rasa(
    monkeypatch, local_rasa, desk_settings, desk_store, accounts, evidence_store
):
    monkeypatch.setattr(Sanic, "test_mode", True)
    app = create_desk_app(
        desk_settings,
        desk_store,
        RasaClient(local_rasa.url, RASA_TOKEN),
        evidence=evidence_store,
        accounts=accounts,
    )
    shutdown = await start_lifespan(app)
    client = DeskClient(app)
    assert (await client.login("小王")).status == 302
    yield client
    await shutdown()


async def test_a_reply_reads_the_rasa_tracker_once(agent_on_local_rasa, local_rasa, make_ticket):
    """Review: a reply read the whole tracker twice, once for the customer's messages and once
    for their script. One read now serves both: the customer's Traditional message is kept in
    the transcript and the reply reaches them in Traditional."""
    agent = agent_on_local_rasa
    ticket = make_ticket()
    conversation = ticket["conversation_id"]
    later = datetime.fromisoformat(ticket["created_at"]).timestamp() + 30
    local_rasa.events[conversation] = [
        {"event": "user", "text": "藍牙耳機用了兩天左邊就不響了", "timestamp": later}
    ]
    assert (await agent.post(f"/desk/api/tickets/{ticket['id']}/claim")).status == 200
    local_rasa.calls.clear()

    response = await agent.post(
        f"/desk/api/tickets/{ticket['id']}/reply", json={"text": "您好，耳机给您换新"}
    )

    assert response.status == 200, response.text
    assert local_rasa.tracker_reads() == [f"/conversations/{conversation}/tracker"]
    assert local_rasa.sent() == [
        [{"event": "bot", "text": "您好，耳機給您換新", "metadata": {"agent": "小王"}}]
    ]
    transcript = response.json()["ticket"]["transcript"]
    assert [(e["role"], e["text"]) for e in transcript[-2:]] == [
        ("customer", "藍牙耳機用了兩天左邊就不響了"),
        ("agent", "您好，耳机给您换新"),
    ]
