from bot.live.incidents import IncidentLinker

from .test_tickets_api import assert_error, draft

ROOM = {"room_id": "room-3302", "streamer": "阿杰数码", "started_at": "2024-11-22T20:00:00+08:00"}


async def test_incident_lists_its_member_tickets(client, ticket_store):
    linker = IncidentLinker(ticket_store.engine)
    ids = []
    for n in range(5):
        ticket = ticket_store.create_ticket(
            draft(
                conversation_id=f"viewer-{n}",
                channel="livestream",
                issue_category="livestream_misleading",
                live=ROOM,
            ),
            f"k{n}",
        )
        linker.link(ticket["id"])
        ids.append(ticket["id"])
    incident_id = ticket_store.get_ticket(ids[0])["incident_id"]
    assert incident_id

    response = await client.get(f"/api/incidents/{incident_id}")
    assert response.status == 200
    body = response.json()
    assert body["issue_category"] == "livestream_misleading"
    members = [m if isinstance(m, str) else m["id"] for m in body["members"]]
    assert sorted(members) == sorted(ids)


async def test_unknown_incident_and_anonymous_requests_are_refused(client):
    assert_error(await client.get("/api/incidents/I-none"), 404, "incident_not_found")
    assert_error(await client.get("/api/incidents/I-none", token=None), 401)
