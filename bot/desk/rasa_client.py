"""The Rasa server's HTTP API as the desk uses it (needs `--enable-api --auth-token`).

- `pause` / `resume`: append a `pause` / `resume` event, so the bot stays silent while an
  agent owns the conversation (the processor still logs the customer's messages).
- `send_agent_message`: append a `bot` event with `metadata.agent`, sent through the
  customer's channel (`output_channel=latest&execute_side_effects=true`), in the script the
  customer writes (`script_of`), as the bot's own answers are. The tracker is then the record
  of what the agent sent: `agent_lines_of` reads it back, so a line the ticket store failed to
  keep is copied into the transcript on the next read.
  A notice the desk sends itself (`notice`, e.g. that a ticket was reopened) takes the same
  path, with events to apply before it (`before`: closing a rating question).
- `trigger_intent`: start a bot turn (e.g. `ticket_resolved` to ask for satisfaction).
- `latest_event_times`: when conversations last changed, without their events (the watcher
  reads the events of a conversation only when it changed).
- `desk_events`: the customer's events, the bot's and the agents' lines, pauses and resumes,
  the activations of forms and the slots that say which complaint the conversation is on, in
  the tracker. One read serves a whole desk action: `messages_of` gives the customer's
  messages to show and keep, `agent_lines_of` the agents' lines, `bot_lines_of` the bot's
  own, `script_of` the customer's script,
  `rating_asked` whether the bot waits for a satisfaction rating.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Any, Dict, List, Sequence
from urllib.parse import quote

import aiohttp

from bot.i18n import customer_script, localize
from bot.settings import Settings
from bot.tickets.draft import shown_text

NO_EVENTS = {"include_events": "NONE"}  # a tracker read without its events


class RasaUnavailable(RuntimeError):
    """The Rasa server could not be reached or refused the call."""


class RasaRefused(RasaUnavailable):
    """The Rasa server answered this call with an error (it is reachable)."""


@dataclass(frozen=True)
class AgentLine:
    """An agent's message as the customer was sent it, and when the tracker logged it."""

    text: str
    timestamp: float
    agent: str = ""  # who wrote it (the event's `metadata.agent`)


def _is_agent_line(event: Dict[str, Any]) -> bool:
    metadata = event.get("metadata")
    return (
        event.get("event") == "bot" and isinstance(metadata, dict) and bool(metadata.get("agent"))
    )


# The slots that say which complaint the conversation is on: a new intake sets `intake_id`,
# filing (or pointing to) a ticket sets `ticket_id`.
_COMPLAINT_SLOTS = frozenset({"intake_id", "ticket_id"})


def _is_complaint_slot(event: Dict[str, Any]) -> bool:
    return event.get("event") == "slot" and event.get("name") in _COMPLAINT_SLOTS


def _customer_events(events: Sequence[Dict[str, Any]]) -> List[Dict[str, Any]]:
    return [e for e in events if e.get("event") == "user"]


def _moves_on(slot: Dict[str, Any], ticket_id: str) -> bool:
    """Whether a slot event takes the conversation to another complaint than `ticket_id`."""
    value = slot.get("value")
    if slot.get("name") == "intake_id":
        return bool(value)  # a new intake began
    return bool(value) and value != ticket_id  # another ticket was filed or pointed to


def _is_bot_line(event: Dict[str, Any]) -> bool:
    """A line of the bot's own with text (an agent's line, or a text-less payload, is not)."""
    text = event.get("text")
    return (
        event.get("event") == "bot"
        and not _is_agent_line(event)
        and isinstance(text, str)
        and bool(text.strip())
    )


def _ticket_events(events: Sequence[Dict[str, Any]], ticket_id: str) -> List[Dict[str, Any]]:
    """The customer's events, and the bot's lines, that stay with `ticket_id`.

    Why: after a ticket is filed the customer may start another complaint in the same
    conversation ("新投诉", or a complaint about another order); the bot files those
    messages under the new intake, so the first ticket's transcript must not take them
    (hand test: the desk copied a whole second complaint into the first ticket). A turn
    belongs to the complaint the conversation is on at its end: from the turn that opened
    a new intake or named another ticket, once this one was filed, nothing is this ticket's,
    except what the customer writes while an agent holds the conversation (paused): that
    answers the agent. Without the ticket in the events (an older tracker), every message
    stays. The bot's lines of a turn (`_is_bot_line`) go with its customer message (task
    desk6: the agent must read what the bot told the customer after filing).
    """
    kept: List[Dict[str, Any]] = []
    turn: List[Dict[str, Any]] = []  # the turn being read: the customer's message, the bot's lines
    filed = moved = paused = to_agent = False
    for event in events:
        kind = event.get("event")
        if kind == "user":
            if to_agent or not moved:
                kept.extend(turn)
            turn, to_agent = [event], paused
        elif _is_bot_line(event):
            turn.append(event)
        elif kind in ("pause", "resume"):
            paused = kind == "pause"
        elif _is_complaint_slot(event):
            if event.get("name") == "ticket_id" and event.get("value") == ticket_id:
                filed = True
            elif filed and _moves_on(event, ticket_id):
                moved = True
    if to_agent or not moved:
        kept.extend(turn)
    return kept


