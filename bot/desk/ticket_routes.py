"""One ticket: its detail, and what agents do with it besides writing to the customer.

Claim, note, reassign and escalate; replies, resolution and reopening (which tells the
customer) are in `bot.desk.replies`.

Why the bot is paused first when an agent takes a conversation: if Rasa cannot be told, the
ticket must not say an agent owns a conversation the bot still answers; so nothing changes.
And when the ticket store then refuses the change, the pause is taken back (`undo_pause`):
otherwise the customer stays paused with nobody on the ticket and nothing ever resumes the
bot (hand trial ux6, a claim while the ticket database refused writes).
"""

from __future__ import annotations

import logging
from typing import Any, Dict, Iterable, List

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.desk.accounts import Agent
from bot.desk.context import Desk, desk_of, in_thread, load_ticket
from bot.desk.rasa_client import RasaUnavailable
from bot.desk.responses import DeskError, body_text, json_body, json_response
from bot.desk.views import CUSTOMER, customer_filled
from bot.taxonomy import CATEGORIES
from bot.tickets.store import TicketChanged, TicketNotFound

logger = logging.getLogger(__name__)

MAX_NOTE_CHARS = 4000
MAX_NAME_CHARS = 64


def require_status(ticket: Dict[str, Any], allowed: Iterable[str], code: str, message: str) -> None:
    """Refuse (409) an action the ticket's status does not allow."""
    if ticket["status"] not in allowed:
        raise DeskError(409, code, message)


def require_owner(agent: Agent, ticket: Dict[str, Any]) -> None:
    """Only the assignee, or a supervisor, acts on an assigned ticket."""
    if ticket["assignee"] != agent.name and not agent.is_supervisor:
        raise DeskError(403, "not_assignee", "这张工单不在你名下；请先认领或请主管转派")


class ChangedMeanwhile(DeskError):
    """409: someone changed the ticket between this action's read and its write.

    `ticket` is the ticket as it is now (who holds it, or that it ended), for the answer and
    for undoing what the action did before the write.
    """

    def __init__(self, ticket: Dict[str, Any], agent: Agent) -> None:
        super().__init__(409, "ticket_changed", _changed_message(ticket, agent))
        self.ticket = ticket


def _changed_message(ticket: Dict[str, Any], agent: Agent) -> str:
    if ticket["status"] in ("resolved", "closed"):
        return "这张工单刚刚结案，未改动"
    if ticket["status"] == "assigned" and ticket["assignee"] != agent.name:
        return f"这张工单刚由 {ticket['assignee']} 认领，未改动"
    if ticket["status"] == "assigned":
        return "这张工单已在你名下"
    return "这张工单刚被改动，请刷新后重试"


async def change_ticket(
    desk: Desk,
    ticket_id: str,
    agent: Agent,
    *,
    expect: Dict[str, Any] | None = None,
    **changes: Any,
) -> Dict[str, Any]:
    """Change the ticket as this agent (the audit history names who did it); the new ticket.

    With `expect` (the status and assignee the action checked) the change is made only if
    the ticket still holds them (`ChangedMeanwhile` otherwise): two agents acting at once no
    longer take a ticket from each other (desk14).
    """
    try:
        return await in_thread(
            desk.store.update_ticket, ticket_id, actor=agent.name, expect=expect, **changes
        )
    except TicketChanged as changed:
        raise ChangedMeanwhile(changed.ticket, agent) from changed


def as_read(ticket: Dict[str, Any]) -> Dict[str, Any]:
    """What an action checked of the ticket, for `change_ticket`'s `expect`."""
    return {"status": ticket["status"], "assignee": ticket["assignee"]}


def held_by_someone(error: BaseException) -> bool:
    """The action lost to someone who now holds the ticket: their conversation stays paused."""
    return isinstance(error, ChangedMeanwhile) and error.ticket["status"] == "assigned"


def _evidence_links(desk: Desk, ticket: Dict[str, Any]) -> List[Dict[str, Any]]:
    items = []
    for item in ticket.get("evidence") or []:
        entry = {k: item.get(k) for k in ("id", "filename", "content_type", "size")}
        row = desk.evidence.get(str(item.get("id"))) if item.get("id") else None
        if row is not None:
            entry["url"] = desk.evidence.signed_url(str(item["id"]))
            if row.get("has_thumbnail") == "1":
                entry["thumb_url"] = desk.evidence.signed_url(str(item["id"]), variant="thumb")
        items.append(entry)
    return items


def previous_resolution(
    ticket: Dict[str, Any], audit: List[Dict[str, Any]]
) -> Dict[str, Any] | None:
    """The resolution a reopen took back (`{text, at, by}`), while the ticket has none.

    Why: a reopen clears the ticket's resolution (it is no longer the outcome), but the agent
    working the ticket again needs what was tried and told to the customer before; the audit
    history keeps it (the entry that cleared it names who reopened and when it was taken back;
    the entry that set it names who resolved it and when).
    """
    if ticket.get("resolution") is not None:
        return None
    set_at = [a for a in audit if a["field"] == "resolution" and a["after"] is not None]
    if not set_at:
        return None
    last = set_at[-1]
    return {"text": last["after"], "at": last["at"], "by": last["actor"]}


