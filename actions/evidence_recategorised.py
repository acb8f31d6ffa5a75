"""The evidence of a complaint whose category is corrected after its question was settled.

Why (gap b): "不是坏了，是发错货了" after a photo settled the evidence of a quality complaint
kept that verdict: nothing missing. The read-back said "1个文件", the ticket's
`evidence_missing` and summary nothing missing, yet a wrong item calls for the label and the
item received (`bot.intake.draft.EVIDENCE_KINDS`). The kinds now follow the category the
correction says, so the read-back, `evidence_missing` and the summary agree; a kind the new
category needs that the evidence question never named is asked for once, through the form's
follow-up (`evidence_followup`), and only when files were sent: the customer's channel takes
them. "没有照片" or "稍后发" said before stands for the new category too.
"""

from typing import Any, Dict

from rasa_sdk import Tracker

from actions.conversation import slot_before_this_turn
from actions.evidence_uploads import kinds_still_missing
from bot.intake.draft import evidence_kinds
from bot.taxonomy import CATEGORIES


def evidence_for_new_category(tracker: Tracker, category: Any) -> Dict[str, Any]:
    """The evidence slots that agree with `category`, corrected this turn; {} if unchanged.

    Read as before this message, so that the slot mappings' pass and the form's pass of a
    turn reach the same verdict.
    """
    before = slot_before_this_turn(tracker, "issue_category")
    status = slot_before_this_turn(tracker, "evidence_status")
    if category not in CATEGORIES or not before or category == before:
        return {}
    if status is None:
        return _followup_for(tracker, category)
    files = tracker.get_slot("evidence") or []
    if not files:
        return {"evidence_missing": None}  # the new category's kinds, when filed
    description = tracker.get_slot("issue_description")
    missing = kinds_still_missing(tracker, category, len(files), description)
    named_before = evidence_kinds(before, slot_before_this_turn(tracker, "issue_description"))
    if any(kind not in named_before for kind in missing):
        return {"evidence_status": None, "evidence_followup": missing, "evidence_missing": None}
    return {"evidence_missing": missing}


def _followup_for(tracker: Tracker, category: str) -> Dict[str, Any]:
    """The kinds still asked for after files, as the new category needs them; {} if none asked.

    Why (hand trial trial2, widget): a photo of a parcel complaint, then "还差商品破损照片、
    快递面单"; "不是快递的问题，是东西本身质量有问题" said there was asked the parcel's kinds
    again and filed as a quality complaint lacking them. Nothing settled and nothing asked
    after files: the evidence question judges the files itself.
    """
    asked = slot_before_this_turn(tracker, "evidence_followup")
    files = tracker.get_slot("evidence") or []
    if not asked or not files:
        return {}
    description = tracker.get_slot("issue_description")
    missing = kinds_still_missing(tracker, category, len(files), description)
    if not missing:
        return {"evidence_status": "provided", "evidence_missing": [], "evidence_followup": None}
    return {"evidence_status": None, "evidence_followup": missing}


def asks_again(slots: Dict[str, Any]) -> bool:
    """Whether these slots reopen the evidence question (a kind never named before)."""
    return "evidence_status" in slots and slots["evidence_status"] is None
