"""Complaint tickets: the draft the bot hands over, the store, and the agent summary."""

from bot.tickets.draft import InvalidTicketData, TicketDraft
from bot.tickets.store import TICKET_KEYS, Clock, TicketNotFound, TicketStore

__all__ = [
    "TICKET_KEYS",
    "Clock",
    "InvalidTicketData",
    "TicketDraft",
    "TicketNotFound",
    "TicketStore",
]
