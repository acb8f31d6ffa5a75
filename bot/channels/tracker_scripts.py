"""The script a customer writes in, read from their conversation in Rasa's tracker store.

A channel's `ScriptMemory` (`bot.i18n`) asks here for a customer it does not know: after a
restart, or when another server process handled their earlier messages. The tracker store is
the one record every Rasa process shares (SQLite or PostgreSQL, whatever `endpoints.yml`
names), and the customer's messages in it are what the bot's own answers follow
(`bot.nlg`), so the channel's notices agree with them. No new table, no new service.

The store is the Rasa agent's (`app.ctx.agent.tracker_store`, as the widget channel reads
the history); the channel attaches this to its blueprint so that it finds the app it is
served by.
"""

from __future__ import annotations

import logging
from typing import Any, Optional

from sanic import Blueprint, Sanic

from bot.i18n import known_script
from bot.nlg import customer_messages

logger = logging.getLogger(__name__)


def agent_tracker_store(app: Optional[Sanic]) -> Any:
    """The tracker store of the Rasa agent `app` serves, if it serves one."""
    agent = getattr(app.ctx, "agent", None) if app is not None else None
    return getattr(agent, "tracker_store", None)


class TrackerScripts:
    """Looks customers' scripts up in the tracker store of the agent the app serves."""

    def __init__(self) -> None:
        self._app: Optional[Sanic] = None

    def attach(self, blueprint: Blueprint) -> None:
        """Read from the agent of the app that serves `blueprint`, once the server starts."""

        @blueprint.listener("before_server_start")
        async def find_the_agent(app: Sanic, _loop: Any) -> None:
            self._app = app

    async def __call__(self, sender_id: str) -> Optional[str]:
        """`hant` or `hans` from everything the customer wrote, all sessions; None if unknown.

        All sessions: a customer back after Rasa's session expired (120 minutes) has nothing
        in the new session yet, and that is when a photo or a welcome needs their script.
        """
        store = agent_tracker_store(self._app)
        if store is None:
            return None
        try:
            tracker = await store.retrieve_full_tracker(sender_id)
        except Exception:  # the store being down must not stop the message
            logger.exception("could not read the conversation of %s for its script", sender_id)
            return None
        return known_script(customer_messages(tracker)) if tracker is not None else None
