"""after5 (1): a contact taken back AFTER the ticket was filed ("别留我电话了", "不要联系我微信")
is cleared from the ticket (audited, the history not showing it in clear), masked in the stored
transcript, and the customer is told so; whatever the NLU reads the message as, and whoever
holds the ticket. Before filing this was already so (`test_withdrawn_contact_masked.py`)."""

import pytest

from actions import dependencies
from actions.confirmation import ActionCreateTicket
from actions.followup import ActionAddTicketDetails
from actions.waiting_turn import ActionWaitingReply
from bot.i18n import localize
from tests.actions.conftest import make_tracker, responses

FACTS = {
    "order_id": "202411235567",
    "issue_category": "logistics",
    "issue_description": "收到的杯子碎了",
    "desired_remedy": "reship",
    "evidence_status": "none",
    "emotion": "upset",
    "intake_id": "intake-1",
    "awaiting_confirmation": True,
}
PHONE = ("电话 139 1234 5678", "13912345678")
WECHAT = ("可以，加我微信 Li_Wei88", "微信 Li_Wei88")


async def _filed(dispatcher, domain, given):
    given_text, contact = given
    history = [
        {"event": "user", "text": "收到的杯子碎了", "timestamp": 1732350000.0},
        {"event": "bot", "text": "方便留个联系方式吗？", "timestamp": 1732350001.0},
        {"event": "user", "text": given_text, "timestamp": 1732350002.0},
        {"event": "slot", "name": "contact", "value": contact, "timestamp": 1732350002.1},
    ]
    slots = {**FACTS, "contact": contact, "contact_status": "given"}
    tracker = make_tracker("确认", "affirm", slots=slots, history=history)
    events = await ActionCreateTicket().run(dispatcher, tracker, domain)
    ticket_id = next(e["value"] for e in events if e.get("name") == "ticket_id")
    ticket = dependencies.ticket_store().get_ticket(ticket_id)
    assert ticket["contact"] == contact
    return ticket


def _waiting(text, intent, ticket):
    slots = {"ticket_id": ticket["id"], "ticket_open": True}
    return make_tracker(text, intent, slots=slots)


def _run(action, tracker, dispatcher, domain):
    return action().run(dispatcher, tracker, domain)


def _assert_withdrawn(ticket_id, secret, status="open"):
    store = dependencies.ticket_store()
    ticket = store.get_ticket(ticket_id)
    assert ticket["contact"] is None
    assert ticket["status"] == status  # the complaint stands; only the contact is taken back
    assert not any(secret in entry["text"] for entry in ticket["transcript"])
    cleared = [a for a in store.get_audit(ticket_id) if a["field"] == "contact"]
    assert [(a["actor"], a["after"]) for a in cleared] == [("customer", None)]
    assert secret not in str(cleared[0]["before"])  # the history does not keep it in clear
    return ticket


@pytest.mark.parametrize(
    "text, intent, action",
    [
        ("别留我电话了", "deny", ActionWaitingReply),
        ("电话还是别留了 有事在这里说", "inform", ActionAddTicketDetails),
        ("不要打电话给我", "cancel", ActionWaitingReply),
        ("電話就別留了", "complain", ActionAddTicketDetails),
    ],
)
async def test_a_phone_taken_back_after_filing_leaves_the_ticket(
    dispatcher, domain, text, intent, action
):
    ticket = await _filed(dispatcher, domain, PHONE)
    dispatcher.messages.clear()
    events = await _run(action, _waiting(text, intent, ticket), dispatcher, domain)
    now = _assert_withdrawn(ticket["id"], "1234")
    assert "电话 139****5678" in [entry["text"] for entry in now["transcript"]]
    assert responses(dispatcher) == ["utter_contact_withdrawn"]
    assert dispatcher.messages[0]["ticket_id"] == ticket["id"]
    assert {e.get("name"): e.get("value") for e in events}.get("ticket_open") is not False


async def test_a_wechat_id_taken_back_after_filing_leaves_the_ticket(dispatcher, domain):
    ticket = await _filed(dispatcher, domain, WECHAT)
    dispatcher.messages.clear()
    tracker = _waiting("不要联系我微信", "inform", ticket)
    await _run(ActionAddTicketDetails, tracker, dispatcher, domain)
    now = _assert_withdrawn(ticket["id"], "Li_Wei88")
    assert "可以，加我微信 L****88" in [entry["text"] for entry in now["transcript"]]
    assert responses(dispatcher) == ["utter_contact_withdrawn"]


async def test_taken_back_from_a_ticket_an_agent_holds_too(dispatcher, domain):
    ticket = await _filed(dispatcher, domain, PHONE)
    dependencies.ticket_store().update_ticket(
        ticket["id"], actor="小王", status="assigned", assignee="小王"
    )
    dispatcher.messages.clear()
    await _run(
        ActionAddTicketDetails, _waiting("别再打我电话了", "inform", ticket), dispatcher, domain
    )
    _assert_withdrawn(ticket["id"], "1234", status="assigned")
    assert responses(dispatcher) == ["utter_contact_withdrawn"]


@pytest.mark.parametrize(
    "text, intent, action",
    [
        ("电话打不通的话可以发微信", "inform", ActionAddTicketDetails),
        ("快点联系我！！", "complain", ActionAddTicketDetails),
        ("不要退款了 换货吧", "correct", ActionAddTicketDetails),
        ("手机不给退货吗", "status_query", ActionWaitingReply),
    ],
)
async def test_other_messages_keep_the_contact(dispatcher, domain, text, intent, action):
    ticket = await _filed(dispatcher, domain, PHONE)
    dispatcher.messages.clear()
    await _run(action, _waiting(text, intent, ticket), dispatcher, domain)
    assert dependencies.ticket_store().get_ticket(ticket["id"])["contact"] == "13912345678"
    assert "utter_contact_withdrawn" not in responses(dispatcher)


async def test_a_ticket_without_a_contact_hears_nothing_of_it(dispatcher, domain):
    ticket = await _filed(dispatcher, domain, PHONE)
    await _run(ActionWaitingReply, _waiting("别留我电话了", "deny", ticket), dispatcher, domain)
    dispatcher.messages.clear()
    await _run(ActionWaitingReply, _waiting("电话别留了", "deny", ticket), dispatcher, domain)
    assert "utter_contact_withdrawn" not in responses(dispatcher)
    cleared = [
        a for a in dependencies.ticket_store().get_audit(ticket["id"]) if a["field"] == "contact"
    ]
    assert len(cleared) == 1


def test_the_answer_is_worded_in_both_scripts(domain):
    texts = [v["text"] for v in domain["responses"]["utter_contact_withdrawn"]]
    assert texts and all("{ticket_id}" in text for text in texts)
    for text in texts:
        assert "联系方式" in text and "聯絡方式" in str(localize(text, "hant"))
