"""Evidence sent before the category is known (hand trial ev2).

A customer whose first message is a photo (or a photo with words) had the evidence question
settled with nothing missing: the kinds the category needs were never asked for and the
ticket's `evidence_missing` was empty. Once the category is known, the kinds the files do
not cover are asked once, by name, and recorded.

Each message runs through both of the turn's validation passes as Rasa runs them (the slot
mappings', then the form's), on real rasa-sdk trackers (tests/actions/conftest.py).
"""

from typing import Any, Dict, List, Optional

from rasa_sdk.executor import CollectingDispatcher

from actions import dependencies
from actions.confirmation import ActionCreateTicket, ActionReadBack
from actions.form_questions import ActionAskEvidenceStatus, ActionAskIssueDescription
from actions.validation import ValidateComplaintForm
from tests.actions.conftest import make_tracker, responses, slot_events
from tests.bot.evidence import media_files as files

FORM_PASS = {"event": "action", "name": "complaint_form"}
DAMAGE_REST = ["商品破损照片", "快递面单"]
REQUIRED = [
    "issue_description",
    "issue_category",
    "order_id",
    "desired_remedy",
    "evidence_status",
    "contact_status",
]


class Customer:
    """One conversation: its events so far, its slots, and what the bot said each turn."""

    def __init__(self, domain: Dict[str, Any]) -> None:
        self.domain = domain
        self.history: List[Dict[str, Any]] = []
        self.slots: Dict[str, Any] = {"requested_slot": None}
        self.said: List[str] = []
        self.messages: List[Dict[str, Any]] = []

    def upload(self, name: str = "破损.jpg") -> None:
        store = dependencies.evidence_store()
        store.save("customer-1", name, files.jpeg(40 + len(store.list("customer-1")), 30))

    async def says(
        self,
        text: str,
        intent: str,
        mapped: Optional[Dict[str, Any]] = None,
        metadata: Optional[Dict[str, Any]] = None,
    ) -> Dict[str, Any]:
        """One message: both validation passes, then the form's question, if it asks one.

        `mapped`: slots the domain's entity mappings set before the validation runs.
        """
        mapped_events = [
            {"event": "slot", "name": k, "value": v} for k, v in (mapped or {}).items()
        ]
        mapping_pass = self._tracker(text, intent, metadata, mapped_events)
        if not self.history:
            mapping_pass.active_loop = {}  # the opening: the form starts after the mappings
        first = await ValidateComplaintForm().run(CollectingDispatcher(), mapping_pass, self.domain)
        shown = CollectingDispatcher()
        after = mapped_events + first + [FORM_PASS]
        second = await ValidateComplaintForm().run(
            shown, self._tracker(text, intent, metadata, after), self.domain
        )
        turn = after + second
        self.slots.update(slot_events(turn))
        if "requested_slot" not in slot_events(second):  # Rasa's form names the next question
            turn.append({"event": "slot", "name": "requested_slot", "value": self._next()})
            self.slots["requested_slot"] = turn[-1]["value"]
        ask = {
            "evidence_status": ActionAskEvidenceStatus(),
            "issue_description": ActionAskIssueDescription(),
        }.get(self.slots.get("requested_slot") or "")
        if ask:
            await ask.run(shown, self._tracker(text, intent, metadata, turn), self.domain)
        self.history = self._tracker(text, intent, metadata, turn).events
        self.said = responses(shown)
        self.messages = shown.messages
        return slot_events(turn)

    def _next(self) -> Optional[str]:
        return next((s for s in REQUIRED if self.slots.get(s) is None), None)

    def _tracker(self, text, intent, metadata, after_user):
        tracker = make_tracker(
            text,
            intent,
            slots={**self.slots, **slot_events(after_user)},
            history=self.history,
            active_loop="complaint_form",
            after_user=after_user,
        )
        tracker.events[-1 - len(after_user)]["metadata"] = metadata or {}
        return tracker


