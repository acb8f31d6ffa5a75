"""Match rules against a conversation's states without re-checking rules already matched.

Why: `RulePolicy._get_possible_keys` walks the conversation's states from the newest back to
the first and, at every state, re-checks every rule still possible. A rule of three turns is
decided after three states (`_is_rule_applicable` says True for every older state), yet stock
keeps asking, rebuilding the rule's reversed state list each time, for every state of the
conversation: ≈5% of the Rasa server's CPU under load for a conversation of a few dozen
events (docs/performance.md), on every prediction.

`possible_keys` below asks the same question (`_is_rule_applicable`) for each rule only
while the rule still has turns to compare, and stops walking when no rule has; the set it
returns is stock's. Installed by `bot.rasa_runtime.install_all()`; refuses to install if
Rasa's method is no longer the one this was written against.
"""

from __future__ import annotations

import hashlib
import inspect
from typing import Any, Callable, Dict, List, Set

from rasa.core.policies.rule_policy import RulePolicy

# sha256 of the source of RulePolicy._get_possible_keys in Rasa 3.6.21
STOCK_SOURCE_SHA256 = "2915fd81711e194c6d667728e00bd0e51e9c1c2791a0be14c55f0ef9938f9936"
_STOCK: Dict[str, Callable[..., Set[str]]] = {}


def possible_keys(
    policy: RulePolicy, lookup: Dict[str, Any], states: List[Dict[str, Any]]
) -> Set[str]:
    """The rule keys of `lookup` that match `states` (stock's answer, fewer checks)."""
    possible = set(lookup)
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
