"""Answer the form's validation pass ahead, inside the slot mappings' call (action server side).

Why: see `bot/form_pass_ahead.py`. When the Rasa server's mappings' call carries `AHEAD_KEY`,
the action server answers it as always, then builds the call Rasa 3.6's `FormAction` would
make if the form ran next (`form_pass_call`: the tracker after `action_extract_slots`, the
policies' featurisation mark, `requested_slot`, the form's execution and the slots extracted
since the message, as `FormAction.validate` assembles them), runs the same action on it
through the same executor, and adds that answer with the call's digest. Rasa uses it only
when its own call has the same digest; where this module cannot follow Rasa's steps (mapping
conditions, intents on mappings, a restart, another custom mapping action) it answers nothing
ahead, and nothing changes.

The validation reads slots, the order service and the evidence store; its one write, the
satisfaction score kept at once (`actions/resolution.py`), is the same whichever pass makes it
and made once. Worked out ahead and not used, it has changed nothing else. Installed when the
action server imports `actions`.
"""

from __future__ import annotations

import json
import logging
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Set, Tuple

import orjson
from rasa_sdk.executor import ActionExecutor

from bot.form_pass_ahead import ACTIVATION, AHEAD_KEY, MESSAGE, call_digest, latest_user_index

logger = logging.getLogger(__name__)

# Rasa's slots that `action_extract_slots` never fills (rasa.shared.core.constants)
_DEFAULT_SLOTS = frozenset(
    {
        "requested_slot",
        "session_started_metadata",
        "slot_listed_items",
        "slot_last_object",
        "slot_last_object_type",
    }
)
_ENTITY_KEYS = frozenset({"type", "entity", "role", "group"})
# the event metadata a Rasa server's tracker adds to every event it logs
_MODEL_KEYS = ("model_id", "assistant_id")
_STOCK: Dict[str, Callable[..., Any]] = {}

SlotValues = List[Tuple[str, Any]]


async def run(self: ActionExecutor, action_call: Dict[str, Any]) -> Optional[Dict[str, Any]]:
    """`ActionExecutor.run`, plus the form's pass when the call asks for it ahead."""
    if not action_call.get(AHEAD_KEY):
        return await _STOCK["run"](self, action_call)
    before = _before_the_run(action_call.get("tracker") or {})
    result = await _STOCK["run"](self, action_call)
    if isinstance(result, dict):
        ahead = await _form_pass(self, action_call, before, result)
        if ahead is not None:
            result[AHEAD_KEY] = ahead
    return result


def _before_the_run(tracker: Mapping[str, Any]) -> Dict[str, Any]:
    """The call's tracker as it arrived, kept apart from what the actions will change.

    rasa-sdk updates the slots of the tracker it is given in place, so all but the events
    is copied. The events (most of the call) are not copied one by one: nothing changes
    them, and were something to, the form's call worked out from them would not have the
    digest of Rasa's real call, and the real call would be made (`call_digest`).
    """
    kept = orjson.loads(orjson.dumps({k: v for k, v in tracker.items() if k != "events"}))
    kept["events"] = list(tracker.get("events") or [])
    return kept


async def _form_pass(
    executor: ActionExecutor,
    action_call: Mapping[str, Any],
    tracker: Dict[str, Any],
    result: Mapping[str, Any],
) -> Optional[Dict[str, Any]]:
    """The form's call worked out from the mappings' call and answer, with its answer."""
    events = result.get("events") or []
    if any(event.get("event") == "action_execution_rejected" for event in events):
        return None  # a request for a person, a cancel: the form gives way to the rules
    call = form_pass_call(action_call, tracker, events)
    if call is None:
        return None
    digest = call_digest(call)
    try:
        answer = await _STOCK["run"](executor, call)
    except Exception as error:  # a rejection or a fault: the real call will meet it again
        logger.debug("form pass not answered ahead: %s", error)
        return None
    return {"digest": digest, "answer": answer}


