"""Load: concurrent simulated conversations through the REST channel, ours versus stock Rasa.

Why a baseline in the same run: absolute latencies on a shared two-core machine say little,
so every run also trains the stock `rasa init` bot (moodbot, default DIET/TED config) in a
temp dir, serves it with `rasa run` on the same machine and drives both servers with the
same aiohttp client. The figures compared are per-turn latency (p50/p95, ms), messages/s and
the Rasa server's resident memory (process tree, read from /proc). After the first pass over
the levels, both bots stay up and play alternating pairs at the main level; the headline
throughput ratio is the median of the pairs' and the first pass's ratios.

Our bot runs as in production: Rasa server + action server + ticket API (tests/e2e/stack.py),
SQLite tracker store. Each simulated customer plays a short complaint (opening with all facts,
evidence, contact, confirmation) that ends in a ticket. The stock bot gets greet/mood messages.

    .venv/bin/python -m bench.load --levels 1,10,20 [--stock-dir DIR] [--skip-stock]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import shutil
import statistics
import subprocess
import tempfile
import time
import uuid
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Callable, Dict, Iterator, List, Sequence

import aiohttp

from bench.common import (
    MODEL,
    RASA,
    add_model_option,
    cpu_seconds,
    free_port,
    md_table,
    percentile,
    quiet_env,
    rounded,
    rss_mb,
    stop_process,
    wait_http,
)

# Short complaints against demo orders (config/demo_orders.yml), as in tests/e2e: each should
# end in a ticket (the report counts them), so every turn of the full path is under load.
OUR_SCRIPTS: List[List[str]] = [
    ["收到的杯子碎了！！订单 2024 1123 5567，给我补发一个", "没拍照片", "不用", "确认"],
    ["订单202411200012的羽绒服拉链坏了，我要退货退款", "没有照片", "不用留电话", "确认"],
    ["订单 202411180305 耳机坏了 要换货", "没有", "不用", "确认"],
]
STOCK_SCRIPT: List[str] = ["hello", "I am sad", "yes"]
# pairs at the main level after the first pass (stock and ours alternating)
PAIRED_ROUNDS = 4


def our_script(i: int) -> List[str]:
    """Conversation i: one of the scripts, its opening made unique.

    Real customers do not repeat each other's words, so no per-text cache (the lexicons keep
    the hits of recent texts) may answer a later conversation from an earlier one.
    """
    opening, *rest = OUR_SCRIPTS[i % len(OUR_SCRIPTS)]
    return [f"{opening}（在你们家买了{i + 1}次了）", *rest]


MAIN_LEVEL = 10
_CONVERSATION_BLOCKS = itertools.count()


async def _turn(session: aiohttp.ClientSession, url: str, sender: str, text: str) -> List[dict]:
    async with session.post(url, json={"sender": sender, "message": text}) as resp:
        resp.raise_for_status()
        return await resp.json()


async def _sample_rss(pid: int, peak: List[float], stop: asyncio.Event) -> None:
    while not stop.is_set():
        peak[0] = max(peak[0], rss_mb(pid))
        try:
            await asyncio.wait_for(stop.wait(), timeout=0.5)
        except asyncio.TimeoutError:
            pass


async def measure(
    url: str,
    script: Callable[[int], Sequence[str]],
    concurrency: int,
    conversations: int,
    server_pid: int | None = None,
    tag: str = "load",
    cpu_pids: Dict[str, int] | None = None,
) -> Dict[str, object]:
    """`concurrency` customers play `conversations` scripted conversations in total."""
    latencies: List[float] = []
    errors: List[str] = []
    empty = 0
    per_worker = max(1, -(-conversations // concurrency))
    # numbered across the whole run: no two conversations (levels, rounds) open alike
    first = next(_CONVERSATION_BLOCKS) * 100_000
    run_id = uuid.uuid4().hex[:6]
    timeout = aiohttp.ClientTimeout(total=120)

    async def customer(session: aiohttp.ClientSession, worker: int) -> None:
        nonlocal empty
        for n in range(per_worker):
            sender = f"{tag}-{run_id}-{worker}-{n}"
            for text in script(first + worker * per_worker + n):
                start = time.perf_counter()
                try:
                    replies = await _turn(session, url, sender, text)
                except Exception as exc:  # noqa: BLE001 - counted and reported
                    errors.append(f"{type(exc).__name__}: {exc}"[:200])
                    continue
                latencies.append((time.perf_counter() - start) * 1000.0)
                if not any(r.get("text") for r in replies):
                    empty += 1

    peak = [rss_mb(server_pid) if server_pid else 0.0]
    stop = asyncio.Event()
    connector = aiohttp.TCPConnector(limit=max(100, concurrency * 2))
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        sampler = asyncio.create_task(_sample_rss(server_pid, peak, stop)) if server_pid else None
        cpu_before = {name: cpu_seconds(pid) for name, pid in (cpu_pids or {}).items()}
        start = time.perf_counter()
        await asyncio.gather(*(customer(session, w) for w in range(concurrency)))
        wall = time.perf_counter() - start
        cpu_ms = {
            name: round((cpu_seconds(pid) - cpu_before[name]) * 1000.0 / max(1, len(latencies)), 1)
            for name, pid in (cpu_pids or {}).items()
        }
        stop.set()
        if sampler:
            await sampler
    return {
        "concurrency": concurrency,
        "conversations": per_worker * concurrency,
        "messages": len(latencies),
        "errors": len(errors),
        "error_examples": errors[:3],
        "empty_replies": empty,
        "wall_s": round(wall, 2),
        "messages_per_s": round(len(latencies) / wall, 2) if wall else None,
        "p50_ms": rounded(percentile(latencies, 50)),
        "p95_ms": rounded(percentile(latencies, 95)),
        "max_ms": rounded(max(latencies) if latencies else None),
        "server_rss_peak_mb": peak[0] if server_pid else None,
        "cpu_ms_per_message": cpu_ms,
    }


async def _drive(
    url: str,
    script: Callable[[int], Sequence[str]],
    levels: Sequence[int],
    conversations: int,
    pids: Dict[str, int],
    tag: str,
) -> Dict[str, object]:
    """Warm up, then every level; `pids["rasa"]` is the server whose memory is reported."""
    await measure(url, script, 1, 1, None, f"{tag}-warmup")  # first-call costs are not load
    pid = pids["rasa"]
    idle = rss_mb(pid)
    results = {}
    for level in levels:
        results[str(level)] = await measure(url, script, level, conversations, pid, tag, pids)
    return {"server_rss_idle_mb": idle, "levels": results}


def train_stock(workdir: Path) -> float:
    """`rasa init --no-prompt` into workdir (it trains the moodbot); returns seconds taken."""
    from bench.train_time import log_tail

    log_path = workdir.parent / "stock_init.log"
    start = time.perf_counter()
    with open(log_path, "wb") as log:
        proc = subprocess.run(
            [RASA, "init", "--no-prompt", "--init-dir", str(workdir)],
            cwd=workdir.parent,
            env=quiet_env(RASA_TELEMETRY_ENABLED="false"),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    if proc.returncode != 0:
        raise RuntimeError(f"rasa init failed:\n{log_tail(log_path.read_text(errors='replace'))}")
    return round(time.perf_counter() - start, 1)


@contextmanager
def stock_server(project: Path) -> Iterator[tuple]:
    """`rasa run` on the stock project (REST channel from its credentials.yml)."""
    port = free_port()
    log = open(project / "rasa_run.log", "wb")
    proc = subprocess.Popen(
        [
            RASA,
            "run",
            "--port",
            str(port),
            "--model",
            str(project / "models"),
            "--credentials",
            str(project / "credentials.yml"),
        ],
        cwd=project,
        env=quiet_env(RASA_TELEMETRY_ENABLED="false"),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_http(f"http://127.0.0.1:{port}/", proc)
        yield f"http://127.0.0.1:{port}/webhooks/rest/webhook", proc.pid
    finally:
        stop_process(proc)
        log.close()


@contextmanager
def our_stack(model: Path = MODEL) -> Iterator[tuple]:
    """Our Rasa server, action server and ticket API (the e2e Stack) on temp databases."""
    from bench.stack import BenchStack

    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        stack = BenchStack(Path(tmp), model=model)
        try:
            stack.start()
            pids = {name: proc.pid for name, proc in stack.processes.items()}
            yield f"{stack.rasa_url}/webhooks/rest/webhook", pids, stack
        finally:
            stack.stop()


def ticket_total(stack: object) -> int | None:
    """How many tickets the ticket API holds (None if it cannot say)."""
    import requests

    try:
        resp = requests.get(
            f"{stack.api_url}/api/tickets",
            params={"limit": 1},
            headers={"Authorization": f"Bearer {stack.api_token}"},
            timeout=10,
        )
        resp.raise_for_status()
        return int(resp.json()["total"])
    except (requests.RequestException, KeyError, TypeError, ValueError):
        return None


def run(
    levels: Sequence[int] = (1, 10, 20),
    conversations: int = 40,
    stock_dir: Path | None = None,
    skip_stock: bool = False,
    skip_ours: bool = False,
    model: Path = MODEL,
    rounds: int = PAIRED_ROUNDS,
) -> Dict[str, object]:
    """Load both bots with the same client and levels, then alternate them at the main level.

    Every level is played on stock, then on ours. With both bots up, `rounds` more pairs at
    the main level follow, stock and ours alternating (which goes first alternates too), so
    that a change in the machine's speed or load during the run reaches both bots alike; the
    headline ratio is the median of the pairs' ratios (`compare`).
    """
    result: Dict[str, object] = {
        "levels": list(levels),
        "conversations_per_level": conversations,
        "our_script": OUR_SCRIPTS,
        "stock_script": STOCK_SCRIPT,
    }
    tmp = None if stock_dir or skip_stock else Path(tempfile.mkdtemp(prefix="bench-stock-"))
    # a temp project unless --stock-dir names one to reuse (or to create and keep)
    project = None if skip_stock else stock_dir or (tmp / "moodbot" if tmp else None)
    try:
        with ExitStack() as servers:
            stock = ours = None
            if project is not None:
                result["stock_train_seconds"] = None
                if not (project / "models").is_dir():
                    project.mkdir(parents=True, exist_ok=True)
                    result["stock_train_seconds"] = train_stock(project)
                stock = servers.enter_context(stock_server(project))
                url, pid = stock
                result["stock"] = asyncio.run(
                    _drive(
                        url, lambda i: STOCK_SCRIPT, levels, conversations, {"rasa": pid}, "stock"
                    )
                )
            if not skip_ours:
                ours = servers.enter_context(our_stack(model))
                url, pids, stack = ours
                figures = asyncio.run(_drive(url, our_script, levels, conversations, pids, "ours"))
                figures["stack_rss_mb"] = {name: rss_mb(pid) for name, pid in pids.items()}
                # did the scripted complaints really end in tickets? (warm-up + every level)
                played = 1 + sum(fig["conversations"] for fig in figures["levels"].values())
                figures["tickets_filed"] = {"conversations": played, "tickets": ticket_total(stack)}
                result["ours"] = figures
            if stock and ours and rounds:
                result["paired_rounds"] = asyncio.run(
                    _paired_rounds(stock, ours, conversations, rounds)
                )
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    result.update(compare(result))
    return result


async def _paired_rounds(
    stock: tuple, ours: tuple, conversations: int, rounds: int
) -> List[Dict[str, object]]:
    """`rounds` pairs at the main level, stock and ours alternating first."""
    stock_url, stock_pid = stock
    our_url, our_pids, _ = ours

    async def stock_turns() -> Dict[str, object]:
        return await measure(
            stock_url,
            lambda i: STOCK_SCRIPT,
            MAIN_LEVEL,
            conversations,
            stock_pid,
            "stock-pair",
            {"rasa": stock_pid},
        )

    async def our_turns() -> Dict[str, object]:
        return await measure(
            our_url,
            our_script,
            MAIN_LEVEL,
            conversations,
            our_pids["rasa"],
            "ours-pair",
            our_pids,
        )

    pairs = []
    for number in range(rounds):
        if number % 2:
            ours_fig, stock_fig = await our_turns(), await stock_turns()
        else:
            stock_fig, ours_fig = await stock_turns(), await our_turns()
        pairs.append(
            {
                "ours_messages_per_s": ours_fig["messages_per_s"],
                "stock_messages_per_s": stock_fig["messages_per_s"],
                "ratio": _ratio(ours_fig, stock_fig),
                "ours_p95_ms": ours_fig["p95_ms"],
                "stock_p95_ms": stock_fig["p95_ms"],
                "ours_cpu_ms_per_message": ours_fig["cpu_ms_per_message"],
                "stock_cpu_ms_per_message": stock_fig["cpu_ms_per_message"],
            }
        )
    return pairs


def _ratio(ours: Dict[str, object], stock: Dict[str, object]) -> float | None:
    if not ours.get("messages_per_s") or not stock.get("messages_per_s"):
        return None
    return round(float(ours["messages_per_s"]) / float(stock["messages_per_s"]), 2)


def compare(result: Dict[str, object]) -> Dict[str, object]:
    """Headline figures at the main level (10 concurrent conversations).

    The throughput ratio is the median over the first pass and the paired rounds; the
    first pass's latency and messages/s are reported beside it.
    """
    ours = (result.get("ours") or {}).get("levels", {}).get(str(MAIN_LEVEL))
    stock = (result.get("stock") or {}).get("levels", {}).get(str(MAIN_LEVEL))
    out: Dict[str, object] = {"main_level": MAIN_LEVEL}
    if ours:
        out["p95_ms"] = ours["p95_ms"]
        out["messages_per_s"] = ours["messages_per_s"]
    if stock:
        out["stock_p95_ms"] = stock["p95_ms"]
        out["stock_messages_per_s"] = stock["messages_per_s"]
    if ours and stock:
        ratios = [_ratio(ours, stock)] + [
            pair["ratio"] for pair in result.get("paired_rounds") or []
        ]
        ratios = [ratio for ratio in ratios if ratio is not None]
        if ratios:
            out["throughput_ratio_vs_stock"] = round(statistics.median(ratios), 2)
            out["throughput_ratios"] = ratios
    return out


def markdown(result: Dict[str, object]) -> str:
    rows = []
    for name in ("ours", "stock"):
        block = result.get(name) or {}
        for level, fig in (block.get("levels") or {}).items():
            rows.append(
                [
                    "this bot" if name == "ours" else "stock `rasa init`",
                    level,
                    fig["conversations"],
                    fig["messages"],
                    fig["p50_ms"],
                    fig["p95_ms"],
                    fig["max_ms"],
                    fig["messages_per_s"],
                    fig["server_rss_peak_mb"],
                    ", ".join(f"{k} {v}" for k, v in (fig.get("cpu_ms_per_message") or {}).items()),
                    f"{fig['errors']} / {fig['empty_replies']}",
                ]
            )
    lines = [
        md_table(
            [
                "server",
                "concurrent",
                "conversations",
                "messages",
                "p50 ms",
                "p95 ms",
                "max ms",
                "messages/s",
                "Rasa RSS peak MiB",
                "CPU ms per message",
                "errors / empty replies",
            ],
            rows,
        ),
        "",
    ]
    ours, stock = result.get("ours") or {}, result.get("stock") or {}
    idle = [
        f"{label} {block['server_rss_idle_mb']} MiB"
        for label, block in (("this bot", ours), ("stock", stock))
        if block
    ]
    if idle:
        lines.append(f"Idle Rasa server memory after warm-up: {', '.join(idle)}.")
    if ours.get("stack_rss_mb"):
        parts = ", ".join(f"{k} {v} MiB" for k, v in ours["stack_rss_mb"].items())
        lines.append(f"This bot's whole stack after the load: {parts}.")
    filed = ours.get("tickets_filed")
    if filed:
        lines.append(
            f"Tickets filed by this bot's {filed['conversations']} scripted complaints "
            f"(warm-up included): {filed['tickets']}."
        )
    ratios = result.get("throughput_ratios")
    if ratios:
        lines.append(
            f"Throughput ratio at {MAIN_LEVEL} concurrent (ours / stock messages per second): "
            f"first pass, then {len(ratios) - 1} pairs alternating which bot goes first: "
            f"{', '.join(f'{r}×' for r in ratios)}; the headline is their median, "
            f"{result.get('throughput_ratio_vs_stock')}×."
        )
    if result.get("stock_train_seconds"):
        lines.append(
            f"Stock `rasa init` (trains DIET + TED) took {result['stock_train_seconds']} s."
        )
    lines.append("")
    lines.append(
        "Our script per conversation: "
        + " → ".join(f"“{t}”" for t in our_script(0))
        + f" (and {len(OUR_SCRIPTS) - 1} variants; every opening made unique by its"
        " conversation's number); stock: "
        + " → ".join(f"“{t}”" for t in STOCK_SCRIPT)
        + ". Our Rasa server uses the SQLite tracker store and calls the action server and "
        "ticket API; the stock bot keeps trackers in memory and has no custom actions."
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--levels", default="1,10,20")
    parser.add_argument("--conversations", type=int, default=40, help="per level")
    parser.add_argument("--stock-dir", type=Path, help="reuse (or create) a stock project here")
    parser.add_argument("--skip-stock", action="store_true")
    parser.add_argument("--skip-ours", action="store_true")
    add_model_option(parser)
    args = parser.parse_args()
    levels = [int(x) for x in args.levels.split(",") if x]
    result = run(
        levels, args.conversations, args.stock_dir, args.skip_stock, args.skip_ours, args.model
    )
    print(json.dumps(result, ensure_ascii=False, indent=2))
    print(markdown(result))


if __name__ == "__main__":
    main()
