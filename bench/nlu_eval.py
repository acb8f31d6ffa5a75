"""NLU on held-out data (bench/data/, never trained on) with the trained model.

Why: the targets in the issue are about what the customer's words turn into — intent,
issue_category, desired_remedy, severity and the order number — on text written
independently of data/nlu/. Errors are reported as counts per (expected, got) pair, never
as the held-out sentences (bench/held_out.py says why): fix the TRAINING data or the components
from the development splits' error listings; the evaluation data is never tuned to the model.

Figures:
- intent macro-F1 over the intents of the eval set (predictions outside it, e.g. nlu_fallback,
  count as errors of the true intent);
- issue_category accuracy and per-category F1 on `complain` examples (predicted = the parse's
  `issue_category` entity; none predicted = wrong);
- desired_remedy accuracy on complain/inform/correct examples: expected = the block's
  `remedy` metadata, or none when the block has none (then predicting a remedy is wrong);
  reported for all of them (main figure), for those with a remedy and for those without;
- urgent recall/precision of `bot.triage.severity.assess_severity` on severity_holdout.yml
  (primary) and the older severity_eval.yml: the headline figure pools both files, and each
  file is also reported on its own; as the bot decides, the rules combined with the learned
  head in each text's parse (`complaint_triage.severity`), and the rules alone beside it;
- order-number extraction (the parse's `order_id` entities must be exactly the expected id,
  or nothing) on order_numbers_holdout.yml (primary) and order_numbers.yml, pooled likewise;
- parse latency per message (p50/p95, one message at a time, in-process).

    .venv/bin/python -m bench.nlu_eval [--model models/complaint.tar.gz]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Mapping, Sequence

import yaml

from bench import emotion_eval, held_out
from bench.common import DATA, MODEL, ROOT, add_model_option, md_table, percentile, rounded

REMEDY_INTENTS = ("complain", "inform", "correct")
NONE = "(none)"


@dataclass
class Example:
    text: str
    intent: str
    category: str | None
    remedy: str | None


def load_nlu_examples(path: Path = DATA / "nlu_eval.yml") -> List[Example]:
    """Examples with their intent-level metadata, read by Rasa's own loader."""
    from rasa.shared.nlu.training_data.loading import load_data

    examples = []
    for message in load_data(str(path)).intent_examples:
        meta = (message.get("metadata") or {}).get("intent") or {}
        examples.append(
            Example(
                message.get("text"), message.get("intent"), meta.get("category"), meta.get("remedy")
            )
        )
    return examples


def entity_values(parsed: Mapping[str, Any], name: str) -> List[str]:
    """Values of one entity type, most confident first, without duplicates."""
    found = [e for e in parsed.get("entities") or [] if e.get("entity") == name]
    found.sort(key=lambda e: -float(e.get("confidence_entity") or 1.0))
    values: List[str] = []
    for entity in found:
        value = str(entity.get("value"))
        if value not in values:
            values.append(value)
    return values


def top_entity(parsed: Mapping[str, Any], name: str) -> str | None:
    values = entity_values(parsed, name)
    return values[0] if values else None


async def parse_all(model_path: Path, texts: Sequence[str]) -> List[Dict[str, Any]]:
    """Parse every text with the model, timing each parse."""
    from rasa.core.agent import Agent
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)  # the processor's per-message debug lines
    logging.getLogger("jieba").setLevel(logging.WARNING)
    agent = Agent.load(str(model_path))
    await agent.parse_message("你好")  # warm-up, not timed
    parsed = []
    for text in texts:
        start = time.perf_counter()
        result = await agent.parse_message(text)
        result["_ms"] = (time.perf_counter() - start) * 1000.0
        parsed.append(result)
    return parsed


def _f1_table(y_true: List[str], y_pred: List[str], labels: List[str]) -> Dict[str, Dict]:
    from sklearn.metrics import precision_recall_fscore_support

    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0)
    return {
        label: {
            "precision": round(p[i], 3),
            "recall": round(r[i], 3),
            "f1": round(f[i], 3),
            "support": int(s[i]),
        }
        for i, label in enumerate(labels)
    }


