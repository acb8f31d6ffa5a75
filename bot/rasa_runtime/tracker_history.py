"""Remember a tracker's applied events and past states until its events change.

Why: both are worked out from the whole conversation and asked for several times while the
events stay the same. Every prediction builds the past states for each policy, RulePolicy
twice after a user message (with and without the text; the two differ
only in the last state, which the featurizer trims afterwards on its own copy), and each build
replays the conversation from `applied_events()`, itself a walk over every event with several
`isinstance` checks against Rasa's abstract event classes (`ABCMeta.__instancecheck__`). The
form, the rules and the action calls ask for `applied_events()` again in between. Under load
this walking was ≈10 % of the Rasa server's CPU per message (docs/performance.md, fifth round).

Both answers depend only on the tracker's events (and on the slot definitions and settings it
was made with, which do not change), so they are kept per tracker and used while the events
are the same deque with the same length and the same last event; Rasa only ever appends to it
or replaces it. Callers get their own copies, as from stock: `applied_events()` a new list,
`past_states()` new state dicts (the featurizer deletes keys from them). The past states are
also keyed by the domain, `omit_unset_slots`, `ignore_rule_only_turns` and `rule_only_data`.
Kept in a table keyed by the tracker's id with a weak reference, so trackers are not changed,
copied or pickled differently. Installed by `bot.rasa_runtime.install_all()`.
"""

from __future__ import annotations

import functools
import weakref
from collections import deque
from typing import Any, Callable, Dict, List, Optional, Tuple

from rasa.shared.core.domain import Domain, State
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker

_STOCK: Dict[str, Callable[..., Any]] = {}


class _Memo:
    """What one tracker's current events gave: applied events, past states by arguments."""

    __slots__ = ("ref", "events", "length", "last", "applied", "states")

    def __init__(self, ref: weakref.ReferenceType[DialogueStateTracker]) -> None:
        self.ref = ref
        self.events: Optional[deque] = None
        self.length = -1
        self.last: Optional[Event] = None
        self.applied: Optional[List[Event]] = None
        self.states: List[Tuple[Domain, bool, bool, Optional[Dict[str, Any]], List[State]]] = []

    def current_for(self, tracker: DialogueStateTracker) -> _Memo:
        """The memo, emptied first if the tracker's events changed since it was filled."""
        events: deque = tracker.events
        last = events[-1] if events else None
        if events is not self.events or len(events) != self.length or last is not self.last:
            self.events, self.length, self.last = events, len(events), last
            self.applied = None
            self.states = []
        return self


_MEMOS: Dict[int, _Memo] = {}


def _forget(ref: Any, key: int) -> None:
    """The tracker is gone: drop its memo (unless the id already names a newer tracker's)."""
    memo = _MEMOS.get(key)
    if memo is not None and memo.ref is ref:
        del _MEMOS[key]


def _memo(tracker: DialogueStateTracker) -> _Memo:
    key = id(tracker)
    memo = _MEMOS.get(key)
    if memo is None or memo.ref() is not tracker:
        memo = _Memo(weakref.ref(tracker, functools.partial(_forget, key=key)))
        _MEMOS[key] = memo
    return memo.current_for(tracker)


def _copy_state_value(value: Any) -> Any:
    if type(value) is dict:
        return {key: _copy_state_value(item) for key, item in value.items()}
    if type(value) is list:
        return [_copy_state_value(item) for item in value]
    return value  # strings, numbers and tuples (slot values, entities): immutable


def _copy_states(states: List[State]) -> List[State]:
    return [_copy_state_value(state) for state in states]


def applied_events(self: DialogueStateTracker) -> List[Event]:
    """Drop-in for `DialogueStateTracker.applied_events` (a new list, same events)."""
    memo = _memo(self)
    if memo.applied is None:
        memo.applied = list(_STOCK["applied_events"](self))
    return list(memo.applied)


def past_states(
    self: DialogueStateTracker,
    domain: Domain,
    omit_unset_slots: bool = False,
    ignore_rule_only_turns: bool = False,
    rule_only_data: Optional[Dict[str, Any]] = None,
) -> List[State]:
    """Drop-in for `DialogueStateTracker.past_states` (new state dicts, equal to stock's)."""
    memo = _memo(self)
    for m_domain, m_omit, m_ignore, m_rule_only, m_states in memo.states:
        if (
            m_domain is domain
            and m_omit == omit_unset_slots
            and m_ignore == ignore_rule_only_turns
            and (m_rule_only is rule_only_data or m_rule_only == rule_only_data)
        ):
            return _copy_states(m_states)
    states = _STOCK["past_states"](
        self,
        domain,
        omit_unset_slots=omit_unset_slots,
        ignore_rule_only_turns=ignore_rule_only_turns,
        rule_only_data=rule_only_data,
    )
    memo.states.append(
        (domain, omit_unset_slots, ignore_rule_only_turns, rule_only_data, _copy_states(states))
    )
    return states


def is_installed() -> bool:
    """Whether trackers remember their applied events and past states."""
    return vars(DialogueStateTracker).get("past_states") is past_states


def install() -> None:
    """Make `DialogueStateTracker` remember both (idempotent)."""
    if is_installed():
        return
    for name in ("applied_events", "past_states"):
        if name not in vars(DialogueStateTracker):
            raise RuntimeError(f"DialogueStateTracker.{name} is gone: re-check this patch")
        _STOCK[name] = vars(DialogueStateTracker)[name]
    DialogueStateTracker.applied_events = applied_events  # type: ignore[method-assign]
    DialogueStateTracker.past_states = past_states  # type: ignore[method-assign]


def uninstall() -> None:
    """Restore Rasa's own methods (for tests)."""
    for name in ("applied_events", "past_states"):
        stock = _STOCK.pop(name, None)
        if stock is not None:
            setattr(DialogueStateTracker, name, stock)
    _MEMOS.clear()
