"""Turning a finished (or interrupted) intake into the ticket the agents receive.

The action server hands this module plain data (slot values, the tracker's event dicts),
so the logic is shared and tested without Rasa: what the customer said, how urgent it is,
how they feel and what evidence is still missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from bot.intake.answers import tells_a_problem
from bot.log_privacy import mask_these_contacts
from bot.nlu.normalize import normalize
from bot.taxonomy import CATEGORIES, REMEDIES
from bot.tickets.draft import shown_text
from bot.triage.emotion import detect_emotion_in_messages
from bot.triage.severity import assess_severity, learned_severity

# Which evidence makes a useful set, per category (what the bot asks for and the ticket
# reports as missing when the customer has none).
EVIDENCE_KINDS: Dict[str, List[str]] = {
    "logistics": ["外包装照片", "商品破损照片", "快递面单"],
    "wrong_or_missing_item": ["商品标签照片", "收到的商品照片"],
    "product_quality": ["问题部位近照"],
    "not_as_described": ["实物照片"],
    "refund_payment": ["付款/扣款截图"],
    "livestream_misleading": ["直播截图或录屏"],
    "promotion": ["活动页面或优惠券截图"],
}

# A parcel that is late, stuck, lost or signed for by someone else has no damage to
# photograph: the tracking page shows what happened.
TRACKING_KINDS: List[str] = ["物流详情截图"]
_TRANSIT_DAMAGE = re.compile(
    r"[破碎裂压凹漏烂坏瘪扁湿]|变形|划伤|刮花|摔|撞|进水|淋|散架|开胶|洒|撒"
)
# "什么破快递", "烂物流": 破/烂 before the courier, the shop or the service curse them and
# say nothing of the parcel's state.
_CURSE = re.compile(
    r"[破烂垃](?:圾)?(?=快递|物流|平台|店|客服|公司|系统|服务|软件|app|网站|地方|玩意)",
    re.IGNORECASE,
)

_ROLE_BY_EVENT = {"user": "customer", "bot": "bot"}
_EMOTION_RANK = {"calm": 0, "upset": 1, "angry": 2}
# The triage classifier's category_threshold (config.yml): below it the form asks instead.
CATEGORY_MIN_CONFIDENCE = 0.35


@dataclass(frozen=True)
class IntakeFacts:
    """What the form collected; any of it may be missing after an early handoff."""

    order_id: Optional[str] = None
    order_verified: Optional[bool] = None
    issue_category: Optional[str] = None
    issue_description: Optional[str] = None
    desired_remedy: Optional[str] = None
    evidence: Sequence[Mapping[str, Any]] = ()
    evidence_status: Optional[str] = None
    # kinds the customer said they cannot give when asked for the rest (None: not asked)
    evidence_missing: Optional[Sequence[str]] = None
    contact: Optional[str] = None
    emotion: Optional[str] = None
    live: Optional[Mapping[str, Any]] = None

    @classmethod
    def from_slots(cls, slots: Mapping[str, Any]) -> IntakeFacts:
        """Read the facts from the tracker's slots, dropping values outside the taxonomy."""
        category = slots.get("issue_category")
        remedy = slots.get("desired_remedy")
        return cls(
            order_id=slots.get("order_id"),
            order_verified=slots.get("order_verified"),
            issue_category=category if category in CATEGORIES else None,
            issue_description=slots.get("issue_description"),
            desired_remedy=remedy if remedy in REMEDIES else None,
            evidence=list(slots.get("evidence") or []),
            evidence_status=slots.get("evidence_status"),
            evidence_missing=slots.get("evidence_missing"),
            contact=slots.get("contact"),
            emotion=slots.get("emotion"),
            live=slots.get("live"),
        )


def without_withdrawn_contacts(
    transcript: List[Dict[str, Any]], events: Iterable[Mapping[str, Any]], facts: IntakeFacts
) -> List[Dict[str, Any]]:
    """The transcript with every contact the ticket does not file masked, as logs mask them.

    Why (task wait4, hand trial WeCom): "微信还是别留了" at the read-back filed no contact, yet
    "可以，加我微信 Li_Wei88" stayed in clear in the transcript agents and the API read. The
    entry keeps the message (what was said, and when, still reads right) with the id masked
    ("微信 L****88"). A contact replaced by another is masked too: only the one the customer
    left on the ticket is theirs to be reached at. Only entries of the filing are masked; the
    desk merges messages written after it, whose own text and time it compares.
    """
    given = {
        str(event.get("value"))
        for event in events
        if event.get("event") == "slot" and event.get("name") == "contact" and event.get("value")
    }
    withdrawn = given - {facts.contact} if facts.contact else given
    if not withdrawn:
        return transcript
    return [
        {**entry, "text": mask_these_contacts(entry["text"], withdrawn)} for entry in transcript
    ]


