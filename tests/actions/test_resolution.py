import pytest

from actions import dependencies
from actions.resolution import (
    ActionSaveSatisfaction,
    ActionTellResolution,
    ValidateSatisfactionForm,
    parse_score,
)
from bot.tickets import TicketDraft
from tests.actions.conftest import make_tracker, responses


@pytest.fixture
def resolved_ticket():
    store = dependencies.ticket_store()
    ticket = store.create_ticket(
        TicketDraft(
            conversation_id="customer-1",
            channel="widget",
            issue_category="logistics",
            issue_description="杯子碎了",
        ),
        "k1",
    )
    return store.update_ticket(
        ticket["id"], actor="agent:li", status="resolved", resolution="已补发新杯子，单号 SF123"
    )


@pytest.mark.parametrize(
    "text, score",
    [
        ("5", 5),
        ("给4分", 4),
        ("五分", 5),
        ("两颗星", 2),
        ("非常满意", 5),
        ("不太满意", 2),
        ("一般吧", 3),
        ("好的", None),
    ],
)
def test_parse_score(text, score):
    assert parse_score(text) == score


async def test_resolution_is_told_only_to_the_ticket_owner(dispatcher, domain, resolved_ticket):
    entity = [{"entity": "ticket_id", "value": resolved_ticket["id"]}]
    mine = make_tracker("/ticket_resolved", "ticket_resolved", entities=entity)
    events = await ActionTellResolution().run(dispatcher, mine, domain)
    assert responses(dispatcher) == ["utter_ticket_resolved"]
    assert dispatcher.messages[0]["resolution"] == "已补发新杯子，单号 SF123"
    assert {
        "event": "slot",
        "name": "ticket_id",
        "value": resolved_ticket["id"],
        "timestamp": None,
    } in events
    dispatcher.messages.clear()
    other = make_tracker(
        "/ticket_resolved", "ticket_resolved", entities=entity, sender="someone-else"
    )
    events = await ActionTellResolution().run(dispatcher, other, domain)
    assert dispatcher.messages == [] and events[0]["event"] == "followup"


async def test_rating_is_stored_once(dispatcher, domain, resolved_ticket):
    form = ValidateSatisfactionForm()
    asked = make_tracker("4分吧", "rate", slots={"requested_slot": "satisfaction_score"})
    assert await form.extract_satisfaction_score(dispatcher, asked, domain) == {
        "satisfaction_score": "4"
    }
    no_comment = make_tracker("/deny", "deny", slots={"requested_slot": "satisfaction_comment"})
    assert await form.extract_satisfaction_comment(dispatcher, no_comment, domain) == {
        "satisfaction_comment": ""
    }

    slots = {
        "ticket_id": resolved_ticket["id"],
        "satisfaction_score": "4",
        "satisfaction_comment": "很快",
    }
    await ActionSaveSatisfaction().run(
        dispatcher, make_tracker("很快", "inform", slots=slots), domain
    )
    again = {**slots, "satisfaction_score": "1"}
    await ActionSaveSatisfaction().run(dispatcher, make_tracker("x", "inform", slots=again), domain)
    stored = dependencies.ticket_store().get_ticket(resolved_ticket["id"])
    assert stored["satisfaction"] == {"score": 4, "comment": "很快"}
    assert responses(dispatcher) == ["utter_thanks_for_rating", "utter_thanks_for_rating"]


@pytest.mark.parametrize(
    "text, score, comment",
    [
        ("4分吧，處理還算快", "4", "4分吧，處理還算快"),
        ("五星 客服态度很好", "5", "五星 客服态度很好"),
        ("2分，等了三天才有人理我", "2", "2分，等了三天才有人理我"),
        ("给5分", "5", None),
        ("4分吧", "4", None),
        ("非常满意！", "5", None),
        ("一般吧", "3", None),
    ],
)
async def test_a_comment_said_with_the_score_is_the_comment(
    dispatcher, domain, text, score, comment
):
    """Hand test: '4分吧，處理還算快' stored the score, asked for a comment, and the words
    said with the score were lost when the customer answered '沒有了'."""
    form = ValidateSatisfactionForm()
    asked = make_tracker(text, "inform", slots={"requested_slot": "satisfaction_score"})
    extracted = await form.extract_satisfaction_score(dispatcher, asked, domain)
    expected = {"satisfaction_score": score}
    if comment is not None:
        expected["satisfaction_comment"] = comment
    assert extracted == expected
