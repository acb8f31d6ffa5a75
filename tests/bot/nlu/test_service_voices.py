"""Complaints about the shop's service as customers tell them, on the real data/nlu.

Why: category_dev16 found service attitude told in everyday ways read as something else: the
live-stream host's rudeness as livestream_misleading (the host's words look like the host's
claims), calls pestering for a good review as other, shop assistants' rudeness unplaced; and
intent_dev21 found the shop's robots told as a fact read as bot_challenge, questions about this
chat in new words and the people's hours misread (docs/category_dev.md round sixteen,
docs/intent_dev.md twenty-first split; conduct followed by "我要投诉" is still a near tie with
start_complaint, left open there). data/nlu/complain_service_voices.yml and intent_service_voices.yml teach
them; the neighbours (the host's claim, the courier, a deleted review, a question about this
chat, a person asked for now) must keep their own label. These sentences are in neither
data/nlu nor a development split.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, Optional, Tuple

import pytest
import yaml

from bench.category_dev import run_many as run_categories
from bench.intent_dev import run_many as run_intents

ROOT = Path(__file__).resolve().parents[3]

CATEGORIES: Dict[str, str] = {
    "直播间的助播骂我问题多 还把我拉黑": "service_attitude",
    "签收后店家连发六条短信要我给五星": "service_attitude",
    "专卖店店员看都不看我一眼 问话也不答": "service_attitude",
    "主播说这件羽绒服是九十鸭绒 吊牌写的五十": "livestream_misleading",
    "派件员电话里骂人 嫌我没接第一通": "logistics",
    "我给的差评被删掉了": "other",
}

INTENTS: Dict[str, str] = {
    "问了半天对面一直是程序在答 客服形同虚设": "complain",
    "现在回我的是真人还是程序": "bot_challenge",
    "不要机器人了 叫个人来": "handoff",
    "打算对你们那位带货主播提个投诉": "start_complaint",
    "针对那位店员的投诉 处理意见下来没": "status_query",
}


def _write(folder: Path, blocks: list, key: str) -> Path:
    path = folder / "probes.yml"
    payload = {"version": "3.1", key: blocks}
    path.write_text(yaml.safe_dump(payload, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def categories(tmp_path_factory: pytest.TempPathFactory) -> Dict[str, Tuple[str, Optional[str]]]:
    """(emitted category or "(none)", head's top code) of every complaint probe."""
    folder = tmp_path_factory.mktemp("service_categories")
    blocks = [
        {"intent": "complain", "metadata": {"category": code}, "examples": f"- {text}\n"}
        for text, code in CATEGORIES.items()
    ]
    (result,) = run_categories([_write(folder, blocks, "nlu")], None, ROOT / "data" / "nlu",
                               ROOT / "config.yml")
    wrong = {e["text"]: (e["got"], e["head"]) for e in result["category"]["errors"]}
    return {text: wrong.get(text, (code, code)) for text, code in CATEGORIES.items()}


@pytest.fixture(scope="module")
def intents(tmp_path_factory: pytest.TempPathFactory) -> Dict[str, str]:
    """The intent (after the fallback) of every probe, config.yml's pipeline on data/nlu."""
    folder = tmp_path_factory.mktemp("service_intents")
    blocks = [{"intent": intent, "examples": [text]} for text, intent in INTENTS.items()]
    (result,) = run_intents(ROOT / "data" / "nlu", ROOT / "config.yml",
                            [_write(folder, blocks, "dev")])
    wrong = {e["text"]: e["predicted"] for e in result["errors"]}
    return {text: wrong.get(text, intent) for text, intent in INTENTS.items()}


@pytest.mark.parametrize("text, code", CATEGORIES.items())
def test_the_shops_people_being_rude_is_service_attitude_and_neighbours_keep_theirs(
    categories, text, code
):
    # the head's top code: what the category question offers first when a near tie keeps the
    # entity back (category_margin), and the entity otherwise
    got, head = categories[text]
    assert head == code and got in (code, "(none)")


@pytest.mark.parametrize("text, intent", INTENTS.items())
def test_robots_told_as_a_fact_are_complaints_and_questions_about_this_chat_are_not(
    intents, text, intent
):
    assert intents[text] == intent
