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

When events were only appended, the applied events are carried on from the remembered ones
over the new events alone, by the same steps as Rasa's walk (`_apply`): Rasa's walk is a fold
over the events whose only other input is the set of loop names in the whole history, so the
fold is carried on only while the new events name no new loop; otherwise it starts again.
Within one message the rules, the form and the action calls each add a few events and ask
again, and each ask walked the whole conversation.
"""

from __future__ import annotations

import functools
import itertools
import weakref
from collections import deque
from typing import Any, Callable, Dict, FrozenSet, Iterable, List, Optional, Tuple

from rasa.shared.core.domain import Domain, State
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    Event,
    Restarted,
    SessionStarted,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

_STOCK: Dict[str, Callable[..., Any]] = {}


class _Memo:
    """What one tracker's current events gave: applied events, past states by arguments.

    `applied` covers the first `applied_upto` events (the rest were appended since), the
    history's loop names being `loop_names`.
    """

    __slots__ = (
        "ref",
        "events",
        "length",
        "last",
        "applied",
        "applied_upto",
        "loop_names",
        "states",
    )

    def __init__(self, ref: weakref.ReferenceType[DialogueStateTracker]) -> None:
        self.ref = ref
        self.events: Optional[deque] = None
        self.length = -1
        self.last: Optional[Event] = None
        self.applied: Optional[List[Event]] = None
        self.applied_upto = 0
        self.loop_names: FrozenSet[str] = frozenset()
        self.states: List[Tuple[Domain, bool, bool, Optional[Dict[str, Any]], List[State]]] = []

    def current_for(self, tracker: DialogueStateTracker) -> _Memo:
        """The memo, emptied first if the tracker's events changed since it was filled.

        The applied events are kept when the events were only appended to (the same deque,
        longer, the last remembered event still in its place): they are carried on.
        """
        events: deque = tracker.events
        last = events[-1] if events else None
        if events is not self.events or len(events) != self.length or last is not self.last:
            appended = (
                events is self.events
                and len(events) > self.length > 0
                and events[self.length - 1] is self.last
            )
            if not appended:
                self.applied = None
            self.events, self.length, self.last = events, len(events), last
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
    if memo.applied is not None and memo.applied_upto < memo.length:
        new_events = list(itertools.islice(self.events, memo.applied_upto, None))
        memo.applied = _carried_on(self, memo.applied, memo.loop_names, new_events)
    if memo.applied is None:
        memo.applied = list(_STOCK["applied_events"](self))
        memo.loop_names = _loop_names(self.events)
    memo.applied_upto = memo.length
    return list(memo.applied)


def _loop_names(events: Iterable[Event]) -> FrozenSet[str]:
    return frozenset(e.name for e in events if isinstance(e, ActiveLoop) and e.name)


def _carried_on(
    tracker: DialogueStateTracker,
    applied: List[Event],
    loop_names: FrozenSet[str],
    new_events: List[Event],
) -> Optional[List[Event]]:
    """`applied` with the new events walked as Rasa walks them; None if they name a new loop.

    A new loop name changes how the earlier executions of that loop are walked, so the
    walk must start again.
    """
    if not _loop_names(new_events) <= loop_names:
        return None
    carried = list(applied)
    for event in new_events:
        carried = _apply(tracker, carried, event, loop_names)
    return carried


def _apply(
    tracker: DialogueStateTracker,
    applied: List[Event],
    event: Event,
    loop_names: FrozenSet[str],
) -> List[Event]:
    """One step of `DialogueStateTracker.applied_events` (Rasa 3.6), on `applied` in place."""
    if isinstance(event, (Restarted, SessionStarted)):
        return []
    if isinstance(event, ActionReverted):
        tracker._undo_till_previous(ActionExecuted, applied)
    elif isinstance(event, UserUtteranceReverted):
        tracker._undo_till_previous(UserUttered, applied)
        tracker._undo_till_previous(ActionExecuted, applied)
    elif (
        isinstance(event, ActionExecuted)
        and event.action_name in loop_names
        and not tracker._first_loop_execution_or_unhappy_path(event.action_name, applied)
    ):
        tracker._undo_till_previous_loop_execution(event.action_name, applied)
    else:
        applied.append(event)
    return applied


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
