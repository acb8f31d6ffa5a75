"""Agents count as online while their desk pages report in, on SQLite and PostgreSQL."""

from datetime import datetime, timedelta, timezone

import pytest

from bot.desk.presence import Presence
from bot.tickets import TicketStore


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 2, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def store(database_url):
    store = TicketStore.from_url(database_url)
    yield store
    store.close()


def test_agents_are_online_within_the_window_only(store):
    clock = Clock()
    presence = Presence(store, window=timedelta(minutes=2), clock=clock)
    assert presence.online() == []

    presence.seen("小王")
    clock.now += timedelta(seconds=90)
    presence.seen("小李")
    assert presence.online() == ["小李", "小王"]

    clock.now += timedelta(seconds=60)  # 小王 last seen 150 s ago
    assert presence.online() == ["小李"]
    presence.seen("小王")
    assert presence.online() == ["小李", "小王"]
    # another process (the action server) reads the same rows
    assert Presence(store, clock=clock).online() == ["小李", "小王"]
