"""Answering in the customer's script: Traditional-writing customers read Traditional.

All customer-facing text is written once, in Simplified, in `domain.yml`; the script of a
conversation is taken from the customer's own latest messages (`conversation_script`) and
the outgoing message is converted just before it leaves (see `bot.nlg`).
"""

import re
from typing import Any, Iterable, Tuple

from bot.nlu.normalize import script_evidence, to_traditional

_TRADITIONAL_LANG = re.compile(r"zh[-_](hant|tw|hk|mo)", re.IGNORECASE)
_UNTRANSLATED_KEYS = frozenset({"payload", "id", "url", "utter_action", "type", "code"})


# Characters of one script more than of the other that settle the conversation's script.
# A short reply ("确认", "對") is often typed with whatever the IME or a quick-reply offers
# and says little; a sentence says which script the customer reads.
DECISIVE_MARGIN = 3


def conversation_script(user_texts_newest_first: Iterable[str], fallback: str = "hans") -> str:
    """`hant` or `hans`, from the customer's own messages, newest first.

    The newest messages are counted until one script leads by `DECISIVE_MARGIN`
    characters: a customer who switches script in a sentence is answered in the new one at
    once, while a two-character "确认" after a Traditional conversation does not flip it.
    Without such a lead the whole conversation's majority decides; `fallback` when nothing
    the customer wrote tells the scripts apart.
    """
    traditional = simplified = 0
    for text in user_texts_newest_first:
        hant, hans = script_evidence(text or "")
        traditional += hant
        simplified += hans
        if abs(traditional - simplified) >= DECISIVE_MARGIN:
            break
    if traditional > simplified:
        return "hant"
    if simplified > traditional:
        return "hans"
    return fallback


def customer_script(messages_newest_first: Iterable[Tuple[str, Any]]) -> str:
    """The script to answer in, from the customer's (text, metadata) messages, newest first.

    Their own words decide (button payloads "/..." are not words); only when those say
    nothing does the chat window's language (`interface_script`).
    """
    messages = list(messages_newest_first)
    typed = (text for text, _ in messages if text and not text.startswith("/"))
    return conversation_script(typed, fallback="") or interface_script(m for _, m in messages)


def interface_script(user_metadata_newest_first: Iterable[Any]) -> str:
    """The script of the chat window the customer uses, from the `lang` its messages carry.

    Why: a photo or a button is no text to read a script from; a customer whose widget shows
    Traditional ("zh-Hant", "zh-TW", "zh-HK") should not get a Simplified first answer.
    """
    for metadata in user_metadata_newest_first:
        lang = metadata.get("lang") if isinstance(metadata, dict) else None
        if isinstance(lang, str) and lang:
            return "hant" if _TRADITIONAL_LANG.match(lang) else "hans"
    return "hans"


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
