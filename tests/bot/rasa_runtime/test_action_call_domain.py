"""Action calls carry Rasa's body with the domain's responses left out."""

from pathlib import Path

import pytest
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.rasa_runtime import action_call_domain

DOMAIN = Domain.load(Path(__file__).resolve().parents[3] / "domain.yml")


def tracker() -> DialogueStateTracker:
    tracker = DialogueStateTracker("customer-1", DOMAIN.slots)
    tracker.update(ActionExecuted("action_listen"))
    tracker.update(UserUttered("杯子碎了", {"name": "complain", "confidence": 0.9}))
    return tracker


def bodies(name: str) -> tuple:
    """(stock body, trimmed body) for one action, selective domain as in endpoints.yml."""
    endpoint = EndpointConfig("http://127.0.0.1:5055/webhook", enable_selective_domain=True)
    action = RemoteAction(name, endpoint)
    conversation = tracker()
    action_call_domain.uninstall()
    stock = action._action_call_format(conversation, DOMAIN)
    action_call_domain.install()
    try:
        return stock, action._action_call_format(conversation, DOMAIN)
    finally:
        action_call_domain.uninstall()


def test_form_validation_gets_the_domain_without_responses():
    stock, trimmed = bodies("validate_complaint_form")
    assert "responses" in stock["domain"] and "responses" not in trimmed["domain"]
    assert {k: v for k, v in stock["domain"].items() if k != "responses"} == trimmed["domain"]
    assert {k: v for k, v in stock.items() if k != "domain"} == {
        k: v for k, v in trimmed.items() if k != "domain"
    }


def test_actions_without_the_domain_get_rasas_body():
    stock, trimmed = bodies("action_start_intake")
    assert "domain" not in stock
    assert trimmed == stock


def test_the_trimmed_domain_is_made_once_per_domain():
    data = DOMAIN.as_dict()
    assert action_call_domain.trimmed(data) is action_call_domain.trimmed(data)
    other = Domain.from_dict({"intents": ["greet"]}).as_dict()
    assert action_call_domain.trimmed(other) == {k: v for k, v in other.items() if k != "responses"}


def test_install_is_idempotent_and_undone():
    action_call_domain.install()
    action_call_domain.install()
    assert action_call_domain.is_installed()
    action_call_domain.uninstall()
    assert not action_call_domain.is_installed()


def test_refuses_to_install_over_changed_rasa_code(monkeypatch):
    def changed(self, tracker, domain):  # type: ignore[no-untyped-def]
        return {"next_action": self.name()}

    action_call_domain.uninstall()
    monkeypatch.setattr(RemoteAction, "_action_call_format", changed)
    with pytest.raises(RuntimeError, match="changed"):
        action_call_domain.install()
