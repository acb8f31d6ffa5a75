"""Intent figures on the development split bench/data/intent_dev.yml (never trained on).

Trains the NLU intent pipeline of config.yml (NormalizingJiebaTokenizer -> the
CountVectorsFeaturizers -> the intent classifier, with Rasa's own components, as
bench/model_selection.py runs them) on ALL of data/nlu (or a variant of it), predicts the
development messages and applies the FallbackClassifier of config.yml (Rasa's own
`_should_fallback`): a message sent to nlu_fallback counts as an error of its true intent.
Reports macro-F1 over the training intents, accuracy, per-intent precision/recall/F1, the
confusions, and the same figures on the "novel" messages only (those whose normalised text is
not a training example: short answers such as "好" or "不是" are in both).

It never reads the held-out evaluation files of bench/data.

    PYTHONPATH=. .venv/bin/python -m bench.intent_dev
    PYTHONPATH=. .venv/bin/python -m bench.intent_dev --without intent_boundaries.yml
    PYTHONPATH=. .venv/bin/python -m bench.intent_dev --file-at hard_pairs.yml=891da00
    PYTHONPATH=. .venv/bin/python -m bench.intent_dev --dev bench/data/intent_dev2.yml
    # several splits after one training (the same figures as one run each), a summary at the end
    PYTHONPATH=. .venv/bin/python -m bench.intent_dev --dev bench/data/intent_dev*.yml

bench/data/intent_dev2.yml is a second split, written unlike the first (voice transcripts,
one-word form answers, abbreviations, emoji, Cantonese and northern Chinese, two acts in one
message); a change should hold on both.

Paired cross-validation of data variants (`--paired-cv GIT_REF`): bench/model_selection.py
re-splits the folds whenever examples are added or removed, which moves macro-F1 by about half
a point on its own. Here the folds are drawn once over the "core" examples (those data/nlu had
at GIT_REF, present in every variant) and each variant's other examples are added to every
training fold, never tested; the score is the out-of-fold macro-F1 on the core examples (after
the fallback), so variants differ only by what they add to training. Intent pipeline only.

    PYTHONPATH=. .venv/bin/python -m bench.intent_dev --paired-cv 891da00 \
        --variant now=data/nlu --variant old=/tmp/nlu_variant --seeds 42 7 13
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import subprocess
import tempfile
import warnings
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List

import yaml

from bench.common import ROOT, add_dev_option, add_training_options
from bench.model_selection import (
    FALLBACK,
    Components,
    Example,
    intent_metrics,
    load_examples,
    read_config,
    run_intent,
    should_fallback,
)

DEV = ROOT / "bench" / "data" / "intent_dev.yml"


def load_dev(path: Path = DEV) -> List[Example]:
    from bot.nlu.triage_classifier import _prepare

    blocks = yaml.safe_load(path.read_text(encoding="utf-8"))["dev"]
    examples = []
    for block in blocks:
        for text in block["examples"]:
            if not isinstance(text, str):
                raise ValueError(f"not a string in {path}: {text!r} (quote it)")
            examples.append(Example(text, block["intent"], None, None, None, _prepare(text)))
    return examples


def variant(data: Path, without: List[str], file_at: List[str], folder: Path) -> Path:
    """A copy of the data folder without some files / with some files as at a git revision."""
    out = folder / "nlu"
    shutil.copytree(data, out)
    for name in without:
        (out / name).unlink()
    for spec in file_at:
        name, ref = spec.split("=", 1)
        text = subprocess.run(
            ["git", "show", f"{ref}:data/nlu/{name}"],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        (out / name).write_text(text, encoding="utf-8")
    return out


def scores(examples: List[Example], predicted: List[str]) -> Dict[str, Any]:
    """Macro-F1, accuracy and per-intent figures, defined as in the cross-validation."""
    metrics = intent_metrics(examples, predicted, [0] * len(examples))
    return {
        "n": len(examples),
        **{key: metrics[key] for key in ("macro_f1", "accuracy", "per_intent")},
    }


def run(data: Path, config: Path, dev_path: Path) -> Dict[str, Any]:
    """The figures of one development split (see run_many)."""
    return run_many(data, config, [dev_path])[0]


def run_many(data: Path, config: Path, dev_paths: List[Path]) -> List[Dict[str, Any]]:
    """Train the intent pipeline once and score every split: each message is predicted on
    its own, so this gives the figures of one run per split at the cost of one training."""
    logging.getLogger("rasa").setLevel(logging.ERROR)
    logging.getLogger("jieba").setLevel(logging.ERROR)
    warnings.filterwarnings("ignore")
    train = load_examples(data)
    devs = [load_dev(path) for path in dev_paths]
    candidate, _, tokenizer_config = read_config(config)
    threshold = candidate.fallback.get("threshold", 0.3)
    ambiguity = candidate.fallback.get("ambiguity_threshold", 0.1)
    with tempfile.TemporaryDirectory(prefix="intent-dev-") as tmp:
        parts = Components(Path(tmp), tokenizer_config)
        result = run_intent(parts, candidate, train, [e for dev in devs for e in dev])
    train_keys = {e.key for e in train}
    out, start = [], 0
    for dev in devs:
        ranking = result["ranking"][start : start + len(dev)]
        start += len(dev)
        out.append(_figures(dev, ranking, train_keys, len(train), threshold, ambiguity))
    return out


def _figures(
    dev: List[Example],
    ranking: List[Any],
    train_keys: set,
    n_train: int,
    threshold: float,
    ambiguity: float,
) -> Dict[str, Any]:
    predicted = [FALLBACK if should_fallback(r, threshold, ambiguity) else r[0][0] for r in ranking]
    novel = [i for i, e in enumerate(dev) if e.key not in train_keys]
    errors = [
        {
            "text": e.text,
            "intent": e.intent,
            "predicted": q,
            "top": [[n, round(c, 3)] for n, c in r],
        }
        for e, q, r in zip(dev, predicted, ranking, strict=True)
        if q != e.intent
    ]
    return {
        "training_examples": n_train,
        "fallback": {"threshold": threshold, "ambiguity_threshold": ambiguity},
        "all": scores(dev, predicted),
        "argmax": scores(dev, [r[0][0] for r in ranking]),
        "novel": scores([dev[i] for i in novel], [predicted[i] for i in novel]),
        "confusions": Counter(f"{e['intent']} -> {e['predicted']}" for e in errors).most_common(),
        "errors": errors,
    }


def routing_rates(examples: List[Example], predicted: List[str]) -> Dict[str, float]:
    """Shares of messages sent to nlu_fallback and to a wrong intent (a misroute).

    Macro-F1 counts both as errors, but they cost differently: a fallback makes the bot ask
    again, a misroute makes it act on the wrong intent; a change can trade one for the other.
    """
    n = len(examples)
    fallback = sum(q == FALLBACK for q in predicted)
    misroute = sum(q not in (FALLBACK, e.intent) for e, q in zip(examples, predicted, strict=True))
    return {"fallback": round(fallback / n, 4), "misroute": round(misroute / n, 4)}


def paired_cv(
    core_ref: str, variants: Dict[str, Path], config: Path, seeds: List[int], folds: int = 5
) -> Dict[str, Dict[str, Any]]:
    """Out-of-fold macro-F1 on the examples at `core_ref`, folds fixed across the variants."""

    from bench.model_selection import keys_at, split

    logging.getLogger("rasa").setLevel(logging.ERROR)
    logging.getLogger("jieba").setLevel(logging.ERROR)
    warnings.filterwarnings("ignore")
    candidate, _, tokenizer_config = read_config(config)
    threshold = candidate.fallback.get("threshold", 0.3)
    ambiguity = candidate.fallback.get("ambiguity_threshold", 0.1)
    core_keys = keys_at(core_ref)
    loaded = {name: load_examples(path) for name, path in variants.items()}
    # the core: examples of the first variant whose text was at core_ref and is in every variant
    common = set.intersection(*({e.key for e in ex} for ex in loaded.values())) & core_keys
    first = next(iter(loaded.values()))
    seen, core = set(), []
    for e in first:
        if e.key in common and (e.key, e.intent) not in seen:
            seen.add((e.key, e.intent))
            core.append(e)
    out: Dict[str, Dict[str, Any]] = {
        name: {
            "core": len(core),
            "added": 0,
            "macro_f1": {},
            "accuracy": {},
            "fallback": {},
            "misroute": {},
        }
        for name in loaded
    }
    for name, examples in loaded.items():
        extra = [e for e in examples if e.key not in common]
        out[name]["added"] = len(extra)
        for seed in seeds:
            predicted = [""] * len(core)
            with tempfile.TemporaryDirectory(prefix="intent-paired-") as tmp:
                parts = Components(Path(tmp), tokenizer_config)
                for train_index, test_index in split(core, folds, seed):
                    train = [core[i] for i in train_index] + extra
                    result = run_intent(parts, candidate, train, [core[i] for i in test_index])
                    for i, r in zip(test_index, result["ranking"], strict=True):
                        predicted[i] = (
                            FALLBACK if should_fallback(r, threshold, ambiguity) else r[0][0]
                        )
            metrics = scores(core, predicted)
            out[name]["macro_f1"][seed] = metrics["macro_f1"]
            out[name]["accuracy"][seed] = metrics["accuracy"]
            rates = routing_rates(core, predicted)
            out[name]["fallback"][seed] = rates["fallback"]
            out[name]["misroute"][seed] = rates["misroute"]
            print(
                f"{name} seed {seed}: macro-F1 {out[name]['macro_f1'][seed]:.4f}  fallback "
                f"{rates['fallback']:.2%}  misroute {rates['misroute']:.2%}",
                flush=True,
            )
        values = list(out[name]["macro_f1"].values())
        out[name]["mean_macro_f1"] = round(sum(values) / len(values), 4)
    return out


def show(result: Dict[str, Any]) -> None:
    a, n, m = result["all"], result["novel"], result["argmax"]
    print(f"training examples: {result['training_examples']}")
    print(
        f"dev macro-F1 {a['macro_f1']:.4f}  accuracy {a['accuracy']:.4f}  (n={a['n']}; "
        f"argmax, no fallback: {m['macro_f1']:.4f}/{m['accuracy']:.4f}; "
        f"novel texts only: {n['macro_f1']:.4f}/{n['accuracy']:.4f}, n={n['n']})"
    )
    print(f"{'intent':16} {'n':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for label, row in a["per_intent"].items():
        print(
            f"{label:16} {row['support']:>4} {row['precision']:>6.3f} {row['recall']:>6.3f}"
            f" {row['f1']:>6.3f}"
        )
    print("confusions (true -> predicted):")
    for pair, count in result["confusions"]:
        print(f"  {count:3d}  {pair}")
    print("errors:")
    for e in result["errors"]:
        top = ", ".join(f"{name} {conf:.2f}" for name, conf in e["top"])
        print(f"  [{e['intent']} -> {e['predicted']}] {e['text']}   ({top})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_training_options(parser)
    add_dev_option(parser, DEV)
    parser.add_argument(
        "--without",
        action="append",
        default=[],
        metavar="FILE",
        help="leave this data/nlu file out (repeatable)",
    )
    parser.add_argument(
        "--file-at",
        action="append",
        default=[],
        metavar="FILE=GIT_REF",
        help="use this data/nlu file as committed at GIT_REF (repeatable)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument(
        "--paired-cv",
        metavar="GIT_REF",
        help="paired cross-validation of --variant folders on the examples at GIT_REF",
    )
    parser.add_argument(
        "--variant",
        action="append",
        default=[],
        metavar="NAME=FOLDER",
        help="a data folder for --paired-cv (repeatable)",
    )
    parser.add_argument("--seeds", type=int, nargs="+", default=[42, 7, 13])
    args = parser.parse_args()
    if args.paired_cv:
        variants = {
            name: Path(folder).resolve()
            for name, folder in (spec.split("=", 1) for spec in args.variant)
        }
        result = paired_cv(args.paired_cv, variants, args.config.resolve(), args.seeds)
        for name, row in result.items():
            print(
                f"{name:12} core {row['core']} added {row['added']:5d}  macro-F1 "
                + " ".join(f"{v:.4f}" for v in row["macro_f1"].values())
                + f"  mean {row['mean_macro_f1']:.4f}  fallback "
                + " ".join(f"{v:.2%}" for v in row["fallback"].values())
                + "  misroute "
                + " ".join(f"{v:.2%}" for v in row["misroute"].values())
            )
        if args.json:
            args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
        return
    with tempfile.TemporaryDirectory(prefix="intent-dev-data-") as tmp:
        data = args.data.resolve()
        if args.without or args.file_at:
            data = variant(data, args.without, args.file_at, Path(tmp))
        results = run_many(data, args.config.resolve(), [path.resolve() for path in args.dev])
    for path, result in zip(args.dev, results, strict=True):
        if len(results) > 1:
            print(f"\n=== {path}")
        show(result)
    if len(results) > 1:
        print("\nsummary (macro-F1 / accuracy after the fallback, novel macro-F1):")
        for path, result in zip(args.dev, results, strict=True):
            a, n = result["all"], result["novel"]
            print(
                f"  {path.name:22} {a['macro_f1']:.4f} / {a['accuracy']:.4f}  ({n['macro_f1']:.4f})"
            )
    if args.json:
        payload: Any = (
            results[0] if len(results) == 1 else dict(zip(map(str, args.dev), results, strict=True))
        )
        args.json.write_text(
            json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )


if __name__ == "__main__":
    main()
