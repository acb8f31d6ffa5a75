"""What every desk route needs, built once per app and kept on `app.ctx.desk`.

Why a context object: the routes live in several modules (one per concern); they reach the
stores, the Rasa client and the clock through the request's app instead of closures over one
long factory, and tests still give each app its own (nothing is global at import time).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Dict, TypeVar

from sanic.request import Request

from bot.desk.accounts import AccountStore
from bot.desk.presence import Presence
from bot.desk.rasa_client import RasaClient
from bot.desk.settings import DeskSettings
from bot.desk.webhook import UrgentWebhook
from bot.evidence.store import EvidenceStore
from bot.live.incidents import IncidentLinker
from bot.settings import Settings
from bot.tickets.store import TicketNotFound, TicketStore

T = TypeVar("T")


class CookieSigner:
    """Signs session ids for the cookie: `<id>.<HMAC-SHA256>`."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def sign(self, value: str) -> str:
        """The cookie value for a session id."""
        return f"{value}.{self._mac(value)}"

    def unsign(self, cookie: str | None) -> str | None:
        """The session id if the signature is right, else None."""
        if not cookie or "." not in cookie:
            return None
        value, _, mac = cookie.rpartition(".")
        return value if hmac.compare_digest(self._mac(value), mac) else None

    def _mac(self, value: str) -> str:
        return hmac.new(self._key, f"session:{value}".encode(), hashlib.sha256).hexdigest()


@dataclass
class Desk:
    """The desk's services, settings and clock (`incidents`: the live sessions' group incidents)."""

    settings: Settings
    store: TicketStore
    accounts: AccountStore
    rasa: RasaClient
    presence: Presence
    evidence: EvidenceStore
    incidents: IncidentLinker
    webhook: UrgentWebhook | None
    signer: CookieSigner
    csp: str
    now: Callable[[], datetime]

    @property
    def options(self) -> DeskSettings:
        """The desk's own settings (`settings.desk`)."""
        return self.settings.desk


def desk_of(request: Request) -> Desk:
    """The desk context of the app serving this request."""
    desk: Desk = request.app.ctx.desk
    return desk


async def in_thread(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a blocking call (the stores are synchronous SQLAlchemy) off the event loop."""
    return await asyncio.to_thread(function, *args, **kwargs)


async def load_ticket(desk: Desk, ticket_id: str) -> Dict[str, Any]:
    """The ticket, or `TicketNotFound` (answered 404); overlong ids are not looked up."""
    ticket = await in_thread(desk.store.get_ticket, ticket_id) if len(ticket_id) <= 64 else None
    if ticket is None:
        raise TicketNotFound(ticket_id)
    return ticket
