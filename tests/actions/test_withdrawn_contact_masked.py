"""Task wait4 (c): a contact the customer withdrew at the read-back ("微信还是别留了") is not
on the ticket, and the transcript the desk and the API show keeps the message with the id or
number masked as the logs mask it; a contact kept on the ticket stays as typed."""

from actions import dependencies
from actions.confirmation import ActionCreateTicket
from tests.actions.conftest import make_tracker

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


def _history(given_text, contact, withdrawn_text=None):
    events = [
        {"event": "user", "text": "收到的杯子碎了", "timestamp": 1732350000.0},
        {"event": "bot", "text": "方便留个联系方式吗？", "timestamp": 1732350001.0},
        {"event": "user", "text": given_text, "timestamp": 1732350002.0},
        {"event": "slot", "name": "contact", "value": contact, "timestamp": 1732350002.1},
        {"event": "bot", "text": "请核对：联系方式 已留", "timestamp": 1732350003.0},
    ]
    if withdrawn_text:
        events += [
            {"event": "user", "text": withdrawn_text, "timestamp": 1732350004.0},
            {"event": "slot", "name": "contact", "value": None, "timestamp": 1732350004.1},
        ]
    return events


async def _file(dispatcher, domain, history, contact):
    status = "given" if contact else "declined"
    slots = {**FACTS, "contact": contact, "contact_status": status}
    tracker = make_tracker("确认", "affirm", slots=slots, history=history)
    events = await ActionCreateTicket().run(dispatcher, tracker, domain)
    ticket_id = next(e["value"] for e in events if e.get("name") == "ticket_id")
    return dependencies.ticket_store().get_ticket(ticket_id)


async def test_a_withdrawn_wechat_id_is_masked_in_the_transcript(dispatcher, domain):
    history = _history("可以，加我微信 Li_Wei88", "微信 Li_Wei88", "微信还是别留了")
    ticket = await _file(dispatcher, domain, history, None)
    assert ticket["contact"] is None
    texts = [entry["text"] for entry in ticket["transcript"]]
    assert "可以，加我微信 L****88" in texts and "微信还是别留了" in texts
    assert not any("Li_Wei88" in text for text in texts)


async def test_a_withdrawn_phone_is_masked_however_it_was_grouped(dispatcher, domain):
    history = _history("电话 139 1234 5678", "13912345678", "电话还是别留了 有事在这里说就行")
    ticket = await _file(dispatcher, domain, history, None)
    texts = [entry["text"] for entry in ticket["transcript"]]
    assert "电话 139****5678" in texts
    assert not any("1234" in text for text in texts)


async def test_a_contact_kept_on_the_ticket_stays_as_typed(dispatcher, domain):
    history = _history("电话 13912345678", "13912345678")
    ticket = await _file(dispatcher, domain, history, "13912345678")
    assert ticket["contact"] == "13912345678"
    assert "电话 13912345678" in [entry["text"] for entry in ticket["transcript"]]


async def test_the_desk_merge_of_later_messages_is_unchanged(dispatcher, domain):
    """The desk copies what the customer writes after the filing (same role, text and time
    are not added twice); the masked entries before the filing are never copied again."""
    history = _history("可以，加我微信 Li_Wei88", "微信 Li_Wei88", "微信还是别留了")
    ticket = await _file(dispatcher, domain, history, None)
    store = dependencies.ticket_store()
    later = [{"role": "customer", "text": "还要等多久", "at": 1732350100.0}]
    assert store.merge_transcript(ticket["id"], later) == 1
    assert store.merge_transcript(ticket["id"], later) == 0
    assert len(store.get_ticket(ticket["id"])["transcript"]) == len(ticket["transcript"]) + 1
