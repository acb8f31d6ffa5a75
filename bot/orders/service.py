"""Order services: where the bot looks an order up to verify it and enrich the ticket.

Two implementations of one small interface: `DemoOrderService` reads a YAML file (the
embedded default), `HttpOrderService` calls a shop's order API. `build_order_service`
chooses from settings.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, Dict, Optional, Protocol

import aiohttp
import yaml

from bot.settings import OrderServiceSettings

Order = Dict[str, Any]


class OrderServiceUnavailable(Exception):
    """The order service could not answer; the bot keeps the number unverified."""


class OrderService(Protocol):
    """Looks orders up by their canonical number."""

    async def get_order(self, order_id: str) -> Optional[Order]:
        """Return the order, None when the service does not know it."""


class DemoOrderService:
    """Orders from a YAML file: realistic demo data with no service to run."""

    def __init__(self, path: Path) -> None:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        self._orders = {str(o["order_id"]).upper(): o for o in data.get("orders", [])}

    async def get_order(self, order_id: str) -> Optional[Order]:
        """Return a copy of the order so callers cannot change the catalogue."""
        order = self._orders.get(order_id.upper())
        return dict(order) if order else None


class HttpOrderService:
    """A shop's order API: `GET {url}/orders/{order_id}` with a bearer token.

    404 means unknown; any other failure raises `OrderServiceUnavailable` so the caller can
    keep the number as unverified instead of telling the customer it does not exist.
    """

    def __init__(self, url: str, token: str = "", timeout_seconds: float = 3.0) -> None:
        self._url = url.rstrip("/")
        self._token = token
        self._timeout = aiohttp.ClientTimeout(total=timeout_seconds)

    async def get_order(self, order_id: str) -> Optional[Order]:
        """Fetch one order; JSON object expected."""
        headers = {"Authorization": f"Bearer {self._token}"} if self._token else {}
        try:
            async with aiohttp.ClientSession(timeout=self._timeout) as session:
                async with session.get(f"{self._url}/orders/{order_id}", headers=headers) as resp:
                    if resp.status == 404:
                        return None
                    if resp.status != 200:
                        raise OrderServiceUnavailable(f"order API answered {resp.status}")
                    body = await resp.json(content_type=None)
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as exc:
            raise OrderServiceUnavailable(str(exc)) from exc
        if not isinstance(body, dict):
            raise OrderServiceUnavailable("order API returned a non-object")
        return body


def build_order_service(settings: OrderServiceSettings) -> OrderService:
    """The configured order service."""
    if settings.type == "http":
        if not settings.url:
            raise ValueError("order_service.url is required when order_service.type is http")
        return HttpOrderService(settings.url, str(settings.token), settings.timeout_seconds)
    if settings.type == "demo":
        return DemoOrderService(Path(settings.demo_file))
    raise ValueError(f"unknown order_service.type {settings.type!r} (demo or http)")
