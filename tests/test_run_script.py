"""scripts/run on other ports than the defaults (README: when 5005/5055/8080/8090 are taken)."""

import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


def _run_settings(tmp_path: Path, **env: str) -> dict:
    """The endpoints file and evidence link base scripts/run would start the servers with."""
    out = tmp_path / "endpoints.yml"
    script = (
        f'source "{ROOT}/scripts/lib.sh"; run_endpoints "$ACTIONS_PORT" "{out}"; '
        'run_evidence_base "$RASA_PORT"'
    )
    done = subprocess.run(
        ["bash", "-c", script],
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return {"endpoints": yaml.safe_load(out.read_text()), "base": done.stdout.strip()}


def test_the_rasa_server_calls_the_action_server_on_its_own_port(tmp_path):
    """Hand test: ACTIONS_PORT=6055 scripts/run started the action server on 6055, but the
    Rasa server read endpoints.yml and called 5055 (someone else's, or nothing)."""
    shipped = yaml.safe_load((ROOT / "endpoints.yml").read_text())
    moved = _run_settings(tmp_path, ACTIONS_PORT="6055", RASA_PORT="6005")
    assert moved["endpoints"]["action_endpoint"]["url"] == "http://127.0.0.1:6055/webhook"
    assert {k: v for k, v in moved["endpoints"].items() if k != "action_endpoint"} == {
        k: v for k, v in shipped.items() if k != "action_endpoint"
    }
    # evidence links given to agents point at the Rasa server that serves them
    assert moved["base"] == "http://127.0.0.1:6005"

    default = _run_settings(tmp_path, ACTIONS_PORT="5055", RASA_PORT="5005")
    assert default["endpoints"] == shipped
    assert default["base"] == "http://127.0.0.1:5005"


def _other_address() -> str | None:
    """An address of this machine other than loopback, if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent: this only picks a route
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if address.startswith("127.") else address


def test_the_action_server_listens_on_loopback_only(tmp_path):
    """Hand test: scripts/run's action server listened on 0.0.0.0:5055 with no
    authentication, so anyone on the network could run the actions (read any conversation's
    tickets with the status query, file tickets). Only the Rasa server on this machine calls it."""
    other = _other_address()
    if other is None:
        pytest.skip("this machine has no address but loopback")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = tmp_path / "actions.log"
    server = subprocess.Popen(
        ["bash", "-c", f'source "{ROOT}/scripts/lib.sh"; exec_action_server {port} "{log}"'],
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2):
                    break
            except OSError:
                assert server.poll() is None, log.read_text()
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.5)
        with pytest.raises(OSError):
            socket.create_connection((other, port), timeout=2).close()
    finally:
        server.terminate()
        server.wait(timeout=20)