def _detail(desk: Desk, ticket_id: str) -> Dict[str, Any]:
    ticket = desk.store.get_ticket(ticket_id)
    if ticket is None:
        raise TicketNotFound(ticket_id)
    audit = desk.store.get_audit(ticket_id)
    return {
        "ticket": ticket,
        # the category's name, as the queue shows it (the ticket keeps the code)
        "category_label": CATEGORIES.get(str(ticket.get("issue_category")), ""),
        "audit": audit,
        "previous_resolution": previous_resolution(ticket, audit),
        # what the customer added after filing: the page marks it ("客户补充了：订单号")
        "filled": customer_filled(a["field"] for a in audit if a["actor"] == CUSTOMER),
        "notes": desk.accounts.list_notes(ticket_id),
        "escalation": desk.accounts.active_escalations([ticket_id]).get(ticket_id),
        "evidence": _evidence_links(desk, ticket),
        "agents": [{"name": a.name, "role": a.role} for a in desk.accounts.list_agents()],
    }


async def ticket_detail(request: Request, ticket_id: str) -> HTTPResponse:
    """Every field, signed evidence links, audit history, notes, the agents."""
    desk = desk_of(request)
    await load_ticket(desk, ticket_id)
    detail = await in_thread(_detail, desk, ticket_id)
    detail["me"] = {"name": request.ctx.agent.name, "role": request.ctx.agent.role}
    return json_response(detail)


async def undo_pause(desk: Desk, ticket: Dict[str, Any]) -> None:
    """Let the bot answer again after a pause whose ticket change failed.

    Rasa failing now too leaves the customer paused: logged as an error for someone to resume.
    """
    try:
        await desk.rasa.resume(ticket["conversation_id"])
    except RasaUnavailable as error:
        logger.error(
            "ticket %s: not saved and the bot stays paused (resume failed): %s", ticket["id"], error
        )


async def take(desk: Desk, agent: Agent, ticket: Dict[str, Any], **changes: Any) -> Dict[str, Any]:
    """Pause the bot, then the ticket is assigned to this agent (with `changes`); the new ticket.

    A change the store refuses resumes the bot before the error reaches the agent; one that
    lost to another agent's claim does not (that agent holds the conversation paused).
    """
    await desk.rasa.pause(ticket["conversation_id"])
    try:
        return await change_ticket(
            desk,
            ticket["id"],
            agent,
            expect=as_read(ticket),
            status="assigned",
            assignee=agent.name,
            **changes,
        )
    except Exception as error:
        if not held_by_someone(error):
            await undo_pause(desk, ticket)
        raise


async def claim_ticket(desk: Desk, agent: Agent, ticket_id: str) -> Dict[str, Any]:
    """Take an open ticket: pause the bot, then status assigned to `agent`; the answer's body.

    One path for the ticket page and a group incident's claim (`bot.desk.incident_routes`).
    """
    ticket = await load_ticket(desk, ticket_id)
    require_status(ticket, ("open",), "not_open", "只能认领待处理（open）的工单")
    return {"ticket": await take(desk, agent, ticket)}


async def claim(request: Request, ticket_id: str) -> HTTPResponse:
    """Take an open ticket: pause the bot, then status assigned to me."""
    return json_response(await claim_ticket(desk_of(request), request.ctx.agent, ticket_id))


async def note(request: Request, ticket_id: str) -> HTTPResponse:
    """Add a private note (never sent to the customer), whatever the ticket's status.

    Not guarded as the changes are (task after5): a note changes nothing of the ticket and
    nothing is lost by writing it; one written on a ticket closed or taken meanwhile still
    belongs with it (a late finding, a call the customer made), and refusing it would lose it.
    """
    desk = desk_of(request)
    text = body_text(json_body(request), "text", MAX_NOTE_CHARS)
    await load_ticket(desk, ticket_id)
    saved = await in_thread(desk.accounts.add_note, ticket_id, request.ctx.agent.name, text)
    return json_response({"note": saved})


async def _agent_named(desk: Desk, name: str) -> Agent:
    for candidate in await in_thread(desk.accounts.list_agents):
        if candidate.name == name:
            return candidate
    raise DeskError(400, "unknown_agent", "没有这个客服账号")


