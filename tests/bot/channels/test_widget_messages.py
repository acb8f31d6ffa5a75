from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered

from bot.channels.widget_messages import bot_message_parts, history_items


def test_text_with_buttons_keeps_the_stock_field_names():
    [part] = bot_message_parts(
        {"text": "要补发吗？", "buttons": [{"title": "要", "payload": "/affirm"}], "timestamp": 5.5}
    )
    assert part == {
        "id": "b-5.5-text",
        "timestamp": 5.5,
        "text": "要补发吗？",
        "quick_replies": [{"content_type": "text", "title": "要", "payload": "/affirm"}],
    }


def test_custom_json_in_the_stock_emit_style_is_unwrapped():
    [part] = bot_message_parts(
        {"custom": {"data": {"type": "ticket", "id": "C1"}}, "timestamp": 1.0}
    )
    assert part["custom"] == {"type": "ticket", "id": "C1"}


def test_image_attachment_and_elements():
    parts = bot_message_parts(
        {
            "image": "https://x/y.png",
            "attachment": {"type": "file"},
            "elements": [{"a": 1}],
            "timestamp": 2.0,
        }
    )
    assert [p["id"] for p in parts] == ["b-2.0-image", "b-2.0-attachment", "b-2.0-elements0"]
    assert parts[0]["attachment"] == {"type": "image", "payload": {"src": "https://x/y.png"}}


def test_messages_without_a_timestamp_get_unique_ids():
    first, second = bot_message_parts({"text": "a"}), bot_message_parts({"text": "a"})
    assert first[0]["id"] != second[0]["id"] and "timestamp" not in first[0]


def test_empty_message_sends_nothing():
    assert bot_message_parts({"text": None, "timestamp": 1.0}) == []


def test_history_skips_internal_events_and_limits():
    events = [
        ActionExecuted("action_listen"),
        UserUttered("/greet"),
        UserUttered("你好", metadata={"client_msg_id": "a"}),
        SlotSet("order_id", "123456"),
        BotUttered("您好", timestamp=3.0, metadata={"utter_action": "utter_greet"}),
        UserUttered("/send_evidence", metadata={"evidence": ["ev_1", 7]}),
    ]
    items = history_items(events)
    assert [i["id"] for i in items][:2] == ["u-a", "b-3.0-text"]
    assert items[2]["evidence"] == ["ev_1"] and items[2]["role"] == "user"
    assert history_items(events, limit=1) == items[-1:]


def test_history_leaves_out_the_turn_the_desk_triggered():
    """Hand test (ux4): after an agent resolved the ticket, the reloaded widget showed the
    customer saying "EXTERNAL: ticket_resolved"."""
    events = [
        UserUttered("EXTERNAL: ticket_resolved", timestamp=1.0),
        BotUttered("您的工单已处理完毕", timestamp=2.0),
    ]
    items = history_items(events)
    assert [item["role"] for item in items] == ["bot"]
