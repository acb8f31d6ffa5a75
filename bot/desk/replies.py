"""Writing to the customer: an agent's reply, the resolution, and a reopened ticket's notice.

All three also keep the customer's own messages in the ticket's transcript.

Why the customer's messages are copied here: during a takeover (or while nobody has picked
the ticket up) the customer keeps writing in Rasa's conversation, not to the desk; the ticket
must keep those words even if no desk page was open. Each action reads the Rasa tracker once
and uses that read for everything it needs (the messages, the agents' lines, the script).

Why a reply is sent before it is stored: the tracker logs the line as it is sent, so the
tracker is its record. If the ticket store fails right after, the customer has the line, the
agent is told it is not in the ticket yet (not asked to send it again), and the next read of
the tracker copies it into the transcript.

Why a reopened ticket is announced (hand test ux5): the bot is paused and the customer, told
the ticket was resolved, heard nothing while an agent had taken it back. The notice is a
domain.yml text (`utter_notice_ticket_reopened`) sent the way a reply is, in the customer's
script. A customer still asked to rate the first resolution is not left in that question: it
is closed with the notice (which says so), the rating that resolution got leaves the ticket
(the audit history keeps it), and the bot asks again once the ticket is resolved again.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any, Dict, List

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse
from sqlalchemy.exc import SQLAlchemyError

from bot.desk.accounts import Agent
from bot.desk.context import Desk, desk_of, in_thread, load_ticket
from bot.desk.rasa_client import (
    CLOSE_RATING,
    AgentLine,
    RasaUnavailable,
    agent_lines_of,
    bot_lines_of,
    messages_of,
    rating_asked,
    script_of,
)
from bot.desk.responses import body_text, json_body, json_response
from bot.desk.ticket_routes import (
    as_read,
    change_ticket,
    require_owner,
    require_status,
    take,
)
from bot.desk.views import parse_time
from bot.notices import default_notices

logger = logging.getLogger(__name__)

MAX_REPLY_CHARS = 2000
RESOLVED_INTENT = "ticket_resolved"
NOT_KEPT_WARNING = "消息已发给客户，但暂未记入工单记录；下次回复或结案时会自动补记，请勿重发"
NOT_TOLD_REOPENED = "工单已重新打开，但未能通知客户（机器人服务暂不可用）；请回复客户说明"
REOPENED_NOTICE = "ticket_reopened"
REOPENED_NOTICE_RATING_CLOSED = "ticket_reopened_rating_closed"


def created_timestamp(ticket: Dict[str, Any]) -> float:
    """When the ticket was filed (Unix time): what the customer said before is in it already."""
    created = parse_time(ticket["created_at"])
    return created.timestamp() if created else 0.0


def _agent_entry(line: AgentLine) -> Dict[str, Any]:
    entry: Dict[str, Any] = {"role": "agent", "text": line.text, "at": line.timestamp}
    if line.agent:
        entry["agent"] = line.agent  # a reassigned or escalated ticket has several agents
    return entry


def _shown_line(line: AgentLine) -> Dict[str, Any]:
    """The line as the desk page shows it until the transcript holds it (ISO time, UTC)."""
    at = datetime.fromtimestamp(line.timestamp, timezone.utc).isoformat()
    return {"text": line.text, "at": at}


def customer_messages(
    ticket: Dict[str, Any], events: List[Dict[str, Any]], after: float
) -> List[Dict[str, Any]]:
    """The ticket's customer messages written after `after` (`{text, timestamp}`, oldest first)."""
    return [
        m for m in messages_of(events, ticket["id"]) if m["timestamp"] > after and m["text"].strip()
    ]


def customer_entry(message: Dict[str, Any]) -> Dict[str, Any]:
    """A customer message (`{text, timestamp}`) as the transcript entry the store merges."""
    return {"role": "customer", "text": message["text"], "at": message["timestamp"]}


async def copy_customer_messages(
    desk: Desk,
    ticket: Dict[str, Any],
    events: List[Dict[str, Any]],
    since: float | None = None,
) -> List[Dict[str, Any]]:
    """Copy what the customer wrote after `since`, the bot's and agents' lines, to the transcript.

    `events` are the conversation's, as `RasaClient.desk_events` read them. `since` defaults
    to the ticket's creation; a live page passes the newest message it has seen, so only new
    messages are written. The bot's and agents' lines since the ticket's creation are merged
    each time (the merge skips those the transcript holds). Returns the customer's messages
    copied (`{text, timestamp}`, oldest first).
    """
    after = created_timestamp(ticket) if since is None else since
    messages = customer_messages(ticket, events, after)
    await store_messages(desk, ticket, events, messages)
    return messages


