"""Profile our stack under the load benchmark's traffic: where do the servers spend CPU?

Why: the load figures say *how* slow a turn is, not *why*. This starts the same stack as
`bench.load` (Rasa server, action server, ticket API), attaches py-spy (`pip install py-spy`)
to the Rasa server and the action server, plays the load script at one concurrency level and
prints, per server, the functions with the most samples (inclusive and own time). The raw
collapsed stacks are kept for flame graphs (`--out DIR`).

    .venv/bin/python -m bench.profile_load --concurrency 10 --conversations 40 --out /tmp/prof
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import shutil
import subprocess
from pathlib import Path
from typing import Dict, List, Tuple

from bench.common import add_model_option
from bench.load import OUR_SCRIPTS, measure, our_stack

PROFILED = ("rasa", "actions")


def start_py_spy(pid: int, out: Path, rate: int, idle: bool = False) -> subprocess.Popen:
    """py-spy in raw (collapsed-stack) format, without pausing the server (`--nonblocking`)."""
    exe = shutil.which("py-spy") or str(Path(__file__).resolve().parents[1] / ".venv/bin/py-spy")
    return subprocess.Popen(
        [
            exe,
            "record",
            "--pid",
            str(pid),
            "--format",
            "raw",
            "--rate",
            str(rate),
            "--subprocesses",
            "--output",
            str(out),
            "--nonblocking",
            *(["--idle"] if idle else ["--gil"]),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def summarize(raw: Path, top: int) -> Tuple[int, List[Tuple[str, int]], List[Tuple[str, int]]]:
    """(samples, top inclusive frames, top own-time frames) from a collapsed-stack file."""
    inclusive: Dict[str, int] = collections.Counter()
    own: Dict[str, int] = collections.Counter()
    total = 0
    for line in raw.read_text(errors="replace").splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = stack.split(";")
        total += count
        own[frames[-1]] += count
        for frame in set(frames):
            inclusive[frame] += count
    by_count = lambda d: sorted(d.items(), key=lambda kv: -kv[1])[:top]  # noqa: E731
    return total, by_count(inclusive), by_count(own)


def report(name: str, raw: Path, top: int) -> None:
    total, inclusive, own = summarize(raw, top)
    print(f"\n=== {name}: {total} samples ===")
    for title, rows in (("inclusive", inclusive), ("own", own)):
        print(f"-- {title}")
        for frame, count in rows:
            print(f"{100.0 * count / max(1, total):5.1f}%  {frame[:150]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--concurrency", type=int, default=10)
    parser.add_argument("--conversations", type=int, default=40)
    parser.add_argument("--rate", type=int, default=200, help="py-spy samples per second")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument(
        "--idle", action="store_true", help="sample waiting threads too (where wall time goes)"
    )
    parser.add_argument("--out", type=Path, default=Path("/tmp/load-profile"))
    add_model_option(parser)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    script = lambda i: OUR_SCRIPTS[i % len(OUR_SCRIPTS)]  # noqa: E731
    with our_stack(args.model) as (url, pids, _stack):
        asyncio.run(measure(url, script, 1, 1, None, "profile-warmup"))
        spies = {
            name: start_py_spy(pids[name], args.out / f"{name}.txt", args.rate, args.idle)
            for name in PROFILED
        }
        figures = asyncio.run(
            measure(
                url, script, args.concurrency, args.conversations, pids["rasa"], "profile", pids
            )
        )
        for spy in spies.values():
            spy.send_signal(2)  # SIGINT: py-spy writes its output and exits
            spy.wait(timeout=60)
    print(figures)
    for name in PROFILED:
        report(name, args.out / f"{name}.txt", args.top)


if __name__ == "__main__":
    main()
