"""Send Rasa's JSON posts to the action server over a lean HTTP/1.1 client.

Why: every customer message makes the Rasa server call the action server three times (the
slot mappings' pass, the form's validation, a custom action), each with the whole
conversation as JSON. Through aiohttp each call cost ≈0.3 ms of the server's CPU besides the
encoding (request and response objects, cookie jar, tracing hooks, timers), ≈9 % of the
Rasa server's CPU per message (docs/performance.md); the body is encoded once to UTF-8 bytes
by orjson instead of ujson plus `str.encode`.

Only the plainest calls take this path: a JSON `post` to an `http://` endpoint without a
certificate file or compression, which is how `RemoteAction` calls the action server.
Everything else goes through Rasa's own `EndpointConfig.request` (kept-alive by
`bot.rasa_runtime.http_keepalive`). The result is Rasa's: the parsed JSON body, `None` when
the answer is not JSON, `ClientResponseError(status, reason, body)` from status 400 on (a
rejected action is a 400), `aiohttp.ClientConnectionError` when the server cannot be reached
or drops the connection, `asyncio.TimeoutError` after the request's timeout. Connections are
kept per event loop and endpoint address and dropped after `KEEPALIVE_SECONDS` idle, before
the action server (Sanic, 5 s) would close them. Installed by `bot.rasa_runtime.install_all()`.
"""

from __future__ import annotations

import asyncio
import base64
import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, DefaultDict, Dict, List, Optional, Tuple, TypeVar
from urllib.parse import urlencode, urlsplit

import aiohttp
import orjson
from rasa.utils.endpoints import (
    DEFAULT_REQUEST_TIMEOUT,
    ClientResponseError,
    EndpointConfig,
    concat_url,
)

from bot.rasa_runtime import http_keepalive

IDLE_CONNECTIONS = 32  # kept per loop and address; more concurrent calls open more
_PLAIN_KWARGS = frozenset({"json", "timeout"})
_STOCK: Dict[str, Callable[..., Any]] = {}

Address = Tuple[str, int]


@dataclass
class _Connection:
    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    idle_since: float = field(default_factory=time.monotonic)

    def reusable(self) -> bool:
        return (
            not self.writer.is_closing()
            and not self.reader.at_eof()
            and time.monotonic() - self.idle_since < http_keepalive.KEEPALIVE_SECONDS
        )

    def close(self) -> None:
        self.writer.close()


_IDLE: Dict[int, DefaultDict[Address, List[_Connection]]] = {}


def _pool() -> DefaultDict[Address, List[_Connection]]:
    loop_id = id(asyncio.get_running_loop())
    if loop_id not in _IDLE:
        _IDLE[loop_id] = defaultdict(list)
    return _IDLE[loop_id]


async def _connection(address: Address) -> _Connection:
    """An idle kept-alive connection to `address`, or a new one."""
    idle = _pool()[address]
    while idle:
        connection = idle.pop()
        if connection.reusable():
            return connection
        connection.close()
    try:
        reader, writer = await asyncio.open_connection(*address)
    except OSError as error:
        raise aiohttp.ClientConnectionError(
            f"cannot connect to {address[0]}:{address[1]}: {error}"
        ) from error
    return _Connection(reader, writer)


def _release(address: Address, connection: _Connection) -> None:
    idle = _pool()[address]
    if len(idle) >= IDLE_CONNECTIONS:
        connection.close()
        return
    connection.idle_since = time.monotonic()
    idle.append(connection)


# numpy scalars: the intent classifier's names and scores in every parsed message
_ORJSON_OPTIONS = orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS


def encode_json(payload: Any) -> bytes:
    """UTF-8 JSON of Rasa's call; what orjson refuses goes through ujson, then `json`."""
    try:
        return orjson.dumps(payload, option=_ORJSON_OPTIONS)
    except TypeError:
        return http_keepalive.dump_json(payload).encode()


@dataclass
class Response:
    """One HTTP response as read off the connection."""

    status: int
    reason: str
    headers: Dict[str, str]
    body: bytes
    keep_alive: bool


async def _read_response(reader: asyncio.StreamReader) -> Response:
    """One HTTP/1.1 response: status line, headers, then a sized, chunked or closing body."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError as error:
        raise aiohttp.ServerDisconnectedError() from error
    except asyncio.LimitOverrunError as error:
        raise aiohttp.ClientPayloadError("response headers too long") from error
    status_line, *header_lines = head[:-4].decode("latin-1").split("\r\n")
    version, _, rest = status_line.partition(" ")
    code, _, reason = rest.partition(" ")
    if not version.startswith("HTTP/1.") or not code.isdigit():
        raise aiohttp.ClientPayloadError(f"not an HTTP/1.x response: {status_line[:80]!r}")
    headers: Dict[str, str] = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    keep_alive = version == "HTTP/1.1" and headers.get("connection", "").lower() != "close"
    try:
        if "chunked" in headers.get("transfer-encoding", "").lower():
            body = await _read_chunked(reader)
        elif "content-length" in headers:
            body = await reader.readexactly(int(headers["content-length"]))
        else:
            body, keep_alive = await reader.read(), False
    except asyncio.IncompleteReadError as error:
        raise aiohttp.ClientPayloadError("the response ended early") from error
    except ValueError as error:
        raise aiohttp.ClientPayloadError(f"bad response framing: {error}") from error
    return Response(int(code), reason, headers, body, keep_alive)


async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
    parts: List[bytes] = []
    while True:
        size = int((await reader.readuntil(b"\r\n")).split(b";")[0].strip(), 16)
        if size == 0:
            while (await reader.readuntil(b"\r\n")) != b"\r\n":
                pass  # trailers
            return b"".join(parts)
        parts.append(await reader.readexactly(size))
        await reader.readexactly(2)


def _request_bytes(
    endpoint: EndpointConfig, url: str, body: bytes, headers: Dict[str, str]
) -> bytes:
    parts = urlsplit(url)
    target = parts.path or "/"
    query = "&".join(q for q in (parts.query, urlencode(endpoint.combine_parameters())) if q)
    if query:
        target += "?" + query
    auth = endpoint.basic_auth
    if auth:
        token = base64.b64encode(f"{auth['username']}:{auth['password']}".encode()).decode()
        headers["Authorization"] = f"Basic {token}"
    lines = [
        f"POST {target} HTTP/1.1",
        f"Host: {parts.netloc}",
        *(f"{k}: {v}" for k, v in headers.items()),
    ]
    lines += [f"Content-Length: {len(body)}", "Connection: keep-alive", "", ""]
    return "\r\n".join(lines).encode("latin-1") + body


def is_plain_call(
    endpoint: EndpointConfig, method: str, compress: bool, kwargs: Dict[str, Any]
) -> bool:
    """Whether this call is a plain JSON post to an http:// endpoint (the action server's)."""
    return (
        method.lower() == "post"
        and not compress
        and not endpoint.cafile
        and "json" in kwargs
        and set(kwargs) <= _PLAIN_KWARGS
        and endpoint.url is not None
        and endpoint.url.startswith("http://")
    )