def evaluate_intents(examples: List[Example], parsed: List[Dict]) -> Dict[str, Any]:
    from sklearn.metrics import f1_score

    y_true = [e.intent for e in examples]
    y_pred = [(p.get("intent") or {}).get("name") or NONE for p in parsed]
    labels = sorted(set(y_true))
    errors = [
        {
            "text": e.text,
            "expected": e.intent,
            "got": g,
            "confidence": round((p.get("intent") or {}).get("confidence") or 0.0, 3),
        }
        for e, p, g in zip(examples, parsed, y_pred, strict=True)
        if g != e.intent
    ]
    return {
        "examples": len(examples),
        "macro_f1": round(
            f1_score(y_true, y_pred, labels=labels, average="macro", zero_division=0), 4
        ),
        "accuracy": round(
            sum(t == g for t, g in zip(y_true, y_pred, strict=True)) / len(y_true), 4
        ),
        "per_intent": _f1_table(y_true, y_pred, labels),
        "errors": errors,
    }


def evaluate_categories(examples: List[Example], parsed: List[Dict]) -> Dict[str, Any]:
    from bot.taxonomy import CATEGORIES

    pairs = [
        (e, p)
        for e, p in zip(examples, parsed, strict=True)
        if e.intent == "complain" and e.category
    ]
    y_true = [e.category for e, _ in pairs]
    y_pred = [top_entity(p, "issue_category") or NONE for _, p in pairs]
    labels = [c for c in CATEGORIES if c in set(y_true)]
    return {
        "examples": len(pairs),
        "accuracy": round(
            sum(t == g for t, g in zip(y_true, y_pred, strict=True)) / max(1, len(pairs)), 4
        ),
        "per_category": _f1_table(y_true, y_pred, labels),
        "errors": [
            {"text": e.text, "expected": t, "got": g, "intent": (p.get("intent") or {}).get("name")}
            for (e, p), t, g in zip(pairs, y_true, y_pred, strict=True)
            if t != g
        ],
    }


def evaluate_remedies(examples: List[Example], parsed: List[Dict]) -> Dict[str, Any]:
    pairs = [(e, p) for e, p in zip(examples, parsed, strict=True) if e.intent in REMEDY_INTENTS]
    rows = [(e, e.remedy or NONE, top_entity(p, "desired_remedy") or NONE) for e, p in pairs]

    def accuracy(subset: List[tuple]) -> float | None:
        return round(sum(t == g for _, t, g in subset) / len(subset), 4) if subset else None

    with_remedy = [r for r in rows if r[1] != NONE]
    without = [r for r in rows if r[1] == NONE]
    return {
        "examples": len(rows),
        "accuracy": accuracy(rows),
        "with_remedy": {"examples": len(with_remedy), "accuracy": accuracy(with_remedy)},
        "without_remedy": {"examples": len(without), "accuracy": accuracy(without)},
        "errors": [
            {"text": e.text, "intent": e.intent, "expected": t, "got": g}
            for e, t, g in rows
            if t != g
        ],
    }


def evaluate_order_ids(cases: List[Dict], parsed: List[Dict]) -> Dict[str, Any]:
    errors = []
    for case, p in zip(cases, parsed, strict=True):
        want = [str(case["expected"])] if case.get("expected") is not None else []
        got = entity_values(p, "order_id")
        if got != want:
            errors.append(
                {
                    "text": case["text"],
                    "expected": want[0] if want else None,
                    "got": ", ".join(got) if got else None,
                }
            )
    total = len(cases)
    return {
        "cases": total,
        "with_order_id": sum(1 for c in cases if c.get("expected") is not None),
        "accuracy": round((total - len(errors)) / max(1, total), 4),
        "errors": errors,
    }


