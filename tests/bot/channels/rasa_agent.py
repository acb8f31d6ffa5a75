"""A Rasa agent without a model, for channel tests that need the conversation in a tracker store.

The agent is Rasa's own (`Agent`, as `rasa run` puts it in `app.ctx.agent`) with our tuned SQL
tracker store on a SQLite file or on PostgreSQL and the script-aware NLG; `AgentBot` stands in
for the policies only: it logs each message into the store as Rasa's processor does and
answers with a domain response rendered by the NLG, so its answer is in the script the real
bot would use.
"""

from __future__ import annotations

from typing import List

from rasa.core.agent import Agent
from rasa.core.channels.channel import UserMessage
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
from sanic import Sanic

from bot.nlg import ScriptAwareNLG
from bot.tracker_store import TunedSQLTrackerStore
from tests.bot import tracker_stores

DOMAIN = Domain.from_dict(
    {
        "responses": {
            "utter_evidence_received": [{"text": "收到文件，谢谢您！"}],
            "utter_ask_issue_description": [{"text": "请说说遇到了什么问题。"}],
        }
    }
)


def tracker_store_at(database_url: str) -> TunedSQLTrackerStore:
    """A new store on the test's database with this module's domain (`tests.bot.tracker_stores`)."""
    return tracker_stores.tracker_store_at(database_url, DOMAIN)


class AgentBot:
    """The channel's `on_new_message`: Rasa's agent on a real store, a stand-in for policies."""

    def __init__(self, store: TunedSQLTrackerStore) -> None:
        self.agent = Agent(
            domain=DOMAIN, generator=ScriptAwareNLG(None, DOMAIN), tracker_store=store
        )
        self.received: List[UserMessage] = []

    def serve_on(self, app: Sanic) -> Sanic:
        """Put the agent where `rasa run` does (`app.ctx.agent`)."""
        app.ctx.agent = self.agent
        return app

    async def __call__(self, message: UserMessage) -> None:
        self.received.append(message)
        store = self.agent.tracker_store
        tracker = await store.get_or_create_tracker(message.sender_id)
        tracker.update(
            UserUttered(
                message.text, metadata=message.metadata, input_channel=message.input_channel
            )
        )
        name = (
            "utter_evidence_received"
            if message.text == "/send_evidence"
            else "utter_ask_issue_description"
        )
        output = message.output_channel
        answer = await self.agent.nlg.generate(name, tracker, output.name())
        assert answer is not None
        tracker.update(BotUttered(answer["text"]))
        await store.save(tracker)
        await output.send_text_message(message.sender_id, answer["text"])

    async def session_expires(self, sender_id: str) -> None:
        """The customer comes back after Rasa's session expired: a new, empty session."""
        store = self.agent.tracker_store
        tracker = await store.get_or_create_tracker(sender_id)
        for event in (
            ActionExecuted("action_session_start"),
            SessionStarted(),
            ActionExecuted("action_listen"),
        ):
            tracker.update(event)
        await store.save(tracker)
