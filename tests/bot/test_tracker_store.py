"""The tuned SQL tracker store: loaded from endpoints.yml, SQLite in WAL, same behaviour."""

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import read_endpoint_config

from bot.tracker_store import TunedSQLTrackerStore, UnsavedTrackers, event_json
from tests.bot.tracker_stores import (
    accept_event_writes,
    refuse_event_writes,
    stored_user_texts,
    tracker_store_at,
)

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = Domain.from_dict({"slots": {"order_id": {"type": "any", "mappings": []}}})


def store_from_endpoints(tmp_path: Path, extra: str = "") -> TrackerStore:
    """The store Rasa builds from an endpoints file like ours."""
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(
        "tracker_store:\n"
        "  type: bot.tracker_store.TunedSQLTrackerStore\n"
        "  dialect: sqlite\n"
        f"  db: {tmp_path / 'tracker.db'}\n" + extra
    )
    return TrackerStore.create(read_endpoint_config(str(endpoints), "tracker_store"), DOMAIN)


def postgres_store(postgres_url: str) -> TunedSQLTrackerStore:
    """The store on the test PostgreSQL database, configured as endpoints.yml would."""
    return tracker_store_at(postgres_url, DOMAIN)


def pragma(store: TunedSQLTrackerStore, name: str) -> object:
    with store.engine.connect() as connection:
        return connection.execute(sa.text(f"PRAGMA {name}")).scalar()


def test_project_endpoints_use_the_tuned_store():
    config = read_endpoint_config(str(ROOT / "endpoints.yml"), "tracker_store")
    assert config.type == "bot.tracker_store.TunedSQLTrackerStore"


def test_sqlite_runs_in_wal_with_normal_sync(tmp_path):
    store = store_from_endpoints(tmp_path)
    assert isinstance(store, TunedSQLTrackerStore)
    assert pragma(store, "journal_mode") == "wal"
    assert pragma(store, "synchronous") == 1  # NORMAL


def test_synchronous_is_configurable_and_checked(tmp_path):
    store = store_from_endpoints(tmp_path, "  synchronous: full\n")
    assert pragma(store, "synchronous") == 2  # FULL
    with pytest.raises(ValueError, match="synchronous"):
        TunedSQLTrackerStore(DOMAIN, db=str(tmp_path / "other.db"), synchronous="fast")


async def test_trackers_round_trip(tmp_path):
    store = store_from_endpoints(tmp_path)
    tracker = await store.get_or_create_tracker("customer-1")
    tracker.update(UserUttered("订单 2024 1123 5567"))
    tracker.update(SlotSet("order_id", "202411235567"))
    tracker.update(ActionExecuted("action_listen"))
    await store.save(tracker)
    await store.save(tracker)  # saving again adds nothing

    again = await store_from_endpoints(tmp_path).retrieve("customer-1")
    assert again is not None
    assert again.get_slot("order_id") == "202411235567"
    assert [e.as_dict()["event"] for e in again.events] == [
        e.as_dict()["event"] for e in tracker.events
    ]


def _turns() -> list:
    return [
        [
            UserUttered("订单 2024 1123 5567", {"name": "inform", "confidence": 0.9}),
            SlotSet("order_id", "202411235567"),
            ActionExecuted("complaint_form"),
        ],
        [BotUttered("好的"), ActionExecuted("action_listen"), UserUttered("确认")],
    ]


def _rows(store: SQLTrackerStore) -> list:
    with store.engine.connect() as connection:
        table = store.SQLEvent.__table__
        columns = [c for c in table.columns if c.name != "id"]
        return [tuple(row) for row in connection.execute(sa.select(*columns).order_by(table.c.id))]


def _values(rows: list) -> list:
    """Rows with the event JSON read back: ours is written compactly in UTF-8."""
    return [(*row[:-1], json.loads(row[-1])) for row in rows]


async def test_saved_rows_are_those_rasa_writes(tmp_path):
    ours = store_from_endpoints(tmp_path)
    stock = SQLTrackerStore(DOMAIN, db=str(tmp_path / "stock.db"))
    turns = _turns()
    for store in (ours, stock):
        tracker = DialogueStateTracker("customer-1", DOMAIN.slots)
        for turn in turns:
            for event in turn:
                tracker.update(event)
            await store.save(tracker)
        await store.save(tracker)  # nothing new: nothing written
    assert _values(_rows(ours)) == _values(_rows(stock))
    assert any("订单" in row[-1] for row in _rows(ours))  # not escaped to \\uXXXX
    assert len(_rows(ours)) == len(tracker.events)
    assert {row[3] for row in _rows(ours)} >= {"inform"}  # intent_name column filled


@pytest.mark.postgres
async def test_postgresql_round_trip_with_the_bulk_insert(postgres_url):
    store = postgres_store(postgres_url)
    tracker = DialogueStateTracker("customer-1", DOMAIN.slots)
    for turn in _turns():
        for event in turn:
            tracker.update(event)
        await store.save(tracker)
    again = await store.retrieve("customer-1")
    assert again is not None and again.get_slot("order_id") == "202411235567"
    assert [e.as_dict() for e in again.events] == [e.as_dict() for e in tracker.events]
    store.engine.dispose()


