"""Order-number figures on development case files, read through the trained model.

Why: tests/bot/nlu/test_order_numbers_dev.py runs the extractor component alone; this parses
the cases with the whole trained model exactly as bench/nlu_eval.py does (`parse_all`,
`evaluate_order_ids`), so a development figure means what the held-out one means. It only
reads the files it is given, and refuses any that is not a development split (`*_dev*.yml`).

    PYTHONPATH=. .venv/bin/python -m bench.order_dev bench/data/order_numbers_dev4.yml
    PYTHONPATH=. .venv/bin/python -m bench.order_dev bench/data/order_numbers_dev*.yml --errors

`--grammar N` runs N cases composed by `bench.order_grammar` through the extractor component
alone (no model: thousands of cases in seconds) and counts the misses by axis value, so a
class of failure shows as the label, separator or distractor all its misses share:

    PYTHONPATH=. .venv/bin/python -m bench.order_dev --grammar 10000 --seed 1 --errors
    PYTHONPATH=. .venv/bin/python -m bench.order_dev --grammar 10000 --seed 21 --version 2
"""

from __future__ import annotations

import argparse
import asyncio
import os
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List, Sequence, Tuple

from bench.common import MODEL, ROOT, add_errors_option, add_model_option, dev_split_cases
from bench.nlu_eval import evaluate_order_ids, parse_all


def run(paths: Sequence[Path], model_path: Path = MODEL) -> Dict[str, Dict[str, Any]]:
    """Accuracy and errors per file; the model is loaded once for all of them."""
    cases = {path.name: dev_split_cases(path.resolve()) for path in paths}
    os.chdir(ROOT)  # custom components resolve project-relative paths
    texts = [case["text"] for file_cases in cases.values() for case in file_cases]
    parsed = asyncio.run(parse_all(model_path, texts))
    result, offset = {}, 0
    for name, file_cases in cases.items():
        result[name] = evaluate_order_ids(file_cases, parsed[offset : offset + len(file_cases)])
        offset += len(file_cases)
    return result


def component_order_ids(texts: Sequence[str]) -> List[List[str]]:
    """The distinct order ids the extractor component finds in each text, surest first.

    As tests/bot/nlu/test_order_numbers_dev.py reads them, with the project's jieba words.
    """
    from rasa.shared.nlu.training_data.message import Message

    from bot.nlu.entity_extractor import ComplaintEntityExtractor
    from bot.nlu.tokenizer import (
        DEFAULT_DICTIONARY_PATH,
        NormalizingJiebaTokenizer,
        _resolve_dictionary_path,
    )

    NormalizingJiebaTokenizer._load_custom_dictionary(
        _resolve_dictionary_path(DEFAULT_DICTIONARY_PATH)
    )
    extractor = ComplaintEntityExtractor({})
    result = []
    for text in texts:
        message = Message(data={"text": text})
        extractor.process([message])
        found = [e for e in message.get("entities") or [] if e["entity"] == "order_id"]
        found.sort(key=lambda e: -float(e.get("confidence_entity") or 1.0))
        values: List[str] = []
        for entity in found:
            if str(entity["value"]) not in values:
                values.append(str(entity["value"]))
        result.append(values)
    return result


def axis_misses(cases: Sequence[Any], got: Sequence[List[str]]) -> List[Tuple[str, int, int]]:
    """(axis=value, misses, cases) for every axis value that missed, worst share first.

    Why by axis value: a class of failure (a separator, a label, a kind of other number)
    shows as the value its misses share, not as a list of sentences.
    """
    misses: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for case, ids in zip(cases, got, strict=True):
        keys = {
            f"{k}={v}" for k, v in case.axes.items() if k not in ("connector", "distractor_kinds")
        }
        keys |= {f"distractor={d}" for d in case.axes.get("distractor_kinds", "none").split("+")}
        totals.update(keys)
        if ids != ([] if case.expected is None else [case.expected]):
            misses.update(keys)
    return sorted(
        ((key, n, totals[key]) for key, n in misses.items()), key=lambda x: (-x[1] / x[2], -x[1])
    )


def run_grammar(count: int, seed: int, errors: bool, version: int = 1) -> None:
    """Print the grammar's figures: right/total, misses by axis value, and the misses."""
    from bench.order_grammar import generate

    cases = generate(count, seed, version=version)
    got = component_order_ids([case.text for case in cases])
    wrong = [
        (c, g)
        for c, g in zip(cases, got, strict=True)
        if g != ([] if c.expected is None else [c.expected])
    ]
    print(
        f"grammar v{version} (seed {seed}): {(count - len(wrong)) / count:.4f} ({count - len(wrong)}/{count})"
    )
    for key, n, total in axis_misses(cases, got):
        print(f"  {key}: {n}/{total}")
    for case, ids in wrong if errors else []:
        print(f"  {case.text!r}: expected {case.expected}, got {', '.join(ids) or None}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="order_numbers_dev*.yml files")
    add_model_option(parser)
    add_errors_option(parser)
    parser.add_argument("--grammar", type=int, help="this many generated cases, component only")
    parser.add_argument("--seed", type=int, default=1, help="the grammar's seed")
    parser.add_argument(
        "--version",
        type=int,
        default=1,
        help="the grammar's version (2: with whole-message scenes)",
    )
    args = parser.parse_args()
    if args.grammar:
        run_grammar(args.grammar, args.seed, args.errors, args.version)
    if not args.files:
        return
    for name, figures in run(args.files, args.model).items():
        wrong = len(figures["errors"])
        print(f"{name}: {figures['accuracy']:.4f} ({figures['cases'] - wrong}/{figures['cases']})")
        for error in figures["errors"] if args.errors else []:
            print(f"  {error['text']!r}: expected {error['expected']}, got {error['got']}")


if __name__ == "__main__":
    main()
