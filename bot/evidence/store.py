"""The evidence store: checks, cleans, stores and lists a conversation's files.

Used by the widget's upload routes (Rasa server) and by the action server, which calls
`list(conversation_id)` to fill the `evidence` slot: the bytes are in a `BlobStorage` (local
disk by default) and the items in a small SQL index (SQLite beside the files by default, any
SQLAlchemy URL otherwise), so every process that opens the same settings sees the same items.
All methods are blocking; async callers run them in an executor.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
import secrets
import threading
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List

from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    MetaData,
    String,
    Table,
    and_,
    create_engine,
    event,
    func,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.pool import QueuePool

from bot.evidence import media
from bot.evidence.settings import IMAGE_TYPES, VIDEO_TYPES, EvidenceSettings
from bot.evidence.signing import LinkCheck, Signer
from bot.evidence.storage import BlobStorage, LocalDiskStorage, file_key, thumbnail_key
from bot.notices import Notices, default_notices

_CONVERSATION_ID = re.compile(r"^[A-Za-z0-9_.:@-]{1,128}$")
_EVIDENCE_ID = re.compile(r"^ev_[0-9a-f]{20}$")

_metadata = MetaData()
evidence_table = Table(
    "evidence_items",
    _metadata,
    Column("id", String(32), primary_key=True),
    Column("conversation_id", String(128), nullable=False, index=True),
    Column("filename", String(255), nullable=False),
    Column("content_type", String(64), nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("sha256", String(64), nullable=False, index=True),
    Column("original_sha256", String(64), nullable=False),
    Column("has_thumbnail", String(1), nullable=False, default="0"),
    Column("created_at", Float, nullable=False),
    Column("removed_at", Float, nullable=True),
)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


class EvidenceRejected(Exception):
    """An upload that was refused; `message` is shown to the customer as it is."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class StoredFile:
    """The bytes of one variant of an evidence item, ready to be served."""

    data: bytes
    content_type: str
    filename: str