async def store_messages(
    desk: Desk,
    ticket: Dict[str, Any],
    events: List[Dict[str, Any]],
    messages: List[Dict[str, Any]],
    lines_after: float | None = None,
) -> float:
    """Merge these customer messages and the bot's and agents' lines of `events` in the transcript.

    For a caller that has derived the customer's messages already (the live page, which
    also shows them) and must not read them out of the events a second time. The bot's lines
    since the ticket's creation (task desk6: the filing confirmation with its reply-by time,
    the handoff answer, the resolution and rating questions) are the ticket's as its customer
    messages are (`bot_lines_of`); those before it are in the transcript from the filing.

    `lines_after`: a caller that polls (the live page, once a second) passes what the last
    call returned, so lines it merged already are not locked and compared again, and a poll
    with nothing new writes nothing. Returns the time of the newest line merged (or given).
    """
    after = max(created_timestamp(ticket), lines_after or 0.0)
    bot = [m for m in bot_lines_of(events, ticket["id"]) if m["timestamp"] > after]
    agents = [line for line in agent_lines_of(events) if line.timestamp > after]
    entries = [customer_entry(m) for m in messages]
    entries += [{"role": "bot", "text": m["text"], "at": m["timestamp"]} for m in bot]
    entries += [_agent_entry(line) for line in agents]
    if entries:
        await in_thread(desk.store.merge_transcript, ticket["id"], entries)
    return max([after] + [m["timestamp"] for m in bot] + [line.timestamp for line in agents])


async def keep_customer_messages(desk: Desk, ticket: Dict[str, Any]) -> List[Dict[str, Any]]:
    """Copy what the customer wrote since the ticket was filed, from one tracker read.

    Returns that read's events, for whatever else the caller needs from them. A store that
    refuses the copy is logged, not raised: the tracker keeps the messages, the next copy
    takes them, and the agent's reply or the reopen notice must still reach the customer.
    """
    events = await desk.rasa.desk_events(ticket["conversation_id"])
    try:
        await copy_customer_messages(desk, ticket, events)
    except SQLAlchemyError as error:
        logger.error("ticket %s: customer messages not stored: %s", ticket["id"], error)
    return events


async def _assigned_to(desk: Desk, agent: Agent, ticket_id: str, message: str) -> Dict[str, Any]:
    """The ticket, if it is assigned and `agent` may act on it (its assignee or a supervisor)."""
    ticket = await load_ticket(desk, ticket_id)
    require_status(ticket, ("assigned",), "not_assigned", message)
    require_owner(agent, ticket)
    return ticket


async def reply(request: Request, ticket_id: str) -> HTTPResponse:
    """Send a message to the customer's channel as this agent; keep it in the transcript."""
    text = body_text(json_body(request), "text", MAX_REPLY_CHARS)
    return json_response(await reply_to(desk_of(request), request.ctx.agent, ticket_id, text))


async def reply_to(desk: Desk, agent: Agent, ticket_id: str, text: str) -> Dict[str, Any]:
    """The reply of `reply` (checks, sending, keeping); the answer's body.

    One path for the ticket page and a group incident's reply (`bot.desk.incident_routes`).
    What the customer wrote before comes first in the transcript, and the one tracker read
    also gives the script the reply is shown in. The transcript keeps the line as the
    customer read it (in their script). A store that refuses writes does not stop the reply
    (hand trial ux6: the customer had written, copying their words failed first, and the agent
    got a bare 500 with nothing sent); the answer then carries the warning and the line
    (`unkept`), which the page shows until the transcript holds it.
    """
    ticket = await _assigned_to(desk, agent, ticket_id, "先认领工单再回复客户")
    events = await keep_customer_messages(desk, ticket)
    line = await desk.rasa.send_agent_message(
        ticket["conversation_id"], text, agent.name, script=script_of(events)
    )
    try:
        await in_thread(desk.store.merge_transcript, ticket_id, [_agent_entry(line)])
    except SQLAlchemyError as error:
        logger.error("ticket %s: a reply was sent but not stored: %s", ticket_id, error)
        return {"ticket": ticket, "warning": NOT_KEPT_WARNING, "unkept": _shown_line(line)}
    return {"ticket": await load_ticket(desk, ticket_id), "warning": None}


async def _tell_the_bot(desk: Desk, ticket: Dict[str, Any]) -> str | None:
    """Resume the bot and start its satisfaction turn; a warning for the agent if Rasa failed."""
    try:
        await desk.rasa.resume(ticket["conversation_id"])
        await desk.rasa.trigger_intent(
            ticket["conversation_id"], RESOLVED_INTENT, {"ticket_id": ticket["id"]}
        )
    except RasaUnavailable as error:
        logger.warning("ticket %s resolved but the bot was not told: %s", ticket["id"], error)
        return "工单已结案，但未能通知机器人（客户暂未收到结果和满意度邀请）"
    return None


