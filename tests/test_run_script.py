"""scripts/run on other ports than the defaults (README: when 5005/5055/8080/8090 are taken)."""

import subprocess
from pathlib import Path

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
