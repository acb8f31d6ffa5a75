"""Hand trial desk13, against a real desk app on a real SQLite ticket store and a real local
HTTP server standing in for Rasa: a reopened ticket showed its old 处理结果 as if it were the
current one, and a supervisor could escalate a ticket to themselves."""

from bot.desk.accounts import AccountStore
from bot.tickets import TICKET_KEYS
from tests.bot.desk.conftest import PASSWORD, DeskClient

PAUSE = [{"event": "pause"}]


async def _resolve_and_reopen(agent, ticket) -> dict:
    tid = ticket["id"]
    assert (await agent.post(f"/desk/api/tickets/{tid}/claim")).status == 200
    resolved = await agent.post(f"/desk/api/tickets/{tid}/resolve", json={"resolution": "已退款"})
    assert resolved.status == 200, resolved.text
    reopened = await agent.post(f"/desk/api/tickets/{tid}/reopen")
    assert reopened.status == 200, reopened.text
    return reopened.json()["ticket"]


async def test_a_reopen_takes_the_resolution_back_and_keeps_it_as_the_previous_one(
    agent_on_local_rasa, make_ticket, desk_store
):
    """The reopened ticket has no resolution (the spec's `resolution: null` of a ticket being
    worked); the ticket page gets the old one as the previous resolution, with who resolved it
    and when, and the audit history keeps it."""
    ticket = make_ticket()

    reopened = await _resolve_and_reopen(agent_on_local_rasa, ticket)

    assert reopened["status"] == "assigned"
    assert reopened["resolution"] is None
    assert tuple(reopened) == TICKET_KEYS
    detail = (await agent_on_local_rasa.get(f"/desk/api/tickets/{ticket['id']}")).json()
    assert detail["ticket"]["resolution"] is None
    previous = detail["previous_resolution"]
    assert (previous["text"], previous["by"]) == ("已退款", "小王")
    set_at = [a for a in detail["audit"] if a["field"] == "resolution" and a["after"]]
    assert previous["at"] == set_at[-1]["at"]
    changes = [(a["actor"], a["before"], a["after"]) for a in detail["audit"]]
    assert changes[-1] == ("小王", "已退款", None) or ("小王", "已退款", None) in changes


async def test_a_ticket_resolved_again_has_no_previous_resolution(agent_on_local_rasa, make_ticket):
    ticket = make_ticket()
    await _resolve_and_reopen(agent_on_local_rasa, ticket)

    again = await agent_on_local_rasa.post(
        f"/desk/api/tickets/{ticket['id']}/resolve", json={"resolution": "已补发"}
    )

    assert again.json()["ticket"]["resolution"] == "已补发"
    detail = (await agent_on_local_rasa.get(f"/desk/api/tickets/{ticket['id']}")).json()
    assert detail["previous_resolution"] is None


async def test_a_ticket_never_reopened_has_no_previous_resolution(agent_on_local_rasa, make_ticket):
    ticket = make_ticket()
    detail = (await agent_on_local_rasa.get(f"/desk/api/tickets/{ticket['id']}")).json()
    assert detail["previous_resolution"] is None


async def _as(app, name: str) -> DeskClient:
    client = DeskClient(app)
    assert (await client.login(name)).status == 302
    return client


async def test_the_only_supervisor_cannot_escalate_to_themselves(
    app_on_local_rasa, local_rasa, make_ticket, desk_store, accounts
):
    """Hand trial ux12/desk13: "给主管 张主管（张主管 升级）" changed nothing but the mark."""
    boss = await _as(app_on_local_rasa, "张主管")
    ticket = make_ticket()

    response = await boss.post(
        f"/desk/api/tickets/{ticket['id']}/escalate", json={"reason": "客户要求主管处理"}
    )

    assert response.status == 409
    assert response.json()["error"] == "self_escalation"
    assert "不能升级给自己" in response.json()["message"]
    assert local_rasa.sent() == []  # not even paused
    unchanged = desk_store.get_ticket(ticket["id"])
    assert (unchanged["status"], unchanged["assignee"]) == ("open", None)
    assert accounts.active_escalations([ticket["id"]]) == {}
    assert accounts.list_notes(ticket["id"]) == []


async def test_a_supervisor_escalates_to_another_supervisor_never_to_themselves(
    app_on_local_rasa, local_rasa, make_ticket, accounts: AccountStore
):
    accounts.create_agent("李经理", "supervisor", PASSWORD)
    boss = await _as(app_on_local_rasa, "张主管")
    first, second = make_ticket(), make_ticket()

    named_self = await boss.post(
        f"/desk/api/tickets/{first['id']}/escalate",
        json={"reason": "涉及起诉", "supervisor": "张主管"},
    )
    by_default = await boss.post(
        f"/desk/api/tickets/{second['id']}/escalate", json={"reason": "涉及起诉"}
    )

    assert named_self.status == 409
    assert named_self.json()["error"] == "self_escalation"
    assert by_default.status == 200, by_default.text
    assert by_default.json()["ticket"]["assignee"] == "李经理"
    mark = accounts.active_escalations([second["id"]])[second["id"]]
    assert (mark["by"], mark["to"]) == ("张主管", "李经理")
    assert local_rasa.sent() == [PAUSE]  # the second ticket only


async def test_an_agent_still_escalates_to_the_supervisor(
    agent_on_local_rasa, make_ticket, accounts
):
    ticket = make_ticket()
    response = await agent_on_local_rasa.post(
        f"/desk/api/tickets/{ticket['id']}/escalate", json={"reason": "客户要求主管处理"}
    )
    assert response.json()["ticket"]["assignee"] == "张主管"


async def test_an_escalation_that_lost_to_a_claim_leaves_the_ticket_to_its_holder(
    agent_on_local_rasa, local_rasa, make_ticket, desk_store, accounts
):
    """desk14: escalating an open ticket pauses first; 小李's claim meanwhile was overwritten
    (the ticket went to the supervisor) and the escalation recorded."""
    ticket = make_ticket()

    def meanwhile(method, conversation, body):
        if body == PAUSE:
            desk_store.update_ticket(ticket["id"], actor="小李", status="assigned", assignee="小李")

    local_rasa.meanwhile = meanwhile

    response = await agent_on_local_rasa.post(
        f"/desk/api/tickets/{ticket['id']}/escalate", json={"reason": "客户要求主管处理"}
    )

    assert response.status == 409, response.text
    assert response.json()["error"] == "ticket_changed"
    assert desk_store.get_ticket(ticket["id"])["assignee"] == "小李"
    assert accounts.active_escalations([ticket["id"]]) == {}
    assert local_rasa.sent() == [PAUSE]  # 小李 holds the conversation paused: no resume