def form_pass_call(
    action_call: Mapping[str, Any],
    tracker: Mapping[str, Any],
    mapping_events: Iterable[Mapping[str, Any]],
) -> Optional[Dict[str, Any]]:
    """The call the form's validation would send next, or None where that cannot be told.

    `tracker` is the mappings' call's tracker as it arrived; `mapping_events` what the
    validation answered to it. `AHEAD_KEY` says which pass follows: a new message's
    (`FormAction.validate`) or the activation's (`FormAction.activate`).
    """
    kind = action_call.get(AHEAD_KEY)
    domain = action_call.get("domain") or {}
    loop = (tracker.get("active_loop") or {}).get("name")
    form = (domain.get("forms") or {}).get(loop) if loop else None
    events = list(tracker.get("events") or [])
    last = events[-1] if events else {}
    if (
        form is None
        or action_call.get("next_action") != f"validate_{loop}"
        or form.get("ignored_intents")
        or "action_validate_slot_mappings" in (domain.get("actions") or [])
        or latest_user_index(events) < 0
        or any(event.get("event") == "restart" for event in events)
        or not (
            (kind == MESSAGE and last.get("event") == "user")
            or (kind == ACTIVATION and last.get("event") == "active_loop")
        )
    ):
        return None
    required = list(form.get("required_slots") or [])
    extracted = _extracted(domain, tracker, required, f"validate_{loop}", mapping_events)
    if extracted is None:
        return None
    return _call(action_call, tracker, str(loop), required, extracted)


def _call(
    action_call: Mapping[str, Any],
    tracker: Mapping[str, Any],
    loop: str,
    required: List[str],
    extracted: SlotValues,
) -> Dict[str, Any]:
    """The form's call: the tracker's events, the extraction and the form's own, replayed.

    A new message's pass: the extracted slots carry the model's metadata (the server's
    tracker adds it), the policies' featurisation mark follows, and the form validates the
    slots set since the message. The activation's: the mappings ran on a copy without the
    model's metadata, and the form validates every required slot already filled.
    """
    list_slots = _list_slots(action_call.get("domain") or {})
    message = action_call.get(AHEAD_KEY) == MESSAGE
    events = list(tracker.get("events") or [])
    when = tracker.get("latest_event_time")
    metadata = events[latest_user_index(events)].get("metadata") or {}
    model = {k: v for k, v in metadata.items() if k in _MODEL_KEYS} if message else {}
    tail = [_slot_event(name, value, when, model) for name, value in extracted]
    if message:
        tail.append(
            {"event": "user_featurization", "timestamp": when, "use_text_for_featurization": False}
        )
    slots = dict(tracker.get("slots") or {})
    for name, value in extracted:
        slots[name] = _slot_value(name, value, list_slots)
    requested = slots.get("requested_slot")
    if message:
        wanted = set(required) | ({requested} if requested else set())
        latest: Dict[str, Any] = {}  # in the order first set, at the value set last
        for name, value in extracted:
            if name in wanted:
                latest[name] = value
        to_validate = list(latest.items())
    else:
        to_validate = [(name, slots[name]) for name in required if slots.get(name) is not None]
    tail += [
        _slot_event("requested_slot", requested, when, {}),
        {
            "event": "action",
            "timestamp": when,
            "name": loop,
            "policy": None,
            "confidence": None,
            "action_text": None,
            "hide_rule_turn": False,
        },
    ]
    tail += [_slot_event(name, value, when, {}) for name, value in to_validate]
    for name, value in to_validate:
        slots[name] = _slot_value(name, value, list_slots)
    state = {
        "sender_id": tracker.get("sender_id"),
        "slots": slots,
        "latest_message": tracker.get("latest_message"),
        "latest_event_time": when,
        "followup_action": None,
        "paused": tracker.get("paused"),
        "events": events + tail,
        "latest_input_channel": tracker.get("latest_input_channel"),
        "active_loop": {
            **(tracker.get("active_loop") or {}),
            "is_interrupted": False,
            "rejected": False,
        },
        "latest_action": {"action_name": loop},
        "latest_action_name": loop,
    }
    call = {key: value for key, value in action_call.items() if key != AHEAD_KEY}
    call["tracker"] = state
    return call


