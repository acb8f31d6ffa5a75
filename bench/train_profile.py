"""CPU seconds of a full `rasa train --force`, stage by stage, measured in one process.

Why: the 2 cores are shared with other jobs, so the wall time of a training swings by a
factor of two or more between runs; the CPU time this process spends in each stage does
not. This runs Rasa's own `rasa train` command in-process and attributes CPU time (user +
system, all threads: `time.process_time`) to the stages Rasa goes through: command-line
validation of the data, each graph node (a component's `train` or `process_training_data`,
the data providers), the training cache's fingerprinting after each node, and writing the
model archive. Nothing is changed in what Rasa does; the model goes to a temp dir.

    .venv/bin/python -m bench.train_profile [--json out.json] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from typing import Any, Callable, Dict, Iterator, List, Tuple

from bench.common import ROOT

CpuTable = Dict[str, float]


@contextmanager
def _patched(owner: Any, name: str, wrapper: Callable[[Callable], Callable]) -> Iterator[None]:
    """`owner.name` replaced by `wrapper(original)` for the duration of the block."""
    original = getattr(owner, name)
    setattr(owner, name, wrapper(original))
    try:
        yield
    finally:
        setattr(owner, name, original)


def _timed(table: CpuTable, label: Callable[..., str]) -> Callable[[Callable], Callable]:
    """A wrapper adding the CPU time of each call to `table[label(*args)]`."""

    def wrap(function: Callable) -> Callable:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                table[label(*args)] += time.process_time() - start

        return timed

    return wrap


def _node_label(node: Any, *args: Any) -> str:
    """`Component.method` of a graph node (the node name tells which of several alike)."""
    return f"node {node._node_name} ({node._fn_name})"


def profile(out_dir: str) -> Tuple[CpuTable, float, float]:
    """Run `rasa train --force` in this process: (CPU by stage, total CPU, wall seconds)."""
    from rasa.__main__ import main as rasa_main
    from rasa.cli import utils as cli_utils
    from rasa.engine.graph import GraphNode
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.training.hooks import TrainingHook

    table: CpuTable = defaultdict(float)
    argv = ["rasa", "train", "--force", "--fixed-model-name", "profile", "--out", out_dir]
    start_cpu, start_wall = time.process_time(), time.perf_counter()
    with (
        _patched(cli_utils, "validate_files", _timed(table, lambda *a: "cli validation")),
        _patched(GraphNode, "__call__", _timed(table, _node_label)),
        _patched(
            TrainingHook, "on_after_node", _timed(table, lambda *a: "cache: fingerprint outputs")
        ),
        _patched(
            TrainingHook, "on_before_node", _timed(table, lambda *a: "cache: fingerprint inputs")
        ),
        _patched(
            LocalModelStorage,
            "create_model_package",
            _timed(table, lambda *a: "model archive (tar.gz)"),
        ),
    ):
        old_argv, sys.argv = sys.argv, argv
        try:
            rasa_main()
        except SystemExit as exit_:
            if exit_.code not in (0, None):
                raise
        finally:
            sys.argv = old_argv
    return dict(table), time.process_time() - start_cpu, time.perf_counter() - start_wall


def report(table: CpuTable, total: float, wall: float) -> List[str]:
    """Lines of a table, biggest stage first; node times include their hooks' time."""
    lines = [f"total CPU {total:.1f} s (wall {wall:.1f} s, this process only)"]
    for stage, seconds in sorted(table.items(), key=lambda item: -item[1]):
        if seconds >= 0.05:
            lines.append(f"{seconds:8.2f}  {stage}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--out", help="keep the model (profile.tar.gz) in this directory")
    args = parser.parse_args()
    os.chdir(ROOT)
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    with tempfile.TemporaryDirectory(prefix="bench-train-profile-") as tmp:
        table, total, wall = profile(os.path.abspath(args.out) if args.out else tmp)
    print("\n".join(report(table, total, wall)))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump({"cpu_total": total, "wall": wall, "stages": table}, handle, indent=2)


if __name__ == "__main__":
    main()
