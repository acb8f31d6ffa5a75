import re
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

import pytest

from bot.settings import Settings, SlaSettings
from bot.taxonomy import (
    CATEGORIES,
    EMOTIONS,
    REMEDIES,
    SEVERITIES,
    SEVERITY_REASONS,
    TICKET_STATUSES,
)
from bot.tickets import TICKET_KEYS, InvalidTicketData, TicketNotFound, TicketStore
from bot.tickets.draft import transcript_key
from bot.tickets.store import TicketChanged

ISO_WITH_ZONE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


def parse(value: str) -> datetime:
    assert ISO_WITH_ZONE.match(value), value
    return datetime.fromisoformat(value)


# --- the ticket JSON ---------------------------------------------------------------------


def test_created_ticket_has_exactly_the_spec_keys_and_valid_codes(store, make_draft):
    ticket = store.create_ticket(make_draft(), "conv-1:handoff-1")

    assert tuple(ticket) == TICKET_KEYS
    assert re.fullmatch(r"C20261123-0001", ticket["id"])
    assert ticket["created_at"] == "2026-11-23T10:00:00+08:00"
    assert ticket["status"] == "open" and ticket["status"] in TICKET_STATUSES
    assert ticket["issue_category"] in CATEGORIES
    assert ticket["desired_remedy"] in REMEDIES
    assert ticket["severity"] in SEVERITIES
    assert set(ticket["severity_reasons"]) <= set(SEVERITY_REASONS)
    assert ticket["emotion"] in EMOTIONS
    assert ticket["order"]["items"][0]["name"] == "多功能破壁料理机"
    assert ticket["order_verified"] is True
    assert ticket["evidence"][0] == {
        "id": "ev-1",
        "filename": "smoke.jpg",
        "content_type": "image/jpeg",
        "size": 12345,
        "sha256": "ab" * 32,
        "url": "/evidence/ev-1",
    }
    assert set(ticket["sla"]) == {"first_response_due", "resolution_due"}
    assert ticket["assignee"] is None
    assert ticket["resolution"] is None
    assert ticket["satisfaction"] is None
    assert ticket["live"] is None and ticket["incident_id"] is None
    assert ticket["evidence_missing"] == []
    assert [e["role"] for e in ticket["transcript"]] == ["customer", "bot"]
    assert all(set(e) == {"role", "text", "at"} for e in ticket["transcript"])
    assert "商品质量问题" in ticket["summary"]


def test_read_back_equals_what_create_returned(store, make_draft):
    created = store.create_ticket(make_draft(), "k1")

    assert store.get_ticket(created["id"]) == created


def test_tickets_survive_a_new_store_on_the_same_database(database_url, clock, make_draft):
    first = TicketStore.from_url(database_url, clock=clock)
    created = first.create_ticket(
        make_draft(issue_description="颜色和详情页不一样，“米白”发成了灰色"), "k1"
    )
    first.close()
    second = TicketStore.from_url(database_url, clock=clock)
    try:
        assert second.get_ticket(created["id"]) == created
    finally:
        second.close()


def test_unknown_values_are_null_and_nested_objects_get_exactly_the_spec_keys(store, make_draft):
    ticket = store.create_ticket(
        make_draft(
            order_id=None,
            order_verified=None,
            order=None,
            desired_remedy=None,
            emotion=None,
            severity="normal",
            severity_reasons=[],
            evidence=[{"id": "ev-9", "filename": "a.png", "internal_path": "/tmp/x"}],
            live={"room_id": "8812", "streamer": "小美", "claim": "买一送一", "extra": 1},
            transcript=[],
        ),
        "k-nulls",
    )

    assert ticket["order_id"] is None and ticket["order"] is None
    assert ticket["order_verified"] is None
    assert ticket["desired_remedy"] is None and ticket["emotion"] is None
    assert ticket["evidence"] == [
        {
            "id": "ev-9",
            "filename": "a.png",
            "content_type": None,
            "size": None,
            "sha256": None,
            "url": None,
        }
    ]
    assert ticket["live"] == {
        "room_id": "8812",
        "streamer": "小美",
        "started_at": None,
        "claim": "买一送一",
        "replay_at": None,
    }
    assert ticket["transcript"] == []


