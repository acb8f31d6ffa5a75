"""What a REST client has not been given yet: the lines sent to its conversation between requests.

Why: the REST channel answers each request with the bot's replies to it and nothing else. An
agent's reply, the desk's notices and the satisfaction question asked after a resolution reach
the conversation later, and Rasa hands them to the REST channel's `CollectingOutputChannel`,
which nobody reads. They are all in the tracker, so a client asks for them there
(`GET /webhooks/rest/messages`) and nothing extra has to be stored or can be lost by a restart.

A line is *pushed* when it did not answer the client's own request: it carries an agent's name
or a notice in its metadata, or it follows a message that did not come through the REST
webhook (an external intent such as `ticket_resolved`, a reminder, another channel).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Mapping

from rasa.shared.core.constants import IS_EXTERNAL
from rasa.shared.core.events import BotUttered, Event, UserUttered

REST_CHANNEL = "rest"
MAX_WAIT_SECONDS = 25
MAX_MESSAGES = 50


class BadPullRequest(ValueError):
    """A pull request the channel refuses; `error` is the code the client reads."""

    def __init__(self, error: str, message: str) -> None:
        super().__init__(message)
        self.error, self.message = error, message


@dataclass(frozen=True)
class PullQuery:
    """`sender`, the conversation; `after`, the cursor (Unix time); `wait`, seconds to hold."""

    sender: str
    after: float = 0.0
    wait: int = 0


def parse_pull_query(args: Mapping[str, str]) -> PullQuery:
    """Read `sender`, `after` and `wait` from a query string (first value of each)."""
    sender = (args.get("sender") or "").strip()
    if not sender or len(sender) > 128 or not sender.isprintable():
        raise BadPullRequest(
            "missing_sender", "'sender' (the conversation id) is required, at most 128 characters"
        )
    return PullQuery(sender, _cursor(args.get("after")), _wait(args.get("wait")))


def _cursor(raw: str | None) -> float:
    if raw in (None, ""):
        return 0.0
    try:
        after = float(raw)
    except ValueError:
        raise BadPullRequest("bad_after", "'after' must be a Unix timestamp") from None
    if not math.isfinite(after) or after < 0:
        raise BadPullRequest("bad_after", "'after' must be a Unix timestamp")
    return after


def _wait(raw: str | None) -> int:
    if raw in (None, ""):
        return 0
    if not raw.isdigit() or int(raw) > MAX_WAIT_SECONDS:
        raise BadPullRequest("bad_wait", f"'wait' must be 0 to {MAX_WAIT_SECONDS} seconds")
    return int(raw)


def _answers_a_request(message: UserUttered) -> bool:
    """Whether the bot's lines after `message` went back in that request's HTTP response."""
    external = bool((message.metadata or {}).get(IS_EXTERNAL))
    return message.input_channel == REST_CHANNEL and not external


def _is_pushed(line: BotUttered, answered: bool) -> bool:
    metadata = line.metadata or {}
    return bool(metadata.get("agent") or metadata.get("notice")) or not answered


def pushed_lines(events: Iterable[Event], after: float) -> List[BotUttered]:
    """The bot's and agents' lines after `after` that no REST response carried, oldest first."""
    answered = False
    lines: List[BotUttered] = []
    for event in events:
        if isinstance(event, UserUttered):
            answered = _answers_a_request(event)
        elif isinstance(event, BotUttered) and event.timestamp > after:
            if _is_pushed(event, answered):
                lines.append(event)
    return lines[:MAX_MESSAGES]


def as_message(line: BotUttered, recipient: str) -> Dict[str, Any]:
    """One line in the webhook's own message shape, with its time and agent, if any."""
    message: Dict[str, Any] = {"recipient_id": recipient}
    if line.text:
        message["text"] = line.text
    for key in ("buttons", "image", "attachment", "custom", "quick_replies", "elements"):
        value = (line.data or {}).get(key)
        if value:
            message[key] = value
    message["timestamp"] = line.timestamp
    agent = (line.metadata or {}).get("agent")
    if agent:
        message["agent"] = agent
    return message


def pull_body(lines: List[BotUttered], query: PullQuery) -> Dict[str, Any]:
    """The response: the messages and the cursor to send as `after` next time."""
    cursor = lines[-1].timestamp if lines else query.after
    return {"messages": [as_message(line, query.sender) for line in lines], "cursor": cursor}
