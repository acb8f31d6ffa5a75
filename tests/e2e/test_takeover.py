"""An agent takes over a conversation through Rasa's API, resolves it, the customer rates."""

import uuid

import pytest

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
