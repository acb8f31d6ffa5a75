"""The agent desk with a fake Rasa HTTP API, for the browser tests.

Run as `python -m tests.browser.desk_server --port N --rasa-port M --database URL --storage DIR`.
The desk is the real app on a real SQLite store; the fake Rasa server (aiohttp, same event
loop) records every call (`GET /test/calls`) and answers `GET /conversations/<id>/tracker`
with user messages a test adds through `POST /test/user_message` (text, optional
timestamp and metadata). `POST /test/refuse_sends` with `{"refuse": true}` makes it answer
500 to every message sent on the customer's channel, as a Rasa that is down would.
"""

from __future__ import annotations

import argparse
import time
from typing import Any, Dict, List

from aiohttp import web

from bot.desk.app import create_desk_app
from bot.desk.rasa_client import RasaClient
from bot.desk.settings import DeskSettings
from bot.evidence.settings import EvidenceSettings
from bot.settings import Secret, Settings
from bot.tickets import TicketStore

RASA_TOKEN = "browser-rasa-token"


def fake_rasa() -> web.Application:
    calls: List[Dict[str, Any]] = []
    users: Dict[str, List[Dict[str, Any]]] = {}
    refusing = {"sends": False}

    async def record(request: web.Request) -> web.Response:
        body = await request.json() if request.can_read_body else None
        if refusing["sends"] and request.query.get("execute_side_effects") == "true":
            return web.json_response({"message": "unavailable"}, status=500)
        calls.append(
            {
                "method": request.method,
                "path": request.path,
                "query": dict(request.query),
                "json": body,
            }
        )
        return web.json_response({})

    async def tracker(request: web.Request) -> web.Response:
        conversation = request.match_info["cid"]
        return web.json_response({"sender_id": conversation, "events": users.get(conversation, [])})

    async def add_user(request: web.Request) -> web.Response:
        body = await request.json()
        users.setdefault(body["conversation_id"], []).append(
            {
                "event": "user",
                "text": body["text"],
                "timestamp": body.get("timestamp") or time.time(),
                "metadata": body.get("metadata") or {},
            }
        )
        return web.json_response({})

    async def list_calls(_: web.Request) -> web.Response:
        return web.json_response(calls)

    async def refuse_sends(request: web.Request) -> web.Response:
        refusing["sends"] = bool((await request.json()).get("refuse"))
        return web.json_response({})

    app = web.Application()
    app.router.add_post("/conversations/{cid}/tracker/events", record)
    app.router.add_post("/conversations/{cid}/trigger_intent", record)
    app.router.add_get("/conversations/{cid}/tracker", tracker)
    app.router.add_post("/test/user_message", add_user)
    app.router.add_get("/test/calls", list_calls)
    app.router.add_post("/test/refuse_sends", refuse_sends)
    return app


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--rasa-port", type=int, required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--storage", required=True)
    args = parser.parse_args()
    rasa_url = f"http://127.0.0.1:{args.rasa_port}"
    settings = Settings(
        database_url=args.database,
        rasa_url=rasa_url,
        rasa_token=Secret(RASA_TOKEN),
        evidence=EvidenceSettings(
            storage_dir=args.storage, secret=Secret("browser-evidence-secret-0123456789")
        ),
        # the fake Rasa's tracker reads stay the tests' own (the watcher is tested in tests/bot)
        desk=DeskSettings(
            secret=Secret("browser-desk-secret-0123456789"), poll_seconds=0.3, watch_seconds=0
        ),
    )
    store = TicketStore.from_settings(settings)
    app = create_desk_app(settings, store, RasaClient(rasa_url, RASA_TOKEN))

    @app.before_server_start
    async def start_rasa(app_: Any, _: Any) -> None:
        runner = web.AppRunner(fake_rasa())
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", args.rasa_port).start()
        app_.ctx.rasa_runner = runner

    app.run(host="127.0.0.1", port=args.port, workers=1, access_log=False, motd=False)


if __name__ == "__main__":
    main()
