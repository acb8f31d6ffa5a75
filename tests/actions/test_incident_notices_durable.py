"""after5 (2): the group "加急" notice survives a Rasa server that is down when the incident
forms. It is kept in the ticket database and retried, with a growing delay, against a real
local HTTP server standing in for Rasa's API: delivered once it is up, never twice, given up
(in the ticket's history) when it never comes up, dropped for a ticket an agent claimed."""

import asyncio
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Dict, List

import pytest
from aiohttp import web

from actions import dependencies, incident_notices
from actions.requests import ActionHandoff
from bot.tickets.notices import NoticeOutbox
from tests.actions.conftest import make_tracker

ROOM = {"room_id": "room-5150", "streamer": "大鹏严选", "started_at": "2026-12-01T20:00"}
TEXT = "主播在直播间说买锅送炒铲，我收到根本没有炒铲 转人工"


class LocalRasa:
    """Rasa's tracker API on a real port, started and stopped by the test."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.events: Dict[str, List[Dict[str, Any]]] = {}
        self.runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/conversations/{cid}/tracker", self._tracker)
        app.router.add_post("/conversations/{cid}/tracker/events", self._append)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", self.port).start()

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()

    async def _tracker(self, request: web.Request) -> web.Response:
        cid = request.match_info["cid"]
        written = [{"event": "user", "text": TEXT, "timestamp": 1.0}]
        return web.json_response({"events": written + self.events.get(cid, [])})

    async def _append(self, request: web.Request) -> web.Response:
        logged = self.events.setdefault(request.match_info["cid"], [])
        logged.extend({**e, "timestamp": time.time()} for e in await request.json())
        return web.json_response({"events": logged})

    def notices(self) -> List[str]:
        """The conversations sent a notice, one entry per notice sent."""
        return sorted(
            cid
            for cid, events in self.events.items()
            for e in events
            if e.get("event") == "bot" and (e.get("metadata") or {}).get("notice")
        )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
async def rasa(monkeypatch):
    """Down at first: nothing listens on its port until the test starts it."""
    server = LocalRasa(_free_port())
    monkeypatch.setenv("COMPLAINTS_RASA_URL", f"http://127.0.0.1:{server.port}")
    monkeypatch.setenv("COMPLAINTS_NOTICES__FIRST_DELAY_SECONDS", "0.05")
    monkeypatch.setenv("COMPLAINTS_NOTICES__MAX_DELAY_SECONDS", "0.2")
    monkeypatch.setenv("COMPLAINTS_NOTICES__MAX_ATTEMPTS", "200")
    for factory in (dependencies.settings, dependencies.rasa_client):
        factory.cache_clear()
    yield server
    await incident_notices.stop()
    await server.stop()


async def _viewer(dispatcher, domain, n: int) -> str:
    history = [{"event": "user", "text": "在吗", "timestamp": 1.0, "metadata": {"live": ROOM}}]
    slots = {
        "issue_category": "livestream_misleading",
        "issue_description": TEXT,
        "intake_id": f"i-{n}",
    }
    tracker = make_tracker(TEXT, "handoff", slots=slots, history=history, sender=f"viewer-{n}")
    events = await ActionHandoff().run(dispatcher, tracker, domain)
    return next(e["value"] for e in events if e.get("name") == "ticket_id")


def _outbox() -> NoticeOutbox:
    return NoticeOutbox(dependencies.ticket_store(), dependencies.settings().notices)


def _told(ticket_id: str) -> bool:
    ticket = dependencies.ticket_store().get_ticket(ticket_id)
    return any(e["role"] == "bot" and ticket_id in e["text"] for e in ticket["transcript"])


async def test_notices_wait_for_rasa_and_go_out_once_when_it_is_back(dispatcher, domain, rasa):
    tickets = [await _viewer(dispatcher, domain, n) for n in range(5)]
    await asyncio.sleep(0.3)  # a few attempts against the closed port
    waiting = tickets[:4]
    assert [_outbox().status(t, incident_notices.NOTICE) for t in waiting] == ["pending"] * 4
    assert not any(_told(t) for t in waiting)

    await rasa.start()
    await asyncio.wait_for(incident_notices.settle(), timeout=10)

    assert rasa.notices() == [f"viewer-{n}" for n in range(4)]
    assert all(_told(t) for t in waiting)
    assert [_outbox().status(t, incident_notices.NOTICE) for t in waiting] == ["delivered"] * 4

    # never twice: another pass, two workers at once, a sixth viewer joining
    await asyncio.gather(incident_notices.deliver_due(), incident_notices.deliver_due())
    await _viewer(dispatcher, domain, 5)
    await asyncio.wait_for(incident_notices.settle(), timeout=10)
    assert rasa.notices() == [f"viewer-{n}" for n in range(4)]


async def test_two_workers_at_once_send_each_notice_once(dispatcher, domain, rasa, monkeypatch):
    monkeypatch.setenv("COMPLAINTS_NOTICES__LEASE_SECONDS", "0.1")  # a worker stopped mid-send
    dependencies.settings.cache_clear()
    for n in range(5):
        await _viewer(dispatcher, domain, n)
    await incident_notices.stop()  # this worker is gone (a restart); the notices wait
    await asyncio.sleep(0.3)  # past their next attempt
    await rasa.start()
    await asyncio.gather(incident_notices.deliver_due(), incident_notices.deliver_due())
    assert rasa.notices() == [f"viewer-{n}" for n in range(4)]


async def test_a_rasa_that_never_comes_back_is_given_up_in_the_history(
    dispatcher, domain, rasa, monkeypatch
):
    monkeypatch.setenv("COMPLAINTS_NOTICES__MAX_ATTEMPTS", "3")
    dependencies.settings.cache_clear()
    tickets = [await _viewer(dispatcher, domain, n) for n in range(5)]
    await asyncio.wait_for(incident_notices.settle(), timeout=10)

    store = dependencies.ticket_store()
    for ticket_id in tickets[:4]:
        assert _outbox().status(ticket_id, incident_notices.NOTICE) == "given_up"
        gave_up = [
            a for a in store.get_audit(ticket_id) if a["field"] == "notice_ticket_prioritised"
        ]
        assert [(a["before"], a["after"]) for a in gave_up] == [("pending", "given_up")]
    await rasa.start()
    await incident_notices.deliver_due()
    assert rasa.notices() == []


async def test_a_ticket_claimed_while_rasa_was_down_is_not_told(dispatcher, domain, rasa):
    tickets = [await _viewer(dispatcher, domain, n) for n in range(5)]
    dependencies.ticket_store().update_ticket(
        tickets[1], actor="小王", status="assigned", assignee="小王"
    )
    await rasa.start()
    await asyncio.wait_for(incident_notices.settle(), timeout=10)
    assert rasa.notices() == ["viewer-0", "viewer-2", "viewer-3"]
    assert _outbox().status(tickets[1], incident_notices.NOTICE) == "dropped"


async def test_notices_a_restarted_action_server_owes_go_out_at_its_first_filing(
    dispatcher, domain, rasa, monkeypatch
):
    """The worker stopped (a restart) with notices pending; no live viewer files again, but
    the new process's first filing of any ticket starts a worker that sends them."""
    monkeypatch.setenv("COMPLAINTS_NOTICES__LEASE_SECONDS", "0.1")  # stopped mid-attempt
    dependencies.settings.cache_clear()
    tickets = [await _viewer(dispatcher, domain, n) for n in range(5)]
    await incident_notices.stop()  # the process is gone; its notices wait in the database
    await rasa.start()
    await asyncio.sleep(0.3)
    assert rasa.notices() == []

    slots = {"issue_category": "logistics", "issue_description": "快递一周没动", "intake_id": "i-x"}
    tracker = make_tracker("快递一周没动 转人工", "handoff", slots=slots, sender="shopper")
    await ActionHandoff().run(dispatcher, tracker, domain)
    await asyncio.wait_for(incident_notices.settle(), timeout=10)
    assert rasa.notices() == [f"viewer-{n}" for n in range(4)]
    assert all(_told(t) for t in tickets[:4])