def test_get_unknown_ticket_is_none(store):
    assert store.get_ticket("C20261123-9999") is None


def test_sqlite_file_and_its_folder_are_created(tmp_path, clock, make_draft):
    path = tmp_path / "deep" / "var" / "complaints.db"
    sqlite_store = TicketStore.from_url(f"sqlite:///{path}", clock=clock)
    try:
        sqlite_store.create_ticket(make_draft(), "k")
    finally:
        sqlite_store.close()
    assert path.is_file()


def test_a_sqlite_file_keeps_its_connections_in_wal_mode(tmp_path, clock, make_draft):
    """Pooled connections, each with the store's pragmas; another store reads what one wrote."""
    url = f"sqlite:///{tmp_path / 'complaints.db'}"
    writer = TicketStore.from_url(url, clock=clock)
    reader = TicketStore.from_url(url, clock=clock)
    try:
        created = writer.create_ticket(make_draft(), "k")
        with writer.engine.connect() as first:
            kept = first.connection.dbapi_connection
        with writer.engine.connect() as second:
            assert second.connection.dbapi_connection is kept
            assert second.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert second.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert second.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert reader.get_ticket(created["id"]) == created
    finally:
        writer.close()
        reader.close()


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"issue_category": "quality"}, "issue_category"),
        ({"desired_remedy": "money_back"}, "desired_remedy"),
        ({"severity": "high", "severity_reasons": []}, "severity"),
        ({"severity_reasons": ["angry"]}, "severity_reasons"),
        ({"emotion": "furious"}, "emotion"),
        ({"conversation_id": " "}, "conversation_id"),
        ({"channel": ""}, "channel"),
        ({"transcript": [{"role": "system", "text": "x"}]}, "role"),
        ({"transcript": [{"role": "bot", "text": "x", "at": "yesterday"}]}, "ISO"),
        ({"evidence": ["photo.jpg"]}, "evidence"),
        ({"order_verified": "yes"}, "order_verified"),
    ],
)
def test_drafts_breaking_the_contract_are_refused(sqlite_store, make_draft, overrides, message):
    with pytest.raises(InvalidTicketData, match=message):
        sqlite_store.create_ticket(make_draft(**overrides), "k")
    assert sqlite_store.count_tickets() == 0


def test_reasons_make_a_ticket_urgent(sqlite_store, make_draft):
    ticket = sqlite_store.create_ticket(
        make_draft(severity="normal", severity_reasons=["legal"]), "k"
    )
    assert ticket["severity"] == "urgent"


def test_empty_idempotency_key_is_refused(sqlite_store, make_draft):
    with pytest.raises(InvalidTicketData):
        sqlite_store.create_ticket(make_draft(), "  ")


def test_naive_clock_is_refused(sqlite_url, make_draft):
    naive = TicketStore.from_url(sqlite_url, clock=lambda: datetime(2026, 11, 23, 10, 0))
    try:
        with pytest.raises(ValueError, match="timezone-aware"):
            naive.create_ticket(make_draft(), "k")
    finally:
        naive.close()


# --- ids ---------------------------------------------------------------------------------


def test_ids_are_sequential_per_local_day(store, clock, make_draft):
    clock.now = datetime(2026, 11, 23, 15, 58, tzinfo=timezone.utc)  # 23:58 in Shanghai
    ids = [store.create_ticket(make_draft(), f"a{i}")["id"] for i in range(3)]
    clock.advance(minutes=2)  # midnight in Shanghai, still 16:00 on the 23rd in UTC
    ids += [store.create_ticket(make_draft(), f"b{i}")["id"] for i in range(2)]

    assert ids == [
        "C20261123-0001",
        "C20261123-0002",
        "C20261123-0003",
        "C20261124-0001",
        "C20261124-0002",
    ]