def messages_of(
    events: Sequence[Dict[str, Any]], ticket_id: str | None = None
) -> List[Dict[str, Any]]:
    """The customer's messages: `{text, timestamp}`, oldest first.

    With `ticket_id`, only those that belong to that ticket (`_ticket_events`). A button or
    an upload is given as the customer saw it ("确认提交"), not its payload.
    """
    customer = _customer_events(_ticket_events(events, ticket_id) if ticket_id else events)
    return [
        {
            "text": str(shown_text(e.get("text"), e.get("metadata")) or ""),
            "timestamp": float(e.get("timestamp") or 0),
        }
        for e in customer
    ]


def agent_lines_of(events: Sequence[Dict[str, Any]]) -> List[AgentLine]:
    """The agents' messages in the tracker, oldest first."""
    return [
        AgentLine(
            str(e.get("text") or ""),
            float(e.get("timestamp") or 0),
            str((e.get("metadata") or {}).get("agent") or ""),
        )
        for e in events
        if _is_agent_line(e)
    ]


def bot_lines_of(events: Sequence[Dict[str, Any]], ticket_id: str) -> List[Dict[str, Any]]:
    """The bot's own lines that belong to `ticket_id`: `{text, timestamp}`, oldest first.

    Scoped to the ticket as its customer messages are (`_ticket_events`). Only the text the
    customer read: a custom payload without text (the ticket card) is left out, as the
    transcript written at filing leaves it out (`bot.intake.draft.transcript_from_events`).
    """
    return [
        {"text": str(e["text"]), "timestamp": float(e.get("timestamp") or 0)}
        for e in _ticket_events(events, ticket_id)
        if e.get("event") == "bot"
    ]


SATISFACTION_FORM = "satisfaction_form"
# What closes an open rating question (the satisfaction form and what it collected so far).
CLOSE_RATING: List[Dict[str, Any]] = [
    {"event": "active_loop", "name": None},
    {"event": "slot", "name": "requested_slot", "value": None},
    {"event": "slot", "name": "satisfaction_score", "value": None},
    {"event": "slot", "name": "satisfaction_comment", "value": None},
]


def rating_asked(events: Sequence[Dict[str, Any]]) -> bool:
    """Whether the bot's satisfaction form is open: the customer was asked to rate, no answer yet."""
    loops = [e.get("name") for e in events if e.get("event") == "active_loop"]
    return bool(loops) and loops[-1] == SATISFACTION_FORM


def script_of(events: Sequence[Dict[str, Any]]) -> str:
    """`hant` or `hans`: the script the customer writes in, decided as the bot does."""
    customer = _customer_events(events)
    return customer_script((e.get("text") or "", e.get("metadata")) for e in reversed(customer))


