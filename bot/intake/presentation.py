"""Values the bot's responses show: the read-back card and the promised reply times.

The sentences themselves live in `domain.yml`; this module only formats the values that
fill them (labels for codes, masked phone numbers, local times).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence
from zoneinfo import ZoneInfo

from bot.i18n import localize
from bot.intake.contact_answers import mask_wechat
from bot.intake.draft import IntakeFacts, missing_evidence
from bot.taxonomy import category_label, remedy_label

_EVIDENCE_STATUS_LABELS = {"none": "暂无", "later": "稍后补充", "provided": "已上传"}


def mask_phone(contact: Optional[str]) -> str:
    """`138****8000`: enough for the customer to recognise, not enough to leak.

    Why by length: the first three and last four digits of a mainland mobile hide four of
    eleven, but of a Hong Kong or Macau number (eight digits, "9123 4567") they hid one and
    read back as eleven digits ("912****4567", hand test in the widget). Shorter numbers
    keep their first two and last two digits. An e-mail address keeps the first letter of
    its name and its domain ("c****@gmail.com"), never its digits read as a phone.
    """
    if not contact:
        return "未留"
    wechat = mask_wechat(contact)
    if wechat:
        return wechat  # "微信 a****23": the label, the id's first letter and last two
    if "@" in contact:
        name, _, domain = contact.partition("@")
        return f"{name[:1]}****@{domain}"
    digits = "".join(ch for ch in contact if ch.isdigit())
    if len(digits) >= 11:
        return f"{digits[:3]}****{digits[-4:]}"
    if len(digits) >= 7:
        return f"{digits[:2]}{'*' * (len(digits) - 4)}{digits[-2:]}"
    return contact


def read_back_values(
    facts: IntakeFacts, call_time: Optional[str] = None, order_goods: Sequence[str] = ()
) -> Dict[str, str]:
    """Template variables of `utter_read_back`.

    `call_time` is when the customer asked to be called ("晚上打"), read back beside the
    number so they know it was heard. `order_goods` are the items of the order the shop
    knows: a number typed for another order, or a goods question passed over ("是这一单吗？"
    answered with "退货退款吧", hand trial), is caught by the customer before it is filed.
    """
    if facts.evidence:
        evidence = f"{len(facts.evidence)}个文件"
        missing = missing_evidence(facts)  # what the ticket will say is missing
        if missing:
            evidence += f"（缺{'、'.join(missing)}）"
    else:
        evidence = _EVIDENCE_STATUS_LABELS.get(facts.evidence_status or "", "暂无")
    order = facts.order_id or "未提供"
    if facts.order_id and facts.order_verified is False:
        order = f"{facts.order_id}（系统未查到，已按您确认的登记）"
    return {
        "order_display": order,
        "category_label": category_label(facts.issue_category) or "待确认",
        "issue_description": _shorten(facts.issue_description or "", 60),
        "remedy_label": remedy_label(facts.desired_remedy) or "待确认",
        # "改成换货" as the example of a correction told a customer who wants an exchange
        # read as if the bot had not noted it
        "remedy_example": "改成退货退款" if facts.desired_remedy == "exchange" else "改成换货",
        "evidence_display": evidence,
        "contact_display": mask_phone(facts.contact)
        + (f"（{call_time}）" if facts.contact and call_time else ""),
        "live_claim": _shorten(str((facts.live or {}).get("claim") or ""), 60),
        "order_goods": _shorten("、".join(order_goods), 40),
    }


# facts a correction can change, named as the read-back names them, in the read-back's order
_CHANGED_FACT_LABELS = (
    ("order_id", "订单号"),
    ("issue_category", "问题"),
    ("desired_remedy", "诉求"),
    ("contact", "联系方式"),
    ("evidence_missing", "凭证"),
)


def changed_facts(changes: Mapping[str, Any]) -> str:
    """The facts a correction changed, as the read-back shows them ("诉求：换货").

    Why: "收到，已更新。" after "算了不退了，换一个吧" left the customer guessing what we
    changed and to what (ux10). Codes become the read-back's labels, never raw codes; a
    contact is masked. Empty when nothing identifiable changed (an added description).
    """
    shown: Dict[str, Callable[[Any], str]] = {
        "order_id": str,
        "issue_category": category_label,
        "desired_remedy": remedy_label,
        "contact": mask_phone,
        # the kind of evidence the customer says is missing ("商品的没有了"), as read back
        "evidence_missing": lambda kinds: "缺" + "、".join(kinds),
    }
    parts = []
    for key, label in _CHANGED_FACT_LABELS:
        value = changes.get(key)
        text = shown[key](value) if value else ""
        if key == "contact" and not value and changes.get("contact_status") == "declined":
            text = mask_phone(None)  # "电话还是别留了": the contact withdrawn, "未留"
        if text:
            parts.append(f"{label}：{text}")
    return "；".join(parts)


# rows quoting the customer's own words: never converted to the other script
_VERBATIM_ROWS = {"描述": "issue_description", "主播说法": "live_claim"}


def read_back_card(values: Mapping[str, str], script: str = "hans") -> Dict[str, Any]:
    """The same facts as a structured card for channels that can draw one, in `script`.

    Labels and the bot's own values are converted; the customer's quoted words stay as
    typed, as in the text read-back (`bot.nlg.VERBATIM`).
    """
    rows: List[Dict[str, str]] = [
        {"label": "订单号", "value": values["order_display"]},
        {"label": "问题", "value": values["category_label"]},
        {"label": "描述", "value": values["issue_description"]},
        {"label": "诉求", "value": values["remedy_label"]},
        {"label": "凭证", "value": values["evidence_display"]},
        {"label": "联系方式", "value": values["contact_display"]},
    ]
    if values.get("live_claim"):
        rows.insert(2, {"label": "主播说法", "value": values["live_claim"]})
    if values.get("order_goods"):
        rows.insert(1, {"label": "商品", "value": values["order_goods"]})
    fields = [
        {
            "label": localize(row["label"], script),
            "value": (
                values[_VERBATIM_ROWS[row["label"]]]
                if row["label"] in _VERBATIM_ROWS
                else localize(row["value"], script)
            ),
        }
        for row in rows
    ]
    return {"type": "read_back", "fields": fields}


def due_values(ticket: Mapping[str, Any], tz_name: str, now: datetime) -> Dict[str, Any]:
    """Template variables of `utter_ticket_created` / `utter_handoff` from the ticket's SLA."""
    tz = ZoneInfo(tz_name)
    first = datetime.fromisoformat(ticket["sla"]["first_response_due"]).astimezone(tz)
    resolution = datetime.fromisoformat(ticket["sla"]["resolution_due"]).astimezone(tz)
    local_now = now.astimezone(tz)
    minutes = max(1, round((first - local_now).total_seconds() / 60))
    return {
        "ticket_id": ticket["id"],
        "first_response_at": _clock(first, local_now),
        "first_response_minutes": minutes,
        "resolution_at": _clock(resolution, local_now),
    }


def promised_due_values(ticket: Mapping[str, Any], tz_name: str, now: datetime) -> Dict[str, Any]:
    """`due_values`, the first-response time never before the next minute.

    Why (task wait4): a ticket turned urgent long after it was filed has an urgent deadline
    already gone (filed at 12:00, urgent at 12:08: due 12:05); telling the customer "12:05 前"
    at 12:08 promises a time they see has passed. It is overdue: the next minute is promised.
    """
    soonest = (now + timedelta(minutes=1)).astimezone(timezone.utc)
    first = datetime.fromisoformat(ticket["sla"]["first_response_due"])
    if first >= soonest:
        return due_values(ticket, tz_name, now)
    sla = {**ticket["sla"], "first_response_due": soonest.isoformat()}
    return due_values({**ticket, "sla": sla}, tz_name, now)


def _clock(moment: datetime, now: datetime) -> str:
    """`18:45` today, `11月24日 18:45` on another day."""
    if moment.date() == now.date():
        return moment.strftime("%H:%M")
    return f"{moment.month}月{moment.day}日 {moment.strftime('%H:%M')}"


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
