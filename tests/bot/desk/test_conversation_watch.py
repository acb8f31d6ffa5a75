"""The watcher: what customers write to agents reaches their claimed tickets and the queue.

Against a real desk app, SQLite store and a real local HTTP stand-in for Rasa (conftest).
"""

import asyncio
import time

from bot.desk.conversation_watch import WatchMarks, watch_once
from tests.bot.desk.conftest import accept_ticket_writes, refuse_ticket_writes


def _reads(local_rasa):
    """The tracker reads since the last call: `(conversation, "full" or "probe")`."""
    reads = [
        (path.split("/")[2], "probe" if query.get("include_events") == "NONE" else "full")
        for method, path, query in local_rasa.calls
        if method == "GET"
    ]
    local_rasa.calls.clear()
    return reads


async def test_a_customer_answer_reaches_the_ticket_and_the_queue_without_its_page_open(
    agent_on_local_rasa, local_rasa, make_ticket, app_on_local_rasa
):
    """Hand trial trial5: after a group reply a viewer answered with an order number; nobody
    had the ticket's page open, and the queue and the group page showed nothing until the
    resolve. The watcher copies the answer and the queue says the customer waits for one."""
    agent = agent_on_local_rasa
    ticket = make_ticket()
    conversation = ticket["conversation_id"]
    assert (await agent.post(f"/desk/api/tickets/{ticket['id']}/claim")).status == 200
    assert (
        await agent.post(f"/desk/api/tickets/{ticket['id']}/reply", json={"text": "订单号多少？"})
    ).status == 200
    queue = (await agent.get("/desk/api/queue")).json()
    assert queue["tickets"][0]["unanswered"] is None
    await asyncio.sleep(1.1)  # the transcript keeps times to the second
    local_rasa.events[conversation].append(
        {"event": "user", "text": "订单号 DY88120055", "timestamp": time.time()}
    )
    local_rasa.events[conversation].append(
        {"event": "user", "text": "地址没变", "timestamp": time.time() + 0.01}
    )

    desk = app_on_local_rasa.ctx.desk
    assert await watch_once(desk) == 2
    assert await watch_once(desk) == 0  # copied once

    stored = desk.store.get_ticket(ticket["id"])
    assert [(e["role"], e["text"]) for e in stored["transcript"][-3:]] == [
        ("agent", "订单号多少？"),
        ("customer", "订单号 DY88120055"),
        ("customer", "地址没变"),
    ]
    await app_on_local_rasa.ctx.poll_once()
    [item] = (await agent.get("/desk/api/queue")).json()["tickets"]
    assert item["unanswered"]["count"] == 2
    assert item["unanswered"]["text"] == "地址没变"

    # answered: no longer waiting
    await asyncio.sleep(1.1)
    assert (
        await agent.post(f"/desk/api/tickets/{ticket['id']}/reply", json={"text": "好的"})
    ).status == 200
    [item] = (await agent.get("/desk/api/queue")).json()["tickets"]
    assert item["unanswered"] is None


async def test_the_watcher_reads_only_claimed_conversations_and_survives_rasa_down(
    agent_on_local_rasa, local_rasa, make_ticket, app_on_local_rasa
):
    """An open ticket's customer still talks to the bot (the bot fills the ticket); a Rasa
    that refuses costs one round, not the watcher."""
    agent = agent_on_local_rasa
    waiting = make_ticket()
    claimed = make_ticket()
    assert (await agent.post(f"/desk/api/tickets/{claimed['id']}/claim")).status == 200
    local_rasa.calls.clear()
    desk = app_on_local_rasa.ctx.desk

    await watch_once(desk)

    reads = local_rasa.tracker_reads()
    assert set(reads) == {f"/conversations/{claimed['conversation_id']}/tracker"}
    assert waiting["conversation_id"] not in " ".join(reads)
    local_rasa.refusing_conversations.add(claimed["conversation_id"])
    assert await watch_once(desk) == 0


