"""Response generation that answers in the customer's script.

Configured in `endpoints.yml` as `nlg: {type: bot.nlg.ScriptAwareNLG}`. It renders the
domain's responses exactly as Rasa's templated generator does, then converts the rendered
message to Traditional when the customer writes Traditional.
"""

from typing import Any, Dict, Iterator, Optional

from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot import rasa_runtime
from bot.i18n import conversation_script, interface_script, localize


def user_texts_newest_first(tracker: DialogueStateTracker) -> Iterator[str]:
    """The customer's messages, newest first (button payloads skipped)."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered) and event.text and not event.text.startswith("/"):
            yield event.text


def _user_metadata(tracker: DialogueStateTracker) -> Iterator[Any]:
    """The metadata of the customer's messages, newest first."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            yield event.metadata


class ScriptAwareNLG(TemplatedNaturalLanguageGenerator):
    """Rasa's templated NLG plus conversion to the conversation's script."""

    def __init__(self, endpoint_config: Optional[EndpointConfig], domain: Domain) -> None:
        # Rasa builds the NLG once when it loads the agent: the moment to install our
        # runtime fixes to the server (bot/rasa_runtime), explicitly rather than on import.
        rasa_runtime.install_all()
        super().__init__(domain.responses)

    async def generate(
        self,
        utter_action: str,
        tracker: DialogueStateTracker,
        output_channel: str,
        **kwargs: Any,
    ) -> Optional[Dict[str, Any]]:
        """Render the response, then localise it."""
        message = await super().generate(utter_action, tracker, output_channel, **kwargs)
        if message is None:
            return None
        script = conversation_script(
            user_texts_newest_first(tracker), fallback=interface_script(_user_metadata(tracker))
        )
        localized: Dict[str, Any] = localize(message, script)
        return localized