@pytest.mark.parametrize("exists", [True, False])
async def test_a_configured_postgresql_schema_is_checked_as_rasa_does(
    postgres_url, monkeypatch, exists
):
    """With POSTGRESQL_SCHEMA set the store goes through Rasa's session scope."""
    fresh = sa.engine.make_url(postgres_url).query["options"].split("search_path=")[1]
    schema = fresh if exists else "no_such_schema"
    monkeypatch.setenv("POSTGRESQL_SCHEMA", schema)
    store = postgres_store(postgres_url)
    tracker = DialogueStateTracker(f"customer-{schema}", DOMAIN.slots)
    for event in _turns()[0]:
        tracker.update(event)
    try:
        if exists:
            await store.save(tracker)
            again = await store.retrieve(f"customer-{schema}")
            assert again is not None
            assert [e.as_dict() for e in again.events] == [e.as_dict() for e in tracker.events]
        else:  # Rasa's scope reports the missing schema and exits
            with pytest.raises(SystemExit):
                await store.save(tracker)
    finally:
        store.engine.dispose()


async def test_reads_and_counts_follow_conversation_sessions_as_rasa_does(tmp_path):
    """Latest session for `retrieve`, every session for `retrieve_full_tracker`."""
    ours = store_from_endpoints(tmp_path)
    tracker = DialogueStateTracker("customer-1", DOMAIN.slots)
    first = [ActionExecuted("action_session_start", timestamp=1.0), SessionStarted(timestamp=1.0)]
    first += [UserUttered("在吗", timestamp=2.0), SlotSet("order_id", "1", timestamp=3.0)]
    second = [
        ActionExecuted("action_session_start", timestamp=10.0),
        SessionStarted(timestamp=10.0),
    ]
    second += [UserUttered("又是我", timestamp=11.0)]
    for event in first:
        tracker.update(event)
    await ours.save(tracker)
    for event in second:  # as Rasa does: the new session starts on the tracker it read
        tracker.update(event)
    await ours.save(tracker)
    await ours.save(await ours.retrieve("customer-1"))  # nothing new in the latest session

    stock = SQLTrackerStore(DOMAIN, db=str(tmp_path / "tracker.db"))
    for method in ("retrieve", "retrieve_full_tracker"):
        got = await getattr(ours, method)("customer-1")
        expected = await getattr(stock, method)("customer-1")
        assert [e.as_dict() for e in got.events] == [e.as_dict() for e in expected.events]
    latest = await ours.retrieve("customer-1")
    assert [e.as_dict()["event"] for e in latest.events][-1] == "user"
    assert len(latest.events) == 3
    assert len((await ours.retrieve_full_tracker("customer-1")).events) == 7
    assert len(_rows(ours)) == 7
    assert await ours.retrieve("somebody-else") is None


def _count_queries(store: TunedSQLTrackerStore) -> list:
    """Every execution of the store's count statement, recorded."""
    seen: list = []
    count = store._statements["count"]

    @sa.event.listens_for(store.engine, "before_execute")
    def _record(_conn, clauseelement, *_args):
        if clauseelement is count:
            seen.append(1)

    return seen


async def test_a_tracker_read_or_saved_by_the_store_is_saved_without_counting(tmp_path):
    """Rasa reads, appends and saves under the conversation's lock: the read's row count is
    what the count query would find, so the same rows are written without asking."""
    ours = store_from_endpoints(tmp_path)
    stock = SQLTrackerStore(DOMAIN, db=str(tmp_path / "stock.db"))
    counted = _count_queries(ours)
    first, second = _turns()
    for store in (ours, stock):
        tracker = DialogueStateTracker("customer-1", DOMAIN.slots)
        for event in first:
            tracker.update(event)
        await store.save(tracker)  # never read: counted by query
        read = await store.retrieve("customer-1")
        for event in second:
            read.update(event)
        await store.save(read)
        await store.save(read)  # nothing new since the last save
    assert _values(_rows(ours)) == _values(_rows(stock))
    assert len(counted) == 1


async def test_trackers_the_store_cannot_vouch_for_are_counted(tmp_path):
    """Read with every session, copied, or given a new event list: the count query decides."""
    ours = store_from_endpoints(tmp_path)
    tracker = DialogueStateTracker("customer-1", DOMAIN.slots)
    for event in _turns()[0]:
        tracker.update(event)
    await ours.save(tracker)
    counted = _count_queries(ours)
    full = await ours.retrieve_full_tracker("customer-1")
    await ours.save(full)
    copy = (await ours.retrieve("customer-1")).copy()
    await ours.save(copy)
    replaced = await ours.retrieve("customer-1")
    replaced.events = type(replaced.events)(replaced.events)
    await ours.save(replaced)
    assert len(counted) == 3
    assert len(_rows(ours)) == len(tracker.events)


