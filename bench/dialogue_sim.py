"""Simulated customers: every scenario of bench/data/dialogues.yml through the REST channel.

Why: the NLU figures say little about whether a customer actually gets a correct ticket.
Each scenario is played against the real servers (Rasa + action server + ticket API, the e2e
Stack) the way a customer would: the opening, then an answer to whatever the bot asks for
(read from the tracker's `requested_slot`), corrections, handoff or cancel lines at their
moment, and the read-back confirmation. The ticket API then says whether the intended ticket
exists.

Success: normal scenarios end with exactly one ticket whose order_id, issue_category and
desired_remedy equal the scenario's facts (and order_verified false for unknown orders);
cancel scenarios with no ticket; handoff scenarios with a ticket holding the facts known by
then. Other fields (contact, severity, emotion, evidence) are checked and reported apart.
Scenarios may go on after the ticket (`after` lines, a `second` complaint: bench/after_filing.py,
dialogues_dev23), whose checks are part of success too.

    .venv/bin/python -m bench.dialogue_sim [--only d001,d017] [--limit 5]
    .venv/bin/python -m bench.dialogue_sim --scenarios bench/data/dialogues_dev.yml  # dev split
    .venv/bin/python -m bench.dialogue_sim --ports 5104,5154,8104,8154 ...  # fixed ports

`--ports RASA,ACTIONS,API,DESK` pins the servers' ports (a shared machine where each user has
their own ports); by default free ephemeral ports are taken.

The evaluation split (bench/data/dialogues.yml) is held out: develop against the
development splits (bench/data/dialogues_dev*.yml, same format), whose failures are printed
with their transcripts; the evaluation reports only counts of failures by kind and reason
(bench/held_out.py says why), and refuses --logs.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List

import yaml

from bench import after_filing, held_out
from bench.common import DATA, MODEL, add_model_option, md_table, short

MAX_TURNS = 15
MAX_SAME_QUESTION = 3  # the same question asked this often again: the customer gives up
CORE_FIELDS = ("order_id", "issue_category", "desired_remedy")
# requested slot -> the name the scenarios use for that moment (turns, corrections.at, *_at)
POINT_OF_SLOT = {"evidence_status": "evidence", "contact_status": "contact"}


@dataclass
class Outcome:
    id: str
    kind: str  # normal | handoff | cancel
    script: str
    success: bool = False
    turns: int = 0
    reason: str = ""
    transcript: List[str] = field(default_factory=list)
    mismatches: Dict[str, Any] = field(default_factory=dict)
    extra_checks: Dict[str, bool] = field(default_factory=dict)
    seconds: float = 0.0
    wrong_script: List[str] = field(default_factory=list)  # bot replies in the other script
    asked: Dict[str, int] = field(default_factory=dict)  # point -> times the bot asked there


def load_scenarios(path: Path = DATA / "dialogues.yml") -> List[Dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def kind_of(scenario: Dict[str, Any]) -> str:
    if scenario.get("cancel"):
        return "cancel"
    if scenario.get("handoff"):
        return "handoff"
    return "normal"


class Customer:
    """One simulated customer playing one scenario."""

    def __init__(self, stack: Any, scenario: Dict[str, Any]) -> None:
        self.stack = stack
        self.s = scenario
        self.turns: Dict[str, Any] = scenario.get("turns") or {}
        self.facts: Dict[str, Any] = scenario.get("facts") or {}
        self.sender = f"sim-{scenario['id']}-{uuid.uuid4().hex[:8]}"
        self.corrections = list(scenario.get("corrections") or [])
        self.transcript: List[str] = []
        self.count = 0
        self.photos = 0
        self.asked: Dict[str, int] = {}  # point -> times asked (answered corrections not counted)
        self.ticket_before: str | None = None  # a ticket filed earlier in the conversation
        self.tickets_before = 0  # and how many
        self.first_ticket: str | None = None
        self.filed_at = 0  # transcript lines before the after-filing part (bench/after_filing)

    # -- talking ---------------------------------------------------------------------
    def say(self, text: str, metadata: Dict[str, Any] | None = None, shown: str = "") -> None:
        from bench.stack import texts

        self.count += 1
        self.transcript.append(f"客户: {shown or text}")
        try:
            replies = self.stack.say(self.sender, text, metadata)
        except Exception as exc:  # noqa: BLE001 - the transcript shows it
            self.transcript.append(f"(error: {type(exc).__name__}: {short(str(exc), 120)})")
            return
        if not texts(replies):
            self.transcript.append("机器人: (no reply)")
        for reply in texts(replies):
            self.transcript.append(f"机器人: {reply}")
        for reply in replies:
            if reply.get("buttons"):
                titles = " / ".join(b.get("title", "") for b in reply["buttons"])
                self.transcript.append(f"  [buttons: {titles}]")

    def send_photo(self, caption: str | None = None) -> None:
        """Upload a photo and send it like the widget does (`/send_evidence` + its ids)."""
        self.photos += 1
        evidence_id, how = self.stack.upload_photo(
            self.sender, seed=len(self.sender) + self.photos - 1
        )
        if caption is None:
            caption = self.turns.get("evidence") or ""
        self.say(
            "/send_evidence",
            {"evidence": [evidence_id], "display": "提交了 1 个证据文件"},
            shown=f"[照片 via {how}] ({caption})",
        )

    def slots(self) -> Dict[str, Any]:
        from bench.stack import tracker

        return tracker(self.stack, self.sender).get("slots") or {}

    # -- what to say at each point -------------------------------------------------------
    def _correction_at(self, point: str) -> str | None:
        for item in self.corrections:
            if item.get("at") == point:
                self.corrections.remove(item)
                return str(item["say"])
        return None

    def _default(self) -> str:
        """What the customer types for "yes, go on": in the customer's own script."""
        return "確認" if self.s.get("script") == "traditional" else "确认"

    def _answer(self, point: str, slots: Dict[str, Any]) -> str:
        """The customer's answer to the bot's question at `point` (a `turns` key)."""
        if point == "read_back":
            return str(self.turns.get("read_back") or self._default())
        if point == "issue_category":
            code = self.facts.get("issue_category")
            # the quick-reply button the customer would tap
            return f'/inform{{"issue_category":"{code}"}}' if code else "其他"
        if point == "order_id" and slots.get("pending_order_id"):
            return str(self.turns.get("order_confirm") or self._default())
        if point == "contact" == "contact":
            return str(self.turns.get("contact") or "不用")
        return str(self.turns.get(point) or self._default())

    # -- the conversation ----------------------------------------------------------------
    def play(self) -> str:
        """Play until a ticket, a handoff/cancel line, the turn limit or a stuck question."""
        s = self.s
        self.say(s["opening"])
        limit = self.count - 1 + MAX_TURNS
        if s.get("handoff") and s.get("handoff_at") == "opening":
            if s.get("handoff_say") and s["handoff_say"] != s["opening"]:
                self.say(s["handoff_say"])
            return "handoff said"
        if s.get("cancel") and s.get("cancel_at") == "opening":
            if s.get("cancel_say") and s["cancel_say"] != s["opening"]:
                self.say(s["cancel_say"])
            return "cancel said"
        asked = self.asked
        told_issue = False
        started = False  # the bot has asked something (form or read-back)
        while self.count < limit:
            slots = self.slots()
            filed = slots.get("ticket_id") not in (None, self.ticket_before)
            if filed and not slots.get("awaiting_confirmation"):
                return "ticket created"
            if slots.get("awaiting_confirmation"):
                point = "read_back"
            elif slots.get("requested_slot"):
                slot = str(slots["requested_slot"])
                point = POINT_OF_SLOT.get(slot, slot)
            elif not started and not told_issue and "issue_description" in self.turns:
                # the bot asks nothing yet (e.g. after a greeting): say what happened
                told_issue = True
                self.say(str(self.turns["issue_description"]))
                continue
            else:
                return "bot stopped asking" if started else "bot asked nothing"
            started = True
            asked[point] = asked.get(point, 0) + 1
            if asked[point] > MAX_SAME_QUESTION:
                return f"stuck: asked for {point} {asked[point]} times"
            if s.get("handoff") and s.get("handoff_at") == point:
                self.say(str(s["handoff_say"]))
                return "handoff said"
            if s.get("cancel") and s.get("cancel_at") == point:
                self.say(str(s["cancel_say"]))
                return "cancel said"
            correction = self._correction_at(point)
            if correction is not None:
                self.say(correction)
                if point != "read_back":
                    asked[point] -= 1  # the customer answers the question next time
                continue
            if point == "evidence" and self.facts.get("evidence") == "photo" and not self.photos:
                self.send_photo()  # asked again, the customer says it in words
                continue
            self.say(self._answer(point, slots))
            if (
                point == "read_back"
                and len(self.stack.tickets(conversation_id=self.sender)) > self.tickets_before
            ):
                return "ticket created"
        return "turn limit"


