"""The order form asks a shop's real order API (a local HTTP server) for the other readings of
a number typed in groups (`bot.orders.readings`), and keeps the customer's check when it cannot."""

import socket

import pytest
from aiohttp import web

from actions import dependencies
from actions.validation import ValidateComplaintForm
from tests.actions.conftest import make_tracker


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
async def shop(monkeypatch):
    """The shop's order API: knows 998877665512, not 9988776655; answers 503 for 99887766 ids."""
    asked = []

    async def order(request: web.Request) -> web.Response:
        order_id = request.match_info["order_id"]
        asked.append(order_id)
        if order_id == "998877665512":
            return web.json_response({"order_id": order_id, "status": "delivered", "amount": 59})
        if order_id.startswith("99887766") and order_id != "9988776655":
            return web.json_response({"error": "maintenance"}, status=503)
        return web.json_response({"error": "not found"}, status=404)

    app = web.Application()
    app.router.add_get("/orders/{order_id}", order)
    runner = web.AppRunner(app)
    await runner.setup()
    port = _free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    monkeypatch.setenv("COMPLAINTS_ORDER_SERVICE__TYPE", "http")
    monkeypatch.setenv("COMPLAINTS_ORDER_SERVICE__URL", f"http://127.0.0.1:{port}")
    dependencies.settings.cache_clear()
    dependencies.order_service.cache_clear()
    yield asked
    await runner.cleanup()


async def _validate(typed: str, extracted: str, dispatcher, domain):
    tracker = make_tracker(typed, "inform", slots={"requested_slot": "order_id"})
    return await ValidateComplaintForm().validate_order_id(extracted, dispatcher, tracker, domain)


async def test_the_reading_the_shop_knows_is_filed(shop, dispatcher, domain):
    result = await _validate("9988776655 12", "9988776655", dispatcher, domain)
    assert (result["order_id"], result["order_verified"]) == ("998877665512", True)
    assert shop == ["9988776655", "998877665512"]


async def test_a_reading_the_shop_cannot_answer_leaves_the_typed_number_to_check(
    shop, dispatcher, domain
):
    result = await _validate("9988776655 34", "9988776655", dispatcher, domain)
    assert result["pending_order_id"] == "9988776655" and result["order_id"] is None
    assert shop == ["9988776655", "998877665534"]
