"""JSON in and out of the desk's routes, and the errors they answer with.

Why one place: every route answers errors the same way (`{"error": code, "message": ...}`),
so the browser script reads one shape, and domain errors raised deep in a handler (an unknown
ticket, Rasa down) become the same answers without a try block in each route.
"""

from __future__ import annotations

import json
import logging
from typing import Any, Dict

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, raw
from sqlalchemy.exc import SQLAlchemyError

from bot.desk.accounts import AccountError
from bot.desk.rasa_client import RasaUnavailable
from bot.tickets.draft import InvalidTicketData
from bot.tickets.store import TicketNotFound

logger = logging.getLogger(__name__)


# Said to the agent when Rasa or the ticket database failed an action; also per ticket in a
# group incident's results (`bot.desk.incident_routes`).
RASA_DOWN_MESSAGE = "聊天机器人服务暂时无法连接，操作未完成，请稍后重试"
STORE_DOWN_MESSAGE = "工单数据库暂时无法保存，操作未完成，请稍后重试"


class DeskError(Exception):
    """An error answered as JSON `{"error": code, "message": ...}`."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def json_response(
    body: Any, status: int = 200, headers: Dict[str, str] | None = None
) -> HTTPResponse:
    """UTF-8 JSON with Chinese kept readable (`ensure_ascii=False`)."""
    return raw(
        json.dumps(body, ensure_ascii=False).encode("utf-8"),
        status=status,
        headers=headers,
        content_type="application/json; charset=utf-8",
    )


def error_response(status: int, code: str, message: str) -> HTTPResponse:
    """The error shape every route and the sign-in guard answer with."""
    return json_response({"error": code, "message": message}, status=status)


def json_body(request: Request) -> Dict[str, Any]:
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


def body_text(payload: Dict[str, Any], name: str, limit: int, *, required: bool = True) -> str:
    """A stripped string field of the body, refused when missing, not text or too long."""
    value = payload.get(name, "")
    if not isinstance(value, str):
        raise DeskError(400, "invalid_request", f'"{name}" must be a string')
    value = value.strip()
    if required and not value:
        raise DeskError(400, "invalid_request", f'"{name}" is empty')
    if len(value) > limit:
        raise DeskError(413, "too_long", f'"{name}" is longer than {limit} characters')
    return value


async def desk_error(_: Request, error: DeskError) -> HTTPResponse:
    """A refusal the route decided on."""
    return error_response(error.status, error.code, error.message)


async def not_found(_: Request, __: Exception) -> HTTPResponse:
    """An unknown ticket id, wherever it was looked up."""
    return error_response(404, "ticket_not_found", "no ticket has this id")


async def invalid(_: Request, error: Exception) -> HTTPResponse:
    """A value the ticket store or the account store refused."""
    return error_response(400, "invalid_request", str(error))


async def rasa_down(_: Request, error: Exception) -> HTTPResponse:
    """Rasa failed before anything changed: the agent is told to try again."""
    logger.warning("Rasa call failed: %s", error)
    return error_response(502, "rasa_unavailable", RASA_DOWN_MESSAGE)


async def store_down(_: Request, error: Exception) -> HTTPResponse:
    """The ticket database refused (disk full, locked, restarting): said in the agent's words.

    Hand trial (ux6): the desk answered Sanic's English "internal error" page instead.
    """
    logger.error("ticket store failed: %s", error)
    return error_response(503, "store_unavailable", STORE_DOWN_MESSAGE)


def add_error_handlers(app: Sanic) -> None:
    """Answer the desk's and its stores' errors as JSON."""
    app.exception(DeskError)(desk_error)
    app.exception(TicketNotFound)(not_found)
    app.exception(InvalidTicketData, AccountError)(invalid)
    app.exception(RasaUnavailable)(rasa_down)
    app.exception(SQLAlchemyError)(store_down)
