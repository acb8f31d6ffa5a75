"""Calls to the action server reuse one kept-alive connection, with Rasa's own request code."""

import json
from contextlib import asynccontextmanager
from typing import AsyncIterator, Awaitable, Callable, List, Tuple

import pytest
from aiohttp import web
from rasa.utils.endpoints import EndpointConfig

from bot.rasa_runtime import action_requests, http_keepalive


@asynccontextmanager
async def serving(
    handler: Callable[[web.Request], Awaitable[web.Response]],
    port: int = 0,
) -> AsyncIterator[str]:
    """A local HTTP server with `handler` at /webhook (on `port`, or any free one)."""
    app = web.Application()
    app.router.add_post("/webhook", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield f"http://127.0.0.1:{port}/webhook"
    finally:
        await runner.cleanup()


@pytest.fixture
async def action_server():
    """A local HTTP server answering like an action server; records each request's client."""
    peers: List[Tuple[str, int]] = []
    headers: List[dict] = []

    async def webhook(request: web.Request) -> web.Response:
        peers.append(request.transport.get_extra_info("peername"))
        headers.append(dict(request.headers))
        body = await request.json()
        return web.json_response({"events": [], "responses": [], "echo": body["next_action"]})

    async with serving(webhook) as url:
        yield url, peers, headers


@pytest.fixture(autouse=True)
def aiohttp_requests():
    """Rasa's own aiohttp request, which these sessions serve (not the lean client)."""
    was_installed = action_requests.is_installed()
    action_requests.uninstall()
    yield
    if was_installed:
        action_requests.install()


@pytest.fixture
def installed():
    http_keepalive.install()
    yield
    http_keepalive.uninstall()


@pytest.fixture
def stock():
    """Rasa as shipped (another test may have installed every runtime fix)."""
    was_installed = http_keepalive.is_installed()
    http_keepalive.uninstall()
    yield
    if was_installed:
        http_keepalive.install()


async def _call(endpoint: EndpointConfig, n: int) -> List[str]:
    return [
        (await endpoint.request(json={"next_action": f"action_{i}"}, method="post"))["echo"]
        for i in range(n)
    ]


async def test_stock_rasa_opens_a_connection_per_call(action_server, stock):
    url, peers, _ = action_server
    assert await _call(EndpointConfig(url), 3) == ["action_0", "action_1", "action_2"]
    assert len(set(peers)) == 3


async def test_installed_calls_share_one_connection(action_server, installed):
    url, peers, _ = action_server
    endpoint = EndpointConfig(url)
    assert await _call(endpoint, 3) == ["action_0", "action_1", "action_2"]
    assert len(peers) == 3 and len(set(peers)) == 1
    await http_keepalive.close_sessions()


async def test_headers_and_auth_are_those_of_the_endpoint(action_server, installed):
    url, _, headers = action_server
    endpoint = EndpointConfig(
        url, headers={"X-Shop": "demo"}, basic_auth={"username": "rasa", "password": "s3cret"}
    )
    other = EndpointConfig(url, headers={"X-Shop": "other"})
    await _call(endpoint, 1)
    await _call(other, 1)
    assert headers[0]["X-Shop"] == "demo"
    assert headers[0]["Authorization"].startswith("Basic ")
    assert headers[1]["X-Shop"] == "other" and "Authorization" not in headers[1]
    await http_keepalive.close_sessions()


async def test_a_closed_pool_is_replaced(action_server, installed):
    url, peers, _ = action_server
    endpoint = EndpointConfig(url)
    await _call(endpoint, 1)
    await http_keepalive.close_sessions()
    assert await _call(endpoint, 1) == ["action_0"]
    assert len(set(peers)) == 2
    await http_keepalive.close_sessions()


async def test_errors_are_raised_as_rasa_raises_them(installed):
    from rasa.utils.endpoints import ClientResponseError

    async def broken(request: web.Request) -> web.Response:
        return web.Response(status=500, text="boom")

    async with serving(broken) as url:
        try:
            with pytest.raises(ClientResponseError) as error:
                await EndpointConfig(url).request(json={})
            assert error.value.status == 500
        finally:
            await http_keepalive.close_sessions()


def test_install_is_idempotent_and_uninstall_restores_rasa(stock):
    rasa_session = EndpointConfig.__dict__["session"]
    http_keepalive.install()
    http_keepalive.install()
    assert http_keepalive.is_installed()
    http_keepalive.uninstall()
    assert EndpointConfig.__dict__["session"] is rasa_session


async def test_the_body_is_utf8_json_of_the_payload(action_server, installed):
    url, _, headers = action_server
    payload = {"next_action": "action_0", "tracker": {"text": "收到的杯子碎了😭", "score": 1 / 3}}
    reply = await EndpointConfig(url).request(json=payload, method="post")
    assert reply["echo"] == "action_0"
    assert http_keepalive.dump_json(payload).count("收到的杯子碎了") == 1  # not \\u-escaped
    assert json.loads(http_keepalive.dump_json(payload)) == payload
    assert headers[0]["Content-Type"].startswith("application/json")
    await http_keepalive.close_sessions()


def test_what_ujson_refuses_is_encoded_by_json():
    big = {"amount": 2**70}
    assert json.loads(http_keepalive.dump_json(big)) == big


async def test_a_restarted_server_costs_no_call(installed):
    """The pooled connection dies with the old server; the next call opens a new one."""
    served: List[str] = []

    async def webhook(request: web.Request) -> web.Response:
        body = await request.json()
        served.append(body["next_action"])
        return web.json_response({"events": [], "responses": [], "echo": body["next_action"]})

    async with serving(webhook) as url:
        endpoint = EndpointConfig(url)
        assert await _call(endpoint, 2) == ["action_0", "action_1"]
        port = int(url.split(":")[2].split("/")[0])
    async with serving(webhook, port=port):  # the same address at once, a new process's socket
        assert await _call(endpoint, 2) == ["action_0", "action_1"]
    assert served == ["action_0", "action_1"] * 2
