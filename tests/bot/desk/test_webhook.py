"""The urgent-ticket webhook: signed body, retries with backoff, one announcement per ticket."""

import asyncio
import hashlib
import hmac
import json

from aioresponses import aioresponses

from bot.desk.app import create_desk_app
from bot.desk.rasa_client import RasaClient
from bot.desk.webhook import UrgentWebhook, sign

HOOK = "http://hooks.test/urgent"


def _webhook(sleeps):
    async def fake_sleep(seconds):
        sleeps.append(seconds)

    return UrgentWebhook(HOOK, b"hook-secret", attempts=4, backoff_seconds=0.5, sleep=fake_sleep)


async def test_the_body_is_signed_with_hmac_sha256():
    sleeps = []
    with aioresponses() as mock:
        mock.post(HOOK, status=204)
        assert await _webhook(sleeps).announce({"id": "C1", "summary": "冒烟"})
        (request,) = mock.requests[("POST", __import__("yarl").URL(HOOK))]
    body = request.kwargs["data"]
    headers = request.kwargs["headers"]
    assert json.loads(body) == {"event": "ticket.urgent", "ticket": {"id": "C1", "summary": "冒烟"}}
    expected = hmac.new(
        b"hook-secret", headers["X-Desk-Timestamp"].encode() + b"." + body, hashlib.sha256
    ).hexdigest()
    assert headers["X-Desk-Signature"] == f"sha256={expected}"
    assert sign(b"hook-secret", headers["X-Desk-Timestamp"], body) == headers["X-Desk-Signature"]
    assert sleeps == []


async def test_failures_are_retried_with_exponential_backoff():
    sleeps = []
    with aioresponses() as mock:
        mock.post(HOOK, status=503)
        mock.post(HOOK, exception=asyncio.TimeoutError())
        mock.post(HOOK, status=429)
        mock.post(HOOK, status=200)
        assert await _webhook(sleeps).announce({"id": "C1"})
    assert sleeps == [0.5, 1.0, 2.0]


async def test_a_client_error_is_final_and_attempts_are_bounded():
    sleeps = []
    with aioresponses() as mock:
        mock.post(HOOK, status=400)
        assert not await _webhook(sleeps).announce({"id": "C1"})
    assert sleeps == []
    with aioresponses() as mock:
        mock.post(HOOK, status=500, repeat=True)
        assert not await _webhook(sleeps).announce({"id": "C1"})
    assert sleeps == [0.5, 1.0, 2.0]


async def test_each_urgent_ticket_is_announced_once(
    monkeypatch, desk_settings, desk_store, accounts, evidence_store, make_ticket
):
    from sanic import Sanic

    monkeypatch.setattr(Sanic, "test_mode", True)
    announced = []

    class Recorder:
        async def announce(self, ticket):
            announced.append(ticket["id"])
            return True

    app = create_desk_app(
        desk_settings,
        desk_store,
        RasaClient("http://rasa.test"),
        evidence=evidence_store,
        accounts=accounts,
        webhook=Recorder(),
    )
    urgent = make_ticket()
    make_ticket(severity="normal", severity_reasons=[])
    await app.ctx.poll_once()
    await app.ctx.poll_once()
    await asyncio.gather(*app.ctx.tasks)
    assert announced == [urgent["id"]]
    # a second desk process (or a restart) does not announce it again
    assert not accounts.claim_webhook(urgent["id"])
    assert app.ctx.queue_snapshot["tickets"][0]["id"] == urgent["id"]
