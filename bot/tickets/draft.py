"""What the bot hands over at handoff (`TicketDraft`) and the checks every ticket passes.

The bot fills a draft from its slots; the store validates it against the contract in
`shared/spec/complaint-ticket.md` (codes, shapes) and adds what only the store knows (id,
creation time, status, summary, SLA). Nested objects are normalised to exactly the keys the
spec lists, with null where a value is unknown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone, tzinfo
from typing import Any, Dict, List, Mapping, Sequence, Tuple

from bot.log_privacy import mask_contacts
from bot.taxonomy import CATEGORIES, EMOTIONS, REMEDIES, SEVERITIES, SEVERITY_REASONS

EVIDENCE_KEYS = ("id", "filename", "content_type", "size", "sha256", "url")
LIVE_KEYS = ("room_id", "streamer", "started_at", "claim", "replay_at")
TRANSCRIPT_ROLES = ("customer", "bot", "agent")


class InvalidTicketData(ValueError):
    """A draft or a change does not fit the ticket contract; the message says what."""


@dataclass(kw_only=True)
class TicketDraft:
    """The complaint as the bot collected it, before the store makes it a ticket.

    Required: `conversation_id`, `channel`, `issue_category`, `issue_description`. Everything
    else may be left at its default (unknown). `handoff_reason` (e.g. "confirmed",
    "customer_requested") is stored and shown in the summary but is not a key of the ticket
    JSON. Non-empty `severity_reasons` make the ticket urgent, as the spec defines.
    """

    conversation_id: str
    channel: str
    order_id: str | None = None
    order_verified: bool | None = None
    order: Dict[str, Any] | None = None
    issue_category: str
    issue_description: str
    desired_remedy: str | None = None
    evidence: List[Dict[str, Any]] = field(default_factory=list)
    severity: str = "normal"
    severity_reasons: List[str] = field(default_factory=list)
    emotion: str | None = None
    contact: str | None = None
    live: Dict[str, Any] | None = None
    incident_id: str | None = None
    evidence_missing: List[str] = field(default_factory=list)
    transcript: List[Dict[str, Any]] = field(default_factory=list)
    handoff_reason: str | None = None


def _require_text(name: str, value: Any, *, allow_none: bool = False) -> str | None:
    if value is None and allow_none:
        return None
    if not isinstance(value, str) or not value.strip():
        raise InvalidTicketData(f"{name} must be a non-empty string")
    return value


def _require_code(name: str, value: Any, codes: Mapping[str, str], allow_none: bool) -> Any:
    if value is None and allow_none:
        return None
    if value not in codes:
        raise InvalidTicketData(f"{name} must be one of {sorted(codes)}, got {value!r}")
    return value


def normalize_evidence(items: Any) -> List[Dict[str, Any]]:
    """Evidence items with exactly the spec's keys (`InvalidTicketData` otherwise)."""
    if not isinstance(items, (list, tuple)):
        raise InvalidTicketData("evidence must be a list")
    normalized = [_only_keys("evidence item", item, EVIDENCE_KEYS) for item in items]
    if not all(isinstance(item["id"], str) and item["id"] for item in normalized):
        raise InvalidTicketData("every evidence item needs its id")
    return normalized


def _only_keys(name: str, value: Any, keys: Sequence[str]) -> Dict[str, Any]:
    if not isinstance(value, Mapping):
        raise InvalidTicketData(f"{name} must be an object")
    return {key: value.get(key) for key in keys}


def _string_list(name: str, value: Any) -> List[str]:
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise InvalidTicketData(f"{name} must be a list of strings")
    return list(value)


# Rasa's `trigger_intent` (the desk's resolve, reminders) leaves a user event with this text
# (rasa.shared.core.constants.EXTERNAL_MESSAGE_PREFIX): nothing the customer wrote.
EXTERNAL_MESSAGE_PREFIX = "EXTERNAL: "


def shown_text(text: Any, metadata: Any) -> Any:
    """A customer message as the customer saw it in their window ("" if they sent none).

    A button or an upload reaches Rasa as a payload ("/affirm", "/send_evidence") with what
    the window showed in `metadata.display` ("确认提交", "提交了 1 个证据文件").
    """
    if isinstance(text, str) and text.startswith(EXTERNAL_MESSAGE_PREFIX):
        return ""
    display = metadata.get("display") if isinstance(metadata, Mapping) else None
    if isinstance(text, str) and text.startswith("/") and isinstance(display, str) and display:
        return display
    return text


