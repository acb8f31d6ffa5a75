"""Answering in the customer's script: Traditional-writing customers read Traditional.

All customer-facing text is written once, in Simplified, in `domain.yml`; the script of a
conversation is taken from the customer's own latest decisive message and the outgoing
message is converted just before it leaves (see `bot.nlg`).
"""

from typing import Any, Iterable

from bot.nlu.normalize import detect_script, to_traditional

_UNTRANSLATED_KEYS = frozenset({"payload", "id", "url", "utter_action", "type", "code"})


def conversation_script(user_texts_newest_first: Iterable[str]) -> str:
    """`hant` or `hans`: the first message with a decisive script wins; default Simplified."""
    for text in user_texts_newest_first:
        script = detect_script(text or "")
        if script:
            return script
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
