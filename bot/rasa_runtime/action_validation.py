"""Validate custom-action responses with one compiled JSON-schema validator.

Why: Rasa 3.6's `RemoteAction._validate_action_result` calls `jsonschema.validate(result,
schema)` on every action-server response. That helper first checks the *schema* against the
JSON-schema meta-schema and builds a new validator, every call; with Rasa's large events
schema this was about half of the Rasa server's CPU under load (docs/performance.md). The
schema is a constant, so it is checked once and its validator reused.

The verdict for each event is also remembered by the event's JSON value (a form validation
answers every message with much the same events): the same value, the same verdict.

Behaviour is unchanged: the same schema (`RemoteAction.action_response_format_spec()`), the
same validator class `jsonschema.validate` would pick, the same error it would raise
(`best_match` over all errors) with Rasa's hint appended. Installed by
`bot.rasa_runtime.install_all()`, which our NLG (`bot.nlg.ScriptAwareNLG`) calls when Rasa
builds it at server start-up. Sharing one validator is safe because Rasa validates on its
event loop, one response at a time (the validator's `$ref` resolver keeps a scope stack).
Revisit when upgrading Rasa: the patch refuses to install if `RemoteAction` no longer has
the method it replaces.
"""

from __future__ import annotations

import copy
import logging
from functools import lru_cache
from typing import Any, Callable, Dict, Optional, Tuple

from jsonschema import exceptions, validators
from jsonschema.protocols import Validator
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

logger = logging.getLogger(__name__)

_HINT = (
    ". Failed to validate Action server response from API, "
    "make sure your response from the Action endpoint is valid. "
    "For more information about the format visit "
    f"{DOCS_BASE_URL}/custom-actions"
)

_STOCK: Dict[str, Callable[..., bool]] = {}


@lru_cache(maxsize=1)
def action_result_validator() -> Validator:
    """The compiled validator of Rasa's action-response schema, checked once."""
    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


@lru_cache(maxsize=1)
def _event_validators() -> Optional[Tuple[Validator, Dict[str, Validator]]]:
    """The schema without the events' `oneOf`, and one validator per event type.

    Rasa's events schema is a `oneOf` over 23 event types, each fixing `event` with a
    `const`; a validator must try every branch for every event (most of the remaining
    validation time). At most one branch can match an event, the one whose `const` is its
    type, so validating the event against that branch alone decides the same. Returns empty
    validators if the schema is not of that shape.
    """
    schema = RemoteAction.action_response_format_spec()
    items = schema.get("properties", {}).get("events", {}).get("items", {})
    branches = items.get("oneOf") or []
    by_type: Dict[str, Validator] = {}
    for branch in branches:
        const = branch.get("properties", {}).get("event", {}).get("const")
        if not isinstance(const, str) or const in by_type:
            return None
        by_type[const] = validators.validator_for(schema)(branch)
    if not by_type or "event" not in items.get("required", []):
        return None
    outer = copy.deepcopy(schema)
    del outer["properties"]["events"]["items"]["oneOf"]
    return validators.validator_for(schema)(outer), by_type


# the outer schema `_event_validators` leaves (Rasa 3.6's, without the events' `oneOf`)
_OUTER_SCHEMA = {
    "type": "object",
    "properties": {
        "events": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "event": {"type": "string"},
                    "timestamp": {"type": ["number", "null"]},
                    "metadata": {"type": ["object", "null"]},
                },
                "required": ["event"],
            },
        },
        "responses": {"type": "array", "items": {"type": "object"}},
    },
}


@lru_cache(maxsize=1)
def _outer_schema_known() -> bool:
    """Whether Rasa's outer schema is the one `_outer_valid` checks by hand."""
    validators = _event_validators()
    return validators is not None and validators[0].schema == _OUTER_SCHEMA


def _number(value: Any) -> bool:
    return type(value) in (int, float)  # JSON schema's number: not a bool


def _outer_event_valid(event: Any) -> bool:
    return (
        type(event) is dict
        and type(event.get("event", 0)) is str
        and (event.get("timestamp") is None or _number(event["timestamp"]))
        and (event.get("metadata") is None or type(event["metadata"]) is dict)
    )


