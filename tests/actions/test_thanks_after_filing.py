"""dialogues_dev25 (trial14): "地址没变，谢谢" after filing is thanked back, not the status."""

from actions import dependencies
from actions.followup import ActionAddTicketDetails
from actions.waiting_turn import ActionWaitingReply
from tests.actions.conftest import make_tracker, responses
from tests.actions.test_after_filing_changes import _filed


def _waiting(ticket, text, intent):
    return make_tracker(text, intent, slots={"ticket_open": True, "ticket_id": ticket["id"]})


async def test_a_confirmation_with_thanks_read_as_a_no_is_thanked(dispatcher, domain):
    ticket = _filed()
    for text in ["地址没变 谢谢", "地址沒變，謝謝", "地址冇變 唔該晒"]:
        dispatcher.messages.clear()
        await ActionWaitingReply().run(dispatcher, _waiting(ticket, text, "deny"), domain)
        assert responses(dispatcher) == ["utter_youre_welcome"], text
    stored = dependencies.ticket_store().get_ticket(ticket["id"])
    assert "地址" not in stored["issue_description"]


async def test_a_confirmation_with_thanks_read_as_a_fact_adds_nothing(dispatcher, domain):
    ticket = _filed()
    tracker = _waiting(ticket, "好的 收货地址还是原来那个 谢谢啦", "inform")
    await ActionAddTicketDetails().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_youre_welcome"]
    stored = dependencies.ticket_store().get_ticket(ticket["id"])
    assert "地址" not in stored["issue_description"]


async def test_a_status_question_beside_thanks_still_hears_the_status(dispatcher, domain):
    ticket = _filed()
    tracker = _waiting(ticket, "谢谢 那大概多久有人处理", "status_query")
    await ActionWaitingReply().run(dispatcher, tracker, domain)
    assert responses(dispatcher) != ["utter_youre_welcome"]
