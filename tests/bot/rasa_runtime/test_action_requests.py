"""Plain JSON posts to the action server answer exactly as Rasa's aiohttp request does."""

import asyncio
import json
from typing import Any, Dict, List, Tuple

import aiohttp
import pytest
from aiohttp import web
from rasa.utils.endpoints import ClientResponseError, EndpointConfig

from bot.rasa_runtime import action_requests, http_keepalive
from tests.bot.rasa_runtime.test_http_keepalive import serving


@pytest.fixture
def lean():
    """The lean client installed, Rasa's aiohttp request (kept alive) as the fallback."""
    was = action_requests.is_installed(), http_keepalive.is_installed()
    http_keepalive.install()
    action_requests.install()
    yield
    action_requests.uninstall()
    if was[0]:
        action_requests.install()
    if not was[1]:
        http_keepalive.uninstall()


async def both(endpoint: EndpointConfig, **kwargs: Any) -> Tuple[Any, Any]:
    """(Rasa's answer, the lean client's answer) to the same call; exceptions as values."""
    answers = []
    for lean_on in (False, True):
        (action_requests.install if lean_on else action_requests.uninstall)()
        try:
            answers.append(await endpoint.request(**kwargs))
        except Exception as error:  # compared below: type and fields
            answers.append(error)
    await action_requests.close_connections()
    await http_keepalive.close_sessions()
    return answers[0], answers[1]


def same_error(stock: Exception, ours: Exception) -> bool:
    if isinstance(stock, ClientResponseError):
        return isinstance(ours, ClientResponseError) and (ours.status, ours.message, ours.text) == (
            stock.status,
            stock.message,
            stock.text,
        )
    return type(stock) is type(ours) or (
        isinstance(stock, aiohttp.ClientConnectionError)
        and isinstance(ours, aiohttp.ClientConnectionError)
    )


REPLIES: Dict[str, Any] = {
    "json": lambda: web.json_response(
        {"events": [{"event": "slot", "name": "a", "value": "订单"}]}
    ),
    "empty json": lambda: web.Response(body=b"  ", content_type="application/json"),
    "not json": lambda: web.Response(text="<html>hi</html>", content_type="text/html"),
    "json with charset": lambda: web.Response(
        body=json.dumps({"x": "退款"}).encode(),
        headers={"Content-Type": "application/json; charset=utf-8"},
    ),
    "rejected": lambda: web.json_response(
        {"action_name": "validate_complaint_form", "error": "no"}, status=400
    ),
    "not found": lambda: web.Response(status=404, text="no such action"),
    "crashed": lambda: web.Response(status=500, text="boom"),
}


@pytest.mark.parametrize("kind", sorted(REPLIES))
async def test_every_kind_of_answer_is_rasas(lean, kind):
    async def webhook(request: web.Request) -> web.Response:
        await request.read()
        return REPLIES[kind]()

    async with serving(webhook) as url:
        stock, ours = await both(EndpointConfig(url), json={"next_action": "x"}, method="post")
    if isinstance(stock, Exception):
        assert same_error(stock, ours), (stock, ours)
    else:
        assert ours == stock


async def test_chunked_and_closing_answers_are_read_whole(lean):
    async def chunked(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/json"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        for part in (
            b'{"events": [',
            b'{"event": "slot", "name": "a", "value": "\xe9\x80\x80"}',
            b"]}",
        ):
            await response.write(part)
        await response.write_eof()
        return response

    async with serving(chunked) as url:
        stock, ours = await both(EndpointConfig(url), json={}, method="post")
    assert ours == stock == {"events": [{"event": "slot", "name": "a", "value": "退"}]}


async def test_the_request_carries_body_headers_auth_and_token(lean):
    seen: List[Dict[str, Any]] = []

    async def webhook(request: web.Request) -> web.Response:
        seen.append(
            {
                "query": dict(request.query),
                "headers": dict(request.headers),
                "body": await request.json(),
            }
        )
        return web.json_response({})

    payload = {"tracker": {"text": "收到的杯子碎了😭", "score": 1 / 3, "n": 2**70}}
    async with serving(webhook) as url:
        endpoint = EndpointConfig(
            url,
            headers={"X-Shop": "demo"},
            basic_auth={"username": "rasa", "password": "s3cret"},
            token="t0k",
            params={"shop": "杭州"},
        )
        await both(endpoint, json=payload, method="post")
    stock, ours = seen
    assert ours["body"] == stock["body"] == payload
    assert ours["query"] == stock["query"] == {"token": "t0k", "shop": "杭州"}
    for header in ("X-Shop", "Authorization", "Content-Type"):
        assert ours["headers"][header] == stock["headers"][header]


async def test_calls_share_one_kept_alive_connection(lean):
    peers = []

    async def webhook(request: web.Request) -> web.Response:
        peers.append(request.transport.get_extra_info("peername"))
        return web.json_response({"n": len(peers)})

    async with serving(webhook) as url:
        endpoint = EndpointConfig(url)
        answers = [await endpoint.request(json={}, method="post") for _ in range(4)]
        answers += await asyncio.gather(*(endpoint.request(json={}) for _ in range(3)))
        await action_requests.close_connections()
    assert [a["n"] for a in answers[:4]] == [1, 2, 3, 4]
    assert len(set(peers[:4])) == 1  # one after the other: the same connection
    assert len(peers) == 7


