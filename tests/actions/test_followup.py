"""After filing: details, files and handoff requests while the ticket waits for a human."""

from actions import dependencies
from actions.followup import ActionAddTicketDetails
from tests.actions.conftest import make_tracker, responses
from tests.bot.evidence import media_files as files


def _open_ticket(conversation="customer-1", order_id=None):
    from bot.tickets import TicketDraft

    draft = TicketDraft(
        conversation_id=conversation,
        channel="widget",
        order_id=order_id,
        issue_category="logistics",
        issue_description="收到的杯子碎了",
        desired_remedy="reship",
        severity="normal",
        severity_reasons=[],
        emotion="upset",
        handoff_reason="confirmed",
        # the kinds a damaged parcel calls for, as the bot writes them (bot.intake.draft)
        evidence_missing=["外包装照片", "商品破损照片", "快递面单"],
        transcript=[{"role": "customer", "text": "收到的杯子碎了", "at": 1795399200.0}],
    )
    return dependencies.ticket_store().create_ticket(draft, f"key-{conversation}")


def _after_filing(ticket, text, intent):
    history = [{"event": "user", "text": text, "timestamp": 1795399500.0}]
    return make_tracker(
        text, intent, slots={"ticket_id": ticket["id"], "ticket_open": True}, history=history
    )


async def test_a_detail_after_filing_goes_into_the_open_ticket(dispatcher, domain):
    ticket = _open_ticket()
    tracker = _after_filing(ticket, "对了 外面的纸箱也压扁了", "complain")
    events = await ActionAddTicketDetails().run(dispatcher, tracker, domain)
    assert events == []
    assert responses(dispatcher) == ["utter_details_added"]
    stored = dependencies.ticket_store().get_ticket(ticket["id"])
    assert stored["transcript"][-1]["text"] == "对了 外面的纸箱也压扁了"
    assert stored["transcript"][-1]["role"] == "customer"
    # the same message delivered twice is kept once
    await ActionAddTicketDetails().run(dispatcher, tracker, domain)
    texts = [e["text"] for e in dependencies.ticket_store().get_ticket(ticket["id"])["transcript"]]
    assert texts.count("对了 外面的纸箱也压扁了") == 1
    # no second ticket was opened
    assert len(dependencies.ticket_store().list_tickets(conversation_id="customer-1")) == 1


async def test_asking_when_after_filing_hears_the_tickets_times(dispatcher, domain):
    """'大概什么时候能发出' (read as out of scope) had heard 'I can't help with that'."""
    ticket = _open_ticket()
    tracker = _after_filing(ticket, "好的谢谢 大概什么时候能发出", "out_of_scope")
    assert await ActionAddTicketDetails().run(dispatcher, tracker, domain) == []
    assert responses(dispatcher) == ["utter_details_timing"]
    [message] = dispatcher.messages
    assert message["ticket_id"] == ticket["id"] and message["first_response_at"]
    stored = dependencies.ticket_store().get_ticket(ticket["id"])
    assert stored["transcript"][-1]["text"] == "好的谢谢 大概什么时候能发出"


async def test_files_sent_after_filing_are_attached_to_the_ticket(dispatcher, domain):
    ticket = _open_ticket()
    item = dependencies.evidence_store().save("customer-1", "纸箱.jpg", files.photo())
    tracker = _after_filing(ticket, "/send_evidence", "send_evidence")
    await ActionAddTicketDetails().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_evidence_added"]
    stored = dependencies.ticket_store().get_ticket(ticket["id"])
    assert [e["id"] for e in stored["evidence"]] == [item["id"]]
    # one photo of the three kinds a damaged parcel needs
    assert stored["evidence_missing"] == ["商品破损照片", "快递面单"]


async def test_a_request_for_a_human_after_filing_points_to_the_ticket(dispatcher, domain):
    ticket = _open_ticket()
    tracker = _after_filing(ticket, "等半天了 给我转人工", "complain")
    await ActionAddTicketDetails().run(dispatcher, tracker, domain)
    assert responses(dispatcher)[0] == "utter_handoff_already_filed_nobody_online"
    assert not dispatcher.messages[0].get("custom")  # its card was shown at filing
    assert len(dependencies.ticket_store().list_tickets(conversation_id="customer-1")) == 1


