"""The form's validation pass, worked out ahead in the slot mappings' call: what both sides share.

Why: during a form every customer message made the Rasa server call the action server for
the same validation action twice, once for the slot mappings (`action_extract_slots`) and
once for the form's own pass, each call a hand-over between the two processes on the shared
cores (docs/performance.md). The mappings' pass cannot go: it sets slots before the policies
predict, and the form may not be predicted at all. So the Rasa server asks for the form's
pass *ahead* (`AHEAD_KEY` in the mappings' call), the action server works out the call the
form would make if it ran next (`actions/form_pass_ahead.py`) and answers it too, and the
Rasa server uses that answer only when the form's real call has the same `call_digest`
(`bot/rasa_runtime/form_pass_ahead.py`); any difference and the real call is made as before.

The digest covers the whole call (action, conversation, tracker, domain, version) except
what neither side can know ahead: the time of the events after the customer's latest
message (slot settings, the form's own execution, Rasa's featurisation mark) and hence
`latest_event_time`. The form's validation never reads those (its transcripts read the
customer's and the bot's messages only). No Rasa imports here: the action server uses it too.
"""

from __future__ import annotations

import hashlib
from typing import Any, Dict, List, Mapping

import orjson

# in the mappings' call: which form pass to answer too; in its answer: that pass's digest, answer
AHEAD_KEY = "form_pass_ahead"
# the form's validation of a new message, after the mappings of `action_extract_slots`
MESSAGE = "message"
# the form's validation of the slots already filled, after the mappings run at its activation
ACTIVATION = "activation"

_OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS


def latest_user_index(events: List[Mapping[str, Any]]) -> int:
    """The index of the customer's latest message among `events`, -1 without one."""
    for index in range(len(events) - 1, -1, -1):
        if events[index].get("event") == "user":
            return index
    return -1


def call_digest(call: Mapping[str, Any]) -> str:
    """A digest of an action call, blind to the times of the events after the latest message.

    Both servers compute it on their own copy of the call (the Rasa server's holds numpy
    scalars, the action server's the parsed JSON: orjson writes both the same).
    """
    tracker: Dict[str, Any] = dict(call.get("tracker") or {})
    events = list(tracker.get("events") or [])
    latest = latest_user_index(events)
    tracker["events"] = events[: latest + 1] + [
        {key: value for key, value in event.items() if key != "timestamp"}
        for event in events[latest + 1 :]
    ]
    tracker["latest_event_time"] = None
    normalised = {key: value for key, value in call.items() if key != AHEAD_KEY}
    normalised["tracker"] = tracker
    return hashlib.sha256(orjson.dumps(normalised, option=_OPTIONS)).hexdigest()
