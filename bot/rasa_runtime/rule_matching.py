"""Match rules against a conversation's states without re-checking rules already matched.

Why: `RulePolicy._get_possible_keys` walks the conversation's states from the newest back to
the first and, at every state, re-checks every rule still possible. A rule of three turns is
decided after three states (`_is_rule_applicable` says True for every older state), yet stock
keeps asking, rebuilding the rule's reversed state list each time, for every state of the
conversation: ≈5% of the Rasa server's CPU under load for a conversation of a few dozen
events (docs/performance.md), on every prediction.

`possible_keys` below asks the same question (`_is_rule_applicable`) for each rule only
while the rule still has turns to compare, and stops walking when no rule has; the set it
returns is stock's. At the newest state it asks only the rules that can match it: a rule
whose last state names a previous action or an intent matches only a state with the same
name (`_does_rule_match_state`), so the rules are indexed by those two names once per
lookup table (117 rules; after a user message 48 end in `action_listen`, ≈10 of them with
the message's intent). Installed by `bot.rasa_runtime.install_all()`; refuses to install if
Rasa's method is no longer the one this was written against.
"""

from __future__ import annotations

import hashlib
import inspect
import json
from typing import Any, Callable, Dict, FrozenSet, Iterable, List, Optional, Set, Tuple

from rasa.core.policies.rule_policy import RulePolicy
from rasa.shared.core.constants import PREVIOUS_ACTION, SHOULD_NOT_BE_SET, USER
from rasa.shared.nlu.constants import ACTION_NAME, INTENT

# sha256 of the source of RulePolicy._get_possible_keys in Rasa 3.6.21
STOCK_SOURCE_SHA256 = "2915fd81711e194c6d667728e00bd0e51e9c1c2791a0be14c55f0ef9938f9936"
_STOCK: Dict[str, Callable[..., Set[str]]] = {}
_ANY = ""  # index entry of rules whose last state names no previous action / no intent
_INDEX_TABLES = 8  # lookup tables indexed at once (a model has two; training builds more)

NameIndex = Dict[str, Dict[str, FrozenSet[str]]]
_INDEXES: Dict[int, Tuple[FrozenSet[str], NameIndex]] = {}


def _required_name(rule_state: Dict[str, Any], sub_state: str, key: str) -> str:
    """The value a matching state must have at `sub_state.key`, or `_ANY` if not fixed."""
    value = (rule_state.get(sub_state) or {}).get(key)
    if isinstance(value, str) and value and value != SHOULD_NOT_BE_SET:
        return value
    return _ANY


def _build_index(keys: Iterable[str]) -> NameIndex:
    """Rule keys by the previous action and intent their last state requires."""
    index: Dict[str, Dict[str, Set[str]]] = {}
    for key in keys:
        last = json.loads(key)[-1]
        action = _required_name(last, PREVIOUS_ACTION, ACTION_NAME)
        intent = _required_name(last, USER, INTENT)
        index.setdefault(action, {}).setdefault(intent, set()).add(key)
    return {a: {i: frozenset(k) for i, k in by.items()} for a, by in index.items()}


def _index_for(lookup: Dict[str, Any]) -> NameIndex:
    """The name index of a lookup table, rebuilt whenever its rules differ."""
    cached = _INDEXES.get(id(lookup))
    if cached is not None and len(cached[0]) == len(lookup) and cached[0] == lookup.keys():
        return cached[1]
    keys = frozenset(lookup)
    if len(_INDEXES) >= _INDEX_TABLES:
        _INDEXES.pop(next(iter(_INDEXES)))
    _INDEXES[id(lookup)] = (keys, _build_index(keys))
    return _INDEXES[id(lookup)][1]


def _candidates(lookup: Dict[str, Any], state: Dict[str, Any]) -> Set[str]:
    """The rules that can match `state` as their last state (a superset of those that do)."""
    index = _index_for(lookup)
    action: Optional[str] = (state.get(PREVIOUS_ACTION) or {}).get(ACTION_NAME)
    intent: Optional[str] = (state.get(USER) or {}).get(INTENT)
    found: Set[str] = set()
    for action_key in {_ANY, action}:
        by_intent = index.get(action_key) if isinstance(action_key, str) else None
        if by_intent is None:
            continue
        for intent_key in {_ANY, intent}:
            if isinstance(intent_key, str):
                found.update(by_intent.get(intent_key, ()))
    return found


def possible_keys(
    policy: RulePolicy, lookup: Dict[str, Any], states: List[Dict[str, Any]]
) -> Set[str]:
    """The rule keys of `lookup` that match `states` (stock's answer, fewer checks)."""
    if not states:
        return set(lookup)
    possible = _candidates(lookup, states[-1])
    # rules that can still fail, with how many turns they compare
    open_rules = {key: len(policy._rule_key_to_state(key)) for key in possible}
    for turn, state in enumerate(reversed(states)):
        still_open = {}
        for key, length in open_rules.items():
            if turn >= length:
                continue  # matched on all its turns: stock says applicable from here on
            if policy._is_rule_applicable(key, turn, state):
                still_open[key] = length
            else:
                possible.discard(key)
        open_rules = still_open
        if not open_rules:
            break
    return possible


def stock_source_sha256() -> str:
    """The fingerprint of Rasa's `_get_possible_keys` as installed."""
    method = _STOCK.get("_get_possible_keys", RulePolicy._get_possible_keys)
    return hashlib.sha256(inspect.getsource(method).encode()).hexdigest()


def is_installed() -> bool:
    """Whether `RulePolicy._get_possible_keys` is `possible_keys`."""
    return vars(RulePolicy).get("_get_possible_keys") is possible_keys


def install() -> None:
    """Make `RulePolicy` match rules with `possible_keys` (idempotent)."""
    if is_installed():
        return
    if stock_source_sha256() != STOCK_SOURCE_SHA256:
        raise RuntimeError("RulePolicy._get_possible_keys changed: re-check this patch")
    _STOCK["_get_possible_keys"] = vars(RulePolicy)["_get_possible_keys"]
    RulePolicy._get_possible_keys = possible_keys  # type: ignore[method-assign,assignment]


def uninstall() -> None:
    """Restore Rasa's own matching (for tests)."""
    stock = _STOCK.pop("_get_possible_keys", None)
    if stock is not None:
        RulePolicy._get_possible_keys = stock  # type: ignore[method-assign]
    _INDEXES.clear()
