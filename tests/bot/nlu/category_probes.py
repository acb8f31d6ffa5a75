"""The category the trained head puts first for probe sentences, trained in process."""

from __future__ import annotations

from pathlib import Path
from typing import Dict

import yaml

from bench.category_dev import run_many

ROOT = Path(__file__).resolve().parents[3]


def first_categories(probes: Dict[str, str], folder: Path) -> Dict[str, str]:
    """text -> the head's first category, with the real data/nlu and config.yml."""
    path = folder / "probes.yml"
    blocks = [
        {"intent": "complain", "metadata": {"category": category}, "examples": f"- {text}\n"}
        for text, category in probes.items()
    ]
    path.write_text(
        yaml.safe_dump({"version": "3.1", "nlu": blocks}, allow_unicode=True), encoding="utf-8"
    )
    (result,) = run_many([path], None, ROOT / "data" / "nlu", ROOT / "config.yml")
    wrong = {error["text"]: error["head"] for error in result["category"]["errors"]}
    return {text: wrong.get(text, category) for text, category in probes.items()}