class RasaClient:
    """One method per call the desk makes; every call is authenticated with the token."""

    def __init__(self, url: str, token: str = "", timeout_seconds: float = 10.0) -> None:
        self._url = url.rstrip("/")
        self._token = token
        self._timeout = aiohttp.ClientTimeout(total=timeout_seconds)

    def __repr__(self) -> str:
        return f"RasaClient(url={self._url!r}, token='**********')"

    @classmethod
    def from_settings(cls, settings: Settings) -> RasaClient:
        """The Rasa server of the project settings."""
        return cls(settings.rasa_url, str(settings.rasa_token))

    def _conversation_url(self, conversation_id: str, tail: str) -> str:
        return f"{self._url}/conversations/{quote(conversation_id, safe='')}/{tail}"

    async def _request(
        self,
        method: str,
        url: str,
        params: Dict[str, str],
        body: Any = None,
        session: aiohttp.ClientSession | None = None,
    ) -> Any:
        """One call; `session`: a caller's open session (its connections are reused)."""
        if session is None:
            async with aiohttp.ClientSession(timeout=self._timeout) as own:
                return await self._request(method, url, params, body, own)
        if self._token:
            params = {**params, "token": self._token}
        try:
            async with session.request(method, url, params=params, json=body) as response:
                if response.status >= 400:
                    detail = (await response.text())[:200]
                    raise RasaRefused(f"Rasa answered {response.status}: {detail}")
                return await response.json(content_type=None)
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            raise RasaUnavailable(f"Rasa server unreachable: {error}") from error

    async def append_events(
        self, conversation_id: str, events: List[Dict[str, Any]], *, side_effects: bool = False
    ) -> Any:
        """Append events to the conversation's tracker; returns the tracker Rasa answers with."""
        params = (
            {"output_channel": "latest", "execute_side_effects": "true"} if side_effects else {}
        )
        return await self._request(
            "POST", self._conversation_url(conversation_id, "tracker/events"), params, events
        )

    async def pause(self, conversation_id: str) -> None:
        """Stop the bot in this conversation."""
        await self.append_events(conversation_id, [{"event": "pause"}])

    async def resume(self, conversation_id: str) -> None:
        """Let the bot answer again."""
        await self.append_events(conversation_id, [{"event": "resume"}])

    async def send_agent_message(
        self,
        conversation_id: str,
        text: str,
        agent: str,
        *,
        script: str | None = None,
        notice: str | None = None,
        before: Sequence[Dict[str, Any]] = (),
    ) -> AgentLine:
        """Send the agent's text to the customer on their channel, labelled with the agent.

        Why converted: a customer who writes Traditional reads the bot in Traditional
        (`bot.nlg`); the agent's lines, typed in Simplified, must not switch script midway.
        `script` is the customer's (`script_of`) when the caller has read the tracker
        already; without it the tracker is read here. Returns the line as sent, with the
        tracker's timestamp, so the transcript and the tracker name the same moment.

        `notice` names a text of the desk's own sent on the agent's behalf (kept in the
        line's metadata); `before` are events appended in the same call, ahead of the line.
        """
        if script is None:
            script = script_of(await self.desk_events(conversation_id))
        shown = str(localize(text, script))
        metadata = {"agent": agent, **({"notice": notice} if notice else {})}
        event = {"event": "bot", "text": shown, "metadata": metadata}
        tracker = await self.append_events(conversation_id, [*before, event], side_effects=True)
        logged = [line for line in agent_lines_of(_events_in(tracker)) if line.text == shown]
        return logged[-1] if logged else AgentLine(shown, time.time(), agent)

    async def send_bot_notice(
        self, conversation_id: str, text: str, notice: str, *, script: str | None = None
    ) -> AgentLine:
        """Send a notice of the bot's own (no agent) to the customer on their channel.

        Why (task wait4): the action server tells a waiting live viewer that their group
        incident hastened their ticket; it is the bot speaking, not an agent, so the line has
        no `metadata.agent` (the desk does not copy it as an agent's), only `metadata.notice`.
        Returns the line as sent, with the tracker's timestamp.
        """
        if script is None:
            script = script_of(await self.desk_events(conversation_id))
        shown = str(localize(text, script))
        event = {"event": "bot", "text": shown, "metadata": {"notice": notice}}
        tracker = await self.append_events(conversation_id, [event], side_effects=True)
        logged = [
            float(e.get("timestamp") or 0)
            for e in _events_in(tracker)
            if e.get("event") == "bot" and e.get("text") == shown
        ]
        return AgentLine(shown, logged[-1] if logged else time.time())

    async def trigger_intent(
        self, conversation_id: str, intent: str, entities: Dict[str, Any] | None = None
    ) -> None:
        """Start a bot turn as if the customer had sent `intent`."""
        await self._request(
            "POST",
            self._conversation_url(conversation_id, "trigger_intent"),
            {"output_channel": "latest"},
            {"name": intent, "entities": entities or {}},
        )

    async def latest_event_times(self, conversation_ids: Sequence[str]) -> Dict[str, float | None]:
        """When each conversation's newest event was logged (None: no events, or refused).

        Tracker reads without their events (`include_events=NONE`), a few hundred bytes where
        the events are tens of kilobytes, on one session (a connection per read cost about as
        much as the read): for a caller that reads the events only of what changed. A
        conversation Rasa refuses is None (its caller reads it in full and hears why);
        Rasa unreachable raises `RasaUnavailable`.
        """
        times: Dict[str, float | None] = {}
        async with aiohttp.ClientSession(timeout=self._timeout) as session:
            for conversation_id in conversation_ids:
                url = self._conversation_url(conversation_id, "tracker")
                try:
                    tracker = await self._request("GET", url, NO_EVENTS, session=session)
                except RasaRefused:
                    tracker = None
                times[conversation_id] = _latest_event_time(tracker)
        return times

    async def desk_events(self, conversation_id: str) -> List[Dict[str, Any]]:
        """The customer's events, the bot's and agents' lines, oldest first (one tracker read)."""
        tracker = await self._request(
            "GET", self._conversation_url(conversation_id, "tracker"), {"include_events": "ALL"}
        )
        return [
            e
            for e in _events_in(tracker)
            if e.get("event") in ("user", "pause", "resume", "active_loop", "bot")
            or _is_complaint_slot(e)
        ]


def _latest_event_time(tracker: Any) -> float | None:
    latest = tracker.get("latest_event_time") if isinstance(tracker, dict) else None
    if isinstance(latest, bool) or not isinstance(latest, (int, float)):
        return None
    return float(latest)


def _events_in(tracker: Any) -> List[Dict[str, Any]]:
    """The events of a tracker as Rasa's API returns it; none from anything else."""
    events = tracker.get("events") if isinstance(tracker, dict) else None
    return [e for e in events or [] if isinstance(e, dict)]
