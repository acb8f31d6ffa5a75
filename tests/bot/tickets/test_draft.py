"""Transcript entries as the store keeps them (`normalize_transcript`)."""

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from bot.tickets.draft import normalize_transcript

NOW = datetime(2026, 12, 2, 7, 15, tzinfo=timezone.utc)
SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_an_agents_line_keeps_who_wrote_it_and_nothing_else_gains_a_name():
    """trial5: a ticket answered by 小李 and then the supervisor named both lines 客服."""
    entries = normalize_transcript(
        [
            {"role": "agent", "text": "您好", "at": 1796166900.5, "agent": " 小李 "},
            {"role": "agent", "text": "补偿已发", "at": 1796166960.0},
            {"role": "customer", "text": "好的", "at": 1796166970.0, "agent": "小李"},
        ],
        NOW,
        SHANGHAI,
    )
    assert entries[0] == {
        "role": "agent",
        "text": "您好",
        "at": "2026-12-02T07:15:00+08:00",
        "agent": "小李",
    }
    assert "agent" not in entries[1]
    assert set(entries[2]) == {"role", "text", "at"}