def transcript_from_events(events: Iterable[Mapping[str, Any]]) -> List[Dict[str, Any]]:
    """The customer/bot exchange as the ticket stores it.

    A button or an upload is shown as the customer saw it in their window ("提交了 1 个证据
    文件", the button's title: the widget's `metadata.display`), else as its payload.
    """
    transcript = []
    for event in events:
        role = _ROLE_BY_EVENT.get(str(event.get("event")))
        text = _shown_text(event)
        if not role or not text:
            continue
        stamp = event.get("timestamp")
        at = (
            datetime.fromtimestamp(float(stamp), tz=timezone.utc).isoformat()
            if isinstance(stamp, (int, float))
            else None
        )
        transcript.append({"role": role, "text": str(text), "at": at})
    return transcript


def _shown_text(event: Mapping[str, Any]) -> Any:
    return shown_text(event.get("text"), event.get("metadata"))


def _typed(events: Iterable[Mapping[str, Any]]) -> List[Mapping[str, Any]]:
    """The customer's user events with typed text (button payloads are not their words)."""
    return [
        e
        for e in events
        if e.get("event") == "user" and e.get("text") and not str(e["text"]).startswith("/")
    ]


def customer_texts(events: Iterable[Mapping[str, Any]]) -> List[str]:
    """What the customer typed."""
    return [str(e["text"]) for e in _typed(events)]


# Small talk: the learned heads were trained on complaints, and read "你是机器人吗" as angry
# (P 0.43, over the 0.4 threshold), filing a calm elderly customer as 愤怒 (hand test ux8).
SMALL_TALK_INTENTS = frozenset({"greet", "goodbye", "thank", "bot_challenge"})
# Nor asides the bot cannot answer: "你们今天几点下班呀" (P(angry) 0.47) filed a calm customer as
# 愤怒 (hand trial trial3). Only the emotion leaves their parse data out; they still tell no
# problem for the rest of the draft as before.
_NOT_FOR_LEARNED_EMOTION = SMALL_TALK_INTENTS | {"out_of_scope"}


def customer_messages(
    events: Iterable[Mapping[str, Any]],
) -> List[Tuple[str, Optional[Mapping[str, Any]]]]:
    """(text, parse data) of what the customer typed: the emotion reads both.

    Small talk keeps its text (the lexicon still hears "人呢？？？") but not its parse data,
    so the learned heads do not judge what they never learned from.
    """
    return [(str(e["text"]), for_learned_emotion(e.get("parse_data"))) for e in _typed(events)]


def for_learned_emotion(parse_data: Optional[Mapping[str, Any]]) -> Optional[Mapping[str, Any]]:
    """The parse data the learned emotion may judge: none for small talk and asides."""
    return None if _small_talk(parse_data, _NOT_FOR_LEARNED_EMOTION) else parse_data


def _small_talk(
    parse_data: Optional[Mapping[str, Any]], intents: frozenset = SMALL_TALK_INTENTS
) -> bool:
    intent = (parse_data or {}).get("intent") or {}
    return isinstance(intent, Mapping) and intent.get("name") in intents


def _told(events: Iterable[Mapping[str, Any]]) -> str:
    """The customer's messages but greetings and small talk, for a ticket filed unasked."""
    return "\n".join(
        str(e["text"]) for e in _typed(events) if not _small_talk(e.get("parse_data"))
    )