async def test_a_yes_again_after_filing_hears_the_filed_ticket(dispatcher, domain):
    """The read-back's "确认" delivered twice had heard "没太明白" (hand test)."""
    from actions.followup import ActionTicketAlreadyFiled

    ticket = _open_ticket()
    tracker = _after_filing(ticket, "确认", "affirm")
    assert await ActionTicketAlreadyFiled().run(dispatcher, tracker, domain) == []
    assert responses(dispatcher) == ["utter_ticket_already_filed"]
    assert dispatcher.messages[0]["ticket_id"] == ticket["id"]
    assert len(dependencies.ticket_store().list_tickets(conversation_id="customer-1")) == 1


def _complaint_naming(ticket, text: str, order_id: str):
    """A complaint after filing whose words name `order_id` (the slot mapping set it)."""
    return make_tracker(
        text,
        "complain",
        slots={"ticket_id": ticket["id"], "ticket_open": True, "order_id": order_id},
        history=[{"event": "user", "text": text, "timestamp": 1795399500.0}],
        after_user=[{"event": "slot", "name": "order_id", "value": order_id}],
    )


async def test_a_complaint_about_another_order_after_filing_opens_a_new_intake(dispatcher, domain):
    """Hand test (ux4): '另一張單 2025 1028 4410 嘅耳機未收到' went into the first ticket."""
    ticket = _open_ticket(order_id="202411235567")
    text = "仲有樣嘢，另一張單 2025 1028 4410 嘅藍牙耳機未收到"
    tracker = _complaint_naming(ticket, text, "202510284410")
    events = await ActionAddTicketDetails().run(dispatcher, tracker, domain)
    assert {"event": "followup", "name": "complaint_form"} in [
        {k: e.get(k) for k in ("event", "name")} for e in events
    ]
    assert {"event": "slot", "name": "ticket_open", "value": False} in [
        {k: e.get(k) for k in ("event", "name", "value")} for e in events
    ]
    stored = dependencies.ticket_store().get_ticket(ticket["id"])
    assert all(entry["text"] != text for entry in stored["transcript"])


async def test_the_filed_orders_number_again_is_a_detail_of_that_ticket(dispatcher, domain):
    ticket = _open_ticket(order_id="202411235567")
    text = "订单 2024 1123 5567 的杯子 盒子也压扁了"
    tracker = _complaint_naming(ticket, text, "202411235567")
    assert await ActionAddTicketDetails().run(dispatcher, tracker, domain) == []
    assert responses(dispatcher) == ["utter_details_added"]


async def test_a_message_while_the_ticket_waits_reads_the_ticket_once(
    dispatcher, domain, monkeypatch
):
    """Review: one message read the waiting ticket up to three times (another order?, the
    empty fields to fill, the promised times); one read now serves every step."""
    ticket = _open_ticket(order_id="202411235567")
    store = dependencies.ticket_store()
    reads = []
    real_get = store.get_ticket
    monkeypatch.setattr(store, "get_ticket", lambda tid: reads.append(tid) or real_get(tid))
    text = "订单 2024 1123 5567 的杯子 大概什么时候能补发"
    tracker = _complaint_naming(ticket, text, "202411235567")
    assert await ActionAddTicketDetails().run(dispatcher, tracker, domain) == []
    assert responses(dispatcher) == ["utter_details_timing"]
    assert reads == [ticket["id"]]


async def test_files_said_sent_that_never_came_are_said_missing(dispatcher, domain):
    """"[图片]" pasted from WeChat after filing was answered "收到 0 个文件" (hand trial)."""
    ticket = _open_ticket()
    tracker = _after_filing(ticket, "[图片]", "send_evidence")
    await ActionAddTicketDetails().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_evidence_not_arrived_filed"]
    assert dispatcher.messages[0]["ticket_id"] == ticket["id"]
    assert dependencies.ticket_store().get_ticket(ticket["id"])["evidence"] == []
