"""Files sent while the ticket waits, and the words typed with them (task ev3).

Why: after filing, files went to the open ticket and were matched to the kinds it lacks by
count, from the category's whole list: a chat screenshot sent later cleared "外包装照片", a
waybill photo captioned "面单" cleared the parcel photo, and a second waybill photo made
the waybill missing again. As during the intake (`actions/evidence_uploads.py`), files the
widget marks `captioned` leave the kinds to the words that follow them, which say which of
the ticket's missing kinds they are (`bot.intake.evidence_captions.missing_after`); files
without words cover the kinds the ticket still lacks, in their order.
"""

import asyncio
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import dependencies
from actions.evidence_uploads import captioned_now
from actions.form_turn import caption_follows
from actions.tickets import unclaimed_evidence
from bot.intake.draft import evidence_kinds
from bot.intake.evidence_captions import Upload, missing_after

# the audit history's name for the customer (`bot.desk.views.CUSTOMER`)
CUSTOMER = "customer"


async def attach_new_files(tracker: Tracker, ticket: Dict[str, Any]) -> int:
    """Attach the conversation's files no ticket holds yet; return how many.

    Files whose words come next keep the ticket's missing kinds for those words
    (`kinds_said_by_caption`); files without words cover the kinds still missing in order.
    """
    files = await unclaimed_evidence(tracker.sender_id)
    missing = None if caption_follows(tracker) else _missing_after(ticket, Upload(len(files)))
    await asyncio.to_thread(
        dependencies.ticket_store().add_evidence,
        ticket["id"],
        files,
        actor=CUSTOMER,
        still_missing=missing,
    )
    return len(files)


def files_held_for(tracker: Tracker) -> int:
    """How many files wait for this message's answer: it is their words, sent after filing.

    Files sent with words (`captioned`) are attached at once but answered with their words,
    which come next: one photo with "这是外箱" got "收到 1 个文件" and then "这条已记进工单",
    two answers to one thing sent (hand trial intake9). 0 when the message is no such words.
    """
    upload = captioned_now(tracker)
    return upload.count if upload is not None and tracker.get_slot("ticket_id") else 0


def acknowledge_held_files(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Say the held files were added, before an answer the words need of their own.

    ("谢谢 这是开箱视频" is thanked, "什么时候发" told the times): the files are not left
    unacknowledged.
    """
    count = files_held_for(tracker)
    if count:
        ticket_id = tracker.get_slot("ticket_id")
        dispatcher.utter_message(response="utter_evidence_added", ticket_id=ticket_id, count=count)


def kinds_said_by_caption(tracker: Tracker, ticket: Dict[str, Any]) -> Optional[List[str]]:
    """The kinds the ticket lacks once the words typed with the files just sent are read.

    None when the message is no such words, or they change nothing. The store applies them
    only to a message the transcript did not hold (`TicketStore.note_customer_message`):
    words delivered twice would otherwise count their files twice. `ticket` is the caller's
    copy, read once per message.
    """
    upload = captioned_now(tracker)
    if upload is None:
        return None
    missing = _missing_after(ticket, upload)
    return None if missing == list(ticket.get("evidence_missing") or []) else missing


def _missing_after(ticket: Dict[str, Any], upload: Upload) -> List[str]:
    """The kinds the ticket lacks once `upload`'s files are in, read against its complaint."""
    kinds = evidence_kinds(ticket.get("issue_category"), ticket.get("issue_description"))
    return missing_after(list(ticket.get("evidence_missing") or []), kinds, upload)
