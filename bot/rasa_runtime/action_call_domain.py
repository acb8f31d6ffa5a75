"""Send the action server the domain without its responses.

Why: the two form validations ask for the domain (`send_domain` in domain.yml), and Rasa
sends all of it with every call: 18 KB of JSON, of which 14 KB are the responses. Neither
rasa-sdk (its forms read the domain's `slots` and `forms`) nor our actions read the
responses: the texts customers see are rendered by the Rasa server's NLG from the action's
response names. Encoding them on the Rasa server and decoding them on the action server
took ≈0.5 ms each per form validation (docs/performance.md, fourth round).

Everything else in the call is Rasa's: the same tracker, action name, version, and the
domain's other keys (the same objects, not copies). Installed by
`bot.rasa_runtime.install_all()`; it refuses to install when Rasa's `_action_call_format`
no longer attaches the domain the way this was checked against.
"""

from __future__ import annotations

import inspect
from typing import Any, Callable, Dict, Tuple

from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

# the key the action server never reads
UNREAD_KEYS = frozenset({"responses"})
# the line of Rasa 3.6's `RemoteAction._action_call_format` this relies on
_STOCK_LINE = 'result["domain"] = domain.as_dict()'

_STOCK: Dict[str, Callable[..., Any]] = {}
# id(domain dict) -> (that dict, kept alive so the id stays its own; the trimmed dict)
_TRIMMED: Dict[int, Tuple[Dict[str, Any], Dict[str, Any]]] = {}


def trimmed(domain_dict: Dict[str, Any]) -> Dict[str, Any]:
    """The domain dict without the keys the action server never reads, made once per dict.

    `Domain.as_dict()` returns the same dict for the life of the domain (a new model
    brings a new one), so the trimmed copy is kept beside it.
    """
    entry = _TRIMMED.get(id(domain_dict))
    if entry is not None and entry[0] is domain_dict:
        return entry[1]
    if len(_TRIMMED) >= 4:  # old models' domains
        _TRIMMED.clear()
    kept = {key: value for key, value in domain_dict.items() if key not in UNREAD_KEYS}
    _TRIMMED[id(domain_dict)] = (domain_dict, kept)
    return kept


def action_call_format(
    self: RemoteAction, tracker: DialogueStateTracker, domain: Domain
) -> Dict[str, Any]:
    """Rasa's request body for the action server, with the domain trimmed."""
    result: Dict[str, Any] = _STOCK["format"](self, tracker, domain)
    if "domain" in result:
        result["domain"] = trimmed(result["domain"])
    return result


def is_installed() -> bool:
    """Whether action calls carry the trimmed domain."""
    return RemoteAction.__dict__.get("_action_call_format") is action_call_format


def install() -> None:
    """Trim the domain sent to the action server (idempotent)."""
    if is_installed():
        return
    stock = RemoteAction.__dict__.get("_action_call_format")
    if stock is None or _STOCK_LINE not in inspect.getsource(stock):
        raise RuntimeError("RemoteAction._action_call_format changed: re-check this patch")
    _STOCK["format"] = stock
    RemoteAction._action_call_format = action_call_format  # type: ignore[method-assign]


def uninstall() -> None:
    """Send the whole domain again (for tests)."""
    stock = _STOCK.pop("format", None)
    if stock is not None:
        RemoteAction._action_call_format = stock  # type: ignore[method-assign]
    _TRIMMED.clear()
