import time
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import dependencies

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def domain() -> Dict[str, Any]:
    return yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def isolated_dependencies(tmp_path, monkeypatch):
    """Each test gets its own SQLite ticket database and fresh cached services."""
    monkeypatch.setenv("COMPLAINTS_DATABASE_URL", f"sqlite:///{tmp_path / 'tickets.db'}")
    monkeypatch.setenv("COMPLAINTS_SETTINGS", str(tmp_path / "no-settings.yml"))
    monkeypatch.setenv("COMPLAINTS_EVIDENCE__STORAGE_DIR", str(tmp_path / "evidence"))
    # notices pushed to other conversations must never reach a Rasa server someone runs
    monkeypatch.setenv("COMPLAINTS_RASA_URL", "http://127.0.0.1:9")
    # ...and one attempt each, as before notices were retried: no worker outlives its test
    # (the retries are tested in test_incident_notices_durable.py)
    monkeypatch.setenv("COMPLAINTS_NOTICES__MAX_ATTEMPTS", "1")
    factories = (
        dependencies.settings,
        dependencies.ticket_store,
        dependencies.order_service,
        dependencies.evidence_store,
        dependencies.incident_linker,
        dependencies.presence,
        dependencies.rasa_client,
    )
    for factory in factories:
        factory.cache_clear()
    yield
    for factory in factories:
        factory.cache_clear()


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


def make_tracker(
    text: str = "",
    intent: Optional[str] = None,
    entities: Optional[List[Dict[str, Any]]] = None,
    slots: Optional[Dict[str, Any]] = None,
    history: Optional[List[Dict[str, Any]]] = None,
    sender: str = "customer-1",
    extra: Optional[Dict[str, Any]] = None,
    active_loop: Optional[str] = None,
    after_user: Optional[List[Dict[str, Any]]] = None,
) -> Tracker:
    """A real rasa-sdk tracker whose latest user event is the customer's message.

    `after_user`: events that came after it in this turn (e.g. slots set by mappings).
    """
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "entities": entities or [],
    }
    latest.update(extra or {})
    events = list(history or [])
    events.append(
        {
            "event": "user",
            "text": text,
            "timestamp": time.time(),
            "parse_data": latest,
            "input_channel": "rest",
        }
    )
    events.extend(after_user or [])
    return Tracker(
        sender_id=sender,
        slots={"awaiting_confirmation": False, **(slots or {})},
        latest_message=latest,
        events=events,
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


def responses(dispatcher: CollectingDispatcher) -> List[str]:
    return [m.get("response") for m in dispatcher.messages]


def slot_events(events: List[Dict[str, Any]]) -> Dict[str, Any]:
    """The slots an action's events set, by name."""
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


# A complete intake at its read-back (a wrong-item complaint, reship): what corrections change.
READ_BACK_FACTS: Dict[str, Any] = {
    "order_id": "202411235567",
    "order_verified": True,
    "issue_category": "wrong_or_missing_item",
    "issue_description": "马克杯收到就少了一个",
    "desired_remedy": "reship",
    "evidence_status": "none",
    "contact_status": "declined",
    "emotion": "calm",
    "intake_id": "intake-1",
    "awaiting_confirmation": True,
}


# A transit-damage intake at its read-back (reship, no evidence, no contact).
BROKEN_CUP_READ_BACK: Dict[str, Any] = {
    "order_id": "202411235567",
    "order_verified": True,
    "issue_category": "logistics",
    "issue_description": "收到的杯子碎了",
    "desired_remedy": "reship",
    "evidence_status": "none",
    "contact_status": "declined",
    "intake_id": "intake-1",
    "awaiting_confirmation": True,
}