def _outer_valid(result: Any) -> bool:
    """`_OUTER_SCHEMA`'s verdict, checked in plain Python (parsed JSON only).

    The schema is small but jsonschema walks it through its generic machinery, most of the
    validation's remaining time. Anything not of parsed JSON's types (a tuple, a subclass)
    is refused here and decided by the validator.
    """
    if type(result) is not dict:
        return False
    events = result.get("events", [])
    responses = result.get("responses", [])
    return (
        type(events) is list
        and type(responses) is list
        and all(_outer_event_valid(event) for event in events)
        and all(type(response) is dict for response in responses)
    )


# verdicts of events already checked, by their JSON value (see `_event_key`)
_VERDICTS: Dict[Any, bool] = {}
_MAX_VERDICTS = 4096
_KEY_ATOMS = (str, int, float, bool, type(None))


class _NotJson(Exception):
    """A value not parsed from JSON: its event is validated, not looked up."""


def _event_key(value: Any) -> Any:
    """A hashable key equal only for equal JSON values of the same JSON types.

    Types are part of the key (1, 1.0 and True are equal in Python but not to a JSON
    schema); dicts compare without order, as JSON objects do. Action-server responses are
    parsed JSON, so anything else (a tuple, say) is refused and validated every time.
    """
    kind = type(value)
    if kind in _KEY_ATOMS:
        return kind, value
    if kind is dict:
        if not all(type(key) is str for key in value):
            raise _NotJson
        return frozenset((key, _event_key(item)) for key, item in value.items())
    if kind is list:
        return tuple(_event_key(item) for item in value)
    raise _NotJson


def _event_valid(branch: Validator, event: Any) -> bool:
    """`branch.is_valid(event)`, remembered for events seen before.

    A form validation answers every message with events such as the requested slot's
    `SlotSet`; the same event gets the same verdict from the same schema.
    """
    try:
        key = (event["event"], _event_key(event))
    except _NotJson:
        return bool(branch.is_valid(event))
    verdict = _VERDICTS.get(key)
    if verdict is None:
        if len(_VERDICTS) >= _MAX_VERDICTS:
            _VERDICTS.clear()
        verdict = _VERDICTS[key] = bool(branch.is_valid(event))
    return verdict


def _valid_by_event_type(result: Any) -> bool:
    """Whether the response is valid, checking each event against its own type's branch."""
    validators = _event_validators()
    if validators is None:
        return False
    outer, by_type = validators
    if not (_outer_schema_known() and _outer_valid(result)) and not outer.is_valid(result):
        return False
    for event in result.get("events") or []:
        branch = by_type.get(event["event"])
        if branch is None or not _event_valid(branch, event):
            return False
    return True


def validate_action_result(result: Dict[str, Any]) -> bool:
    """True for a valid action-server response; raises jsonschema's `ValidationError` else.

    Valid responses (all but broken action servers) take the per-event-type path; anything
    it does not accept goes through the whole schema, for the error Rasa would raise.
    """
    if _valid_by_event_type(result):
        return True
    error = exceptions.best_match(action_result_validator().iter_errors(result))
    if error is None:
        return True
    error.message += _HINT
    raise error


def _cached_validate_action_result(self: RemoteAction, result: Dict[str, Any]) -> bool:
    """Drop-in for `RemoteAction._validate_action_result` (same signature and errors)."""
    return validate_action_result(result)


def is_installed() -> bool:
    """Whether `RemoteAction` validates with the cached validator."""
    return RemoteAction.__dict__.get("_validate_action_result") is _cached_validate_action_result


def install() -> None:
    """Make `RemoteAction` use the cached validator (idempotent)."""
    if is_installed():
        return
    stock = RemoteAction.__dict__.get("_validate_action_result")
    if stock is None:
        raise RuntimeError("RemoteAction._validate_action_result is gone: re-check this patch")
    action_result_validator()  # fail at start-up, not on the first action, if the schema is bad
    _event_validators()
    _outer_schema_known()
    _STOCK["_validate_action_result"] = stock
    RemoteAction._validate_action_result = _cached_validate_action_result  # type: ignore[method-assign]
    logger.info("custom-action responses are validated with a cached JSON-schema validator")


def uninstall() -> None:
    """Restore Rasa's own validation (for tests)."""
    stock = _STOCK.pop("_validate_action_result", None)
    if stock is not None:
        RemoteAction._validate_action_result = stock  # type: ignore[method-assign]