def test_id_prefix_comes_from_settings(sqlite_url, clock, make_draft):
    custom = TicketStore.from_url(sqlite_url, Settings(ticket_id_prefix="TS"), clock=clock)
    try:
        assert custom.create_ticket(make_draft(), "k")["id"] == "TS20261123-0001"
    finally:
        custom.close()


def test_concurrent_creation_gives_unique_sequential_ids(store, make_draft):
    barrier = threading.Barrier(6)

    def create(worker):
        barrier.wait()
        return [store.create_ticket(make_draft(), f"w{worker}-{n}")["id"] for n in range(5)]

    with ThreadPoolExecutor(max_workers=6) as pool:
        ids = [i for batch in pool.map(create, range(6)) for i in batch]

    assert len(ids) == 30
    assert sorted(ids) == [f"C20261123-{n:04d}" for n in range(1, 31)]
    assert store.count_tickets() == 30


# --- idempotency -------------------------------------------------------------------------


def test_same_key_twice_returns_the_same_ticket_and_creates_one(store, clock, make_draft):
    first = store.create_ticket(make_draft(), "conv-1:handoff")
    clock.advance(minutes=1)
    second = store.create_ticket(make_draft(issue_description="重复提交"), "conv-1:handoff")

    assert second == first
    assert store.count_tickets() == 1
    assert store.create_ticket(make_draft(), "conv-1:other")["id"] == "C20261123-0002"


def test_same_key_concurrently_creates_one_ticket(store, make_draft):
    barrier = threading.Barrier(6)

    def create(_):
        barrier.wait()
        return store.create_ticket(make_draft(), "conv-9:handoff")["id"]

    with ThreadPoolExecutor(max_workers=6) as pool:
        ids = list(pool.map(create, range(6)))

    assert set(ids) == {"C20261123-0001"}
    assert store.count_tickets() == 1
    # the losers' ids were rolled back: the next ticket continues the sequence without a gap
    assert store.create_ticket(make_draft(), "next")["id"] == "C20261123-0002"


# --- listing -----------------------------------------------------------------------------


@pytest.fixture
def three_tickets(store, clock, make_draft):
    a = store.create_ticket(make_draft(conversation_id="u1", order_id="111111"), "a")
    clock.advance(minutes=1)
    b = store.create_ticket(make_draft(conversation_id="u2", order_id="222222"), "b")
    clock.advance(minutes=1)
    c = store.create_ticket(make_draft(conversation_id="u1", order_id="222222"), "c")
    store.update_ticket(b["id"], actor="agent:li", status="assigned", assignee="li")
    return a["id"], b["id"], c["id"]


def test_list_is_newest_first_and_filters_combine(store, three_tickets):
    a, b, c = three_tickets

    def ids(**filters):
        return [t["id"] for t in store.list_tickets(**filters)]

    assert ids() == [c, b, a]
    assert ids(status="open") == [c, a]
    assert ids(status="assigned") == [b]
    assert ids(status="closed") == []
    assert ids(conversation_id="u1") == [c, a]
    assert ids(order_id="222222") == [c, b]
    assert ids(conversation_id="u1", order_id="222222") == [c]
    assert ids(limit=2) == [c, b]
    assert ids(limit=2, offset=2) == [a]
    assert store.count_tickets(order_id="222222") == 2


@pytest.mark.parametrize(
    "kwargs", [{"status": "pending"}, {"limit": 0}, {"limit": 501}, {"offset": -1}]
)
def test_list_refuses_bad_arguments(sqlite_store, kwargs):
    with pytest.raises(ValueError):
        sqlite_store.list_tickets(**kwargs)


