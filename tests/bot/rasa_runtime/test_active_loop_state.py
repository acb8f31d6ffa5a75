"""Active loops are written into tracker states exactly as `dataclasses.asdict` writes them."""

import dataclasses
from pathlib import Path

import numpy as np
import pytest
import rasa.shared.core.trackers
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActiveLoop, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker, TrackerActiveLoop

from bot.rasa_runtime import active_loop_state
from bot.rasa_runtime.active_loop_state import loop_as_dict

DOMAIN = Domain.load(Path(__file__).resolve().parents[3] / "domain.yml")
PARSE = {
    "text": "收到的杯子碎了！！订单 2024 1123 5567",
    "intent": {"name": "complain", "confidence": 0.97},
    "entities": [{"entity": "order_id", "value": "202411235567", "start": 10, "end": 24}],
    "intent_ranking": [
        {"name": "complain", "confidence": 0.97},
        {"name": "inform", "confidence": 0.02},
    ],
    "complaint_triage": {
        "category": {"code": "logistics", "confidence": 0.8, "top3": []},
        "severity": None,
    },
}


@pytest.mark.parametrize(
    "trigger",
    [
        PARSE,
        None,
        {},
        {"text": "", "entities": [[1, 2], [True, None]]},
        # not plain JSON: stock's walk copies these (numpy numbers, tuples, non-string keys)
        {"intent": {"confidence": np.float64(0.5)}},
        {"text_tokens": [(0, 2), (2, 4)]},
        {1: "a"},
    ],
)
def test_same_dict_as_dataclasses_asdict(trigger):
    loop = TrackerActiveLoop("complaint_form", False, True, trigger)
    ours = loop_as_dict(loop)
    assert ours == dataclasses.asdict(loop)
    assert type(ours["trigger_message"]) is type(dataclasses.asdict(loop)["trigger_message"])


def test_numpy_scalars_of_the_intent_classifier_are_copied_without_asdict(monkeypatch):
    """A form started by a fresh message: intent names are numpy.str_, scores numpy.float64."""
    trigger = {
        "intent": {"name": np.str_("complain"), "confidence": np.float64(0.97)},
        "intent_ranking": [{"name": np.str_("inform"), "confidence": np.float32(0.02)}],
        "flags": [np.bool_(True), np.int64(3)],
        "spans": [(0, 2), (2, ({"k": [1]},))],
    }
    loop = TrackerActiveLoop("complaint_form", False, False, trigger)
    stock = dataclasses.asdict(loop)

    def no_asdict(_obj):
        raise AssertionError("took dataclasses.asdict")

    monkeypatch.setattr(active_loop_state.dataclasses, "asdict", no_asdict)
    ours = loop_as_dict(loop)
    assert ours == stock
    intent, ranking = ours["trigger_message"]["intent"], ours["trigger_message"]["intent_ranking"]
    assert type(intent["name"]) is np.str_ and type(intent["confidence"]) is np.float64
    assert type(ranking[0]["confidence"]) is np.float32
    assert [type(v) for v in ours["trigger_message"]["flags"]] == [np.bool_, np.int64]
    assert (
        ours["trigger_message"] is not trigger
        and ours["trigger_message"]["intent"] is not (trigger["intent"])
    )


def test_the_copy_shares_nothing_mutable_with_the_loop():
    loop = TrackerActiveLoop("complaint_form", False, False, PARSE)
    ours = loop_as_dict(loop)
    ours["trigger_message"]["entities"][0]["value"] = "changed"
    ours["trigger_message"]["intent_ranking"].append({})
    assert PARSE["entities"][0]["value"] == "202411235567" and len(PARSE["intent_ranking"]) == 2


def test_other_dataclasses_go_to_dataclasses_asdict():
    @dataclasses.dataclass
    class Other:
        a: list

    assert loop_as_dict(Other([1, {"b": 2}])) == {"a": [1, {"b": 2}]}


def test_tracker_state_is_unchanged_by_the_patch():
    events = [
        UserUttered(PARSE["text"], PARSE["intent"], parse_data=PARSE),
        ActiveLoop("complaint_form"),
        SlotSet("requested_slot", "evidence_status"),
    ]
    tracker = DialogueStateTracker.from_events("s", events, slots=DOMAIN.slots)
    active_loop_state.uninstall()
    stock = tracker.current_state()
    active_loop_state.install()
    try:
        ours = tracker.current_state()
    finally:
        active_loop_state.uninstall()
    assert ours == stock and ours["active_loop"]["name"] == "complaint_form"
    assert ours["active_loop"]["trigger_message"]["intent"]["name"] == "complain"


def test_the_trackers_module_needs_nothing_else_of_dataclasses():
    assert active_loop_state.uses_only_dataclass_and_asdict(rasa.shared.core.trackers)
    assert not active_loop_state.uses_only_dataclass_and_asdict(active_loop_state)


def test_install_is_idempotent_and_undone():
    active_loop_state.install()
    active_loop_state.install()
    assert active_loop_state.is_installed()
    assert rasa.shared.core.trackers.dataclasses.dataclass is dataclasses.dataclass
    active_loop_state.uninstall()
    assert not active_loop_state.is_installed()
    assert rasa.shared.core.trackers.dataclasses is dataclasses
