"""Acting on a group incident at once: claim, answer and resolve every ticket of the group.

Why: viewers of one live session with the same complaint are one group incident
(`bot.live.incidents`), and an agent with seven viewers who all missed the same promised gift
claimed, answered and resolved seven tickets one by one. Each ticket still goes through the
single-ticket path (`claim_ticket`, `reply_to`, `resolve_ticket`), so who may do what, the
bot's pause and resume, the customer's own script, the transcript, the audit history and the
rating question are exactly those of the single actions.

Why one ticket at a time, each with its own result: a ticket the store refuses, or whose
customer cannot be reached, fails alone; the others' work stands and the agent sees which
ticket to redo. Tickets another agent holds, or that are finished, are skipped and said so.

Why the page sends the ids of the tickets it shows (`tickets`): the agent acts on what they
saw, so a viewer who joined the incident meanwhile is not answered or resolved unseen. A
resolve needs them: the page lists the tickets to resolve and the agent confirms that list.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from typing import Any, Awaitable, Callable, Dict, List, Tuple

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse
from sqlalchemy.exc import SQLAlchemyError

from bot.desk.accounts import Agent
from bot.desk.context import Desk, desk_of, in_thread
from bot.desk.rasa_client import RasaUnavailable
from bot.desk.replies import MAX_REPLY_CHARS, reply_to, resolve_ticket
from bot.desk.responses import (
    RASA_DOWN_MESSAGE,
    STORE_DOWN_MESSAGE,
    DeskError,
    body_text,
    json_body,
    json_response,
)
from bot.desk.ticket_routes import claim_ticket
from bot.desk.views import queue_item
from bot.taxonomy import CATEGORIES
from bot.tickets.store import TicketNotFound

logger = logging.getLogger(__name__)

MAX_ID_CHARS = 64
MAX_GROUP_TICKETS = 500
FINISHED = ("resolved", "closed")

Act = Callable[[Dict[str, Any]], Awaitable[Dict[str, Any]]]
Check = Callable[[Dict[str, Any]], Tuple[str, str] | None]


@dataclass
class TicketResult:
    """What a group action did to one ticket: `done`, `skipped` (why) or `failed` (why).

    `status` and `assignee` are the ticket's after the action; `warning` and `unkept` are the
    single action's (a customer not told, a reply sent but not yet kept in the transcript).
    """

    id: str
    result: str
    code: str | None = None
    message: str | None = None
    warning: str | None = None
    unkept: Dict[str, Any] | None = None
    status: str | None = None
    assignee: str | None = None


def _load_members(desk: Desk, incident_id: str) -> List[Dict[str, Any]]:
    ids = desk.incidents.member_ids(incident_id) if len(incident_id) <= MAX_ID_CHARS else []
    tickets = [desk.store.get_ticket(ticket_id) for ticket_id in ids]
    return [ticket for ticket in tickets if ticket is not None]


async def group_members(desk: Desk, incident_id: str) -> List[Dict[str, Any]]:
    """The incident's tickets, oldest first; 404 when no ticket belongs to it."""
    members = await in_thread(_load_members, desk, incident_id)
    if not members:
        raise DeskError(404, "incident_not_found", "没有这个群体事件")
    return members


def _chosen(
    payload: Dict[str, Any], members: List[Dict[str, Any]], *, required: bool
) -> Tuple[List[Dict[str, Any]], List[str]]:
    """The members the page named in `tickets` (all when absent), and ids not in the group."""
    wanted = payload.get("tickets")
    if wanted is None and not required:
        return members, []
    if wanted is None or wanted == []:
        raise DeskError(400, "confirm_required", "请先确认要结案的工单")
    if (
        not isinstance(wanted, list)
        or len(wanted) > MAX_GROUP_TICKETS
        or not all(isinstance(ticket_id, str) for ticket_id in wanted)
    ):
        raise DeskError(400, "invalid_request", '"tickets" must be a list of ticket ids')
    named = set(wanted)
    ids = {ticket["id"] for ticket in members}
    strangers = [ticket_id for ticket_id in dict.fromkeys(wanted) if ticket_id not in ids]
    return [ticket for ticket in members if ticket["id"] in named], strangers


def _finished(ticket: Dict[str, Any]) -> Tuple[str, str] | None:
    """A finished ticket is left alone by every group action (reopen it on its own page)."""
    if ticket["status"] in FINISHED:
        return "finished", "已结案，未改动"
    return None


