"""The complaint form's last two questions: the evidence and a contact number.

Split from `actions/validation.py` (one concern each); `ValidateComplaintForm` mixes these
methods in, and rasa-sdk finds them there by their `extract_<slot>`/`validate_<slot>` names.
"""

import asyncio
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import dependencies, form_turn, message_contact
from actions.asides import is_aside
from actions.conversation import (
    latest_intent,
    latest_text,
    note_correction,
    slot_before_this_turn,
    slots_set_this_turn,
)
from actions.evidence_uploads import kinds_still_missing, words_of_held_files
from actions.order_slots import phone_taken_as_contact
from bot.intake import answers
from bot.intake.contact_answers import only_files_denied
from bot.intake.draft import evidence_kinds
from bot.intake.evidence_said_missing import kinds_said_missing, missing_as_said
from bot.intake.presentation import changed_facts
from bot.taxonomy import CATEGORIES


class EvidenceAndContactSlots:
    """Files, "no photos" or "later"; a phone number only with the customer's consent."""

    async def extract_evidence_status(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """Files sent, none to give, or later: all three answer the evidence question.

        Files answer it whichever question is open, and before the first one: a customer
        who opens with a photo, or sends it while asked for the remedy, has given it and is
        not asked for it again. After filing, files go to the open ticket instead.
        """
        requested = tracker.get_slot("requested_slot")
        intent = latest_intent(tracker)
        form_running = (tracker.active_loop or {}).get("name") == "complaint_form"
        if intent == "send_evidence" and (form_turn.intake_collecting(tracker) or form_running):
            return {"evidence_status": "provided"}  # the form's pass of the opening too
        if words_of_held_files(tracker):
            return {"evidence_status": "provided"}  # "这是快递面单": the files' kinds told
        if self._files_meet_their_category(tracker):
            return {"evidence_status": "provided"}  # what they lack is known only now
        if self._missing_as_said(tracker) is not None:
            return {"evidence_status": "provided"}  # the kind they lack named: validated below
        if requested != "evidence_status":
            return self._evidence_said_early(tracker)
        if is_aside(tracker):
            return {}  # "你吃飽了沒": its 没 is no "no photos" (trial9)
        text = latest_text(tracker)
        if answers.evidence_not_yet(text):
            return {"evidence_status": "later"}  # "还没拍 晚上回去拍了再发" (trial10)
        if answers.has_no_evidence(text) or (
            intent == "deny" and not answers.evidence_coming(text)
        ):
            # "有截图" read as deny (0.71, hand trial): it says the opposite
            return {"evidence_status": "none"}
        if answers.asks_what_to_show(text):
            # "照片要拍哪里啊？拍杯子还是拍箱子？": asked again, the question names what to show
            # (dialogues_dev14 q003 was settled "later" and its photo never asked for)
            return {}
        if intent in ("evidence_later", "affirm") or answers.evidence_coming(text):
            return {"evidence_status": "later"}
        if form_turn.unclear_again(tracker, "evidence_status"):
            return {"evidence_status": "later"}  # asked twice: the agent asks for it later
        return {}

    async def validate_evidence_status(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """Files count as sent only when they are really in the evidence store.

        When the files cannot cover the category's useful set, the rest is asked for once
        (`evidence_followup`); whatever the answer, the ticket records what is missing.
        Files sent before the category is known wait for it (`_files_meet_their_category`).
        """
        missing = self._missing_as_said(tracker)
        if missing is not None:
            if form_turn.form_pass(tracker):  # the turn's second pass: said once
                shown = changed_facts({"evidence_missing": missing})
                dispatcher.utter_message(response="utter_noted_changes", changed_facts=shown)
            return {"evidence_status": "provided", "evidence_missing": missing}
        followup = tracker.get_slot("evidence_followup")
        if value != "provided":
            if followup:  # files came earlier; "没有/稍后发" is about the rest
                return {"evidence_status": "provided", "evidence_missing": list(followup)}
            return {"evidence_status": value}
        files = await self._evidence_files(tracker.sender_id)
        if not files and answers.claims_files_sent(latest_text(tracker)):
            # "[图片]" pasted from WeChat, "发了": nothing came, and the customer is told so
            if form_turn.form_pass(tracker):
                dispatcher.utter_message(response="utter_evidence_not_arrived")
            before = slot_before_this_turn(tracker, "evidence_status")
            return {"evidence_status": before if before and before != "provided" else "later"}
        if not files:
            if self._says_files_are_coming(tracker):
                return {"evidence_status": "later"}
            if tracker.get_slot("requested_slot") not in (None, "evidence_status"):
                # words read as sending files, none came ("照片里能看到拉链头掉了" at the contact
                # question): the evidence question settled before stays settled
                return {"evidence_status": slot_before_this_turn(tracker, "evidence_status")}
            return {"evidence_status": None}
        if latest_intent(tracker) == "send_evidence" and not form_turn.captions_the_upload(tracker):
            # not again when the category comes, nor for the files' own words read as
            # sending them ("这是快递面单": thanked for after the photo and after its words)
            dispatcher.utter_message(response="utter_evidence_received", evidence_count=len(files))
        if form_turn.caption_follows(tracker):
            # the words typed with the files come next and say which kinds they are (gap d)
            return {"evidence": files, "evidence_status": None}
        asked = form_turn.asked_this_turn(tracker, "evidence_status")
        if tracker.get_slot("issue_category") not in CATEGORIES and not asked:
            # files before the problem's kind: what they lack is judged once it is known
            return {"evidence": files, "evidence_status": None}
        remaining = kinds_still_missing(
            tracker,
            tracker.get_slot("issue_category"),
            len(files),
            tracker.get_slot("issue_description"),
        )
        # this validation runs twice a turn (slot mappings, then the form): ask once per turn
        asked_now = "evidence_followup" in slots_set_this_turn(tracker)
        # "就这张，没有别的了" typed with the photo: the rest is recorded missing, not asked
        # for (hand trial 2026-12-04: asked for the waybill right after saying so)
        said_all = answers.no_more_files(latest_text(tracker))
        if remaining and (not followup or asked_now) and not said_all:
            return {"evidence": files, "evidence_status": None, "evidence_followup": remaining}
        return {"evidence": files, "evidence_status": "provided", "evidence_missing": remaining}

    async def extract_contact_status(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """A phone number given when asked is consent to be called; "不用" declines.

        A phone number volunteered at another question ("打我电话 138 1234 5678" when asked
        for photos) is consent too, except at the order question, where a long number is
        read as the order number; "不用留电话" there declines it.
        """
        requested = tracker.get_slot("requested_slot")
        if requested != "contact_status":
            if not form_turn.intake_collecting(tracker):
                return {}
            # at the order question (and in the opening) a long number is the order's
            if requested not in (None, "order_id") and message_contact.contact(tracker):
                return {"contact_status": "given"}
            if message_contact.phone_offered(tracker):
                return {"contact_status": "given"}  # "…我电话138…" in the opening
            if phone_taken_as_contact(tracker):
                return {"contact_status": "given"}  # "那个是电话号码": the number we checked
            if answers.declines_call(latest_text(tracker)):
                return {"contact_status": "declined"}
            return {}
        if message_contact.contact(tracker) or message_contact.phone_said_before(tracker):
            return {"contact_status": "given"}
        text = latest_text(tracker)
        if answers.cancels_complaint(text) or is_aside(tracker):
            return {}  # "你哋係咪喺深圳㗎" asks where the shop is, it declines nothing (trial9)
        if only_files_denied(answers.plain_answer(text)):
            return {}  # "没有别的照片了": about the photos; the contact is asked again (trial3)
        if latest_intent(tracker) in ("deny", "cancel") or answers.declines_contact(text):
            return {"contact_status": "declined"}
        if form_turn.unclear_again(tracker, "contact_status"):
            return {"contact_status": "declined"}  # asked twice, no number: none given
        return {}

    async def validate_contact_status(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """Store the number (or address) the customer agreed to be contacted on.

        A contact changed or withdrawn while another question is open ("电话打错了，是139
        1234 5678" at the evidence question) is confirmed by naming it, masked, as other
        corrections are (ux11); a withdrawn one is not filed.
        """
        if value == "given":
            given = (
                message_contact.contact(tracker)
                or phone_taken_as_contact(tracker)
                or message_contact.phone_said_before(tracker)
            )
            slots = {"contact_status": "given", "contact": given}
        elif value == "declined":
            slots = {"contact_status": "declined", "contact": None}
        else:
            return {"contact_status": value}
        if self._contact_corrected(tracker, slots["contact"]):
            note_correction(dispatcher, tracker, slots)
        return slots

    @staticmethod
    def _contact_corrected(tracker: Tracker, contact: Any) -> bool:
        """A contact given, replaced or withdrawn while another question is open.

        "電話打錯了，是139 1234 5678" at the evidence question was met by that question
        alone, as if not heard. Once a turn (the form's pass: the slot mappings' messages are
        not sent); at the contact question the next step says it was heard, and a contact
        declined with none on file changes nothing to name.
        """
        before = slot_before_this_turn(tracker, "contact")
        return (
            not phone_taken_as_contact(tracker)  # the re-check's answer names it already
            and (bool(contact) or bool(before))
            and contact != before
            and tracker.get_slot("requested_slot") not in (None, "contact_status")
            and form_turn.form_pass(tracker)
        )

    @staticmethod
    def _files_meet_their_category(tracker: Tracker) -> bool:
        """Files sent before the category was known, and the category known now.

        A photo as the first message settled the evidence question with nothing missing,
        so the kinds the category needs were never asked for (hand trial ev2). The files
        wait, unsettled, until the category is known; then they are judged as files sent
        at the evidence question are. Read as before this message, so that both of the
        turn's passes reach the same verdict.
        """
        return (
            form_turn.intake_collecting(tracker)
            and bool(tracker.get_slot("evidence"))
            and tracker.get_slot("issue_category") in CATEGORIES
            and slot_before_this_turn(tracker, "evidence_status") is None
            and not slot_before_this_turn(tracker, "evidence_followup")
            and tracker.get_slot("requested_slot") != "evidence_status"
        )

    @staticmethod
    def _says_files_are_coming(tracker: Tracker) -> bool:
        """Words read as sending files, with no file: "有 我发你", "有銀行的截圖".

        Asked for evidence, they tell the files exist and will come; asking again would
        loop (dialogues_dev2 w067, dev8 r017: the same question four times).
        """
        asked = tracker.get_slot("requested_slot") == "evidence_status"
        return asked and bool(latest_text(tracker))  # typed words, not an upload's payload

    @staticmethod
    def _missing_as_said(tracker: Tracker) -> Optional[List[str]]:
        """The missing kinds as the customer names them, once files settled the question.

        "商品的没有了，扔掉了": the kind they lack is the one recorded missing
        (`bot.intake.evidence_said_missing`). None when the message names no kind, or only
        those recorded already.
        """
        recorded = slot_before_this_turn(tracker, "evidence_missing")
        if not recorded or slot_before_this_turn(tracker, "evidence_status") != "provided":
            return None
        kinds = evidence_kinds(  # as the files were judged: the NLU may read a new category
            slot_before_this_turn(tracker, "issue_category"),
            slot_before_this_turn(tracker, "issue_description"),
        )
        missing = missing_as_said(recorded, kinds_said_missing(latest_text(tracker), kinds))
        return missing if missing != list(recorded) else None

    @staticmethod
    def _evidence_said_early(tracker: Tracker) -> Dict[str, Any]:
        """No photos, or photos promised for later, said before the evidence question."""
        if not form_turn.intake_collecting(tracker):
            return {}
        text = latest_text(tracker)
        if answers.declines_evidence(text):
            return {"evidence_status": "none"}
        if answers.promises_evidence_later(text):
            return {"evidence_status": "later"}
        return {}

    async def _evidence_files(self, conversation_id: str) -> List[Dict[str, Any]]:
        """Files the customer uploaded in this conversation (widget and connectors)."""
        store = dependencies.evidence_store()
        return await asyncio.to_thread(store.list, conversation_id)
