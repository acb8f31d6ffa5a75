"""Two Rasa servers behind one action server, as a shop scales out (docs/deployment.md).

The conversation lives in PostgreSQL, Rasa's `RedisLockStore` serialises each conversation's
messages across the servers, tickets go to PostgreSQL. Run against the real services; with
`CI=true` a service that cannot be reached fails the test instead of skipping it.
"""

from __future__ import annotations

import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Dict, List

import pytest
import redis
import yaml
from sqlalchemy.engine import make_url

from tests.conftest import _on_ci
from tests.e2e.stack import Stack, free_port, started, texts

pytestmark = [pytest.mark.e2e, pytest.mark.model, pytest.mark.postgres]

REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379


class ScaledStack(Stack):
    """The project's stack plus a second Rasa server, PostgreSQL stores and a Redis lock."""

    def __init__(self, workdir: Any, postgres_url: str, lock_prefix: str) -> None:
        super().__init__(workdir)
        self.postgres_url = make_url(postgres_url)
        self.schema = self.postgres_url.query["options"].split("search_path=")[1]
        self.lock_prefix = lock_prefix
        self.second_port = free_port()

    def env(self) -> Dict[str, str]:
        env = super().env()
        env["COMPLAINTS_DATABASE_URL"] = self.postgres_url.render_as_string(hide_password=False)
        env["POSTGRESQL_SCHEMA"] = self.schema  # Rasa's tracker tables go there too
        return env

    def _endpoints(self) -> Any:
        path = super()._endpoints()
        endpoints = yaml.safe_load(path.read_text(encoding="utf-8"))
        url = self.postgres_url
        endpoints["tracker_store"] = {
            "type": "bot.tracker_store.TunedSQLTrackerStore",
            "dialect": "postgresql",
            "url": url.host,
            "port": url.port or 5432,
            "db": url.database,
            "username": url.username,
        }
        endpoints["lock_store"] = {
            "type": "redis",
            "url": REDIS_HOST,
            "port": REDIS_PORT,
            "db": 0,
            "key_prefix": self.lock_prefix,
        }
        path.write_text(yaml.safe_dump(endpoints, allow_unicode=True), encoding="utf-8")
        return path

    def start(self) -> ScaledStack:
        super().start()
        self.start_rasa("rasa2", self.second_port)
        status = f"http://127.0.0.1:{self.second_port}/status?token={self.rasa_token}"
        self._wait_for("rasa2", status, time.monotonic() + 240)
        return self


@pytest.fixture(scope="module")
def redis_client():
    client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, socket_connect_timeout=5)
    try:
        client.ping()
    except redis.exceptions.ConnectionError as error:
        message = f"Redis at {REDIS_HOST}:{REDIS_PORT} is unreachable: {error}"
        if _on_ci():
            pytest.fail(message)
        pytest.skip(message)
    yield client
    client.close()


@pytest.fixture
def scaled(tmp_path, postgres_url, redis_client):
    yield from started(ScaledStack(tmp_path, postgres_url, f"t{uuid.uuid4().hex[:10]}"))


class LockWatcher:
    """Records the Redis commands that touch one lock prefix (Redis's own MONITOR)."""

    def __init__(self, client: redis.Redis, prefix: str) -> None:
        self.prefix = prefix
        self.commands: List[str] = []
        self._monitor = client.monitor()
        self._monitor.__enter__()
        self._thread = threading.Thread(target=self._listen, daemon=True)
        self._thread.start()

    def _listen(self) -> None:
        try:
            for command in self._monitor.listen():
                if self.prefix in command["command"]:
                    self.commands.append(command["command"])
        except Exception:  # the monitor's connection closed: the watch is over
            return

    def stop(self) -> None:
        self._monitor.connection.disconnect()
        self._thread.join(timeout=5)


def test_a_conversation_moves_between_servers_and_files_one_ticket(scaled, redis_client):
    sender = f"scaled-{uuid.uuid4().hex[:10]}"
    first, second = scaled.rasa_port, scaled.second_port
    watcher = LockWatcher(redis_client, scaled.lock_prefix)
    try:
        scaled.say(sender, "收到的杯子碎了！！订单 2024 1123 5567，给我补发一个")
        # the second server reads what the first one stored and asks the next question
        scaled.say(sender, "没拍照片", second)
        read_back = "\n".join(texts(scaled.say(sender, "不用留电话")))
        assert "202411235567" in read_back and "补发" in read_back
        # a double click reaching both servers at once: the lock lets one file the ticket
        with ThreadPoolExecutor(max_workers=2) as pool:
            answers = list(pool.map(lambda port: scaled.say(sender, "确认", port), [first, second]))
    finally:
        watcher.stop()
    [ticket] = scaled.tickets(conversation_id=sender)
    # the second yes is answered as a duplicate: the filed ticket's id again, not "没太明白"
    for answer in answers:
        assert ticket["id"] in "\n".join(texts(answer)), answers
        assert "没太明白" not in "\n".join(texts(answer)), answers
    assert (ticket["order_id"], ticket["issue_category"], ticket["desired_remedy"]) == (
        "202411235567",
        "logistics",
        "reship",
    )
    assert any(sender in command for command in watcher.commands), watcher.commands[:5]
