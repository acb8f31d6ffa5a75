"""Files sent while the ticket waits, told apart by the words typed with them (task ev3).

After filing, files went to the open ticket but were matched to the missing kinds by count,
from the category's whole list: a chat screenshot sent later cleared "外包装照片", a waybill
photo captioned "面单" cleared the parcel photo, and a second waybill photo on a ticket whose
waybill was already in made the ticket say the waybill was missing. The widget sends the
files (`metadata.captioned`), then the words (`metadata.with_evidence`): the words now say
which of the ticket's missing kinds the files are, as during the intake; words that name no
kind cover the kinds still missing in their order.

Real rasa-sdk trackers, the real SQLite ticket and evidence stores; each message goes to
the action `data/rules.yml` sends it to while a ticket is open.
"""

import time
from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import dependencies
from actions.followup import ActionAddTicketDetails, ActionTicketAlreadyFiled
from actions.requests import ActionHandoff
from actions.waiting_turn import ActionWaitingReply
from bot.desk.views import customer_filled
from bot.tickets import TicketDraft
from tests.actions.conftest import make_tracker
from tests.bot.evidence import media_files as files

DAMAGE = ["外包装照片", "商品破损照片", "快递面单"]
WRONG_ITEM = ["商品标签照片", "收到的商品照片"]
# the action each intent reaches while a ticket is open (data/rules.yml)
_ACTIONS: Dict[str, Any] = {
    "thank": ActionWaitingReply,
    "deny": ActionWaitingReply,
    "affirm": ActionTicketAlreadyFiled,
}


class Waiting:
    """One customer whose ticket waits: the conversation's events and what the bot said."""

    def __init__(self, domain: Dict[str, Any], ticket: Dict[str, Any]) -> None:
        self.domain = domain
        self.ticket = ticket
        self.history: List[Dict[str, Any]] = [
            {"event": "slot", "name": "ticket_id", "value": ticket["id"]}
        ]
        self.said: List[str] = []
        self.messages: List[Dict[str, Any]] = []

    def upload(self, count: int) -> List[str]:
        """Put `count` new files in the evidence store; their ids."""
        store = dependencies.evidence_store()
        ids = []
        for _ in range(count):
            size = 40 + len(store.list("customer-1"))
            ids.append(store.save("customer-1", f"{size}.jpg", files.jpeg(size, 30))["id"])
        return ids

    async def sends(self, count: int, caption: Optional[str] = None, intent: str = "inform"):
        """`count` files, with the words typed beside them, as the widget sends them."""
        ids = self.upload(count)
        metadata = {"evidence": ids, "captioned": True} if caption else {"evidence": ids}
        await self.says("/send_evidence", "send_evidence", metadata)
        if caption:
            await self.says(caption, intent, {"with_evidence": True})
        return self.stored()

    async def says(
        self,
        text: str,
        intent: str,
        metadata: Optional[Dict[str, Any]] = None,
        extra: Optional[Dict[str, Any]] = None,
        timestamp: Optional[float] = None,
    ) -> None:
        slots = {"ticket_open": True, "ticket_id": self.ticket["id"]}
        tracker = make_tracker(text, intent, slots=slots, history=self.history, extra=extra)
        latest = tracker.events[-1]
        latest["metadata"] = dict(metadata or {})
        if timestamp is not None:
            latest["timestamp"] = timestamp
        dispatcher = CollectingDispatcher()
        action = _ACTIONS.get(intent, ActionAddTicketDetails)()
        await action.run(dispatcher, tracker, self.domain)
        self.history.append(latest)
        self.said += [m.get("response") for m in dispatcher.messages]
        self.messages += dispatcher.messages

    def stored(self) -> Dict[str, Any]:
        return dependencies.ticket_store().get_ticket(self.ticket["id"])


