"""The cached action-response validation accepts and rejects exactly what Rasa's does."""

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain

from bot.nlg import ScriptAwareNLG
from bot.rasa_runtime import action_validation

VALID = [
    {},
    {"events": [], "responses": []},
    {
        "events": [
            {"event": "slot", "name": "order_id", "value": "202411235567", "timestamp": None},
            {"event": "active_loop", "name": "complaint_form"},
            {"event": "followup", "name": "action_read_back"},
        ],
        "responses": [{"response": "utter_ask_order_id", "buttons": []}],
    },
]

VALID += [
    {
        "events": [
            {"event": "user", "text": "订单 2024", "parse_data": {"intent": {"name": "inform"}}},
            {"event": "bot", "text": "好的"},
            {"event": "action_execution_rejected", "name": "complaint_form"},
            {"event": "slot", "name": "evidence", "value": [{"sha256": "ab"}], "timestamp": 1.5},
            {"event": "session_started", "metadata": {"live": {"room_id": "r1"}}},
        ]
    },
]

INVALID = [
    {"events": "not a list"},
    {"events": [{"name": "order_id"}]},  # no "event" type
    {"events": [{"event": "no_such_event"}]},
    {"events": [{"event": "slot", "value": 1}]},  # a slot event needs a name
    {"responses": ["a bare string"]},
    {"events": [], "responses": {"text": "not a list"}},
    ["not", "an", "object"],
    {"events": [{"event": "slot", "name": "order_id"}]},  # no value
    {"events": [{"event": "user", "parse_data": "not an object"}]},
    {"events": [{"event": "slot", "name": "a", "value": 1}, {"event": 7}]},
    {"events": [{"event": "action", "name": "x", "timestamp": "yesterday"}]},
    {"events": [{"event": "user", "parse_data": {"entities": [{"value": 1}]}}]},
]


@pytest.fixture
def installed():
    action_validation.install()
    yield RemoteAction("action_anything", None)
    action_validation.uninstall()


def stock_accepts(result) -> bool:
    try:
        jsonschema.validate(result, RemoteAction.action_response_format_spec())
        return True
    except jsonschema.ValidationError:
        return False


@pytest.mark.parametrize("result", VALID)
def test_valid_responses_pass(installed, result):
    assert stock_accepts(result)
    assert installed._validate_action_result(result) is True


@pytest.mark.parametrize("result", INVALID)
def test_invalid_responses_are_rejected_with_rasas_error(installed, result):
    assert not stock_accepts(result)
    with pytest.raises(jsonschema.ValidationError) as caught:
        installed._validate_action_result(result)
    assert "Failed to validate Action server response" in caught.value.message
    assert "/custom-actions" in caught.value.message


@pytest.mark.parametrize("result", INVALID)
def test_same_error_as_stock(result):
    """The patched method raises the error the stock one does (same message, same path)."""
    action = RemoteAction("action_anything", None)
    with pytest.raises(jsonschema.ValidationError) as stock:
        action._validate_action_result(result)
    action_validation.install()
    try:
        with pytest.raises(jsonschema.ValidationError) as cached:
            action._validate_action_result(result)
    finally:
        action_validation.uninstall()
    assert cached.value.message == stock.value.message
    assert list(cached.value.absolute_path) == list(stock.value.absolute_path)


def test_not_installed_on_import_but_by_the_nlg_at_start_up():
    action_validation.uninstall()
    assert not action_validation.is_installed()
    ScriptAwareNLG(None, Domain.empty())
    try:
        assert action_validation.is_installed()
        action_validation.install()  # idempotent
        assert action_validation.is_installed()
    finally:
        action_validation.uninstall()
    assert not action_validation.is_installed()


@pytest.mark.parametrize("result", VALID + INVALID)
def test_the_per_event_type_path_decides_as_the_whole_schema(result):
    """Checking each event against its own type's branch accepts exactly what `oneOf` does."""
    assert action_validation._valid_by_event_type(result) == stock_accepts(result)


def test_remembered_verdicts_follow_the_json_types(installed, monkeypatch):
    """An event seen before is not validated again; 1, 1.0 and True are different events."""
    action_validation._VERDICTS.clear()
    checks = []
    _, by_type = action_validation._event_validators()
    slot_branch = by_type["slot"]
    real_is_valid = type(slot_branch).is_valid
    monkeypatch.setattr(
        type(slot_branch),
        "is_valid",
        lambda self, instance, *a: checks.append(instance) or real_is_valid(self, instance, *a),
    )
    event = {"event": "slot", "name": "requested_slot", "value": "order_id", "timestamp": None}
    for _ in range(3):
        assert installed._validate_action_result({"events": [dict(event)]}) is True
    slot_checks = [c for c in checks if c == event]
    assert len(slot_checks) == 1
    for value in (1, 1.0, True, [1], {"a": 1}):
        result = {"events": [{"event": "slot", "name": "n", "value": value}]}
        assert installed._validate_action_result(result) is stock_accepts(result)
        assert installed._validate_action_result(result) is stock_accepts(result)
    # a timestamp of the wrong JSON type is refused, though equal to an accepted one in Python
    ok = {"events": [{"event": "action", "name": "x", "timestamp": 1}]}
    bad = {"events": [{"event": "action", "name": "x", "timestamp": True}]}
    assert installed._validate_action_result(ok) is stock_accepts(ok) is True
    assert not stock_accepts(bad)
    with pytest.raises(jsonschema.ValidationError):
        installed._validate_action_result(bad)


OUTER_CASES = VALID + INVALID + [
    {"events": None},
    {"responses": None},
    {"events": [{"event": "bot", "timestamp": True}]},
    {"events": [{"event": "bot", "timestamp": 3}, {"event": "bot", "timestamp": 2.5}]},
    {"events": [{"event": "bot", "metadata": []}]},
    {"events": [{"event": "bot", "metadata": None}]},
    {"events": [{"event": None}]},
    {"events": [["event", "bot"]]},
    {"events": ({"event": "bot"},)},  # a tuple: not parsed JSON, decided by the validator
    {"responses": [{"text": "好的"}, None]},
    {"other": "keys are allowed"},
    "a string",
    None,
]


@pytest.mark.parametrize("result", OUTER_CASES)
def test_the_outer_check_by_hand_never_accepts_what_the_schema_refuses(result):
    """`_outer_valid` says valid only where the outer schema does, and for all parsed JSON."""
    outer, _ = action_validation._event_validators()
    assert action_validation._outer_schema_known()
    by_hand = action_validation._outer_valid(result)
    if by_hand:
        assert outer.is_valid(result)
    elif not isinstance(result, dict) or not any(type(v) is tuple for v in result.values()):
        assert not outer.is_valid(result)
    assert action_validation._valid_by_event_type(result) == stock_accepts(result)
