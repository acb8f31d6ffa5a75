"""The agent desk: a Sanic app factory in the style of `rasa_sdk.endpoint.create_app`.

Pages (HTML shells; data comes from the JSON routes) and JSON routes under `/desk`, one
module per concern:

- `bot.desk.sign_in`: `GET/POST /desk/login`, `POST /desk/logout`;
- `bot.desk.page_routes`: `GET /desk/` queue, `GET /desk/tickets/<id>` ticket,
  `GET /desk/stats` statistics, the static files and `GET /health`;
- `bot.desk.work_queue`: `GET /desk/api/queue`, `GET /desk/api/finished?status=resolved|closed`
  (the latest finished tickets), and the poller behind the live queue and the webhook;
- `bot.desk.live_events`: `GET /desk/api/queue/stream`, `GET /desk/api/tickets/<id>/stream`
  (server-sent events: ticket changes and the customer's new messages, read from Rasa);
- `bot.desk.ticket_routes`: `GET /desk/api/tickets/<id>`,
  `POST /desk/api/tickets/<id>/{claim,note,reassign,escalate}`;
- `bot.desk.replies`: `POST /desk/api/tickets/<id>/{reply,resolve,reopen}`;
- `bot.desk.incident_routes`: `GET /desk/incidents/<id>` (the group's page),
  `GET /desk/api/incidents/<id>`, `POST /desk/api/incidents/<id>/{claim,reply,resolve}`
  (every ticket of a group incident through the single-ticket paths, a result per ticket);
- `bot.desk.statistics`: `GET /desk/api/stats`, `GET /desk/stats.csv`.

Every page and API route needs a signed-in agent (a signed, HttpOnly, SameSite=Lax session
cookie); every state-changing request needs the session's CSRF token (`X-CSRF-Token` header,
or the `csrf_token` form field): `bot.desk.sessions`. Only `GET /health`, the sign-in form
and the two static files are public.

Nothing is created at import time: `create_desk_app` builds a fresh app each call. The ticket
store is synchronous SQLAlchemy, so handlers call it in a worker thread.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Callable

from sanic import Sanic

from bot.desk.accounts import AccountStore
from bot.desk.context import CookieSigner, Desk
from bot.desk.conversation_watch import add_watcher
from bot.desk.incident_routes import add_incident_routes
from bot.desk.live_events import add_live_routes
from bot.desk.page_routes import add_page_routes
from bot.desk.presence import Presence
from bot.desk.rasa_client import RasaClient
from bot.desk.replies import add_reply_routes
from bot.desk.responses import add_error_handlers
from bot.desk.sessions import add_session_guard, content_security_policy
from bot.desk.sign_in import add_sign_in_routes
from bot.desk.statistics import add_statistics_routes
from bot.desk.ticket_routes import add_ticket_routes
from bot.desk.webhook import UrgentWebhook
from bot.desk.work_queue import add_queue_routes
from bot.evidence.store import EvidenceStore
from bot.live.incidents import IncidentLinker
from bot.settings import Settings
from bot.tickets.store import TicketStore, utc_now

APP_NAME = "complaints_agent_desk"
MAX_BODY_BYTES = 64 * 1024


def _webhook_from_settings(settings: Settings) -> UrgentWebhook | None:
    """The urgent-ticket webhook of `settings.desk`; None (off) without a URL."""
    desk = settings.desk
    if not desk.webhook_url:
        return None
    return UrgentWebhook(
        desk.webhook_url,
        str(desk.webhook_secret).encode("utf-8") or desk.resolve_secret(),
        attempts=desk.webhook_attempts,
        backoff_seconds=desk.webhook_backoff_seconds,
        timeout_seconds=desk.webhook_timeout_seconds,
    )


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
    session_length = timedelta(hours=settings.desk.session_hours)
    desk = Desk(
        settings=settings,
        store=store,
        accounts=accounts or AccountStore(store, session_length, clock),
        rasa=rasa_client or RasaClient.from_settings(settings),
        presence=Presence(store, clock=clock),
        evidence=evidence if evidence is not None else EvidenceStore(settings.evidence),
        incidents=IncidentLinker(
            store.engine,
            settings=settings.incidents,
            sla=settings.sla,
            timezone_name=settings.timezone,
        ),
        webhook=webhook if webhook is not None else _webhook_from_settings(settings),
        signer=CookieSigner(settings.desk.resolve_secret()),
        csp=content_security_policy(settings.evidence.public_base_url),
        now=clock or utc_now,
    )
    app = Sanic(APP_NAME, configure_logging=False)
    app.config.REQUEST_MAX_SIZE = MAX_BODY_BYTES
    app.ctx.desk = desk
    app.ctx.settings = settings
    app.ctx.store = store
    app.ctx.accounts = desk.accounts
    app.ctx.rasa = desk.rasa
    add_error_handlers(app)
    add_session_guard(app)
    for add_routes in (
        add_page_routes,
        add_sign_in_routes,
        add_queue_routes,
        add_live_routes,
        add_ticket_routes,
        add_reply_routes,
        add_incident_routes,
        add_statistics_routes,
        add_watcher,
    ):
        add_routes(app)
    return app
