"""docs/deployment.md against the code: what a shop copies from it must run as documented.

Hand test (following the page on this machine's PostgreSQL and Redis): its endpoints example
dropped `nlg` (customers writing Traditional got Simplified answers) and `action_endpoint`,
and its table put evidence metadata under COMPLAINTS_DATABASE_URL, which the evidence index
does not read; nor did it say that the servers must share the evidence secret (it signs the
widget's session tokens) and files.
"""

import re
from pathlib import Path

import yaml

from bot.evidence.settings import EvidenceSettings

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")


def _example_endpoints() -> dict:
    [block] = re.findall(r"```yaml\n(.*?)```", DOC, re.S)
    return yaml.safe_load(block)


def test_the_endpoints_example_keeps_everything_the_shipped_file_configures():
    shipped = yaml.safe_load((ROOT / "endpoints.yml").read_text(encoding="utf-8"))
    example = _example_endpoints()
    assert set(shipped) <= set(example)
    assert example["nlg"] == shipped["nlg"]
    assert example["lock_store"]["type"] == "redis"
    assert example["tracker_store"]["dialect"] == "postgresql"


def test_the_evidence_settings_servers_must_share_are_named(monkeypatch):
    # the evidence index does not follow the ticket database: the page must say so
    monkeypatch.setenv("COMPLAINTS_DATABASE_URL", "postgresql://shop@db:5432/complaints")
    assert EvidenceSettings.load().resolved_index_url.startswith("sqlite:")
    for variable in ("INDEX_URL", "SECRET", "STORAGE_DIR"):
        assert f"COMPLAINTS_EVIDENCE__{variable}" in DOC, variable