async def test_a_turn_the_database_refused_is_held_and_written_on_the_next_read(tmp_path):
    """ux3: when a save failed, Rasa's fail-safe store kept the turn in a copy it never reads,
    so the next turn started from the tracker before it (a customer who had just confirmed
    was read the facts again). The turn is now the conversation's state until it is stored,
    then stored once."""
    store = FailSafeTrackerStore(store_from_endpoints(tmp_path))  # as Rasa wraps it
    database = tmp_path / "tracker.db"
    tracker = await store.get_or_create_tracker("customer-1")
    tracker.update(UserUttered("订单 2024 1123 5567"))
    await store.save(tracker)
    refuse_event_writes(database)

    tracker = await store.retrieve("customer-1")
    tracker.update(UserUttered("确认"))
    tracker.update(SlotSet("order_id", "202411235567"))
    await store.save(tracker)  # refused: logged, not raised

    assert stored_user_texts(database, "customer-1") == ["订单 2024 1123 5567"]
    held = await store.retrieve("customer-1")
    assert held.get_slot("order_id") == "202411235567"
    held.update(UserUttered("谢谢"))
    await store.save(held)  # refused again: still held, with both turns
    accept_event_writes(database)

    current = await store.retrieve("customer-1")  # written first, then read from the file

    assert stored_user_texts(database, "customer-1") == ["订单 2024 1123 5567", "确认", "谢谢"]
    assert current.get_slot("order_id") == "202411235567"
    await store.save(current)
    again = await store_from_endpoints(tmp_path).retrieve("customer-1")
    assert [e.as_dict()["event"] for e in again.events] == [
        e.as_dict()["event"] for e in current.events
    ]


def test_held_turns_are_capped_oldest_first():
    held = UnsavedTrackers(limit=2)
    for sender in ("a", "b", "c"):
        held.hold(DialogueStateTracker(sender, DOMAIN.slots))
    assert len(held) == 2
    assert held.get("a") is None and held.get("c") is not None


class CollectingBroker(EventBroker):
    """An event broker that keeps what it is given (Rasa's interface, nothing of ours)."""

    def __init__(self) -> None:
        self.published: list = []

    def publish(self, event: dict) -> None:
        self.published.append(event)


async def test_an_event_broker_gets_each_event_once_across_a_refused_save(tmp_path):
    broker = CollectingBroker()
    store = store_from_endpoints(tmp_path)
    store.event_broker = broker
    database = tmp_path / "tracker.db"
    tracker = await store.get_or_create_tracker("customer-1")
    tracker.update(UserUttered("在吗"))
    await store.save(tracker)
    refuse_event_writes(database)
    tracker.update(UserUttered("确认"))
    await store.save(tracker)
    accept_event_writes(database)
    tracker.update(UserUttered("谢谢"))
    await store.save(tracker)

    texts = [e["text"] for e in broker.published if e["event"] == "user"]
    assert texts == ["在吗", "确认", "谢谢"]
    assert stored_user_texts(database, "customer-1") == ["在吗", "确认", "谢谢"]


def test_event_json_reads_back_as_rasas_json():
    data = {"event": "slot", "name": "evidence", "value": [{"名": "裂痕.jpg", "size": 1.5}], 3: None}
    assert json.loads(event_json(data)) == json.loads(json.dumps(data))


async def _stamps_follow_the_conversation(store: TunedSQLTrackerStore) -> None:
    assert await store.conversation_stamp("customer-9") == (None, 0)
    tracker = DialogueStateTracker("customer-9", DOMAIN.slots)
    tracker.update(UserUttered("在吗"))
    await store.save(tracker)
    first = await store.conversation_stamp("customer-9")
    assert first[0] is not None and first == await store.conversation_stamp("customer-9")
    tracker.update(BotUttered("在的", metadata={"agent": "小王"}))
    await store.save(tracker)
    assert await store.conversation_stamp("customer-9") != first
    assert await store.conversation_stamp("customer-1") == (None, 0)


async def test_the_conversation_stamp_changes_with_each_save_and_only_then(tmp_path):
    """The REST long poll reads a tracker only when this stamp moved (bot.channels.rest)."""
    await _stamps_follow_the_conversation(store_from_endpoints(tmp_path))


@pytest.mark.postgres
async def test_the_conversation_stamp_on_postgresql(postgres_url):
    store = postgres_store(postgres_url)
    await _stamps_follow_the_conversation(store)
    store.engine.dispose()


async def test_a_held_turn_moves_the_stamp(tmp_path):
    store = store_from_endpoints(tmp_path)
    tracker = await store.get_or_create_tracker("customer-1")
    tracker.update(UserUttered("在吗"))
    await store.save(tracker)
    before = await store.conversation_stamp("customer-1")
    refuse_event_writes(tmp_path / "tracker.db")
    tracker.update(UserUttered("还有人吗"))
    await store.save(tracker)  # refused: held
    assert await store.conversation_stamp("customer-1") != before
