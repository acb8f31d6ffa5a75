"""Small, documented runtime fixes to the Rasa server, installed explicitly at start-up.

Each fix lives in its own module named for what it changes and has an `install()` that one
of our Rasa plug-ins calls when Rasa constructs it (never as an import side effect), so a
process that does not use our plug-ins runs stock Rasa. `install_all()` is that one call.
"""

from bot import log_privacy
from bot.rasa_runtime import (
    action_call_domain,
    action_requests,
    action_validation,
    active_loop_state,
    debug_log_copies,
    empty_domain,
    event_types,
    form_pass_ahead,
    graph_runner,
    http_keepalive,
    rule_matching,
    slot_copies,
    tracker_history,
    unique_entity_mappings,
)


def install_all() -> None:
    """Install every runtime fix (idempotent)."""
    action_call_domain.install()
    action_requests.install()
    action_validation.install()
    active_loop_state.install()
    debug_log_copies.install()
    empty_domain.install()
    event_types.install()
    form_pass_ahead.install()
    graph_runner.install()
    http_keepalive.install()
    rule_matching.install()
    slot_copies.install()
    tracker_history.install()
    unique_entity_mappings.install()
    log_privacy.install()
