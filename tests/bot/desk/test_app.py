"""The desk app end to end through ASGI: sign-in, security, queue, hand-over to and from Rasa."""

import re
from datetime import datetime, timezone

import pytest
from yarl import URL

from bot.taxonomy import CATEGORIES
from tests.bot.desk.conftest import RASA_TOKEN, RASA_URL, DeskClient
from tests.bot.evidence import media_files as files

XSS = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def rasa_calls(mock):
    """Every call made to the fake Rasa server: (method, path, query, json body)."""
    calls = []
    for (method, url), requests in mock.requests.items():
        for request in requests:
            calls.append((method, url.path, dict(url.query), request.kwargs.get("json")))
    return calls


def events_url(conversation_id, **query):
    return URL(f"{RASA_URL}/conversations/{conversation_id}/tracker/events").with_query(
        {**query, "token": RASA_TOKEN}
    )


def tracker_url(conversation_id):
    return URL(f"{RASA_URL}/conversations/{conversation_id}/tracker").with_query(
        {"include_events": "ALL", "token": RASA_TOKEN}
    )


def mock_tracker(mock, conversation_id, *messages):
    """The fake Rasa tracker holds these `(text, unix time)` customer messages."""
    events = [{"event": "user", "text": text, "timestamp": at} for text, at in messages]
    mock.get(tracker_url(conversation_id), payload={"events": events}, repeat=True)


# --- security ---------------------------------------------------------------------------

ROUTES = [
    ("GET", "/desk/"),
    ("GET", "/desk/stats"),
    ("GET", "/desk/tickets/{id}"),
    ("GET", "/desk/api/queue"),
    ("GET", "/desk/api/queue/stream"),
    ("GET", "/desk/api/finished"),
    ("GET", "/desk/api/tickets/{id}"),
    ("GET", "/desk/api/tickets/{id}/stream"),
    ("GET", "/desk/api/stats"),
    ("GET", "/desk/stats.csv"),
    ("POST", "/desk/logout"),
    ("POST", "/desk/api/tickets/{id}/claim"),
    ("POST", "/desk/api/tickets/{id}/reply"),
    ("POST", "/desk/api/tickets/{id}/resolve"),
    ("POST", "/desk/api/tickets/{id}/note"),
    ("POST", "/desk/api/tickets/{id}/reassign"),
    ("POST", "/desk/api/tickets/{id}/escalate"),
    ("POST", "/desk/api/tickets/{id}/reopen"),
    ("GET", "/desk/incidents/{id}"),
    ("GET", "/desk/api/incidents/{id}"),
    ("POST", "/desk/api/incidents/{id}/claim"),
    ("POST", "/desk/api/incidents/{id}/reply"),
    ("POST", "/desk/api/incidents/{id}/resolve"),
]
POST_ROUTES = [r for r in ROUTES if r[0] == "POST"]


def _registered_routes(app):
    def path(route):
        text = "/" + route.path.replace("<name:str>", "<name>")
        text = text.replace("<ticket_id:str>", "{id}").replace("<incident_id:str>", "{id}")
        return "/desk/" if text == "/desk" else text

    return {
        (method, path(route))
        for route in app.router.routes
        for method in route.methods
        if method in ("GET", "POST")
    }


def test_every_route_is_listed_here(desk_app):
    public = {
        ("GET", "/health"),
        ("GET", "/desk/static/<name>"),
        ("GET", "/desk/login"),
        ("POST", "/desk/login"),
    }
    assert _registered_routes(desk_app) - public == set(ROUTES)


@pytest.mark.parametrize("method,path", ROUTES)
async def test_anonymous_requests_are_refused(client, make_ticket, rasa_mock, method, path):
    ticket = make_ticket()
    response = await client.request(method, path.format(id=ticket["id"]), json={})
    if path.startswith("/desk/api/") or method == "POST" or path.endswith(".csv"):
        assert response.status == 401
    else:
        assert response.status == 302
        assert response.header("location") == "/desk/login"
    assert rasa_calls(rasa_mock) == []


@pytest.mark.parametrize("method,path", POST_ROUTES)
async def test_forged_or_missing_csrf_token_is_refused(agent, make_ticket, rasa_mock, method, path):
    ticket = make_ticket()
    url = path.format(id=ticket["id"])
    forged = await agent.request(method, url, json={"text": "x"}, csrf="forged-token")
    missing = await agent.request(method, url, json={"text": "x"}, csrf=None)
    assert forged.status == missing.status == 403
    assert forged.json()["error"] == "csrf"
    assert rasa_calls(rasa_mock) == []
    assert (await agent.get(f"/desk/api/tickets/{ticket['id']}")).json()["ticket"][
        "status"
    ] == "open"


