"""The sequential graph runner gives what stock's dask runner gives, node for node."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, Dict, List

import pytest
import rasa.core.processor
from rasa.core.channels import UserMessage
from rasa.engine.exceptions import GraphComponentException, GraphRunError
from rasa.engine.graph import ExecutionContext, GraphComponent, GraphSchema, SchemaNode
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_runtime import graph_runner
from bot.rasa_runtime.graph_runner import SequentialGraphRunner

MODEL = Path(__file__).resolve().parents[3] / "models" / "complaint.tar.gz"
CALLS: List[str] = []


class Join(GraphComponent):
    """Joins its inputs' outputs with its own name, so results show the path they took."""

    def __init__(self, name: str) -> None:
        self.name = name

    @classmethod
    def create(cls, config, model_storage, resource, execution_context) -> Join:  # type: ignore[override]
        return cls(execution_context.node_name or "")

    def run(self, **parents: Any) -> str:
        CALLS.append(self.name)
        if parents.get("fail") == "boom":
            raise ValueError("boom")
        return "(" + "+".join(f"{k}={parents[k]}" for k in sorted(parents)) + f")>{self.name}"


def node(**needs: str) -> SchemaNode:
    return SchemaNode(
        needs=needs, uses=Join, constructor_name="create", fn="run", config={}, eager=True
    )


# a diamond (b and c both need a) with a tail d, and an input-fed branch e
SCHEMA = GraphSchema(
    {
        "a": node(x="__in__"),
        "b": node(a="a"),
        "c": node(a="a", x="__in__"),
        "d": node(b="b", c="c"),
        "e": node(fail="__fail__"),
    }
)


def runners(tmp_path: Path):
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(SCHEMA, model_id="test")
    return (
        DaskGraphRunner(SCHEMA, storage, context),
        SequentialGraphRunner(SCHEMA, storage, context),
    )


def run_both(tmp_path: Path, **kwargs: Any):
    stock, ours = runners(tmp_path)
    results = []
    for runner in (stock, ours):
        CALLS.clear()
        results.append((runner.run(**kwargs), sorted(CALLS)))
    return results


@pytest.mark.parametrize(
    "kwargs",
    [
        {"inputs": {"__in__": 1}, "targets": ["d"]},
        {"inputs": {"__in__": 1}, "targets": ["b", "c"]},
        {"inputs": {"__in__": 1, "b": "given"}, "targets": ["d"]},  # an input replaces a node
        {"inputs": {"__in__": "x"}, "targets": ["a", "__in__"]},  # a target that is an input
        {"inputs": {"__fail__": "fine"}, "targets": ["e"]},
    ],
)
def test_same_results_and_same_nodes_called_as_dask(tmp_path, kwargs):
    stock, ours = run_both(tmp_path, **kwargs)
    assert ours == stock
    assert ours[0]  # something was computed


def test_each_node_runs_once_after_its_parents(tmp_path):
    _, ours = runners(tmp_path)
    CALLS.clear()
    result = ours.run(inputs={"__in__": 1}, targets=["d"])
    assert CALLS == ["a", "b", "c", "d"]
    assert result == {"d": "(b=(a=(x=1)>a)>b+c=(a=(x=1)>a+x=1)>c)>d"}
    CALLS.clear()
    ours.run(inputs={"__in__": 2}, targets=["d"])  # the remembered plan, new inputs
    assert CALLS == ["a", "b", "c", "d"]


def test_missing_input_and_failing_component_raise_as_with_dask(tmp_path):
    for runner in runners(tmp_path):
        with pytest.raises(GraphRunError, match="Missing input to run node 'a'"):
            runner.run(inputs={}, targets=["a"])
        with pytest.raises(GraphComponentException):
            runner.run(inputs={"__fail__": "boom"}, targets=["e"])
        with pytest.raises(GraphRunError, match="clashes with a node name"):
            runner.run(inputs={"__in__": "a"}, targets=["a"])
        assert runner.run(inputs={"__in__": "b"}, targets=["a"]) == {"a": "(x=b)>a"}


def test_install_swaps_the_servers_runner_and_uninstall_restores_it():
    graph_runner.install()
    graph_runner.install()
    assert graph_runner.is_installed()
    assert rasa.core.processor.DaskGraphRunner is SequentialGraphRunner
    graph_runner.uninstall()
    assert not graph_runner.is_installed()
    assert rasa.core.processor.DaskGraphRunner is DaskGraphRunner


@pytest.fixture(scope="module")
def model_runners():
    """The trained model loaded by the Rasa server's loader, once per runner."""
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: train it with `scripts/lib.sh ensure_model`")
    loaded: Dict[str, Any] = {}
    try:
        for name, install in (("stock", graph_runner.uninstall), ("ours", graph_runner.install)):
            install()
            _, metadata, runner = rasa.core.processor.MessageProcessor._load_model(MODEL)
            loaded[name] = runner
    finally:
        graph_runner.uninstall()
    assert isinstance(loaded["ours"], SequentialGraphRunner)
    assert type(loaded["stock"]) is DaskGraphRunner
    return metadata, loaded["stock"], loaded["ours"]


TEXTS = [
    "收到的杯子碎了！！订单 2024 1123 5567，给我补发一个",
    "在吗",
    "轉人工",
    "没拍照片",
    "确认",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_trained_model_parses_the_same_with_both_runners(model_runners, text):
    metadata, stock, ours = model_runners
    tracker = DialogueStateTracker("parse", slots=[])
    outputs = []
    for runner in (stock, ours):
        message = UserMessage(text, sender_id="parse")
        result = runner.run(
            inputs={"__message__": [message], "__tracker__": tracker}, targets=[metadata.nlu_target]
        )
        outputs.append(result[metadata.nlu_target][0].as_dict(only_output_properties=True))
    assert outputs[0] == outputs[1]
    assert outputs[1]["text"] == text


def test_trained_model_predicts_the_same_with_both_runners(model_runners):
    metadata, stock, ours = model_runners
    domain: Domain = metadata.domain
    parse = {"intent": {"name": "complain", "confidence": 0.99}, "entities": []}
    tracker = DialogueStateTracker.from_events(
        "predict",
        [
            ActionExecuted("action_session_start"),
            SessionStarted(),
            ActionExecuted("action_listen"),
            UserUttered("杯子碎了", parse_data=parse),
        ],
        slots=domain.slots,
    )
    predictions = [
        runner.run(inputs={"__tracker__": tracker}, targets=[metadata.core_target])[
            metadata.core_target
        ]
        for runner in (stock, ours)
    ]
    assert predictions[0].probabilities == predictions[1].probabilities
    assert predictions[0].policy_name == predictions[1].policy_name
    assert max(predictions[1].probabilities) > 0


def test_concurrent_runs_share_the_plan(tmp_path):
    """The server runs one graph from several coroutines; the plan is only read once built."""
    _, ours = runners(tmp_path)

    async def many() -> List[Dict[str, Any]]:
        return await asyncio.gather(
            *(asyncio.to_thread(ours.run, {"__in__": i}, ["c"]) for i in range(8))
        )

    results = asyncio.run(many())
    assert [r["c"] for r in results] == [f"(a=(x={i})>a+x={i})>c" for i in range(8)]
