"""The conversation's sendings of files and the words typed with them (gap d).

The widget sends files as `/send_evidence` (`metadata.evidence`: their ids; `captioned`
when words were typed with them), then those words (`metadata.with_evidence`). The words
say which kinds the files are (`bot.intake.evidence_captions`), so the question for the
kinds still missing waits for them instead of guessing by count.
"""

from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker

from actions.conversation import slot_before_this_turn
from actions.form_turn import captions_the_upload, intake_collecting
from bot.intake.draft import evidence_kinds
from bot.intake.evidence_captions import Upload, still_missing

_FILES = "/send_evidence"


def uploads(tracker: Tracker) -> List[Upload]:
    """The sendings of files since the last ticket was filed, each with its words, if any."""
    users = [e for e in _since_last_ticket(tracker.events) if e.get("event") == "user"]
    found: List[Upload] = []
    for index, event in enumerate(users):
        if not str(event.get("text") or "").startswith(_FILES):
            continue
        metadata = event.get("metadata") or {}
        count = len(metadata.get("evidence") or []) or 1
        following = users[index + 1] if index + 1 < len(users) else None
        found.append(Upload(count, _caption(following)))
    return found


def kinds_still_missing(
    tracker: Tracker, category: Any, file_count: int, description: Optional[str]
) -> List[str]:
    """The kinds this complaint's files leave missing, captioned files read by their words."""
    kinds = evidence_kinds(category, description)
    return still_missing(kinds, file_count, uploads(tracker))


def captioned_now(tracker: Tracker) -> Optional[Upload]:
    """The sending of files whose words this message is, both marked so by the widget.

    The files came just before with `captioned` (their kinds were left to these words), and
    this message has `with_evidence`; else None (words typed alone, or files unmarked).
    """
    if not captions_the_upload(tracker):
        return None
    users = [e for e in reversed(tracker.events) if e.get("event") == "user"]
    metadata = users[1].get("metadata") or {}
    if not metadata.get("captioned"):
        return None
    return Upload(len(metadata.get("evidence") or []) or 1, _caption(users[0]))


def words_of_held_files(tracker: Tracker) -> bool:
    """The words typed with files whose judging waited for them (`ActionAskEvidenceStatus`).

    The files came just before, marked `captioned`, with the evidence not settled: these
    words answer the evidence question whatever the NLU made of them ("这是快递面单").
    """
    if not (captions_the_upload(tracker) and intake_collecting(tracker)):
        return False
    users = [e for e in reversed(tracker.events) if e.get("event") == "user"]
    files_marked = bool((users[1].get("metadata") or {}).get("captioned"))
    return (
        files_marked
        and bool(tracker.get_slot("evidence"))
        and slot_before_this_turn(tracker, "evidence_status") is None
    )


def _caption(event: Optional[Dict[str, Any]]) -> Optional[str]:
    """The words of a message typed with the files just before it, else None."""
    if event is None or not (event.get("metadata") or {}).get("with_evidence"):
        return None
    return str(event.get("text") or "") or None


def _since_last_ticket(events: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The events after the last ticket was filed (its files and words are that ticket's)."""
    for index in range(len(events) - 1, -1, -1):
        event = events[index]
        if event.get("event") == "slot" and event.get("name") == "ticket_id" and event.get("value"):
            return events[index + 1 :]
    return events