@pytest.mark.e2e
async def test_a_restarted_action_server_sends_what_it_owes_as_soon_as_it_listens(
    dispatcher, domain, rasa, monkeypatch, tmp_path
):
    """No filing at all after the restart: the real action server (`rasa run actions`, with
    `rasa_sdk_plugins` found as rasa_sdk finds it) starts the worker when it starts."""
    monkeypatch.setenv("COMPLAINTS_NOTICES__LEASE_SECONDS", "0.1")
    dependencies.settings.cache_clear()
    tickets = [await _viewer(dispatcher, domain, n) for n in range(5)]
    await incident_notices.stop()  # the old process is gone; its notices wait in the database
    await rasa.start()

    root = Path(__file__).resolve().parents[2]
    port = _free_port()
    env = {**os.environ, "SANIC_HOST": "127.0.0.1"}
    with open(tmp_path / "actions.log", "wb") as log:
        server = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "rasa"),
                "run",
                "actions",
                "--actions",
                "actions",
                "--port",
                str(port),
            ],
            cwd=root,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 90
            while len(rasa.notices()) < 4 and time.monotonic() < deadline:
                assert server.poll() is None, (tmp_path / "actions.log").read_text()
                await asyncio.sleep(0.2)
        finally:
            server.terminate()
            server.wait(timeout=30)
    assert rasa.notices() == [f"viewer-{n}" for n in range(4)], (
        tmp_path / "actions.log"
    ).read_text()
    assert [_outbox().status(t, incident_notices.NOTICE) for t in tickets[:4]] == ["delivered"] * 4
