"""Copy Rasa's slot objects directly instead of through `copy.copy`'s generic protocol.

Why: every new tracker copies each of the domain's slots (`DialogueStateTracker.__init__`
does `copy.copy(slot)` for all of them), and the policies make a new tracker for every
prediction (`init_copy` to replay the history), the forms for every validation (`copy`),
the store for every read. Our domain has about forty slots, and `copy.copy` finds no
`__copy__` on them, so it goes through `__reduce_ex__`, `copyreg.__newobj__` and
`_reconstruct` for each: ≈4% of the Rasa server's CPU under load (docs/performance.md).

`Slot.__copy__` below does what that protocol does for these classes (they keep their
state in `__dict__` and define no `__slots__`, `__getstate__`, `__setstate__` or
`__reduce__`; checked when installing): a new object of the same class whose `__dict__`
holds the same values. Installed by `bot.rasa_runtime.install_all()`.
"""

from __future__ import annotations

from typing import Any, List, Type

import rasa.shared.utils.common
from rasa.shared.core.slots import Slot

_PROTOCOL_HOOKS = ("__slots__", "__getstate__", "__setstate__", "__reduce__", "__reduce_ex__")


def copy_slot(slot: Slot) -> Slot:
    """A shallow copy of the slot, as `copy.copy` makes it for a plain `__dict__` object."""
    copied = object.__new__(type(slot))
    copied.__dict__.update(slot.__dict__)
    return copied


def slot_classes() -> List[Type[Any]]:
    """`Slot` and every subclass defined so far."""
    return [Slot, *rasa.shared.utils.common.all_subclasses(Slot)]


def copies_as_plain_objects(cls: Type[Any]) -> bool:
    """Whether `copy.copy` copies the class by its `__dict__` alone (no hook of its own).

    An empty `__slots__` (as `abc.ABC` has) adds no state, so it does not count.
    """
    hooks = [
        name
        for klass in cls.__mro__
        if klass is not object
        for name in _PROTOCOL_HOOKS
        if name in vars(klass) and not (name == "__slots__" and not vars(klass)[name])
    ]
    return not hooks and "__copy__" not in vars(cls)


def is_installed() -> bool:
    """Whether slots are copied by `copy_slot`."""
    return vars(Slot).get("__copy__") is copy_slot


def install() -> None:
    """Give `Slot` the direct `__copy__` (idempotent)."""
    if is_installed():
        return
    unusual = [cls.__name__ for cls in slot_classes() if not copies_as_plain_objects(cls)]
    if unusual:
        raise RuntimeError(
            f"slot classes with their own copy protocol {unusual}: re-check this patch"
        )
    Slot.__copy__ = copy_slot  # type: ignore[attr-defined]


def uninstall() -> None:
    """Back to `copy.copy`'s generic protocol (for tests)."""
    if is_installed():
        del Slot.__copy__  # type: ignore[attr-defined]
