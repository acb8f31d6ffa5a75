"""Typed settings for every process of the project (action server, ticket API, scripts).

Values come from three layers, later ones winning: the defaults below (which run the whole
product on embedded SQLite with no service), an optional YAML file (`COMPLAINTS_SETTINGS`,
default `config/settings.yml`), and `COMPLAINTS_*` environment variables. Nothing is read at
import time: callers build a `Settings` with `Settings.load()` (or pass their own environ in
tests). Secrets are never shown by `repr`.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Mapping, Optional

import yaml

if TYPE_CHECKING:
    from bot.desk.settings import DeskSettings
    from bot.evidence.settings import EvidenceSettings
    from bot.live.incidents import IncidentSettings
    from bot.tickets.notices import NoticeSettings

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Secret(str):
    """A string whose repr hides its value, so secrets never reach logs."""

    def __repr__(self) -> str:
        return "Secret('**********')" if self else "Secret('')"


@dataclass(frozen=True)
class SlaSettings:
    """Minutes until a human must respond and until a resolution plan is due."""

    urgent_first_response_minutes: int = 5
    urgent_resolution_minutes: int = 120
    normal_first_response_minutes: int = 15
    normal_resolution_minutes: int = 24 * 60


@dataclass(frozen=True)
class OrderServiceSettings:
    """Where order data comes from: the embedded demo file or a shop's HTTP API."""

    type: str = "demo"
    demo_file: str = str(PROJECT_ROOT / "config" / "demo_orders.yml")
    goods_kinds_file: str = str(PROJECT_ROOT / "config" / "goods_kinds.yml")
    url: str = ""
    token: Secret = Secret("")
    timeout_seconds: float = 3.0


def _evidence_settings() -> EvidenceSettings:
    """Evidence limits live beside the evidence code; imported late to avoid a cycle."""
    from bot.evidence.settings import EvidenceSettings

    return EvidenceSettings()


def _incident_settings() -> IncidentSettings:
    """Group-incident settings live beside the linker; imported late to avoid a cycle."""
    from bot.live.incidents import IncidentSettings

    return IncidentSettings()


def _notice_settings() -> NoticeSettings:
    """How owed notices are retried; beside the outbox, imported late to avoid a cycle."""
    from bot.tickets.notices import NoticeSettings

    return NoticeSettings()


def _desk_settings() -> DeskSettings:
    """Agent-desk settings live beside the desk code; imported late to avoid a cycle."""
    from bot.desk.settings import DeskSettings

    return DeskSettings()


@dataclass(frozen=True)
class Settings:
    """Everything configurable; defaults run the product with no external service."""

    database_url: str = f"sqlite:///{PROJECT_ROOT / 'var' / 'complaints.db'}"
    api_token: Secret = Secret("")
    api_host: str = "127.0.0.1"
    api_port: int = 8080
    rasa_url: str = "http://127.0.0.1:5005"
    rasa_token: Secret = Secret("")
    timezone: str = "Asia/Shanghai"
    ticket_id_prefix: str = "C"
    large_amount_threshold: float = 2000.0
    order_id_pattern: str = r"^[A-Za-z0-9]{6,24}$"
    category_confidence_threshold: float = 0.45
    remedy_confidence_threshold: float = 0.5
    sla: SlaSettings = field(default_factory=SlaSettings)
    order_service: OrderServiceSettings = field(default_factory=OrderServiceSettings)
    evidence: EvidenceSettings = field(default_factory=_evidence_settings)
    incidents: IncidentSettings = field(default_factory=_incident_settings)
    notices: NoticeSettings = field(default_factory=_notice_settings)
    desk: DeskSettings = field(default_factory=_desk_settings)

    @classmethod
    def load(
        cls, environ: Optional[Mapping[str, str]] = None, path: Optional[Path] = None
    ) -> Settings:
        """Build settings from defaults, the YAML file and the environment."""
        env = os.environ if environ is None else environ
        file_path = path or Path(
            env.get("COMPLAINTS_SETTINGS", str(PROJECT_ROOT / "config" / "settings.yml"))
        )
        values: Dict[str, Any] = {}
        if file_path.is_file():
            values = yaml.safe_load(file_path.read_text(encoding="utf-8")) or {}
        values = _overlay_env(values, env)
        return _build(cls, values)


def _overlay_env(values: Dict[str, Any], env: Mapping[str, str]) -> Dict[str, Any]:
    """Apply `COMPLAINTS_<FIELD>` and `COMPLAINTS_<GROUP>__<FIELD>` variables."""
    merged = {k: (dict(v) if isinstance(v, dict) else v) for k, v in values.items()}
    for key, raw in env.items():
        if not key.startswith("COMPLAINTS_") or key == "COMPLAINTS_SETTINGS":
            continue
        name = key[len("COMPLAINTS_") :].lower()
        if "__" in name:
            group, sub = name.split("__", 1)
            merged.setdefault(group, {})[sub] = raw
        else:
            merged[name] = raw
    return merged


def _build(cls: Any, values: Mapping[str, Any]) -> Any:
    """Construct a (nested) settings dataclass, coercing strings to the field types."""
    kwargs: Dict[str, Any] = {}
    defaults = cls()
    for f in dataclasses.fields(cls):
        if f.name not in values:
            continue
        raw = values[f.name]
        default = getattr(defaults, f.name)
        if dataclasses.is_dataclass(default):
            kwargs[f.name] = _build(type(default), raw or {})
        elif isinstance(default, Secret):
            kwargs[f.name] = Secret(str(raw or ""))
        elif isinstance(default, bool):
            kwargs[f.name] = str(raw).lower() in ("1", "true", "yes", "on")
        elif isinstance(default, (int, float)):
            kwargs[f.name] = type(default)(raw)
        else:
            kwargs[f.name] = str(raw)
    unknown = set(values) - {f.name for f in dataclasses.fields(cls)}
    if unknown:
        raise ValueError(f"unknown settings for {cls.__name__}: {sorted(unknown)}")
    return cls(**kwargs)