def entry_moment(at: Any) -> datetime | None:
    """A transcript time as an aware datetime; None when it is unreadable or has no zone."""
    try:
        parsed = datetime.fromisoformat(str(at).replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def same_moment(at: str) -> str:
    """A transcript time as a key to the second, whatever its zone or precision."""
    parsed = entry_moment(at)
    if parsed is None:
        return str(at)
    return parsed.astimezone(timezone.utc).replace(microsecond=0).isoformat()


TranscriptKey = Tuple[str, str, str]


def transcript_key(entry: Mapping[str, Any]) -> TranscriptKey:
    """What makes two transcript entries one message: role, text with contacts masked, second.

    `at` may be ISO (a stored entry) or a Unix time (a Rasa event, to the microsecond).
    Why one key: the store merges what the desk copies from Rasa's tracker into transcripts
    that keep times to the second (`TicketStore.merge_transcript`), and the desk's watcher
    first asks whether a transcript holds a message (`bot.desk.conversation_watch`). Both
    must agree: the watcher's own copy of the test left contacts in clear, so a message
    whose contact the transcript masks since (`withdraw_contact`) was "new" on every round,
    written again and counted, while the merge skipped it.
    """
    at = entry["at"]
    if isinstance(at, (int, float)) and not isinstance(at, bool):
        at = datetime.fromtimestamp(at, timezone.utc).isoformat()
    return str(entry["role"]), mask_contacts(str(entry["text"])), same_moment(str(at))


def format_time(value: datetime, tz: tzinfo) -> str:
    """ISO 8601 with the zone offset, in the shop's timezone, to the second."""
    return value.astimezone(tz).isoformat(timespec="seconds")


MAX_AGENT_NAME_CHARS = 64


def normalize_transcript(entries: Any, now: datetime, tz: tzinfo) -> List[Dict[str, Any]]:
    """Check transcript entries and give each exactly `role`, `text` and an ISO `at`.

    An agent's line also keeps the `agent` who wrote it, when given.

    `at` may be an ISO string, an aware datetime or a Unix timestamp (Rasa event times); a
    missing `at` becomes `now`. All come out in the shop's zone, so one transcript never mixes
    UTC and local times for the desk or an API reader.
    """
    if not isinstance(entries, (list, tuple)):
        raise InvalidTicketData("transcript must be a list of entries")
    normalized = []
    for entry in entries:
        if not isinstance(entry, Mapping):
            raise InvalidTicketData("transcript entries must be objects")
        role = entry.get("role")
        if role not in TRANSCRIPT_ROLES:
            raise InvalidTicketData(f"transcript role must be one of {list(TRANSCRIPT_ROLES)}")
        text = entry.get("text")
        if not isinstance(text, str):
            raise InvalidTicketData("transcript text must be a string")
        item = {"role": role, "text": text, "at": _entry_time(entry.get("at"), now, tz)}
        agent = entry.get("agent")
        if role == "agent" and isinstance(agent, str) and agent.strip():
            # which agent wrote it: a reassigned or escalated ticket has several (trial5)
            item["agent"] = agent.strip()[:MAX_AGENT_NAME_CHARS]
        normalized.append(item)
    return normalized


def _entry_time(value: Any, now: datetime, tz: tzinfo) -> str:
    if value is None:
        return format_time(now, tz)
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise InvalidTicketData("transcript times must carry a timezone")
        return format_time(value, tz)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_time(datetime.fromtimestamp(value, tz=timezone.utc), tz)
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise InvalidTicketData(f"transcript time is not ISO 8601: {value!r}") from None
        if parsed.tzinfo is None:
            raise InvalidTicketData("transcript times must carry a timezone")
        return format_time(parsed, tz)
    raise InvalidTicketData("transcript time must be an ISO string, a datetime or a timestamp")


def normalize_satisfaction(value: Any) -> Dict[str, Any] | None:
    """`{"score": 1-5, "comment": str or null}` or None."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise InvalidTicketData("satisfaction must be an object with score and comment")
    score = value.get("score")
    if not isinstance(score, int) or isinstance(score, bool) or not 1 <= score <= 5:
        raise InvalidTicketData("satisfaction score must be an integer from 1 to 5")
    comment = value.get("comment")
    if comment is not None and not isinstance(comment, str):
        raise InvalidTicketData("satisfaction comment must be a string or null")
    return {"score": score, "comment": comment}


def validated_fields(draft: TicketDraft, now: datetime, tz: tzinfo) -> Dict[str, Any]:
    """The draft's values checked against the contract, ready to store."""
    _require_text("conversation_id", draft.conversation_id)
    _require_text("channel", draft.channel)
    _require_code("issue_category", draft.issue_category, CATEGORIES, allow_none=False)
    if not isinstance(draft.issue_description, str):
        raise InvalidTicketData("issue_description must be a string")
    _require_code("desired_remedy", draft.desired_remedy, REMEDIES, allow_none=True)
    _require_code("emotion", draft.emotion, EMOTIONS, allow_none=True)
    reasons = _string_list("severity_reasons", draft.severity_reasons)
    for reason in reasons:
        _require_code("severity_reasons", reason, SEVERITY_REASONS, allow_none=False)
    severity = _require_code("severity", draft.severity, SEVERITIES, allow_none=False)
    if reasons:
        severity = "urgent"
    _require_text("order_id", draft.order_id, allow_none=True)
    if draft.order_verified is not None and not isinstance(draft.order_verified, bool):
        raise InvalidTicketData("order_verified must be true, false or null")
    if draft.order is not None and not isinstance(draft.order, Mapping):
        raise InvalidTicketData("order must be an object or null")
    if not isinstance(draft.evidence, (list, tuple)):
        raise InvalidTicketData("evidence must be a list")
    for name in ("contact", "incident_id", "handoff_reason"):
        value = getattr(draft, name)
        if value is not None and not isinstance(value, str):
            raise InvalidTicketData(f"{name} must be a string or null")
    return {
        "conversation_id": draft.conversation_id,
        "channel": draft.channel,
        "order_id": draft.order_id,
        "order_verified": draft.order_verified,
        "order_data": dict(draft.order) if draft.order is not None else None,
        "issue_category": draft.issue_category,
        "issue_description": draft.issue_description,
        "desired_remedy": draft.desired_remedy,
        "evidence": [_only_keys("evidence item", e, EVIDENCE_KEYS) for e in draft.evidence],
        "severity": severity,
        "severity_reasons": list(dict.fromkeys(reasons)),
        "emotion": draft.emotion,
        "contact": draft.contact,
        "live": _only_keys("live", draft.live, LIVE_KEYS) if draft.live is not None else None,
        "incident_id": draft.incident_id,
        "evidence_missing": _string_list("evidence_missing", draft.evidence_missing),
        "transcript": normalize_transcript(draft.transcript, now, tz),
        "handoff_reason": draft.handoff_reason,
    }
