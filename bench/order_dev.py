"""Order-number figures on development case files, read through the trained model.

Why: tests/bot/nlu/test_order_numbers_dev.py runs the extractor component alone; this parses
the cases with the whole trained model exactly as bench/nlu_eval.py does (`parse_all`,
`evaluate_order_ids`), so a development figure means what the held-out one means. It only
reads the files it is given, and refuses any that is not a development split (`*_dev*.yml`).

    PYTHONPATH=. .venv/bin/python -m bench.order_dev bench/data/order_numbers_dev4.yml
    PYTHONPATH=. .venv/bin/python -m bench.order_dev bench/data/order_numbers_dev*.yml --errors
"""

from __future__ import annotations

import argparse
import asyncio
import os
from pathlib import Path
from typing import Any, Dict, List, Sequence

import yaml

from bench.common import MODEL, ROOT
from bench.nlu_eval import evaluate_order_ids, parse_all


def dev_cases(path: Path) -> List[Dict[str, Any]]:
    """The cases of one development file; held-out files are refused before being opened."""
    if "_dev" not in path.name:
        raise SystemExit(f"{path.name} is not a development split (*_dev*.yml): refused")
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def run(paths: Sequence[Path], model_path: Path = MODEL) -> Dict[str, Dict[str, Any]]:
    """Accuracy and errors per file; the model is loaded once for all of them."""
    cases = {path.name: dev_cases(path.resolve()) for path in paths}
    os.chdir(ROOT)  # custom components resolve project-relative paths
    texts = [case["text"] for file_cases in cases.values() for case in file_cases]
    parsed = asyncio.run(parse_all(model_path, texts))
    result, offset = {}, 0
    for name, file_cases in cases.items():
        result[name] = evaluate_order_ids(file_cases, parsed[offset : offset + len(file_cases)])
        offset += len(file_cases)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path, help="order_numbers_dev*.yml files")
    parser.add_argument("--model", type=Path, default=MODEL)
    parser.add_argument("--errors", action="store_true", help="list every miss")
    args = parser.parse_args()
    for name, figures in run(args.files, args.model).items():
        wrong = len(figures["errors"])
        print(f"{name}: {figures['accuracy']:.4f} ({figures['cases'] - wrong}/{figures['cases']})")
        for error in figures["errors"] if args.errors else []:
            print(f"  {error['text']!r}: expected {error['expected']}, got {error['got']}")


if __name__ == "__main__":
    main()