async def test_the_ticket_view_names_the_category(agent, make_ticket):
    """Hand test: the ticket page showed "product_quality" where the queue says its name."""
    ticket = make_ticket()
    detail = (await agent.get(f"/desk/api/tickets/{ticket['id']}")).json()
    assert detail["ticket"]["issue_category"] == ticket["issue_category"]
    assert detail["category_label"] == CATEGORIES[ticket["issue_category"]]


async def test_the_ticket_view_says_what_the_customer_added_while_it_waited(
    agent, make_ticket, desk_store
):
    """The page marks it ("客户补充了：订单号、情绪"): fields filled after the filing, not an
    agent's changes nor the fields derived with them (the order's record, its check)."""
    ticket = make_ticket(order_id=None, order=None, emotion="calm", severity="normal",
                         severity_reasons=[])  # fmt: skip
    path = f"/desk/api/tickets/{ticket['id']}"
    assert (await agent.get(path)).json()["filled"] == []
    desk_store.fill_in_waiting(
        ticket["id"],
        {"order_id": "202411215566", "order_verified": False, "emotion": "angry"},
        actor="customer",
    )
    desk_store.fill_in_waiting(
        ticket["id"], {"severity": "urgent", "severity_reasons": ["legal"]}, actor="customer"
    )
    desk_store.update_ticket(ticket["id"], actor="小王", status="assigned", assignee="小王")
    detail = (await agent.get(path)).json()
    assert detail["filled"] == ["order_id", "emotion", "severity"]
    assert detail["ticket"]["emotion"] == "angry"


async def test_the_queue_marks_what_the_customer_added_to_a_waiting_ticket(
    agent, make_ticket, desk_store
):
    waiting, claimed = make_ticket(desired_remedy=None), make_ticket(desired_remedy=None)
    for ticket in (waiting, claimed):
        desk_store.fill_in_waiting(ticket["id"], {"desired_remedy": "refund"}, actor="customer")
    desk_store.update_ticket(claimed["id"], actor="小王", status="assigned", assignee="小王")
    tickets = {t["id"]: t for t in (await agent.get("/desk/api/queue")).json()["tickets"]}
    assert tickets[waiting["id"]]["filled"] == ["desired_remedy"]
    assert tickets[claimed["id"]]["filled"] == []  # whoever claimed it has read it


async def test_a_forged_session_cookie_is_refused(client, agent):
    session = agent.cookies["desk_session"]
    sid, _, mac = session.rpartition(".")
    forged = DeskClient(client.app, cookies={"desk_session": f"{sid}.{'0' * len(mac)}"})
    assert (await forged.get("/desk/api/queue")).status == 401
    assert (await agent.get("/desk/api/queue")).status == 200


async def test_login_needs_its_csrf_token_and_the_right_password(client):
    await client.get("/desk/login")
    no_token = await client.post(
        "/desk/login", form={"name": "小王", "password": "correct horse 42"}
    )
    assert no_token.status == 403
    wrong = await client.login("小王", "wrong password")
    assert wrong.status == 401
    assert "账号或密码错误" in wrong.text
    assert "desk_session" not in client.cookies
    unknown = await client.login("nobody", "correct horse 42")
    assert unknown.status == 401


async def test_session_cookie_flags_and_logout(client):
    response = await client.login("小王")
    cookie = next(c for c in response.all("set-cookie") if c.startswith("desk_session="))
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Path=/desk" in cookie
    assert (await client.get("/desk/api/queue")).status == 200
    session = client.cookies["desk_session"]
    out = await client.post("/desk/logout", form={"csrf_token": client.csrf}, csrf=None)
    assert out.status == 302
    # the old cookie no longer works even if replayed
    replay = DeskClient(client.app, cookies={"desk_session": session})
    assert (await replay.get("/desk/api/queue")).status == 401


async def test_pages_send_a_strict_content_security_policy(agent):
    response = await agent.get("/desk/")
    csp = response.header("content-security-policy")
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.header("x-frame-options") == "DENY"
    assert response.header("referrer-policy") == "no-referrer"