async def post_json(
    endpoint: EndpointConfig,
    subpath: Optional[str],
    content_type: Optional[str],
    payload: Any,
    timeout: float = DEFAULT_REQUEST_TIMEOUT,
) -> Optional[Any]:
    """`EndpointConfig.request(json=payload)`'s result, over a kept-alive connection."""
    url = concat_url(endpoint.url, subpath)
    parts = urlsplit(url)
    address = (parts.hostname or "127.0.0.1", parts.port or 80)
    headers = {"Content-Type": content_type} if content_type else {}
    headers.update(endpoint.headers or {})
    request = _request_bytes(endpoint, url, encode_json(payload), headers)
    response = await within(_exchange(address, request), timeout)
    if response.status >= 400:
        raise ClientResponseError(response.status, response.reason, response.body)
    media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/json":
        return None  # aiohttp's ContentTypeError, which Rasa turns into None
    text = response.body.strip()
    return _decode_json(text) if text else None


def _decode_json(text: bytes) -> Any:
    """The answer's JSON by orjson; what it refuses (NaN, huge integers) by `json`, as Rasa."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text.decode())


T = TypeVar("T")


async def within(awaitable: Awaitable[T], timeout: float) -> T:
    """`asyncio.wait_for(awaitable, timeout)` without a task of its own.

    Why: `wait_for` wraps the call in a new task and a timer, about a third of the lean
    client's time per call. Here a timer cancels the calling task itself, and the
    cancellation it caused becomes `asyncio.TimeoutError`; any other one passes through.
    """
    task = asyncio.current_task()
    if task is None:
        return await asyncio.wait_for(awaitable, timeout)
    expired = False

    def expire() -> None:
        nonlocal expired
        expired = True
        task.cancel()

    timer = asyncio.get_running_loop().call_later(timeout, expire)
    try:
        return await awaitable
    except asyncio.CancelledError:
        if expired:
            raise asyncio.TimeoutError from None
        raise
    finally:
        timer.cancel()


async def _exchange(address: Address, request: bytes) -> Response:
    connection = await _connection(address)
    try:
        connection.writer.write(request)
        await connection.writer.drain()
        response = await _read_response(connection.reader)
    except (ConnectionError, OSError) as error:
        connection.close()
        raise aiohttp.ClientConnectionError(
            f"connection to {address[0]}:{address[1]} lost: {error}"
        ) from error
    except BaseException:
        connection.close()
        raise
    if response.keep_alive:
        _release(address, connection)
    else:
        connection.close()
    return response


async def request(
    self: EndpointConfig,
    method: str = "post",
    subpath: Optional[str] = None,
    content_type: Optional[str] = "application/json",
    compress: bool = False,
    **kwargs: Any,
) -> Optional[Any]:
    """Drop-in for `EndpointConfig.request`: plain JSON posts take the lean client."""
    if not is_plain_call(self, method, compress, kwargs):
        return await _STOCK["request"](self, method, subpath, content_type, compress, **kwargs)
    return await post_json(
        self,
        subpath,
        content_type,
        kwargs["json"],
        kwargs.get("timeout") or DEFAULT_REQUEST_TIMEOUT,
    )


async def close_connections() -> None:
    """Close the kept connections of the running loop (server shutdown, tests)."""
    for connections in _IDLE.pop(id(asyncio.get_running_loop()), {}).values():
        for connection in connections:
            connection.close()


def is_installed() -> bool:
    """Whether `EndpointConfig.request` is the lean one."""
    return vars(EndpointConfig).get("request") is request


def install() -> None:
    """Make plain JSON posts take the lean client (idempotent)."""
    if is_installed():
        return
    stock = vars(EndpointConfig).get("request")
    if stock is None:
        raise RuntimeError("EndpointConfig.request is gone: re-check this patch")
    _STOCK["request"] = stock
    EndpointConfig.request = request  # type: ignore[method-assign]


def uninstall() -> None:
    """Restore Rasa's own requests (for tests)."""
    stock = _STOCK.pop("request", None)
    if stock is not None:
        EndpointConfig.request = stock  # type: ignore[method-assign]
