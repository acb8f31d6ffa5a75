"""The form's validation answered ahead is the call Rasa's form makes, with the same answer.

Rasa 3.6's own steps run here as its server runs them for a message (`ActionExtractSlots`,
the policies' featurisation mark, `FormAction`), against the action server's executor
(rasa-sdk with our actions), reached through a stand-in for Rasa's action endpoint that hands
the JSON to the executor in this process. With `bot.rasa_runtime.form_pass_ahead` installed
the form's validation is answered from the slot mappings' call; the events and messages Rasa
gets are the same as with every call made, and a call that differs is still made.
"""

from pathlib import Path
from typing import Any, Dict, List, Optional

import numpy as np
import orjson
import pytest
from rasa.core.actions.action import ActionExtractSlots, RemoteAction
from rasa.core.actions.forms import FormAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    DefinePrevUserUtteredFeaturization,
    Event,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa_sdk.executor import ActionExecutor

from actions import form_pass_ahead as action_side
from bot.form_pass_ahead import AHEAD_KEY, call_digest
from bot.rasa_runtime import form_pass_ahead
from bot.rasa_runtime.action_requests import encode_json

DOMAIN = Domain.from_path(str(Path(__file__).resolve().parents[2] / "domain.yml"))
VALIDATION = "validate_complaint_form"
OPENING = "收到的杯子碎了！！订单 2024 1123 5567，给我补发一个"
ORDER = {"entity": "order_id", "value": "202411235567", "start": 3, "end": 15}


class InProcessActionServer:
    """Rasa's action endpoint, answered by rasa-sdk's executor in this process (no HTTP)."""

    url = "http://in-process/webhook"
    headers: Dict[str, str] = {}
    kwargs = {"enable_selective_domain": True}

    def __init__(self) -> None:
        self.executor = ActionExecutor()
        self.executor.register_package("actions")
        self.calls: List[Dict[str, Any]] = []

    async def request(self, json: Any = None, **_: Any) -> Any:
        call = orjson.loads(encode_json(json))  # what the action server parses
        self.calls.append(call)
        return orjson.loads(orjson.dumps(await self.executor.run(call)))

    def named(self, name: str) -> List[Dict[str, Any]]:
        return [call for call in self.calls if call["next_action"] == name]


@pytest.fixture(params=[False, True], ids=["every call", "answered ahead"])
def ahead(request):
    """Both sides as the servers run them, with the Rasa side's patch off, then on."""
    action_side.install()
    if request.param:
        form_pass_ahead.install()
    form_pass_ahead.STATS.clear()
    yield request.param
    form_pass_ahead.uninstall()
    action_side.uninstall()


def user(text: str, intent: str, entities: Optional[List[Dict[str, Any]]] = None) -> UserUttered:
    parse = {
        "intent": {"name": intent, "confidence": 0.95},
        "entities": entities or [],
        "text": text,
    }
    return UserUttered(text, parse["intent"], entities or [], parse, input_channel="rest")


def in_form(message: UserUttered, requested: str = "order_id") -> DialogueStateTracker:
    """A conversation whose form asked for `requested`; `message` is the answer."""
    events: List[Event] = [
        ActionExecuted("action_listen"),
        user("收到的杯子碎了", "complain"),
        ActionExecuted("action_start_intake"),
        ActiveLoop("complaint_form"),
        SlotSet("issue_description", "收到的杯子碎了"),
        SlotSet("issue_category", "logistics"),
        SlotSet("requested_slot", requested),
        ActionExecuted("complaint_form"),
        ActionExecuted("action_listen"),
        message,
    ]
    return logged(events)


def opening() -> DialogueStateTracker:
    return logged([ActionExecuted("action_listen"), user(OPENING, "complain", [ORDER])])


def logged(events: List[Event]) -> DialogueStateTracker:
    """The events as a server's tracker logs them: with the model's metadata."""
    tracker = DialogueStateTracker("customer-1", DOMAIN.slots)
    tracker.model_id = "model-1"  # as the server's processor sets it on every tracker
    tracker.assistant_id = "complaint-intake"
    for event in events:
        tracker.update(event)
    return tracker


def plain(events: List[Event]) -> List[Dict[str, Any]]:
    return [{k: v for k, v in e.as_dict().items() if k != "timestamp"} for e in events]


async def message_turn(tracker: DialogueStateTracker, server: Any, between: List[Event]) -> Any:
    """The server's steps for a message: slot mappings, the policies' mark, the form.

    `between`: events logged after the mark, which make the form's call another one.
    """
    np.random.seed(3)  # the same variant of each response
    out, nlg = CollectingOutputChannel(), TemplatedNaturalLanguageGenerator(DOMAIN.responses)
    extracted = await ActionExtractSlots(server).run(out, nlg, tracker, DOMAIN)
    tracker.update_with_events(extracted, DOMAIN)
    # `MessageProcessor._run_action`: the action runs on a copy, with the prediction's events
    temporary = tracker.copy()
    temporary.update_with_events([DefinePrevUserUtteredFeaturization(False)] + between, DOMAIN)
    form = await FormAction("complaint_form", server).run(out, nlg, temporary, DOMAIN)
    return plain(extracted), plain(form), out.messages