async def test_customer_markup_is_never_rendered_into_html(agent, make_ticket):
    ticket = make_ticket(issue_description=XSS, contact=XSS)
    page = await agent.get(f"/desk/tickets/{ticket['id']}")
    assert "<script>alert" not in page.text and "onerror" not in page.text
    detail = (await agent.get(f"/desk/api/tickets/{ticket['id']}")).json()
    assert detail["ticket"]["issue_description"] == XSS  # JSON, shown with textContent
    assert (
        (await agent.get("/desk/api/queue")).header("content-type").startswith("application/json")
    )


async def test_a_ticket_id_with_markup_is_escaped_or_not_found(agent):
    response = await agent.get("/desk/tickets/%3Cscript%3E")
    assert response.status == 404


# --- queue and statistics ---------------------------------------------------------------


async def test_queue_sorts_urgent_first_then_by_deadline(agent, make_ticket, desk_store):
    normal = make_ticket(severity="normal", severity_reasons=[])
    urgent = make_ticket()
    done = make_ticket(severity="normal", severity_reasons=[])
    desk_store.update_ticket(done["id"], actor="t", status="resolved")
    data = (await agent.get("/desk/api/queue")).json()
    assert [t["id"] for t in data["tickets"]] == [urgent["id"], normal["id"]]
    assert data["counts"] == {"open": 2, "assigned": 0, "resolved": 1, "closed": 0}
    assert data["tickets"][0]["severity_label"] == "严重"
    assert set(data["tickets"][0]) >= {"summary", "due", "overdue", "category_label"}


async def test_finished_tickets_are_listed_by_status_and_never_late(agent, make_ticket, desk_store):
    """The queue's status filter reads finished tickets here (the live queue has none)."""
    active = make_ticket()
    done = make_ticket(severity="normal", severity_reasons=[])
    desk_store.update_ticket(done["id"], actor="t", status="resolved")
    resolved = (await agent.get("/desk/api/finished?status=resolved")).json()["tickets"]
    assert [t["id"] for t in resolved] == [done["id"]]
    assert resolved[0]["conversation_id"] == done["conversation_id"]
    assert resolved[0]["overdue"] is False
    assert (await agent.get("/desk/api/finished?status=closed")).json()["tickets"] == []
    for bad in ("open", "", "resolved%27%20OR%201%3D1"):
        response = await agent.get(f"/desk/api/finished?status={bad}")
        assert response.status == 400
    assert active["id"] not in {t["id"] for t in resolved}


async def test_stats_and_csv(agent, make_ticket):
    make_ticket()
    make_ticket(
        channel="livestream",
        issue_category="livestream_misleading",
        issue_description="=cmd|' /C calc'!A0",
    )
    stats = (await agent.get("/desk/api/stats")).json()
    assert stats["total"] == 2
    assert dict(stats["by_channel"]) == {"widget": 1, "livestream": 1}
    csv = await agent.get("/desk/stats.csv")
    assert csv.header("content-type").startswith("text/csv")
    lines = csv.text.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("id,created_at,channel")
    assert len(lines) == 3


# --- hand-over: claim, reply, resolve ------------------------------------------------------


async def test_claim_pauses_the_bot_then_assigns(agent, make_ticket, rasa_mock):
    ticket = make_ticket()
    rasa_mock.post(events_url(ticket["conversation_id"]), payload={})
    response = await agent.post(f"/desk/api/tickets/{ticket['id']}/claim")
    assert response.status == 200, response.text
    assert response.json()["ticket"]["status"] == "assigned"
    assert response.json()["ticket"]["assignee"] == "小王"
    assert rasa_calls(rasa_mock) == [
        (
            "POST",
            f"/conversations/{ticket['conversation_id']}/tracker/events",
            {"token": RASA_TOKEN},
            [{"event": "pause"}],
        ),
    ]
    again = await agent.post(f"/desk/api/tickets/{ticket['id']}/claim")
    assert again.status == 409


async def test_claim_changes_nothing_when_rasa_is_down(agent, make_ticket, rasa_mock):
    ticket = make_ticket()
    rasa_mock.post(events_url(ticket["conversation_id"]), status=500)
    response = await agent.post(f"/desk/api/tickets/{ticket['id']}/claim")
    assert response.status == 502
    detail = (await agent.get(f"/desk/api/tickets/{ticket['id']}")).json()
    assert detail["ticket"]["status"] == "open"


