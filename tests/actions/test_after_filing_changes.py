"""dialogues_dev23 (trial12): a fact corrected while the ticket waits corrects the ticket, and
a problem with goods the ticket's order does not hold opens a second complaint."""

from actions import dependencies
from actions.followup import ActionAddTicketDetails
from actions.waiting_turn import ActionWaitingReply
from bot.intake.draft import EVIDENCE_KINDS
from bot.tickets import TicketDraft
from tests.actions.conftest import make_tracker, responses

MUGS = {"order_id": "202411235567", "items": [{"name": "手工陶瓷马克杯 (雾蓝)", "qty": 2}]}


def _filed(remedy="return_refund", order=MUGS):
    draft = TicketDraft(
        conversation_id="customer-1",
        channel="widget",
        order_id=order["order_id"],
        order_verified=True,
        order=order,
        issue_category="logistics",
        issue_description="马克杯收到就碎了",
        desired_remedy=remedy,
        severity="normal",
        severity_reasons=[],
        emotion="calm",
        handoff_reason="confirmed",
        transcript=[{"role": "customer", "text": "马克杯收到就碎了", "at": 1795399200.0}],
    )
    return dependencies.ticket_store().create_ticket(draft, "key-customer-1")


async def _say(dispatcher, domain, ticket, text, intent="inform", order_id=None):
    after = [{"event": "slot", "name": "order_id", "value": order_id}] if order_id else None
    tracker = make_tracker(
        text,
        intent,
        slots={"ticket_id": ticket["id"], "ticket_open": True},
        history=[{"event": "user", "text": text, "timestamp": 1795399500.0}],
        after_user=after,
    )
    events = await ActionAddTicketDetails().run(dispatcher, tracker, domain)
    return events, dependencies.ticket_store().get_ticket(ticket["id"])


async def test_a_remedy_changed_after_filing_replaces_the_filed_one(dispatcher, domain):
    ticket = _filed()
    _, stored = await _say(
        dispatcher, domain, ticket, "不好意思 我想了想还是换货吧 不退了", "correct"
    )
    assert stored["desired_remedy"] == "exchange"
    assert "诉求：换货" in stored["summary"]
    assert responses(dispatcher) == ["utter_ticket_remedy_corrected"]
    assert dispatcher.messages[0]["remedy"] == "换货"
    [change] = [
        e
        for e in dependencies.ticket_store().get_audit(ticket["id"])
        if e["field"] == "desired_remedy"
    ]
    assert (change["before"], change["after"]) == ("return_refund", "exchange")


async def test_a_remedy_named_without_a_change_of_mind_stays_a_detail(dispatcher, domain):
    ticket = _filed(remedy="reship")
    _, stored = await _say(dispatcher, domain, ticket, "要是补发不了就退款")
    assert stored["desired_remedy"] == "reship"
    assert responses(dispatcher) == ["utter_details_added"]


async def test_an_order_number_corrected_after_filing_replaces_the_filed_one(dispatcher, domain):
    ticket = _filed()
    text = "不好意思 订单号给错了 应该是202411191024"
    # read as a complaint naming another order: still a correction, not a new intake
    events, stored = await _say(dispatcher, domain, ticket, text, "complain", "202411191024")
    assert events == []
    assert stored["order_id"] == "202411191024" and stored["order_verified"] is True
    assert stored["order"]["order_id"] == "202411191024"
    assert responses(dispatcher) == ["utter_ticket_order_corrected"]
    assert len(dependencies.ticket_store().list_tickets(conversation_id="customer-1")) == 1


async def test_a_claimed_ticket_keeps_its_fields(dispatcher, domain):
    ticket = _filed()
    dependencies.ticket_store().update_ticket(ticket["id"], actor="agent-1", assignee="agent-1")
    _, stored = await _say(dispatcher, domain, ticket, "还是换货吧 不退了", "correct")
    assert stored["desired_remedy"] == "return_refund"
    assert stored["transcript"][-1]["text"] == "还是换货吧 不退了"  # the agent reads it
    assert responses(dispatcher) == ["utter_details_added"]


async def test_a_problem_with_goods_not_in_the_order_opens_a_second_complaint(dispatcher, domain):
    ticket = _filed()
    text = "另外我买的蓝牙耳机也连不上手机了 想换一个"
    events, stored = await _say(dispatcher, domain, ticket, text, "complain")
    assert {"event": "followup", "name": "complaint_form"} in [
        {k: e.get(k) for k in ("event", "name")} for e in events
    ]
    assert stored["desired_remedy"] == "return_refund"  # the first ticket is left as filed
    assert all(entry["text"] != text for entry in stored["transcript"])