async def resolve(request: Request, ticket_id: str) -> HTTPResponse:
    """Record the resolution, hand the conversation back to the bot, ask for satisfaction."""
    resolution = body_text(json_body(request), "resolution", MAX_REPLY_CHARS)
    body = await resolve_ticket(desk_of(request), request.ctx.agent, ticket_id, resolution)
    return json_response(body)


async def resolve_ticket(
    desk: Desk, agent: Agent, ticket_id: str, resolution: str
) -> Dict[str, Any]:
    """The resolution of `resolve` (checks, ticket change, the bot told); the answer's body.

    One path for the ticket page and a group incident's resolve (`bot.desk.incident_routes`).
    Rasa being down does not stop the resolution: the agent's work is kept and the agent is
    warned that the customer has not been told.
    """
    ticket = await _assigned_to(desk, agent, ticket_id, "只能结案处理中（assigned）的工单")
    try:
        await keep_customer_messages(desk, ticket)
    except RasaUnavailable as error:
        logger.warning("ticket %s: customer messages not copied: %s", ticket_id, error)
    # only if nobody resolved or took it while the messages were copied (else 409, no rating)
    updated = await change_ticket(
        desk, ticket_id, agent, expect=as_read(ticket), status="resolved", resolution=resolution
    )
    warning = await _tell_the_bot(desk, ticket)
    return {"ticket": updated, "warning": warning}


async def _tell_reopened(desk: Desk, ticket: Dict[str, Any], agent: Agent) -> str | None:
    """Tell the customer their ticket is open again; a warning for the agent if that failed.

    One tracker read gives the customer's messages to keep, their script and whether a rating
    question is open, which is closed in the same call that sends the notice.
    """
    try:
        events = await keep_customer_messages(desk, ticket)
        asked = rating_asked(events)
        name = REOPENED_NOTICE_RATING_CLOSED if asked else REOPENED_NOTICE
        line = await desk.rasa.send_agent_message(
            ticket["conversation_id"],
            default_notices().text(name, ticket_id=ticket["id"]),
            agent.name,
            script=script_of(events),
            notice=name,
            before=CLOSE_RATING if asked else (),
        )
    except RasaUnavailable as error:
        logger.warning("ticket %s reopened but the customer was not told: %s", ticket["id"], error)
        return NOT_TOLD_REOPENED
    try:
        await in_thread(desk.store.merge_transcript, ticket["id"], [_agent_entry(line)])
    except SQLAlchemyError as error:
        logger.error("ticket %s: the reopen notice was sent but not stored: %s", ticket["id"], error)
    return None


async def _end_escalations(desk: Desk, ticket_id: str) -> None:
    """A reopened ticket starts a new round: the queue no longer marks the old escalation.

    Not worth failing the reopen for: a store that refuses leaves the mark (logged).
    """
    try:
        await in_thread(desk.accounts.end_escalations, ticket_id)
    except SQLAlchemyError as error:
        logger.error("ticket %s reopened but its escalation is still marked: %s", ticket_id, error)


async def reopen(request: Request, ticket_id: str) -> HTTPResponse:
    """Take a resolved or closed ticket back (bot paused, assigned to me), and tell the customer.

    Pausing comes first, as for a claim (if Rasa cannot be told, nothing changes; if the store
    refuses the change, the bot is resumed: `take`). The resolution being taken back and its
    rating are cleared with it (hand trial desk13: the page showed the old 处理结果 as if it were
    current); the audit keeps both, and the ticket page shows the old one as the previous
    resolution (`previous_resolution` in `GET /desk/api/tickets/<id>`). A notice that could not be
    delivered does not undo the reopen: the agent is warned to tell the customer.
    """
    desk = desk_of(request)
    agent: Agent = request.ctx.agent
    ticket = await load_ticket(desk, ticket_id)
    require_status(ticket, ("resolved", "closed"), "not_resolved", "只能重新打开已结案的工单")
    await take(desk, agent, ticket, satisfaction=None, resolution=None)
    await _end_escalations(desk, ticket_id)
    warning = await _tell_reopened(desk, ticket, agent)
    return json_response({"ticket": await load_ticket(desk, ticket_id), "warning": warning})


def add_reply_routes(app: Sanic) -> None:
    """`POST /desk/api/tickets/<id>/reply`, `.../resolve` and `.../reopen`."""
    app.add_route(reply, "/desk/api/tickets/<ticket_id>/reply", methods=["POST"])
    app.add_route(resolve, "/desk/api/tickets/<ticket_id>/resolve", methods=["POST"])
    app.add_route(reopen, "/desk/api/tickets/<ticket_id>/reopen", methods=["POST"])
