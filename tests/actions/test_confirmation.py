from actions import dependencies
from actions.confirmation import ActionApplyCorrection, ActionCreateTicket, ActionReadBack
from actions.requests import ActionCancelComplaint, ActionHandoff, ActionTicketStatus
from tests.actions.conftest import make_tracker, responses, slot_events

FACTS = {
    "order_id": "202411235567",
    "order_verified": True,
    "issue_category": "logistics",
    "issue_description": "收到的杯子碎了",
    "desired_remedy": "reship",
    "evidence_status": "none",
    "contact_status": "declined",
    "emotion": "upset",
    "intake_id": "intake-1",
    "awaiting_confirmation": True,
}
HISTORY = [
    {"event": "user", "text": "收到的杯子碎了", "timestamp": 1732350000.0},
    {"event": "bot", "text": "抱歉", "timestamp": 1732350001.0},
]


async def test_read_back_shows_every_fact_and_waits(dispatcher, domain):
    events = await ActionReadBack().run(
        dispatcher, make_tracker("不用", "deny", slots=FACTS), domain
    )
    [message] = dispatcher.messages
    assert message["response"] == "utter_read_back"
    assert message["order_display"] == "202411235567"
    assert message["category_label"] == "物流配送问题" and message["remedy_label"] == "补发"
    assert message["custom"]["type"] == "read_back"
    assert slot_events(events) == {"awaiting_confirmation": True}


async def test_a_live_claim_is_read_back_in_the_text_too(dispatcher, domain):
    """ux4: the widget's card showed 主播说法 but the text read-back (what WeCom and the
    live webhook send) left the host's words out."""
    live = {"room_id": "r1", "streamer": "小美", "claim": "主播说下单就送化妆包"}
    slots = {**FACTS, "issue_category": "livestream_misleading", "live": live}
    await ActionReadBack().run(dispatcher, make_tracker("好", "affirm", slots=slots), domain)
    [message] = dispatcher.messages
    assert message["response"] == "utter_read_back"
    assert message["live_claim"] == "主播说下单就送化妆包"
    # the read-back's optional line (bot/nlg.py) words the host's claim; rendered in
    # tests/actions/test_read_back_rendered.py
    assert "{live_claim_line}" in domain["responses"]["utter_read_back"][0]["text"]
    assert "{live_claim}" in domain["responses"]["utter_read_back_live_claim_line"][0]["text"]


async def test_confirmation_files_one_ticket_even_when_repeated(dispatcher, domain):
    tracker = make_tracker("确认", "affirm", slots=FACTS, history=HISTORY)
    first = slot_events(await ActionCreateTicket().run(dispatcher, tracker, domain))
    second = slot_events(await ActionCreateTicket().run(dispatcher, tracker, domain))
    assert first["ticket_id"] == second["ticket_id"]
    tickets = dependencies.ticket_store().list_tickets(conversation_id="customer-1")
    assert len(tickets) == 1
    ticket = tickets[0]
    assert ticket["order"]["amount"] == 118.0
    assert ticket["issue_category"] == "logistics" and ticket["desired_remedy"] == "reship"
    assert ticket["evidence_missing"] == ["外包装照片", "商品破损照片", "快递面单"]
    assert responses(dispatcher)[0] == "utter_ticket_created"
    assert dispatcher.messages[0]["ticket_id"] == ticket["id"]
    assert first["awaiting_confirmation"] is False and first["order_id"] is None


async def test_urgent_ticket_is_announced_as_prioritised(dispatcher, domain):
    history = [
        {
            "event": "user",
            "text": "水壶漏电把孩子电伤了，我要去12315投诉",
            "timestamp": 1732350000.0,
        }
    ]
    slots = {**FACTS, "order_id": "202411191024", "issue_category": "product_quality"}
    await ActionCreateTicket().run(
        dispatcher, make_tracker("确认", "affirm", slots=slots, history=history), domain
    )
    [ticket] = dependencies.ticket_store().list_tickets(conversation_id="customer-1")
    assert ticket["severity"] == "urgent"
    assert {"injury", "legal"} <= set(ticket["severity_reasons"])
    # nobody has the desk open in this test: the customer is told so
    assert responses(dispatcher) == [
        "utter_ticket_created",
        "utter_ticket_urgent",
        "utter_nobody_online",
    ]


