"""Response generation that answers in the customer's script.

Configured in `endpoints.yml` as `nlg: {type: bot.nlg.ScriptAwareNLG}`. It renders the
domain's responses as Rasa's templated generator does and, when the customer writes
Traditional, converts the response and the bot's own values to Traditional before filling
them in (the customer's words quoted back are left as typed).
"""

import copy
from typing import Any, Dict, Iterator, List, Optional, Set, Tuple

import numpy as np
from rasa.core.nlg.generator import ResponseVariationFilter
from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
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
# How far back a variant counts as said lately: about the last two turns of the bot.
RECENT_BOT_MESSAGES = 6


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
        Traditional "喂" into "餵" or Simplified words inside a quote. A variant the bot
        said lately is passed over when the response has another (`_not_said_lately`).
        """
        lines = await self._optional_lines(tracker, output_channel, kwargs)
        if utter_action not in self.responses:
            return None
        slots = tracker.current_slot_values()
        variants = ResponseVariationFilter(self.responses).responses_for_utter_action(
            utter_action, output_channel, slots
        )
        messages = list(customer_messages(tracker))
        neutral = _neutral_variants(variants) if known_script(messages) is None else []
        script = "hans" if neutral else customer_script(messages)
        rendered = [
            self._render(variant, script, slots, {**kwargs, **lines})
            for variant in neutral or variants
        ]
        return _not_said_lately(rendered, tracker)

    def _render(
        self,
        variant: Dict[str, Any],
        script: str,
        slots: Dict[str, Any],
        values: Dict[str, Any],
    ) -> Dict[str, Any]:
        """One variant filled in; for Traditional, template and bot-made values converted.

        The optional lines among `values` are rendered in the script already.
        """
        if script != "hant":
            return self._fill_response(copy.deepcopy(variant), slots, **values)
        lines = {name: values.pop(name) for name in list(values) if name in OPTIONAL_LINES}
        return self._fill_response(
            localize(copy.deepcopy(variant), script),
            _localized_values(slots, script),
            **_localized_values(values, script),
            **lines,
        )

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


def _neutral_variants(variants: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The variants written in characters both scripts share.

    Why (dialogues_dev21, trial10): "喂", "喂喂", "你好" tell no script, and the greeting
    went out in Simplified to customers whose next message was Traditional. While nothing
    the customer wrote or their window tells the script, a variant that reads the same in
    both (`utter_greet`'s "您好😊 我在！…") is chosen when there is one.
    """
    return [variant for variant in variants if variant.get("text") and _neutral(variant)]


def _not_said_lately(
    rendered: List[Dict[str, Any]], tracker: DialogueStateTracker
) -> Optional[Dict[str, Any]]:
    """A random one of the rendered variants, preferring one the bot has not said lately.

    Why (lead's hand trial, 2026-12-04): a question asked again after a correction
    mid-form ("算了不退了，换一个吧" while the photos were asked for) came back word for word,
    which reads as a machine stuck in a loop. Rasa picks variants at random; this picks
    among those whose text differs from the bot's last `RECENT_BOT_MESSAGES` messages.
    """
    if not rendered:
        return None
    said = _recently_said(tracker)
    fresh = [message for message in rendered if message.get("text") not in said]
    choices = fresh or rendered
    return choices[int(np.random.randint(len(choices)))]


def _recently_said(tracker: DialogueStateTracker) -> Set[str]:
    """The texts of the bot's last `RECENT_BOT_MESSAGES` messages."""
    said: Set[str] = set()
    for event in reversed(tracker.events):
        if len(said) >= RECENT_BOT_MESSAGES:
            break
        if isinstance(event, BotUttered) and event.text:
            said.add(event.text)
    return said


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
