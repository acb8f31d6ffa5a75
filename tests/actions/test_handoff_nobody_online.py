"""Hand test ux8: a handoff with nobody at the desk sent two messages in a row that both
invited the customer to add details; one message says both now, in either script."""

import pytest
from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

from actions import dependencies
from actions.requests import ActionHandoff
from bot.nlu.normalize import to_traditional
from tests.actions.conftest import ROOT, make_tracker, responses


@pytest.mark.parametrize(
    "text, alone, merged",
    [
        ("转人工！！", "utter_handoff_nothing_told", "utter_handoff_nothing_told_nobody_online"),
        ("耳机一只没声音 转人工", "utter_handoff", "utter_handoff_nobody_online"),
    ],
)
async def test_nobody_online_is_said_in_the_handoffs_own_message(
    dispatcher, domain, text, alone, merged
):
    await ActionHandoff().run(dispatcher, make_tracker(text, "handoff"), domain)
    assert responses(dispatcher) == [merged]
    dispatcher.messages.clear()
    dependencies.presence().seen("小王")  # an agent has the desk open
    await ActionHandoff().run(dispatcher, make_tracker(text, "handoff", sender="c2"), domain)
    assert responses(dispatcher) == [alone]


@pytest.mark.parametrize(
    "response", ["utter_handoff_nobody_online", "utter_handoff_nothing_told_nobody_online"]
)
async def test_the_merged_message_names_the_ticket_the_time_and_nobody_online(response):
    domain = Domain.from_path(str(ROOT / "domain.yml"))
    tracker = DialogueStateTracker.from_events("c", [], slots=domain.slots)
    values = {
        "ticket_id": "C20261201-0001",
        "first_response_at": "14:30",
        "first_response_minutes": 30,
    }
    nlg = TemplatedNaturalLanguageGenerator(domain.responses)
    for _ in range(5):  # variants are picked at random
        text = str((await nlg.generate(response, tracker, "rest", **values))["text"])
        assert "C20261201-0001" in text and "14:30" in text and "{" not in text
        assert "不在线" in text
        assert "不在線" in to_traditional(text)
