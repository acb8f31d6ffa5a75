"""Take the form's validation answer from the slot mappings' call when it is the same call.

Why: see `bot/form_pass_ahead.py`. In a form, each customer message cost three calls to the
action server: the slot mappings' pass, the form's validation pass and the next question.
Here the mappings' pass (run by `MessageProcessor.run_action_extract_slots` while a form is
active and about to validate the message) asks the action server to answer the form's pass
ahead; the answer is kept for the conversation, and when the form then calls its validation,
the kept answer stands in for the call if, and only if, the call is the one the action
server answered (`call_digest`): the same action, conversation, tracker, domain and version.
Otherwise (another action ran first, the form was not predicted, an older action server) the
call is made as before. What Rasa does with the answer (schema check, responses through the
NLG, events) is its own code either way.

Installed by `bot.rasa_runtime.install_all()`; `STATS` counts what was asked, kept, used.
"""

from __future__ import annotations

import contextvars
from collections import Counter, OrderedDict
from typing import Any, Callable, Dict, Optional, Tuple

from rasa.core.actions.action import ActionExtractSlots, RemoteAction
from rasa.core.actions.forms import FormAction
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.trackers import DialogueStateTracker

from bot.form_pass_ahead import ACTIVATION, AHEAD_KEY, MESSAGE, call_digest

KEPT_CONVERSATIONS = 1024  # answers kept at most (one per conversation, used or dropped next)
STATS: Counter = Counter()
_STOCK: Dict[str, Callable[..., Any]] = {}
# while slot mappings run: (the validation action, which of its calls may follow)
_ASK_AHEAD: contextvars.ContextVar[Optional[Tuple[str, str]]] = contextvars.ContextVar(
    "form_pass_ahead", default=None
)
# while a form activates: its name
_ACTIVATING: contextvars.ContextVar[Optional[str]] = contextvars.ContextVar(
    "form_activating", default=None
)
# sender id -> (validation action, digest of the call answered, its answer)
_KEPT: OrderedDict[str, Tuple[str, str, Any]] = OrderedDict()


def ahead_to_ask(tracker: DialogueStateTracker) -> Optional[Tuple[str, str]]:
    """The form's validation action and which of its calls may follow these slot mappings.

    "activation": the mappings run by `FormAction.activate`, followed by the validation of
    the slots already filled. "message": the mappings of a new message while the form is
    active and would validate it if it ran (`FormAction._validate_if_required`: after
    `action_listen`, the form not interrupted).
    """
    loop = tracker.active_loop_name
    if not loop:
        return None
    if _ACTIVATING.get() == loop:
        return f"validate_{loop}", ACTIVATION
    if tracker.latest_action_name != ACTION_LISTEN_NAME or tracker.is_active_loop_interrupted:
        return None
    return f"validate_{loop}", MESSAGE


async def extract_slots(
    self: ActionExtractSlots,
    output_channel: Any,
    nlg: Any,
    tracker: DialogueStateTracker,
    domain: Any,
) -> Any:
    """Rasa's slot mappings' pass, asking the form's validation ahead when it may follow."""
    _KEPT.pop(tracker.sender_id, None)  # an answer kept for an earlier step is stale
    token = _ASK_AHEAD.set(ahead_to_ask(tracker))
    try:
        return await _STOCK["extract"](self, output_channel, nlg, tracker, domain)
    finally:
        _ASK_AHEAD.reset(token)


async def activate(self: FormAction, *args: Any, **kwargs: Any) -> Any:
    """`FormAction.activate`, its slot mappings' pass known as the activation's."""
    token = _ACTIVATING.set(self.name())
    try:
        return await _STOCK["activate"](self, *args, **kwargs)
    finally:
        _ACTIVATING.reset(token)


class _Endpoint:
    """The action endpoint as one `RemoteAction.run` sees it: its requests go through `send`."""

    def __init__(self, endpoint: Any, action: str, sender_id: str) -> None:
        self._endpoint = endpoint
        self._action = action
        self._sender_id = sender_id

    def __getattr__(self, name: str) -> Any:
        return getattr(self._endpoint, name)

    async def request(self, **kwargs: Any) -> Any:
        """Ask ahead in the mappings' pass; answer from what was kept in the form's pass."""
        call = kwargs.get("json")
        if not isinstance(call, dict):
            return await self._endpoint.request(**kwargs)
        ask = _ASK_AHEAD.get()
        if ask is not None and ask[0] == self._action:
            return await self._ask_ahead(call, kwargs, ask[1])
        kept = _KEPT.pop(self._sender_id, None)
        if kept is not None and kept[0] == self._action:
            if kept[1] == call_digest(call):
                STATS["used"] += 1
                return kept[2]
            STATS["differed"] += 1
        return await self._endpoint.request(**kwargs)

    async def _ask_ahead(self, call: Dict[str, Any], kwargs: Dict[str, Any], kind: str) -> Any:
        STATS["asked"] += 1
        answer = await self._endpoint.request(**{**kwargs, "json": {**call, AHEAD_KEY: kind}})
        ahead = answer.pop(AHEAD_KEY, None) if isinstance(answer, dict) else None
        if isinstance(ahead, dict) and isinstance(ahead.get("digest"), str):
            STATS["kept"] += 1
            _KEPT[self._sender_id] = (self._action, ahead["digest"], ahead.get("answer"))
            while len(_KEPT) > KEPT_CONVERSATIONS:
                _KEPT.popitem(last=False)
        return answer


async def remote_run(
    self: RemoteAction,
    output_channel: Any,
    nlg: Any,
    tracker: DialogueStateTracker,
    domain: Any,
) -> Any:
    """`RemoteAction.run`, its request going through `_Endpoint` when ahead answers apply."""
    name = self.name()
    ask = _ASK_AHEAD.get()
    if self.action_endpoint is None or (
        (ask is None or ask[0] != name) and tracker.sender_id not in _KEPT
    ):
        return await _STOCK["run"](self, output_channel, nlg, tracker, domain)
    endpoint = self.action_endpoint
    self.action_endpoint = _Endpoint(endpoint, name, tracker.sender_id)  # type: ignore[assignment]
    try:
        return await _STOCK["run"](self, output_channel, nlg, tracker, domain)
    finally:
        self.action_endpoint = endpoint


def is_installed() -> bool:
    """Whether the form's validation may be answered ahead."""
    return vars(RemoteAction).get("run") is remote_run


def install() -> None:
    """Answer the form's validation ahead where it is the same call (idempotent)."""
    if is_installed():
        return
    stock = {
        "run": vars(RemoteAction).get("run"),
        "extract": vars(ActionExtractSlots).get("run"),
        "activate": vars(FormAction).get("activate"),
    }
    if None in stock.values():
        raise RuntimeError("RemoteAction, ActionExtractSlots or FormAction changed: re-check")
    _STOCK.update(stock)
    RemoteAction.run = remote_run  # type: ignore[method-assign]
    ActionExtractSlots.run = extract_slots  # type: ignore[method-assign]
    FormAction.activate = activate  # type: ignore[method-assign]


def uninstall() -> None:
    """Every validation called again (for tests)."""
    if "run" in _STOCK:
        RemoteAction.run = _STOCK.pop("run")  # type: ignore[method-assign]
        ActionExtractSlots.run = _STOCK.pop("extract")  # type: ignore[method-assign]
        FormAction.activate = _STOCK.pop("activate")  # type: ignore[method-assign]
    _KEPT.clear()
