"""The outbound webhook announcing urgent tickets.

`POST <webhook_url>` with the JSON body `{"event": "ticket.urgent", "ticket": {...}}` and the
headers `X-Desk-Timestamp` (Unix seconds) and `X-Desk-Signature: sha256=<hex>`, the
HMAC-SHA256 of `"<timestamp>.<body>"` with the webhook secret (receivers check it with a
constant-time compare and reject old timestamps). A failed delivery (connection error,
timeout, 5xx or 429) is retried with exponential backoff; other 4xx answers are final.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import time
from typing import Any, Awaitable, Callable, Dict

import aiohttp

logger = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]


def sign(secret: bytes, timestamp: str, body: bytes) -> str:
    """The signature header value for a body sent at `timestamp`."""
    mac = hmac.new(secret, timestamp.encode("ascii") + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


class UrgentWebhook:
    """Sends one signed announcement per urgent ticket, retrying with backoff."""

    def __init__(
        self,
        url: str,
        secret: bytes,
        *,
        attempts: int = 5,
        backoff_seconds: float = 1.0,
        timeout_seconds: float = 5.0,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._url = url
        self._secret = secret
        self._attempts = max(1, attempts)
        self._backoff = backoff_seconds
        self._timeout = aiohttp.ClientTimeout(total=timeout_seconds)
        self._sleep = sleep

    def __repr__(self) -> str:
        return f"UrgentWebhook(url={self._url!r}, secret='**********')"

    async def announce(self, ticket: Dict[str, Any]) -> bool:
        """Deliver the announcement; True when the receiver accepted it (2xx)."""
        body = json.dumps(
            {"event": "ticket.urgent", "ticket": ticket}, ensure_ascii=False, sort_keys=True
        ).encode("utf-8")
        for attempt in range(1, self._attempts + 1):
            timestamp = str(int(time.time()))
            headers = {
                "Content-Type": "application/json",
                "X-Desk-Timestamp": timestamp,
                "X-Desk-Signature": sign(self._secret, timestamp, body),
            }
            try:
                async with aiohttp.ClientSession(timeout=self._timeout) as session:
                    async with session.post(self._url, data=body, headers=headers) as response:
                        if 200 <= response.status < 300:
                            return True
                        retry = response.status >= 500 or response.status == 429
                        logger.warning(
                            "webhook for %s answered %s (attempt %d)",
                            ticket.get("id"),
                            response.status,
                            attempt,
                        )
                        if not retry:
                            return False
            except (aiohttp.ClientError, asyncio.TimeoutError) as error:
                logger.warning(
                    "webhook for %s failed (attempt %d): %s", ticket.get("id"), attempt, error
                )
            if attempt < self._attempts:
                await self._sleep(self._backoff * 2 ** (attempt - 1))
        return False
