"""What a simulated customer does once the ticket is filed, and how it is judged.

Why: a conversation does not end when the ticket exists. Customers thank the bot, send the
photo they found later, add a fact, ask where their complaint stands (at once, or the next day
in a new session), correct a fact, or start a second complaint. The scenario keys (see the
header of bench/data/dialogues_dev23.yml):

- `after`: lines said after filing, in order: text, `{photo: true}` or `{next_day: true}`;
- `after_mention` / `after_excludes`: words the replies after filing must / must not hold
  (`{ticket_id}` is the filed ticket's id, "a|b" either word);
- `ticket_evidence`: files the ticket holds at least at the end;
- facts `description_includes`: words the ticket's issue_description holds at the end;
- `second`: {opening, turns, facts}: a second complaint in the same conversation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List

if TYPE_CHECKING:  # pragma: no cover
    from bench.dialogue_sim import Customer, Outcome

NEXT_DAY = "[next day: the session expired]"
BOT = "机器人: "


def has_after(scenario: Dict[str, Any]) -> bool:
    return bool(scenario.get("after") or scenario.get("second"))


def play_after(customer: Customer) -> List[str]:
    """Say the `after` lines, then play `second`; the problems seen on the way."""
    customer.filed_at = len(customer.transcript)
    customer.first_ticket = customer.slots().get("ticket_id")
    problems: List[str] = []
    for item in customer.s.get("after") or []:
        start = len(customer.transcript)
        if isinstance(item, dict) and item.get("next_day"):
            customer.say("/session_start", shown=NEXT_DAY)
            continue
        if isinstance(item, dict) and item.get("photo"):
            customer.send_photo(caption=str(item.get("say") or ""))
        else:
            customer.say(str(item))
        if not _replied(customer.transcript[start:]):
            problems.append(f"no reply to {item!r}")
    slots = customer.slots()
    if slots.get("awaiting_confirmation"):  # the read-back of a changed ticket
        customer.say(customer._default())
        slots = customer.slots()
    if customer.s.get("second"):
        reason = play_second(customer)
        if reason != "ticket created":
            problems.append(f"second complaint: {reason}")
    elif slots.get("requested_slot") or slots.get("awaiting_confirmation"):
        asked = slots.get("requested_slot") or "read_back"
        problems.append(f"asked for {asked} after filing")
    return problems


def _replied(lines: List[str]) -> bool:
    return any(line.startswith(BOT) and line != BOT + "(no reply)" for line in lines)


def play_second(customer: Customer) -> str:
    """The second complaint, played by the same customer in the same conversation."""
    from bench.dialogue_sim import Customer

    second = dict(customer.s["second"])
    second.setdefault("id", customer.s["id"] + "/2")
    second.setdefault("script", customer.s.get("script"))
    other = Customer(customer.stack, second)
    other.sender, other.transcript = customer.sender, customer.transcript
    other.ticket_before = customer.slots().get("ticket_id") or customer.first_ticket
    other.tickets_before = len(customer.stack.tickets(conversation_id=customer.sender))
    other.count = customer.count
    try:
        return other.play()
    finally:
        customer.count = other.count
        for point, times in other.asked.items():
            customer.asked[f"second.{point}"] = times


def judge_after(
    scenario: Dict[str, Any],
    tickets: List[Dict[str, Any]],
    transcript: List[str],
    filed_at: int,
    problems: List[str],
    out: Outcome,
) -> None:
    """Add the after-filing checks to `out.mismatches` (part of task success)."""
    if problems:
        out.mismatches["after"] = {"expected": "answered, nothing asked again", "got": problems}
    first = tickets[0] if tickets else {}
    replies = [line[len(BOT) :] for line in transcript[filed_at:] if line.startswith(BOT)]
    words = [
        str(w).replace("{ticket_id}", str(first.get("id")))
        for w in _list(scenario, "after_mention")
    ]
    unsaid = [w for w in words if not any(any(a in r for a in w.split("|")) for r in replies)]
    if unsaid:
        out.mismatches["after_replies"] = {"expected": unsaid, "got": "not said"}
    said = [w for w in _list(scenario, "after_excludes") if any(w in r for r in replies)]
    if said:
        out.mismatches["after_excluded"] = {"expected": f"without {said}", "got": replies}
    files = len(first.get("evidence") or [])
    if files < int(scenario.get("ticket_evidence") or 0):
        out.mismatches["ticket_evidence"] = {"expected": scenario["ticket_evidence"], "got": files}
    description = str(first.get("issue_description") or "")
    missing = [
        w
        for w in (scenario.get("facts") or {}).get("description_includes") or []
        if w not in description
    ]
    if missing:
        out.mismatches["description_includes"] = {"expected": missing, "got": description}
    second = (scenario.get("second") or {}).get("facts")
    if second and len(tickets) > 1:
        for name in ("order_id", "issue_category", "desired_remedy"):
            if tickets[1].get(name) != second.get(name):
                out.mismatches[f"second.{name}"] = {
                    "expected": second.get(name),
                    "got": tickets[1].get(name),
                }


def _list(scenario: Dict[str, Any], key: str) -> List[Any]:
    return list(scenario.get(key) or [])


def in_filing_order(tickets: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The conversation's tickets, first filed first (ids count up within a day)."""
    return sorted(tickets, key=lambda t: (str(t.get("created_at") or ""), str(t.get("id") or "")))
