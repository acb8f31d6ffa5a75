"""Acting on a group incident at once: a real desk app on a real SQLite ticket store, and a real
local HTTP server standing in for Rasa (what reaches the transport is asserted).

Why: an agent with seven live-stream viewers who all missed the same promised gift claimed,
answered and resolved seven tickets one by one.
"""

import sqlite3
from datetime import datetime
from typing import Any, Dict, List

from bot.live.incidents import IncidentLinker
from tests.bot.desk.conftest import DeskClient

INCIDENT = "INC-0A1B2C3D4E5F"
LIVE = {"room_id": "room-3302", "streamer": "大鹏严选", "started_at": "2026-11-30T20:00+08:00"}
PAUSE, RESUME = [{"event": "pause"}], [{"event": "resume"}]


def group(make_ticket, count: int) -> List[Dict[str, Any]]:
    """`count` tickets of one incident, as the incident linker leaves them."""
    return [
        make_ticket(
            incident_id=INCIDENT,
            channel="livestream",
            issue_category="livestream_misleading",
            issue_description="主播说买锅送铲子，铲子没收到",
            live=LIVE,
        )
        for _ in range(count)
    ]


def results(response) -> Dict[str, Dict[str, Any]]:
    return {r["id"]: r for r in response.json()["results"]}


def calls_to(local_rasa, conversation: str) -> List[Any]:
    """What the desk POSTed about one conversation (appended events, triggered intents)."""
    prefix = f"/conversations/{conversation}/"
    return [
        body
        for method, path, body in local_rasa.calls
        if method == "POST" and path.startswith(prefix)
    ]


def audited(desk_store, ticket_id: str) -> List[tuple]:
    return [(a["actor"], a["field"], a["after"]) for a in desk_store.get_audit(ticket_id)]


def refuse_writes_to(database: str, ticket_id: str) -> None:
    """The SQLite file refuses every change to this one ticket, as a locked row would."""
    with sqlite3.connect(database) as connection:
        connection.execute(
            f"CREATE TRIGGER refuse_one BEFORE UPDATE ON tickets WHEN OLD.id = '{ticket_id}' "
            "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
        )


async def test_the_group_lists_every_ticket_of_the_incident(
    agent_on_local_rasa, make_ticket, desk_store
):
    members = group(make_ticket, 3)
    make_ticket(live=LIVE)  # the same session, another complaint: not in the group
    desk_store.update_ticket(members[2]["id"], actor="小李", status="resolved", resolution="已补发")

    response = await agent_on_local_rasa.get(f"/desk/api/incidents/{INCIDENT}")

    assert response.status == 200, response.text
    body = response.json()
    assert [t["id"] for t in body["tickets"]] == [t["id"] for t in members]
    assert [t["status"] for t in body["tickets"]] == ["open", "open", "resolved"]
    assert body["incident"]["live"] == LIVE
    assert body["incident"]["category_label"] == "主播误导/虚假宣传"
    assert body["me"] == {"name": "小王", "role": "agent"}
    page = await agent_on_local_rasa.get(f"/desk/incidents/{INCIDENT}")
    assert page.status == 200 and f'data-incident="{INCIDENT}"' in page.text
    assert (await agent_on_local_rasa.get("/desk/api/incidents/INC-UNKNOWN")).status == 404
    assert (await agent_on_local_rasa.get("/desk/incidents/INC-UNKNOWN")).status == 404


async def test_the_group_takes_the_incident_record_when_the_linker_declared_it(
    agent_on_local_rasa, make_ticket, desk_store
):
    """Five complaints of one session and category: the linker's incident is the group."""
    tickets = [make_ticket(issue_category="livestream_misleading", live=LIVE) for _ in range(5)]
    incident = IncidentLinker(desk_store.engine).link(tickets[-1]["id"])
    assert incident is not None

    response = await agent_on_local_rasa.get(f"/desk/api/incidents/{incident['id']}")

    assert response.status == 200, response.text
    assert [t["id"] for t in response.json()["tickets"]] == [t["id"] for t in tickets]
    assert response.json()["incident"]["created_at"] == incident["created_at"]