async def test_confirming_a_pending_order_reads_back_first(dispatcher, domain):
    slots = {**FACTS, "order_id": None, "pending_order_id": "998877665544"}
    events = await ActionCreateTicket().run(
        dispatcher, make_tracker("确认", "affirm", slots=slots), domain
    )
    assert slot_events(events)["order_id"] == "998877665544"
    assert slot_events(events)["order_verified"] is False
    assert dependencies.ticket_store().list_tickets(conversation_id="customer-1") == []
    assert responses(dispatcher) == ["utter_noted_correction", "utter_read_back"]


async def test_correction_of_the_order_number_is_checked(dispatcher, domain):
    tracker = make_tracker("订单号打错了，是 2024 1115 0420", "correct", slots=FACTS)
    tracker.events.append({"event": "slot", "name": "order_id", "value": "202411150420"})
    events = await ActionApplyCorrection().run(dispatcher, tracker, domain)
    assert slot_events(events)["order_id"] == "202411150420"
    assert responses(dispatcher) == ["utter_noted_changes", "utter_read_back"]
    assert dispatcher.messages[1]["order_display"] == "202411150420"


async def test_correction_to_an_unknown_order_asks_to_recheck(dispatcher, domain):
    tracker = make_tracker("订单号是 111122223333", "correct", slots=FACTS)
    tracker.events.append({"event": "slot", "name": "order_id", "value": "111122223333"})
    events = await ActionApplyCorrection().run(dispatcher, tracker, domain)
    assert slot_events(events)["pending_order_id"] == "111122223333"
    assert responses(dispatcher) == ["utter_order_not_found"]


async def test_an_unknown_number_stays_out_of_the_facts_until_confirmed(dispatcher, domain):
    """The read-back must not show a number we could not find as if it were checked."""
    tracker = make_tracker(
        "订单号打错了，是 111122223333",
        "correct",
        slots={**FACTS, "order_id": "111122223333"},
        history=[{"event": "slot", "name": "order_id", "value": "202411235567"}],
        after_user=[{"event": "slot", "name": "order_id", "value": "111122223333"}],
    )
    events = await ActionApplyCorrection().run(dispatcher, tracker, domain)
    assert slot_events(events)["order_id"] == "202411235567"
    assert slot_events(events)["pending_order_id"] == "111122223333"


async def test_another_change_while_a_number_waits_asks_about_the_number_again(dispatcher, domain):
    """ "算了不换了，退款吧" instead of confirming the number: noted, then the number again."""
    tracker = make_tracker(
        "算了不换了，退款吧",
        "correct",
        slots={**FACTS, "pending_order_id": "111122223333", "desired_remedy": "refund"},
        after_user=[{"event": "slot", "name": "desired_remedy", "value": "refund"}],
    )
    events = await ActionApplyCorrection().run(dispatcher, tracker, domain)
    assert slot_events(events)["desired_remedy"] == "refund"
    assert responses(dispatcher) == ["utter_noted_changes", "utter_order_not_found"]
    assert dispatcher.messages[1]["pending_order_id"] == "111122223333"


async def test_a_status_question_at_the_read_back_says_it_is_not_filed_yet(dispatcher, domain):
    tracker = make_tracker("我的投诉到哪一步了", "status_query", slots=FACTS)
    assert await ActionApplyCorrection().run(dispatcher, tracker, domain) == []
    assert responses(dispatcher) == ["utter_status_not_yet_filed"]
    assert dependencies.ticket_store().list_tickets(conversation_id="customer-1") == []


async def test_a_status_question_at_the_read_back_also_reports_earlier_tickets(dispatcher, domain):
    await ActionCreateTicket().run(dispatcher, make_tracker("对", "affirm", slots=FACTS), domain)
    dispatcher.messages.clear()
    tracker = make_tracker("之前那个投诉进度怎么样了", "status_query", slots=FACTS)
    await ActionApplyCorrection().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_status_open", "utter_status_not_yet_filed"]


async def test_correction_without_a_value_asks_what_to_change(dispatcher, domain):
    events = await ActionApplyCorrection().run(
        dispatcher, make_tracker("需要修改", "correct", slots=FACTS), domain
    )
    assert events == []
    assert responses(dispatcher) == ["utter_ask_correction"]