# --- SLA ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "severity, reasons, first, resolution",
    [
        ("urgent", ["injury"], timedelta(minutes=5), timedelta(hours=2)),
        ("normal", [], timedelta(minutes=15), timedelta(hours=24)),
    ],
)
def test_sla_due_times_follow_severity(
    store, clock, make_draft, severity, reasons, first, resolution
):
    ticket = store.create_ticket(make_draft(severity=severity, severity_reasons=reasons), "k")

    created = parse(ticket["created_at"])
    assert created == clock.now
    assert parse(ticket["sla"]["first_response_due"]) - created == first
    assert parse(ticket["sla"]["resolution_due"]) - created == resolution
    assert ticket["sla"]["first_response_due"].endswith("+08:00")


def test_sla_minutes_come_from_settings(sqlite_url, clock, make_draft):
    settings = Settings(sla=SlaSettings(urgent_first_response_minutes=3))
    custom = TicketStore.from_url(sqlite_url, settings, clock=clock)
    try:
        ticket = custom.create_ticket(make_draft(severity_reasons=["media"]), "k")
    finally:
        custom.close()
    assert parse(ticket["sla"]["first_response_due"]) - clock.now == timedelta(minutes=3)


# --- updates and the audit trail ----------------------------------------------------------


def test_updates_are_audited_field_by_field(store, clock, make_draft):
    ticket = store.create_ticket(make_draft(), "k")
    clock.advance(minutes=3)
    updated = store.update_ticket(
        ticket["id"], actor="agent:wang", status="assigned", assignee="wang"
    )
    clock.advance(minutes=30)
    store.update_ticket(
        ticket["id"],
        actor="agent:wang",
        status="resolved",
        assignee="wang",  # unchanged: not audited
        resolution={"action": "refund", "amount": 2399.0, "note": "已退款"},
    )
    final = store.update_ticket(
        ticket["id"], actor="customer", satisfaction={"score": 5, "comment": "处理很快"}
    )

    assert updated["status"] == "assigned" and updated["assignee"] == "wang"
    assert final["status"] == "resolved"
    assert final["resolution"]["note"] == "已退款"
    assert final["satisfaction"] == {"score": 5, "comment": "处理很快"}
    assert store.get_ticket(ticket["id"]) == final

    audit = store.get_audit(ticket["id"])
    assert [(a["actor"], a["field"], a["before"], a["after"]) for a in audit] == [
        ("bot", "status", None, "open"),
        ("agent:wang", "status", "open", "assigned"),
        ("agent:wang", "assignee", None, "wang"),
        ("agent:wang", "status", "assigned", "resolved"),
        (
            "agent:wang",
            "resolution",
            None,
            {"action": "refund", "amount": 2399.0, "note": "已退款"},
        ),
        ("customer", "satisfaction", None, {"score": 5, "comment": "处理很快"}),
    ]
    assert audit[0]["at"] == "2026-11-23T10:00:00+08:00"
    assert audit[1]["at"] == "2026-11-23T10:03:00+08:00"
    assert audit[-1]["at"] == "2026-11-23T10:33:00+08:00"


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"status": "done"},
        {"severity": "normal"},
        {"assignee": ""},
        {"resolution": 42},
        {"satisfaction": {"score": 6}},
        {"satisfaction": {"score": True}},
        {"satisfaction": "great"},
    ],
)
def test_bad_changes_are_refused_and_not_audited(sqlite_store, make_draft, changes):
    ticket = sqlite_store.create_ticket(make_draft(), "k")
    with pytest.raises(InvalidTicketData):
        sqlite_store.update_ticket(ticket["id"], actor="agent:li", **changes)
    assert sqlite_store.get_ticket(ticket["id"]) == ticket
    assert len(sqlite_store.get_audit(ticket["id"])) == 1


