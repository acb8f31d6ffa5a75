"""The transcript a ticket stores, read from the conversation's events."""

from bot.intake.draft import transcript_from_events


def test_buttons_and_uploads_read_as_the_customer_saw_them():
    events = [
        {"event": "user", "text": "杯子碎了", "timestamp": 1764400000.0},
        {"event": "user", "text": "/send_evidence", "metadata": {"display": "提交了 1 个证据文件"}},
        {"event": "user", "text": "/affirm", "metadata": {}},
        {"event": "bot", "text": "收到1个文件，谢谢您！"},
        {"event": "slot", "name": "emotion", "value": "calm"},
        {"event": "user", "text": "普通的话", "metadata": {"display": "别的说法"}},
    ]
    transcript = transcript_from_events(events)
    assert [(e["role"], e["text"]) for e in transcript] == [
        ("customer", "杯子碎了"),
        ("customer", "提交了 1 个证据文件"),
        ("customer", "/affirm"),
        ("bot", "收到1个文件，谢谢您！"),
        ("customer", "普通的话"),
    ]
    assert transcript[0]["at"].startswith("2025-11-29")
