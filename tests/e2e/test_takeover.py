"""An agent takes over a conversation through Rasa's API, resolves it, the customer rates."""

import re
import uuid

import pytest
import requests

from bot.desk.rasa_client import RasaClient
from bot.tickets.store import TicketStore
from tests.e2e.stack import run_async, texts, tracker

pytestmark = [pytest.mark.e2e, pytest.mark.model]


def test_paused_bot_stays_silent_then_asks_for_satisfaction(stack):
    sender = f"e2e-{uuid.uuid4().hex[:10]}"
    rasa = RasaClient(stack.rasa_url, stack.rasa_token)
    stack.say(sender, "耳机用了两天就不响了")
    stack.say(sender, "转人工")
    [ticket] = stack.tickets(conversation_id=sender)

    run_async(rasa.pause(sender))
    assert stack.say(sender, "你好 有人吗") == []
    assert stack.say(sender, "转机器人") == []
    run_async(rasa.send_agent_message(sender, "您好，我是客服小李，马上为您处理", "小李"))

    store = TicketStore.from_url(stack.env()["COMPLAINTS_DATABASE_URL"])
    store.update_ticket(
        ticket["id"], actor="agent:小李", status="resolved", resolution="已安排换新"
    )
    run_async(rasa.resume(sender))
    run_async(rasa.trigger_intent(sender, "ticket_resolved", {"ticket_id": ticket["id"]}))

    assert tracker(stack, sender)["slots"]["requested_slot"] == "satisfaction_score"
    assert "想对我们说" in "\n".join(texts(stack.say(sender, "5分")))
    reply = "\n".join(texts(stack.say(sender, "处理得很快，谢谢")))
    assert "谢谢" in reply or "感谢" in reply
    stored = store.get_ticket(ticket["id"])
    assert stored["satisfaction"] == {"score": 5, "comment": "处理得很快，谢谢"}
    store.close()


AGENT, PASSWORD = "小周", "desk-pass-5678"


def desk_session(stack) -> requests.Session:
    """An agent signed in to the stack's desk (started once), with the CSRF header set."""
    if "desk" not in stack.processes:
        stack.start_desk({AGENT: PASSWORD})
    session = requests.Session()
    form = session.get(f"{stack.desk_url}/desk/login", timeout=10).text
    token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
    session.post(
        f"{stack.desk_url}/desk/login",
        data={"csrf_token": token, "name": AGENT, "password": PASSWORD},
        timeout=10,
    )
    page = session.get(f"{stack.desk_url}/desk/", timeout=10).text
    csrf = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
    session.headers["X-CSRF-Token"] = csrf
    return session


def test_a_reopened_ticket_tells_the_customer_and_closes_the_rating_question(stack):
    """ux5: the desk reopened a resolved ticket and the customer, just asked to rate it, heard
    nothing and stayed in the rating question."""
    sender = f"e2e-{uuid.uuid4().hex[:10]}"
    rasa = RasaClient(stack.rasa_url, stack.rasa_token)
    stack.say(sender, "部耳機用咗兩日就冇聲")
    stack.say(sender, "轉人工")
    [ticket] = stack.tickets(conversation_id=sender)
    store = TicketStore.from_url(stack.env()["COMPLAINTS_DATABASE_URL"])
    store.update_ticket(ticket["id"], actor="agent:小李", status="resolved", resolution="已换新")
    run_async(rasa.trigger_intent(sender, "ticket_resolved", {"ticket_id": ticket["id"]}))
    assert tracker(stack, sender)["slots"]["requested_slot"] == "satisfaction_score"

    reopened = desk_session(stack).post(
        f"{stack.desk_url}/desk/api/tickets/{ticket['id']}/reopen", timeout=30
    )

    assert reopened.status_code == 200, reopened.text
    assert reopened.json()["warning"] is None
    state = tracker(stack, sender)
    assert state["slots"]["requested_slot"] is None and not state["active_loop"].get("name")
    told = [e for e in state["events"] if e.get("event") == "bot"][-1]
    assert ticket["id"] in told["text"] and "工單" in told["text"]  # in the customer's script
    assert stack.say(sender, "好 等你哋") == []  # the agent has the conversation now

    store.update_ticket(ticket["id"], actor="agent:小周", status="resolved", resolution="已退款")
    run_async(rasa.resume(sender))
    run_async(rasa.trigger_intent(sender, "ticket_resolved", {"ticket_id": ticket["id"]}))
    assert tracker(stack, sender)["slots"]["requested_slot"] == "satisfaction_score"
    stack.say(sender, "4分")
    stack.say(sender, "冇喇")
    assert store.get_ticket(ticket["id"])["satisfaction"]["score"] == 4
    store.close()