def replies_in_other_script(scenario: Dict[str, Any], transcript: List[str]) -> List[str]:
    """The bot's replies written in the other script than the customer's.

    A Traditional-writing customer must read Traditional (and a Simplified one Simplified);
    replies without characters that tell the scripts apart count for neither. The
    customer's script is the one of their latest message that tells one, as the product
    rule says (`bot.i18n.message_script`: a switch in "沒有" counts at once, written
    Cantonese of shared characters alone does not); the scenario's `script` before any.
    """
    from bot.i18n import message_script
    from bot.nlu.normalize import detect_script

    expected = {"traditional": "hant", "simplified": "hans"}.get(scenario.get("script", ""))
    if expected is None:
        return []
    wrong = []
    for line in transcript:
        if line.startswith("客户: ") and not line.startswith("客户: [照片"):
            expected = message_script(line[len("客户: ") :]) or expected
        elif line.startswith("机器人: "):
            text = line[len("机器人: ") :]
            if detect_script(text) not in (None, expected):
                wrong.append(text)
    return wrong


def _evidence_ok(expected: str | None, ticket: Dict[str, Any]) -> bool | None:
    if expected is None:
        return None
    has_files = bool(ticket.get("evidence"))
    return has_files if expected == "photo" else not has_files


def _judge_wording(
    scenario: Dict[str, Any], ticket: Dict[str, Any], transcript: List[str], out: Outcome
) -> None:
    """The optional wording checks of a scenario, part of success where given.

    `replies_mention`: words some reply of the bot must contain (a customer who cannot find
    the order number is told where it is; "a|b" either word); `replies_excludes`: words no
    reply may contain (dialogues_dev25: "请直接告诉我要改的内容" to a contact kept); facts
    `description_excludes`: words the ticket's issue_description must not hold (a remedy
    answer is not a fact of the problem); `checked_fields`: fields otherwise reported apart
    (the contact) that are part of success in this scenario.
    """
    replies = [line for line in transcript if line.startswith("机器人: ")]
    unsaid = [
        w
        for w in scenario.get("replies_mention") or []
        if not any(a in r for r in replies for a in str(w).split("|"))
    ]
    if unsaid:
        out.mismatches["replies"] = {"expected": unsaid, "got": "not said"}
    said = [w for w in scenario.get("replies_excludes") or [] if any(w in r for r in replies)]
    if said:
        out.mismatches["replies_excluded"] = {"expected": f"without {said}", "got": replies}
    description = str(ticket.get("issue_description") or "")
    excluded = (scenario.get("facts") or {}).get("description_excludes") or []
    held = [w for w in excluded if w in description]
    if held:
        out.mismatches["issue_description"] = {"expected": f"without {held}", "got": description}
    _judge_asking(scenario, transcript, out)
    for name in scenario.get("checked_fields") or []:
        if ticket.get(name) != (scenario.get("facts") or {}).get(name):
            out.mismatches[name] = {
                "expected": (scenario.get("facts") or {}).get(name),
                "got": ticket.get(name),
            }