def _ticket(missing: List[str], category: str = "logistics", given: int = 0) -> Dict[str, Any]:
    """A ticket filed after the intake, `given` files in, `missing` the kinds it lacks."""
    store = dependencies.evidence_store()
    evidence = [store.save("customer-1", f"f{n}.jpg", files.jpeg(20 + n, 20)) for n in range(given)]
    draft = TicketDraft(
        conversation_id="customer-1",
        channel="widget",
        order_id="202411235567",
        issue_category=category,
        issue_description="收到的杯子碎了" if category == "logistics" else "发错货了",
        desired_remedy="reship",
        evidence=evidence,
        emotion="upset",
        handoff_reason="confirmed",
        evidence_missing=missing,
        transcript=[{"role": "customer", "text": "收到的杯子碎了", "at": time.time() - 600}],
    )
    return dependencies.ticket_store().create_ticket(draft, "key-1")


@pytest.mark.parametrize(
    "caption, count, rest",
    [
        ("这是快递面单", 1, ["外包装照片", "商品破损照片"]),
        ("這是快遞面單", 1, ["外包装照片", "商品破损照片"]),
        ("面单和外箱", 2, ["商品破损照片"]),
        ("补一张碎掉的杯子", 1, ["外包装照片", "快递面单"]),
        # something that is none of the kinds: nothing is cleared
        ("跟客服的聊天截图", 1, DAMAGE),
        ("发票", 1, DAMAGE),
        # words that name no kind: the files cover the kinds still missing in their order
        ("你们看看吧", 1, ["商品破损照片", "快递面单"]),
    ],
)
async def test_the_words_say_which_missing_kinds_the_files_are(domain, caption, count, rest):
    customer = Waiting(domain, _ticket(list(DAMAGE)))
    stored = await customer.sends(count, caption)
    assert len(stored["evidence"]) == count
    assert stored["evidence_missing"] == rest
    assert ("缺少凭证：" + "、".join(rest)) in stored["summary"]
    assert stored["transcript"][-1]["text"] == caption


async def test_a_kind_already_given_is_not_missing_again(domain):
    """The waybill came during the intake ("这是快递面单"): the ticket lacks the box and the
    broken cup. A clearer waybill photo later ("面单 再拍了一张清楚的") is the waybill again,
    and a photo without words covers the box, the first kind still missing: the count rule
    from the category's whole list said the waybill was missing and the box was in."""
    customer = Waiting(domain, _ticket(["外包装照片", "商品破损照片"], given=1))
    stored = await customer.sends(1, "面单 再拍了一张清楚的")
    assert stored["evidence_missing"] == ["外包装照片", "商品破损照片"]
    stored = await customer.sends(1)
    assert stored["evidence_missing"] == ["商品破损照片"]


async def test_words_read_as_sending_files_are_no_second_sending(domain):
    """The words "这是快递面单" are read as send_evidence: they were answered "收到 0 个文件"
    and the waybill was never read."""
    customer = Waiting(domain, _ticket(list(DAMAGE)))
    stored = await customer.sends(1, "这是快递面单", intent="send_evidence")
    assert customer.said == ["utter_evidence_and_details_added"]
    assert customer.messages[0]["count"] == 1
    assert stored["evidence_missing"] == ["外包装照片", "商品破损照片"]
    assert stored["transcript"][-1]["text"] == "这是快递面单"


@pytest.mark.parametrize(
    "caption, rest",
    [
        ("这是快递面单", ["外包装照片", "商品破损照片"]),
        ("你们看看吧", ["商品破损照片", "快递面单"]),
    ],
)
async def test_the_words_are_read_once(domain, caption, rest):
    """The same turn run again (the action server's call retried), or the words delivered
    again after it, must not count their files twice."""
    customer = Waiting(domain, _ticket(list(DAMAGE)))
    await customer.sends(1, caption)
    words = customer.history.pop()
    for _ in range(2):  # the same turn again, then the words again after it
        await customer.says(
            words["text"], "inform", {"with_evidence": True}, timestamp=words["timestamp"]
        )
    assert customer.stored()["evidence_missing"] == rest


