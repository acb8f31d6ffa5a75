"""Reuse one HTTP connection pool for Rasa's calls to the action server, with a faster JSON.

Why: Rasa 3.6's `EndpointConfig.request` opens a new `aiohttp.ClientSession` for every call
and closes it afterwards, so every custom action and every form validation pays a new TCP
connection (and a session set-up) on both servers. With a form that is one or two calls per
customer message: about 6 % of the Rasa server's CPU under load and a round trip of latency
per call (docs/performance.md). The action server (Sanic) keeps connections alive, so a pooled
session reuses them.

Behaviour is unchanged: the same headers, basic auth and timeout as `EndpointConfig.session()`
builds; only the session's lifetime differs. One session is kept per event loop and endpoint
settings (aiohttp sessions belong to the loop they were made on). `EndpointConfig.request`
still uses `async with self.session() as session:`; the session handed out here is not closed
by leaving that block. Installed by `bot.rasa_runtime.install_all()`.
"""

from __future__ import annotations

import asyncio
import json
import logging
from types import TracebackType
from typing import Any, Callable, Dict, Hashable, Optional, Tuple, Type

import aiohttp
import ujson
from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT, EndpointConfig

logger = logging.getLogger(__name__)

# shorter than the action server's (Sanic's default 5 s), so the client drops an idle
# connection before the server does and never sends on a connection being closed
KEEPALIVE_SECONDS = 4.0

_STOCK: Dict[str, Callable[..., Any]] = {}
_SESSIONS: Dict[Tuple[int, Hashable], aiohttp.ClientSession] = {}


class _KeptSession:
    """`async with` yields the pooled session and leaves it open."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self._session = session

    async def __aenter__(self) -> aiohttp.ClientSession:
        return self._session

    async def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> None:
        return None


def _settings_key(endpoint: EndpointConfig) -> Hashable:
    auth = endpoint.basic_auth or {}
    return (
        tuple(sorted((str(k), str(v)) for k, v in (endpoint.headers or {}).items())),
        auth.get("username"),
        auth.get("password"),
    )


def pooled_session(endpoint: EndpointConfig) -> aiohttp.ClientSession:
    """The open session for this loop and these endpoint settings (made on first use)."""
    loop = asyncio.get_running_loop()
    key = (id(loop), _settings_key(endpoint))
    session = _SESSIONS.get(key)
    if session is None or session.closed or session.loop is not loop:
        session = _new_session(endpoint)
        _SESSIONS[key] = session
    return session


def _new_session(endpoint: EndpointConfig) -> aiohttp.ClientSession:
    """A session configured as `EndpointConfig.session()` configures one, plus keep-alive."""
    auth = endpoint.basic_auth
    return aiohttp.ClientSession(
        headers=endpoint.headers,
        auth=aiohttp.BasicAuth(auth["username"], auth["password"]) if auth else None,
        timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
        connector=aiohttp.TCPConnector(keepalive_timeout=KEEPALIVE_SECONDS),
        json_serialize=dump_json,
    )


def dump_json(payload: Any) -> str:
    """The request body: ujson (Sanic's dependency) with UTF-8 text, 3x faster than `json`.

    Every call sends the whole conversation; Chinese text as UTF-8 instead of escapes
    also makes the body a fifth smaller for the action server to read. Anything ujson
    refuses goes through `json` as before.
    """
    try:
        return str(ujson.dumps(payload, ensure_ascii=False))
    except (TypeError, OverflowError, ValueError):
        return json.dumps(payload)


def _kept_session(self: EndpointConfig) -> Any:
    """Drop-in for `EndpointConfig.session` inside a running loop."""
    try:
        return _KeptSession(pooled_session(self))
    except RuntimeError:  # no running loop: a caller outside asyncio gets a stock session
        return _STOCK["session"](self)


def is_installed() -> bool:
    """Whether `EndpointConfig` hands out pooled sessions."""
    return EndpointConfig.__dict__.get("session") is _kept_session


def install() -> None:
    """Make `EndpointConfig.request` reuse pooled sessions (idempotent)."""
    if is_installed():
        return
    stock = EndpointConfig.__dict__.get("session")
    if stock is None:
        raise RuntimeError("EndpointConfig.session is gone: re-check this patch")
    _STOCK["session"] = stock
    EndpointConfig.session = _kept_session  # type: ignore[method-assign]
    logger.info("calls to the action server reuse pooled HTTP connections")


async def close_sessions() -> None:
    """Close the pooled sessions of the running loop (server shutdown, tests)."""
    loop_id = id(asyncio.get_running_loop())
    for key in [key for key in _SESSIONS if key[0] == loop_id]:
        await _SESSIONS.pop(key).close()


def uninstall() -> None:
    """Restore Rasa's own session per request (for tests)."""
    stock = _STOCK.pop("session", None)
    if stock is not None:
        EndpointConfig.session = stock  # type: ignore[method-assign]