def _judge_asking(scenario: Dict[str, Any], transcript: List[str], out: Outcome) -> None:
    """`max_asks` ({point: n}: asked there at most n times) and `no_repeated_question`.

    A remedy said in the opening among other clauses is not asked again; a bot line said
    twice back to back (in one turn or the next) is a question the customer just answered or
    was just told about, asked again.
    """
    over = {
        point: out.asked.get(point, 0)
        for point, most in (scenario.get("max_asks") or {}).items()
        if out.asked.get(point, 0) > int(most)
    }
    if over:
        out.mismatches["asked"] = {"expected": scenario.get("max_asks"), "got": over}
    if scenario.get("no_repeated_question"):
        repeated = repeated_back_to_back(transcript)
        if repeated:
            out.mismatches["repeated"] = {"expected": "no line twice in a row", "got": repeated}


def repeated_back_to_back(transcript: List[str]) -> List[str]:
    """Bot lines said again in the same turn or in the turn right after."""
    turns: List[List[str]] = [[]]
    for line in transcript:
        if line.startswith("客户: "):
            turns.append([])
        elif line.startswith("机器人: "):
            turns[-1].append(line[len("机器人: ") :])
    repeated = []
    for before, now in zip(([[]] + turns)[:-1], turns, strict=True):
        seen = set(before)
        for text in now:
            if text in seen:
                repeated.append(text)
            seen.add(text)
    return repeated


