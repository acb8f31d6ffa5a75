"""Telling waiting live viewers that their group incident made their ticket urgent.

Why (task wait4, hand trial WeCom live-stream group): viewers who were told "15 分钟内" at
filing heard nothing when the fifth complaint made their session's group incident and moved
their first-response deadline up to the urgent SLA; the desk showed them late, the customer
still expected the old time. When filing a ticket hastens other members
(`IncidentLinker.link_hastening`), each member still waiting (open, unclaimed) is sent one
notice (`utter_notice_ticket_prioritised`) with the new time, in the script the customer
writes, through the Rasa server's HTTP API as the desk sends its notices; the line is kept in
the ticket's transcript as the bot's. A deadline moves once, so each viewer hears it once.
The filing customer's own turn says the ticket is urgent already (`announce_ticket`).

The notices go out in the background: the viewer filing the fifth complaint does not wait
for four other conversations (whose trackers may be locked by a turn of their own). Rasa
being unreachable loses the notice (logged); the status reply still gives the new time.
"""

import asyncio
import logging
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional, Sequence, Set

from actions import dependencies
from bot.desk.rasa_client import RasaUnavailable, script_of
from bot.intake.presentation import promised_due_values
from bot.notices import default_notices

logger = logging.getLogger(__name__)

NOTICE = "ticket_prioritised"
_PENDING: Set["asyncio.Task[List[str]]"] = set()


def tell_hastened(ticket_ids: Sequence[str]) -> Optional["asyncio.Task[List[str]]"]:
    """Start telling these tickets' customers in the background; the task, or None if none."""
    if not ticket_ids:
        return None
    task = asyncio.ensure_future(notify_hastened(list(ticket_ids)))
    _PENDING.add(task)  # a reference, or the loop may drop the task before it ends
    task.add_done_callback(_PENDING.discard)
    return task


async def settle() -> None:
    """Wait for the notices under way (tests; a server stopping)."""
    while _PENDING:
        await asyncio.gather(*list(_PENDING), return_exceptions=True)


async def notify_hastened(ticket_ids: Sequence[str]) -> List[str]:
    """Tell each ticket's customer, while it still waits; the ids of those told."""
    told = []
    for ticket_id in ticket_ids:
        try:
            if await _tell(ticket_id):
                told.append(ticket_id)
        except Exception:  # one conversation's failure must not keep the others untold
            logger.exception("ticket %s: the prioritised notice failed", ticket_id)
    return told


async def _tell(ticket_id: str) -> bool:
    """Send the notice to the ticket's conversation and keep it in the transcript."""
    from actions.waiting_facts import waits  # it files through actions.tickets, which calls us

    store = dependencies.ticket_store()
    ticket = await asyncio.to_thread(store.get_ticket, ticket_id)
    if ticket is None or not waits(ticket):
        return False  # claimed meanwhile: the agent is talking to the customer already
    client = dependencies.rasa_client()
    conversation = ticket["conversation_id"]
    try:
        events = await client.desk_events(conversation)
        line = await client.send_bot_notice(
            conversation, notice_text(ticket), NOTICE, script=script_of(events)
        )
    except RasaUnavailable as error:
        logger.warning("ticket %s: the prioritised notice was not sent: %s", ticket_id, error)
        return False
    entry = {"role": "bot", "text": line.text, "at": line.timestamp}
    await asyncio.to_thread(store.merge_transcript, ticket_id, [entry])
    return True


def notice_text(ticket: Dict[str, Any]) -> str:
    """The notice with the ticket's new first-response time (Simplified, as domain.yml has it)."""
    timezone_name = dependencies.settings().timezone
    values = promised_due_values(ticket, timezone_name, datetime.now(timezone.utc))
    return default_notices().text(NOTICE, **values)
