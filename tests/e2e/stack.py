"""Starts the real servers (Rasa, action server, ticket API) for end-to-end tests."""

from __future__ import annotations

import asyncio
import os
import secrets
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Awaitable, Dict, Iterator, List, Optional, TypeVar

import pytest
import requests
import yaml

from tests.conftest import _on_ci

ROOT = Path(__file__).resolve().parents[2]
# E2E_MODEL runs the end-to-end tests on another model (e.g. one trained elsewhere with
# `rasa train --out`) without touching models/, which other work relies on. Not a
# COMPLAINTS_* variable: those are settings, and unknown settings are refused.
MODEL = Path(os.environ.get("E2E_MODEL") or ROOT / "models" / "complaint.tar.gz")
BIN = Path(sys.executable).parent
S = TypeVar("S", bound="Stack")


_HANDED_OUT: set = set()


def free_port() -> int:
    """A port free now and not handed out before by this process.

    The OS may hand the same ephemeral port to two quick binds; a stack whose Rasa server and
    action server got the same port would start one of them and answer nothing.
    """
    while True:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if port not in _HANDED_OUT:
            _HANDED_OUT.add(port)
            return port


@dataclass
class Stack:
    """Running servers and helpers to talk to them like a client would."""

    workdir: Path
    rasa_port: int = field(default_factory=free_port)
    actions_port: int = field(default_factory=free_port)
    api_port: int = field(default_factory=free_port)
    desk_port: int = field(default_factory=free_port)
    api_token: str = field(default_factory=lambda: secrets.token_hex(16))
    rasa_token: str = field(default_factory=lambda: secrets.token_hex(16))
    processes: Dict[str, subprocess.Popen] = field(default_factory=dict)
    # YAML appended to the project's credentials.yml (channels that need test secrets)
    extra_credentials: str = ""

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.api_port}"

    @property
    def desk_url(self) -> str:
        return f"http://127.0.0.1:{self.desk_port}"

    def env(self) -> Dict[str, str]:
        env = dict(os.environ)
        env.update(
            PYTHONPATH=str(ROOT),
            TF_CPP_MIN_LOG_LEVEL="3",
            COMPLAINTS_DATABASE_URL=f"sqlite:///{self.workdir / 'complaints.db'}",
            COMPLAINTS_API_TOKEN=self.api_token,
            COMPLAINTS_API_PORT=str(self.api_port),
            COMPLAINTS_RASA_URL=self.rasa_url,
            COMPLAINTS_RASA_TOKEN=self.rasa_token,
            COMPLAINTS_EVIDENCE__STORAGE_DIR=str(self.workdir / "evidence"),
            COMPLAINTS_EVIDENCE__PUBLIC_BASE_URL=self.rasa_url,
            COMPLAINTS_DESK__PORT=str(self.desk_port),
            COMPLAINTS_DESK__SECRET_FILE=str(self.workdir / "desk-secret.key"),
        )
        return env

    def _endpoints(self) -> Path:
        """The project's endpoints.yml (tracker store, NLG, lock store as shipped), pointed
        at this stack's action server and, for SQLite, a tracker database in the workdir."""
        endpoints = yaml.safe_load((ROOT / "endpoints.yml").read_text(encoding="utf-8"))
        endpoints["action_endpoint"]["url"] = f"http://127.0.0.1:{self.actions_port}/webhook"
        store = endpoints.get("tracker_store") or {}
        if store.get("dialect", "sqlite") == "sqlite":
            store["db"] = str(self.workdir / "tracker.db")
        path = self.workdir / "endpoints.yml"
        path.write_text(yaml.safe_dump(endpoints, allow_unicode=True), encoding="utf-8")
        return path

    def _credentials(self) -> Path:
        path = self.workdir / "credentials.yml"
        base = (ROOT / "credentials.yml").read_text(encoding="utf-8")
        path.write_text(base + "\n" + self.extra_credentials, encoding="utf-8")
        return path

    def _spawn(self, name: str, args: List[str]) -> None:
        log = open(self.workdir / f"{name}.log", "wb")
        self.processes[name] = subprocess.Popen(
            args, cwd=ROOT, env=self.env(), stdout=log, stderr=subprocess.STDOUT
        )

    def start_actions(self) -> None:
        self._spawn(
            "actions",
            [
                str(BIN / "rasa"),
                "run",
                "actions",
                "--actions",
                "actions",
                "--port",
                str(self.actions_port),
            ],
        )

    def start_rasa(self, name: str = "rasa", port: Optional[int] = None) -> None:
        """A Rasa server on this stack's stores; `name` and `port` start another one."""
        self._spawn(
            name,
            [
                str(BIN / "rasa"),
                "run",
                "--enable-api",
                "--auth-token",
                self.rasa_token,
                "--port",
                str(port or self.rasa_port),
                "--model",
                str(MODEL),
                "--credentials",
                str(self._credentials()),
                "--endpoints",
                str(self._endpoints()),
            ],
        )

    def start_api(self) -> None:
        self._spawn("api", [sys.executable, "-m", "bot.api"])

    def start_desk(self, agents: Dict[str, str]) -> None:
        """Create the agent accounts (name -> password) with the CLI, then serve the desk."""
        for name, password in agents.items():
            subprocess.run(
                [sys.executable, "-m", "bot.desk", "create-agent", name, "--password-stdin"],
                input=password + "\n",
                text=True,
                cwd=ROOT,
                env=self.env(),
                check=True,
                capture_output=True,
            )
        self._spawn("desk", [sys.executable, "-m", "bot.desk"])
        self._wait_for("desk", f"{self.desk_url}/health", time.monotonic() + 60)

    def start(self) -> Stack:
        self.start_actions()
        self.start_rasa()
        self.start_api()
        self.wait_ready()
        return self

    def wait_ready(self, timeout: float = 240) -> None:
        checks = {
            "actions": f"http://127.0.0.1:{self.actions_port}/health",
            "rasa": f"{self.rasa_url}/status?token={self.rasa_token}",
            "api": f"{self.api_url}/health",
        }
        deadline = time.monotonic() + timeout
        for name, url in checks.items():
            self._wait_for(name, url, deadline)

    def _wait_for(self, name: str, url: str, deadline: float) -> None:
        while True:
            proc = self.processes.get(name)
            if proc is not None and proc.poll() is not None:
                raise RuntimeError(f"{name} exited:\n{self.log_tail(name)}")
            try:
                if requests.get(url, timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not start:\n{self.log_tail(name)}")
            time.sleep(0.5)

    def stop(self, name: Optional[str] = None) -> None:
        for key in [name] if name else list(self.processes):
            proc = self.processes.pop(key, None)
            if proc and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()

    def log_tail(self, name: str, lines: int = 40) -> str:
        path = self.workdir / f"{name}.log"
        return (
            "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
            if path.exists()
            else ""
        )

    # client helpers -------------------------------------------------------------
    def say(self, sender: str, text: str, port: Optional[int] = None) -> List[Dict[str, Any]]:
        """What the bot answers on the REST channel (of the Rasa server on `port`, if given)."""
        url = f"http://127.0.0.1:{port}" if port else self.rasa_url
        resp = requests.post(
            f"{url}/webhooks/rest/webhook",
            json={"sender": sender, "message": text},
            timeout=60,
        )
        resp.raise_for_status()
        return resp.json()

    def pull(self, sender: str, after: float = 0.0) -> Dict[str, Any]:
        """What a REST client pulls between its own messages (`GET /webhooks/rest/messages`)."""
        resp = requests.get(
            f"{self.rasa_url}/webhooks/rest/messages",
            params={"sender": sender, "after": after},
            timeout=10,
        )
        resp.raise_for_status()
        return resp.json()

    def tickets(self, **params: Any) -> List[Dict[str, Any]]:
        resp = requests.get(
            f"{self.api_url}/api/tickets",
            params=params,
            timeout=10,
            headers={"Authorization": f"Bearer {self.api_token}"},
        )
        resp.raise_for_status()
        body = resp.json()
        return body["tickets"] if isinstance(body, dict) else body


def require_model() -> None:
    """Skip without a trained model, except under CI, where `scripts/test` trains one first."""
    if not MODEL.exists():
        if _on_ci():
            pytest.fail("models/complaint.tar.gz is missing: scripts/test trains it before pytest")
        pytest.skip("no trained model (run scripts/test or scripts/run once)")


def started(stack: S) -> Iterator[S]:
    """Start `stack` for a fixture to yield, and stop it afterwards."""
    require_model()
    try:
        stack.start()
    except Exception:
        stack.stop()
        raise
    yield stack
    stack.stop()


def tracker(stack: Stack, sender: str) -> Dict[str, Any]:
    """The conversation's tracker through Rasa's HTTP API."""
    resp = requests.get(
        f"{stack.rasa_url}/conversations/{sender}/tracker",
        params={"token": stack.rasa_token},
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()


def texts(messages: List[Dict[str, Any]]) -> List[str]:
    return [m["text"] for m in messages if m.get("text")]


T = TypeVar("T")


def run_async(awaitable: Awaitable[T]) -> T:
    """Run a coroutine to completion from a sync test.

    A worker thread gets its own event loop, so this works even while the session's
    Playwright browser keeps a loop running in the main thread.
    """

    async def _await() -> T:
        return await awaitable

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _await()).result()