async def _photo_then_a_broken_parcel(domain, **extra) -> Customer:
    customer = Customer(domain)
    customer.upload()
    await customer.says("/send_evidence", "send_evidence", metadata={"evidence": ["ev_1"]})
    assert customer.said[:1] == ["utter_evidence_received"]
    await customer.says(
        "快递把箱子压扁了 杯子也碎了", "complain", mapped={"issue_category": "logistics"}
    )
    return customer


async def test_a_photo_first_leaves_the_evidence_open_until_the_category_is_known(domain):
    customer = Customer(domain)
    customer.upload()
    turn = await customer.says("/send_evidence", "send_evidence", metadata={"evidence": ["ev_1"]})
    assert len(turn["evidence"]) == 1
    assert customer.slots.get("evidence_status") is None
    assert customer.slots.get("evidence_missing") is None


async def test_the_kinds_the_photo_does_not_cover_are_asked_once_by_name(domain):
    customer = await _photo_then_a_broken_parcel(domain)
    assert customer.slots["evidence_followup"] == DAMAGE_REST
    assert customer.slots.get("evidence_status") is None
    assert "utter_evidence_received" not in customer.said  # the photo was thanked for once

    # order and remedy told; the form reaches the evidence question
    customer.slots.update(order_id="202411235567", order_verified=True, desired_remedy="reship")
    customer.slots["requested_slot"] = "evidence_status"
    asking = make_tracker("补发", "inform", slots=customer.slots, history=customer.history)
    dispatcher = CollectingDispatcher()
    await ActionAskEvidenceStatus().run(dispatcher, asking, domain)
    assert responses(dispatcher) == ["utter_ask_more_evidence"]
    assert dispatcher.messages[0]["missing"] == "商品破损照片、快递面单"

    # "没有了": the rest is recorded missing and the question is settled, not asked again
    turn = await customer.says("没有了", "deny")
    assert turn["evidence_status"] == "provided"
    assert customer.slots["evidence_missing"] == DAMAGE_REST
    assert customer.slots["requested_slot"] == "contact_status"


async def test_the_read_back_and_the_ticket_name_the_same_missing_kinds(domain):
    customer = await _photo_then_a_broken_parcel(domain)
    customer.slots.update(order_id="202411235567", order_verified=True, desired_remedy="reship")
    customer.slots["requested_slot"] = "evidence_status"
    await customer.says("没有了", "deny")
    facts = {
        **customer.slots,
        "contact_status": "declined",
        "requested_slot": None,
        "intake_id": "intake-1",
        "awaiting_confirmation": True,
    }
    dispatcher = CollectingDispatcher()
    await ActionReadBack().run(dispatcher, make_tracker("不用", "deny", slots=facts), domain)
    assert dispatcher.messages[0]["evidence_display"] == "1个文件（缺商品破损照片、快递面单）"
    await ActionCreateTicket().run(
        dispatcher, make_tracker("确认", "affirm", slots=facts, history=customer.history), domain
    )
    [ticket] = dependencies.ticket_store().list_tickets(conversation_id="customer-1")
    assert ticket["evidence_missing"] == DAMAGE_REST
    assert "缺少凭证：商品破损照片、快递面单" in ticket["summary"]


async def test_a_photo_that_is_the_whole_set_settles_the_question_without_asking(domain):
    """One close-up is a defect's useful set: nothing to ask, nothing missing."""
    customer = Customer(domain)
    customer.upload()
    await customer.says("/send_evidence", "send_evidence", metadata={"evidence": ["ev_1"]})
    turn = await customer.says(
        "保温杯用了两天就漏水", "complain", mapped={"issue_category": "product_quality"}
    )
    assert turn["evidence_status"] == "provided" and turn["evidence_missing"] == []
    assert not customer.slots.get("evidence_followup")
    assert "utter_evidence_received" not in customer.said