def accept_events(rasa_mock, conversation):
    """Rasa accepts the claim's pause and every message sent on the customer's channel."""
    rasa_mock.post(events_url(conversation), payload={})
    rasa_mock.post(
        events_url(conversation, output_channel="latest", execute_side_effects="true"),
        payload={},
        repeat=True,
    )


async def test_reply_goes_to_the_customers_channel_and_the_transcript(
    agent, make_ticket, rasa_mock
):
    ticket = make_ticket()
    conversation = ticket["conversation_id"]
    accept_events(rasa_mock, conversation)
    later = datetime.fromisoformat(ticket["created_at"]).timestamp() + 0.001  # before the reply
    mock_tracker(rasa_mock, conversation, ("杯子碎了", later - 3600), ("有人吗？", later))
    await agent.post(f"/desk/api/tickets/{ticket['id']}/claim")
    response = await agent.post(
        f"/desk/api/tickets/{ticket['id']}/reply", json={"text": "您好，我是小王"}
    )
    assert response.status == 200, response.text
    transcript = response.json()["ticket"]["transcript"]
    # what the customer wrote after the ticket (not before) is kept, once, before the reply
    assert [(e["role"], e["text"]) for e in transcript[-2:]] == [
        ("customer", "有人吗？"),
        ("agent", "您好，我是小王"),
    ]
    assert [e["text"] for e in transcript].count("杯子碎了") == 0
    again = await agent.post(f"/desk/api/tickets/{ticket['id']}/reply", json={"text": "在的"})
    assert [e["text"] for e in again.json()["ticket"]["transcript"]].count("有人吗？") == 1
    assert (
        "POST",
        f"/conversations/{conversation}/tracker/events",
        {"output_channel": "latest", "execute_side_effects": "true", "token": RASA_TOKEN},
        [{"event": "bot", "text": "您好，我是小王", "metadata": {"agent": "小王"}}],
    ) in rasa_calls(rasa_mock)


async def test_a_customer_who_writes_traditional_reads_the_agent_in_traditional(
    agent, make_ticket, rasa_mock
):
    """Hand test: the bot, the resolution and the rating question reached a customer writing
    Traditional in Traditional, but the agent's own replies came in the agent's Simplified.
    The customer reads them in their script, and the transcript keeps the line as the customer
    read it: it is the record of what the shop said, the same line the tracker logged."""
    ticket = make_ticket()
    conversation = ticket["conversation_id"]
    accept_events(rasa_mock, conversation)
    later = datetime.fromisoformat(ticket["created_at"]).timestamp() + 0.001  # before the reply
    mock_tracker(rasa_mock, conversation, ("藍牙耳機用了兩天左邊就不響了", later))
    await agent.post(f"/desk/api/tickets/{ticket['id']}/claim")
    response = await agent.post(
        f"/desk/api/tickets/{ticket['id']}/reply", json={"text": "您好，耳机给您换新，明天发出"}
    )
    assert response.status == 200, response.text
    sent = [
        body[0]["text"]
        for method, _, query, body in rasa_calls(rasa_mock)
        if method == "POST" and query.get("execute_side_effects") == "true"
    ]
    assert sent == ["您好，耳機給您換新，明天發出"]
    transcript = response.json()["ticket"]["transcript"]
    assert transcript[-1]["text"] == "您好，耳機給您換新，明天發出"


async def test_buttons_are_copied_as_the_customer_saw_them_and_only_once(
    agent, make_ticket, rasa_mock
):
    """Hand test: the desk showed "确认提交" and then "/affirm" for the one click that filed
    the ticket (its time, to the microsecond, falls in the ticket's creation second)."""
    created = datetime.fromisoformat(make_ticket()["created_at"]).timestamp()
    clicked = datetime.fromtimestamp(created + 0.4123, tz=timezone.utc)
    ticket = make_ticket(
        transcript=[{"role": "customer", "text": "确认提交", "at": clicked.isoformat()}]
    )
    conversation = ticket["conversation_id"]
    rasa_mock.post(events_url(conversation), payload={})
    rasa_mock.post(
        events_url(conversation, output_channel="latest", execute_side_effects="true"),
        payload={},
    )
    events = [
        {"event": "user", "text": "/affirm", "timestamp": created + 0.4123,
         "metadata": {"display": "确认提交"}},
        {"event": "user", "text": "/send_evidence", "timestamp": created + 40,
         "metadata": {"display": "提交了 1 个证据文件", "evidence": ["ev_1"]}},
        # what the desk's resolve asks Rasa for (trigger_intent) is nothing the customer said
        {"event": "user", "text": "EXTERNAL: ticket_resolved", "timestamp": created + 50},
    ]  # fmt: skip
    rasa_mock.get(tracker_url(conversation), payload={"events": events}, repeat=True)
    await agent.post(f"/desk/api/tickets/{ticket['id']}/claim")
    response = await agent.post(f"/desk/api/tickets/{ticket['id']}/reply", json={"text": "在的"})
    said = [e["text"] for e in response.json()["ticket"]["transcript"] if e["role"] == "customer"]
    assert said == ["确认提交", "提交了 1 个证据文件"]


