"""Settings of the evidence store and the widget's upload routes.

They live in the `evidence` group of the project's settings: the `evidence:` mapping of the
YAML settings file and `COMPLAINTS_EVIDENCE__<FIELD>` environment variables, read the same way
as `bot.settings.Settings` (defaults, then the file, then the environment). Nothing is read at
import time. The signing secret is never shown by `repr`; when it is left empty a random one
is created once in `<storage_dir>/secret.key`, so the Rasa server and the action server on the
same machine share it without configuration (set it explicitly when they run on different
machines).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import FrozenSet, Mapping

from bot.key_files import read_or_create_key
from bot.settings import PROJECT_ROOT, Secret

ENV_PREFIX = "COMPLAINTS_EVIDENCE__"
IMAGE_TYPES: FrozenSet[str] = frozenset({"image/jpeg", "image/png", "image/webp"})
VIDEO_TYPES: FrozenSet[str] = frozenset({"video/mp4", "video/quicktime", "video/webm"})


@dataclass(frozen=True)
class EvidenceSettings:
    """Limits, storage location and link lifetimes of evidence uploads."""

    storage_dir: str = str(PROJECT_ROOT / "var" / "evidence")
    # SQLAlchemy URL of the index; empty means SQLite in `<storage_dir>/index.db`.
    index_url: str = ""
    secret: Secret = Secret("")
    # Prefix of the links handed to agents (tickets); the widget uses relative links.
    public_base_url: str = "http://127.0.0.1:5005"
    max_image_bytes: int = 10 * 1024 * 1024
    max_video_bytes: int = 50 * 1024 * 1024
    max_files: int = 9
    max_image_pixels: int = 40_000_000
    allowed_types: str = "image/jpeg,image/png,image/webp,video/mp4,video/quicktime,video/webm"
    link_ttl_seconds: int = 7 * 24 * 3600
    widget_link_ttl_seconds: int = 3600
    thumbnail_px: int = 320

    @classmethod
    def load(
        cls, environ: Mapping[str, str] | None = None, path: Path | None = None
    ) -> EvidenceSettings:
        """The `evidence` group of the project settings (YAML `evidence:`, COMPLAINTS_EVIDENCE__*)."""
        from bot.settings import Settings

        evidence: EvidenceSettings = Settings.load(environ, path).evidence
        return evidence

    @property
    def allowed(self) -> FrozenSet[str]:
        """The accepted content types (only ones the sniffer knows are meaningful)."""
        return frozenset(t.strip() for t in self.allowed_types.split(",") if t.strip())

    @property
    def resolved_index_url(self) -> str:
        """The index database URL, defaulting to SQLite beside the files."""
        return self.index_url or f"sqlite:///{Path(self.storage_dir) / 'index.db'}"

    def resolve_secret(self) -> bytes:
        """The signing key: the configured secret, else one kept in `secret.key`."""
        if self.secret:
            return str(self.secret).encode("utf-8")
        return read_or_create_key(
            Path(self.storage_dir) / "secret.key", "COMPLAINTS_EVIDENCE__SECRET"
        )