def test_update_needs_an_actor_and_an_existing_ticket(sqlite_store, make_draft):
    ticket = sqlite_store.create_ticket(make_draft(), "k")
    with pytest.raises(InvalidTicketData):
        sqlite_store.update_ticket(ticket["id"], actor=" ", status="closed")
    with pytest.raises(TicketNotFound):
        sqlite_store.update_ticket("C20990101-0001", actor="agent:li", status="closed")


def test_an_update_expecting_what_the_caller_read_is_refused_once_it_changed(store, make_draft):
    """desk14: two agents who both read a ticket open both claimed it; the later won."""
    ticket = store.create_ticket(make_draft(), "k")
    read = {"status": "open", "assignee": None}
    store.update_ticket(ticket["id"], actor="小李", expect=read, status="assigned", assignee="小李")
    with pytest.raises(TicketChanged) as refused:
        store.update_ticket(
            ticket["id"], actor="小王", expect=read, status="assigned", assignee="小王"
        )
    assert refused.value.ticket["assignee"] == "小李"
    assert store.get_ticket(ticket["id"])["assignee"] == "小李"
    assert "小王" not in [a["actor"] for a in store.get_audit(ticket["id"])]
    with pytest.raises(InvalidTicketData):
        store.update_ticket(ticket["id"], actor="小王", expect={"summary": ""}, status="closed")


def test_transcript_entries_are_appended(store, clock, make_draft):
    ticket = store.create_ticket(make_draft(), "k")
    clock.advance(minutes=2)
    updated = store.append_transcript(
        ticket["id"],
        [
            {"role": "agent", "text": "您好，我是客服小王"},
            {"role": "customer", "text": "好的", "at": 1795399320.0},
        ],
    )

    assert updated["transcript"][:2] == ticket["transcript"]
    assert updated["transcript"][2:] == [
        {"role": "agent", "text": "您好，我是客服小王", "at": "2026-11-23T10:02:00+08:00"},
        {"role": "customer", "text": "好的", "at": "2026-11-23T10:02:00+08:00"},
    ]
    assert store.get_ticket(ticket["id"])["transcript"] == updated["transcript"]
    with pytest.raises(TicketNotFound):
        store.append_transcript("nope", [{"role": "agent", "text": "x"}])
    with pytest.raises(InvalidTicketData):
        store.append_transcript(ticket["id"], [{"role": "agent"}])


def test_transcript_times_are_all_in_the_shops_zone_whatever_zone_they_came_in(store, make_draft):
    ticket = store.create_ticket(make_draft(), "k")
    updated = store.append_transcript(
        ticket["id"],
        [
            {"role": "bot", "text": "您好", "at": "2026-11-23T02:03:04.567+00:00"},
            {"role": "customer", "text": "在吗", "at": "2026-11-23T02:03:09Z"},
            {"role": "agent", "text": "在的", "at": "2026-11-23T10:04:00+08:00"},
        ],
    )
    assert [entry["at"] for entry in updated["transcript"][-3:]] == [
        "2026-11-23T10:03:04+08:00",
        "2026-11-23T10:03:09+08:00",
        "2026-11-23T10:04:00+08:00",
    ]


def test_merging_the_same_messages_twice_adds_them_once(store, make_draft):
    ticket = store.create_ticket(make_draft(), "k")
    first = {"role": "customer", "text": "还在吗", "at": 1795399320.0}
    second = {"role": "customer", "text": "还在吗", "at": 1795399380.0}

    assert store.merge_transcript(ticket["id"], [first]) == 1
    assert store.merge_transcript(ticket["id"], [first, second]) == 1
    # what the ticket held at creation is never copied again either
    assert store.merge_transcript(ticket["id"], ticket["transcript"]) == 0

    texts = [(e["text"], e["at"]) for e in store.get_ticket(ticket["id"])["transcript"]]
    assert texts[len(ticket["transcript"]) :] == [
        ("还在吗", "2026-11-23T10:02:00+08:00"),
        ("还在吗", "2026-11-23T10:03:00+08:00"),
    ]
    with pytest.raises(TicketNotFound):
        store.merge_transcript("nope", [first])


