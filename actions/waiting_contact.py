"""A contact taken back after the ticket was filed ("别留我电话了", "不要联系我微信").

Why (task after5): before filing, a withdrawn contact is not filed and is masked in the
transcript (`bot.intake.draft.without_withdrawn_contacts`); once the ticket was filed the
same words were only added to the transcript, the number stayed on the ticket for the agent
to call and in clear in the transcript. Whatever the NLU reads the words as (a withdrawal of
the complaint, a detail, a "no") and whoever holds the ticket, the contact is cleared
(audited), masked in the stored transcript, and the customer hears so. The complaint stands.
"""

import asyncio
from typing import Any, Dict

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import dependencies
from actions.conversation import latest_text
from bot.intake.answers import withdraws_contact

RESPONSE = "utter_contact_withdrawn"
CUSTOMER = "customer"


async def take_back_contact(
    dispatcher: CollectingDispatcher, tracker: Tracker, ticket: Dict[str, Any]
) -> bool:
    """Clear the ticket's contact when the latest message takes it back; whether it did.

    The caller has kept the message in the transcript first, so the masking covers the
    transcript as it stands. A ticket without a contact is left alone and nothing is said
    (the customer's words went into the transcript as any detail does).
    """
    if not ticket.get("contact") or not withdraws_contact(latest_text(tracker)):
        return False
    cleared = await asyncio.to_thread(
        dependencies.ticket_store().withdraw_contact, ticket["id"], actor=CUSTOMER
    )
    if cleared is None:
        return False  # taken back meanwhile by an earlier message
    dispatcher.utter_message(response=RESPONSE, ticket_id=ticket["id"])
    return True