async def test_a_restarted_server_is_reached_on_a_new_connection(lean):
    async def webhook(request: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    async with serving(webhook) as url:
        endpoint = EndpointConfig(url)
        assert await endpoint.request(json={}) == {"ok": True}
        port = int(url.split(":")[2].split("/")[0])
    with pytest.raises(aiohttp.ClientConnectionError):
        await endpoint.request(json={})  # nobody listens: Rasa's "couldn't connect" error
    async with serving(webhook, port=port):
        assert await endpoint.request(json={}) == {"ok": True}
    await action_requests.close_connections()


async def test_a_server_that_hangs_up_mid_answer_is_a_client_error(lean):
    async def rude(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{"
        )
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(rude, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        with pytest.raises(aiohttp.ClientError):
            await EndpointConfig(f"http://127.0.0.1:{port}/webhook").request(json={})
    await action_requests.close_connections()


async def test_a_slow_server_times_out(lean):
    async def slow(request: web.Request) -> web.Response:
        await asyncio.sleep(2)
        return web.json_response({})

    async with serving(slow) as url:
        with pytest.raises(asyncio.TimeoutError):
            await EndpointConfig(url).request(json={}, timeout=0.2)
    await action_requests.close_connections()


async def test_other_calls_go_through_rasas_request(lean):
    async def webhook(request: web.Request) -> web.Response:
        return web.json_response(
            {"method": request.method, "body": (await request.read()).decode()}
        )

    app = web.Application()
    app.router.add_route("*", "/webhook", webhook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}/webhook"  # type: ignore[union-attr]
    try:
        endpoint = EndpointConfig(url)
        assert not action_requests.is_plain_call(endpoint, "get", False, {})
        assert not action_requests.is_plain_call(endpoint, "post", True, {"json": {}})
        assert not action_requests.is_plain_call(endpoint, "post", False, {"data": "x"})
        assert not action_requests.is_plain_call(
            EndpointConfig("https://x/y"), "post", False, {"json": {}}
        )
        assert action_requests.is_plain_call(endpoint, "post", False, {"json": {}, "timeout": 3})
        assert (await endpoint.request(method="get"))["method"] == "GET"
        assert (await endpoint.request(json={"a": 1}, compress=True))["method"] == "POST"
    finally:
        await http_keepalive.close_sessions()
        await runner.cleanup()


def test_bodies_are_encoded_by_orjson_as_json_would_read_them():
    import numpy as np

    parsed = {
        "intent": {"name": np.str_("complain"), "confidence": np.float64(0.93)},
        "ranking": [np.float32(0.5), np.int64(3)],
        1: "a",
        "text": "退款😭",
    }
    body = action_requests.encode_json(parsed)
    assert json.loads(body) == {
        "intent": {"name": "complain", "confidence": 0.93},
        "ranking": [0.5, 3],
        "1": "a",
        "text": "退款😭",
    }
    assert "退款".encode() in body  # UTF-8, not \\u escapes
    assert json.loads(action_requests.encode_json({"n": 2**70})) == {"n": 2**70}  # ujson/json


def test_install_is_idempotent_and_undone():
    rasa_request = EndpointConfig.__dict__["request"]
    was = action_requests.is_installed()
    action_requests.uninstall()
    rasa_request = EndpointConfig.__dict__["request"]
    action_requests.install()
    action_requests.install()
    assert action_requests.is_installed()
    action_requests.uninstall()
    assert EndpointConfig.__dict__["request"] is rasa_request
    if was:
        action_requests.install()


async def test_within_returns_and_leaves_no_timer_behind():
    assert await action_requests.within(asyncio.sleep(0.01, result="done"), 0.1) == "done"
    await asyncio.sleep(0.2)  # past the timeout: the calling task was not cancelled


async def test_within_times_out_and_cancels_the_awaited_call():
    finished = []

    async def slow() -> None:
        await asyncio.sleep(1)
        finished.append(True)

    with pytest.raises(asyncio.TimeoutError):
        await action_requests.within(slow(), 0.05)
    await asyncio.sleep(0)
    assert finished == []


async def test_within_lets_a_cancellation_from_outside_through():
    started = asyncio.Event()

    async def caller() -> None:
        started.set()
        await action_requests.within(asyncio.sleep(1), 5)

    task = asyncio.create_task(caller())
    await started.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_answers_with_nan_are_read_as_rasa_reads_them(lean):
    async def webhook(request: web.Request) -> web.Response:
        return web.Response(text='{"events": [], "score": NaN}', content_type="application/json")

    async with serving(webhook) as url:
        answer = await EndpointConfig(url).request(json={})
    await action_requests.close_connections()
    assert answer["events"] == [] and answer["score"] != answer["score"]