def evaluate_severity(cases: List[Dict], use_learned: bool = True) -> Dict[str, Any]:
    """Urgent recall/precision of the severity the bot decides.

    A case's `learned` key holds the learned head's probabilities from its parse
    (`learned_severity`); with `use_learned=False`, or without the key, the rules alone.
    """
    try:
        from bot.settings import Settings
        from bot.triage.severity import assess_severity
    except ImportError as exc:
        return {"available": False, "error": f"{type(exc).__name__}: {exc}"}
    threshold = Settings.load().large_amount_threshold
    tp = fp = fn = tn = 0
    errors = []
    reasons_exact = 0
    for case in cases:
        learned = [case.get("learned")] if use_learned else []
        result = assess_severity([case["text"]], None, threshold, learned)
        got_urgent = result.severity == "urgent"
        want = bool(case["urgent"])
        got_reasons = sorted(result.reasons or [])
        if sorted(case.get("reasons") or []) == got_reasons:
            reasons_exact += 1
        if want and got_urgent:
            tp += 1
        elif want:
            fn += 1
        elif got_urgent:
            fp += 1
        else:
            tn += 1
        if want != got_urgent or sorted(case.get("reasons") or []) != got_reasons:
            errors.append(
                {"text": case["text"], "expected": case.get("reasons") or [], "got": got_reasons}
            )
    return {
        "available": True,
        "cases": len(cases),
        "urgent": tp + fn,
        "urgent_recall": round(tp / (tp + fn), 4) if tp + fn else None,
        "urgent_precision": round(tp / (tp + fp), 4) if tp + fp else None,
        "confusion": {"tp": tp, "fp": fp, "fn": fn, "tn": tn},
        "reasons_exact": round(reasons_exact / max(1, len(cases)), 4),
        "errors": errors,
    }


# Case files, primary (written last, never looked at while the rules were made) first.
SEVERITY_FILES = ("severity_holdout.yml", "severity_eval.yml")
ORDER_FILES = ("order_numbers_holdout.yml", "order_numbers.yml")


