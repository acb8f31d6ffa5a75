"""Work out a form's unique entity mappings once per domain, not once per slot mapping.

Why: before every message's slot extraction (`ActionExtractSlots.run`), Rasa asks for each
`from_entity` mapping of a form's slot whether the mapping is unique to that slot
(`_fails_unique_entity_mapping_check`). Each question builds a new `FormAction`, whose first
answer dumps the whole domain (`Domain.as_dict()`) and every form slot's mappings to JSON
(`FormAction._create_unique_entity_mappings`): 4–5 % of the Rasa server's CPU per message
(docs/performance.md). The answer depends only on the domain and the form's name, and a
served domain does not change, so it is remembered per (domain object, form). Installed by
`bot.rasa_runtime.install_all()`.
"""

from __future__ import annotations

import weakref
from typing import Any, Callable, Dict, FrozenSet, Set, Tuple

from rasa.core.actions.forms import FormAction
from rasa.shared.core.domain import Domain

_STOCK: Dict[str, Callable[[FormAction, Domain], Set[str]]] = {}
_MEMO: Dict[Tuple[int, str], Tuple[weakref.ReferenceType[Domain], FrozenSet[str]]] = {}
_MEMO_SIZE = 16


def unique_entity_mappings(form: FormAction, domain: Domain) -> Set[str]:
    """Drop-in for `FormAction._create_unique_entity_mappings`, remembered per domain."""
    key = (id(domain), form.name())
    hit = _MEMO.get(key)
    if hit is not None and hit[0]() is domain:
        return set(hit[1])
    mappings = _STOCK["_create_unique_entity_mappings"](form, domain)
    if len(_MEMO) >= _MEMO_SIZE:
        _MEMO.pop(next(iter(_MEMO)))
    _MEMO[key] = (weakref.ref(domain), frozenset(mappings))
    return set(mappings)


def is_installed() -> bool:
    """Whether `FormAction._create_unique_entity_mappings` is the remembering one."""
    return vars(FormAction).get("_create_unique_entity_mappings") is unique_entity_mappings


def install() -> None:
    """Remember forms' unique entity mappings per domain (idempotent)."""
    if is_installed():
        return
    stock: Any = vars(FormAction).get("_create_unique_entity_mappings")
    if not callable(stock):
        raise RuntimeError("FormAction._create_unique_entity_mappings changed: re-check this patch")
    _STOCK["_create_unique_entity_mappings"] = stock
    FormAction._create_unique_entity_mappings = unique_entity_mappings  # type: ignore[method-assign]


def uninstall() -> None:
    """Restore Rasa's own computation (for tests)."""
    stock = _STOCK.pop("_create_unique_entity_mappings", None)
    if stock is not None:
        FormAction._create_unique_entity_mappings = stock  # type: ignore[method-assign]
    _MEMO.clear()
