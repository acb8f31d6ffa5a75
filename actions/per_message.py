"""A reading of the customer's latest message, computed once per tracker.

Why: rasa-sdk runs the form's steps for one message (each slot's extraction, then the
validation of what they found) on one tracker, and several steps asked the same question of
the same message ("is the number we are checking said to be a phone?", review rev3). A
reading kept here is computed on first use and handed to the later steps.
"""

import weakref
from typing import Any, Callable, Dict, Tuple, TypeVar

from rasa_sdk import Tracker

T = TypeVar("T")

# id(tracker) -> (the tracker, weakly, so an id reused later is never mistaken for it;
# its readings by function). An entry leaves with its tracker.
_READINGS: Dict[int, Tuple["weakref.ref[Tracker]", Dict[Callable[..., Any], Any]]] = {}


def per_message(tracker: Tracker, reading: Callable[[Tracker], T]) -> T:
    """`reading(tracker)`, computed once for this tracker's latest message.

    `reading` may depend only on the latest message and the events before it, which no step
    changes; never on slots, which the steps set as they go.
    """
    key = id(tracker)
    entry = _READINGS.get(key)
    if entry is None or entry[0]() is not tracker:
        entry = (weakref.ref(tracker, lambda _: _READINGS.pop(key, None)), {})
        _READINGS[key] = entry
    readings = entry[1]
    if reading not in readings:
        readings[reading] = reading(tracker)
    return readings[reading]