async def test_claiming_the_group_takes_the_open_tickets_and_names_who_holds_the_others(
    agent_on_local_rasa, local_rasa, make_ticket, desk_store
):
    first, second, held = group(make_ticket, 3)
    outside = make_ticket(live=LIVE)
    desk_store.update_ticket(held["id"], actor="小李", status="assigned", assignee="小李")

    response = await agent_on_local_rasa.post(f"/desk/api/incidents/{INCIDENT}/claim", json={})

    assert response.status == 200, response.text
    assert response.json()["counts"] == {"done": 2, "skipped": 1, "failed": 0}
    outcome = results(response)
    assert outcome[held["id"]]["result"] == "skipped"
    assert outcome[held["id"]]["message"] == "已由 小李 认领，未改动"
    for ticket in (first, second):
        assert (outcome[ticket["id"]]["result"], outcome[ticket["id"]]["assignee"]) == (
            "done",
            "小王",
        )
        # as a single claim: the bot paused first, the audit names the agent
        assert calls_to(local_rasa, ticket["conversation_id"]) == [PAUSE]
        assert ("小王", "status", "assigned") in audited(desk_store, ticket["id"])
        assert ("小王", "assignee", "小王") in audited(desk_store, ticket["id"])
    assert desk_store.get_ticket(held["id"])["assignee"] == "小李"
    assert calls_to(local_rasa, held["conversation_id"]) == []
    assert desk_store.get_ticket(outside["id"])["status"] == "open"


async def test_a_ticket_that_joined_after_the_page_was_shown_is_left_alone(
    agent_on_local_rasa, local_rasa, make_ticket, desk_store
):
    shown = group(make_ticket, 2)
    joined = group(make_ticket, 1)[0]
    named = [t["id"] for t in shown] + ["C20990101-0001"]

    response = await agent_on_local_rasa.post(
        f"/desk/api/incidents/{INCIDENT}/claim", json={"tickets": named}
    )

    assert response.status == 200, response.text
    outcome = results(response)
    assert [outcome[t["id"]]["result"] for t in shown] == ["done", "done"]
    assert outcome["C20990101-0001"]["code"] == "not_in_group"
    assert joined["id"] not in outcome
    assert desk_store.get_ticket(joined["id"])["status"] == "open"


async def test_one_reply_reaches_each_customer_in_their_script_and_an_unreachable_one_fails_alone(
    agent_on_local_rasa, local_rasa, make_ticket, desk_store
):
    simplified, traditional, unreachable = group(make_ticket, 3)
    later = datetime.fromisoformat(traditional["created_at"]).timestamp() + 0.001
    local_rasa.events[traditional["conversation_id"]] = [
        {"event": "user", "text": "主播說買鍋送鏟子，鏟子沒收到", "timestamp": later}
    ]
    claimed = await agent_on_local_rasa.post(f"/desk/api/incidents/{INCIDENT}/claim", json={})
    assert claimed.json()["counts"]["done"] == 3
    local_rasa.refusing_conversations.add(unreachable["conversation_id"])
    local_rasa.calls.clear()

    response = await agent_on_local_rasa.post(
        f"/desk/api/incidents/{INCIDENT}/reply", json={"text": "您好，赠品铲子今天给您补发"}
    )

    assert response.status == 200, response.text
    assert response.json()["counts"] == {"done": 2, "skipped": 0, "failed": 1}
    outcome = results(response)
    assert outcome[unreachable["id"]]["code"] == "rasa_unavailable"
    assert "操作未完成" in outcome[unreachable["id"]]["message"]
    line = {"event": "bot", "metadata": {"agent": "小王"}}
    assert calls_to(local_rasa, simplified["conversation_id"]) == [
        [{**line, "text": "您好，赠品铲子今天给您补发"}]
    ]
    assert calls_to(local_rasa, traditional["conversation_id"]) == [
        [{**line, "text": "您好，贈品鏟子今天給您補發"}]
    ]
    transcript = desk_store.get_ticket(traditional["id"])["transcript"]
    assert [(e["role"], e["text"]) for e in transcript[-2:]] == [
        ("customer", "主播說買鍋送鏟子，鏟子沒收到"),
        ("agent", "您好，贈品鏟子今天給您補發"),
    ]
    said = desk_store.get_ticket(simplified["id"])["transcript"][-1]
    assert (said["role"], said["text"]) == ("agent", "您好，赠品铲子今天给您补发")
    kept = [
        e for e in desk_store.get_ticket(unreachable["id"])["transcript"] if e["role"] == "agent"
    ]
    assert kept == []


