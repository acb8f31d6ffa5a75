import logging

import pytest
from sanic import Sanic

from bot.api.app import MissingApiToken, create_app
from bot.api.errors import mask_digits
from bot.settings import Secret, Settings
from bot.tickets import TICKET_KEYS, TicketDraft

from .conftest import API_TOKEN, AsgiClient, start_lifespan


def draft(**overrides):
    values = {
        "conversation_id": "widget-u1",
        "channel": "widget",
        "order_id": "202411235567",
        "order_verified": True,
        "issue_category": "logistics",
        "issue_description": "杯子到货就碎了",
        "desired_remedy": "reship",
    }
    values.update(overrides)
    return TicketDraft(**values)


@pytest.fixture
def seeded(ticket_store):
    a = ticket_store.create_ticket(draft(), "a")
    b = ticket_store.create_ticket(draft(conversation_id="live-u2", channel="livestream"), "b")
    c = ticket_store.create_ticket(draft(order_id="202411200012"), "c")
    ticket_store.update_ticket(b["id"], actor="agent:li", status="assigned", assignee="li")
    return a, ticket_store.get_ticket(b["id"]), c


def assert_error(response, status, error=None):
    assert response.status == status, response.body
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error", "message"}
    assert body["message"]
    if error:
        assert body["error"] == error


# --- app factory and health --------------------------------------------------------------


def test_app_refuses_to_start_without_a_token(sqlite_url):
    with pytest.raises(MissingApiToken, match="COMPLAINTS_API_TOKEN"):
        create_app(Settings(database_url=sqlite_url, api_token=Secret("   ")))


def test_default_store_and_parser_come_from_settings(monkeypatch, api_settings):
    monkeypatch.setattr(Sanic, "test_mode", True)
    app = create_app(api_settings)
    try:
        assert app.ctx.store.count_tickets() == 0
        assert type(app.ctx.parser).__name__ == "TriageService"
    finally:
        app.ctx.store.close()


async def test_health_needs_no_token(client):
    response = await client.get("/health", token=None)
    assert response.status == 200
    assert response.json() == {"status": "ok"}


async def test_openapi_document_describes_every_route(client):
    response = await client.get("/api/openapi.json")
    assert response.status == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {
        "/health",
        "/api/openapi.json",
        "/api/tickets",
        "/api/tickets/{ticket_id}",
        "/api/incidents/{incident_id}",
        "/api/triage",
    }
    ticket = document["components"]["schemas"]["Ticket"]
    assert tuple(ticket["required"]) == TICKET_KEYS


# --- auth --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"authorization": "Bearer wrong-token"},
        {"authorization": f"Basic {API_TOKEN}"},
        {"authorization": "Bearer"},
        {"authorization": f"Bearer {API_TOKEN}x"},
        {"authorization": "Bearer 令牌"},
    ],
)
@pytest.mark.parametrize(
    "method, path",
    [
        ("GET", "/api/tickets"),
        ("GET", "/api/tickets/C20261123-0001"),
        ("POST", "/api/triage"),
        ("GET", "/api/openapi.json"),
        ("GET", "/api/no-such-route"),
    ],
)
async def test_api_routes_need_the_bearer_token(client, headers, method, path):
    response = await client.request(
        method, path, token=None, headers=headers, json={"text": "x"} if method == "POST" else None
    )
    assert_error(response, 401, "unauthorized")
    assert response.headers["www-authenticate"].startswith("Bearer")


# --- tickets -----------------------------------------------------------------------------


async def test_get_ticket_returns_the_spec_json(client, seeded):
    a, _, _ = seeded
    response = await client.get(f"/api/tickets/{a['id']}")

    assert response.status == 200
    body = response.json()
    assert body == a
    assert tuple(body) == TICKET_KEYS
    assert "杯子到货就碎了" in response.body.decode("utf-8")  # readable, not \u escaped


async def test_unknown_ticket_is_a_json_404(client, seeded):
    assert_error(await client.get("/api/tickets/C20991231-0001"), 404, "ticket_not_found")
    assert_error(await client.get("/api/tickets/" + "x" * 300), 404, "ticket_not_found")


async def test_unknown_route_and_wrong_method_are_json_errors(client):
    assert_error(await client.get("/nowhere", token=None), 404, "not_found")
    assert_error(await client.get("/api/nowhere"), 404, "not_found")
    assert_error(await client.request("DELETE", "/api/tickets"), 405, "method_not_allowed")


async def test_list_tickets_with_filters_and_paging(client, seeded):
    a, b, c = seeded

    async def ids(*query):
        response = await client.get("/api/tickets", query=list(query))
        assert response.status == 200, response.body
        return [t["id"] for t in response.json()["tickets"]]

    assert await ids() == [c["id"], b["id"], a["id"]]
    assert await ids(("status", "open")) == [c["id"], a["id"]]
    assert await ids(("status", "assigned")) == [b["id"]]
    assert await ids(("conversation_id", "live-u2")) == [b["id"]]
    assert await ids(("order_id", "202411200012")) == [c["id"]]
    assert await ids(("order_id", "２０２４ 1120-0012")) == [c["id"]]
    assert await ids(("order_id", "202411235567"), ("status", "open")) == [a["id"]]
    assert await ids(("limit", "1"), ("offset", "1")) == [b["id"]]

    page = (await client.get("/api/tickets", query=[("limit", "2")])).json()
    assert page["total"] == 3 and page["limit"] == 2 and page["offset"] == 0
    assert all(tuple(t) == TICKET_KEYS for t in page["tickets"])


@pytest.mark.parametrize(
    "query",
    [
        [("status", "pending")],
        [("status", "")],
        [("status", "open"), ("status", "closed")],
        [("limit", "0")],
        [("limit", "501")],
        [("limit", "ten")],
        [("limit", "-1")],
        [("limit", "1.5")],
        [("limit", "１０")],
        [("offset", "-5")],
        [("offset", "")],
        [("sort", "created_at")],
        [("order_id", "1" * 300)],
    ],
)
async def test_bad_list_queries_are_400(client, query):
    assert_error(await client.get("/api/tickets", query=query), 400, "invalid_request")


# --- logging -----------------------------------------------------------------------------


def test_mask_digits_hides_phone_numbers():
    assert mask_digits("/api/tickets?contact=13800138000") == "/api/tickets?contact=*********00"
    assert mask_digits("call 138-0013-8000 now") == "call ***-****-**00 now"
    assert mask_digits("order 12345") == "order 12345"


async def test_logs_do_not_contain_phone_numbers(client, caplog):
    caplog.set_level(logging.DEBUG, logger="bot.api")
    await client.get("/api/tickets/13800138000")
    await client.get("/api/tickets/13912345678", token="wrong")

    text = caplog.text
    assert "13800138000" not in text and "13912345678" not in text
    assert "*********00" in text


class BrokenStore:
    def get_ticket(self, ticket_id):
        raise RuntimeError(f"connection lost while reading {ticket_id} for 13800138000")


async def test_unexpected_errors_are_a_json_500_without_internals(
    monkeypatch, api_settings, triage_service, caplog
):
    monkeypatch.setattr(Sanic, "test_mode", True)
    caplog.set_level(logging.DEBUG, logger="bot.api")
    app = create_app(api_settings, store=BrokenStore(), parser=triage_service)
    shutdown = await start_lifespan(app)
    try:
        response = await AsgiClient(app).get("/api/tickets/C20261123-0001")
    finally:
        await shutdown()

    assert_error(response, 500, "internal_error")
    assert "connection lost" not in response.body.decode()
    assert "RuntimeError" in caplog.text
    assert "13800138000" not in caplog.text
