"""bench.emotion_eval: which development splits it judges and how they are reported."""

import subprocess
import sys

from bench.emotion_eval import DEV, DEVS, markdown, run
from bot.settings import PROJECT_ROOT


def test_every_development_split_is_known_by_name():
    assert DEVS["emotion_dev"] == DEV
    assert [path.name for path in DEVS.values()] == [
        "emotion_dev.yml",
        "emotion_dev2.yml",
        "emotion_dev3.yml",
        "emotion_dev4.yml",
        "emotion_dev5.yml",
    ]
    assert all(path.exists() for path in DEVS.values())


def test_run_keeps_the_dev_key_and_adds_further_splits_by_name():
    result = run(more=("emotion_dev2",))
    # bench/nlu_eval.py reads `cv` and `dev` (emotion_dev); further splits sit under `devs`
    assert result["dev"]["cases"] >= 90
    assert result["devs"]["emotion_dev2"]["cases"] >= 140
    table = markdown(result)
    assert "| emotion_dev2 | combined |" in table
    assert "| dev split | combined |" in table


def test_the_dev_option_picks_one_split():
    out = subprocess.run(
        [sys.executable, "-m", "bench.emotion_eval", "--dev", "emotion_dev2"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "| emotion_dev2 | combined |" in out
    assert "| dev split |" not in out


def test_turns_are_judged_after_the_previous_emotion():
    """emotion_dev4's turns: plain answers after an angry opening, sneers read by context."""
    result = run(more=("emotion_dev4",))
    turns = result["devs"]["emotion_dev4"]["turns"]
    assert turns["cases"] >= 40
    assert turns["combined"]["recall"]["calm"] >= 0.9
    assert "| emotion_dev4 |" in markdown(result)