async def test_a_customer_with_two_tickets_in_the_group_is_written_to_once(
    agent_on_local_rasa, local_rasa, make_ticket
):
    first = group(make_ticket, 1)[0]
    again = make_ticket(conversation_id=first["conversation_id"], incident_id=INCIDENT, live=LIVE)
    await agent_on_local_rasa.post(f"/desk/api/incidents/{INCIDENT}/claim", json={})
    local_rasa.calls.clear()

    response = await agent_on_local_rasa.post(
        f"/desk/api/incidents/{INCIDENT}/reply", json={"text": "赠品今天补发"}
    )

    outcome = results(response)
    assert outcome[first["id"]]["result"] == "done"
    assert (outcome[again["id"]]["result"], outcome[again["id"]]["code"]) == (
        "skipped",
        "same_customer",
    )
    assert len(calls_to(local_rasa, first["conversation_id"])) == 1


async def test_resolving_the_group_needs_the_tickets_the_agent_confirmed(
    agent_on_local_rasa, local_rasa, make_ticket, desk_store
):
    tickets = group(make_ticket, 2)
    await agent_on_local_rasa.post(f"/desk/api/incidents/{INCIDENT}/claim", json={})
    local_rasa.calls.clear()

    for body in ({"resolution": "赠品已补发"}, {"resolution": "赠品已补发", "tickets": []}):
        response = await agent_on_local_rasa.post(
            f"/desk/api/incidents/{INCIDENT}/resolve", json=body
        )
        assert response.status == 400
        assert response.json()["error"] == "confirm_required"
    assert [desk_store.get_ticket(t["id"])["status"] for t in tickets] == ["assigned", "assigned"]
    assert local_rasa.calls == []


async def test_resolving_the_group_asks_each_customer_for_a_rating_and_a_refused_write_fails_alone(
    agent_on_local_rasa, local_rasa, make_ticket, desk_store, desk_settings
):
    first, refused, last, theirs = group(make_ticket, 4)
    desk_store.update_ticket(theirs["id"], actor="小李", status="assigned", assignee="小李")
    await agent_on_local_rasa.post(f"/desk/api/incidents/{INCIDENT}/claim", json={})
    refuse_writes_to(desk_settings.database_url.removeprefix("sqlite:///"), refused["id"])
    local_rasa.calls.clear()
    ids = [t["id"] for t in (first, refused, last, theirs)]

    response = await agent_on_local_rasa.post(
        f"/desk/api/incidents/{INCIDENT}/resolve",
        json={"resolution": "赠品铲子已补发", "tickets": ids},
    )

    assert response.status == 200, response.text
    assert response.json()["counts"] == {"done": 2, "skipped": 1, "failed": 1}
    outcome = results(response)
    assert outcome[refused["id"]]["code"] == "store_unavailable"
    assert outcome[theirs["id"]]["code"] == "not_assignee"
    for ticket in (first, last):
        assert outcome[ticket["id"]]["status"] == "resolved"
        stored = desk_store.get_ticket(ticket["id"])
        assert (stored["status"], stored["resolution"]) == ("resolved", "赠品铲子已补发")
        assert ("小王", "status", "resolved") in audited(desk_store, ticket["id"])
        # as a single resolve: the bot resumes and asks this customer for a rating
        assert calls_to(local_rasa, ticket["conversation_id"]) == [
            RESUME,
            {"name": "ticket_resolved", "entities": {"ticket_id": ticket["id"]}},
        ]
    assert desk_store.get_ticket(refused["id"])["status"] == "assigned"
    assert calls_to(local_rasa, refused["conversation_id"]) == []  # still the agent's
    assert desk_store.get_ticket(theirs["id"])["assignee"] == "小李"
    assert calls_to(local_rasa, theirs["conversation_id"]) == []