async def test_only_the_assignee_may_reply(agent, client, make_ticket, rasa_mock):
    ticket = make_ticket()
    rasa_mock.post(events_url(ticket["conversation_id"]), payload={})
    await agent.post(f"/desk/api/tickets/{ticket['id']}/claim")
    other = DeskClient(client.app)
    await other.login("小李")
    response = await other.post(f"/desk/api/tickets/{ticket['id']}/reply", json={"text": "hi"})
    assert response.status == 403


async def test_resolve_resumes_the_bot_and_triggers_the_satisfaction_turn(
    agent, make_ticket, rasa_mock, desk_store
):
    ticket = make_ticket()
    conversation = ticket["conversation_id"]
    rasa_mock.post(events_url(conversation), payload={}, repeat=True)
    rasa_mock.post(
        URL(f"{RASA_URL}/conversations/{conversation}/trigger_intent").with_query(
            {"output_channel": "latest", "token": RASA_TOKEN}
        ),
        payload={},
    )
    later = datetime.fromisoformat(ticket["created_at"]).timestamp() + 60
    mock_tracker(rasa_mock, conversation, ("快递单号是SF123", later))
    await agent.post(f"/desk/api/tickets/{ticket['id']}/claim")
    response = await agent.post(
        f"/desk/api/tickets/{ticket['id']}/resolve", json={"resolution": "已为您办理退货退款"}
    )
    assert response.status == 200, response.text
    assert response.json()["warning"] is None
    stored = desk_store.get_ticket(ticket["id"])
    assert stored["status"] == "resolved"
    assert stored["resolution"] == "已为您办理退货退款"
    events = f"/conversations/{conversation}/tracker/events"
    assert stored["transcript"][-1]["text"] == "快递单号是SF123"
    assert [c for c in rasa_calls(rasa_mock) if c[0] == "POST"] == [
        ("POST", events, {"token": RASA_TOKEN}, [{"event": "pause"}]),
        ("POST", events, {"token": RASA_TOKEN}, [{"event": "resume"}]),
        (
            "POST",
            f"/conversations/{conversation}/trigger_intent",
            {"output_channel": "latest", "token": RASA_TOKEN},
            {"name": "ticket_resolved", "entities": {"ticket_id": ticket["id"]}},
        ),
    ]
    stats = (await agent.get("/desk/api/stats")).json()
    assert stats["avg_resolution_minutes"] is not None
    assert dict(stats["by_status"]) == {"resolved": 1}
    audit = [(a["actor"], a["field"], a["after"]) for a in desk_store.get_audit(ticket["id"])]
    assert ("小王", "status", "resolved") in audit
    assert ("小王", "resolution", "已为您办理退货退款") in audit


async def test_resolve_reports_when_the_bot_could_not_be_told(agent, make_ticket, rasa_mock):
    ticket = make_ticket()
    rasa_mock.post(events_url(ticket["conversation_id"]), payload={})
    rasa_mock.post(events_url(ticket["conversation_id"]), status=503)
    await agent.post(f"/desk/api/tickets/{ticket['id']}/claim")
    response = await agent.post(
        f"/desk/api/tickets/{ticket['id']}/resolve", json={"resolution": "ok"}
    )
    assert response.status == 200
    assert response.json()["ticket"]["status"] == "resolved"
    assert "未能通知机器人" in response.json()["warning"]


