import pytest
from aioresponses import aioresponses

from bot.orders.service import (
    DemoOrderService,
    HttpOrderService,
    OrderServiceUnavailable,
    build_order_service,
)
from bot.settings import PROJECT_ROOT, OrderServiceSettings


async def test_demo_orders_are_found_case_insensitively():
    service = DemoOrderService(PROJECT_ROOT / "config" / "demo_orders.yml")
    order = await service.get_order("dd20241123889")
    assert order["order_id"] == "DD20241123889"
    assert order["amount"] == 268.0
    assert await service.get_order("999999999999") is None


async def test_demo_live_orders_record_their_session():
    service = DemoOrderService(PROJECT_ROOT / "config" / "demo_orders.yml")
    order = await service.get_order("LS20241120001")
    assert order["live"]["streamer"]


async def test_http_service_reads_order_and_sends_token():
    service = HttpOrderService("http://orders.test/api", token="s3cret")
    with aioresponses() as fake:
        fake.get(
            "http://orders.test/api/orders/202411235567",
            payload={"order_id": "202411235567", "amount": 10},
        )
        order = await service.get_order("202411235567")
        request = next(iter(fake.requests.values()))[0]
    assert order == {"order_id": "202411235567", "amount": 10}
    assert request.kwargs["headers"]["Authorization"] == "Bearer s3cret"


async def test_http_service_404_is_unknown_and_500_is_unavailable():
    service = HttpOrderService("http://orders.test")
    with aioresponses() as fake:
        fake.get("http://orders.test/orders/A123456", status=404)
        fake.get("http://orders.test/orders/B123456", status=500)
        fake.get("http://orders.test/orders/C123456", body="not json")
        assert await service.get_order("A123456") is None
        with pytest.raises(OrderServiceUnavailable):
            await service.get_order("B123456")
        with pytest.raises(OrderServiceUnavailable):
            await service.get_order("C123456")


def test_build_order_service_checks_configuration():
    assert isinstance(build_order_service(OrderServiceSettings()), DemoOrderService)
    with pytest.raises(ValueError):
        build_order_service(OrderServiceSettings(type="http"))
    with pytest.raises(ValueError):
        build_order_service(OrderServiceSettings(type="ftp"))