def test_a_message_held_to_the_microsecond_is_the_same_one_to_the_second(store, make_draft):
    """The ticket's own transcript keeps Rasa's precise UTC times; the desk merges times
    normalised to the second in the shop's zone: the same message, not a new one."""
    precise = {"role": "customer", "text": "确认提交", "at": "2026-11-23T02:00:00.412345+00:00"}
    ticket = store.create_ticket(make_draft(transcript=[precise]), "k")
    assert store.merge_transcript(ticket["id"], [{**precise, "at": 1795399200.412345}]) == 0
    assert store.merge_transcript(ticket["id"], [{**precise, "at": 1795399201.0}]) == 1


def test_evidence_sent_after_filing_is_attached_once_and_audited(store, make_draft):
    ticket = store.create_ticket(
        make_draft(evidence=[], evidence_missing=["outer_box", "item"]), "k"
    )
    photo = {
        "id": "ev-1",
        "filename": "破损.jpg",
        "content_type": "image/jpeg",
        "size": 2048,
        "sha256": "ab" * 32,
        "url": "http://127.0.0.1:5005/evidence/ev-1",
    }
    updated = store.add_evidence(ticket["id"], [photo], actor="customer", still_missing=["item"])
    assert [item["id"] for item in updated["evidence"]] == ["ev-1"]
    assert updated["evidence_missing"] == ["item"]
    again = store.add_evidence(ticket["id"], [photo], actor="customer")
    assert again["evidence"] == updated["evidence"]
    audit = [(a["actor"], a["field"], a["after"]) for a in store.get_audit(ticket["id"])]
    assert audit.count(("customer", "evidence", ["ev-1"])) == 1
    with pytest.raises(InvalidTicketData):
        store.add_evidence(ticket["id"], [{"filename": "no-id.jpg"}], actor="customer")
    with pytest.raises(TicketNotFound):
        store.add_evidence("nope", [photo], actor="customer")


def test_the_summary_follows_evidence_sent_after_filing(store, make_draft):
    """Hand test ux8: a payment screenshot sent after filing emptied `evidence_missing`, but
    the summary agents read still said the screenshot was missing."""
    ticket = store.create_ticket(
        make_draft(
            evidence=[], evidence_missing=["付款/扣款截图"], handoff_reason="customer_requested"
        ),
        "k",
    )
    assert "缺少凭证：付款/扣款截图" in ticket["summary"]
    shot = {"id": "ev-9", "filename": "转账.jpg", "content_type": "image/jpeg", "size": 9}
    updated = store.add_evidence(ticket["id"], [shot], actor="customer", still_missing=[])
    assert "缺少凭证" not in updated["summary"]
    assert updated["summary"] == ticket["summary"].replace("缺少凭证：付款/扣款截图；", "")
    assert store.get_ticket(ticket["id"])["summary"] == updated["summary"]


def test_external_messages_are_nothing_the_customer_wrote():
    from rasa.shared.core.constants import EXTERNAL_MESSAGE_PREFIX as RASA_PREFIX

    from bot.tickets.draft import EXTERNAL_MESSAGE_PREFIX, shown_text

    assert EXTERNAL_MESSAGE_PREFIX == RASA_PREFIX
    assert shown_text("EXTERNAL: ticket_resolved", None) == ""
    assert shown_text("/affirm", {"display": "确认提交"}) == "确认提交"
    assert shown_text("/affirm", {}) == "/affirm"


def test_a_line_copied_later_takes_its_place_in_time(store, make_draft):
    """Hand test (ux4): the customer wrote while the agent typed; the reply was stored as
    sent and the customer's earlier line, copied from the tracker afterwards, came after it."""
    ticket = store.create_ticket(make_draft(), "k")
    reply = {"role": "agent", "text": "今天下午寄出", "at": 1795399334.0}
    earlier = {"role": "customer", "text": "几时可以寄出？", "at": 1795399333.0}
    store.merge_transcript(ticket["id"], [reply])
    store.merge_transcript(ticket["id"], [earlier])
    texts = [e["text"] for e in store.get_ticket(ticket["id"])["transcript"]]
    assert texts[-2:] == ["几时可以寄出？", "今天下午寄出"]


