"""Write the active loop into a tracker's state without `dataclasses.asdict`'s generic walk.

Why: `DialogueStateTracker.current_state()` runs for every call to the action server and
turns the active loop (the form) into a dict with `dataclasses.asdict`, which deep-copies
the loop's `trigger_message`, the whole parse data of the message that started the form,
by asking of every nested value whether it is a dataclass, a namedtuple, a list, a dict or
something to `copy.deepcopy`: ≈2.4% of the Rasa server's CPU under load
(docs/performance.md).

The trigger message is JSON data (dicts with string keys, lists, strings, numbers, None, and
numpy's string and number scalars from the intent classifier, plain tuples such as spans),
so the same copy is made here by a walk that only knows those; anything else in it sends
the whole loop to `dataclasses.asdict` as before. The result is equal to stock's and shares
nothing mutable with the tracker. `rasa.shared.core.trackers` uses `dataclasses` only for
that call and its class decorator (checked when installing); it gets a stand-in whose
`asdict` is `loop_as_dict` and whose other names are the real module's. Installed by
`bot.rasa_runtime.install_all()`.
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
from typing import Any, Dict

import numpy as np
import rasa.shared.core.trackers
from rasa.shared.core.trackers import TrackerActiveLoop

_ATOMS = (str, int, float, bool, type(None))
# numpy's immutable scalars: a scikit-learn intent classifier (Rasa's and ours) names intents
# with `numpy.str_` and scores them with `numpy.float64`, so the trigger message of a form
# activated by a fresh message holds them. `asdict` deep-copies each into an equal scalar of
# the same type; being immutable, the scalar itself is as good a copy.
_NUMPY_ATOMS = (np.str_, np.bytes_, np.bool_, np.number)


class _NotJson(Exception):
    """A value the plain walk does not copy: stock's `asdict` copies the loop instead."""


def _copy_json(value: Any) -> Any:
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind is dict:
        if not all(type(key) is str for key in value):
            raise _NotJson
        return {key: _copy_json(item) for key, item in value.items()}
    if kind is list:
        return [_copy_json(item) for item in value]
    if kind is tuple:  # spans in our components' parse data; `asdict` makes a new tuple too
        return tuple(_copy_json(item) for item in value)
    if isinstance(value, _NUMPY_ATOMS):
        return value
    raise _NotJson


def loop_as_dict(obj: Any) -> Dict[str, Any]:
    """`dataclasses.asdict(obj)`, quicker for an active loop whose trigger message is JSON."""
    if type(obj) is not TrackerActiveLoop:
        return dataclasses.asdict(obj)
    try:
        trigger = _copy_json(obj.trigger_message)
    except _NotJson:
        return dataclasses.asdict(obj)
    return {
        "name": obj.name,
        "is_interrupted": obj.is_interrupted,
        "rejected": obj.rejected,
        "trigger_message": trigger,
    }


class DataclassesForTrackers:
    """Stands in for `dataclasses` in `rasa.shared.core.trackers`."""

    asdict = staticmethod(loop_as_dict)

    def __getattr__(self, name: str) -> Any:
        return getattr(dataclasses, name)


_STAND_IN = DataclassesForTrackers()


def uses_only_dataclass_and_asdict(module: Any) -> bool:
    """Whether the module names nothing of `dataclasses` but `dataclass` and `asdict`."""
    used = {
        node.attr
        for node in ast.walk(ast.parse(inspect.getsource(module)))
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "dataclasses"
    }
    return used == {"dataclass", "asdict"}


def is_installed() -> bool:
    """Whether the trackers module writes active loops with `loop_as_dict`."""
    return getattr(rasa.shared.core.trackers, "dataclasses", None) is _STAND_IN


def install() -> None:
    """Give `rasa.shared.core.trackers` the stand-in (idempotent)."""
    if is_installed():
        return
    fields = [field.name for field in dataclasses.fields(TrackerActiveLoop)]
    if fields != ["name", "is_interrupted", "rejected", "trigger_message"]:
        raise RuntimeError("TrackerActiveLoop changed: re-check this patch")
    if not uses_only_dataclass_and_asdict(rasa.shared.core.trackers):
        raise RuntimeError(
            "rasa.shared.core.trackers uses more of dataclasses: re-check this patch"
        )
    rasa.shared.core.trackers.dataclasses = _STAND_IN  # type: ignore[attr-defined]


def uninstall() -> None:
    """Give the module the real `dataclasses` back (for tests)."""
    rasa.shared.core.trackers.dataclasses = dataclasses  # type: ignore[attr-defined]
