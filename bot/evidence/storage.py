"""Where evidence bytes live: one small interface, local disk by default.

Keys are content addresses (`sha256/<hex>` for files, `thumb/<hex>.jpg` for thumbnails), so
the same bytes are stored once however often they are uploaded. An object store (S3, OSS,
MinIO...) replaces the disk by implementing the same four methods.
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path
from typing import Protocol

_KEY = re.compile(r"^(sha256/[0-9a-f]{64}|thumb/[0-9a-f]{64}\.jpg)$")


class BlobStorage(Protocol):
    """Content-addressed blob storage."""

    def put(self, key: str, data: bytes, content_type: str) -> None:
        """Store `data` under `key`; a key that already exists is left as it is."""

    def get(self, key: str) -> bytes:
        """Return the bytes under `key`; raise `KeyError` if there are none."""

    def exists(self, key: str) -> bool:
        """Whether `key` holds bytes."""

    def delete(self, key: str) -> None:
        """Remove `key`; a missing key is not an error."""


def file_key(sha256_hex: str) -> str:
    """The key of a stored file."""
    return f"sha256/{sha256_hex}"


def thumbnail_key(sha256_hex: str) -> str:
    """The key of the thumbnail of the file with this hash."""
    return f"thumb/{sha256_hex}.jpg"


class LocalDiskStorage:
    """Blobs as files under a root folder, fanned out by the first bytes of the hash."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        if not _KEY.match(key):
            raise ValueError(f"not a blob key: {key!r}")
        kind, name = key.split("/", 1)
        return self.root / kind / name[:2] / name[2:4] / name

    def put(self, key: str, data: bytes, content_type: str) -> None:
        """Write atomically (temporary file, then rename); skip existing keys."""
        path = self._path(key)
        if path.exists():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)

    def get(self, key: str) -> bytes:
        """Read a blob."""
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError:
            raise KeyError(key) from None

    def exists(self, key: str) -> bool:
        """Whether the blob file exists."""
        return self._path(key).is_file()

    def delete(self, key: str) -> None:
        """Remove a blob file."""
        self._path(key).unlink(missing_ok=True)
