"""The action server's long-lived objects, built on first use (never at import)."""

from functools import lru_cache

from bot.desk.presence import Presence
from bot.desk.rasa_client import RasaClient
from bot.evidence.store import EvidenceStore
from bot.live.incidents import IncidentLinker
from bot.orders.service import OrderService, build_order_service
from bot.settings import Settings
from bot.tickets.store import TicketStore


@lru_cache(maxsize=1)
def settings() -> Settings:
    """Settings from config/settings.yml and COMPLAINTS_* variables."""
    return Settings.load()


@lru_cache(maxsize=1)
def ticket_store() -> TicketStore:
    """The ticket store the agents' tools read."""
    return TicketStore.from_url(settings().database_url)


@lru_cache(maxsize=1)
def order_service() -> OrderService:
    """The configured order service (demo file by default)."""
    return build_order_service(settings().order_service)


@lru_cache(maxsize=1)
def evidence_store() -> EvidenceStore:
    """Evidence files customers uploaded (the widget's and the connectors' uploads)."""
    return EvidenceStore(settings().evidence)


@lru_cache(maxsize=1)
def incident_linker() -> IncidentLinker:
    """Links complaints from one live session into a group incident (群体性投诉)."""
    current = settings()
    return IncidentLinker(
        ticket_store().engine,
        settings=current.incidents,
        sla=current.sla,
        timezone_name=current.timezone,
    )


@lru_cache(maxsize=1)
def presence() -> Presence:
    """Which agents have the desk open (the desk writes it, the bot reads it)."""
    return Presence(ticket_store())


@lru_cache(maxsize=1)
def rasa_client() -> RasaClient:
    """The Rasa server's HTTP API, for notices pushed to other conversations (task wait4)."""
    return RasaClient.from_settings(settings())
