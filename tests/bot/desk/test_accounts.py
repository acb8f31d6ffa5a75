"""Accounts, passwords, sessions and the create-agent command."""

import io
from datetime import datetime, timedelta, timezone

import pytest

from bot.desk.__main__ import main
from bot.desk.accounts import AccountError, AccountStore, check_password, hash_password
from bot.tickets import TicketStore


def test_passwords_are_salted_argon2id_hashes():
    stored = hash_password("s3cret-pass")
    assert stored.startswith("$argon2id$")
    assert stored != hash_password("s3cret-pass")
    assert check_password("s3cret-pass", stored)
    assert not check_password("wrong", stored)
    assert not check_password("s3cret-pass", "garbage")


@pytest.fixture
def any_store(database_url):
    store = TicketStore.from_url(database_url)
    yield store
    store.close()


def test_accounts_sessions_notes_and_webhook_records(any_store):
    now = [datetime(2026, 11, 23, tzinfo=timezone.utc)]
    accounts = AccountStore(any_store, timedelta(hours=1), clock=lambda: now[0])
    agent = accounts.create_agent("小王", "agent", "password-1")
    with pytest.raises(AccountError):
        accounts.create_agent("小王", "agent", "password-2")
    with pytest.raises(AccountError):
        accounts.create_agent("x", "boss", "password-2")
    with pytest.raises(AccountError):
        accounts.create_agent("y", "agent", "short")
    assert accounts.authenticate("小王", "password-1") == agent
    assert accounts.authenticate("小王", "password-2") is None
    assert accounts.authenticate("nobody", "password-1") is None
    session_id = accounts.start_session(agent)
    session = accounts.get_session(session_id)
    assert session.agent == agent and len(session.csrf_token) > 30
    accounts.add_note("C1", "小王", "  先打电话  ")
    assert [n["text"] for n in accounts.list_notes("C1")] == ["先打电话"]
    with pytest.raises(AccountError):
        accounts.add_note("C1", "小王", "   ")
    assert accounts.claim_webhook("C1")
    assert not accounts.claim_webhook("C1")
    accounts.set_webhook_outcome("C1", "delivered")
    now[0] += timedelta(hours=2)
    assert accounts.get_session(session_id) is None
    accounts.end_session(session_id)


def test_create_agent_command_reads_the_password_from_stdin(monkeypatch, tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    monkeypatch.setenv("COMPLAINTS_DATABASE_URL", url)
    monkeypatch.setenv("COMPLAINTS_SETTINGS", str(tmp_path / "none.yml"))
    monkeypatch.setattr("sys.stdin", io.StringIO("long enough password\n"))
    assert main(["create-agent", "张主管", "--role", "supervisor", "--password-stdin"]) == 0
    assert "created supervisor 张主管" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("long enough password\n"))
    assert main(["create-agent", "张主管", "--password-stdin"]) == 1

    from bot.settings import Settings
    from bot.tickets import TicketStore

    store = TicketStore.from_settings(Settings.load())
    try:
        agent = AccountStore(store).authenticate("张主管", "long enough password")
        assert agent is not None and agent.is_supervisor
    finally:
        store.close()
