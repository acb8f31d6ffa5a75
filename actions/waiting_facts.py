"""Facts written while a ticket waits for an agent: they fill the ticket's empty fields.

Why: after "转人工" the bot files what it knows and invites the customer to write the
problem and the order number while waiting; those went into the transcript only, and the
agent opened a ticket without order, problem or remedy (hand test ux8). Empty fields are
filled; filed ones change only when the customer says so: a remedy or an order number
corrected in so many words (`actions.waiting_corrections`), a fact added to the description
("对了 忘了说 鞋底也裂了", trial12). All only while the ticket is open and unclaimed (never
under an agent who reads it), and nothing is asked: the customer is not put back into the
form.
"""

import re
from datetime import datetime
from typing import Any, Dict, List, Mapping, Optional, Tuple

from rasa_sdk import Tracker

from actions import dependencies
from actions.conversation import latest_entity, latest_user_event, slots_set_this_turn
from actions.evidence_uploads import kinds_still_missing
from actions.form_turn import append
from actions.tickets import lookup_order
from actions.waiting_corrections import corrected_facts
from bot.intake.after_filing import fact_added
from bot.intake.answers import names_only_the_goods, tells_a_problem
from bot.intake.draft import for_learned_emotion, strongest_emotion, triaged_category
from bot.intake.remedy_answers import remedy_wished
from bot.tickets.draft import entry_moment
from bot.triage.emotion import detect_emotion_in_messages
from bot.triage.severity import assess_severity, learned_severity

# the severity reasons that make a message a threat (spec: legal, media)
THREAT_REASONS = ("legal", "media")


async def waiting_facts(
    tracker: Tracker, ticket: Dict[str, Any], text: str
) -> Optional[Dict[str, Any]]:
    """What the latest message tells for the waiting ticket's empty fields and readings.

    `ticket` is the caller's copy (read once per message); the store sets the facts only
    if it still waits (`TicketStore.note_customer_message`). None: nothing to fill (no
    words, or the ticket no longer waits).
    """
    if not text or not waits(ticket):
        return None
    values = {**await _order_facts(tracker, ticket), **_problem_facts(tracker, ticket, text)}
    if not ticket.get("desired_remedy"):
        remedy = remedy_wished(text)
        if remedy:
            values["desired_remedy"] = remedy
    # "还是换货吧 不退了", "订单号给错了 应该是…": the filed fact replaced (trial12)
    values.update(await corrected_facts(tracker, ticket, text))
    values.update(_severity(tracker, ticket, values.get("order_data")))
    values.update(_emotion(tracker, ticket))
    return values


def waits(ticket: Dict[str, Any]) -> bool:
    """Whether the ticket still waits for an agent (open, nobody has claimed it)."""
    return ticket["status"] == "open" and not ticket.get("assignee")


async def _order_facts(tracker: Tracker, ticket: Dict[str, Any]) -> Dict[str, Any]:
    """The order number named now, with the order service's record, if the ticket has none."""
    if ticket.get("order_id"):
        return {}
    named = slots_set_this_turn(tracker).get("order_id") or latest_entity(tracker, "order_id")
    if not named:
        return {}
    order = await lookup_order(str(named))
    return {"order_id": str(named), "order_verified": bool(order), "order_data": order}


def told_no_problem(ticket: Dict[str, Any]) -> bool:
    """Whether the ticket's description is only the request for a person ("转人工！！")."""
    return not tells_a_problem(str(ticket.get("issue_description") or ""))


def _problem_facts(tracker: Tracker, ticket: Dict[str, Any], text: str) -> Dict[str, Any]:
    """What went wrong, its category and the evidence it calls for; else a fact added.

    The ticket that told no problem takes it; one that did takes a fact the customer adds
    (`bot.intake.after_filing.fact_added`) at the end of its description.

    The category is the triage's reading of this message, only when sure (as a handoff
    files it); a category on a ticket whose description told a problem is kept.
    """
    if not told_no_problem(ticket):
        if fact_added(text):
            # "对了 忘了说 鞋底也裂了": added to what the agent reads (trial12, dialogues_dev23)
            described = str(ticket.get("issue_description") or "")
            return {"issue_description": append(described, text)}
        return {}
    if not tells_a_problem(without_threats(without_wishes(text))):
        return {}
    if names_only_the_goods(text):
        return {}  # "我买的那个电热水壶": the goods, not yet what went wrong with them
    values: Dict[str, Any] = {"issue_description": text}
    category = triaged_category([latest_user_event(tracker)])
    if category and ticket.get("issue_category") in (None, "other"):
        values["issue_category"] = category
        # the files sent since filing read by the words typed with them (task ev3)
        values["evidence_missing"] = kinds_still_missing(
            tracker, category, len(ticket.get("evidence") or []), text
        )
    return values