@pytest.mark.parametrize(
    "message",
    [
        user("订单 202411235567", "inform", [ORDER]),
        user("没有订单号", "deny"),
        user("杯子是在直播间买的 碎成渣了", "complain"),
    ],
    ids=["order number", "no order number", "more of the problem"],
)
async def test_a_message_in_the_form_costs_one_validation_call(ahead, message):
    server = InProcessActionServer()
    outcome = await message_turn(in_form(message), server, between=[])
    assert len(server.named(VALIDATION)) == (1 if ahead else 2)
    assert form_pass_ahead.STATS["used"] == (1 if ahead else 0)
    stock = InProcessActionServer()
    form_pass_ahead.uninstall()
    assert outcome == await message_turn(in_form(message), stock, between=[])


async def test_the_activation_costs_one_validation_call(ahead):
    server = InProcessActionServer()
    out, nlg = CollectingOutputChannel(), TemplatedNaturalLanguageGenerator(DOMAIN.responses)
    np.random.seed(3)
    events = await FormAction("complaint_form", server).run(out, nlg, opening(), DOMAIN)
    assert len(server.named(VALIDATION)) == (1 if ahead else 2)
    form_pass_ahead.uninstall()
    stock = InProcessActionServer()
    np.random.seed(3)
    again = await FormAction("complaint_form", stock).run(out, nlg, opening(), DOMAIN)
    assert plain(events) == plain(again)
    assert len(stock.named(VALIDATION)) == 2


async def test_a_call_that_differs_is_made(ahead):
    """Something logged between the mappings and the form: the form's call is not the one
    answered ahead, so it goes to the action server as before."""
    server = InProcessActionServer()
    message = user("没有订单号", "deny")
    outcome = await message_turn(in_form(message), server, [SlotSet("emotion", "angry")])
    assert len(server.named(VALIDATION)) == 2
    assert form_pass_ahead.STATS["differed"] == (1 if ahead else 0)
    form_pass_ahead.uninstall()
    stock = InProcessActionServer()
    assert outcome == await message_turn(in_form(message), stock, [SlotSet("emotion", "angry")])


async def test_an_answer_kept_is_dropped_by_the_next_call(ahead):
    """The form was not predicted: the next action's call drops the answer kept ahead."""
    server = InProcessActionServer()
    tracker = in_form(user("你是机器人吗", "bot_challenge"))
    out, nlg = CollectingOutputChannel(), TemplatedNaturalLanguageGenerator(DOMAIN.responses)
    extracted = await ActionExtractSlots(server).run(out, nlg, tracker, DOMAIN)
    tracker.update_with_events(extracted, DOMAIN)
    await RemoteAction("action_out_of_scope", server).run(out, nlg, tracker, DOMAIN)
    assert "customer-1" not in form_pass_ahead._KEPT


def test_the_form_pass_is_told_only_where_rasas_steps_are_followed():
    call = {"next_action": VALIDATION, AHEAD_KEY: "message", "domain": DOMAIN.as_dict()}
    tracker = in_form(user("没有订单号", "deny")).current_state()
    tracker["events"] = [e.as_dict() for e in in_form(user("没有订单号", "deny")).events]
    assert action_side.form_pass_call(call, tracker, []) is not None
    conditioned = orjson.loads(orjson.dumps(call["domain"]))
    conditioned["slots"]["order_id"]["mappings"][0]["conditions"] = [{"active_loop": "x"}]
    assert action_side.form_pass_call({**call, "domain": conditioned}, tracker, []) is None
    assert action_side.form_pass_call({**call, AHEAD_KEY: "activation"}, tracker, []) is None
    other = {**call, "next_action": "validate_satisfaction_form"}
    assert action_side.form_pass_call(other, tracker, []) is None


async def test_calls_without_the_key_are_the_executors_own(ahead):
    server = InProcessActionServer()
    tracker = in_form(user("没有订单号", "deny"))
    body = RemoteAction(VALIDATION, server)._action_call_format(tracker, DOMAIN)
    answer = await server.request(json=body)
    assert AHEAD_KEY not in answer


def test_the_digest_ignores_only_what_cannot_be_known_ahead():
    tracker = in_form(user("没有订单号", "deny"))
    tracker.update(SlotSet("order_missing", True))
    body = RemoteAction(VALIDATION, None)._action_call_format(tracker, DOMAIN)
    later = orjson.loads(encode_json(body))
    later["tracker"]["events"][-1]["timestamp"] += 5  # after the message: its time is unknown
    later["tracker"]["latest_event_time"] += 5
    assert call_digest(later) == call_digest(body)
    later["tracker"]["events"][-2]["timestamp"] += 5  # the message itself
    assert call_digest(later) != call_digest(body)
    assert call_digest({**body, AHEAD_KEY: "message"}) == call_digest(body)

