"""Settings of the agent desk (`python -m bot.desk`).

They live in the `desk` group of the project's settings: the `desk:` mapping of the YAML
settings file and `COMPLAINTS_DESK__<FIELD>` environment variables, read the same way as
`bot.settings.Settings` (defaults, then the file, then the environment). Nothing is read at
import time. Secrets are never shown by `repr`; when the session secret is left empty a
random one is created once in `secret_file`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from bot.key_files import read_or_create_key
from bot.settings import PROJECT_ROOT, Secret


@dataclass(frozen=True)
class DeskSettings:
    """Where the desk listens, how sessions last, and where urgent tickets are announced."""

    host: str = "127.0.0.1"
    port: int = 8090
    # Signs the session cookie (HMAC-SHA256); empty: a random key kept in `secret_file`.
    secret: Secret = Secret("")
    secret_file: str = str(PROJECT_ROOT / "var" / "desk-secret.key")
    session_hours: int = 12
    # Mark cookies `Secure` (set this when the desk is served over HTTPS).
    cookie_secure: bool = False
    # How often the desk looks for new or changed tickets and new customer messages.
    poll_seconds: float = 0.5
    # How often the desk reads the conversations of claimed tickets for what their customers
    # wrote, so the queue and a group's page say who waits for an answer; 0: only while the
    # ticket's own page is open.
    watch_seconds: float = 3.0
    # Outbound webhook for urgent tickets; empty URL means off.
    webhook_url: str = ""
    webhook_secret: Secret = Secret("")
    webhook_attempts: int = 5
    webhook_backoff_seconds: float = 1.0
    webhook_timeout_seconds: float = 5.0

    @classmethod
    def load(
        cls, environ: Mapping[str, str] | None = None, path: Path | None = None
    ) -> DeskSettings:
        """The `desk` group of the project settings (YAML `desk:`, COMPLAINTS_DESK__*)."""
        from bot.settings import Settings

        desk: DeskSettings = Settings.load(environ, path).desk
        return desk

    def resolve_secret(self) -> bytes:
        """The desk's key: the configured secret, else one kept in `secret_file`."""
        if self.secret:
            return str(self.secret).encode("utf-8")
        return read_or_create_key(Path(self.secret_file), "COMPLAINTS_DESK__SECRET")