def _claim_check(agent: Agent) -> Check:
    """Skip tickets already claimed, naming who holds them."""

    def check(ticket: Dict[str, Any]) -> Tuple[str, str] | None:
        if ticket["status"] != "assigned":
            return _finished(ticket)
        if ticket["assignee"] == agent.name:
            return "already_yours", "已在你名下"
        return "claimed_by_other", f"已由 {ticket['assignee']} 认领，未改动"

    return check


def _failure(ticket_id: str, error: Exception) -> Tuple[str, str, str]:
    """The result, code and message of an action that raised (logged)."""
    if isinstance(error, DeskError):  # the single action's refusal: status or permission
        return "skipped", error.code, error.message
    if isinstance(error, TicketNotFound):
        return "skipped", "ticket_not_found", "工单不存在"
    if isinstance(error, RasaUnavailable):
        logger.warning("group action on ticket %s: Rasa failed: %s", ticket_id, error)
        return "failed", "rasa_unavailable", RASA_DOWN_MESSAGE
    if isinstance(error, SQLAlchemyError):
        logger.error("group action on ticket %s: the store refused: %s", ticket_id, error)
        return "failed", "store_unavailable", STORE_DOWN_MESSAGE
    logger.exception("group action on ticket %s failed", ticket_id, exc_info=error)
    return "failed", "internal_error", "操作失败，请在工单页单独处理"


def _unchanged(ticket: Dict[str, Any], result: str, code: str, message: str) -> TicketResult:
    return TicketResult(
        ticket["id"], result, code, message, status=ticket["status"], assignee=ticket["assignee"]
    )


async def _as_now(desk: Desk, ticket: Dict[str, Any]) -> Dict[str, Any]:
    """The ticket as it is now; as read before when the store cannot say."""
    try:
        return await in_thread(desk.store.get_ticket, ticket["id"]) or ticket
    except SQLAlchemyError:
        return ticket


async def _not_done(
    desk: Desk, ticket: Dict[str, Any], error: Exception, check: Check
) -> TicketResult:
    """The result of an action that raised, with the ticket's status and assignee as they are.

    Why: the group is read once, then each ticket waits for Rasa in turn; a ticket another
    agent claimed or resolved meanwhile was reported with its old status and the single
    action's bare refusal ("只能认领待处理…") rather than who holds it (desk14). A refusal
    (409) is said as the group's own check says it of the ticket now.
    """
    result, code, message = _failure(ticket["id"], error)
    now = await _as_now(desk, ticket)
    if isinstance(error, DeskError) and error.status == 409:
        code, message = check(now) or (code, message)
    return _unchanged(now, result, code, message)


async def _one(desk: Desk, ticket: Dict[str, Any], act: Act, check: Check) -> TicketResult:
    skip = check(ticket)
    if skip is not None:
        return _unchanged(ticket, "skipped", *skip)
    try:
        body = await act(ticket)
    except Exception as error:  # one ticket's failure must not stop the others (logged)
        return await _not_done(desk, ticket, error, check)
    after = body["ticket"]
    return TicketResult(
        ticket["id"],
        "done",
        warning=body.get("warning"),
        unkept=body.get("unkept"),
        status=after["status"],
        assignee=after["assignee"],
    )


async def _run(
    desk: Desk,
    tickets: List[Dict[str, Any]],
    strangers: List[str],
    act: Act,
    check: Check = _finished,
) -> HTTPResponse:
    """Act on each ticket in turn; answer every ticket's result and the counts."""
    results = [await _one(desk, ticket, act, check) for ticket in tickets]
    results += [
        TicketResult(ticket_id, "skipped", "not_in_group", "不在这个群体事件中")
        for ticket_id in strangers
    ]
    counts = {
        kind: sum(r.result == kind for r in results) for kind in ("done", "skipped", "failed")
    }
    return json_response({"results": [asdict(r) for r in results], "counts": counts})