async def test_more_about_the_same_goods_stays_a_detail(dispatcher, domain):
    ticket = _filed()
    events, stored = await _say(dispatcher, domain, ticket, "补充一下 杯子的把手也断了", "complain")
    assert events == [] and responses(dispatcher) == ["utter_details_added"]
    assert stored["transcript"][-1]["text"] == "补充一下 杯子的把手也断了"


async def test_a_fact_added_after_filing_reaches_the_description_and_summary(dispatcher, domain):
    ticket = _filed()
    _, stored = await _say(
        dispatcher, domain, ticket, "补充一下 外面的快递箱也是压扁的", "complain"
    )
    assert stored["issue_description"] == "马克杯收到就碎了\n补充一下 外面的快递箱也是压扁的"
    assert responses(dispatcher) == ["utter_details_added"]
    # delivered twice, added once
    _, stored = await _say(
        dispatcher, domain, ticket, "补充一下 外面的快递箱也是压扁的", "complain"
    )
    assert stored["issue_description"].count("快递箱") == 1


async def test_thanks_and_questions_after_filing_leave_the_description(dispatcher, domain):
    ticket = _filed()
    for text in ("对了 谢谢啊", "对了 什么时候有人处理", "对了 我刚发了照片"):
        _, stored = await _say(dispatcher, domain, ticket, text)
        assert stored["issue_description"] == "马克杯收到就碎了", text


# --- trial13 (dialogues_dev24) ------------------------------------------------------------------


async def test_a_category_corrected_after_filing_replaces_the_filed_one(dispatcher, domain):
    ticket = _filed()
    events, stored = await _say(dispatcher, domain, ticket, "不是物流问题，是质量问题", "correct")
    assert events == []
    assert stored["issue_category"] == "product_quality"
    assert stored["evidence_missing"] == list(EVIDENCE_KINDS["product_quality"])
    assert responses(dispatcher) == ["utter_ticket_category_corrected"]
    assert dispatcher.messages[0]["category"] == "商品质量问题"
    [change] = [
        e
        for e in dependencies.ticket_store().get_audit(ticket["id"])
        if e["field"] == "issue_category"
    ]
    assert (change["before"], change["after"]) == ("logistics", "product_quality")


async def test_a_category_corrected_in_a_message_read_as_a_no_is_told_too(dispatcher, domain):
    ticket = _filed()
    tracker = make_tracker(
        "不是物流问题 是质量问题",
        "deny",
        slots={"ticket_id": ticket["id"], "ticket_open": True},
        history=[{"event": "user", "text": "不是物流问题 是质量问题", "timestamp": 1795399500.0}],
    )
    await ActionWaitingReply().run(dispatcher, tracker, domain)
    stored = dependencies.ticket_store().get_ticket(ticket["id"])
    assert stored["issue_category"] == "product_quality"
    assert responses(dispatcher) == ["utter_ticket_category_corrected"]


async def test_a_claimed_ticket_keeps_its_category(dispatcher, domain):
    ticket = _filed()
    dependencies.ticket_store().update_ticket(ticket["id"], actor="agent-1", assignee="agent-1")
    _, stored = await _say(dispatcher, domain, ticket, "不是物流问题，是质量问题", "correct")
    assert stored["issue_category"] == "logistics"
    assert responses(dispatcher) == ["utter_details_added"]


async def test_another_order_without_goods_named_opens_a_second_complaint(dispatcher, domain):
    ticket = _filed()
    text = "还有个事 我另外一单到现在还没发货 不想等了 直接退款吧"
    events, stored = await _say(dispatcher, domain, ticket, text, "complain")
    assert "complaint_form" in [e.get("name") for e in events if e.get("event") == "followup"]
    assert all(entry["text"] != text for entry in stored["transcript"])


async def test_a_fact_with_no_word_that_adds_reaches_the_description(dispatcher, domain):
    ticket = _filed()
    _, stored = await _say(dispatcher, domain, ticket, "外箱也是破的", "inform")
    assert stored["issue_description"] == "马克杯收到就碎了\n外箱也是破的"
    assert responses(dispatcher) == ["utter_details_added"]


async def test_waiting_words_with_nothing_wrong_leave_the_description(dispatcher, domain):
    ticket = _filed()
    for text in ("好的 那我等你们消息", "是质量问题 你们一定要给我处理好"):
        _, stored = await _say(dispatcher, domain, ticket, text)
        assert stored["issue_description"] == "马克杯收到就碎了", text
        assert stored["issue_category"] == "logistics", text
