from datetime import datetime, timedelta, timezone

import pytest

from bot.settings import Settings
from bot.tickets import TicketDraft, TicketStore

# 2026-11-23 10:00 in Shanghai.
START = datetime(2026, 11, 23, 2, 0, tzinfo=timezone.utc)


class FakeClock:
    """A clock tests move by hand."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def _make_draft(**overrides) -> TicketDraft:
    values = {
        "conversation_id": "widget-user-1",
        "channel": "widget",
        "order_id": "202411210777",
        "order_verified": True,
        "order": {
            "order_id": "202411210777",
            "items": [{"name": "多功能破壁料理机", "qty": 1, "price": 2399.0}],
            "amount": 2399.0,
            "status": "delivered",
        },
        "issue_category": "product_quality",
        "issue_description": "料理机用了两天就冒烟了，差点起火，我要退货退款",
        "desired_remedy": "return_refund",
        "evidence": [
            {
                "id": "ev-1",
                "filename": "smoke.jpg",
                "content_type": "image/jpeg",
                "size": 12345,
                "sha256": "ab" * 32,
                "url": "/evidence/ev-1",
            }
        ],
        "severity": "urgent",
        "severity_reasons": ["injury", "amount"],
        "emotion": "angry",
        "contact": None,
        "transcript": [
            {"role": "customer", "text": "料理机冒烟了", "at": "2026-11-23T09:58:00+08:00"},
            {
                "role": "bot",
                "text": "非常抱歉给您带来不好的体验",
                "at": "2026-11-23T09:58:02+08:00",
            },
        ],
        "handoff_reason": "confirmed",
    }
    values.update(overrides)
    return TicketDraft(**values)


@pytest.fixture
def make_draft():
    """Build a complete, valid draft; keyword arguments replace fields."""
    return _make_draft


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def settings():
    return Settings()


@pytest.fixture
def store(database_url, settings, clock):
    ticket_store = TicketStore.from_url(database_url, settings, clock=clock)
    yield ticket_store
    ticket_store.close()


@pytest.fixture
def sqlite_store(sqlite_url, settings, clock):
    ticket_store = TicketStore.from_url(sqlite_url, settings, clock=clock)
    yield ticket_store
    ticket_store.close()
