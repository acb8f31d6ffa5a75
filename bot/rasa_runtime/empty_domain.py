"""Answer `Domain.is_empty()` without building an empty domain on every call.

Why: the Rasa server checks `domain.is_empty()` twice for every message it parses
(`MessageProcessor._check_for_unseen_features`), and stock answers it by building a whole
new empty `Domain` (`Domain.from_dict({})`, with every default intent, action and slot) to
compare dictionaries: ≈1.5% of the server's CPU under load (docs/performance.md). The empty
domain's dictionary depends only on Rasa's code, so it is built once and the comparison is
the same as stock's. Installed by `bot.rasa_runtime.install_all()`.
"""

from __future__ import annotations

from typing import Any, Dict, Optional

from rasa.shared.core.domain import Domain

_STOCK: Dict[str, Any] = {}
_EMPTY: Dict[str, Optional[Dict[str, Any]]] = {"as_dict": None}


def is_empty(domain: Domain) -> bool:
    """Drop-in for `Domain.is_empty`: the same comparison with a remembered empty domain."""
    empty = _EMPTY["as_dict"]
    if empty is None:
        empty = _EMPTY["as_dict"] = Domain.empty().as_dict()
    return domain.as_dict() == empty


def is_installed() -> bool:
    """Whether `Domain.is_empty` is the remembering one."""
    return Domain.__dict__.get("is_empty") is is_empty


def install() -> None:
    """Make `Domain.is_empty` compare with a remembered empty domain (idempotent)."""
    if is_installed():
        return
    stock = Domain.__dict__.get("is_empty")
    if not callable(stock):
        raise RuntimeError("Domain.is_empty changed: re-check this patch")
    _STOCK["is_empty"] = stock
    Domain.is_empty = is_empty  # type: ignore[method-assign]


def uninstall() -> None:
    """Restore Rasa's own check (for tests)."""
    stock = _STOCK.pop("is_empty", None)
    if stock is not None:
        Domain.is_empty = stock  # type: ignore[method-assign]
    _EMPTY["as_dict"] = None
