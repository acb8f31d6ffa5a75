"""Response generation that answers in the customer's script.

Configured in `endpoints.yml` as `nlg: {type: bot.nlg.ScriptAwareNLG}`. It renders the
domain's responses as Rasa's templated generator does and, when the customer writes
Traditional, converts the response and the bot's own values to Traditional before filling
them in (the customer's words quoted back are left as typed).
"""

import copy
import random
from typing import Any, Dict, Iterator, Optional, Tuple

from rasa.core.nlg.generator import ResponseVariationFilter
from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot import rasa_runtime
from bot.i18n import customer_script, known_script, localize
from bot.nlu.normalize import script_evidence

# Template variables holding what the customer typed: quoted back as typed, never converted.
VERBATIM = frozenset({"issue_description", "live_claim", "live_session"})
# Lines a response shows only when their value is given: template variable -> (the response
# that words the line, the value it needs). "· 主播说法：…" of a live-stream read-back, "· 商品：…"
# of an order the shop knows.
OPTIONAL_LINES = {
    "live_claim_line": ("utter_read_back_live_claim_line", "live_claim"),
    "order_goods_line": ("utter_read_back_order_goods_line", "order_goods"),
}


def customer_messages(tracker: DialogueStateTracker) -> Iterator[Tuple[str, Any]]:
    """The customer's messages as (text, metadata), newest first."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            yield event.text or "", event.metadata


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
        """Render the response in the conversation's script.

        For a Traditional conversation the response and the values the bot made (labels,
        times) are converted before they are filled in, so that the customer's own words
        quoted back (`VERBATIM`) stay exactly as typed: OpenCC would otherwise rewrite a
        Traditional "喂" into "餵" or Simplified words inside a quote.
        """
        lines = await self._optional_lines(tracker, output_channel, kwargs)
        messages = list(customer_messages(tracker))
        if known_script(messages) is None:
            neutral = self._neutral_response_for(utter_action, output_channel, tracker)
            if neutral is not None:
                filled = tracker.current_slot_values()
                return self._fill_response(copy.deepcopy(neutral), filled, **kwargs, **lines)
        script = customer_script(messages)
        if script != "hant":
            return await super().generate(utter_action, tracker, output_channel, **kwargs, **lines)
        filled_slots = tracker.current_slot_values()
        response = self._random_response_for(utter_action, output_channel, filled_slots)
        if response is None:
            return None
        template: Dict[str, Any] = localize(copy.deepcopy(response), script)
        return self._fill_response(
            template,
            _localized_values(filled_slots, script),
            **_localized_values(kwargs, script),
            **lines,  # rendered in the script already, the customer's words as typed
        )

    def _neutral_response_for(
        self, utter_action: str, output_channel: str, tracker: DialogueStateTracker
    ) -> Optional[Dict[str, Any]]:
        """A variant written in characters both scripts share, when the response has one.

        Why (dialogues_dev21, trial10): "喂", "喂喂", "你好" tell no script, and the greeting
        went out in Simplified to customers whose next message was Traditional. While nothing
        the customer wrote or their window tells the script, a variant that reads the same in
        both (`utter_greet`'s "您好😊 我在！…") is chosen when there is one.
        """
        variants = ResponseVariationFilter(self.responses).responses_for_utter_action(
            utter_action, output_channel, tracker.current_slot_values()
        )
        neutral = [variant for variant in variants if variant.get("text") and _neutral(variant)]
        return random.choice(neutral) if neutral else None

    async def _optional_lines(
        self, tracker: DialogueStateTracker, output_channel: str, values: Dict[str, Any]
    ) -> Dict[str, str]:
        """The `OPTIONAL_LINES` the caller did not give, each rendered as its own response.

        Why: the read-back of a live-stream complaint differs by the host's words alone, and
        a second copy of the whole read-back had to be kept equal to the first by hand
        (review rev3). A line is rendered like any response (in the customer's script, their
        words as typed); without its value it is empty and the response reads as before.
        """
        lines = {}
        for name, (response, needed) in OPTIONAL_LINES.items():
            if name in values:
                continue
            line = None
            if values.get(needed):
                own = {**values, **dict.fromkeys(OPTIONAL_LINES, "")}  # no lines in lines
                line = await self.generate(response, tracker, output_channel, **own)
            lines[name] = str(line["text"]) if line else ""
        return lines


def _neutral(variant: Dict[str, Any]) -> bool:
    """Whether a response variant's text and button titles read the same in both scripts."""
    words = [str(variant.get("text") or "")]
    words += [str(button.get("title") or "") for button in variant.get("buttons") or []]
    return script_evidence(" ".join(words)) == (0, 0)


def _localized_values(values: Dict[str, Any], script: str) -> Dict[str, Any]:
    """Template values in `script`, except the customer's own words."""
    return {
        name: value if name in VERBATIM else localize(value, script)
        for name, value in values.items()
    }
