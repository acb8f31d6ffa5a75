"""The remembering event-class lookup answers exactly as Rasa's."""

import pytest
import rasa.shared.utils.common
from rasa.shared.core import events
from rasa.shared.core.events import Event, SlotSet, UserUttered

from bot.rasa_runtime import event_types

TYPE_NAMES = sorted({cls.type_name for cls in rasa.shared.utils.common.all_subclasses(Event)})


@pytest.fixture
def stock_answers():
    event_types.uninstall()
    answers = {name: Event.resolve_by_type(name) for name in TYPE_NAMES}
    event_types.install()
    yield answers
    event_types.uninstall()


def test_every_event_type_resolves_as_rasa_does(stock_answers):
    assert event_types.is_installed()
    for _ in range(2):  # first lookup and remembered one
        assert {name: Event.resolve_by_type(name) for name in TYPE_NAMES} == stock_answers


def test_unknown_names_topic_and_defaults_as_rasa(stock_answers):
    with pytest.raises(ValueError, match="Unknown event name"):
        Event.resolve_by_type("no_such_event")
    assert Event.resolve_by_type("topic") is None
    assert Event.resolve_by_type("no_such_event", SlotSet) is SlotSet
    with pytest.raises(ValueError):
        Event.resolve_by_type("no_such_event")  # a default is never remembered


def test_events_deserialise_through_the_patch(stock_answers):
    event = Event.from_parameters(
        {"event": "user", "text": "订单 2024 1123 5567", "parse_data": {"intent": {}}}
    )
    assert isinstance(event, UserUttered)
    assert events.deserialise_events([{"event": "slot", "name": "a", "value": 1}]) == [
        SlotSet("a", 1)
    ]


def test_install_is_idempotent_and_undone():
    event_types.install()
    event_types.install()
    assert event_types.is_installed()
    event_types.uninstall()
    assert not event_types.is_installed()
