"""Run the benchmark suite and write docs/benchmarks.json and docs/benchmarks.md.

Why one entry point: the figures are only comparable when measured the same way on the same
machine, so this script runs the parts in a fixed order (training time first, on a quiet
machine as far as this suite is concerned; then NLU, conversations and load), records the
machine, and writes both files from the results. Running only some parts keeps the other
parts' previous figures (each part carries its own `measured_at`).

    .venv/bin/python -m bench.run_all                      # everything (about 13 min on 2 cores)
    .venv/bin/python -m bench.run_all --parts nlu,dialogue  # some parts
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

from bench.common import MODEL, ROOT, add_model_option, machine, md_table

DOCS = ROOT / "docs"
JSON_PATH = DOCS / "benchmarks.json"
MD_PATH = DOCS / "benchmarks.md"
PARTS = ("train", "nlu", "dialogue", "load")
TRAIN_LIMIT_S = 180.0


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).astimezone().isoformat(timespec="seconds")


def ensure_model() -> str | None:
    """Build models/complaint.tar.gz the way scripts/test and scripts/run do (no-op when fresh).

    Returns None, or why the build failed (the parts then run on the model that is there).
    """
    proc = subprocess.run(
        ["bash", "-c", "source scripts/lib.sh && ensure_model"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return None if proc.returncode == 0 else (proc.stderr or proc.stdout)[-3000:]


# --- parts -----------------------------------------------------------------------------
def part_train(args: argparse.Namespace) -> Dict[str, Any]:
    from bench import train_time

    return train_time.run()


def part_nlu(args: argparse.Namespace) -> Dict[str, Any]:
    from bench import nlu_eval

    detail = nlu_eval.run(args.model)
    return {**nlu_eval.headline(detail), "detail": detail}


def part_dialogue(args: argparse.Namespace) -> Dict[str, Any]:
    from bench import dialogue_sim

    detail = dialogue_sim.run(args.only.split(",") if args.only else None, model=args.model)
    return {
        "task_success": detail["task_success"],
        "scenarios": detail["scenarios"],
        "turns_mean": detail["turns_mean"],
        "turns_median": detail["turns_median"],
        "detail": detail,
    }


def part_load(args: argparse.Namespace) -> Dict[str, Any]:
    from bench import load

    levels = [int(x) for x in args.levels.split(",")]
    detail = load.run(levels, args.conversations, args.stock_dir, model=args.model)
    ours, stock = detail.get("ours") or {}, detail.get("stock") or {}
    main = str(load.MAIN_LEVEL)
    return {
        "throughput_ratio_vs_stock": detail.get("throughput_ratio_vs_stock"),
        "p95_ms": detail.get("p95_ms"),
        "stock_p95_ms": detail.get("stock_p95_ms"),
        "messages_per_s": detail.get("messages_per_s"),
        "stock_messages_per_s": detail.get("stock_messages_per_s"),
        "server_rss_mb": (ours.get("levels", {}).get(main) or {}).get("server_rss_peak_mb"),
        "stock_server_rss_mb": (stock.get("levels", {}).get(main) or {}).get("server_rss_peak_mb"),
        "stock_train_seconds": detail.get("stock_train_seconds"),
        "detail": detail,
    }


RUNNERS: Dict[str, Callable[[argparse.Namespace], Dict[str, Any]]] = {
    "train": part_train,
    "nlu": part_nlu,
    "dialogue": part_dialogue,
    "load": part_load,
}


# --- targets ---------------------------------------------------------------------------
def _get(data: Dict[str, Any], dotted: str) -> Any:
    node: Any = data
    for key in dotted.split("."):
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


def targets(data: Dict[str, Any]) -> List[Dict[str, Any]]:
    """The issue's targets, each with the measured value and pass/fail (None = not measured)."""

    def check(name: str, key: str, rule: str, ok: Callable[[Any], bool]) -> Dict[str, Any]:
        value = _get(data, key)
        return {
            "target": name,
            "key": key,
            "rule": rule,
            "value": value,
            "pass": None if value is None else bool(ok(value)),
        }

    stock_p95 = _get(data, "load.stock_p95_ms")
    precision = _get(data, "nlu.urgent_precision")
    return [
        check("intent macro-F1", "nlu.intent_macro_f1", "≥ 0.95", lambda v: v >= 0.95),
        check("issue_category accuracy", "nlu.category_accuracy", "≥ 0.90", lambda v: v >= 0.90),
        check("desired_remedy accuracy", "nlu.remedy_accuracy", "≥ 0.95", lambda v: v >= 0.95),
        check("urgent recall", "nlu.urgent_recall", "= 1.0", lambda v: v >= 1.0),
        check(
            "urgent precision",
            "nlu.urgent_precision",
            "≥ 0.9",
            lambda v: precision is not None and v >= 0.9,
        ),
        check("order numbers", "nlu.order_id_accuracy", "= 100 %", lambda v: v >= 1.0),
        check("dialogue task success", "dialogue.task_success", "≥ 0.95", lambda v: v >= 0.95),
        check("throughput vs stock", "load.throughput_ratio_vs_stock", "≥ 2×", lambda v: v >= 2.0),
        check(
            "p95 at 10 concurrent (ms)",
            "load.p95_ms",
            f"≤ stock ({stock_p95})",
            lambda v: stock_p95 is not None and v <= stock_p95,
        ),
        check(
            "full training (s)",
            "train_seconds",
            f"≤ {TRAIN_LIMIT_S:.0f}",
            lambda v: v <= TRAIN_LIMIT_S,
        ),
    ]


