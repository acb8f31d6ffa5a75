"""The agent desk: a Sanic app factory in the style of `rasa_sdk.endpoint.create_app`.

Pages (HTML shells; data comes from the JSON routes) and JSON routes under `/desk`:

- `GET/POST /desk/login`, `POST /desk/logout`;
- `GET /desk/` queue, `GET /desk/tickets/<id>` ticket, `GET /desk/stats` statistics;
- `GET /desk/api/queue`, `GET /desk/api/queue/stream` (server-sent events);
- `GET /desk/api/finished?status=resolved|closed` (the latest finished tickets);
- `GET /desk/api/tickets/<id>`, `GET /desk/api/tickets/<id>/stream` (ticket changes and the
  customer's new messages, read from the Rasa tracker);
- `POST /desk/api/tickets/<id>/{claim,reply,resolve,note,reassign,escalate,reopen}`;
- `GET /desk/api/stats`, `GET /desk/stats.csv`.

Every page and API route needs a signed-in agent (a signed, HttpOnly, SameSite=Lax session
cookie); every state-changing request needs the session's CSRF token (`X-CSRF-Token` header,
or the `csrf_token` form field). Only `GET /health` and the two static files are public.

Nothing is created at import time: `create_desk_app` builds a fresh app each call. The ticket
store is synchronous SQLAlchemy, so handlers call it in a worker thread.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import secrets
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, List, Tuple
from urllib.parse import urlsplit

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, html, raw, redirect
from sqlalchemy import select

from bot.desk import pages
from bot.desk.accounts import AccountError, AccountStore, Agent, DeskSession
from bot.desk.presence import Presence
from bot.desk.rasa_client import RasaClient, RasaUnavailable
from bot.desk.views import compute_stats, parse_time, queue_item, sort_queue, stats_csv
from bot.desk.webhook import UrgentWebhook
from bot.evidence.store import EvidenceStore
from bot.settings import Settings
from bot.taxonomy import CATEGORIES, TICKET_STATUSES
from bot.tickets.draft import InvalidTicketData
from bot.tickets.models import TicketAuditRow
from bot.tickets.store import MAX_LIST_LIMIT, TicketNotFound, TicketStore, utc_now

logger = logging.getLogger(__name__)

APP_NAME = "complaints_agent_desk"
SESSION_COOKIE = "desk_session"
LOGIN_COOKIE = "desk_login_csrf"
STATIC_DIR = Path(__file__).resolve().parent / "static"
STATIC_FILES = {"desk.js": "text/javascript", "desk.css": "text/css"}
MAX_BODY_BYTES = 64 * 1024
MAX_REPLY_CHARS = 2000
FINISHED_STATUSES = ("resolved", "closed")
FINISHED_LIMIT = 200  # the latest finished tickets the queue's status filter lists
STREAM_SECONDS = 300  # an event stream ends after this; EventSource reconnects by itself
PRESENCE_BEAT_SECONDS = 20  # an open live page marks its agent as online this often
RESOLVED_INTENT = "ticket_resolved"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class DeskError(Exception):
    """An error answered as JSON `{"error": code, "message": ...}`."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def _json(body: Any, status: int = 200, headers: Dict[str, str] | None = None) -> HTTPResponse:
    return raw(
        json.dumps(body, ensure_ascii=False).encode("utf-8"),
        status=status,
        headers=headers,
        content_type="application/json; charset=utf-8",
    )


def _error(status: int, code: str, message: str) -> HTTPResponse:
    return _json({"error": code, "message": message}, status=status)