async def test_a_photo_with_the_whole_complaint_typed_beside_it_is_asked_for_the_rest(domain):
    """The widget sends the photo (`captioned`), then the words with every fact: the form
    reaches the evidence question in the words' turn and names what the photo lacks (it is
    no caption of files the question was just asked about)."""
    customer = Customer(domain)
    customer.upload()
    await customer.says(
        "/send_evidence", "send_evidence", metadata={"evidence": ["ev_1"], "captioned": True}
    )
    assert customer.said == ["utter_evidence_received"]  # the description waits for the words
    customer.slots.update(order_id="202411235567", order_verified=True, desired_remedy="reship")
    await customer.says(
        "快递把箱子压扁了 杯子也碎了",
        "complain",
        mapped={"issue_category": "logistics"},
        metadata={"with_evidence": True},
    )
    assert customer.slots["requested_slot"] == "evidence_status"
    assert customer.said == ["utter_ask_more_evidence"]
    assert customer.messages[-1]["missing"] == "商品破损照片、快递面单"


async def test_no_more_photos_said_before_the_category_is_not_asked_again(domain):
    """ "没有照片了" after the photo: the evidence question is answered; once the category
    is known nothing is asked, and the ticket still names what the category lacks."""
    customer = Customer(domain)
    customer.upload()
    await customer.says("/send_evidence", "send_evidence", metadata={"evidence": ["ev_1"]})
    customer.slots["requested_slot"] = "issue_description"
    await customer.says("没有照片了", "deny")
    await customer.says(
        "快递把箱子压扁了 杯子也碎了", "complain", mapped={"issue_category": "logistics"}
    )
    assert not customer.slots.get("evidence_followup")
    facts = {**customer.slots, "order_id": "202411235567", "desired_remedy": "reship"}
    dispatcher = CollectingDispatcher()
    await ActionReadBack().run(dispatcher, make_tracker("", None, slots=facts), domain)
    assert dispatcher.messages[0]["evidence_display"] == "1个文件（缺商品破损照片、快递面单）"


async def _a_second_file_at_the_follow_up(domain) -> Customer:
    """Photo first, a broken parcel, then one more file when the other two kinds are asked:
    the files are taken to cover the kinds in order, so the waybill is recorded missing."""
    customer = await _photo_then_a_broken_parcel(domain)
    customer.slots.update(order_id="202411235567", order_verified=True, desired_remedy="reship")
    customer.slots["requested_slot"] = "evidence_status"
    customer.upload("面单.jpg")
    await customer.says("/send_evidence", "send_evidence", metadata={"evidence": ["ev_2"]})
    assert customer.slots["evidence_missing"] == ["快递面单"]
    assert customer.slots["requested_slot"] == "contact_status"
    return customer


async def test_the_kind_the_customer_says_is_missing_is_the_one_recorded(domain):
    """Hand trial (trial, WeCom): after the second file the customer said "商品的没有了，扔掉
    了" at the contact question; the read-back and the ticket still said 缺快递面单 (the
    waybill they had just sent), and the words went into the problem's description."""
    customer = await _a_second_file_at_the_follow_up(domain)
    description = customer.slots["issue_description"]
    turn = await customer.says(
        "商品的没有了，扔掉了", "complain", mapped={"issue_category": "product_quality"}
    )
    assert customer.slots["evidence_missing"] == ["商品破损照片"]
    assert customer.slots["issue_description"] == description
    assert customer.slots["issue_category"] == "logistics"
    assert "utter_noted_description" not in customer.said
    assert customer.said[0] == "utter_noted_changes"
    assert customer.messages[0]["changed_facts"] == "凭证：缺商品破损照片"
    assert customer.slots["requested_slot"] == "contact_status"
    assert "evidence_status" not in turn or turn["evidence_status"] == "provided"


async def test_a_missing_kind_already_recorded_changes_nothing(domain):
    customer = await _a_second_file_at_the_follow_up(domain)
    await customer.says("面单没有", "deny")
    assert customer.slots["evidence_missing"] == ["快递面单"]
    assert "utter_noted_changes" not in customer.said
