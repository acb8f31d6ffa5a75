"""Do two packaged models predict the same? Every development message parsed by both.

Why: a change that only makes training faster (bench/train_profile.py) must not move what
the model predicts. This parses the messages of the development splits (intent, category,
emotion and severity; never the held-out files) with model A and model B and reports, over
all of them: messages whose intent, intent ranking order, category or remedy entity, or
top category / remedy / emotion / severity code differ, and the largest absolute difference
of any confidence (intent ranking, category and remedy rankings, emotion and severity
rankings).

    .venv/bin/python -m bench.compare_models models/a.tar.gz models/b.tar.gz [--json out]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Sequence, Tuple

from bench.common import DATA

INTENT_SPLITS = sorted(DATA.glob("intent_dev*.yml"))
CATEGORY_SPLIT = DATA / "category_dev.yml"
EMOTION_SPLIT = DATA / "emotion_dev.yml"
SEVERITY_SPLITS = sorted(DATA.glob("severity_dev*.yml"))
TRIAGE_BLOCKS = ("category", "remedy", "emotion", "severity")


def dev_texts() -> List[str]:
    """The texts of every development split, each once, in file order."""
    from bench.category_dev import load_split
    from bench.intent_dev import load_dev
    from bot.triage.emotion_model import read_emotion_file
    from bot.triage.severity_model import read_severity_file

    texts: List[str] = []
    for path in INTENT_SPLITS:
        texts += [example.text for example in load_dev(path)]
    texts += [example.text for example in load_split(CATEGORY_SPLIT)]
    texts += [text for text, _ in read_emotion_file(EMOTION_SPLIT)]
    for path in SEVERITY_SPLITS:
        texts += [text for text, _ in read_severity_file(path)]
    return list(dict.fromkeys(texts))


def _ranking(entries: Iterable[Mapping[str, Any]], key: str) -> List[Tuple[str, float]]:
    return [(str(entry.get(key)), float(entry.get("confidence") or 0.0)) for entry in entries]


def outputs(parsed: Mapping[str, Any]) -> Dict[str, Any]:
    """What a parse decides (labels) and how sure it is (rankings) for the comparison."""
    triage = parsed.get("complaint_triage") or {}
    rankings = {"intent": _ranking(parsed.get("intent_ranking") or [], "name")}
    for block in TRIAGE_BLOCKS:
        rankings[block] = _ranking((triage.get(block) or {}).get("ranking") or [], "code")
    entities = sorted(
        (str(e.get("entity")), str(e.get("value")))
        for e in parsed.get("entities") or []
        if e.get("entity") in ("issue_category", "desired_remedy")
    )
    return {
        "intent_name": (parsed.get("intent") or {}).get("name"),
        "entities": entities,
        **rankings,
    }


def compare(a: Sequence[Mapping[str, Any]], b: Sequence[Mapping[str, Any]]) -> Dict[str, Any]:
    """Counts of differing decisions and the largest confidence difference, per output."""
    ranked = ("intent", *TRIAGE_BLOCKS)
    differ = {"intent": 0, "entities": 0, **{f"{key} ranking order": 0 for key in ranked}}
    worst_by_key = {key: 0.0 for key in ranked}
    moved: List[str] = []
    for parsed_a, parsed_b in zip(a, b, strict=True):
        out_a, out_b = outputs(parsed_a), outputs(parsed_b)
        if out_a != out_b:
            moved.append(str(parsed_a.get("text")))
        differ["intent"] += out_a["intent_name"] != out_b["intent_name"]
        differ["entities"] += out_a["entities"] != out_b["entities"]
        for key in ranked:
            differ[f"{key} ranking order"] += [n for n, _ in out_a[key]] != [
                n for n, _ in out_b[key]
            ]
            confidences_b = dict(out_b[key])
            worst = max(
                (abs(p - confidences_b.get(name, 0.0)) for name, p in out_a[key]), default=0.0
            )
            worst_by_key[key] = max(worst_by_key[key], worst)
    return {
        "messages": len(a),
        "differ": differ,
        "max_abs_confidence": worst_by_key,
        "texts_differing": moved,
    }


def _parse_here(model: Path, texts: Sequence[str]) -> List[Dict[str, Any]]:
    from bench.nlu_eval import parse_all

    return asyncio.run(parse_all(model, texts))


def parse(model: Path, texts: Sequence[str]) -> List[Dict[str, Any]]:
    """Every text parsed by the packaged model (Rasa's Agent, as bench/nlu_eval.py does).

    Each model in a fresh process: loading a second model into the same process loads
    jieba's user dictionary again, and `jieba.load_userdict` suggests the frequencies of
    words listed without one from the counts it already holds, so the second model would
    segment a few messages differently from a server that loads it alone.
    """
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(_parse_here, model, list(texts)).result()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model_a", type=Path)
    parser.add_argument("model_b", type=Path)
    parser.add_argument("--json", type=Path, help="also write the result here")
    args = parser.parse_args()
    texts = dev_texts()
    result = compare(parse(args.model_a, texts), parse(args.model_b, texts))
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
