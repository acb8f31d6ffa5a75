"""Task wait4 (b): "我的投诉到哪一步了" after the waiting ticket turned urgent (a threat written
while waiting, or a group incident) says it is prioritised and gives the new, sooner deadline;
a normal ticket's status is worded as before."""

from datetime import datetime, timezone

from actions import dependencies
from actions.requests import ActionHandoff
from actions.waiting_turn import ActionWaitingReply
from bot.intake.presentation import due_values
from tests.actions.conftest import make_tracker, responses


async def _handed_off(dispatcher, domain):
    await ActionHandoff().run(dispatcher, make_tracker("转人工 杯子碎了", "handoff"), domain)
    [ticket] = dependencies.ticket_store().list_tickets(conversation_id="customer-1")
    dispatcher.messages.clear()
    return ticket


async def _say(dispatcher, domain, ticket, text, intent="status_query"):
    slots = {"ticket_open": True, "ticket_id": ticket["id"]}
    await ActionWaitingReply().run(dispatcher, make_tracker(text, intent, slots=slots), domain)
    return dependencies.ticket_store().get_ticket(ticket["id"])


async def test_status_after_a_threat_says_prioritised_with_the_sooner_deadline(dispatcher, domain):
    ticket = await _handed_off(dispatcher, domain)
    urgent = await _say(dispatcher, domain, ticket, "再不处理我就去12315投诉你们")
    assert urgent["severity"] == "urgent"
    dispatcher.messages.clear()
    await _say(dispatcher, domain, ticket, "我的投诉到哪一步了")
    assert responses(dispatcher) == ["utter_status_open_urgent"]
    [message] = dispatcher.messages
    expected = due_values(urgent, "Asia/Shanghai", datetime.now(timezone.utc))
    assert message["first_response_at"] == expected["first_response_at"]
    assert message["ticket_id"] == ticket["id"]


async def test_status_of_a_group_incident_member_says_prioritised(dispatcher, domain):
    ticket = await _handed_off(dispatcher, domain)
    store = dependencies.ticket_store()
    store.fill_in_waiting(
        ticket["id"], {"severity": "urgent", "severity_reasons": ["group"]}, actor="incident-linker"
    )
    await _say(dispatcher, domain, ticket, "我的投诉到哪一步了")
    assert responses(dispatcher) == ["utter_status_open_urgent"]


async def test_a_claimed_urgent_ticket_is_said_prioritised_without_a_deadline(dispatcher, domain):
    ticket = await _handed_off(dispatcher, domain)
    await _say(dispatcher, domain, ticket, "再不处理我就去12315投诉你们")
    dependencies.ticket_store().update_ticket(
        ticket["id"], actor="小王", status="assigned", assignee="小王"
    )
    dispatcher.messages.clear()
    await _say(dispatcher, domain, ticket, "我的投诉到哪一步了")
    assert responses(dispatcher) == ["utter_status_assigned_urgent"]


async def test_a_past_urgent_deadline_is_not_given_as_a_time_already_gone(dispatcher, domain):
    """A ticket made urgent long after it was filed has an urgent deadline in the past: the
    status names the next minute, not a time the customer sees has gone by."""
    ticket = await _handed_off(dispatcher, domain)
    store = dependencies.ticket_store()
    store.fill_in_waiting(ticket["id"], {"severity": "urgent"}, actor="customer")
    from bot.tickets.models import TicketRow

    with store.session_scope() as session:
        row = session.get(TicketRow, ticket["id"])
        row.first_response_due = datetime(2020, 1, 1, tzinfo=timezone.utc)
    await _say(dispatcher, domain, ticket, "我的投诉到哪一步了")
    [message] = dispatcher.messages
    assert message["response"] == "utter_status_open_urgent"
    assert message["first_response_minutes"] == 1
    assert (
        "2020" not in message["first_response_at"] and "1月1日" not in message["first_response_at"]
    )


async def test_a_normal_ticket_status_is_unchanged(dispatcher, domain):
    ticket = await _handed_off(dispatcher, domain)
    await _say(dispatcher, domain, ticket, "我的投诉到哪一步了")
    assert responses(dispatcher) == ["utter_status_open"]


async def test_a_waiting_ticket_is_given_with_its_first_response_time(dispatcher, domain):
    ticket = await _handed_off(dispatcher, domain)
    await _say(dispatcher, domain, ticket, "我的投诉到哪一步了")
    [message] = dispatcher.messages
    expected = due_values(ticket, "Asia/Shanghai", datetime.now(timezone.utc))
    assert message["first_response_at"] == expected["first_response_at"]
    # "那什么时候会有人处理" (dialogues_dev23 i013): the minutes left, as at filing, not a clock
    # time alone
    assert message["first_response_minutes"] == expected["first_response_minutes"]
    [line] = domain["responses"]["utter_status_open"]
    assert "{first_response_minutes}分钟" in line["text"]


async def test_a_ticket_past_its_first_response_time_is_apologised_for(dispatcher, domain):
    """Lead's hand trial: "催一下 怎么还没人理我" heard the calm status line, no word for the
    wait; past the promised time the line says so and apologises, once."""
    ticket = await _handed_off(dispatcher, domain)
    store = dependencies.ticket_store()
    from bot.tickets.models import TicketRow

    with store.session_scope() as session:
        session.get(TicketRow, ticket["id"]).first_response_due = datetime(
            2020, 1, 1, tzinfo=timezone.utc
        )
    await _say(dispatcher, domain, ticket, "催一下 怎么还没人理我")
    assert responses(dispatcher) == ["utter_status_open_overdue"]


async def test_a_customer_pressing_before_the_time_hears_an_apology_then_the_time(
    dispatcher, domain
):
    ticket = await _handed_off(dispatcher, domain)
    await _say(dispatcher, domain, ticket, "點解仲未有人覆我")
    assert responses(dispatcher) == ["utter_sorry_for_the_wait", "utter_status_open"]
