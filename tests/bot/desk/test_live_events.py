"""The ticket page's live stream: the customer's messages (also while the ticket store refuses
writes) and what the customer's words change on a waiting ticket."""

import json
import sqlite3
from datetime import datetime

from bot.desk import replies
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


async def test_what_the_customer_fills_in_while_waiting_is_announced_live(
    agent_on_local_rasa, make_ticket
):
    """The page reloads the ticket on `changed`: filled fields, the new summary and a raised
    severity or emotion reach an open page without a reload by the agent."""
    desk = agent_on_local_rasa.app.ctx.desk
    ticket = make_ticket(order_id=None, order=None, emotion="calm")
    watch = TicketWatch(desk, ticket, since=created_timestamp(ticket))
    assert await watch.changed() == []  # the first look
    assert await watch.changed() == []
    desk.store.fill_in_waiting(ticket["id"], {"emotion": "angry"}, actor="customer")
    assert await watch.changed() == [("changed", {})]
    assert await watch.changed() == []


async def test_one_poll_reads_the_customers_messages_out_of_the_tracker_once(
    agent_on_local_rasa, local_rasa, make_ticket, monkeypatch
):
    """Review: the poll derived them twice, once to copy them and once to show them."""
    desk = agent_on_local_rasa.app.ctx.desk
    ticket = make_ticket()
    later = datetime.fromisoformat(ticket["created_at"]).timestamp() + 1
    local_rasa.events[ticket["conversation_id"]] = [
        {"event": "user", "text": "在吗", "timestamp": later}
    ]
    reads = []
    messages_of = replies.messages_of
    monkeypatch.setattr(replies, "messages_of", lambda *a: reads.append(a) or messages_of(*a))
    watch = TicketWatch(desk, ticket, since=created_timestamp(ticket))

    shown = await watch.customer()

    assert [data["text"] for _, data in shown] == ["在吗"]
    assert len(reads) == 1
    stored = desk.store.get_ticket(ticket["id"])["transcript"]
    assert [e["text"] for e in stored if e["role"] == "customer"].count("在吗") == 1


async def test_lines_merged_by_one_poll_are_not_merged_again_and_new_ones_are_kept(
    agent_on_local_rasa, local_rasa, make_ticket
):
    """Review of desk6: each poll of an open ticket page merged every bot line since filing;
    a poll now merges only the lines after those it merged (`lines_kept`). A line that comes
    later is still kept, and none twice."""
    desk = agent_on_local_rasa.app.ctx.desk
    ticket = make_ticket()
    later = datetime.fromisoformat(ticket["created_at"]).timestamp() + 1
    events = local_rasa.events[ticket["conversation_id"]] = [
        {"event": "bot", "text": "已提交，我们会在 18:00 前回复您", "timestamp": later}
    ]
    watch = TicketWatch(desk, ticket, since=created_timestamp(ticket))
    await watch.customer()
    assert watch.lines_kept == later

    events.append({"event": "bot", "text": "客服小王已接手", "timestamp": later + 1})
    watch.next_rasa = 0.0
    await watch.customer()
    watch.next_rasa = 0.0
    await watch.customer()

    assert watch.lines_kept == later + 1
    transcript = desk.store.get_ticket(ticket["id"])["transcript"]
    bot = [e["text"] for e in transcript if e["role"] == "bot"]
    assert bot.count("已提交，我们会在 18:00 前回复您") == 1 and bot.count("客服小王已接手") == 1