async def test_notes_reassign_escalate_reopen(agent, client, make_ticket, rasa_mock, desk_store):
    ticket = make_ticket()
    tid = ticket["id"]
    rasa_mock.post(events_url(ticket["conversation_id"]), payload={}, repeat=True)
    await agent.post(f"/desk/api/tickets/{tid}/claim")
    note = await agent.post(f"/desk/api/tickets/{tid}/note", json={"text": "客户很着急"})
    assert note.status == 200
    moved = await agent.post(f"/desk/api/tickets/{tid}/reassign", json={"assignee": "小李"})
    assert moved.json()["ticket"]["assignee"] == "小李"
    # 小王 no longer owns it
    assert (
        await agent.post(f"/desk/api/tickets/{tid}/reassign", json={"assignee": "小王"})
    ).status == 403
    other = DeskClient(client.app)
    await other.login("小李")
    escalated = await other.post(f"/desk/api/tickets/{tid}/escalate", json={"reason": "涉及起诉"})
    assert escalated.json()["ticket"]["assignee"] == "张主管"
    boss = DeskClient(client.app)
    await boss.login("张主管")
    rasa_mock.post(
        URL(f"{RASA_URL}/conversations/{ticket['conversation_id']}/trigger_intent").with_query(
            {"output_channel": "latest", "token": RASA_TOKEN}
        ),
        payload={},
    )
    assert (
        await boss.post(f"/desk/api/tickets/{tid}/resolve", json={"resolution": "退款"})
    ).status == 200
    reopened = await agent.post(f"/desk/api/tickets/{tid}/reopen")
    assert reopened.json()["ticket"]["status"] == "assigned"
    assert reopened.json()["ticket"]["assignee"] == "小王"
    detail = (await agent.get(f"/desk/api/tickets/{tid}")).json()
    assert [n["text"] for n in detail["notes"]] == ["客户很着急", "升级给主管 张主管：涉及起诉"]
    changes = [(a["actor"], a["field"], a["after"]) for a in detail["audit"]]
    assert changes[1:] == [
        ("小王", "status", "assigned"),
        ("小王", "assignee", "小王"),
        ("小王", "assignee", "小李"),
        ("小李", "assignee", "张主管"),
        ("张主管", "status", "resolved"),
        ("张主管", "resolution", "退款"),
        ("小王", "status", "assigned"),
        ("小王", "assignee", "小王"),
        ("小王", "resolution", None),  # taken back with the reopen (hand trial desk13)
    ]
    pauses = [c for c in rasa_calls(rasa_mock) if c[3] == [{"event": "pause"}]]
    assert len(pauses) == 2  # claim and reopen


async def test_evidence_is_linked_with_signed_urls(agent, make_ticket, evidence_store):
    item = evidence_store.save("conv-1", "photo.jpg", files.photo())
    ticket = make_ticket(evidence=[item])
    detail = (await agent.get(f"/desk/api/tickets/{ticket['id']}")).json()
    link = detail["evidence"][0]
    assert re.match(
        rf"http://rasa\.test:5005/evidence/file/{item['id']}\?exp=\d+&sig=", link["url"]
    )
    assert "/thumb?" in link["thumb_url"]


async def test_bad_reply_bodies(agent, make_ticket, rasa_mock):
    ticket = make_ticket()
    assert (
        await agent.post(f"/desk/api/tickets/{ticket['id']}/reply", json={"text": ""})
    ).status == 400
    assert (
        await agent.post(f"/desk/api/tickets/{ticket['id']}/reply", json={"text": 5})
    ).status == 400
    assert (await agent.post("/desk/api/tickets/nope/claim")).status == 404


async def test_resolution_times_are_read_on_both_backends(
    monkeypatch, database_url, desk_settings, evidence_store, rasa_mock
):
    from sanic import Sanic

    from bot.desk.accounts import AccountStore
    from bot.desk.app import create_desk_app
    from bot.desk.rasa_client import RasaClient
    from bot.tickets import TicketStore
    from tests.bot.api.conftest import start_lifespan
    from tests.bot.desk.conftest import PASSWORD
    from tests.bot.tickets.conftest import _make_draft

    monkeypatch.setattr(Sanic, "test_mode", True)
    store = TicketStore.from_url(database_url, desk_settings)
    try:
        accounts = AccountStore(store)
        accounts.create_agent("小王", "agent", PASSWORD)
        ticket = store.create_ticket(_make_draft(), "k1")
        store.update_ticket(ticket["id"], actor="小王", status="resolved")
        app = create_desk_app(
            desk_settings, store, RasaClient(RASA_URL), evidence=evidence_store, accounts=accounts
        )
        shutdown = await start_lifespan(app)
        try:
            client = DeskClient(app)
            await client.login("小王")
            stats = (await client.get("/desk/api/stats")).json()
        finally:
            await shutdown()
    finally:
        store.close()
    assert stats["total"] == 1
    assert stats["avg_resolution_minutes"] is not None