class CookieSigner:
    """Signs session ids for the cookie: `<id>.<HMAC-SHA256>`."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def sign(self, value: str) -> str:
        """The cookie value for a session id."""
        return f"{value}.{self._mac(value)}"

    def unsign(self, cookie: str | None) -> str | None:
        """The session id if the signature is right, else None."""
        if not cookie or "." not in cookie:
            return None
        value, _, mac = cookie.rpartition(".")
        return value if hmac.compare_digest(self._mac(value), mac) else None

    def _mac(self, value: str) -> str:
        return hmac.new(self._key, f"session:{value}".encode(), hashlib.sha256).hexdigest()


def _body(request: Request) -> Dict[str, Any]:
    """The JSON object of a request body (empty object when there is none)."""
    if not request.body:
        return {}
    try:
        payload = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise DeskError(400, "invalid_json", "the body is not valid JSON") from None
    if not isinstance(payload, dict):
        raise DeskError(400, "invalid_json", "the body must be a JSON object")
    return payload


def _text(payload: Dict[str, Any], name: str, limit: int, *, required: bool = True) -> str:
    value = payload.get(name, "")
    if not isinstance(value, str):
        raise DeskError(400, "invalid_request", f'"{name}" must be a string')
    value = value.strip()
    if required and not value:
        raise DeskError(400, "invalid_request", f'"{name}" is empty')
    if len(value) > limit:
        raise DeskError(413, "too_long", f'"{name}" is longer than {limit} characters')
    return value


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def create_desk_app(
    settings: Settings,
    store: TicketStore,
    rasa_client: RasaClient | None = None,
    *,
    evidence: EvidenceStore | None = None,
    accounts: AccountStore | None = None,
    webhook: UrgentWebhook | None = None,
    clock: Callable[[], datetime] | None = None,
) -> Sanic:
    """Build the desk app.

    Args:
        settings: the project settings (`settings.desk` for the desk's own).
        store: the ticket store; the desk's tables are created in its database.
        rasa_client: the Rasa HTTP API; default: `RasaClient.from_settings(settings)`.
        evidence: for signed evidence links; default: `EvidenceStore(settings.evidence)`.
        accounts: agents and sessions; default: an `AccountStore` on the ticket store.
        webhook: announces urgent tickets; default: from `settings.desk` (off without a URL).
        clock: the current time (tests).

    """
    desk = settings.desk
    now: Callable[[], datetime] = clock or utc_now
    rasa = rasa_client or RasaClient.from_settings(settings)
    accounts = accounts or AccountStore(store, timedelta(hours=desk.session_hours), clock)
    presence = Presence(store, clock=clock)
    evidence_store = evidence if evidence is not None else EvidenceStore(settings.evidence)
    if webhook is None and desk.webhook_url:
        webhook = UrgentWebhook(
            desk.webhook_url,
            str(desk.webhook_secret).encode("utf-8") or desk.resolve_secret(),
            attempts=desk.webhook_attempts,
            backoff_seconds=desk.webhook_backoff_seconds,
            timeout_seconds=desk.webhook_timeout_seconds,
        )
    signer = CookieSigner(desk.resolve_secret())
    evidence_origin = _origin(settings.evidence.public_base_url)
    csp = (
        "default-src 'self'; script-src 'self'; style-src 'self'; "
        f"img-src 'self' data: {evidence_origin}; media-src 'self' {evidence_origin}; "
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    )

    app = Sanic(APP_NAME, configure_logging=False)
    app.config.REQUEST_MAX_SIZE = MAX_BODY_BYTES
    app.ctx.settings = settings
    app.ctx.store = store
    app.ctx.accounts = accounts
    app.ctx.rasa = rasa
    app.ctx.queue_version = 0
    app.ctx.queue_snapshot = {}
    app.ctx.tasks = set()

    async def run(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return await asyncio.to_thread(function, *args, **kwargs)

    # --- sessions and CSRF ----------------------------------------------------------------

    def _cookie(response: HTTPResponse, name: str, value: str, max_age: int) -> None:
        response.cookies[name] = value
        cookie = response.cookies[name]
        cookie["path"] = "/desk"
        cookie["httponly"] = True
        cookie["samesite"] = "Lax"
        cookie["max-age"] = max_age
        if desk.cookie_secure:
            cookie["secure"] = True

    async def current_session(request: Request) -> Tuple[str, DeskSession] | None:
        session_id = signer.unsign(request.cookies.get(SESSION_COOKIE))
        if session_id is None:
            return None
        found = await run(accounts.get_session, session_id)
        return (session_id, found) if found is not None else None

    def _given_csrf(request: Request) -> str:
        header = request.headers.get("x-csrf-token")
        if header:
            return str(header)
        if (request.content_type or "").startswith("application/x-www-form-urlencoded"):
            return str(request.form.get("csrf_token") or "")
        return ""

    @app.on_request
    async def authenticate(request: Request) -> HTTPResponse | None:
        """Signed-in agents only; CSRF token on every state-changing request."""
        path = request.path
        if path == "/health" or path.startswith("/desk/static/") or path == "/desk/login":
            return None
        if path == "/":
            return redirect("/desk/")
        if path != "/desk" and not path.startswith("/desk/"):
            return _error(404, "not_found", "no such page")
        found = await current_session(request)
        if found is None:
            if (
                request.method in SAFE_METHODS
                and not path.startswith("/desk/api/")
                and not path.endswith(".csv")
            ):
                return redirect("/desk/login")
            return _error(401, "unauthorized", "sign in first")
        session_id, session = found
        if request.method not in SAFE_METHODS:
            given = _given_csrf(request)
            if not given or not hmac.compare_digest(given.encode(), session.csrf_token.encode()):
                return _error(403, "csrf", "the CSRF token is missing or wrong")
        request.ctx.session_id = session_id
        request.ctx.agent = session.agent
        request.ctx.csrf = session.csrf_token
        return None

    @app.on_response
    async def security_headers(request: Request, response: HTTPResponse) -> None:
        """No framing, no sniffing, no referrer (signed links), a strict CSP, no caching."""
        response.headers.setdefault("Content-Security-Policy", csp)
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        if not request.path.startswith("/desk/static/"):
            response.headers.setdefault("Cache-Control", "no-store")

    @app.exception(DeskError)
    async def desk_error(_: Request, error: DeskError) -> HTTPResponse:
        return _error(error.status, error.code, error.message)

    @app.exception(TicketNotFound)
    async def not_found(_: Request, __: Exception) -> HTTPResponse:
        return _error(404, "ticket_not_found", "no ticket has this id")

    @app.exception(InvalidTicketData, AccountError)
    async def invalid(_: Request, error: Exception) -> HTTPResponse:
        return _error(400, "invalid_request", str(error))

    @app.exception(RasaUnavailable)
    async def rasa_down(_: Request, error: Exception) -> HTTPResponse:
        logger.warning("Rasa call failed: %s", error)
        return _error(502, "rasa_unavailable", "聊天机器人服务暂时无法连接，操作未完成，请稍后重试")

    # --- public routes --------------------------------------------------------------------

    @app.get("/health")
    async def health(_: Request) -> HTTPResponse:
        """Liveness check."""
        return _json({"status": "ok"})

    @app.get("/desk/static/<name>")
    async def static(_: Request, name: str) -> HTTPResponse:
        """The desk's script and stylesheet."""
        if name not in STATIC_FILES:
            return _error(404, "not_found", "no such file")
        data = await run((STATIC_DIR / name).read_bytes)
        return raw(data, content_type=f"{STATIC_FILES[name]}; charset=utf-8")

    @app.get("/desk/login")
    async def login_form(request: Request) -> HTTPResponse:
        """The sign-in form, with a fresh double-submit CSRF token."""
        if await current_session(request) is not None:
            return redirect("/desk/")
        # Reuse the token of an earlier form (other tabs keep working), else a fresh one.
        token = request.cookies.get(LOGIN_COOKIE) or ""
        if not 20 <= len(token) <= 64 or not token.replace("-", "").replace("_", "").isalnum():
            token = secrets.token_urlsafe(24)
        response = html(pages.login_page(token))
        _cookie(response, LOGIN_COOKIE, token, 3600)
        return response

    @app.post("/desk/login")
    async def login(request: Request) -> HTTPResponse:
        """Check the CSRF token, then the name and password; start a session."""
        form = request.form
        given = str(form.get("csrf_token") or "")
        expected = request.cookies.get(LOGIN_COOKIE) or ""
        if not given or not expected or not hmac.compare_digest(given.encode(), expected.encode()):
            return _error(403, "csrf", "the CSRF token is missing or wrong; reload the page")
        agent = await run(
            accounts.authenticate, str(form.get("name") or ""), str(form.get("password") or "")
        )
        if agent is None:
            token = secrets.token_urlsafe(24)
            response = html(pages.login_page(token, "账号或密码错误"), status=401)
            _cookie(response, LOGIN_COOKIE, token, 3600)
            return response
        session_id = await run(accounts.start_session, agent)
        response = redirect("/desk/")
        _cookie(response, SESSION_COOKIE, signer.sign(session_id), desk.session_hours * 3600)
        _cookie(response, LOGIN_COOKIE, "", 0)
        logger.info("agent %s signed in", agent.name)
        return response

    # --- signed-in routes -----------------------------------------------------------------

    @app.post("/desk/logout")
    async def logout(request: Request) -> HTTPResponse:
        """End the session."""
        await run(accounts.end_session, request.ctx.session_id)
        response = redirect("/desk/login")
        _cookie(response, SESSION_COOKIE, "", 0)
        return response

    def _page(render: Callable[..., str], request: Request, *args: str) -> HTTPResponse:
        agent: Agent = request.ctx.agent
        return html(render(agent.name, agent.role, request.ctx.csrf, *args))

    @app.get("/desk/")
    async def queue_page(request: Request) -> HTTPResponse:
        """The queue page."""
        return _page(pages.queue_page, request)

    @app.get("/desk/tickets/<ticket_id>")
    async def ticket_page(request: Request, ticket_id: str) -> HTTPResponse:
        """The ticket page."""
        await _ticket(ticket_id)
        return _page(pages.ticket_page, request, ticket_id)

    @app.get("/desk/stats")
    async def stats_page(request: Request) -> HTTPResponse:
        """The statistics page."""
        return _page(pages.stats_page, request)

    # --- queue ------------------------------------------------------------------------------

    def build_queue() -> Dict[str, Any]:
        active: List[Dict[str, Any]] = []
        for status in ("open", "assigned"):
            active += store.list_tickets(status=status, limit=MAX_LIST_LIMIT)
        counts = {status: store.count_tickets(status=status) for status in TICKET_STATUSES}
        return {"tickets": sort_queue(active, now()), "counts": counts}

    @app.get("/desk/api/queue")
    async def queue(_: Request) -> HTTPResponse:
        """Active tickets (urgent first, then by deadline) and counts by status."""
        return _json(await run(build_queue))

    @app.get("/desk/api/finished")
    async def finished(request: Request) -> HTTPResponse:
        """The latest resolved or closed tickets (`?status=`), for the queue's status filter.

        The live queue holds open and assigned tickets only; without this an agent could
        reach a resolved ticket (to reopen it) only by its URL.
        """
        status = request.args.get("status")
        if status not in FINISHED_STATUSES:
            return _json({"error": f"status must be one of {list(FINISHED_STATUSES)}"}, 400)
        tickets = await run(store.list_tickets, status=status, limit=FINISHED_LIMIT)
        at = now()
        return _json({"tickets": [queue_item(t, at) for t in tickets]})

    async def announce(ticket: Dict[str, Any]) -> None:
        assert webhook is not None
        delivered = await webhook.announce(ticket)
        await run(
            accounts.set_webhook_outcome, ticket["id"], "delivered" if delivered else "failed"
        )

    async def poll_once() -> None:
        snapshot = await run(build_queue)
        if snapshot != app.ctx.queue_snapshot:
            app.ctx.queue_snapshot = snapshot
            app.ctx.queue_version += 1
        if webhook is None:
            return
        for item in snapshot["tickets"]:
            if item["severity"] == "urgent" and item["status"] == "open":
                if await run(accounts.claim_webhook, item["id"]):
                    ticket = await run(store.get_ticket, item["id"])
                    task = asyncio.ensure_future(announce(ticket or item))
                    app.ctx.tasks.add(task)
                    task.add_done_callback(app.ctx.tasks.discard)

    app.ctx.poll_once = poll_once

    async def poller() -> None:
        while True:
            try:
                await poll_once()
            except Exception:  # keep polling: one failed read must not stop the desk
                logger.exception("queue poll failed")
            await asyncio.sleep(desk.poll_seconds)

    @app.after_server_start
    async def start_poller(app_: Sanic, _: Any) -> None:
        app_.ctx.poller = asyncio.ensure_future(poller())

    @app.before_server_stop
    async def stop_poller(app_: Sanic, _: Any) -> None:
        poller_task = getattr(app_.ctx, "poller", None)
        if poller_task is not None:
            poller_task.cancel()
        for task in list(app_.ctx.tasks):
            task.cancel()

    async def event_stream(
        request: Request, step: Callable[[], Awaitable[List[Tuple[str, Any]]]]
    ) -> None:
        response = await request.respond(
            content_type="text/event-stream; charset=utf-8",
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )
        await response.send("retry: 1000\n\n")
        deadline = time.monotonic() + STREAM_SECONDS
        last_beat = time.monotonic()
        last_presence = 0.0
        while time.monotonic() < deadline:
            if time.monotonic() - last_presence >= PRESENCE_BEAT_SECONDS:
                await run(presence.seen, request.ctx.agent.name)
                last_presence = time.monotonic()
            for name, data in await step():
                payload = json.dumps(data, ensure_ascii=False)
                await response.send(f"event: {name}\ndata: {payload}\n\n")
                last_beat = time.monotonic()
            if time.monotonic() - last_beat > 15:
                await response.send(": keep-alive\n\n")
                last_beat = time.monotonic()
            await asyncio.sleep(desk.poll_seconds / 2)
        await response.eof()

    @app.get("/desk/api/queue/stream")
    async def queue_stream(request: Request) -> None:
        """Server-sent `queue` events whenever the queue changes."""
        seen = {"version": -1}

        async def step() -> List[Tuple[str, Any]]:
            if not app.ctx.queue_snapshot:
                await poll_once()
            if app.ctx.queue_version == seen["version"]:
                return []
            seen["version"] = app.ctx.queue_version
            return [("queue", app.ctx.queue_snapshot)]

        await event_stream(request, step)

    # --- one ticket ------------------------------------------------------------------------

    async def _ticket(ticket_id: str) -> Dict[str, Any]:
        ticket = await run(store.get_ticket, ticket_id) if len(ticket_id) <= 64 else None
        if ticket is None:
            raise TicketNotFound(ticket_id)
        return ticket

    async def sync_customer_messages(
        ticket: Dict[str, Any], since: float | None = None
    ) -> List[Dict[str, Any]]:
        """Copy what the customer wrote after `since` into the ticket's transcript.

        Why: during a takeover (or while nobody has picked the ticket up) the customer keeps
        writing in Rasa's conversation; the ticket must keep those words even if no desk page
        was open. `since` defaults to the ticket's creation; a live page passes the newest
        message it has seen, so only new messages are written. Returns the messages copied
        (`{text, timestamp}`, oldest first).
        """
        if since is None:
            created = parse_time(ticket["created_at"])
            since = created.timestamp() if created else 0.0
        messages = [
            m
            for m in await rasa.user_messages(ticket["conversation_id"])
            if m["timestamp"] > since and m["text"].strip()
        ]
        entries = [
            {"role": "customer", "text": m["text"], "at": m["timestamp"]} for m in messages
        ]
        if entries:
            await run(store.merge_transcript, ticket["id"], entries)
        return messages

    def _evidence_links(ticket: Dict[str, Any]) -> List[Dict[str, Any]]:
        items = []
        for item in ticket.get("evidence") or []:
            entry = {k: item.get(k) for k in ("id", "filename", "content_type", "size")}
            row = evidence_store.get(str(item.get("id"))) if item.get("id") else None
            if row is not None:
                entry["url"] = evidence_store.signed_url(str(item["id"]))
                if row.get("has_thumbnail") == "1":
                    entry["thumb_url"] = evidence_store.signed_url(str(item["id"]), variant="thumb")
            items.append(entry)
        return items

    def _detail(ticket_id: str) -> Dict[str, Any]:
        ticket = store.get_ticket(ticket_id)
        if ticket is None:
            raise TicketNotFound(ticket_id)
        return {
            "ticket": ticket,
            # the category's name, as the queue shows it (the ticket keeps the code)
            "category_label": CATEGORIES.get(str(ticket.get("issue_category")), ""),
            "audit": store.get_audit(ticket_id),
            "notes": accounts.list_notes(ticket_id),
            "evidence": _evidence_links(ticket),
            "agents": [{"name": a.name, "role": a.role} for a in accounts.list_agents()],
        }

    @app.get("/desk/api/tickets/<ticket_id>")
    async def ticket_detail(request: Request, ticket_id: str) -> HTTPResponse:
        """Every field, signed evidence links, audit history, notes, the agents."""
        await _ticket(ticket_id)
        detail = await run(_detail, ticket_id)
        detail["me"] = {"name": request.ctx.agent.name, "role": request.ctx.agent.role}
        return _json(detail)

    @app.get("/desk/api/tickets/<ticket_id>/stream")
    async def ticket_stream(request: Request, ticket_id: str) -> None:
        """Server-sent `changed` (ticket or history changed) and `customer` (new messages)."""
        ticket = await _ticket(ticket_id)
        created = parse_time(ticket["created_at"])
        state: Dict[str, Any] = {
            "fingerprint": None,
            "since": created.timestamp() if created else 0.0,
            "next_rasa": 0.0,
        }

        def fingerprint() -> str:
            current = store.get_ticket(ticket_id) or {}
            return json.dumps(
                [
                    current.get("status"),
                    current.get("assignee"),
                    len(current.get("transcript") or []),
                    len(store.get_audit(ticket_id)),
                    len(accounts.list_notes(ticket_id)),
                ]
            )

        async def step() -> List[Tuple[str, Any]]:
            out: List[Tuple[str, Any]] = []
            mark = await run(fingerprint)
            if state["fingerprint"] is not None and mark != state["fingerprint"]:
                out.append(("changed", {}))
            state["fingerprint"] = mark
            if time.monotonic() >= state["next_rasa"]:
                state["next_rasa"] = time.monotonic() + max(1.0, desk.poll_seconds * 2)
                try:
                    messages = await sync_customer_messages(ticket, state["since"])
                except RasaUnavailable:
                    messages = []
                for message in messages:
                    state["since"] = max(state["since"], message["timestamp"])
                    at = datetime.fromtimestamp(message["timestamp"], timezone.utc)
                    out.append(("customer", {"text": message["text"], "at": at.isoformat()}))
            return out

        await event_stream(request, step)

    def _require_owner(agent: Agent, ticket: Dict[str, Any]) -> None:
        if ticket["assignee"] != agent.name and not agent.is_supervisor:
            raise DeskError(403, "not_assignee", "这张工单不在你名下；请先认领或请主管转派")

    @app.post("/desk/api/tickets/<ticket_id>/claim")
    async def claim(request: Request, ticket_id: str) -> HTTPResponse:
        """Take an open ticket: pause the bot, then status assigned to me."""
        agent: Agent = request.ctx.agent
        ticket = await _ticket(ticket_id)
        if ticket["status"] != "open":
            raise DeskError(409, "not_open", "只能认领待处理（open）的工单")
        await rasa.pause(ticket["conversation_id"])
        updated = await run(
            store.update_ticket, ticket_id, actor=agent.name, status="assigned", assignee=agent.name
        )
        return _json({"ticket": updated})

    @app.post("/desk/api/tickets/<ticket_id>/reply")
    async def reply(request: Request, ticket_id: str) -> HTTPResponse:
        """Send a message to the customer's channel as this agent; keep it in the transcript."""
        agent: Agent = request.ctx.agent
        text = _text(_body(request), "text", MAX_REPLY_CHARS)
        ticket = await _ticket(ticket_id)
        if ticket["status"] != "assigned":
            raise DeskError(409, "not_assigned", "先认领工单再回复客户")
        _require_owner(agent, ticket)
        await sync_customer_messages(ticket)
        await rasa.send_agent_message(ticket["conversation_id"], text, agent.name)
        updated = await run(store.append_transcript, ticket_id, [{"role": "agent", "text": text}])
        return _json({"ticket": updated})

    @app.post("/desk/api/tickets/<ticket_id>/resolve")
    async def resolve(request: Request, ticket_id: str) -> HTTPResponse:
        """Record the resolution, hand the conversation back to the bot, ask for satisfaction."""
        agent: Agent = request.ctx.agent
        resolution = _text(_body(request), "resolution", MAX_REPLY_CHARS)
        ticket = await _ticket(ticket_id)
        if ticket["status"] != "assigned":
            raise DeskError(409, "not_assigned", "只能结案处理中（assigned）的工单")
        _require_owner(agent, ticket)
        try:
            await sync_customer_messages(ticket)
        except RasaUnavailable as error:
            logger.warning("ticket %s: customer messages not copied: %s", ticket_id, error)
        updated = await run(
            store.update_ticket,
            ticket_id,
            actor=agent.name,
            status="resolved",
            resolution=resolution,
        )
        warning = None
        try:
            await rasa.resume(ticket["conversation_id"])
            await rasa.trigger_intent(
                ticket["conversation_id"], RESOLVED_INTENT, {"ticket_id": ticket_id}
            )
        except RasaUnavailable as error:
            logger.warning("ticket %s resolved but the bot was not told: %s", ticket_id, error)
            warning = "工单已结案，但未能通知机器人（客户暂未收到结果和满意度邀请）"
        return _json({"ticket": updated, "warning": warning})

    @app.post("/desk/api/tickets/<ticket_id>/note")
    async def note(request: Request, ticket_id: str) -> HTTPResponse:
        """Add a private note (never sent to the customer)."""
        agent: Agent = request.ctx.agent
        text = _text(_body(request), "text", 4000)
        await _ticket(ticket_id)
        saved = await run(accounts.add_note, ticket_id, agent.name, text)
        return _json({"note": saved})

    async def _agent_named(name: str) -> Agent:
        for candidate in await run(accounts.list_agents):
            if candidate.name == name:
                return candidate
        raise DeskError(400, "unknown_agent", "没有这个客服账号")

    @app.post("/desk/api/tickets/<ticket_id>/reassign")
    async def reassign(request: Request, ticket_id: str) -> HTTPResponse:
        """Hand an assigned ticket to another agent (its assignee or a supervisor may)."""
        agent: Agent = request.ctx.agent
        target = await _agent_named(_text(_body(request), "assignee", 64))
        ticket = await _ticket(ticket_id)
        if ticket["status"] != "assigned":
            raise DeskError(409, "not_assigned", "只能转派处理中（assigned）的工单")
        _require_owner(agent, ticket)
        updated = await run(store.update_ticket, ticket_id, actor=agent.name, assignee=target.name)
        return _json({"ticket": updated})

    @app.post("/desk/api/tickets/<ticket_id>/escalate")
    async def escalate(request: Request, ticket_id: str) -> HTTPResponse:
        """Hand the ticket to a supervisor, with the reason as a private note."""
        agent: Agent = request.ctx.agent
        payload = _body(request)
        reason = _text(payload, "reason", 4000)
        ticket = await _ticket(ticket_id)
        if ticket["status"] not in ("open", "assigned"):
            raise DeskError(409, "not_active", "只能升级未结案的工单")
        supervisors = [a for a in await run(accounts.list_agents) if a.is_supervisor]
        wanted = payload.get("supervisor")
        chosen = next((s for s in supervisors if s.name == wanted), None) if wanted else None
        chosen = chosen or (supervisors[0] if supervisors else None)
        if chosen is None:
            raise DeskError(409, "no_supervisor", "还没有主管账号")
        if ticket["status"] == "open":
            await rasa.pause(ticket["conversation_id"])
        updated = await run(
            store.update_ticket,
            ticket_id,
            actor=agent.name,
            status="assigned",
            assignee=chosen.name,
        )
        await run(accounts.add_note, ticket_id, agent.name, f"升级给主管 {chosen.name}：{reason}")
        return _json({"ticket": updated})

    @app.post("/desk/api/tickets/<ticket_id>/reopen")
    async def reopen(request: Request, ticket_id: str) -> HTTPResponse:
        """Take a resolved or closed ticket back: pause the bot, assigned to me."""
        agent: Agent = request.ctx.agent
        ticket = await _ticket(ticket_id)
        if ticket["status"] not in ("resolved", "closed"):
            raise DeskError(409, "not_resolved", "只能重新打开已结案的工单")
        await rasa.pause(ticket["conversation_id"])
        updated = await run(
            store.update_ticket, ticket_id, actor=agent.name, status="assigned", assignee=agent.name
        )
        return _json({"ticket": updated})

    # --- statistics ------------------------------------------------------------------------

    def all_tickets() -> Tuple[List[Dict[str, Any]], Dict[str, datetime]]:
        tickets: List[Dict[str, Any]] = []
        while True:
            page = store.list_tickets(limit=MAX_LIST_LIMIT, offset=len(tickets))
            tickets += page
            if len(page) < MAX_LIST_LIMIT:
                break
        resolved: Dict[str, datetime] = {}
        # `after` is a JSON column: compare in Python, not in SQL (dialects encode it apart).
        query = (
            select(TicketAuditRow.ticket_id, TicketAuditRow.at, TicketAuditRow.after)
            .where(TicketAuditRow.field == "status")
            .order_by(TicketAuditRow.id)
        )
        with store.session_scope() as session:
            for ticket_id, at, after in session.execute(query):
                if after == "resolved":
                    resolved.setdefault(ticket_id, at)
        return tickets, resolved

    @app.get("/desk/api/stats")
    async def stats(_: Request) -> HTTPResponse:
        """Counts, times, SLA breach rate and satisfaction over every ticket."""
        tickets, resolved = await run(all_tickets)
        return _json(compute_stats(tickets, resolved, now(), settings.timezone))

    @app.get("/desk/stats.csv")
    async def stats_export(_: Request) -> HTTPResponse:
        """One CSV row per ticket."""
        tickets, resolved = await run(all_tickets)
        return raw(
            stats_csv(tickets, resolved, now()).encode("utf-8"),
            content_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="tickets.csv"'},
        )

    return app
