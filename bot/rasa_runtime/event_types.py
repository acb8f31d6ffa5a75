"""Look up Rasa event classes by type name once, not on every event.

Why: Rasa 3.6 turns every stored or received event dict into an object with
`Event.resolve_by_type(name)`, which walks the whole class tree of `Event` (`all_subclasses`,
about thirty classes, with `inspect.isabstract` on each) until it meets the name. Each turn
deserialises the conversation's tracker and every action server's events, so this walk was
about 5% of the Rasa server's CPU under load (docs/performance.md). The answer for a name
does not change once the classes are defined, so it is remembered.

Behaviour is unchanged: a name is looked up with Rasa's own method the first time and its
class remembered only when found (unknown names, `topic` and defaults go through Rasa's
method every time, with its errors). Event classes defined later still resolve, on a miss.
Installed by `bot.rasa_runtime.install_all()`; refuses to install if the method is gone.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Optional, Type

from rasa.shared.core.events import Event

_KNOWN: Dict[str, Type[Event]] = {}
_STOCK: Dict[str, Callable[..., Optional[Type[Event]]]] = {}


def resolve_by_type(type_name: str, default: Optional[Type[Event]] = None) -> Optional[Type[Event]]:
    """Drop-in for `Event.resolve_by_type` that remembers the classes it found."""
    known = _KNOWN.get(type_name)
    if known is not None:
        return known
    found = _STOCK["resolve_by_type"](type_name, default)
    if found is not None and found.type_name == type_name:
        _KNOWN[type_name] = found
    return found


def is_installed() -> bool:
    """Whether `Event.resolve_by_type` is the remembering one."""
    current: Any = Event.__dict__.get("resolve_by_type")
    return getattr(current, "__func__", None) is resolve_by_type


def install() -> None:
    """Make `Event.resolve_by_type` remember its answers (idempotent)."""
    if is_installed():
        return
    stock: Any = Event.__dict__.get("resolve_by_type")
    if not isinstance(stock, staticmethod):
        raise RuntimeError("Event.resolve_by_type changed: re-check this patch")
    _STOCK["resolve_by_type"] = stock.__func__
    Event.resolve_by_type = staticmethod(resolve_by_type)  # type: ignore[method-assign,assignment]


def uninstall() -> None:
    """Restore Rasa's own lookup (for tests)."""
    stock = _STOCK.pop("resolve_by_type", None)
    if stock is not None:
        Event.resolve_by_type = staticmethod(stock)  # type: ignore[method-assign,assignment]
    _KNOWN.clear()
