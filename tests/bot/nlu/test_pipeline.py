"""The project's config.yml pipeline, trained for real on a small data set and parsed with.

Proves the wiring the unit tests cannot: component names in config.yml, registration with
Rasa's recipe, graph validation, pipeline order (the triage classifier sees the intent), and
that `complaint_triage` reaches the parse result and the tracker the action server reads.
"""

from pathlib import Path

import pytest
from rasa.core.agent import Agent
from rasa.model_training import train_nlu
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.settings import PROJECT_ROOT

from .test_triage_classifier import NLU_YAML


@pytest.fixture(scope="module")
def agent(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pipeline")
    data = folder / "nlu.yml"
    data.write_text(NLU_YAML, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RASA_CACHE_DIRECTORY", str(folder / "cache"))
        model = train_nlu(str(PROJECT_ROOT / "config.yml"), str(data), str(folder / "models"))
    assert model and Path(model).is_file()
    return Agent.load(model)


async def test_parse_fills_entities_and_triage(agent):
    text = "訂單 ２０２４ １１２３ ５５６７ 的杯子碎了！！給我補發一個"
    parsed = await agent.parse_message(text)
    assert parsed["intent"]["name"] == "complain"
    values = {e["entity"]: e["value"] for e in parsed["entities"]}
    assert values == {
        "order_id": "202411235567",
        "issue_category": "logistics",
        "desired_remedy": "reship",
    }
    order = next(e for e in parsed["entities"] if e["entity"] == "order_id")
    assert text[order["start"] : order["end"]] == "２０２４ １１２３ ５５６７"
    triage = parsed["complaint_triage"]
    assert triage["category"]["code"] == "logistics"
    assert triage["category"]["ranking"][0]["code"] == "logistics"
    assert triage["remedy"]["code"] == "reship"


async def test_triage_reaches_the_trackers_latest_message(agent):
    parsed = await agent.parse_message("快遞三天沒動了")
    event = UserUttered(parsed["text"], parsed["intent"], parsed["entities"], parsed)
    tracker = DialogueStateTracker.from_events("customer", [event])
    latest = tracker.current_state()["latest_message"]
    assert latest["complaint_triage"] == parsed["complaint_triage"]
    assert latest["complaint_triage"]["category"]["code"] == "logistics"


@pytest.mark.parametrize("text", ["", "   ", "😡", "\x00\xff", "好" * 10_000])
async def test_odd_input_parses(agent, text):
    parsed = await agent.parse_message(text)
    assert parsed["complaint_triage"]["category"]["code"] in (
        None,
        "logistics",
        "product_quality",
        "refund_payment",
    )


async def test_emotion_head_joins_the_triage_output(agent):
    # config.yml's emotion component trains on data/emotion/train.yml and runs after the
    # triage classifier: both blocks reach the parse result and the tracker
    parsed = await agent.parse_message("又是这样，说好的三天到呢🙄")
    triage = parsed["complaint_triage"]
    assert {"category", "remedy", "emotion"} <= set(triage)
    assert triage["emotion"]["code"] == "upset"
    event = UserUttered(parsed["text"], parsed["intent"], parsed["entities"], parsed)
    tracker = DialogueStateTracker.from_events("customer", [event])
    latest = tracker.current_state()["latest_message"]
    assert latest["complaint_triage"]["emotion"] == triage["emotion"]
