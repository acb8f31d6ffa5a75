"""How long one round of the desk's conversation watcher takes with many claimed tickets.

Why: the watcher (`bot.desk.conversation_watch`) runs every `watch_seconds` (3 s by default);
when one round's work grows with every claimed ticket, a busy desk spends its event loop
re-reading conversations where nothing happened. Here a real SQLite ticket store holds N
claimed tickets and a local HTTP stand-in for Rasa's tracker API (in this process, on the same
event loop) serves each conversation a tracker shaped like a filed intake's (20 turns: the
customer's message with its parse data, two actions, the bot's line, a slot; a pause at the
claim). After a first round (not timed), two rounds are timed, three times each, median:

- quiet: nobody wrote since the last round;
- one new: one customer wrote one message since the last round.

Printed per N: milliseconds, full tracker reads, small probes, and bytes the stand-in served.
What it does not measure: the Rasa server's own cost per read (a real server loads each
tracker from its store, also for a probe).

    .venv/bin/python -m bench.desk_watch [--tickets 10 100 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List

from aiohttp import web

from bot.desk.accounts import AccountStore
from bot.desk.context import Desk
from bot.desk.conversation_watch import WatchMarks, watch_once
from bot.desk.rasa_client import RasaClient
from bot.evidence.settings import EvidenceSettings
from bot.evidence.store import EvidenceStore
from bot.settings import Secret, Settings
from bot.tickets import TicketStore
from bot.tickets.draft import TicketDraft

TURNS = 20


@dataclass
class StandIn:
    """Trackers by conversation, and what was served."""

    events: Dict[str, List[Dict[str, Any]]] = field(default_factory=dict)
    full_reads: int = 0
    probes: int = 0
    bytes_served: int = 0

    def reset(self) -> None:
        self.full_reads = self.probes = self.bytes_served = 0


def _turn(number: int, at: float) -> List[Dict[str, Any]]:
    """One turn of a filed intake as Rasa's tracker lists it (`include_events=ALL`)."""
    text = f"第{number}句：杯子收到就碎了，订单 2024 1123 55{number:02d}，我要补发"
    parse = {
        "text": text,
        "intent": {"name": "complain", "confidence": 0.97},
        "entities": [{"entity": "order_id", "value": "20241123556", "start": 9, "end": 22}],
        "intent_ranking": [{"name": f"intent_{k}", "confidence": 0.01} for k in range(10)],
    }
    return [
        {"event": "user", "timestamp": at, "text": text, "parse_data": parse},
        {"event": "action", "timestamp": at + 0.1, "name": "action_start_intake"},
        {"event": "bot", "timestamp": at + 0.2, "text": "非常抱歉，请问您的订单号是多少？"},
        {"event": "slot", "timestamp": at + 0.3, "name": "order_id", "value": "20241123556"},
        {"event": "action", "timestamp": at + 0.4, "name": "action_listen"},
    ]


def _tracker(events: List[Dict[str, Any]], verbosity: str) -> Dict[str, Any]:
    latest = events[-1]["timestamp"] if events else None
    return {
        "latest_event_time": latest,
        "paused": True,
        "events": None if verbosity == "NONE" else events,
    }


async def start_stand_in(state: StandIn) -> tuple[web.AppRunner, str]:
    """Serve `GET /conversations/<id>/tracker` as Rasa does (`include_events`, default ALL)."""

    async def tracker(request: web.Request) -> web.Response:
        verbosity = request.query.get("include_events", "AFTER_RESTART")
        if verbosity == "NONE":
            state.probes += 1
        else:
            state.full_reads += 1
        body = json.dumps(_tracker(state.events.get(request.match_info["cid"], []), verbosity))
        state.bytes_served += len(body)
        return web.Response(text=body, content_type="application/json")

    app = web.Application()
    app.router.add_get("/conversations/{cid}/tracker", tracker)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    return runner, f"http://127.0.0.1:{runner.addresses[0][1]}"


