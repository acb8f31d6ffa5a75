"""The ticket API: a Sanic app factory in the style of `rasa_sdk.endpoint.create_app`.

Routes (every `/api` route needs `Authorization: Bearer <settings.api_token>`):

- `GET /health`: liveness, no token.
- `GET /api/openapi.json`: the OpenAPI 3 description.
- `GET /api/tickets`: tickets filtered by `status`, `conversation_id`, `order_id`, paged by
  `limit` and `offset`.
- `GET /api/tickets/{id}`: one ticket.
- `POST /api/triage`: `{"text": ...}` classified with the bot's own model (via the Rasa server).

Nothing is created at import time: `create_app` builds a fresh app, store and triage service
each call (tests pass their own store and service). The store is synchronous SQLAlchemy, so
handlers call it in a worker thread and never block the event loop.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from typing import Any, Dict, Protocol

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.api.errors import ApiError, error_body, json_body, mask_digits, register_error_handlers
from bot.api.openapi import MAX_LIST_LIMIT, MAX_TEXT_CHARS, build_openapi
from bot.live.incidents import IncidentLinker
from bot.orders.ids import normalize_order_id
from bot.settings import Settings
from bot.taxonomy import TICKET_STATUSES
from bot.tickets.store import TicketStore
from bot.triage.service import TriageService, TriageUnavailable

logger = logging.getLogger(__name__)

APP_NAME = "complaints_ticket_api"
# 10,000 characters written as JSON \u escapes are 60,000 bytes; leave room for the rest.
MAX_BODY_BYTES = 128 * 1024
LIST_PARAMETERS = ("status", "conversation_id", "order_id", "limit", "offset")
MAX_FILTER_CHARS = 255


class MissingApiToken(RuntimeError):
    """The API would be open to anyone: no bearer token is configured."""


class TriageParser(Protocol):
    """What `POST /api/triage` needs: `TriageService` or a stand-in with the same method."""

    async def triage(self, text: str) -> Dict[str, Any]:
        """The triage JSON for one complaint text."""


def _bad_request(message: str, error: str = "invalid_request") -> ApiError:
    return ApiError(400, error, message)


def _single(request: Request, name: str) -> str | None:
    values = request.get_args(keep_blank_values=True).getlist(name)
    if not values:
        return None
    if len(values) > 1:
        raise _bad_request(f"query parameter {name!r} is given more than once")
    value = values[0]
    if not value.strip():
        raise _bad_request(f"query parameter {name!r} is empty")
    if len(value) > MAX_FILTER_CHARS:
        raise _bad_request(f"query parameter {name!r} is longer than {MAX_FILTER_CHARS}")
    return value


def _integer(request: Request, name: str, default: int, low: int, high: int) -> int:
    raw = _single(request, name)
    if raw is None:
        return default
    if not raw.isascii() or not raw.isdigit() or not low <= int(raw) <= high:
        raise _bad_request(f"query parameter {name!r} must be an integer from {low} to {high}")
    return int(raw)


def _canonical_order_id(raw: str | None, pattern: str) -> str | None:
    if raw is None:
        return None
    return normalize_order_id(raw, pattern) or raw


def list_query(request: Request, order_id_pattern: str) -> Dict[str, Any]:
    """The checked filters and paging of `GET /api/tickets`.

    An order number is looked up in its canonical form (full-width digits, spaces and dashes
    normalised away), as the bot stores it.
    """
    unknown = sorted(set(request.get_args(keep_blank_values=True)) - set(LIST_PARAMETERS))
    if unknown:
        raise _bad_request(f"unknown query parameter(s) {unknown}; known: {list(LIST_PARAMETERS)}")
    status = _single(request, "status")
    if status is not None and status not in TICKET_STATUSES:
        raise _bad_request(f"status must be one of {list(TICKET_STATUSES)}")
    return {
        "status": status,
        "conversation_id": _single(request, "conversation_id"),
        "order_id": _canonical_order_id(_single(request, "order_id"), order_id_pattern),
        "limit": _integer(request, "limit", 100, 1, MAX_LIST_LIMIT),
        "offset": _integer(request, "offset", 0, 0, 10**9),
    }


def triage_text(request: Request) -> str:
    """The `text` of a `POST /api/triage` body, or an `ApiError` saying what is wrong."""
    media_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if media_type != "application/json":
        raise ApiError(415, "unsupported_media_type", "send the body as application/json")
    body = request.body or b""
    if len(body) > MAX_BODY_BYTES:
        raise ApiError(413, "payload_too_large", f"the body is larger than {MAX_BODY_BYTES} bytes")
    try:
        payload = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise _bad_request("the body is not UTF-8 text", "invalid_json") from None
    except (ValueError, RecursionError):
        raise _bad_request("the body is not valid JSON", "invalid_json") from None
    if not isinstance(payload, dict):
        raise _bad_request('the body must be a JSON object like {"text": "..."}')
    if "text" not in payload:
        raise _bad_request('the body has no "text"')
    text = payload["text"]
    if not isinstance(text, str):
        raise _bad_request('"text" must be a string')
    if not text.strip():
        raise _bad_request('"text" is empty')
    if len(text) > MAX_TEXT_CHARS:
        raise ApiError(413, "text_too_long", f'"text" is longer than {MAX_TEXT_CHARS} characters')
    return text


def create_app(
    settings: Settings,
    store: TicketStore | None = None,
    parser: TriageParser | None = None,
) -> Sanic:
    """Build the ticket API app.

    Args:
        settings: the project settings; `api_token` must not be empty.
        store: the ticket store; default: `TicketStore.from_settings(settings)`.
        parser: the triage service; default: `TriageService.from_settings(settings)`.

    Raises:
        MissingApiToken: when `settings.api_token` is empty.

    """
    token = str(settings.api_token).strip()
    if not token:
        raise MissingApiToken(
            "the ticket API needs a bearer token: set COMPLAINTS_API_TOKEN (or api_token in "
            "the settings file); the run script generates one"
        )
    expected = token.encode("utf-8")
    tickets = store if store is not None else TicketStore.from_settings(settings)
    triage: TriageParser = parser if parser is not None else TriageService.from_settings(settings)

    app = Sanic(APP_NAME, configure_logging=False)
    app.config.REQUEST_MAX_SIZE = MAX_BODY_BYTES
    app.ctx.settings = settings
    app.ctx.store = tickets
    app.ctx.parser = triage
    register_error_handlers(app)
    openapi = build_openapi()

    @app.on_request
    async def authenticate(request: Request) -> HTTPResponse | None:
        """Reject /api requests without the right bearer token (a response, not a raise)."""
        if request.path != "/api" and not request.path.startswith("/api/"):
            return None
        scheme, _, given = (request.headers.get("authorization") or "").partition(" ")
        if scheme.lower() == "bearer" and hmac.compare_digest(
            given.strip().encode("utf-8"), expected
        ):
            return None
        return json_body(
            error_body("unauthorized", "a valid 'Authorization: Bearer <token>' is required"),
            status=401,
            headers={"WWW-Authenticate": 'Bearer realm="complaints"'},
        )

    @app.on_response
    async def access_log(request: Request, response: HTTPResponse) -> None:
        """One log line per request: method, masked path (no query string), status."""
        logger.info("%s %s %s", request.method, mask_digits(request.path), response.status)

    @app.get("/health")
    async def health(_: Request) -> HTTPResponse:
        """Liveness check."""
        return json_body({"status": "ok"})

    @app.get("/api/openapi.json")
    async def openapi_document(_: Request) -> HTTPResponse:
        """The OpenAPI 3 description of this API."""
        return json_body(openapi)

    @app.get("/api/tickets")
    async def list_tickets(request: Request) -> HTTPResponse:
        """Tickets matching the query filters, newest first."""
        query = list_query(request, settings.order_id_pattern)
        filters = {k: query[k] for k in ("status", "conversation_id", "order_id")}
        found = await asyncio.to_thread(tickets.list_tickets, **query)
        total = await asyncio.to_thread(tickets.count_tickets, **filters)
        return json_body(
            {"tickets": found, "total": total, "limit": query["limit"], "offset": query["offset"]}
        )

    @app.get("/api/tickets/<ticket_id>")
    async def get_ticket(_: Request, ticket_id: str) -> HTTPResponse:
        """One ticket by id."""
        ticket = None
        if len(ticket_id) <= 64:
            ticket = await asyncio.to_thread(tickets.get_ticket, ticket_id)
        if ticket is None:
            raise ApiError(404, "ticket_not_found", "no ticket has this id")
        return json_body(ticket)

    @app.get("/api/incidents/<incident_id>")
    async def get_incident(_: Request, incident_id: str) -> HTTPResponse:
        """A group incident (one live session, one category) with its member tickets."""
        if not hasattr(app.ctx, "incidents"):
            app.ctx.incidents = IncidentLinker(
                tickets.engine,
                settings=settings.incidents,
                sla=settings.sla,
                timezone_name=settings.timezone,
            )
        incident = None
        if len(incident_id) <= 64:
            incident = await asyncio.to_thread(app.ctx.incidents.get_incident, incident_id)
        if incident is None:
            raise ApiError(404, "incident_not_found", "no incident has this id")
        return json_body(incident)

    @app.post("/api/triage")
    async def triage_route(request: Request) -> HTTPResponse:
        """Classify a complaint text with the bot's model."""
        text = triage_text(request)
        try:
            result = await triage.triage(text)
        except TriageUnavailable as error:
            raise ApiError(
                503,
                "triage_unavailable",
                f"triage is unavailable: {error}; try again when the Rasa server is up",
            ) from error
        return json_body(result)

    return app