def without_wishes(text: str) -> str:
    """The message without its clauses that ask for a remedy ("退钱就行", "给我换个新的").

    Why: a wish is not what went wrong; "杯子碎了 给我退款" still tells the problem.
    """
    clauses = re.split(r"[\s,.!?;:，。！？；：、]+", text)
    return " ".join(clause for clause in clauses if clause and not remedy_wished(clause))


def without_threats(text: str) -> str:
    """The message without its clauses that threaten legal action or exposure.

    Why (task wait2): "再不处理我就去12315投诉你们" written while waiting became the ticket's
    description, filed as "描述不符"; a threat is not what went wrong (it makes the ticket
    urgent instead), while "杯子碎了 再不处理我就去12315" still tells the problem.
    """
    clauses = re.split(r"[\s,.!?;:，。！？；：、]+", text)
    return " ".join(clause for clause in clauses if clause and not threatens(clause))


def threatens(text: str) -> bool:
    """Whether the text threatens legal action or public exposure (the spec's rules)."""
    threshold = dependencies.settings().large_amount_threshold
    reasons = assess_severity([text], None, threshold).reasons
    return any(reason in THREAT_REASONS for reason in reasons)


def _severity(
    tracker: Tracker, ticket: Dict[str, Any], order: Optional[Dict[str, Any]]
) -> Dict[str, Any]:
    """The severity over everything the customer wrote, never lower than the ticket's.

    The ticket's reasons stay (the learned head's reading of earlier messages is not kept
    in the transcript); reasons this message or the order's amount adds join them. The
    ticket is the copy read before this message joined its transcript: the message is
    added here (the rules read a line written twice as once).
    """
    texts = [e["text"] for e in ticket.get("transcript") or [] if e.get("role") == "customer"]
    if not texts or texts[-1] != str(tracker.latest_message.get("text") or ""):
        texts.append(str(tracker.latest_message.get("text") or ""))
    order = order or ticket.get("order") or {}
    amount = float(order["amount"]) if order.get("amount") is not None else None
    learned = [None] * (len(texts) - 1) + [learned_severity(tracker.latest_message)]
    judged = assess_severity(texts, amount, dependencies.settings().large_amount_threshold, learned)
    reasons = list(ticket.get("severity_reasons") or [])
    reasons += [reason for reason in judged.reasons if reason not in reasons]
    urgent = ticket.get("severity") == "urgent" or judged.severity == "urgent"
    return {"severity": "urgent" if urgent else "normal", "severity_reasons": reasons}


def _emotion(tracker: Tracker, ticket: Dict[str, Any]) -> Dict[str, Any]:
    """The emotion of the messages written while waiting, when it is above the ticket's.

    Why: a calm customer who, left waiting, writes "还没人理？？什么破店！！" stayed calm on
    the ticket, and the agent greeted them as calm. Judged as the bot judges during the
    intake (the lexicon, lifted by the learned head where the parse data has its reading:
    the latest message's); never lowered, as severity is not, and audited by the store.
    """
    judged = detect_emotion_in_messages(waiting_messages(tracker, ticket)).emotion
    emotion = strongest_emotion(ticket.get("emotion"), judged)
    return {"emotion": emotion} if emotion != ticket.get("emotion") else {}


def waiting_messages(
    tracker: Tracker, ticket: Dict[str, Any]
) -> List[Tuple[str, Optional[Mapping[str, Any]]]]:
    """The customer's messages since the ticket was filed, as (text, parse data), oldest first.

    The transcript keeps the text only; the latest message comes with its parse data (it is
    the transcript's last customer entry when the caller has stored it already).
    """
    filed = entry_moment(ticket.get("created_at"))
    texts = [
        str(e.get("text") or "")
        for e in ticket.get("transcript") or []
        if e.get("role") == "customer" and _after(entry_moment(e.get("at")), filed)
    ]
    latest = str(tracker.latest_message.get("text") or "")
    if texts and texts[-1] == latest:
        texts.pop()
    # "你是机器人吗" while waiting made a calm customer's ticket 愤怒 (lead's hand trial), as
    # it had at filing before small talk was left to the lexicon there
    return [(text, None) for text in texts] + [(latest, for_learned_emotion(tracker.latest_message))]


def _after(moment: Optional[datetime], filed: Optional[datetime]) -> bool:
    """Whether a transcript time is after the filing (an unreadable one is not)."""
    return moment is not None and filed is not None and moment > filed