def _draft(conversation_id: str) -> TicketDraft:
    return TicketDraft(
        conversation_id=conversation_id,
        channel="widget",
        order_id="20241123556",
        order_verified=True,
        order={"order_id": "20241123556", "items": [], "amount": 59.0, "status": "delivered"},
        issue_category="product_quality",
        issue_description="杯子收到就碎了",
        desired_remedy="reship",
        evidence=[],
        severity="normal",
        severity_reasons=[],
        emotion="upset",
        contact=None,
        transcript=[
            {"role": "customer", "text": f"第{k}句", "at": "2026-11-23T09:58:00+08:00"}
            for k in range(TURNS)
        ],
        handoff_reason="confirmed",
    )


def build_desk(workdir: Path, rasa_url: str) -> Desk:
    """A desk on a fresh SQLite store, as `create_desk_app` builds it."""
    from sanic import Sanic

    from bot.desk.app import create_desk_app

    Sanic.test_mode = True  # one desk app per N in this process
    settings = Settings(
        database_url=f"sqlite:///{workdir / 'complaints.db'}",
        rasa_url=rasa_url,
        rasa_token=Secret("bench"),
        evidence=EvidenceSettings(
            storage_dir=str(workdir / "evidence"), secret=Secret("bench-evidence-secret-0123")
        ),
    )
    store = TicketStore.from_settings(settings)
    app = create_desk_app(
        settings,
        store,
        RasaClient(rasa_url, "bench"),
        evidence=EvidenceStore(settings.evidence),
        accounts=AccountStore(store),
    )
    desk: Desk = app.ctx.desk
    return desk


def claim_tickets(desk: Desk, state: StandIn, count: int) -> List[str]:
    """`count` claimed tickets whose conversations were filed before their tickets."""
    conversations = []
    before = time.time() - 3600
    for number in range(count):
        conversation = f"conv-{number}"
        ticket = desk.store.create_ticket(_draft(conversation), f"key-{number}")
        desk.store.update_ticket(ticket["id"], actor="小王", status="assigned", assignee="小王")
        events = [e for turn in range(TURNS) for e in _turn(turn, before + turn)]
        events.append({"event": "pause", "timestamp": time.time()})
        state.events[conversation] = events
        conversations.append(conversation)
    return conversations


async def measure(count: int, repeat: int) -> Dict[str, Any]:
    """Median milliseconds of a quiet round and of a round with one new message."""
    state = StandIn()
    runner, url = await start_stand_in(state)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            desk = build_desk(Path(tmp), url)
            conversations = claim_tickets(desk, state, count)
            marks = WatchMarks()
            await watch_once(desk, marks)
            figures: Dict[str, List[float]] = {"quiet": [], "one_new": []}
            served: Dict[str, Dict[str, int]] = {}
            copied = 0
            for attempt in range(repeat):
                for kind in ("quiet", "one_new"):
                    if kind == "one_new":
                        state.events[conversations[attempt % count]].append(
                            {"event": "user", "timestamp": time.time(), "text": f"还在吗{attempt}"}
                        )
                    state.reset()
                    started = time.perf_counter()
                    got = await watch_once(desk, marks)
                    figures[kind].append((time.perf_counter() - started) * 1000)
                    copied += got if kind == "one_new" else 0
                    served[kind] = {
                        "full_reads": state.full_reads,
                        "probes": state.probes,
                        "kib": round(state.bytes_served / 1024),
                    }
            desk.store.close()
            desk.evidence.close()
    finally:
        await runner.cleanup()
    return {
        "tickets": count,
        "quiet_ms": round(statistics.median(figures["quiet"]), 1),
        "one_new_ms": round(statistics.median(figures["one_new"]), 1),
        "served": served,
        "copied": f"{copied}/{repeat}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tickets", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for count in args.tickets:
        print(json.dumps(asyncio.run(measure(count, args.repeat)), ensure_ascii=False))


if __name__ == "__main__":
    main()
