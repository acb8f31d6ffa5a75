"""At the read-back, the contact kept: "就用刚才那个手机号", "號碼同之前一樣".

Why (hand trial trial14): with the phone the customer gave read back, "就用刚才那个手机号"
heard "请直接告诉我要改的内容" and "號碼同之前一樣" "没太明白"; "还是留个电话吧 就用刚才那个号"
after a number said in the story changed the category the triage read into it. The customer
changes nothing (or consents to the number already said), and the read-back goes on.
"""

from typing import Any, Dict, Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import message_contact
from actions.conversation import (
    latest_text,
    note_correction,
    slot_before_this_turn,
    slots_set_this_turn,
)
from bot.intake.contact_answers import keeps_contact
from bot.intake.presentation import mask_phone
from bot.intake.remedy_answers import remedy_changed


def contact_kept(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[Dict[str, Any]]:
    """The slots after a message that keeps the contact; None when it says more than that.

    What the NLU set from the message goes back to what was read back. The contact read
    back stays (told so; the read-back still waits for a yes); with none, a number said
    earlier becomes it and the facts are read back again (`reread` in the result).
    """
    text = latest_text(tracker)
    if (
        not keeps_contact(text)
        or remedy_changed(text)
        or "order_id" in slots_set_this_turn(tracker)
    ):
        return None
    kept: Dict[str, Any] = {
        key: slot_before_this_turn(tracker, key)
        for key in slots_set_this_turn(tracker)
        if key not in ("awaiting_confirmation", "requested_slot")
    }
    contact = slot_before_this_turn(tracker, "contact") or tracker.get_slot("contact")
    if contact:
        dispatcher.utter_message(response="utter_contact_kept", contact=mask_phone(contact))
        return kept
    phone = message_contact.earlier_phone(tracker)
    if not phone:
        dispatcher.utter_message(response="utter_ask_contact_status")
        return kept
    note_correction(dispatcher, tracker, {"contact": phone})
    return {**kept, "contact": phone, "contact_status": "given", "reread": True}
