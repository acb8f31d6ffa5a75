"""Which of the conversation's customer messages belong to a ticket (hand test, ux4)."""

import pytest

from bot.desk.rasa_client import RasaClient, RasaUnavailable, bot_lines_of, messages_of


def _user(text: str, at: float) -> dict:
    return {"event": "user", "text": text, "timestamp": at}


def _slot(name: str, value, at: float) -> dict:
    return {"event": "slot", "name": name, "value": value, "timestamp": at}


def _two_complaints() -> list:
    """A first ticket filed, a message added to it, then a second complaint filed."""
    return [
        _user("电饭煲内胆掉涂层", 1),
        _slot("intake_id", "a1", 1.1),
        _user("确认提交", 2),
        _slot("intake_id", None, 2.1),
        _slot("ticket_id", "C-1", 2.2),
        _user("盒子也是压扁的", 3),
        _user("另一张单 202510284410 的耳机没收到", 4),
        _slot("intake_id", "b2", 4.1),
        _user("退钱", 5),
        _user("确认", 6),
        _slot("intake_id", None, 6.1),
        _slot("ticket_id", "C-2", 6.2),
        _user("我的投诉到哪了", 7),
    ]


def test_a_second_complaint_in_the_conversation_stays_out_of_the_first_ticket():
    texts = [m["text"] for m in messages_of(_two_complaints(), "C-1")]
    assert texts == ["电饭煲内胆掉涂层", "确认提交", "盒子也是压扁的"]


def test_the_second_ticket_has_its_own_messages():
    texts = [m["text"] for m in messages_of(_two_complaints(), "C-2")]
    assert "退钱" in texts and texts[-1] == "我的投诉到哪了"


def test_after_the_outcome_the_customer_still_writes_to_the_same_ticket():
    """Resolving sets ticket_id again to the same ticket: the rating and what follows stay."""
    events = [
        _user("确认提交", 1),
        _slot("ticket_id", "C-1", 1.1),
        _user("还在吗", 2),
        _slot("ticket_id", "C-1", 2.5),
        _user("5分", 3),
    ]
    assert [m["text"] for m in messages_of(events, "C-1")] == ["确认提交", "还在吗", "5分"]


def test_without_the_ticket_in_the_events_every_message_stays():
    events = [_user("在吗", 1), _slot("intake_id", "x", 1.1), _user("还在吗", 2)]
    assert [m["text"] for m in messages_of(events, "C-9")] == ["在吗", "还在吗"]
    assert len(messages_of(events)) == 2


def test_what_the_customer_writes_to_an_agent_stays_with_the_ticket_they_work_on():
    """Hand test (ux4): the agent of the first ticket claimed it after a second was filed;
    the customer's answer to the agent was kept in neither."""
    events = [*_two_complaints(), {"event": "pause"}, _user("好呀 地址冇变", 8)]
    events += [{"event": "resume"}, _user("谢谢", 9)]
    texts = [m["text"] for m in messages_of(events, "C-1")]
    assert texts == ["电饭煲内胆掉涂层", "确认提交", "盒子也是压扁的", "好呀 地址冇变"]


# --- a notice of the bot's own (task wait4) ----------------------------------------------------


async def test_a_bot_notice_reaches_the_channel_without_an_agent_in_the_customers_script(
    local_rasa,
):
    """The action server tells a waiting viewer their ticket was hastened: sent through the
    customer's channel, in Traditional to a Traditional writer, not labelled as an agent (the
    desk would copy it into the transcript as an agent's line)."""
    from bot.desk.rasa_client import RasaClient, agent_lines_of

    local_rasa.events["v1"] = [_user("主播說送的贈品沒收到", 1)]
    client = RasaClient(local_rasa.url, "token")
    line = await client.send_bot_notice("v1", "您的工单已升级为加急处理", "ticket_prioritised")
    [body] = local_rasa.sent()
    assert body == [
        {
            "event": "bot",
            "text": "您的工單已升級為加急處理",
            "metadata": {"notice": "ticket_prioritised"},
        }
    ]
    assert line.text == "您的工單已升級為加急處理" and line.timestamp > 1
    assert agent_lines_of(local_rasa.events["v1"]) == []
    [append] = [call for call in local_rasa.calls if call[0] == "POST"]
    assert append[1] == "/conversations/v1/tracker/events"


# --- the bot's own lines after filing (task desk6) ----------------------------------------------


def _bot(text, at: float, **extra) -> dict:
    return {"event": "bot", "text": text, "timestamp": at, **extra}


def test_the_bot_lines_of_a_ticket_stop_where_the_customer_moves_to_another_complaint():
    """The filing confirmation and the answer to a later message are the first ticket's; what
    the bot says in the second complaint is the second ticket's (what came before its filing
    is left out by its creation time, as for the customer's messages)."""
    events = _two_complaints()
    events.insert(5, _bot("已提交，工单号 C-1，我们会在 11月24日 18:00 前回复您", 2.3))
    events.insert(7, _bot("已补充到工单 C-1", 3.1))
    events.insert(10, _bot("请问您想要怎么处理？", 4.2))
    events.append(_bot("工单 C-2 正在排队处理", 7.1))
    first = [m["text"] for m in bot_lines_of(events, "C-1")]
    second = [m["text"] for m in bot_lines_of(events, "C-2")]
    assert first == ["已提交，工单号 C-1，我们会在 11月24日 18:00 前回复您", "已补充到工单 C-1"]
    assert second[-2:] == ["请问您想要怎么处理？", "工单 C-2 正在排队处理"]


def test_bot_lines_leave_out_agents_lines_and_payloads_without_text():
    """An agent's line is the agent's, not the bot's; a ticket card (a custom payload) has no
    text for the transcript, as the lines before filing have none either."""
    events = [
        _user("确认提交", 1),
        _slot("ticket_id", "C-1", 1.1),
        _bot(None, 1.2, data={"custom": {"type": "ticket_card", "ticket_id": "C-1"}}),
        _bot("已为您提交工单 C-1", 1.3),
        _user("转人工", 2),
        _bot("已为您转接人工客服", 2.1),
        {"event": "pause", "timestamp": 2.2},
        _bot("您好，我是客服小王", 3, metadata={"agent": "小王"}),
    ]
    lines = bot_lines_of(events, "C-1")
    assert lines == [
        {"text": "已为您提交工单 C-1", "timestamp": 1.3},
        {"text": "已为您转接人工客服", "timestamp": 2.1},
    ]


async def test_latest_event_times_read_trackers_without_events(local_rasa):
    """The watcher's small reads: the newest event's time, None for an empty conversation
    or one Rasa refuses (read in full, it says why); Rasa gone raises."""
    client = RasaClient(local_rasa.url, "t")
    local_rasa.events["talking"] = [_user("还在吗", 1795399200.5)]
    local_rasa.refusing_conversations.add("refused")

    times = await client.latest_event_times(["talking", "silent", "refused"])

    assert times == {"talking": 1795399200.5, "silent": None, "refused": None}
    assert {q.get("include_events") for _, _, q in local_rasa.calls} == {"NONE"}
    with pytest.raises(RasaUnavailable):
        await RasaClient("http://127.0.0.1:9", "t").latest_event_times(["talking"])