def judge(
    scenario: Dict[str, Any],
    tickets: List[Dict[str, Any]],
    out: Outcome,
    transcript: List[str] | None = None,
    filed_at: int | None = None,
    after: List[str] | None = None,
) -> None:
    """Fill success, reason and the field comparison from the tickets of the conversation.

    `filed_at` (transcript lines before the after-filing part) and `after` (its problems) come
    from `bench.after_filing.play_after`, for scenarios that go on after the ticket.
    """
    transcript = transcript if transcript is not None else out.transcript
    tickets = after_filing.in_filing_order(tickets)
    filed_at = len(transcript) if filed_at is None else filed_at
    after = after or []
    facts = scenario.get("facts") or {}
    if out.kind == "cancel":
        out.success = not tickets
        if tickets:
            out.reason = f"{len(tickets)} ticket(s) filed although the customer withdrew"
        return
    if not tickets:
        out.reason = f"no ticket ({out.reason})"
        return
    expected = 2 if scenario.get("second") else 1
    if out.kind == "normal" and len(tickets) != expected:
        out.reason = f"{len(tickets)} tickets instead of {expected}"
        return
    ticket = tickets[0] if scenario.get("second") else tickets[-1]
    for name in CORE_FIELDS:
        if ticket.get(name) != facts.get(name):
            out.mismatches[name] = {"expected": facts.get(name), "got": ticket.get(name)}
    if scenario.get("order_known") is False and ticket.get("order_verified") is not False:
        out.mismatches["order_verified"] = {"expected": False, "got": ticket.get("order_verified")}
    _judge_wording(scenario, ticket, transcript, out)
    if after_filing.has_after(scenario) or scenario.get("ticket_evidence"):
        after_filing.judge_after(scenario, tickets, transcript, filed_at, after, out)
    out.success = not out.mismatches
    if out.mismatches:
        out.reason = "wrong " + ", ".join(out.mismatches)
    # reported apart, not part of success
    checks = {
        "contact": ticket.get("contact") == facts.get("contact"),
        "severity": ticket.get("severity") == facts.get("severity"),
        "severity_reasons": sorted(ticket.get("severity_reasons") or [])
        == sorted(facts.get("severity_reasons") or []),
        "emotion": ticket.get("emotion") == facts.get("emotion"),
        "evidence": _evidence_ok(facts.get("evidence"), ticket),
    }
    out.extra_checks = {k: v for k, v in checks.items() if v is not None and k in _present(facts)}
    out.mismatches.update(
        {
            f"({k})": {
                "expected": facts.get(k),
                "got": ticket.get(k) if k != "evidence" else len(ticket.get("evidence") or []),
            }
            for k, v in out.extra_checks.items()
            if not v
        }
    )


def _present(facts: Dict[str, Any]) -> set:
    return {
        k for k in ("contact", "severity", "severity_reasons", "emotion", "evidence") if k in facts
    }


def play_all(
    stack: Any, scenarios: List[Dict[str, Any]], held_out_split: bool = False
) -> List[Outcome]:
    """Play every scenario; progress lines name the scenario only on development splits."""
    outcomes = []
    for number, scenario in enumerate(scenarios, 1):
        start = time.perf_counter()
        customer = Customer(stack, scenario)
        out = Outcome(scenario["id"], kind_of(scenario), scenario.get("script", ""))
        try:
            out.reason = customer.play()
            after: List[str] = []
            if out.reason == "ticket created" and after_filing.has_after(scenario):
                after = after_filing.play_after(customer)
            out.asked = dict(customer.asked)
            tickets = stack.tickets(conversation_id=customer.sender)
            judge(scenario, tickets, out, customer.transcript, customer.filed_at, after)
        except Exception as exc:  # noqa: BLE001 - one broken scenario must not stop the run
            out.reason = f"error: {type(exc).__name__}: {exc}"
        out.turns = customer.count
        out.transcript = customer.transcript
        out.wrong_script = replies_in_other_script(scenario, customer.transcript)
        out.seconds = round(time.perf_counter() - start, 2)
        outcomes.append(out)
        if held_out_split:
            print(f"scenario {number}/{len(scenarios)} played", flush=True)
        else:
            verdict = "ok " if out.success else "FAIL"
            print(f"{out.id} {out.kind:7} {verdict} turns={out.turns} {out.reason}", flush=True)
    return outcomes


