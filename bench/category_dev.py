"""Category and remedy figures on the development split bench/data/category_dev.yml.

Why: issue_category and desired_remedy were only measured on the held-out split
(bench/nlu_eval.py, which must not be tuned on) and by cross-validation on data/nlu
(bench/model_selection.py), whose test folds are written in the training data's own voice.
This split was written independently of data/nlu, so a training-data or setting change can
be judged on it and every miss can be read.

How: by default config.yml's pipeline is trained on ALL of data/nlu in process, with Rasa's
own component classes as bench/model_selection.py runs them (tokenizer -> featurizers ->
intent classifier -> FallbackClassifier decision -> ComplaintTriageClassifier); with
`--model` a packaged model is loaded and parsed instead (bench/nlu_eval.py's `parse_all`).
Both give the same parse-like dicts, scored by bench/nlu_eval.py's own functions:
- category accuracy: the `issue_category` entity as the bot emits it (needs an intent that
  allows it, the threshold and a clear lead; none emitted = wrong), per-category P/R/F1;
  also the head's top code ("head accuracy", what the buttons would offer first) and the
  share of complaints with an entity ("coverage");
- remedy accuracy over every example: expected = the block's `remedy`, or none (then
  naming a remedy is wrong); and on the examples with and without a remedy apart.

    PYTHONPATH=. .venv/bin/python -m bench.category_dev              # train, then score
    PYTHONPATH=. .venv/bin/python -m bench.category_dev --errors     # and list every miss
    PYTHONPATH=. .venv/bin/python -m bench.category_dev --model models/complaint.tar.gz --json
    # several splits after one training (the same figures as one run each), a summary at the end
    PYTHONPATH=. .venv/bin/python -m bench.category_dev --dev bench/data/category_dev*.yml

It never reads the held-out evaluation files of bench/data.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import tempfile
import warnings
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

from bench import model_selection as ms
from bench import nlu_eval
from bench.common import (
    ROOT,
    add_dev_option,
    add_errors_option,
    add_model_option,
    add_training_options,
)

DEV = ROOT / "bench" / "data" / "category_dev.yml"
TRIAGE_PROPERTY = "complaint_triage"


def load_split(path: Path = DEV) -> List[nlu_eval.Example]:
    """The split's examples with their category and remedy (intent-level metadata)."""
    return nlu_eval.load_nlu_examples(path)


def _entity(name: str, value: Optional[str]) -> List[Dict[str, Any]]:
    return [] if value in (None, ms.NONE) else [{"entity": name, "value": value}]


def parse_in_process(data: Path, config: Path, texts: Sequence[str]) -> List[Dict[str, Any]]:
    """Train config.yml's NLU pipeline on `data` and parse `texts` like the Rasa server would.

    The intent passes Rasa's FallbackClassifier decision first (a fallback allows no category
    entity), as in bench/model_selection.py's cross-validation.
    """
    from bot.nlu.triage_classifier import _prepare

    logging.getLogger("rasa").setLevel(logging.ERROR)
    logging.getLogger("jieba").setLevel(logging.ERROR)
    warnings.filterwarnings("ignore")
    train = ms.load_examples(data)
    test = [ms.Example(text, "complain", None, None, None, _prepare(text)) for text in texts]
    intent_candidate, triage_candidate, tokenizer_config = ms.read_config(config)
    threshold = intent_candidate.fallback.get("threshold", 0.3)
    ambiguity = intent_candidate.fallback.get("ambiguity_threshold", 0.1)
    with tempfile.TemporaryDirectory(prefix="category-dev-") as tmp:
        parts = ms.Components(Path(tmp), tokenizer_config)
        intents = ms.run_intent(parts, intent_candidate, train, test)
        decided = [
            {"name": ms.FALLBACK, "confidence": threshold}
            if ms.should_fallback(ranking, threshold, ambiguity)
            else intent
            for intent, ranking in zip(intents["intent"], intents["ranking"], strict=True)
        ]
        triage = ms.run_triage(parts, triage_candidate, train, test, decided)
    return [
        {
            "text": text,
            "intent": intent,
            "entities": _entity("issue_category", triage["category"][i])
            + _entity("desired_remedy", triage["remedy"][i]),
            TRIAGE_PROPERTY: {
                "category": {"code": triage["head"][i], "confidence": triage["head_conf"][i]},
                "remedy": {"code": triage["remedy_top"][i], "confidence": triage["remedy_conf"][i]},
            },
        }
        for i, (text, intent) in enumerate(zip(texts, decided, strict=True))
    ]


def parse_with_model(model: Path, texts: Sequence[str]) -> List[Dict[str, Any]]:
    """Parse `texts` with a packaged model, as bench/nlu_eval.py does."""
    os.chdir(ROOT)  # custom components resolve project-relative paths
    return asyncio.run(nlu_eval.parse_all(model, texts))


def _head(parsed: Dict[str, Any]) -> Optional[str]:
    return ((parsed.get(TRIAGE_PROPERTY) or {}).get("category") or {}).get("code")