def _slot_event(name: str, value: Any, when: Any, metadata: Dict[str, Any]) -> Dict[str, Any]:
    """A `SlotSet` as Rasa writes it (`metadata` only when there is some)."""
    event: Dict[str, Any] = {"event": "slot", "timestamp": when}
    if metadata:
        event["metadata"] = metadata
    event.update({"name": name, "value": value})
    return event


def _extracted(
    domain: Mapping[str, Any],
    tracker: Mapping[str, Any],
    required: List[str],
    action: str,
    mapping_events: Iterable[Mapping[str, Any]],
) -> Optional[SlotValues]:
    """The slots `action_extract_slots` sets, in its order (Rasa 3.6's `run`), or None."""
    from_action = [
        (e.get("name"), e.get("value")) for e in mapping_events if e.get("event") == "slot"
    ]
    message = tracker.get("latest_message") or {}
    entities = message.get("entities") or []
    slot_values = tracker.get("slots") or {}
    requested = slot_values.get("requested_slot")
    known_entities = set(domain.get("entities") or [])
    slots = domain.get("slots") or {}
    unique = _unique_entity_mappings(slots, required)
    list_slots = _list_slots(domain)
    found: SlotValues = []
    ran: Set[str] = set()
    for name, slot in slots.items():
        if name in _DEFAULT_SLOTS:
            continue
        for mapping in slot.get("mappings") or []:
            if mapping.get("conditions") or mapping.get("intent") or mapping.get("not_intent"):
                return None
            kind = mapping.get("type")
            if kind == "from_entity":
                if set(mapping) - _ENTITY_KEYS:
                    return None
                if mapping.get("entity") not in known_entities:
                    continue
                if name != requested and name in required and _dump(mapping) not in unique:
                    continue
                values = [
                    e.get("value")
                    for e in entities
                    if e.get("entity") == mapping.get("entity")
                    and e.get("role") == mapping.get("role")
                    and e.get("group") == mapping.get("group")
                ]
                if values:
                    value = values if name in list_slots else values[-1]
                    if value is not None or slot_values.get(name) is not None:
                        found.append((name, value))
                        break
            elif kind == "custom":
                custom = mapping.get("action")
                if not custom or custom in ran:
                    continue
                if custom != action:
                    return None  # another action's answer is not known here
                found.extend(from_action)
                ran.add(custom)
            else:
                return None
    return found


def _unique_entity_mappings(slots: Mapping[str, Any], required: List[str]) -> Set[str]:
    """The form's entity mappings that fill one slot only (`FormAction`'s own rule)."""
    unique: Set[str] = set()
    repeated: Set[str] = set()
    for name in required:
        for mapping in (slots.get(name) or {}).get("mappings") or []:
            if mapping.get("type") != "from_entity":
                continue
            dumped = _dump(mapping)
            if dumped in unique:
                unique.remove(dumped)
                repeated.add(dumped)
            elif dumped not in repeated:
                unique.add(dumped)
    return unique


def _dump(mapping: Mapping[str, Any]) -> str:
    return json.dumps(mapping, sort_keys=True)


def _list_slots(domain: Mapping[str, Any]) -> Set[str]:
    return {
        name for name, slot in (domain.get("slots") or {}).items() if slot.get("type") == "list"
    }


def _slot_value(name: str, value: Any, list_slots: Set[str]) -> Any:
    """The value a slot holds once set (Rasa's list slots wrap a single value)."""
    if name in list_slots and value and not isinstance(value, list):
        return [value]
    return value


def is_installed() -> bool:
    """Whether the executor answers the form's pass ahead when asked."""
    return vars(ActionExecutor).get("run") is run


def install() -> None:
    """Let `ActionExecutor.run` answer the form's pass ahead (idempotent)."""
    if is_installed():
        return
    stock = vars(ActionExecutor).get("run")
    if stock is None:
        raise RuntimeError("ActionExecutor.run is gone: re-check this patch")
    _STOCK["run"] = stock
    ActionExecutor.run = run  # type: ignore[method-assign]


def uninstall() -> None:
    """The stock executor again (for tests)."""
    stock = _STOCK.pop("run", None)
    if stock is not None:
        ActionExecutor.run = stock  # type: ignore[method-assign]
