"""The contact details a customer's latest message gives: a phone number, e-mail or WeChat.

Split from `actions/form_turn.py` (what one message did within the form's turn): these read
what the message says, not how the turn went. The wording rules are in
`bot.intake.contact_answers`.
"""

import re
from typing import Optional

from rasa_sdk import Tracker

from actions.conversation import latest_entity, latest_text
from bot.intake.contact_answers import (
    keeps_contact,
    names_as_phone,
    points_to_number_said,
    wechat_contact,
)

_PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")


def phone(tracker: Tracker) -> Optional[str]:
    """The phone number in the latest message, found by the NLU or typed with separators."""
    found = latest_entity(tracker, "phone")
    if found:
        return str(found)
    match = _PHONE.search(re.sub(r"[\s\-]", "", latest_text(tracker)))
    return match.group(0) if match else None


def email(tracker: Tracker) -> Optional[str]:
    """The e-mail address in the latest message."""
    match = _EMAIL.search(latest_text(tracker))
    return match.group(0) if match else None


def contact(tracker: Tracker) -> Optional[str]:
    """A phone number, else an e-mail address, else a WeChat id, in the latest message.

    Why all three: asked for a phone number, some customers offer an address instead ("用
    email可以吗 abc@example.com") or their WeChat ("联系方式改成微信 abc123"); the ticket's
    `contact` is whatever they consented to.
    """
    return phone(tracker) or email(tracker) or wechat_contact(latest_text(tracker))


def phone_offered(tracker: Tracker) -> Optional[str]:
    """The phone number this message calls the customer's own ("我电话138…"), if any.

    The NLU tells it from the order number ("订单LS2024… 我电话138…" gives both); a number
    with no phone word beside it stays unread here, as it may be an order's.
    """
    found = latest_entity(tracker, "phone")
    if found and names_as_phone(latest_text(tracker), str(found)):
        return str(found)
    return None


def phone_said_before(tracker: Tracker) -> Optional[str]:
    """The phone number an earlier message of this intake gave, when this one points to it.

    "可以打这个电话" at the contact question, after "…我电话138…" in the opening: asking
    for the number again would ask the same thing twice.
    """
    text = latest_text(tracker)
    if not points_to_number_said(text) and not keeps_contact(text):
        return None
    return earlier_phone(tracker)


def earlier_phone(tracker: Tracker) -> Optional[str]:
    """The latest phone number an earlier message gave that is not the order's number.

    Found by the NLU, or a mainland mobile typed in the text ("快递员说打我电话138…没人接").
    """
    order_id = str(tracker.get_slot("order_id") or "")
    seen_latest = False
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        if not seen_latest:
            seen_latest = True  # the latest message repeats no number
            continue
        for entity in (event.get("parse_data") or {}).get("entities") or []:
            value = str(entity.get("value") or "")
            if entity.get("entity") == "phone" and value and value != order_id:
                return value
        typed = _PHONE.search(re.sub(r"[\s\-]", "", str(event.get("text") or "")))
        if typed and typed.group(0) != order_id:
            return typed.group(0)
    return None