def triaged_category(
    events: Iterable[Mapping[str, Any]], min_confidence: float = CATEGORY_MIN_CONFIDENCE
) -> Optional[str]:
    """The category the NLU's triage was surest of over the customer's messages.

    Only when sure enough, and only from messages that tell a problem: a handoff asked for
    before the form got to the category still files it, but "转人工" alone files none.
    """
    best: Optional[str] = None
    best_confidence = min_confidence
    for event in events:
        if event.get("event") != "user" or not tells_a_problem(event.get("text") or ""):
            continue
        if _small_talk(event.get("parse_data")):
            continue  # "还有人吗" before "转人工" tells no problem, whatever the triage guessed
        triage = ((event.get("parse_data") or {}).get("complaint_triage") or {}).get("category")
        code = (triage or {}).get("code")
        confidence = float((triage or {}).get("confidence") or 0.0)
        if code in CATEGORIES and code != "other" and confidence >= best_confidence:
            best, best_confidence = code, confidence
    return best


def strongest_emotion(*emotions: Optional[str]) -> str:
    """The most intense emotion seen: one angry message makes an angry customer."""
    known = [e for e in emotions if e in _EMOTION_RANK]
    return max(known, key=_EMOTION_RANK.__getitem__) if known else "calm"


def missing_evidence(facts: IntakeFacts) -> List[str]:
    """Kinds of evidence the category calls for that the customer did not send."""
    if facts.evidence_missing is not None:
        return list(facts.evidence_missing)
    if not facts.issue_category:
        return []
    return evidence_still_missing(
        facts.issue_category, len(facts.evidence), facts.issue_description
    )


def asks_for_tracking(category: Optional[str], description: Optional[str]) -> bool:
    """Whether a logistics complaint is about the parcel's journey, not damage to it.

    "签收了但我根本没收到", "物流三天不动了": the evidence is the tracking page. Without a
    description the damage set is asked for, as for "快递把东西压坏了".
    """
    if category != "logistics" or not description or not description.strip():
        return False
    return not _TRANSIT_DAMAGE.search(_CURSE.sub("", normalize(description)))


def evidence_kinds(category: Optional[str], description: Optional[str] = None) -> List[str]:
    """The kinds a useful set for this complaint holds, in the order the question names them."""
    if asks_for_tracking(category, description):
        return list(TRACKING_KINDS)
    return list(EVIDENCE_KINDS.get(category or "", []))


def evidence_still_missing(
    category: Optional[str], file_count: int, description: Optional[str] = None
) -> List[str]:
    """The kinds a useful set for this complaint still lacks after `file_count` files.

    Files cannot be told apart by kind (a photo of a box and of a waybill look alike to the
    server), so the files are taken to cover the kinds in the order the evidence question
    lists them; the follow-up question names the rest and the customer confirms or denies.
    """
    return evidence_kinds(category, description)[file_count:]


def draft_fields(
    facts: IntakeFacts,
    *,
    conversation_id: str,
    channel: str,
    events: Sequence[Mapping[str, Any]],
    order: Optional[Mapping[str, Any]],
    amount_threshold: float,
    handoff_reason: str,
) -> Dict[str, Any]:
    """Everything the ticket store needs to create the ticket, as keyword arguments."""
    texts = customer_texts(events)
    amount = float(order["amount"]) if order and order.get("amount") is not None else None
    # the rules, with the reasons the learned head is sure of in any message's parse data
    learned = [learned_severity(parse_data) for _, parse_data in customer_messages(events)]
    severity = assess_severity(texts, amount, amount_threshold, learned)
    # per message: the lexicon on its text, lifted by the learned head in its parse data
    felt = detect_emotion_in_messages(customer_messages(events))
    emotion = strongest_emotion(facts.emotion, felt.emotion)
    # the order's record of its live session, completed by what the channel or customer said
    live = {**((order or {}).get("live") or {}), **(facts.live or {})} or None
    return {
        "conversation_id": conversation_id,
        "channel": channel,
        "order_id": facts.order_id,
        "order_verified": bool(order) if facts.order_id else False,
        "order": dict(order) if order else None,
        "issue_category": facts.issue_category or "other",
        "issue_description": facts.issue_description or _told(events) or "\n".join(texts),
        "desired_remedy": facts.desired_remedy,
        "evidence": [dict(item) for item in facts.evidence],
        "severity": severity.severity,
        "severity_reasons": list(severity.reasons),
        "emotion": emotion,
        "contact": facts.contact,
        "live": live,
        "incident_id": None,
        "evidence_missing": missing_evidence(facts),
        "transcript": without_withdrawn_contacts(transcript_from_events(events), events, facts),
        "handoff_reason": handoff_reason,
    }
