"""When the Rasa server asks the form's validation ahead, and how the patch installs.

The calls themselves, against the action server's executor, are tested with the actions
(tests/actions/test_form_pass_ahead.py).
"""

from pathlib import Path

import pytest
from rasa.core.actions.action import ActionExtractSlots, RemoteAction
from rasa.core.actions.forms import FormAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_runtime import form_pass_ahead

DOMAIN = Domain.load(Path(__file__).resolve().parents[3] / "domain.yml")


def tracker(*events) -> DialogueStateTracker:  # type: ignore[no-untyped-def]
    return DialogueStateTracker.from_events("customer-1", list(events), slots=DOMAIN.slots)


def message() -> UserUttered:
    return UserUttered("没有订单号", {"name": "deny", "confidence": 0.9})


def test_a_message_to_an_active_form_asks_for_its_validation_ahead():
    conversation = tracker(ActiveLoop("complaint_form"), ActionExecuted("action_listen"), message())
    assert form_pass_ahead.ahead_to_ask(conversation) == ("validate_complaint_form", "message")


def test_no_form_or_a_form_after_another_action_asks_nothing():
    assert form_pass_ahead.ahead_to_ask(tracker(ActionExecuted("action_listen"), message())) is None
    after_another_action = tracker(
        ActiveLoop("complaint_form"), message(), ActionExecuted("utter_greet")
    )
    assert form_pass_ahead.ahead_to_ask(after_another_action) is None


def test_the_install_is_idempotent_and_undone():
    form_pass_ahead.uninstall()  # another test's server may have installed it
    stock = (RemoteAction.run, ActionExtractSlots.run, FormAction.activate)
    form_pass_ahead.install()
    form_pass_ahead.install()
    assert form_pass_ahead.is_installed()
    assert ActionExtractSlots.run is form_pass_ahead.extract_slots
    form_pass_ahead.uninstall()
    assert not form_pass_ahead.is_installed()
    assert (RemoteAction.run, ActionExtractSlots.run, FormAction.activate) == stock


def test_refuses_to_install_over_changed_rasa_code(monkeypatch):
    form_pass_ahead.uninstall()
    monkeypatch.delattr(FormAction, "activate")
    with pytest.raises(RuntimeError, match="changed"):
        form_pass_ahead.install()
    assert not form_pass_ahead.is_installed()