def evaluate(examples: Sequence[nlu_eval.Example], parsed: Sequence[Dict]) -> Dict[str, Any]:
    """Category and remedy figures with their misses (bench/nlu_eval.py's scoring)."""
    examples, parsed = list(examples), list(parsed)
    category = nlu_eval.evaluate_categories(examples, parsed)
    remedy = nlu_eval.evaluate_remedies(examples, parsed)
    complaints = [(e, p) for e, p in zip(examples, parsed, strict=True) if e.category]
    intents = [(p.get("intent") or {}).get("name") or nlu_eval.NONE for _, p in complaints]
    n = max(1, len(complaints))
    category["head_accuracy"] = round(sum(_head(p) == e.category for e, p in complaints) / n, 4)
    category["coverage"] = round(
        sum(nlu_eval.top_entity(p, "issue_category") is not None for _, p in complaints) / n, 4
    )
    category["intent_complain"] = round(intents.count("complain") / n, 4)
    for error in category["errors"]:
        match = next(p for e, p in complaints if e.text == error["text"])
        error["head"] = _head(match)
    return {
        "examples": len(examples),
        "category": category,
        "remedy": remedy,
        "category_confusions": Counter(
            f"{e['expected']} -> {e['got']}" for e in category["errors"]
        ).most_common(),
        "remedy_confusions": Counter(
            f"{e['expected']} -> {e['got']}" for e in remedy["errors"]
        ).most_common(),
    }


def show(result: Dict[str, Any], errors: bool = False) -> None:
    """Print the figures (and every miss with `errors`)."""
    category, remedy = result["category"], result["remedy"]
    print(f"split: {result['split']}  examples: {result['examples']}  ({result['source']})")
    print(
        f"category accuracy {category['accuracy']:.4f} (entity; head {category['head_accuracy']:.4f},"
        f" coverage {category['coverage']:.4f}, intent complain {category['intent_complain']:.4f})"
    )
    print(
        f"remedy accuracy {remedy['accuracy']:.4f} (with a remedy "
        f"{remedy['with_remedy']['accuracy']:.4f}, n={remedy['with_remedy']['examples']}; "
        f"without {remedy['without_remedy']['accuracy']:.4f}, "
        f"n={remedy['without_remedy']['examples']})"
    )
    print(f"{'category':22} {'n':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for label, row in category["per_category"].items():
        print(
            f"{label:22} {row['support']:>4} {row['precision']:>6.3f} {row['recall']:>6.3f}"
            f" {row['f1']:>6.3f}"
        )
    for title, key in (("category", "category_confusions"), ("remedy", "remedy_confusions")):
        print(f"{title} confusions (expected -> got):")
        for pair, count in result[key]:
            print(f"  {count:3d}  {pair}")
    if errors:
        print("category misses:")
        for e in category["errors"]:
            print(f"  [{e['expected']} -> {e['got']}; head {e['head']}, {e['intent']}] {e['text']}")
        print("remedy misses:")
        for e in remedy["errors"]:
            print(f"  [{e['expected']} -> {e['got']}] {e['text']}")


def run(
    dev: Path = DEV,
    model: Optional[Path] = None,
    data: Path = ms.NLU_DATA,
    config: Path = ms.CONFIG,
) -> Dict[str, Any]:
    """Score the split with a packaged model, or with config.yml trained on `data`."""
    return run_many([dev], model, data, config)[0]


def run_many(
    devs: Sequence[Path],
    model: Optional[Path] = None,
    data: Path = ms.NLU_DATA,
    config: Path = ms.CONFIG,
) -> List[Dict[str, Any]]:
    """Score several splits after ONE training (or one model load): training dominates the time."""
    splits = [load_split(dev) for dev in devs]
    texts = [e.text for examples in splits for e in examples]
    if model is not None:
        parsed = parse_with_model(model, texts)
        source = f"model {model}"
    else:
        parsed = parse_in_process(data, config, texts)
        source = f"{ms._shown(config)} trained in process on {ms._shown(data)}"
    results, start = [], 0
    for dev, examples in zip(devs, splits, strict=True):
        chunk = parsed[start : start + len(examples)]
        start += len(examples)
        results.append({"split": ms._shown(dev), "source": source, **evaluate(examples, chunk)})
    return results


def summary(results: Sequence[Dict[str, Any]]) -> Dict[str, float]:
    """Mean of the splits' category accuracies and the accuracy pooled over their examples."""
    n = sum(r["category"]["examples"] for r in results)
    right = sum(r["category"]["accuracy"] * r["category"]["examples"] for r in results)
    mean = sum(r["category"]["accuracy"] for r in results) / max(1, len(results))
    return {"mean_accuracy": round(mean, 4), "pooled_accuracy": round(right / max(1, n), 4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_dev_option(parser, DEV)
    add_model_option(parser, default=None, help="a packaged model instead of training")
    add_training_options(parser)
    add_errors_option(parser)
    parser.add_argument("--json", action="store_true", help="print the JSON, not the text")
    args = parser.parse_args()
    results = run_many(
        [dev.resolve() for dev in args.dev],
        args.model.resolve() if args.model else None,
        args.data.resolve(),
        args.config.resolve(),
    )
    if args.json:
        payload: Any = results[0] if len(results) == 1 else results
        print(json.dumps(payload, ensure_ascii=False, indent=1))
        return
    for result in results:
        if len(results) > 1:
            print(f"\n=== {result['split']}")
        show(result, args.errors)
    if len(results) > 1:
        _show_summary(results)


def _show_summary(results: Sequence[Dict[str, Any]]) -> None:
    """One line per split, then the mean and pooled category accuracy."""
    print("\nsummary (category accuracy / head accuracy / remedy accuracy):")
    for r in results:
        c = r["category"]
        print(
            f"  {Path(r['split']).name:22} {c['accuracy']:.4f} / {c['head_accuracy']:.4f}"
            f" / {r['remedy']['accuracy']:.4f}  (n={c['examples']})"
        )
    both = summary(results)
    print(f"  mean {both['mean_accuracy']:.4f}  pooled {both['pooled_accuracy']:.4f}")


if __name__ == "__main__":
    main()