def shown_to_agent(payload: Dict[str, Any]) -> Dict[str, Any] | None:
    """The status and assignee the agent's page showed (`expect`), or None when not sent.

    Why (task after5): a supervisor reassigning "小王's" ticket, which 小王 had passed to 小李
    meanwhile, took it from 小李 without a word; the page says what it showed, and a ticket
    that is no longer so is left as it is. API callers that send nothing are checked against
    the ticket as this request read it.
    """
    expect = payload.get("expect")
    if expect is None:
        return None
    if not isinstance(expect, dict) or not expect or set(expect) - {"status", "assignee"}:
        raise DeskError(400, "invalid_request", '"expect" may hold only "status" and "assignee"')
    return expect


async def reassign(request: Request, ticket_id: str) -> HTTPResponse:
    """Hand an assigned ticket to another agent (its assignee or a supervisor may).

    Guarded as the status changes are (desk14): the ticket must still be as the agent's page
    showed it and as read here, checked under the row's lock (409 `ticket_changed`, saying
    who holds it now or that it ended).
    """
    desk = desk_of(request)
    agent: Agent = request.ctx.agent
    payload = json_body(request)
    target = await _agent_named(desk, body_text(payload, "assignee", MAX_NAME_CHARS))
    shown = shown_to_agent(payload)
    ticket = await load_ticket(desk, ticket_id)
    if shown is not None and any(ticket[name] != value for name, value in shown.items()):
        raise ChangedMeanwhile(ticket, agent)
    require_status(ticket, ("assigned",), "not_assigned", "只能转派处理中（assigned）的工单")
    require_owner(agent, ticket)
    updated = await change_ticket(
        desk, ticket_id, agent, expect=as_read(ticket), assignee=target.name
    )
    return json_response({"ticket": updated})


SELF_ESCALATION = "不能升级给自己：你已是主管，请直接处理，或转派给其他客服"


async def _supervisor(desk: Desk, wanted: Any, agent: Agent) -> Agent:
    """The supervisor asked for, else the first one other than `agent`; 409 when there is none.

    A supervisor escalating to themselves changes nothing but marks the ticket 已升级 "给主管
    supervisor（supervisor 升级）" (hand trial ux12/desk13): refused with its own code.
    """
    supervisors = [a for a in await in_thread(desk.accounts.list_agents) if a.is_supervisor]
    others = [s for s in supervisors if s.name != agent.name]
    if wanted == agent.name or (agent.is_supervisor and not others):
        raise DeskError(409, "self_escalation", SELF_ESCALATION)
    chosen = next((s for s in others if s.name == wanted), None) if wanted else None
    chosen = chosen or (others[0] if others else None)
    if chosen is None:
        raise DeskError(409, "no_supervisor", "还没有主管账号")
    return chosen


async def _put_back(desk: Desk, ticket: Dict[str, Any], agent: Agent) -> None:
    """Give the ticket its status and assignee back (an escalation whose record failed)."""
    try:
        await change_ticket(
            desk, ticket["id"], agent, status=ticket["status"], assignee=ticket["assignee"]
        )
    except Exception as error:  # the store refuses again: the audit shows the half-done change
        logger.error("ticket %s: escalation not undone: %s", ticket["id"], error)


async def escalate(request: Request, ticket_id: str) -> HTTPResponse:
    """Hand the ticket to a supervisor, with the reason as a private note.

    An open ticket is paused first (as a claim). Whatever fails afterwards is undone in
    reverse order (the ticket change, the pause), so the bot, the ticket and the escalation
    record (`desk_escalations` and the note, written together) agree. A ticket someone claimed
    or resolved since it was read is left as they left it (409 `ticket_changed`).
    """
    desk = desk_of(request)
    agent: Agent = request.ctx.agent
    payload = json_body(request)
    reason = body_text(payload, "reason", MAX_NOTE_CHARS)
    ticket = await load_ticket(desk, ticket_id)
    require_status(ticket, ("open", "assigned"), "not_active", "只能升级未结案的工单")
    chosen = await _supervisor(desk, payload.get("supervisor"), agent)
    paused = ticket["status"] == "open"
    if paused:
        await desk.rasa.pause(ticket["conversation_id"])
    changed = False
    try:
        updated = await change_ticket(
            desk, ticket_id, agent, expect=as_read(ticket), status="assigned", assignee=chosen.name
        )
        changed = True
        note_text = f"升级给主管 {chosen.name}：{reason}"
        await in_thread(
            desk.accounts.record_escalation, ticket_id, agent.name, chosen.name, note_text
        )
    except Exception as error:
        if changed:
            await _put_back(desk, ticket, agent)
        if paused and not held_by_someone(error):
            await undo_pause(desk, ticket)
        raise
    return json_response({"ticket": updated})


def add_ticket_routes(app: Sanic) -> None:
    """`GET /desk/api/tickets/<id>` and `POST .../{claim,note,reassign,escalate}`."""
    app.add_route(ticket_detail, "/desk/api/tickets/<ticket_id>", methods=["GET"])
    for action in (claim, note, reassign, escalate):
        path = f"/desk/api/tickets/<ticket_id>/{action.__name__}"
        app.add_route(action, path, methods=["POST"])
