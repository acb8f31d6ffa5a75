"""The shape of the messages the shop widget receives, live and from history.

A bot turn (Rasa's `BotUttered.message()`: text, buttons, custom, image...) becomes one or
more `bot_uttered` payloads, each with an `id` and the bot event's `timestamp`:

    {"id": "b-1763890000.123-text", "timestamp": 1763890000.123,
     "text": "...", "quick_replies": [{"content_type": "text", "title": "...", "payload": "/x"}]}
    {"id": "b-...-custom", "timestamp": ..., "custom": {"type": "read_back", "fields": [...]}}
    {"id": "b-...-image", "timestamp": ..., "attachment": {"type": "image", "payload": {"src": "..."}}}

The live channel and the history replay build ids the same way from the same event, so the
widget can merge both without showing a message twice. `text`, `quick_replies` and
`attachment` keep the names of Rasa's stock socket.io channel.
"""

from __future__ import annotations

import uuid
from typing import Any, Dict, Iterable, List, Mapping

from rasa.shared.core.constants import EXTERNAL_MESSAGE_PREFIX
from rasa.shared.core.events import BotUttered, Event, UserUttered

EVIDENCE_INTENT = "/send_evidence"


def _button(button: Mapping[str, Any]) -> Dict[str, Any]:
    return {
        "content_type": "text",
        "title": str(button.get("title", "")),
        "payload": str(button.get("payload", "")),
    }


def bot_message_parts(message: Mapping[str, Any]) -> List[Dict[str, Any]]:
    """Split one bot message into the payloads the widget renders."""
    timestamp = message.get("timestamp")
    parts: List[Dict[str, Any]] = []

    def add(kind: str, payload: Dict[str, Any]) -> None:
        if timestamp is not None:
            payload["id"] = f"b-{timestamp!r}-{kind}"
            payload["timestamp"] = timestamp
        else:
            payload["id"] = f"b-{uuid.uuid4().hex}"
        agent = message.get("agent")
        if isinstance(agent, str) and agent:
            payload["agent"] = agent
        parts.append(payload)

    text = message.get("text")
    buttons = message.get("buttons") or message.get("quick_replies") or []
    if text or buttons:
        payload: Dict[str, Any] = {"text": str(text or "")}
        if buttons:
            payload["quick_replies"] = [_button(b) for b in buttons if isinstance(b, Mapping)]
        add("text", payload)
    custom = message.get("custom")
    if custom:
        if isinstance(custom, Mapping) and set(custom) == {"data"}:
            # Rasa's stock channel emits json_message as emit() arguments: {"data": ...}
            custom = custom["data"]
        add("custom", {"custom": custom})
    if message.get("image"):
        add(
            "image",
            {"attachment": {"type": "image", "payload": {"src": str(message["image"])}}},
        )
    if message.get("attachment"):
        add("attachment", {"attachment": message["attachment"]})
    for index, element in enumerate(message.get("elements") or []):
        add(
            f"elements{index}",
            {
                "attachment": {
                    "type": "template",
                    "payload": {"template_type": "generic", "elements": element},
                }
            },
        )
    return parts


def user_message_item(event: UserUttered) -> Dict[str, Any] | None:
    """A customer's message as the widget shows it, or None for internal intents."""
    metadata = event.metadata if isinstance(event.metadata, Mapping) else {}
    client_id = metadata.get("client_msg_id")
    item: Dict[str, Any] = {
        "id": f"u-{client_id}" if isinstance(client_id, str) else f"u-{event.timestamp!r}",
        "role": "user",
        "timestamp": event.timestamp,
    }
    text = event.text or ""
    display = metadata.get("display")
    evidence = metadata.get("evidence")
    if text.startswith(EVIDENCE_INTENT) or isinstance(evidence, list):
        item["evidence"] = [e for e in evidence or [] if isinstance(e, str)]
        item["text"] = str(display or "")
        return item
    if text.startswith("/") and not display:
        return None
    if text.startswith(EXTERNAL_MESSAGE_PREFIX):
        # the desk's resolve (trigger_intent) logs "EXTERNAL: ticket_resolved" as a user
        # event; the customer saw it as their own message after a reload (hand test, ux4)
        return None
    item["text"] = str(display or text)
    return item


def echo_item(text: str, metadata: Mapping[str, Any]) -> Dict[str, Any] | None:
    """A customer's message as the conversation's other open widgets show it, or None.

    The same item the history replay gives for it (same id, from `client_msg_id`), so a tab
    that receives it live and later reads history shows it once.
    """
    if not isinstance(metadata.get("client_msg_id"), str):
        return None
    return user_message_item(UserUttered(text, metadata=dict(metadata)))


def history_items(events: Iterable[Event], limit: int = 200) -> List[Dict[str, Any]]:
    """The conversation as the widget shows it, oldest first, at most `limit` items."""
    items: List[Dict[str, Any]] = []
    for event in events:
        if isinstance(event, UserUttered):
            item = user_message_item(event)
            if item is not None:
                items.append(item)
        elif isinstance(event, BotUttered):
            items.extend({**part, "role": "bot"} for part in bot_message_parts(event.message()))
    return items[-limit:] if limit else items