async def test_handoff_files_what_is_known_and_stops_the_form(dispatcher, domain):
    slots = {
        "issue_description": "耳机不响了",
        "issue_category": "product_quality",
        "intake_id": "i-2",
    }
    tracker = make_tracker("转人工", "handoff", slots=slots, active_loop="complaint_form")
    dependencies.presence().seen("小王")  # an agent has the desk open
    events = await ActionHandoff().run(dispatcher, tracker, domain)
    assert any(e["event"] == "active_loop" and e["name"] is None for e in events)
    [ticket] = dependencies.ticket_store().list_tickets(conversation_id="customer-1")
    assert ticket["issue_category"] == "product_quality" and ticket["order_id"] is None
    assert responses(dispatcher) == ["utter_handoff"]
    assert {"event": "slot", "name": "ticket_open", "value": True} in [
        {k: e.get(k) for k in ("event", "name", "value")} for e in events
    ]


async def test_a_remedy_named_in_a_handoff_at_the_remedy_question_is_filed(dispatcher, domain):
    """dialogues_dev8 r031: "叫那個客服出來道歉" (handoff) has no remedy entity any more."""
    slots = {**FACTS, "awaiting_confirmation": False, "desired_remedy": None}
    slots["requested_slot"] = "desired_remedy"
    tracker = make_tracker(
        "叫那個客服出來道歉", "handoff", slots=slots, active_loop="complaint_form"
    )
    await ActionHandoff().run(dispatcher, tracker, domain)
    [ticket] = dependencies.ticket_store().list_tickets(conversation_id="customer-1")
    assert ticket["desired_remedy"] == "apology"


async def test_a_handoff_asking_for_another_person_names_no_remedy(dispatcher, domain):
    slots = {**FACTS, "awaiting_confirmation": False, "desired_remedy": None}
    slots["requested_slot"] = "desired_remedy"
    tracker = make_tracker("能不能换个活人跟我说", "handoff", slots=slots)
    await ActionHandoff().run(dispatcher, tracker, domain)
    [ticket] = dependencies.ticket_store().list_tickets(conversation_id="customer-1")
    assert ticket["desired_remedy"] is None


async def test_handoff_after_a_ticket_reuses_it(dispatcher, domain):
    tracker = make_tracker("确认", "affirm", slots=FACTS, history=HISTORY)
    created = slot_events(await ActionCreateTicket().run(dispatcher, tracker, domain))
    after = make_tracker("转人工", "handoff", slots={"ticket_id": created["ticket_id"]})
    await ActionHandoff().run(dispatcher, after, domain)
    assert len(dependencies.ticket_store().list_tickets(conversation_id="customer-1")) == 1
    assert dispatcher.messages[-1]["ticket_id"] == created["ticket_id"]


async def test_cancel_files_nothing(dispatcher, domain):
    events = await ActionCancelComplaint().run(
        dispatcher, make_tracker("算了", "cancel", slots=FACTS), domain
    )
    assert slot_events(events)["order_id"] is None
    assert dependencies.ticket_store().list_tickets(conversation_id="customer-1") == []
    assert responses(dispatcher) == ["utter_cancelled"]


async def test_status_lists_this_customers_tickets_only(dispatcher, domain):
    await ActionCreateTicket().run(
        dispatcher, make_tracker("确认", "affirm", slots=FACTS, history=HISTORY), domain
    )
    await ActionCreateTicket().run(
        dispatcher,
        make_tracker(
            "确认",
            "affirm",
            slots={**FACTS, "intake_id": "other"},
            history=HISTORY,
            sender="someone-else",
        ),
        domain,
    )
    dispatcher.messages.clear()
    await ActionTicketStatus().run(dispatcher, make_tracker("到哪一步了", "status_query"), domain)
    assert responses(dispatcher) == ["utter_status_open"]
    dispatcher.messages.clear()
    await ActionTicketStatus().run(
        dispatcher, make_tracker("进度", "status_query", sender="nobody"), domain
    )
    assert responses(dispatcher) == ["utter_status_none"]


async def test_files_uploaded_at_any_time_reach_the_ticket_once(dispatcher, domain):
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "blue").save(buffer, "PNG")
    dependencies.evidence_store().save("customer-1", "screen.png", buffer.getvalue(), "image/png")
    tracker = make_tracker("确认", "affirm", slots=FACTS, history=HISTORY)
    await ActionCreateTicket().run(dispatcher, tracker, domain)
    second = make_tracker(
        "确认", "affirm", slots={**FACTS, "intake_id": "intake-2"}, history=HISTORY
    )
    await ActionCreateTicket().run(dispatcher, second, domain)
    newest, first = dependencies.ticket_store().list_tickets(conversation_id="customer-1")
    assert [e["filename"] for e in first["evidence"]] == ["screen.png"]
    # one file cannot be the whole set a parcel damaged in transit needs
    assert first["evidence_missing"] == ["商品破损照片", "快递面单"]
    assert newest["evidence"] == []