# --- markdown --------------------------------------------------------------------------
def _mark(ok: Optional[bool]) -> str:
    return "not measured" if ok is None else ("pass" if ok else "**FAIL**")


def markdown(data: Dict[str, Any]) -> str:
    from bench import dialogue_sim, load, nlu_eval

    m = data.get("machine") or {}
    out = [
        "# Benchmarks",
        "",
        "Written by `bench/run_all.py` — do not edit by hand. Figures, targets and the machine "
        "are also in `docs/benchmarks.json` (stable keys such as `nlu.intent_macro_f1`, "
        "`dialogue.task_success`, `load.throughput_ratio_vs_stock`, `train_seconds`).",
        "",
        f"Date: {data.get('date')}. Machine: {m.get('cpu_count')} CPU ({m.get('cpu_model')}), "
        f"{m.get('memory_mb')} MiB RAM, Python {m.get('python')}, Rasa {m.get('rasa')}; "
        f"load average at start {m.get('load_average_at_start')} (the machine is shared, so "
        "absolute times vary; the load test's baseline runs in the same run for that reason). "
        f"Whole suite: {data.get('suite_seconds')} s.",
        "",
        "## Targets",
        "",
        md_table(
            ["target", "rule", "measured", "result"],
            [
                [t["target"], t["rule"], t["value"], _mark(t["pass"])]
                for t in data.get("targets", [])
            ],
        ),
        "",
        "## How to rerun",
        "",
        "```",
        ".venv/bin/python -m bench.run_all                       # all parts, from the project root",
        ".venv/bin/python -m bench.run_all --parts nlu,load      # some of: train, nlu, dialogue, load",
        ".venv/bin/python -m bench.dialogue_sim --scenarios bench/data/dialogues_dev2.yml  # a dev split",
        "```",
        "",
        "The evaluation data in `bench/data/` is held out: it is never trained on, never edited, "
        "and its errors are reported as counts by kind, not as sentences (`bench/held_out.py`): "
        "errors are found and fixed on the development splits (README). `run_all` first brings "
        "`models/complaint.tar.gz` up to date with `scripts/lib.sh ensure_model`.",
        "",
    ]
    train = data.get("train")
    if train:
        out += [
            "## Training",
            "",
            f"Full `rasa train --force` of this project: {train.get('seconds')} s"
            + ("" if train.get("ok") else " (**failed**)")
            + (f", model {train.get('model_mb')} MiB" if train.get("model_mb") else "")
            + f" (measured {train.get('measured_at')}).",
        ]
        stock_train = _get(data, "load.stock_train_seconds")
        if stock_train:
            out.append(
                f"For comparison, stock `rasa init` (moodbot, DIET + TED) trained in {stock_train} s."
            )
        if train.get("error"):
            out += ["", "```", train["error"], "```"]
        out.append("")
    for part in PARTS:
        if (data.get(part) or {}).get("error") and part != "train":
            out += [f"## {part}: failed", "", "```", str(data[part]["error"]), "```", ""]
    if data.get("model_build_error"):
        out += [
            "Building models/complaint.tar.gz failed; the parts used the model that was there:",
            "",
            "```",
            data["model_build_error"],
            "```",
            "",
        ]
    if (data.get("nlu") or {}).get("detail"):
        out += [
            "## NLU (held-out data)",
            "",
            f"Measured {data['nlu'].get('measured_at')}.",
            "",
            nlu_eval.markdown(data["nlu"]["detail"]),
            "",
        ]
    if (data.get("dialogue") or {}).get("detail"):
        out += [
            "## Conversations (simulated customers through the REST channel)",
            "",
            f"Measured {data['dialogue'].get('measured_at')}; {data['dialogue']['scenarios']} "
            "scenarios from `bench/data/dialogues.yml`.",
            "",
            dialogue_sim.markdown(data["dialogue"]["detail"]),
            "",
        ]
    if (data.get("load") or {}).get("detail"):
        out += [
            "## Load (REST channel, this bot versus stock `rasa init` in the same run)",
            "",
            f"Measured {data['load'].get('measured_at')}.",
            "",
            load.markdown(data["load"]["detail"]),
            "",
        ]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--parts", default=",".join(PARTS), help=f"comma-separated: {', '.join(PARTS)}"
    )
    add_model_option(parser)
    parser.add_argument("--no-ensure-model", action="store_true", help="use models/ as it is")
    parser.add_argument("--only", help="dialogue: comma-separated scenario ids")
    parser.add_argument("--levels", default="1,10,20", help="load: concurrent conversations")
    # 120, not 40: at 40 a level lasted about 2 s for our bot and the ratio to stock swung
    # 1.84-2.04x between back-to-back runs of the same code; both bots get the same count
    parser.add_argument("--conversations", type=int, default=120, help="load: per level")
    parser.add_argument("--stock-dir", type=Path, help="load: reuse a stock project (development)")
    parser.add_argument("--no-write", action="store_true", help="print instead of writing docs/")
    args = parser.parse_args()
    parts = [p for p in args.parts.split(",") if p]
    unknown = set(parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown parts: {', '.join(sorted(unknown))}")

    started = time.perf_counter()
    data: Dict[str, Any] = json.loads(JSON_PATH.read_text()) if JSON_PATH.exists() else {}
    data.pop("model_build_error", None)
    data["date"] = _now()
    data["machine"] = machine()
    if (
        {"nlu", "dialogue", "load"} & set(parts)
        and not args.no_ensure_model
        and args.model == MODEL
    ):
        data["model_build_error"] = ensure_model()
        if data["model_build_error"]:
            print(f"model build failed:\n{data['model_build_error']}", file=sys.stderr)
    failed = []
    for part in PARTS:
        if part not in parts:
            continue
        print(f"==> {part}", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        try:
            result = RUNNERS[part](args)
        except Exception as exc:  # noqa: BLE001 - record it, keep going with the other parts
            failed.append(part)
            result = {"error": f"{type(exc).__name__}: {exc}"}
            print(f"{part} failed: {result['error']}", file=sys.stderr)
        result["measured_at"] = _now()
        result["part_seconds"] = round(time.perf_counter() - t0, 1)
        data[part] = result
        if part == "train":
            data["train_seconds"] = result.get("seconds") if result.get("ok") else None
    data["suite_seconds"] = round(time.perf_counter() - started, 1)
    data["parts_run"] = parts
    data["targets"] = targets(data)

    text = json.dumps(data, ensure_ascii=False, indent=2)
    if args.no_write:
        print(text)
        print(markdown(data))
    else:
        DOCS.mkdir(exist_ok=True)
        JSON_PATH.write_text(text + "\n", encoding="utf-8")
        MD_PATH.write_text(markdown(data), encoding="utf-8")
        print(
            f"wrote {JSON_PATH.relative_to(ROOT)} and {MD_PATH.relative_to(ROOT)}", file=sys.stderr
        )
    for t in data["targets"]:
        print(
            f"{t['target']:32} {t['rule']:14} {t['value']!s:10} {_mark(t['pass'])}", file=sys.stderr
        )
    if failed:
        sys.exit(f"parts failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