def test_facts_given_while_waiting_fill_the_ticket_until_an_agent_claims_it(store, make_draft):
    """Hand test ux8: the order number written after "转人工" reached the transcript only."""
    ticket = store.create_ticket(
        make_draft(order_id=None, desired_remedy=None, handoff_reason="customer_requested"), "k"
    )
    filled = store.fill_in_waiting(ticket["id"], {"desired_remedy": "refund"}, actor="customer")
    assert filled is not None and filled["desired_remedy"] == "refund"
    assert "诉求：仅退款" in filled["summary"]
    assert store.get_audit(ticket["id"])[-1]["field"] == "desired_remedy"
    with pytest.raises(InvalidTicketData):
        store.fill_in_waiting(ticket["id"], {"assignee": "me"}, actor="customer")
    store.update_ticket(ticket["id"], actor="小王", status="assigned", assignee="小王")
    assert store.fill_in_waiting(ticket["id"], {"order_id": "1"}, actor="customer") is None
    assert store.get_ticket(ticket["id"])["order_id"] == ticket["order_id"]


def test_the_fields_an_actor_changed_are_listed_per_ticket_in_one_call(store, make_draft):
    """The desk's queue marks what the customer added to each waiting ticket."""
    first = store.create_ticket(make_draft(conversation_id="c-a", desired_remedy=None), "k-a")
    second = store.create_ticket(make_draft(conversation_id="c-b", emotion="calm"), "k-b")
    store.fill_in_waiting(first["id"], {"desired_remedy": "refund"}, actor="customer")
    store.fill_in_waiting(second["id"], {"emotion": "angry"}, actor="customer")
    store.fill_in_waiting(second["id"], {"emotion": "angry"}, actor="customer")  # no change
    store.update_ticket(second["id"], actor="小王", status="assigned", assignee="小王")

    changed = store.fields_changed_by("customer", [first["id"], second["id"], "C-none"])

    assert changed == {first["id"]: ["desired_remedy"], second["id"]: ["emotion"]}
    assert store.fields_changed_by("customer", []) == {}


def test_a_ticket_whose_summary_is_rebuilt_is_returned_as_stored(store, make_draft):
    """Review: the summary and the ticket returned are built from one JSON of the row; the
    ticket the caller gets is the one stored, its new summary included."""
    ticket = store.create_ticket(
        make_draft(
            desired_remedy=None,
            evidence=[],
            evidence_missing=["付款/扣款截图"],
            handoff_reason="customer_requested",
        ),
        "k",
    )
    shot = {"id": "ev-9", "filename": "转账.jpg", "content_type": "image/jpeg", "size": 9}
    attached = store.add_evidence(ticket["id"], [shot], actor="customer", still_missing=[])
    assert attached == store.get_ticket(ticket["id"])
    assert "缺少凭证" not in attached["summary"]
    filled = store.fill_in_waiting(ticket["id"], {"desired_remedy": "refund"}, actor="customer")
    assert filled == store.get_ticket(ticket["id"])
    assert "诉求：仅退款" in filled["summary"] and filled["summary"] != attached["summary"]
    # evidence without the caller's missing kinds keeps the summary as it was
    other = {**shot, "id": "ev-10"}
    kept = store.add_evidence(ticket["id"], [other], actor="customer")
    assert kept == store.get_ticket(ticket["id"]) and kept["summary"] == filled["summary"]


