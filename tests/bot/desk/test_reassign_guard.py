"""after5 (4): a reassign is guarded as the status changes are (desk14).

The desk page sends the status and assignee it showed (`expect`); the server checks them, and
what it read itself, under the ticket's lock: a ticket resolved, or handed to someone else,
since the agent read it is left as it is (409 `ticket_changed`, with what happened). Notes
are not guarded: a private note changes nothing of the ticket, and one written on a ticket
closed meanwhile still belongs with it.
"""

from tests.bot.desk.conftest import DeskClient


def _assigned(desk_store, make_ticket, to="小王"):
    ticket = make_ticket()
    return desk_store.update_ticket(ticket["id"], actor=to, status="assigned", assignee=to)


def _as_shown(ticket):
    return {"status": ticket["status"], "assignee": ticket["assignee"]}


async def test_a_supervisor_does_not_take_a_ticket_from_whom_it_was_passed_to_meanwhile(
    client, desk_store, make_ticket
):
    ticket = _assigned(desk_store, make_ticket)
    boss = DeskClient(client.app)
    await boss.login("张主管")
    shown = _as_shown(ticket)  # the supervisor's page: 小王's ticket
    desk_store.update_ticket(ticket["id"], actor="小王", assignee="小李")  # 小王 passed it on

    response = await boss.post(
        f"/desk/api/tickets/{ticket['id']}/reassign",
        json={"assignee": "张主管", "expect": shown},
    )

    assert response.status == 409, response.text
    assert response.json()["error"] == "ticket_changed"
    assert "小李" in response.json()["message"]
    assert desk_store.get_ticket(ticket["id"])["assignee"] == "小李"


async def test_a_ticket_resolved_since_it_was_read_is_not_reassigned(
    agent, desk_store, make_ticket
):
    ticket = _assigned(desk_store, make_ticket)
    shown = _as_shown(ticket)
    desk_store.update_ticket(ticket["id"], actor="张主管", status="resolved", resolution="已退款")

    response = await agent.post(
        f"/desk/api/tickets/{ticket['id']}/reassign", json={"assignee": "小李", "expect": shown}
    )

    assert response.status == 409, response.text
    assert response.json()["error"] == "ticket_changed"
    assert response.json()["message"] == "这张工单刚刚结案，未改动"
    now = desk_store.get_ticket(ticket["id"])
    assert (now["status"], now["assignee"]) == ("resolved", "小王")


async def test_a_reassign_as_shown_goes_through_and_is_audited(agent, desk_store, make_ticket):
    ticket = _assigned(desk_store, make_ticket)
    response = await agent.post(
        f"/desk/api/tickets/{ticket['id']}/reassign",
        json={"assignee": "小李", "expect": _as_shown(ticket)},
    )
    assert response.status == 200, response.text
    assert response.json()["ticket"]["assignee"] == "小李"
    last = desk_store.get_audit(ticket["id"])[-1]
    assert (last["actor"], last["field"], last["before"], last["after"]) == (
        "小王",
        "assignee",
        "小王",
        "小李",
    )


async def test_an_expectation_of_other_fields_is_refused(agent, desk_store, make_ticket):
    ticket = _assigned(desk_store, make_ticket)
    response = await agent.post(
        f"/desk/api/tickets/{ticket['id']}/reassign",
        json={"assignee": "小李", "expect": {"resolution": None}},
    )
    assert response.status == 400, response.text
    assert desk_store.get_ticket(ticket["id"])["assignee"] == "小王"


async def test_a_note_on_a_ticket_closed_meanwhile_is_kept(agent, desk_store, make_ticket):
    ticket = _assigned(desk_store, make_ticket)
    desk_store.update_ticket(ticket["id"], actor="张主管", status="closed")
    response = await agent.post(
        f"/desk/api/tickets/{ticket['id']}/note", json={"text": "客户后来电话说已收到补发"}
    )
    assert response.status == 200, response.text
    detail = (await agent.get(f"/desk/api/tickets/{ticket['id']}")).json()
    assert [n["text"] for n in detail["notes"]] == ["客户后来电话说已收到补发"]
    assert detail["ticket"]["status"] == "closed"