def _read_list(path: Path) -> List[Dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def _read_cases(names: Sequence[str]) -> List[Dict]:
    """The cases of every file that exists, each tagged with its file name."""
    cases: List[Dict] = []
    for name in names:
        if (DATA / name).exists():
            cases += [{**case, "file": name} for case in _read_list(DATA / name)]
    return cases


def _by_file(cases: List[Dict], evaluate: Any) -> Dict[str, Any]:
    """`evaluate` per file, without the error lists (the pooled result has them)."""
    result = {}
    for name in dict.fromkeys(case["file"] for case in cases):
        part = evaluate([case for case in cases if case["file"] == name])
        result[name] = {k: v for k, v in part.items() if k != "errors"}
    return result


def with_learned_severity(model_path: Path, cases: List[Dict]) -> List[Dict]:
    """The cases with the learned head's probabilities from their parse (`learned`).

    Parsed apart from the NLU and order texts, so the latency figures keep their population.
    """
    from bot.triage.severity import learned_severity

    parsed = asyncio.run(parse_all(model_path, [case["text"] for case in cases]))
    return [{**case, "learned": learned_severity(p)} for case, p in zip(cases, parsed, strict=True)]


def counted_results(
    examples: List[Example],
    nlu_parsed: List[Dict],
    order_cases: List[Dict],
    order_parsed: List[Dict],
    severity_cases: List[Dict],
) -> Dict[str, Any]:
    """Every figure, with the error listings replaced by counts (bench/held_out.py).

    Severity cases may carry the learned head's probabilities (`with_learned_severity`).
    """
    order_id = evaluate_order_ids(order_cases, order_parsed)
    rules_alone = evaluate_severity(severity_cases, use_learned=False)
    return {
        "intent": _counted(evaluate_intents(examples, nlu_parsed)),
        "category": _counted(evaluate_categories(examples, nlu_parsed)),
        "remedy": _counted(evaluate_remedies(examples, nlu_parsed)),
        "order_id": {
            **{k: v for k, v in order_id.items() if k != "errors"},
            "misses": held_out.order_number_misses(order_id["errors"]),
            "by_file": {
                name: {
                    k: v
                    for k, v in evaluate_order_ids(
                        [c for c in order_cases if c["file"] == name],
                        [
                            p
                            for c, p in zip(order_cases, order_parsed, strict=True)
                            if c["file"] == name
                        ],
                    ).items()
                    if k != "errors"
                }
                for name in dict.fromkeys(c["file"] for c in order_cases)
            },
        },
        "severity": {
            **_counted(evaluate_severity(severity_cases)),
            "rules_alone": {k: v for k, v in rules_alone.items() if k != "errors"},
            "by_file": _by_file(severity_cases, evaluate_severity),
        },
    }


def run(model_path: Path = MODEL) -> Dict[str, Any]:
    """Evaluate everything; the model is parsed once per distinct text."""
    os.chdir(ROOT)  # custom components resolve project-relative paths
    examples = load_nlu_examples()
    order_cases = _read_cases(ORDER_FILES)
    severity_cases = _read_cases(SEVERITY_FILES)
    texts = [e.text for e in examples] + [c["text"] for c in order_cases]
    start = time.perf_counter()
    parsed = asyncio.run(parse_all(model_path, texts))
    elapsed = time.perf_counter() - start
    nlu_parsed, order_parsed = parsed[: len(examples)], parsed[len(examples) :]
    latencies = [p["_ms"] for p in parsed]
    severity_cases = with_learned_severity(model_path, severity_cases)
    return {
        "model": str(model_path),
        **counted_results(examples, nlu_parsed, order_cases, order_parsed, severity_cases),
        # emotion: lexicon vs lexicon + learned head, CV on data/emotion and the dev split
        "emotion": emotion_eval.run(),
        "parse_latency_ms": {
            "messages": len(latencies),
            "p50": rounded(percentile(latencies, 50), 2),
            "p95": rounded(percentile(latencies, 95), 2),
            "max": rounded(max(latencies), 2),
        },
        "seconds": round(elapsed, 1),
    }


def _counted(part: Dict[str, Any]) -> Dict[str, Any]:
    """`part` with its error listing replaced by counts per (expected, got) pair."""
    if "errors" not in part:
        return part
    rest = {k: v for k, v in part.items() if k != "errors"}
    return {
        **rest,
        "errors": len(part["errors"]),
        "confusions": held_out.confusions(part["errors"]),
    }


def headline(result: Dict[str, Any]) -> Dict[str, Any]:
    """The stable `nlu.*` keys of docs/benchmarks.json."""
    severity = result.get("severity") or {}
    return {
        "intent_macro_f1": result["intent"]["macro_f1"],
        "category_accuracy": result["category"]["accuracy"],
        "remedy_accuracy": result["remedy"]["accuracy"],
        "urgent_recall": severity.get("urgent_recall"),
        "urgent_precision": severity.get("urgent_precision"),
        "order_id_accuracy": result["order_id"]["accuracy"],
        **(emotion_eval.headline(result["emotion"]) if "emotion" in result else {}),
        "parse_p50_ms": result["parse_latency_ms"]["p50"],
        "parse_p95_ms": result["parse_latency_ms"]["p95"],
    }


def _confusion_table(part: Dict[str, Any]) -> str:
    rows = [[c["expected"], c["got"], c["count"]] for c in part.get("confusions") or []]
    return md_table(["expected", "got", "count"], rows) if rows else "No errors."


def markdown(result: Dict[str, Any]) -> str:
    intent, category, remedy = result["intent"], result["category"], result["remedy"]
    order, severity, lat = result["order_id"], result["severity"], result["parse_latency_ms"]
    out = [
        md_table(
            ["figure", "value", "examples"],
            [
                ["intent macro-F1", intent["macro_f1"], intent["examples"]],
                ["intent accuracy", intent["accuracy"], intent["examples"]],
                ["issue_category accuracy", category["accuracy"], category["examples"]],
                ["desired_remedy accuracy (all)", remedy["accuracy"], remedy["examples"]],
                [
                    "— with a remedy stated",
                    remedy["with_remedy"]["accuracy"],
                    remedy["with_remedy"]["examples"],
                ],
                [
                    "— no remedy stated (must predict none)",
                    remedy["without_remedy"]["accuracy"],
                    remedy["without_remedy"]["examples"],
                ],
                ["urgent recall", severity.get("urgent_recall", "n/a"), severity.get("urgent", "")],
                ["urgent precision", severity.get("urgent_precision", "n/a"), ""],
                [
                    "severity reasons exactly right",
                    severity.get("reasons_exact", "n/a"),
                    severity.get("cases", ""),
                ],
                [
                    "— rules alone: urgent recall / precision",
                    "{} / {}".format(
                        (severity.get("rules_alone") or {}).get("urgent_recall", "n/a"),
                        (severity.get("rules_alone") or {}).get("urgent_precision", "n/a"),
                    ),
                    severity.get("cases", ""),
                ],
                ["order numbers exactly right", order["accuracy"], order["cases"]],
                ["parse latency p50 / p95 ms", f"{lat['p50']} / {lat['p95']}", lat["messages"]],
            ],
        ),
        "",
        "Severity and order numbers pool their case files; per file: "
        + "; ".join(
            f"{name}: urgent recall {v.get('urgent_recall')}, precision {v.get('urgent_precision')}"
            f" ({v.get('cases')} cases)"
            for name, v in (severity.get("by_file") or {}).items()
        )
        + "; "
        + "; ".join(
            f"{name}: {v.get('accuracy')} ({v.get('cases')} cases)"
            for name, v in (order.get("by_file") or {}).items()
        )
        + ".",
        "",
        "### Per category (F1)",
        "",
        md_table(
            ["category", "precision", "recall", "F1", "support"],
            [
                [c, v["precision"], v["recall"], v["f1"], v["support"]]
                for c, v in category["per_category"].items()
            ],
        ),
        "",
        "### Per intent (F1)",
        "",
        md_table(
            ["intent", "precision", "recall", "F1", "support"],
            [
                [i, v["precision"], v["recall"], v["f1"], v["support"]]
                for i, v in intent["per_intent"].items()
            ],
        ),
        "",
        "### Errors by kind (held-out sentences are not listed: develop on the dev splits)",
        "",
        f"**Intent** ({intent['errors']})",
        "",
        _confusion_table(intent),
        "",
        f"**issue_category** ({category['errors']})",
        "",
        _confusion_table(category),
        "",
        f"**desired_remedy** ({remedy['errors']})",
        "",
        _confusion_table(remedy),
        "",
        f"**Order numbers** ({sum(order['misses'].values())}): "
        + ("; ".join(f"{kind}: {n}" for kind, n in order["misses"].items()) or "none"),
        "",
    ]
    if "emotion" in result:
        out += [
            "### Customer emotion (bench/emotion_eval.py)",
            "",
            emotion_eval.markdown(result["emotion"]),
        ]
    if severity.get("available"):
        out += [
            f"**Severity** ({severity['errors']}; reasons compared as sets)",
            "",
            _confusion_table(severity),
            "",
        ]
    else:
        out += [f"**Severity**: not evaluated — {severity.get('error')}", ""]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_model_option(parser)
    parser.add_argument("--json", action="store_true", help="print the JSON, not the markdown")
    parser.add_argument(
        "--only-emotion", action="store_true", help="only the emotion block (no model needed)"
    )
    args = parser.parse_args()
    if args.only_emotion:
        emotion = emotion_eval.run()
        print(
            json.dumps(emotion, ensure_ascii=False, indent=2)
            if args.json
            else emotion_eval.markdown(emotion)
        )
        return
    result = run(args.model)
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else markdown(result))
    print(json.dumps(headline(result), indent=2))


if __name__ == "__main__":
    main()