def test_a_ticket_turned_urgent_while_waiting_has_its_sooner_deadlines_in_the_history(
    store, make_draft, clock
):
    """after5 (3): the deadlines a raised severity moves up are in the history, old and new."""
    ticket = store.create_ticket(make_draft(severity="normal", severity_reasons=[]), "k")
    clock.advance(minutes=1)
    filled = store.fill_in_waiting(
        ticket["id"], {"severity": "urgent", "severity_reasons": ["legal"]}, actor="customer"
    )
    moved = {
        a["field"]: (a["actor"], a["before"], a["after"])
        for a in store.get_audit(ticket["id"])
        if a["field"].endswith("_due")
    }
    assert moved == {
        name: ("customer", ticket["sla"][name], filled["sla"][name])
        for name in ("first_response_due", "resolution_due")
    }


def test_a_contact_taken_back_is_cleared_masked_and_not_copied_back_in_clear(store, make_draft):
    """after5 (1): the store's part: the contact cleared (audited masked), masked in the
    transcript, and the tracker's copy of the message (the desk merges it again) stays out."""
    given = {"role": "customer", "text": "电话 139 1234 5678", "at": "2026-11-23T09:59:00+08:00"}
    draft = make_draft(contact="13912345678", transcript=[given])
    ticket = store.create_ticket(draft, "k")
    cleared = store.withdraw_contact(ticket["id"], actor="customer")
    assert cleared is not None and cleared["contact"] is None
    assert [e["text"] for e in cleared["transcript"]] == ["电话 139****5678"]
    assert store.merge_transcript(ticket["id"], [{**given, "at": 1795399140.0}]) == 0
    assert store.merge_transcript(ticket["id"], [given]) == 0
    assert [e["text"] for e in store.get_ticket(ticket["id"])["transcript"]] == ["电话 139****5678"]
    (entry,) = [a for a in store.get_audit(ticket["id"]) if a["field"] == "contact"]
    assert (entry["actor"], entry["before"], entry["after"]) == ("customer", "139****5678", None)
    assert store.withdraw_contact(ticket["id"], actor="customer") is None


def test_the_time_to_call_leaves_the_summary_with_the_contact(store, make_draft):
    given = {"role": "customer", "text": "139 1234 5678 晚上打", "at": "2026-11-23T09:59:00+08:00"}
    ticket = store.create_ticket(make_draft(contact="13912345678", transcript=[given]), "k")
    assert "联系时间：晚上打" in ticket["summary"]
    cleared = store.withdraw_contact(ticket["id"], actor="customer")
    assert "联系时间" not in cleared["summary"]
    assert "联系时间" not in store.get_ticket(ticket["id"])["summary"]


def test_one_key_says_whether_a_transcript_holds_a_message_as_the_merge_does():
    """The desk's watcher asks the same question before it copies (`transcript_key`): a Unix
    time to the microsecond and an ISO time in another zone are one second; a contact masked
    since is the same text."""
    stored = {"role": "customer", "text": "打我电话 138****5678", "at": "2026-11-23T10:00:00+08:00"}
    from_tracker = {"role": "customer", "text": "打我电话 13812345678", "at": 1795399200.412345}
    assert transcript_key(stored) == transcript_key(from_tracker)
    assert transcript_key({**from_tracker, "role": "bot"}) != transcript_key(stored)
    assert transcript_key({**from_tracker, "at": 1795399201.0}) != transcript_key(stored)


def test_claimed_conversations_are_every_assigned_ticket_oldest_first(store, make_draft):
    """What the desk's watcher reads each round: ids and conversations only, all of them."""
    first = store.create_ticket(make_draft(conversation_id="c-1"), "k1")
    store.create_ticket(make_draft(conversation_id="c-2"), "k2")  # open: not claimed
    third = store.create_ticket(make_draft(conversation_id="c-3"), "k3")
    for ticket in (third, first):
        store.update_ticket(ticket["id"], actor="小王", status="assigned", assignee="小王")

    assert store.claimed_conversations() == [(first["id"], "c-1"), (third["id"], "c-3")]