async def test_a_supervisor_resolves_the_tickets_of_every_agent_in_the_group(
    app_on_local_rasa, local_rasa, make_ticket, desk_store
):
    mine, theirs = group(make_ticket, 2)
    desk_store.update_ticket(mine["id"], actor="小王", status="assigned", assignee="小王")
    desk_store.update_ticket(theirs["id"], actor="小李", status="assigned", assignee="小李")
    supervisor = DeskClient(app_on_local_rasa)
    assert (await supervisor.login("张主管")).status == 302

    response = await supervisor.post(
        f"/desk/api/incidents/{INCIDENT}/resolve",
        json={"resolution": "已补发", "tickets": [mine["id"], theirs["id"]]},
    )

    assert response.json()["counts"] == {"done": 2, "skipped": 0, "failed": 0}
    for ticket in (mine, theirs):
        assert ("张主管", "status", "resolved") in audited(desk_store, ticket["id"])


async def test_group_actions_need_the_csrf_token_and_the_text(agent_on_local_rasa, make_ticket):
    group(make_ticket, 1)
    base = f"/desk/api/incidents/{INCIDENT}"

    refused = await agent_on_local_rasa.post(f"{base}/claim", json={}, csrf=None)
    empty = await agent_on_local_rasa.post(f"{base}/reply", json={"text": "  "})
    wrong = await agent_on_local_rasa.post(f"{base}/claim", json={"tickets": "all"})

    assert (refused.status, empty.status, wrong.status) == (403, 400, 400)


async def test_the_group_lists_the_agent_lines_each_transcript_holds(
    agent_on_local_rasa, make_ticket, desk_store, desk_settings
):
    """Hand trial desk13: a group reply the store did not keep showed only as a warning, while
    the ticket page marks the line until the transcript holds it. The group's view carries the
    agent lines each transcript holds, so its page marks the same lines and clears them alike."""
    kept, refused = group(make_ticket, 2)
    assert (
        await agent_on_local_rasa.post(f"/desk/api/incidents/{INCIDENT}/claim", json={})
    ).json()["counts"]["done"] == 2
    refuse_writes_to(desk_settings.database_url.removeprefix("sqlite:///"), refused["id"])

    response = await agent_on_local_rasa.post(
        f"/desk/api/incidents/{INCIDENT}/reply", json={"text": "赠品今天补发"}
    )

    outcome = results(response)
    assert outcome[refused["id"]]["unkept"]["text"] == "赠品今天补发"
    view = await agent_on_local_rasa.get(f"/desk/api/incidents/{INCIDENT}")
    lines = {t["id"]: t["agent_lines"] for t in view.json()["tickets"]}
    assert [m["text"] for m in lines[kept["id"]]] == ["赠品今天补发"]
    assert lines[refused["id"]] == []