def clean_filename(name: str | None, content_type: str) -> str:
    """A display name: no folders or control characters, at most 100 characters."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip(" .")
    if not base:
        base = "evidence" + (mimetypes.guess_extension(content_type) or "")
    if len(base) > 100:
        stem, dot, ext = base.rpartition(".")
        base = (stem[: 99 - len(ext)] + dot + ext) if dot and len(ext) <= 10 else base[:100]
    return base


def _claims_media(filename: str, declared_type: str | None) -> bool:
    guessed = mimetypes.guess_type(filename)[0] or ""
    declared = (declared_type or "").lower()
    return guessed.startswith(("image/", "video/")) or declared.startswith(("image/", "video/"))


class EvidenceStore:
    """Save, list, remove and link the evidence files of conversations."""

    def __init__(
        self,
        settings: EvidenceSettings,
        storage: BlobStorage | None = None,
        signer: Signer | None = None,
        engine: Engine | None = None,
        notices: Notices | None = None,
    ) -> None:
        self.settings = settings
        self.notices = notices or default_notices()
        self.storage: BlobStorage = storage or LocalDiskStorage(Path(settings.storage_dir))
        self.signer = signer or Signer(settings.resolve_secret())
        self.engine = engine or _create_engine(settings)
        _metadata.create_all(self.engine)
        self._lock = threading.Lock()

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    # --- writing ------------------------------------------------------------------------

    def save(
        self,
        conversation_id: str,
        filename: str | None,
        data: bytes,
        declared_type: str | None = None,
    ) -> Dict[str, Any]:
        """Check, clean and store one file; return its spec-shaped item.

        Uploading bytes the conversation already holds returns the existing item. Raises
        `EvidenceRejected` with code empty, too_many, bad_type, unsupported_type, too_large
        or truncated; a rejected upload changes nothing.
        """
        _check_conversation_id(conversation_id)
        display = clean_filename(filename, "")
        if not data:
            raise self._rejected("empty", "file_empty", display)
        if self._count_active(conversation_id) >= self.settings.max_files:
            raise self._too_many()
        sniffed = media.sniff(data)
        if sniffed.kind == media.EXECUTABLE:
            raise self._rejected("bad_type", "file_executable", display)
        if sniffed.content_type not in self.settings.allowed:
            is_media = sniffed.kind in (media.IMAGE, media.VIDEO)
            if not is_media and _claims_media(display, declared_type):
                raise self._rejected("bad_type", "file_not_media", display)
            raise self._rejected(
                "unsupported_type", "file_unsupported", display, accepted=self._accepted_label()
            )
        is_image = sniffed.content_type in IMAGE_TYPES
        limit = self.settings.max_image_bytes if is_image else self.settings.max_video_bytes
        if len(data) > limit:
            raise self._rejected(
                "too_large",
                "file_too_large",
                display,
                size=_mb(len(data)),
                max_image=_mb(self.settings.max_image_bytes),
                max_video=_mb(self.settings.max_video_bytes),
            )
        try:
            cleaned = media.clean(
                sniffed.content_type,
                data,
                max_pixels=self.settings.max_image_pixels,
                thumbnail_px=self.settings.thumbnail_px,
            )
        except media.MediaError as exc:
            if exc.code == "too_large":
                raise self._rejected("too_large", "file_too_many_pixels", display) from exc
            raise self._rejected("truncated", "file_broken", display) from exc
        display = clean_filename(filename, sniffed.content_type)
        sha = hashlib.sha256(cleaned.data).hexdigest()
        with self._lock:
            existing = self._find_active(conversation_id, sha)
            if existing is not None:
                return self._item(existing)
            self.storage.put(file_key(sha), cleaned.data, sniffed.content_type)
            if cleaned.thumbnail is not None:
                self.storage.put(thumbnail_key(sha), cleaned.thumbnail, media.JPEG)
            row = {
                "id": "ev_" + secrets.token_hex(10),
                "conversation_id": conversation_id,
                "filename": display,
                "content_type": sniffed.content_type,
                "size": len(cleaned.data),
                "sha256": sha,
                "original_sha256": hashlib.sha256(data).hexdigest(),
                "has_thumbnail": "1" if cleaned.thumbnail is not None else "0",
                "created_at": time.time(),
                "removed_at": None,
            }
            if not self._insert_if_room(row):
                self._drop_blobs_if_unused(sha)
                raise self._too_many()
        return self._item(row)

    def remove(self, conversation_id: str, evidence_id: str) -> bool:
        """Withdraw an item of this conversation; its bytes go once nothing else uses them."""
        if not _EVIDENCE_ID.match(evidence_id or ""):
            return False
        with self._lock:
            with self.engine.begin() as conn:
                row = (
                    conn.execute(
                        select(evidence_table).where(
                            and_(
                                evidence_table.c.id == evidence_id,
                                evidence_table.c.conversation_id == conversation_id,
                                evidence_table.c.removed_at.is_(None),
                            )
                        )
                    )
                    .mappings()
                    .first()
                )
                if row is None:
                    return False
                conn.execute(
                    update(evidence_table)
                    .where(evidence_table.c.id == evidence_id)
                    .values(removed_at=time.time())
                )
            self._drop_blobs_if_unused(row["sha256"])
        return True

    # --- reading ------------------------------------------------------------------------

    def list(self, conversation_id: str, expires_in: int | None = None) -> List[Dict[str, Any]]:
        """The conversation's items (not removed ones), oldest first, with signed links."""
        with self.engine.connect() as conn:
            rows = (
                conn.execute(
                    select(evidence_table)
                    .where(
                        and_(
                            evidence_table.c.conversation_id == conversation_id,
                            evidence_table.c.removed_at.is_(None),
                        )
                    )
                    .order_by(evidence_table.c.created_at, evidence_table.c.id)
                )
                .mappings()
                .all()
            )
        return [self._item(dict(row), expires_in) for row in rows]

    def get(self, evidence_id: str) -> Dict[str, Any] | None:
        """The index row of an item that has not been removed, or None."""
        if not _EVIDENCE_ID.match(evidence_id or ""):
            return None
        with self.engine.connect() as conn:
            row = (
                conn.execute(
                    select(evidence_table).where(
                        and_(
                            evidence_table.c.id == evidence_id,
                            evidence_table.c.removed_at.is_(None),
                        )
                    )
                )
                .mappings()
                .first()
            )
        return dict(row) if row is not None else None

    def read(self, evidence_id: str, variant: str = "file") -> StoredFile | None:
        """The bytes of an item ("file") or of its thumbnail ("thumb"), or None."""
        row = self.get(evidence_id)
        if row is None:
            return None
        try:
            if variant == "thumb":
                if row["has_thumbnail"] != "1":
                    return None
                data = self.storage.get(thumbnail_key(row["sha256"]))
                return StoredFile(data, media.JPEG, row["filename"] + ".thumb.jpg")
            data = self.storage.get(file_key(row["sha256"]))
        except KeyError:
            return None
        return StoredFile(data, row["content_type"], row["filename"])

    # --- links --------------------------------------------------------------------------

    def signed_url(
        self,
        evidence_id: str,
        expires_in: int | None = None,
        *,
        variant: str = "file",
        absolute: bool = True,
    ) -> str:
        """A link to the file (or its thumbnail) that works until it expires."""
        ttl = self.settings.link_ttl_seconds if expires_in is None else expires_in
        exp = int(time.time()) + int(ttl)
        sig = self.signer.link_signature(evidence_id, variant, exp)
        path = f"/evidence/file/{evidence_id}" + ("/thumb" if variant == "thumb" else "")
        base = self.settings.public_base_url.rstrip("/") if absolute else ""
        return f"{base}{path}?exp={exp}&sig={sig}"

    def check_link(self, evidence_id: str, variant: str, exp: str, sig: str) -> LinkCheck:
        """Check a link's signature and expiry."""
        return self.signer.check_link(evidence_id, variant, exp, sig)

    def widget_item(self, item: Dict[str, Any]) -> Dict[str, Any]:
        """An item as the widget shows it: relative, short-lived links and a thumbnail."""
        ttl = self.settings.widget_link_ttl_seconds
        row = self.get(item["id"])
        thumb = None
        if row is not None and row["has_thumbnail"] == "1":
            thumb = self.signed_url(item["id"], ttl, variant="thumb", absolute=False)
        return {
            **item,
            "url": self.signed_url(item["id"], ttl, absolute=False),
            "thumbnail_url": thumb,
        }

    # --- internals ----------------------------------------------------------------------

    def _item(self, row: Dict[str, Any], expires_in: int | None = None) -> Dict[str, Any]:
        return {
            "id": row["id"],
            "filename": row["filename"],
            "content_type": row["content_type"],
            "size": int(row["size"]),
            "sha256": row["sha256"],
            "url": self.signed_url(row["id"], expires_in),
        }

    def _too_many(self) -> EvidenceRejected:
        text = self.notices.text("too_many_files", max_files=self.settings.max_files)
        return EvidenceRejected("too_many", text)

    def _rejected(self, code: str, notice: str, filename: str, **values: Any) -> EvidenceRejected:
        """A refusal with code `code`, told with `utter_notice_<notice>` about `filename`."""
        return EvidenceRejected(code, self.notices.text(notice, filename=filename, **values))

    def _accepted_label(self) -> str:
        names = {
            "image/jpeg": "JPG",
            "image/png": "PNG",
            "image/webp": "WebP",
            "video/mp4": "MP4",
            "video/quicktime": "MOV",
            "video/webm": "WebM",
        }
        images = [names[t] for t in names if t in self.settings.allowed and t in IMAGE_TYPES]
        videos = [names[t] for t in names if t in self.settings.allowed and t in VIDEO_TYPES]
        parts = []
        if images:
            parts.append("、".join(images) + " 图片")
        if videos:
            parts.append("、".join(videos) + " 视频")
        return "或".join(parts) or "支持的文件"

    def _count_active(self, conversation_id: str) -> int:
        with self.engine.connect() as conn:
            count: int = conn.execute(
                select(func.count())
                .select_from(evidence_table)
                .where(
                    and_(
                        evidence_table.c.conversation_id == conversation_id,
                        evidence_table.c.removed_at.is_(None),
                    )
                )
            ).scalar_one()
        return count

    def _find_active(self, conversation_id: str, sha: str) -> Dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = (
                conn.execute(
                    select(evidence_table).where(
                        and_(
                            evidence_table.c.conversation_id == conversation_id,
                            evidence_table.c.sha256 == sha,
                            evidence_table.c.removed_at.is_(None),
                        )
                    )
                )
                .mappings()
                .first()
            )
        return dict(row) if row is not None else None

    def _drop_blobs_if_unused(self, sha: str) -> None:
        """Delete a file and its thumbnail once no active item refers to them."""
        with self.engine.connect() as conn:
            used = conn.execute(
                select(func.count())
                .select_from(evidence_table)
                .where(
                    and_(
                        evidence_table.c.sha256 == sha,
                        evidence_table.c.removed_at.is_(None),
                    )
                )
            ).scalar_one()
        if not used:
            self.storage.delete(file_key(sha))
            self.storage.delete(thumbnail_key(sha))

    def _insert_if_room(self, row: Dict[str, Any]) -> bool:
        """Insert unless the conversation is full, in one statement (safe across processes)."""
        active = (
            select(func.count())
            .select_from(evidence_table)
            .where(
                and_(
                    evidence_table.c.conversation_id == row["conversation_id"],
                    evidence_table.c.removed_at.is_(None),
                )
            )
            .scalar_subquery()
        )
        columns = [c.name for c in evidence_table.columns]
        values = select(
            *[literal(row[name], type_=evidence_table.c[name].type) for name in columns]
        )
        statement = insert(evidence_table).from_select(
            columns, values.where(active < self.settings.max_files)
        )
        with self.engine.begin() as conn:
            result = conn.execute(statement)
        return bool(result.rowcount)


def _check_conversation_id(conversation_id: str) -> None:
    if not _CONVERSATION_ID.match(conversation_id or ""):
        raise ValueError(f"not a conversation id: {conversation_id!r}")


def _create_engine(settings: EvidenceSettings) -> Engine:
    url = settings.resolved_index_url
    if url.startswith("sqlite"):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            future=True,
            connect_args={"check_same_thread": False, "timeout": 10},
            # kept connections: SQLAlchemy 1.4 would open the file for every query (NullPool)
            **({} if database in (None, "", ":memory:") else {"poolclass": QueuePool}),
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=10000")
            cursor.close()

        return engine
    return create_engine(url, future=True, pool_pre_ping=True)