def _incident_view(
    info: Dict[str, Any] | None, incident_id: str, first: Dict[str, Any]
) -> Dict[str, Any]:
    """The incident's session and category; from its first ticket when it has no record."""
    if info is not None:
        live = info["live"]
    else:
        shown = ("room_id", "streamer", "started_at")
        live = {k: v for k, v in (first.get("live") or {}).items() if k in shown and v}
    category = str(info["issue_category"] if info else first.get("issue_category"))
    return {
        "id": incident_id,
        "live": live,
        "issue_category": category,
        "category_label": CATEGORIES.get(category, ""),
        "created_at": info["created_at"] if info else None,
    }


def _member_item(ticket: Dict[str, Any], now: Any) -> Dict[str, Any]:
    """One ticket as the queue shows it, with the agents' lines its transcript holds.

    Why the lines: a group reply the store did not keep is shown on the group page marked
    客服（已发给客户，暂未记入工单） until the ticket's transcript holds it, as the ticket page does
    (hand trial desk13); the page compares its marked lines with these.
    """
    item = queue_item(ticket, now)
    # the customer's own words tell the group's tickets apart; their summaries begin alike
    item["issue_description"] = ticket.get("issue_description")
    item["agent_lines"] = [
        {"text": m["text"], "at": m["at"]}
        for m in ticket.get("transcript") or []
        if m.get("role") == "agent"
    ]
    return item


async def incident_detail(request: Request, incident_id: str) -> HTTPResponse:
    """The incident and every ticket of it (all statuses) as the queue shows them."""
    desk = desk_of(request)
    members = await group_members(desk, incident_id)
    info = await in_thread(desk.incidents.get_incident, incident_id)
    agent: Agent = request.ctx.agent
    return json_response(
        {
            "incident": _incident_view(info, incident_id, members[0]),
            "tickets": [_member_item(ticket, desk.now()) for ticket in members],
            "me": {"name": agent.name, "role": agent.role},
        }
    )


async def group_claim(request: Request, incident_id: str) -> HTTPResponse:
    """Claim every open ticket of the group; those claimed already are skipped and named."""
    desk = desk_of(request)
    agent: Agent = request.ctx.agent
    tickets, strangers = _chosen(
        json_body(request), await group_members(desk, incident_id), required=False
    )

    async def act(ticket: Dict[str, Any]) -> Dict[str, Any]:
        return await claim_ticket(desk, agent, ticket["id"])

    return await _run(desk, tickets, strangers, act, _claim_check(agent))


async def group_reply(request: Request, incident_id: str) -> HTTPResponse:
    """Send one reply to every customer of the group, each in their own script.

    A customer with two tickets in the group is written to once.
    """
    desk = desk_of(request)
    agent: Agent = request.ctx.agent
    payload = json_body(request)
    text = body_text(payload, "text", MAX_REPLY_CHARS)
    tickets, strangers = _chosen(payload, await group_members(desk, incident_id), required=False)
    sent_to: Dict[str, str] = {}  # conversation -> the ticket whose reply reached it

    async def act(ticket: Dict[str, Any]) -> Dict[str, Any]:
        first = sent_to.get(ticket["conversation_id"])
        if first is not None:
            raise DeskError(409, "same_customer", f"同一位客户，已随工单 {first} 收到这条回复")
        body = await reply_to(desk, agent, ticket["id"], text)
        sent_to[ticket["conversation_id"]] = ticket["id"]
        return body

    return await _run(desk, tickets, strangers, act)


async def group_resolve(request: Request, incident_id: str) -> HTTPResponse:
    """Resolve the confirmed tickets of the group; each customer is asked for a rating."""
    desk = desk_of(request)
    agent: Agent = request.ctx.agent
    payload = json_body(request)
    resolution = body_text(payload, "resolution", MAX_REPLY_CHARS)
    tickets, strangers = _chosen(payload, await group_members(desk, incident_id), required=True)

    async def act(ticket: Dict[str, Any]) -> Dict[str, Any]:
        return await resolve_ticket(desk, agent, ticket["id"], resolution)

    return await _run(desk, tickets, strangers, act)


def add_incident_routes(app: Sanic) -> None:
    """`GET /desk/api/incidents/<id>` and `POST .../{claim,reply,resolve}`."""
    app.add_route(incident_detail, "/desk/api/incidents/<incident_id>", methods=["GET"])
    for name, action in (
        ("claim", group_claim),
        ("reply", group_reply),
        ("resolve", group_resolve),
    ):
        path = f"/desk/api/incidents/<incident_id>/{name}"
        app.add_route(action, path, methods=["POST"])
