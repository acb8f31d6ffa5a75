"""The desk's pages, its static files and the health check.

Pages are HTML shells: their data comes from the JSON routes, rendered by `static/desk.js`
with `textContent` only, so customer text never becomes markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, html, raw

from bot.desk import pages
from bot.desk.accounts import Agent
from bot.desk.context import desk_of, in_thread, load_ticket
from bot.desk.incident_routes import group_members
from bot.desk.responses import error_response, json_response

STATIC_DIR = Path(__file__).resolve().parent / "static"
STATIC_FILES = {"desk.js": "text/javascript", "desk.css": "text/css"}


def _page(render: Callable[..., str], request: Request, *args: str) -> HTTPResponse:
    agent: Agent = request.ctx.agent
    zone = desk_of(request).settings.timezone
    return html(render(agent.name, agent.role, request.ctx.csrf, *args, timezone=zone))


async def health(_: Request) -> HTTPResponse:
    """Liveness check."""
    return json_response({"status": "ok"})


async def static(_: Request, name: str) -> HTTPResponse:
    """The desk's script and stylesheet."""
    if name not in STATIC_FILES:
        return error_response(404, "not_found", "no such file")
    data = await in_thread((STATIC_DIR / name).read_bytes)
    return raw(data, content_type=f"{STATIC_FILES[name]}; charset=utf-8")


async def queue_page(request: Request) -> HTTPResponse:
    """The queue page."""
    return _page(pages.queue_page, request)


async def ticket_page(request: Request, ticket_id: str) -> HTTPResponse:
    """The ticket page (404 for an unknown ticket rather than an empty shell)."""
    await load_ticket(desk_of(request), ticket_id)
    return _page(pages.ticket_page, request, ticket_id)


async def incident_page(request: Request, incident_id: str) -> HTTPResponse:
    """A group incident's page (404 when no ticket belongs to it)."""
    await group_members(desk_of(request), incident_id)
    return _page(pages.incident_page, request, incident_id)


async def stats_page(request: Request) -> HTTPResponse:
    """The statistics page."""
    return _page(pages.stats_page, request)


def add_page_routes(app: Sanic) -> None:
    """The pages, the static files and the health check.

    `GET /health`, `/desk/static/<name>`, `/desk/`, `/desk/tickets/<id>`,
    `/desk/incidents/<id>` (a group incident), `/desk/stats`.
    """
    app.add_route(health, "/health", methods=["GET"])
    app.add_route(static, "/desk/static/<name>", methods=["GET"])
    app.add_route(queue_page, "/desk/", methods=["GET"])
    app.add_route(ticket_page, "/desk/tickets/<ticket_id>", methods=["GET"])
    app.add_route(incident_page, "/desk/incidents/<incident_id>", methods=["GET"])
    app.add_route(stats_page, "/desk/stats", methods=["GET"])
