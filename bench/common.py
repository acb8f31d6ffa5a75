"""Small helpers shared by the benchmark scripts: paths, options, percentiles, memory, machine.

Kept free of Rasa imports so that the load and dialogue scripts start quickly and the
figures they report are not skewed by a heavy client process on the same two cores.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Dict, Iterable, List, Sequence

import requests
import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"
MODEL = ROOT / "models" / "complaint.tar.gz"
NLU_DATA = ROOT / "data" / "nlu"
CONFIG = ROOT / "config.yml"
BIN = Path(sys.executable).parent
RASA = str(BIN / "rasa")


def dev_split_cases(path: Path) -> List[Dict[str, Any]]:
    """The cases of one development file (a YAML list); held-out files are refused unopened."""
    if "_dev" not in path.name:
        raise SystemExit(f"{path.name} is not a development split (*_dev*.yml): refused")
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def add_model_option(
    parser: argparse.ArgumentParser, default: Path | None = MODEL, help: str | None = None
) -> None:
    """`--model`: the packaged model a script loads (default: the project's)."""
    parser.add_argument("--model", type=Path, default=default, help=help)


def add_training_options(parser: argparse.ArgumentParser) -> None:
    """`--data` and `--config`: what a script that trains trains on."""
    parser.add_argument("--data", type=Path, default=NLU_DATA, help="NLU data folder")
    parser.add_argument("--config", type=Path, default=CONFIG, help="Rasa config file")


def add_dev_option(parser: argparse.ArgumentParser, default: Path) -> None:
    """`--dev`: the development split(s) scored, after one training."""
    parser.add_argument(
        "--dev",
        type=Path,
        nargs="+",
        default=[default],
        help="development split(s); several are scored after one training",
    )


def add_errors_option(parser: argparse.ArgumentParser) -> None:
    """`--errors`: list every miss, not only the figures."""
    parser.add_argument("--errors", action="store_true", help="list every miss")


def percentile(values: Sequence[float], pct: float) -> float | None:
    """Nearest-rank percentile (no interpolation), None for an empty list."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100.0 * len(ordered)))
    return ordered[rank - 1]


def rounded(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def quiet_env(**extra: str) -> Dict[str, str]:
    """Environment for child Rasa processes: project importable, TensorFlow quiet."""
    env = dict(os.environ)
    env.update(
        PYTHONPATH=str(ROOT),
        TF_CPP_MIN_LOG_LEVEL="3",
        TF_ENABLE_ONEDNN_OPTS="0",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
    )
    env.update(extra)
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_http(url: str, proc: subprocess.Popen | None = None, timeout: float = 300) -> None:
    """Wait until `url` answers 200; fail early if the process behind it died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"process exited with {proc.returncode} before {url} answered")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


def stop_process(proc: subprocess.Popen | None, timeout: float = 20) -> None:
    """Terminate one process we started (and only that one), killing it if it hangs."""
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)


def _children() -> Dict[int, List[int]]:
    tree: Dict[int, List[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # the command name may contain spaces: the parent pid is the 2nd field after ")"
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _vmrss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MiB (from /proc, no psutil)."""
    tree = _children()
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += _vmrss_kb(current)
        todo.extend(tree.get(current, []))
    return round(total / 1024.0, 1)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time used so far by a process and its descendants."""
    tree = _children()
    ticks, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, IndexError, ValueError):
            pass
        todo.extend(tree.get(current, []))
    return ticks / os.sysconf("SC_CLK_TCK")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_mb() -> int | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return None


def _rasa_version() -> str:
    try:
        from importlib.metadata import version

        return version("rasa")
    except Exception:  # noqa: BLE001 - reported, not fatal
        return "unknown"


def machine() -> Dict[str, object]:
    """What the figures were measured on."""
    return {
        "cpu_count": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "memory_mb": _memory_mb(),
        "python": platform.python_version(),
        "rasa": _rasa_version(),
        "platform": platform.platform(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def short(text: str, width: int = 60) -> str:
    """One line, cut to `width` characters, for markdown tables."""
    flat = " ".join(str(text).split()).replace("|", "\\|")
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def md_table(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    head = list(header)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        lines.append("| " + " | ".join("" if c is None else str(c) for c in row) + " |")
    return "\n".join(lines)
