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


@pytest.mark.parametrize(
    "comment",
    ["小样还没到呢，快递单号发我", "东西到现在都没收到", "退款什么时候到账？", "問題根本沒解決"],
)
async def test_a_comment_that_says_the_problem_is_still_open_says_how_to_reopen_it(
    dispatcher, domain, resolved_ticket, comment
):
    """Hand trial (trial, WeCom): after a group resolution a viewer rated 2 and wrote
    "小样还没到呢，快递单号发我"; the bot answered "感谢您的评分和反馈，我们会继续改进！" and the
    question reached nobody. The comment is stored; the customer hears how to get a person."""
    slots = {"ticket_id": resolved_ticket["id"], "satisfaction_score": "2"}
    slots["satisfaction_comment"] = comment
    await ActionSaveSatisfaction().run(
        dispatcher, make_tracker(comment, "inform", slots=slots), domain
    )
    stored = dependencies.ticket_store().get_ticket(resolved_ticket["id"])
    assert stored["satisfaction"] == {"score": 2, "comment": comment}
    assert responses(dispatcher) == ["utter_thanks_for_rating_still_open"]


@pytest.mark.parametrize("comment", ["很快", "客服态度很好，谢谢", "还行吧", None])
async def test_an_ordinary_comment_is_thanked_for(dispatcher, domain, resolved_ticket, comment):
    slots = {"ticket_id": resolved_ticket["id"], "satisfaction_score": "4"}
    slots["satisfaction_comment"] = comment
    await ActionSaveSatisfaction().run(dispatcher, make_tracker("x", "inform", slots=slots), domain)
    assert responses(dispatcher) == ["utter_thanks_for_rating"]


async def test_a_handoff_after_the_resolution_opens_a_ticket_an_agent_sees(
    dispatcher, domain, resolved_ticket
):
    """Hand trial (trial, WeCom): "转人工" after the rating was told "已把您说的内容记在工单
    C…-0009 里，客服同事约1分钟内（19:15 前）回复您": the resolved ticket, a deadline already
    past, and no ticket in any agent's queue. A resolved ticket is not pointed to; the request
    is filed as a new open ticket."""
    from actions.requests import ActionHandoff

    slots = {"ticket_id": resolved_ticket["id"], "issue_category": "logistics"}
    await ActionHandoff().run(dispatcher, make_tracker("转人工", "handoff", slots=slots), domain)
    tickets = dependencies.ticket_store().list_tickets(conversation_id="customer-1")
    assert len(tickets) == 2
    [new] = [t for t in tickets if t["id"] != resolved_ticket["id"]]
    assert new["status"] == "open"
    assert resolved_ticket["id"] not in dispatcher.messages[0].get("ticket_id", "")
    assert dispatcher.messages[0]["ticket_id"] == new["id"]


async def test_a_score_is_kept_though_the_comment_question_is_never_answered(
    dispatcher, domain, resolved_ticket
):
    """Hand trial trial3: a customer tapped "4 满意" and closed the widget at "还有什么想对
    我们说的吗？": the score was stored only with the comment, so the ticket kept none."""
    form = ValidateSatisfactionForm()
    slots = {"requested_slot": "satisfaction_score", "ticket_id": resolved_ticket["id"]}
    tapped = make_tracker("/rate", "rate", slots=slots)
    await form.validate_satisfaction_score("4", dispatcher, tapped, domain)
    stored = dependencies.ticket_store().get_ticket(resolved_ticket["id"])
    assert stored["satisfaction"] == {"score": 4, "comment": None}

    # the comment, when it comes, joins the score already kept
    later = {"ticket_id": resolved_ticket["id"], "satisfaction_score": "4"}
    commented = make_tracker("很快", "inform", slots={**later, "satisfaction_comment": "很快"})
    await ActionSaveSatisfaction().run(dispatcher, commented, domain)
    stored = dependencies.ticket_store().get_ticket(resolved_ticket["id"])
    assert stored["satisfaction"] == {"score": 4, "comment": "很快"}


async def test_a_score_is_not_kept_for_someone_elses_ticket(dispatcher, domain, resolved_ticket):
    form = ValidateSatisfactionForm()
    slots = {"requested_slot": "satisfaction_score", "ticket_id": resolved_ticket["id"]}
    other = make_tracker("/rate", "rate", slots=slots, sender="someone-else")
    await form.validate_satisfaction_score("4", dispatcher, other, domain)
    assert dependencies.ticket_store().get_ticket(resolved_ticket["id"])["satisfaction"] is None
