"""The ticket page's live stream while the ticket store refuses writes."""

import json
import sqlite3
from datetime import datetime

from bot.desk.live_events import TicketWatch
from bot.desk.replies import created_timestamp
from tests.bot.desk.conftest import accept_ticket_writes, refuse_ticket_writes


def _stored_customer_texts(database: str, ticket_id: str) -> list:
    with sqlite3.connect(database) as connection:
        [(transcript,)] = connection.execute(
            "SELECT transcript FROM tickets WHERE id = ?", (ticket_id,)
        ).fetchall()
    return [e["text"] for e in json.loads(transcript) if e["role"] == "customer"]


async def test_the_customers_words_are_shown_live_while_the_store_refuses_then_kept(
    agent_on_local_rasa, local_rasa, make_ticket, desk_settings
):
    """Hand trial (ux6): copying the customer's message into the refusing store ended the
    stream, which reopened on the same error every second: the agent's page showed nothing
    the customer wrote. They are shown at once and copied when the store accepts again."""
    desk = agent_on_local_rasa.app.ctx.desk
    ticket = make_ticket()
    database = desk_settings.database_url.removeprefix("sqlite:///")
    later = datetime.fromisoformat(ticket["created_at"]).timestamp() + 1
    local_rasa.events[ticket["conversation_id"]] = [
        {"event": "user", "text": "快递单号多少？", "timestamp": later}
    ]
    watch = TicketWatch(desk, ticket, since=created_timestamp(ticket))
    refuse_ticket_writes(database)

    shown = await watch.customer()

    assert [(name, data["text"]) for name, data in shown] == [("customer", "快递单号多少？")]
    assert "快递单号多少？" not in _stored_customer_texts(database, ticket["id"])
    accept_ticket_writes(database)
    watch.next_rasa = 0.0
    assert await watch.customer() == []  # shown once
    assert _stored_customer_texts(database, ticket["id"]).count("快递单号多少？") == 1
