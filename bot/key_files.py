"""Signing keys kept in a file when none is configured.

Why: the desk's sessions and the evidence links must stay valid across restarts without an
operator having to invent a secret first. The key is written completely under a private name
and then linked into place, so two processes starting together agree on one key and nobody
reads a half-written file.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def read_or_create_key(key_file: Path, setting: str) -> bytes:
    """The key in `key_file`, created (64 hex characters, mode 0600) when it is missing.

    `setting` names the configuration that replaces the file, for the error message.
    """
    key_file.parent.mkdir(parents=True, exist_ok=True)
    if not key_file.exists():
        tmp = key_file.with_name(f".{key_file.name}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(secrets.token_hex(32))
        try:
            os.link(tmp, key_file)
        except FileExistsError:
            pass  # another process won the race: its key is the one
        finally:
            tmp.unlink()
    key = key_file.read_text(encoding="ascii").strip()
    if not key:
        raise RuntimeError(f"{key_file} is empty; delete it or set {setting}")
    return key.encode("ascii")