@pytest.mark.parametrize("caption", ["这是外箱 也压扁了", "這是外箱 也壓扁了", "你们看看吧"])
async def test_one_file_with_words_is_answered_once(domain, caption):
    """Hand trial (intake9): one photo with words typed beside it got two replies, "收到 1 个
    文件" for the photo and "这条已记进工单" for its words; the customer sent one thing."""
    customer = Waiting(domain, _ticket(list(DAMAGE)))
    stored = await customer.sends(1, caption)
    assert customer.said == ["utter_evidence_and_details_added"]
    assert customer.messages[0]["count"] == 1
    assert customer.messages[0]["ticket_id"] == stored["id"]
    assert len(stored["evidence"]) == 1
    assert stored["transcript"][-1]["text"] == caption


async def test_files_without_words_are_still_answered_at_once(domain):
    customer = Waiting(domain, _ticket(list(DAMAGE)))
    await customer.sends(2)
    assert customer.said == ["utter_evidence_added"]
    assert customer.messages[0]["count"] == 2


async def test_words_answered_as_thanks_still_say_what_the_files_are(domain):
    """Words read as thanks ("谢谢 这是开箱视频") reach the ticket all the same."""
    customer = Waiting(domain, _ticket(list(WRONG_ITEM), category="wrong_or_missing_item"))
    stored = await customer.sends(1, "谢谢 这是开箱视频", intent="thank")
    # the files are not left unacknowledged when their words get an answer of their own
    assert customer.said == ["utter_evidence_added", "utter_youre_welcome"]
    assert stored["evidence_missing"] == ["商品标签照片"]


async def test_a_claimed_ticket_still_learns_which_kinds_the_files_are(domain):
    """Files sent to a claimed ticket change its missing kinds (as they did by count), but
    none of its facts."""
    ticket = _ticket(list(DAMAGE))
    dependencies.ticket_store().update_ticket(
        ticket["id"], actor="小王", status="assigned", assignee="小王"
    )
    customer = Waiting(domain, ticket)
    stored = await customer.sends(1, "这是快递面单 我要退款")
    assert stored["evidence_missing"] == ["外包装照片", "商品破损照片"]
    assert stored["desired_remedy"] == "reship"


async def test_the_desk_marks_the_files_only(domain):
    """A chat screenshot is a file the customer added (客户补充了：凭证); the kinds the
    ticket lacks stay as they were."""
    customer = Waiting(domain, _ticket(list(DAMAGE)))
    stored = await customer.sends(1, "聊天截图")
    changed = dependencies.ticket_store().fields_changed_by("customer", [stored["id"]])
    assert customer_filled(changed[stored["id"]]) == ["evidence"]
    assert stored["evidence_missing"] == DAMAGE


def _triage(code: str, confidence: float = 0.8) -> Dict[str, Any]:
    block = {"code": code, "confidence": confidence}
    return {"complaint_triage": {"category": {**block, "ranking": [block]}}}


async def test_the_problem_told_beside_files_reads_them_by_their_words(domain):
    """A handoff ("转人工！！") filed a ticket without a problem; a photo with "收到的杯子碎了" fills
    the problem and its category, and the photo is the broken cup: the box and the waybill
    are missing (by count the photo was the box)."""
    await ActionHandoff().run(CollectingDispatcher(), make_tracker("转人工！！", "handoff"), domain)
    [ticket] = dependencies.ticket_store().list_tickets(conversation_id="customer-1")
    customer = Waiting(domain, ticket)
    ids = customer.upload(1)
    await customer.says("/send_evidence", "send_evidence", {"evidence": ids, "captioned": True})
    await customer.says(
        "收到的杯子碎了", "complain", {"with_evidence": True}, extra=_triage("logistics")
    )
    stored = customer.stored()
    assert stored["issue_category"] == "logistics"
    assert stored["issue_description"] == "收到的杯子碎了"
    assert stored["evidence_missing"] == ["外包装照片", "快递面单"]