def summarize(outcomes: List[Outcome]) -> Dict[str, Any]:
    n = len(outcomes)
    turns = [o.turns for o in outcomes]
    completed = [o.turns for o in outcomes if o.success and o.kind == "normal"]
    by_kind: Dict[str, Dict[str, Any]] = {}
    for kind in ("normal", "handoff", "cancel"):
        group = [o for o in outcomes if o.kind == kind]
        if group:
            by_kind[kind] = {
                "scenarios": len(group),
                "success": round(sum(o.success for o in group) / len(group), 4),
            }
    by_script: Dict[str, Dict[str, Any]] = {}
    for script in sorted({o.script for o in outcomes}):
        group = [o for o in outcomes if o.script == script]
        by_script[script] = {
            "scenarios": len(group),
            "success": round(sum(o.success for o in group) / len(group), 4),
        }
    extra: Dict[str, Any] = {}
    for name in ("contact", "severity", "severity_reasons", "emotion", "evidence"):
        vals = [o.extra_checks[name] for o in outcomes if name in o.extra_checks]
        if vals:
            extra[name] = {"checked": len(vals), "accuracy": round(sum(vals) / len(vals), 4)}
    scripted = [o for o in outcomes if o.script in ("traditional", "simplified")]
    return {
        "scenarios": n,
        "task_success": round(sum(o.success for o in outcomes) / n, 4) if n else None,
        "replies_in_customer_script": {
            "checked": len(scripted),
            "all_replies_right": round(sum(not o.wrong_script for o in scripted) / len(scripted), 4)
            if scripted
            else None,
        },
        "succeeded": sum(o.success for o in outcomes),
        "turns_mean": round(statistics.mean(turns), 2) if turns else None,
        "turns_median": statistics.median(turns) if turns else None,
        "turns_mean_completed_normal": round(statistics.mean(completed), 2) if completed else None,
        "by_kind": by_kind,
        "by_script": by_script,
        "other_ticket_fields": extra,
        "failures": [
            {
                "id": o.id,
                "kind": o.kind,
                "reason": o.reason,
                "turns": o.turns,
                "mismatches": o.mismatches,
                "transcript": o.transcript,
            }
            for o in outcomes
            if not o.success
        ],
        "field_mismatches_in_successes": [
            {"id": o.id, "mismatches": o.mismatches} for o in outcomes if o.success and o.mismatches
        ],
        "replies_in_other_script": [
            {"id": o.id, "replies": o.wrong_script} for o in outcomes if o.wrong_script
        ],
        "per_scenario": [
            {
                "id": o.id,
                "kind": o.kind,
                "success": o.success,
                "turns": o.turns,
                "seconds": o.seconds,
            }
            for o in outcomes
        ],
    }


def run(
    only: List[str] | None = None,
    limit: int | None = None,
    model: Path = MODEL,
    logs: Path | None = None,
    scenarios_path: Path | None = None,
    ports: Dict[str, int] | None = None,
) -> Dict[str, Any]:
    from bench.stack import BenchStack

    held_out_split = scenarios_path is None
    if held_out_split and logs is not None:
        raise SystemExit("--logs is for development splits: the evaluation split stays unread")
    scenarios = load_scenarios(scenarios_path or DATA / "dialogues.yml")
    if only:
        scenarios = [s for s in scenarios if s["id"] in only]
    if limit:
        scenarios = scenarios[:limit]
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-dialogue-") as tmp:
        stack = BenchStack(Path(tmp), model=model, **(ports or {}))
        try:
            stack.start()
            outcomes = play_all(stack, scenarios, held_out_split)
        except Exception:
            for name in ("rasa", "actions", "api"):
                print(f"--- {name} log ---\n{stack.log_tail(name)}")
            raise
        finally:
            stack.stop()
            if logs is not None:  # the servers' logs, to see why a scenario failed
                logs.mkdir(parents=True, exist_ok=True)
                for log in Path(tmp).glob("*.log"):
                    shutil.copy(log, logs / log.name)
    result = summarize(outcomes)
    result["seconds"] = round(time.perf_counter() - start, 1)
    return without_scenarios(result) if held_out_split else result


def without_scenarios(result: Dict[str, Any]) -> Dict[str, Any]:
    """The summary with failures counted by kind and reason, and no scenario ids or turns."""
    mismatched = Counter(
        name for item in result["field_mismatches_in_successes"] for name in item["mismatches"]
    )
    hidden = (
        "failures",
        "field_mismatches_in_successes",
        "per_scenario",
        "replies_in_other_script",
    )
    return {
        **{k: v for k, v in result.items() if k not in hidden},
        "held_out": True,
        "failed": len(result["failures"]),
        "failure_kinds": held_out.scenario_failures(result["failures"]),
        "field_mismatches_in_successes": dict(mismatched),
    }


