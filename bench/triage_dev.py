"""`POST /api/triage` on development case files: complaints pasted from other channels.

Why: the held-out NLU split and the development splits are chat messages; the triage API takes
what an agent pastes from a hotline note, an e-mail, a social post or a regulator's work order,
written in another voice (third person, greetings and signatures, hashtags, form fields). This
parses each case with the packaged model in process (bench/nlu_eval.py's `parse_all`) and turns
the parse into the API's answer with the API's own function (`triage_from_parse`), so a figure
here is what the endpoint answers. It only reads `*_dev*.yml` files.

Figures per file and per source: category accuracy, remedy accuracy (null expected counts),
urgent recall and precision, reasons exactly right on the urgent cases, order-number accuracy.

    PYTHONPATH=. .venv/bin/python -m bench.triage_dev bench/data/triage_dev1.yml --errors
"""

from __future__ import annotations

import argparse
import asyncio
import os
from collections import defaultdict
from pathlib import Path
from typing import Any, Dict, List, Mapping, Sequence

from bench.common import ROOT, add_errors_option, add_model_option, dev_split_cases
from bench.nlu_eval import parse_all
from bot.settings import Settings
from bot.triage.service import triage_from_parse

FIELDS = ("category", "remedy", "order")


def answers(cases: Sequence[Mapping[str, Any]], model_path: Path) -> List[Dict[str, Any]]:
    """The API's answer to each case, from one in-process model."""
    settings = Settings.load()
    os.chdir(ROOT)  # custom components resolve project-relative paths
    parsed = asyncio.run(parse_all(model_path, [case["text"] for case in cases]))
    return [
        triage_from_parse(
            case["text"],
            parse,
            amount_threshold=settings.large_amount_threshold,
            remedy_threshold=settings.remedy_confidence_threshold,
            order_id_pattern=settings.order_id_pattern,
        )
        for case, parse in zip(cases, parsed, strict=True)
    ]


def got(answer: Mapping[str, Any]) -> Dict[str, Any]:
    """The answer's values under the case file's keys."""
    return {
        "category": answer["issue_category"]["value"],
        "remedy": answer["desired_remedy"]["value"],
        "order": answer["order_id"]["value"],
        "urgent": answer["severity"]["value"] == "urgent",
        "reasons": sorted(answer["severity_reasons"]),
    }


def score(cases: Sequence[Mapping[str, Any]], results: Sequence[Mapping[str, Any]]) -> Dict:
    """Accuracies, urgent recall/precision and the misses of one group of cases."""
    right = {field: 0 for field in FIELDS}
    true_pos = false_pos = false_neg = reasons_right = 0
    misses = []
    for case, result in zip(cases, results, strict=True):
        wrong = [f for f in FIELDS if result[f] != case[f]]
        for field in FIELDS:
            right[field] += field not in wrong
        urgent = bool(case["urgent"])
        true_pos += urgent and result["urgent"]
        false_pos += (not urgent) and result["urgent"]
        false_neg += urgent and not result["urgent"]
        if urgent and result["urgent"]:
            reasons_right += result["reasons"] == sorted(case["reasons"])
        if urgent != result["urgent"]:
            wrong.append("urgent")
        if wrong:
            misses.append({"text": case["text"], "wrong": wrong, "expected": case, "got": result})
    n = len(cases)
    figures: Dict[str, Any] = {f"{f}_accuracy": right[f] / n for f in FIELDS}
    figures["urgent_recall"] = true_pos / (true_pos + false_neg) if true_pos + false_neg else None
    figures["urgent_precision"] = (
        true_pos / (true_pos + false_pos) if true_pos + false_pos else None
    )
    figures["urgent_reasons_exact"] = reasons_right / true_pos if true_pos else None
    figures["cases"], figures["misses"] = n, misses
    return figures


def by_source(cases: Sequence[Mapping[str, Any]], results: Sequence[Mapping[str, Any]]) -> Dict:
    """The same figures for each `source` (hotline, email, social, workorder)."""
    groups: Dict[str, List[int]] = defaultdict(list)
    for index, case in enumerate(cases):
        groups[str(case.get("source", "?"))].append(index)
    return {
        source: score([cases[i] for i in idx], [results[i] for i in idx])
        for source, idx in sorted(groups.items())
    }


def _line(name: str, figures: Mapping[str, Any]) -> str:
    def pct(value: Any) -> str:
        return "  —  " if value is None else f"{value:.3f}"

    return (
        f"{name:<22} n={figures['cases']:<3} category {pct(figures['category_accuracy'])}"
        f"  remedy {pct(figures['remedy_accuracy'])}  order {pct(figures['order_accuracy'])}"
        f"  urgent R {pct(figures['urgent_recall'])} P {pct(figures['urgent_precision'])}"
        f"  reasons {pct(figures['urgent_reasons_exact'])}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path, help="triage_dev*.yml files")
    add_model_option(parser)
    add_errors_option(parser)
    args = parser.parse_args()
    for path in args.files:
        cases = dev_split_cases(path.resolve())
        results = [got(answer) for answer in answers(cases, args.model)]
        print(_line(path.name, score(cases, results)))
        for source, figures in by_source(cases, results).items():
            print(_line(f"  {source}", figures))
        for miss in score(cases, results)["misses"] if args.errors else []:
            expected = {k: miss["expected"][k] for k in (*FIELDS, "urgent", "reasons")}
            shown = {k: miss["got"][k] for k in expected}
            print(
                f"- {miss['text'][:90]!r}\n    wrong {miss['wrong']}\n    expected {expected}\n"
                f"    got      {shown}"
            )


if __name__ == "__main__":
    main()
