"""Trackers remember applied events and past states only while their events stay the same."""

import gc
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    BotUttered,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_runtime import tracker_history

DOMAIN = Domain.load(Path(__file__).resolve().parents[3] / "domain.yml")
LISTEN = "action_listen"


def _user(text: str, intent: str) -> UserUttered:
    return UserUttered(text, {"name": intent, "confidence": 0.9})


def _form_conversation() -> list:
    """A form that runs several times (its earlier executions are undone), a reverted
    utterance and an action reverted: every branch of `applied_events`."""
    return [
        ActionExecuted(LISTEN),
        _user("杯子碎了", "complain"),
        ActionExecuted("action_start_intake"),
        BotUttered("抱歉"),
        ActionExecuted("complaint_form"),
        ActiveLoop("complaint_form"),
        SlotSet("requested_slot", "order_id"),
        ActionExecuted(LISTEN),
        _user("202411235567", "inform"),
        ActionExecuted("complaint_form"),
        SlotSet("order_id", "202411235567"),
        SlotSet("requested_slot", "remedy"),
        ActionExecuted(LISTEN),
        _user("你好", "greet"),
        UserUtteranceReverted(),
        _user("补发", "inform"),
        ActionExecuted("complaint_form"),
        SlotSet("remedy", "resend"),
        ActionExecuted("utter_ask_evidence_status"),
        ActionReverted(),
        ActiveLoop(None),
        SlotSet("requested_slot", None),
        ActionExecuted(LISTEN),
    ]


def _tracker(events: list) -> DialogueStateTracker:
    return DialogueStateTracker.from_events("s", events, slots=DOMAIN.slots)


def _stock_answers(events: list) -> tuple:
    tracker_history.uninstall()
    tracker = _tracker(events)
    return tracker.applied_events(), [
        tracker.past_states(DOMAIN, ignore_rule_only_turns=ignore, rule_only_data=rule_only)
        for ignore, rule_only in ((False, None), (True, {"slots": ["requested_slot"]}))
    ]


@pytest.fixture(autouse=True)
def _installed():
    tracker_history.install()
    yield
    tracker_history.uninstall()


@pytest.mark.parametrize("length", [0, 1, 5, 10, 15, 19, 23])
def test_same_answers_as_stock_at_every_length(length):
    events = _form_conversation()[:length]
    stock_applied, stock_states = _stock_answers(events)
    tracker_history.install()
    tracker = _tracker(events)
    for _ in range(2):  # computed, then remembered
        assert tracker.applied_events() == stock_applied
        ours = [
            tracker.past_states(DOMAIN, ignore_rule_only_turns=ignore, rule_only_data=rule_only)
            for ignore, rule_only in ((False, None), (True, {"slots": ["requested_slot"]}))
        ]
        assert ours == stock_states


def test_remembered_until_the_events_change(monkeypatch):
    events = _form_conversation()
    expected = _stock_answers(events[:13])[1][0]
    tracker_history.install()
    calls = []
    stock = tracker_history._STOCK["past_states"]
    monkeypatch.setitem(
        tracker_history._STOCK,
        "past_states",
        lambda *a, **k: calls.append(1) or stock(*a, **k),
    )
    tracker = _tracker(events[:12])
    first = tracker.past_states(DOMAIN)
    assert tracker.past_states(DOMAIN) == first and len(calls) == 1
    tracker.past_states(DOMAIN, ignore_rule_only_turns=True)  # other arguments: computed
    assert len(calls) == 2
    tracker.update(events[12])  # a new event: computed again, and equal to stock's
    assert tracker.past_states(DOMAIN) == expected
    assert len(calls) == 3


def test_a_replaced_event_list_is_noticed():
    events = _form_conversation()
    tracker = _tracker(events)
    tracker.applied_events()
    tracker.events = type(tracker.events)(events[:5])
    tracker_history_answer = tracker.applied_events()
    assert tracker_history_answer == _stock_answers(events[:5])[0]


def test_callers_get_their_own_copies():
    tracker = _tracker(_form_conversation())
    applied = tracker.applied_events()
    applied.clear()
    assert tracker.applied_events()
    states = tracker.past_states(DOMAIN)
    user_states = [state for state in states if "user" in state]
    del user_states[-1]["user"]["intent"]  # as the featurizer trims the last user input
    states.clear()
    again = tracker.past_states(DOMAIN)
    assert again == _stock_answers(_form_conversation())[1][0]


def test_a_tracker_that_is_gone_leaves_nothing_behind():
    tracker = _tracker(_form_conversation())
    tracker.past_states(DOMAIN)
    key = id(tracker)
    assert key in tracker_history._MEMOS
    del tracker
    gc.collect()
    assert key not in tracker_history._MEMOS


def test_install_is_idempotent_and_undone():
    tracker_history.install()
    assert tracker_history.is_installed()
    tracker_history.uninstall()
    assert not tracker_history.is_installed()
    assert "past_states" not in tracker_history._STOCK


def test_a_restart_in_the_history_is_applied_as_stock_does():
    events = [*_form_conversation()[:10], Restarted(), ActionExecuted(LISTEN), _user("hi", "greet")]
    stock_applied, stock_states = _stock_answers(events)
    tracker_history.install()
    tracker = _tracker(events)
    assert tracker.applied_events() == stock_applied
    assert tracker.past_states(DOMAIN) == stock_states[0]


def _late_loop_conversation() -> list:
    """A loop executed before it is ever activated by name, a session start, a restart."""
    return [
        ActionExecuted(LISTEN),
        _user("在吗", "greet"),
        ActionExecuted("complaint_form"),  # before any ActiveLoop names it
        ActionExecuted("complaint_form"),
        ActionExecuted(LISTEN),
        _user("杯子碎了", "complain"),
        ActionExecuted("complaint_form"),
        ActiveLoop("complaint_form"),  # now a loop: the executions above walk differently
        ActionExecuted("complaint_form"),
        ActionExecuted(LISTEN),
        _user("退款", "inform"),
        ActionExecuted("complaint_form"),
        ActiveLoop(None),
        ActionExecuted("action_session_start"),
        SessionStarted(),
        ActionExecuted(LISTEN),
        _user("还是我", "greet"),
        Restarted(),
        ActionExecuted(LISTEN),
    ]


@pytest.mark.parametrize("conversation", [_form_conversation, _late_loop_conversation])
def test_events_appended_one_by_one_are_walked_as_stock_walks_the_whole(conversation):
    events = conversation()
    expected = [_stock_answers(events[:n])[0] for n in range(len(events) + 1)]
    tracker_history.install()
    tracker = _tracker([])
    assert tracker.applied_events() == expected[0]
    for n, event in enumerate(events, start=1):
        tracker.update(event)
        assert tracker.applied_events() == expected[n], f"after {n} events"


def test_appended_events_are_walked_alone(monkeypatch):
    events = _form_conversation()
    tracker_history.install()
    walks = []
    stock = tracker_history._STOCK["applied_events"]
    monkeypatch.setitem(
        tracker_history._STOCK, "applied_events", lambda t: walks.append(1) or stock(t)
    )
    tracker = _tracker(events[:6])
    tracker.applied_events()
    for event in events[6:]:
        tracker.update(event)
        tracker.applied_events()
    assert walks == [1]  # one walk over the whole history, then only the new events
    tracker.update(ActiveLoop("another_form"))  # a new loop name: walked again from the start
    tracker.applied_events()
    assert walks == [1, 1]