def _excerpt(transcript: List[str], lines: int = 16) -> str:
    picked = transcript if len(transcript) <= lines else ["…"] + transcript[-lines:]
    return "\n".join("    " + short(line, 110) for line in picked)


def _held_out_failures(result: Dict[str, Any]) -> List[str]:
    rows = [[k["kind"], k["reason"], k["fields"], k["count"]] for k in result["failure_kinds"]]
    return [
        f"### Failed scenarios ({result['failed']}; held-out, so counted by kind, not listed)",
        "",
        md_table(["kind", "reason", "ticket fields that differed", "scenarios"], rows)
        if rows
        else "None.",
        "",
    ]


def markdown(result: Dict[str, Any]) -> str:
    rows = [["all", result["scenarios"], result["task_success"]]]
    rows += [[k, v["scenarios"], v["success"]] for k, v in result["by_kind"].items()]
    rows += [[f"script: {k}", v["scenarios"], v["success"]] for k, v in result["by_script"].items()]
    out = [
        md_table(["scenarios", "count", "task success"], rows),
        "",
        f"Customer turns per complaint: mean {result['turns_mean']}, median {result['turns_median']}"
        f" (completed normal complaints: mean {result['turns_mean_completed_normal']}).",
        "",
    ]
    if result["other_ticket_fields"]:
        out += [
            "Other ticket fields (not part of task success):",
            "",
            md_table(
                ["field", "checked", "equal to the scenario"],
                [
                    [k, v["checked"], v["accuracy"]]
                    for k, v in result["other_ticket_fields"].items()
                ],
            ),
            "",
        ]
    scripts = result.get("replies_in_customer_script") or {}
    if scripts.get("checked"):
        out += [
            f"Scenarios whose every reply is in the customer's script: "
            f"{scripts['all_replies_right']} of {scripts['checked']}.",
            "",
        ]
    if result.get("held_out"):
        return "\n".join(out + _held_out_failures(result))
    for item in result.get("replies_in_other_script") or []:
        out.append(
            f"- {item['id']} answered in the other script: "
            + " | ".join(short(text, 60) for text in item["replies"])
        )
    if result.get("replies_in_other_script"):
        out.append("")
    failures = result["failures"]
    if failures:
        kinds = Counter(f["reason"] for f in failures)
        out += [
            "Why scenarios failed:",
            "",
            md_table(
                ["reason", "scenarios", "ids"],
                [
                    [reason, n, ", ".join(f["id"] for f in failures if f["reason"] == reason)]
                    for reason, n in kinds.most_common()
                ],
            ),
            "",
        ]
    out += [f"### Failed scenarios ({len(failures)})", ""]
    if not failures:
        out.append("None.")
    for f in failures:
        details = "; ".join(
            f"{k}: expected {v['expected']!r}, got {v['got']!r}" for k, v in f["mismatches"].items()
        )
        out += [
            f"**{f['id']}** ({f['kind']}, {f['turns']} turns): {f['reason']}"
            + (f" — {details}" if details else ""),
            "",
            _excerpt(f["transcript"]),
            "",
        ]
    return "\n".join(out)


PORT_FIELDS = ("rasa_port", "actions_port", "api_port", "desk_port")


def parse_ports(value: str) -> Dict[str, int]:
    """`--ports 5104,5154,8104,8154` as the stack's port fields (Rasa, actions, API, desk)."""
    numbers = [int(part) for part in value.split(",") if part.strip()]
    if len(numbers) != len(PORT_FIELDS):
        raise argparse.ArgumentTypeError("four ports: RASA,ACTIONS,API,DESK")
    return dict(zip(PORT_FIELDS, numbers, strict=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", help="comma-separated scenario ids")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--json", action="store_true")
    add_model_option(parser)
    parser.add_argument("--logs", type=Path, help="copy the servers' logs into this folder")
    parser.add_argument(
        "--scenarios",
        type=Path,
        help="scenario file (default: the evaluation split bench/data/dialogues.yml)",
    )
    parser.add_argument(
        "--ports", type=parse_ports, help="RASA,ACTIONS,API,DESK ports (default: free ones)"
    )
    args = parser.parse_args()
    result = run(
        args.only.split(",") if args.only else None,
        args.limit,
        args.model,
        args.logs,
        args.scenarios,
        args.ports,
    )
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else markdown(result))


if __name__ == "__main__":
    main()
