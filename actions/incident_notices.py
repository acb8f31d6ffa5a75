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

The notices are owed durably (task after5): filing records them in the ticket database
(`bot.tickets.notices.NoticeOutbox`) before anything is sent, and a background worker of this
process sends what is due: the viewer filing the fifth complaint does not wait for four other
conversations (whose trackers may be locked by a turn of their own). A Rasa server that is
down, or refuses, brings a notice back after a growing delay (`notices:` settings) until it is
delivered or, after the last attempt, given up (the ticket's history says so); a ticket an
agent claimed meanwhile is not told (the notice is dropped). Delivered once, never again: the
outbox hands a notice to one worker at a time, across processes. Notices left by a stopped
action server are sent by the next one as soon as it listens (`on_server_start`, attached by
`rasa_sdk_plugins`), and again checked at its first filing of any ticket
(`resume_owed_notices`) or at the next live filing.
"""

import asyncio
import logging
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional, Sequence

from actions import dependencies
from bot.desk.rasa_client import RasaUnavailable, script_of
from bot.intake.presentation import promised_due_values
from bot.notices import default_notices
from bot.tickets.notices import NoticeOutbox, PendingNotice

logger = logging.getLogger(__name__)

NOTICE = "ticket_prioritised"
# the floor of a worker's sleep: a notice due "now" is not polled in a tight loop
MIN_SLEEP_SECONDS = 0.01
_worker: Optional["asyncio.Task[None]"] = None
_resumed = False


async def tell_hastened(ticket_ids: Sequence[str]) -> None:
    """Owe these tickets' customers the notice (recorded first), and start sending what is due.

    Called at every live filing, with no ids too: a worker of this process then sends what an
    earlier (stopped) one left pending.
    """
    if ticket_ids:
        await asyncio.to_thread(owed_notices().record, list(ticket_ids), NOTICE)
    global _worker
    loop = asyncio.get_running_loop()
    if _worker is None or _worker.done() or _worker.get_loop() is not loop:
        _worker = loop.create_task(_deliver_until_done())


async def resume_owed_notices() -> None:
    """At this process's first filing: send what a stopped action server left owed.

    Why: an action server restarted while notices waited for Rasa started no worker until
    the next live filing, which may never come for that show.
    """
    global _resumed
    if not _resumed:
        _resumed = True
        await tell_hastened([])


async def on_server_start(app: Any, loop: Any) -> None:
    """Sanic listener: the action server is up, so send what a stopped one left owed.

    A ticket database that cannot be read then must not keep the server from starting: the
    worker logs it and retries (`_deliver_until_done`).
    """
    await resume_owed_notices()


async def on_server_stop(app: Any, loop: Any) -> None:
    """Sanic listener: stop the worker; what it had not sent stays pending for the next one."""
    await stop()


async def settle() -> None:
    """Wait until this process's worker has nothing pending left (tests; a server stopping)."""
    while _worker is not None and not _worker.done():
        await asyncio.gather(_worker, return_exceptions=True)


async def stop() -> None:
    """Stop this process's worker; what it had not sent stays pending for the next one."""
    global _worker, _resumed
    if _worker is not None and not _worker.done():
        _worker.cancel()
        await asyncio.gather(_worker, return_exceptions=True)
    _worker, _resumed = None, False


async def _deliver_until_done() -> None:
    """Send what is due, sleep until the next is due; end when nothing is pending."""
    outbox = owed_notices()
    while True:
        try:
            await deliver_due()
            due = await asyncio.to_thread(outbox.next_due)
        except Exception:  # the ticket database refused: what is pending stays pending
            logger.exception("the owed notices could not be read; retrying later")
            await asyncio.sleep(outbox.settings.first_delay_seconds)
            continue
        if due is None:
            return
        wait = (due - datetime.now(timezone.utc)).total_seconds()
        await asyncio.sleep(max(wait, MIN_SLEEP_SECONDS))


async def deliver_due() -> List[str]:
    """Send each notice due now (taken from the outbox, so no other worker sends it too).

    Returns the ids of the tickets whose customer was told.
    """
    outbox = owed_notices()
    told = []
    for notice in await asyncio.to_thread(outbox.take_due):
        try:
            if await _tell(outbox, notice):
                told.append(notice.ticket_id)
        except Exception as error:  # one conversation's failure must not keep the others untold
            logger.exception("ticket %s: the prioritised notice failed", notice.ticket_id)
            await asyncio.to_thread(outbox.failed, notice.id, repr(error))
    return told


async def _tell(outbox: NoticeOutbox, notice: PendingNotice) -> bool:
    """Send the notice to the ticket's conversation and keep it in the transcript.

    Marked delivered as soon as Rasa took it, before the transcript is written: a store
    failing then loses the transcript line, never sends the notice twice.
    """
    from actions.waiting_facts import waits  # it files through actions.tickets, which calls us

    store = dependencies.ticket_store()
    ticket = await asyncio.to_thread(store.get_ticket, notice.ticket_id)
    if ticket is None or not waits(ticket):
        # claimed meanwhile: the agent is talking to the customer already
        await asyncio.to_thread(outbox.dropped, notice.id)
        return False
    client = dependencies.rasa_client()
    conversation = ticket["conversation_id"]
    try:
        events = await client.desk_events(conversation)
        line = await client.send_bot_notice(
            conversation, notice_text(ticket), NOTICE, script=script_of(events)
        )
    except RasaUnavailable as error:
        gave_up = await asyncio.to_thread(outbox.failed, notice.id, str(error))
        logger.warning(
            "ticket %s: the prioritised notice was not sent (%s): %s",
            notice.ticket_id,
            "given up" if gave_up else "will retry",
            error,
        )
        return False
    await asyncio.to_thread(outbox.delivered, notice.id)
    entry = {"role": "bot", "text": line.text, "at": line.timestamp}
    try:
        await asyncio.to_thread(store.merge_transcript, notice.ticket_id, [entry])
    except Exception:  # sent and marked: the line stays in the tracker, not sent again
        logger.exception("ticket %s: the notice sent was not kept in the transcript", ticket["id"])
    return True


def owed_notices() -> NoticeOutbox:
    """The outbox in the ticket database, retried as the settings say."""
    return NoticeOutbox(dependencies.ticket_store(), dependencies.settings().notices)


def notice_text(ticket: Dict[str, Any]) -> str:
    """The notice with the ticket's new first-response time (Simplified, as domain.yml has it)."""
    timezone_name = dependencies.settings().timezone
    values = promised_due_values(ticket, timezone_name, datetime.now(timezone.utc))
    return default_notices().text(NOTICE, **values)