async def test_a_message_whose_contact_was_withdrawn_is_not_copied_again(
    agent_on_local_rasa, local_rasa, make_ticket, app_on_local_rasa
):
    """The watcher asks "does the transcript hold it" as the store's merge does: the contact
    the customer took back is masked in the transcript, and the tracker's copy in clear is
    the same message (it was counted and written again on every round)."""
    agent = agent_on_local_rasa
    ticket = make_ticket(contact="13812345678")
    assert (await agent.post(f"/desk/api/tickets/{ticket['id']}/claim")).status == 200
    await asyncio.sleep(1.1)  # after the filing, to the second
    local_rasa.events[ticket["conversation_id"]].append(
        {"event": "user", "text": "打我电话 13812345678", "timestamp": time.time()}
    )
    desk = app_on_local_rasa.ctx.desk
    assert await watch_once(desk) == 1

    assert desk.store.withdraw_contact(ticket["id"], actor="customer") is not None

    assert await watch_once(desk) == 0
    texts = [e["text"] for e in desk.store.get_ticket(ticket["id"])["transcript"]]
    assert not any("13812345678" in text for text in texts)


async def test_a_round_reads_in_full_only_the_conversations_that_changed(
    agent_on_local_rasa, local_rasa, make_ticket, app_on_local_rasa
):
    """A round read every claimed conversation in full and built every claimed ticket, so its
    work grew with the claims (docs/desk.md, "The watcher's round"): now a conversation whose newest
    event is the one seen last round costs a small read of that time only."""
    agent = agent_on_local_rasa
    quiet, talking = make_ticket(), make_ticket()
    for ticket in (quiet, talking):
        assert (await agent.post(f"/desk/api/tickets/{ticket['id']}/claim")).status == 200
    desk = app_on_local_rasa.ctx.desk
    marks = WatchMarks()
    local_rasa.calls.clear()
    await watch_once(desk, marks)
    assert sorted(_reads(local_rasa)) == sorted(
        [(t["conversation_id"], kind) for t in (quiet, talking) for kind in ("probe", "full")]
    )

    assert await watch_once(desk, marks) == 0
    assert sorted(_reads(local_rasa)) == sorted(
        [(quiet["conversation_id"], "probe"), (talking["conversation_id"], "probe")]
    )

    await asyncio.sleep(1.1)  # after the filing, to the second
    local_rasa.events[talking["conversation_id"]].append(
        {"event": "user", "text": "还在吗", "timestamp": time.time()}
    )
    assert await watch_once(desk, marks) == 1
    assert (talking["conversation_id"], "full") in _reads(local_rasa)
    assert desk.store.get_ticket(talking["id"])["transcript"][-1]["text"] == "还在吗"


async def test_a_conversation_the_store_refused_is_read_again_next_round(
    agent_on_local_rasa, local_rasa, make_ticket, app_on_local_rasa, desk_settings
):
    """Nothing is lost to the marks: a round whose copy the store refused leaves its
    conversation unmarked, and the next round copies the message."""
    agent = agent_on_local_rasa
    ticket = make_ticket()
    assert (await agent.post(f"/desk/api/tickets/{ticket['id']}/claim")).status == 200
    desk = app_on_local_rasa.ctx.desk
    marks = WatchMarks()
    await watch_once(desk, marks)
    await asyncio.sleep(1.1)
    local_rasa.events[ticket["conversation_id"]].append(
        {"event": "user", "text": "快递单号多少？", "timestamp": time.time()}
    )
    database = desk_settings.database_url.removeprefix("sqlite:///")
    refuse_ticket_writes(database)
    assert await watch_once(desk, marks) == 0
    accept_ticket_writes(database)

    assert await watch_once(desk, marks) == 1
    assert desk.store.get_ticket(ticket["id"])["transcript"][-1]["text"] == "快递单号多少？"