async def test_tickets_others_took_while_the_group_was_claimed_are_named_and_left_to_them(
    agent_on_local_rasa, local_rasa, make_ticket, desk_store
):
    """desk14: the group is read once, then each claim waits for Rasa. A ticket 小李 claimed
    or a supervisor resolved meanwhile was reported with the stale status and a bare
    "只能认领待处理" message; one 小李 claimed while the desk paused it (both had read it open)
    was taken from her and reported done."""
    first, second, third, fourth = group(make_ticket, 4)

    def meanwhile(method: str, conversation: str, body: Any) -> None:
        if method != "POST" or body != PAUSE:
            return
        if conversation == first["conversation_id"]:
            desk_store.update_ticket(second["id"], actor="小李", status="assigned", assignee="小李")
            desk_store.update_ticket(
                third["id"], actor="张主管", status="resolved", resolution="已补发"
            )
        if conversation == fourth["conversation_id"]:  # after the desk read it open
            desk_store.update_ticket(fourth["id"], actor="小李", status="assigned", assignee="小李")

    local_rasa.meanwhile = meanwhile
    ids = [t["id"] for t in (first, second, third, fourth)]

    response = await agent_on_local_rasa.post(
        f"/desk/api/incidents/{INCIDENT}/claim", json={"tickets": ids}
    )

    assert response.status == 200, response.text
    assert response.json()["counts"] == {"done": 1, "skipped": 3, "failed": 0}
    outcome = results(response)
    assert (outcome[first["id"]]["result"], outcome[first["id"]]["assignee"]) == ("done", "小王")
    for ticket in (second, fourth):
        said = outcome[ticket["id"]]
        assert (said["result"], said["code"], said["message"]) == (
            "skipped",
            "claimed_by_other",
            "已由 小李 认领，未改动",
        )
        assert (said["status"], said["assignee"]) == ("assigned", "小李")
        assert desk_store.get_ticket(ticket["id"])["assignee"] == "小李"
        assert not [a for a in audited(desk_store, ticket["id"]) if a[0] == "小王"]
    said = outcome[third["id"]]
    assert (said["code"], said["message"], said["status"]) == (
        "finished",
        "已结案，未改动",
        "resolved",
    )
    assert calls_to(local_rasa, second["conversation_id"]) == []
    # the desk's pause came after 小李's claim: her conversation stays paused (no resume)
    assert calls_to(local_rasa, fourth["conversation_id"]) == [PAUSE]


async def test_a_ticket_resolved_by_another_while_the_group_was_resolved_keeps_its_resolution(
    app_on_local_rasa, local_rasa, make_ticket, desk_store
):
    """desk14: 小王 and a supervisor both resolve; the one that wrote last replaced the
    other's resolution and the customer was asked for a rating twice."""
    first, second = group(make_ticket, 2)
    for ticket in (first, second):
        desk_store.update_ticket(ticket["id"], actor="小王", status="assigned", assignee="小王")

    def meanwhile(method: str, conversation: str, body: Any) -> None:
        if method == "GET" and conversation == second["conversation_id"]:  # after the check
            desk_store.update_ticket(
                second["id"], actor="张主管", status="resolved", resolution="已退款"
            )

    local_rasa.meanwhile = meanwhile
    agent = DeskClient(app_on_local_rasa)
    assert (await agent.login("小王")).status == 302

    response = await agent.post(
        f"/desk/api/incidents/{INCIDENT}/resolve",
        json={"resolution": "赠品已补发", "tickets": [first["id"], second["id"]]},
    )

    assert response.status == 200, response.text
    assert response.json()["counts"] == {"done": 1, "skipped": 1, "failed": 0}
    said = results(response)[second["id"]]
    assert (said["code"], said["message"], said["status"]) == (
        "finished",
        "已结案，未改动",
        "resolved",
    )
    assert desk_store.get_ticket(second["id"])["resolution"] == "已退款"
    assert calls_to(local_rasa, second["conversation_id"]) == []  # not resumed, no 2nd rating
    assert desk_store.get_ticket(first["id"])["resolution"] == "赠品已补发"


async def test_a_single_claim_that_lost_the_race_is_refused_and_leaves_the_ticket(
    agent_on_local_rasa, local_rasa, make_ticket, desk_store
):
    """The ticket page's claim goes through the same write: the later claim is refused (409)."""
    ticket = make_ticket()

    def meanwhile(method: str, conversation: str, body: Any) -> None:
        if body == PAUSE:
            desk_store.update_ticket(ticket["id"], actor="小李", status="assigned", assignee="小李")

    local_rasa.meanwhile = meanwhile

    response = await agent_on_local_rasa.post(f"/desk/api/tickets/{ticket['id']}/claim", json={})

    assert response.status == 409, response.text
    assert response.json()["error"] == "ticket_changed"
    assert "小李" in response.json()["message"]
    assert desk_store.get_ticket(ticket["id"])["assignee"] == "小李"
    assert calls_to(local_rasa, ticket["conversation_id"]) == [PAUSE]