async def test_the_same_order_number_again_is_no_correction(dispatcher, domain):
    """Repeating the number read back is answered as such, not "已帮您改过来了"."""
    tracker = make_tracker(
        "订单号是 2024 1123 5567",
        "correct",
        slots=FACTS,
        history=[{"event": "slot", "name": "order_id", "value": "202411235567"}],
        after_user=[{"event": "slot", "name": "order_id", "value": "2024 1123 5567"}],
    )
    events = slot_events(await ActionApplyCorrection().run(dispatcher, tracker, domain))
    assert responses(dispatcher) == ["utter_correction_unchanged"]
    assert events == {"order_id": "202411235567"}  # the number as read back, not as typed


async def test_a_repeated_number_beside_a_real_change_still_changes_it(dispatcher, domain):
    tracker = make_tracker(
        "订单号 202411235567 没错 改成退款吧",
        "correct",
        slots=FACTS,
        history=[
            {"event": "slot", "name": "order_id", "value": "202411235567"},
            {"event": "slot", "name": "desired_remedy", "value": "reship"},
        ],
        after_user=[{"event": "slot", "name": "order_id", "value": "202411235567"}],
    )
    events = slot_events(await ActionApplyCorrection().run(dispatcher, tracker, domain))
    assert events["desired_remedy"] == "refund" and events["order_id"] == "202411235567"
    assert responses(dispatcher)[0] == "utter_noted_changes"


async def test_the_read_back_number_again_drops_the_unknown_one_waiting(dispatcher, domain):
    """Hand test (ux4): a phone number taken for an order waited for a yes; the customer
    repeated the order read back, heard "不用改", said "確認", and the phone was filed."""
    tracker = make_tracker(
        "訂單號係 2024 1123 5567 冇錯",
        "correct",
        slots={**FACTS, "pending_order_id": "91234576"},
        history=[{"event": "slot", "name": "order_id", "value": "202411235567"}],
        after_user=[{"event": "slot", "name": "order_id", "value": "2024 1123 5567"}],
    )
    events = slot_events(await ActionApplyCorrection().run(dispatcher, tracker, domain))
    assert responses(dispatcher) == ["utter_correction_unchanged"]
    assert events == {"order_id": "202411235567", "pending_order_id": None}


EARPHONES = {**FACTS, "issue_category": "product_quality", "issue_description": "耳机充不进电"}


async def test_the_problem_told_anew_at_the_read_back_leads_the_description(dispatcher, domain):
    """trial8: "問題是左耳沒聲音 不是充電" changed nothing; the wrong problem was filed."""
    text = "問題是左耳沒聲音 不是充電"
    tracker = make_tracker(text, "correct", slots=EARPHONES)

    events = slot_events(await ActionApplyCorrection().run(dispatcher, tracker, domain))

    assert events["issue_description"] == f"{text}\n耳机充不进电"
    assert responses(dispatcher) == ["utter_noted_correction", "utter_read_back"]
    assert dispatcher.messages[1]["issue_description"].startswith(text)


async def test_the_new_words_added_by_the_slot_mappings_are_not_repeated(dispatcher, domain):
    text = "左耳没声音 不是充电"
    before = [{"event": "slot", "name": "issue_description", "value": "耳机充不进电"}]
    appended = {**EARPHONES, "issue_description": f"耳机充不进电\n{text}"}  # by the mappings
    tracker = make_tracker(text, "complain", slots=appended, history=before)

    events = slot_events(await ActionApplyCorrection().run(dispatcher, tracker, domain))

    assert events["issue_description"] == f"{text}\n耳机充不进电"


async def test_another_fact_corrected_leaves_the_description_alone(dispatcher, domain):
    tracker = make_tracker("电话写错了 是13912345678", "correct", slots=EARPHONES)
    events = slot_events(await ActionApplyCorrection().run(dispatcher, tracker, domain))
    assert "issue_description" not in events
