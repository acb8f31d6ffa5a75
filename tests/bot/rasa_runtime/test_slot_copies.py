"""Slots copied directly are the copies `copy.copy` makes."""

import copy
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.slots import Slot
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_runtime import slot_copies

DOMAIN = Domain.load(Path(__file__).resolve().parents[3] / "domain.yml")


@pytest.fixture
def stock_copies():
    slot_copies.uninstall()
    copies = [copy.copy(slot) for slot in DOMAIN.slots]
    slot_copies.install()
    yield copies
    slot_copies.uninstall()


def test_every_domain_slot_copies_as_copy_copy_did(stock_copies):
    assert slot_copies.is_installed()
    ours = [copy.copy(slot) for slot in DOMAIN.slots]
    assert len(ours) > 10
    for slot, stock, new in zip(DOMAIN.slots, stock_copies, ours, strict=True):
        assert type(new) is type(stock) is type(slot)
        assert vars(new) == vars(stock) and new is not slot
        assert all(vars(new)[k] is v for k, v in vars(slot).items())  # shallow, as stock


def test_a_copy_changes_alone(stock_copies):
    slot = next(s for s in DOMAIN.slots if s.name == "order_id")
    copied = copy.copy(slot)
    copied.value = "202411235567"
    assert slot.value != "202411235567"


def test_trackers_build_the_same_state_either_way():
    events = [
        UserUttered("订单 2024 1123 5567", {"intent": {"name": "complain"}}),
        SlotSet("order_id", "202411235567"),
    ]
    slot_copies.uninstall()
    stock = DialogueStateTracker.from_events("s", events, slots=DOMAIN.slots).current_state()
    slot_copies.install()
    try:
        ours = DialogueStateTracker.from_events("s", events, slots=DOMAIN.slots).current_state()
    finally:
        slot_copies.uninstall()
    stock.pop("latest_event_time"), ours.pop("latest_event_time")
    assert ours == stock and ours["slots"]["order_id"] == "202411235567"


def test_every_slot_class_copies_as_a_plain_object():
    assert all(slot_copies.copies_as_plain_objects(cls) for cls in slot_copies.slot_classes())

    class Odd(Slot):
        def __getstate__(self):
            return {}

    assert not slot_copies.copies_as_plain_objects(Odd)


def test_install_is_idempotent_and_undone():
    slot_copies.install()
    slot_copies.install()
    assert slot_copies.is_installed()
    slot_copies.uninstall()
    assert not slot_copies.is_installed()
