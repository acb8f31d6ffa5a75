"""CPU per message of the Rasa side, measured inside one process: steadier than a load run.

Why: on the shared two-core machine a load run's wall clock (and even the CPU per message read
from /proc) moves with the other jobs by more than the few percent a single change saves.
Here the action server and ticket API run as in the load test (tests/e2e/stack.py), but the
Rasa agent runs in this process with the project's endpoints (tuned SQLite tracker store, our
NLG and runtime fixes) and plays the load test's scripted complaints one message after the
other; `time.process_time()` around `Agent.handle_message` counts this process's CPU only,
so the action server's share and the other jobs' load stay out of the figure.
`--profile FILE` writes a cProfile of the measured rounds (deterministic, unlike sampling).

    .venv/bin/python -m bench.turn_cpu --conversations 60 --rounds 3 [--profile /tmp/turn.prof]
    .venv/bin/python -m bench.turn_cpu --rounds 8 --toggle tracker_history   # A/B, interleaved
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import logging
import os
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any, Dict, List, Optional

from bench.common import add_model_option
from bench.load import our_script


async def _load_agent(workdir: Path, actions_port: int, model: Path) -> Any:
    """The agent as `rasa run` builds it from the project's endpoints.yml (paths replaced)."""
    from rasa.core.agent import load_agent
    from rasa.core.utils import AvailableEndpoints

    from bench.stack import BenchStack

    stack = BenchStack(workdir, actions_port=actions_port)
    os.environ.update(stack.env())  # the settings `rasa run` gets from the stack
    endpoints = AvailableEndpoints.read_endpoints(str(stack._endpoints()))
    return await load_agent(model_path=str(model), endpoints=endpoints)


async def _play(agent: Any, conversations: int, tag: str) -> List[float]:
    """Every message of `conversations` scripted complaints; CPU ms of each message."""
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    cpu: List[float] = []
    for i in range(conversations):
        sender = f"{tag}-{i}"
        for text in our_script(i):
            out = CollectingOutputChannel()
            start = time.process_time()
            await agent.handle_message(UserMessage(text, out, sender, input_channel="rest"))
            cpu.append((time.process_time() - start) * 1000.0)
            if not out.messages:
                raise RuntimeError(f"no answer to {text!r} in {sender}")
    return cpu


def _set_fixes(names: List[str], on: bool) -> None:
    """Install or uninstall the named `bot.rasa_runtime` fixes (for A/B rounds)."""
    import importlib

    for name in names:
        module = importlib.import_module(f"bot.rasa_runtime.{name}")
        module.install() if on else module.uninstall()


async def measure(
    conversations: int,
    rounds: int,
    model: Path,
    profile: Optional[Path],
    toggle: Optional[List[str]] = None,
) -> Dict[str, Any]:
    """Warm up, then `rounds` rounds of `conversations` conversations each (new senders).

    With `toggle`, rounds alternate between those runtime fixes uninstalled ("without",
    the even rounds, first) and installed ("with"), so both face the same machine load.
    """
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    from bench.stack import BenchStack

    configure_logging_and_warnings(logging.INFO)  # as `rasa run` without --debug
    configure_structlog(logging.INFO)
    with tempfile.TemporaryDirectory(prefix="turn-cpu-") as tmp:
        stack = BenchStack(Path(tmp), model=model)
        stack.start_actions()
        stack.start_api()
        try:
            checks = {
                "actions": f"http://127.0.0.1:{stack.actions_port}/health",
                "api": f"{stack.api_url}/health",
            }
            deadline = time.monotonic() + 120
            for name, url in checks.items():
                stack._wait_for(name, url, deadline)
            agent = await _load_agent(Path(tmp), stack.actions_port, model)
            run_id = uuid.uuid4().hex[:6]
            await _play(agent, 3, f"warm-{run_id}")
            # CPU time, not wall time: waits for the action server and other jobs stay out
            profiler = cProfile.Profile(time.process_time) if profile else None
            per_round = []
            by_setting: Dict[str, List[float]] = {"without": [], "with": []}
            for r in range(rounds):
                if toggle:
                    _set_fixes(toggle, on=bool(r % 2))
                if profiler:
                    profiler.enable()
                cpu = await _play(agent, conversations, f"r{r}-{run_id}")
                if profiler:
                    profiler.disable()
                per_round.append(round(statistics.mean(cpu), 2))
                by_setting["with" if r % 2 else "without"].append(per_round[-1])
            if profiler and profile:
                profiler.dump_stats(str(profile))
        finally:
            stack.stop()
    result: Dict[str, Any] = {
        "conversations_per_round": conversations,
        "rasa_cpu_ms_per_message_by_round": per_round,
        "median_ms": round(statistics.median(per_round), 2),
    }
    if toggle:
        result["toggled"] = toggle
        result["median_ms_without"] = round(statistics.median(by_setting["without"]), 2)
        result["median_ms_with"] = round(statistics.median(by_setting["with"]), 2)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--conversations", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3)
    add_model_option(parser)
    parser.add_argument("--profile", type=Path)
    parser.add_argument(
        "--toggle",
        help="comma-separated bot.rasa_runtime modules: rounds alternate without / with them",
    )
    args = parser.parse_args()
    toggle = [name for name in (args.toggle or "").split(",") if name]
    print(asyncio.run(measure(args.conversations, args.rounds, args.model, args.profile, toggle)))


if __name__ == "__main__":
    main()
