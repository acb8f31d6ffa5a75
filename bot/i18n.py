"""Answering in the customer's script: Traditional-writing customers read Traditional.

All customer-facing text is written once, in Simplified, in `domain.yml`; the script of a
conversation is taken from the customer's own latest messages (`conversation_script`) and
the outgoing message is converted just before it leaves (see `bot.nlg`).
"""

import re
from collections import OrderedDict
from typing import Any, Awaitable, Callable, Iterable, Optional, Tuple

from bot.nlu.normalize import detect_script, script_evidence, to_simplified, to_traditional

_TRADITIONAL_LANG = re.compile(r"zh[-_](hant|tw|hk|mo)", re.IGNORECASE)
_UNTRANSLATED_KEYS = frozenset({"payload", "id", "url", "utter_action", "type", "code"})


def conversation_script(user_texts_newest_first: Iterable[str], fallback: str = "hans") -> str:
    """`hant` or `hans`, from the customer's own messages, newest first.

    The newest message that tells the scripts apart decides, however short: the product
    rule is to answer in the script the customer writes in now, so one who switches from
    Simplified to Traditional in short answers ("沒有", "不用了 謝謝", "確認") is answered in
    Traditional at once, not after a longer message (dialogues_dev18 o045, o046). Messages
    that tell nothing ("好的", digits, emoji, a tie) leave the script as it was. Written
    Cantonese with nothing but characters both scripts share ("冇", "唔使") is no switch:
    it says Traditional only when no message has a character of either script (a
    Guangdong customer writes Cantonese in Simplified too). `fallback` when nothing the
    customer wrote tells the scripts apart.
    """
    cantonese = False
    for text in user_texts_newest_first:
        script = message_script(text or "")
        if script is not None:
            return script
        cantonese = cantonese or detect_script(text or "") == "hant"
    return "hant" if cantonese else fallback


def message_script(text: str) -> Optional[str]:
    """The script one message is written in, or None when it tells none.

    None too for written Cantonese whose characters both scripts share ("冇", "唔使"):
    `script_evidence` counts it as Traditional for want of anything else, too weak to
    switch a conversation the customer began in Simplified.
    """
    hant, hans = script_evidence(text)
    if hant == hans:
        return None
    if hans == 0 and to_simplified(text) == text:
        return None  # only written Cantonese said Traditional
    return "hant" if hant > hans else "hans"


def customer_script(messages_newest_first: Iterable[Tuple[str, Any]]) -> str:
    """The script to answer in, from the customer's (text, metadata) messages, newest first.

    Their own words decide (button payloads "/..." are not words); only when those say
    nothing does the chat window's language (`interface_script`); Simplified when neither.
    """
    return known_script(messages_newest_first) or "hans"


def known_script(messages_newest_first: Iterable[Tuple[str, Any]]) -> Optional[str]:
    """`customer_script`, or None when neither their words nor their window tell a script.

    Why: a channel remembering a customer's script (`ScriptMemory`) must tell "Simplified"
    from "not known yet", which a later message may still settle.
    """
    messages = list(messages_newest_first)
    typed = (text for text, _ in messages if text and not text.startswith("/"))
    return conversation_script(typed, fallback="") or _window_script(m for _, m in messages)


def interface_script(user_metadata_newest_first: Iterable[Any]) -> str:
    """The script of the chat window the customer uses, from the `lang` its messages carry.

    Why: a photo or a button is no text to read a script from; a customer whose widget shows
    Traditional ("zh-Hant", "zh-TW", "zh-HK") should not get a Simplified first answer.
    Simplified when no message carries a language.
    """
    return _window_script(user_metadata_newest_first) or "hans"


def _window_script(user_metadata_newest_first: Iterable[Any]) -> Optional[str]:
    """The script named by the newest `lang` in the messages' metadata, if any."""
    for metadata in user_metadata_newest_first:
        lang = metadata.get("lang") if isinstance(metadata, dict) else None
        if isinstance(lang, str) and lang:
            return "hant" if _TRADITIONAL_LANG.match(lang) else "hans"
    return None


def localize(value: Any, script: str) -> Any:
    """Convert every human-readable string in a message to the conversation's script.

    Payloads, ids and URLs are left alone: they are read by machines, not people.
    """
    if script != "hant":
        return value
    if isinstance(value, str):
        return to_traditional(value)
    if isinstance(value, list):
        return [localize(item, script) for item in value]
    if isinstance(value, dict):
        return {
            key: item if key in _UNTRANSLATED_KEYS else localize(item, script)
            for key, item in value.items()
        }
    return value


# Looks a customer's script up elsewhere (their conversation): `hant`, `hans` or None.
Recall = Callable[[str], Awaitable[Optional[str]]]


async def _recall_nothing(_sender: str) -> Optional[str]:
    return None


class ScriptMemory:
    """The script each customer writes in, for what a channel says itself.

    Why: a channel's own notices ("「x.jpg」的内容不是图片或视频", "暂时只能处理文字…") do not
    pass through the NLG that converts the bot's answers, yet a customer who writes
    Traditional must read them in Traditional. The script of what a customer writes is
    noted as it arrives and kept in memory for the `capacity` most recent customers. A
    customer not in memory (after a restart, or whose earlier messages another server
    process handled) is looked up with `recall` (their conversation in the tracker store,
    `bot.channels.tracker_scripts`) and remembered, so a customer in memory costs no
    database read. One whose script nothing tells yet is looked up again next time:
    another process may have learnt it meanwhile.
    """

    def __init__(self, recall: Recall = _recall_nothing, capacity: int = 10_000) -> None:
        self.capacity = capacity
        self._recall = recall
        self._scripts: OrderedDict[str, str] = OrderedDict()

    def note(self, sender: str, text: str) -> None:
        """Remember the script of what `sender` wrote, as `conversation_script` reads it.

        A text naming no script changes none; written Cantonese alone names one only for a
        customer whose script is not known yet.
        """
        script = message_script(text or "")
        if script is None and sender not in self._scripts:
            script = detect_script(text or "")  # written Cantonese, when nothing is known
        if script is not None:
            self._remember(sender, script)

    async def localize(self, sender: str, text: str) -> str:
        """`text` (written in Simplified) in the script `sender` writes in."""
        return localize_notice(text, await self._script(sender) or "hans")

    async def lang(self, sender: str) -> Optional[str]:
        """The script `sender` writes in as a chat-window language ("zh-Hant"), if known.

        Why: a channel that tells no language (WeCom) passes it with a photo or a button, so
        the bot's answer to a returning Traditional writer's photo is not in Simplified
        (`interface_script` reads it when the conversation has no words yet).
        """
        script = await self._script(sender)
        return {"hant": "zh-Hant", "hans": "zh-Hans"}.get(script) if script else None

    async def _script(self, sender: str) -> Optional[str]:
        known = self._scripts.get(sender)
        if known is not None:
            return known
        recalled = await self._recall(sender)
        # a message noted while the conversation was read is newer than what was read
        if recalled is not None and sender not in self._scripts:
            self._remember(sender, recalled)
        return self._scripts.get(sender)

    def _remember(self, sender: str, script: str) -> None:
        self._scripts[sender] = script
        self._scripts.move_to_end(sender)
        while len(self._scripts) > self.capacity:
            self._scripts.popitem(last=False)


_QUOTED = re.compile(r"(「[^」]*」)")


def localize_notice(text: str, script: str) -> str:
    """A notice in `script`, with what it quotes in 「」 (a file's name) kept as it is."""
    if script != "hant":
        return text
    return "".join(
        part if _QUOTED.fullmatch(part) else to_traditional(part) for part in _QUOTED.split(text)
    )
