"""Evidence uploads and the widget's files, mounted in the Rasa server as an input channel.

Routes (no `/webhooks/` prefix):

- `POST /evidence/{conversation_id}`: multipart field `file`, one file per request;
  `Authorization: Bearer <token>` with the token from the widget's `session_confirm`.
  201 `{"evidence": item}`; a refusal is 4xx `{"error": {"code", "message"}}`.
- `GET /evidence/{conversation_id}`: the conversation's items (same token), for the widget.
- `DELETE /evidence/{conversation_id}/{evidence_id}`: withdraw one item (same token).
- `GET /evidence/file/{evidence_id}[/thumb]?exp=..&sig=..`: the file or its thumbnail, for
  whoever holds an unexpired signed link (the widget, agents); single byte ranges for video.
- `GET /widget/widget.js`, `GET /widget/demo/...`: the built widget and the demo shop.

Items carry signed links, so nobody reads a file without a link made by the server, and a
token only opens its own conversation.
"""

from __future__ import annotations

import asyncio
import functools
import re
import time
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, TypeVar
from urllib.parse import quote

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.exceptions import PayloadTooLarge
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.evidence.settings import EvidenceSettings
from bot.evidence.signing import LinkCheck
from bot.evidence.store import EvidenceRejected, EvidenceStore
from bot.i18n import interface_script, localize_notice
from bot.settings import PROJECT_ROOT

T = TypeVar("T")

REJECTION_STATUS = {
    "empty": 400,
    "too_many": 409,
    "too_large": 413,
    "bad_type": 415,
    "unsupported_type": 415,
    "truncated": 422,
}
_CONVERSATION_ID = re.compile(r"^[A-Za-z0-9_.:@-]{1,128}$")
_DEMO_FILE = re.compile(r"^[a-z0-9][a-z0-9_-]*\.(html|css|svg|png|jpg|js)$")
_STATIC_TYPES = {
    "html": "text/html; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "js": "application/javascript; charset=utf-8",
    "svg": "image/svg+xml",
    "png": "image/png",
    "jpg": "image/jpeg",
}
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def _error(status: int, code: str, message: str, request: Request | None = None) -> HTTPResponse:
    """A refusal; its message in the script of the widget that asked (`?lang=zh-Hant`)."""
    if request is not None:
        script = interface_script([{"lang": request.args.get("lang", "")}])
        message = localize_notice(message, script)
    return response.json({"error": {"code": code, "message": message}}, status=status)


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.headers.get("x-evidence-token")


class EvidenceUploadInput(InputChannel):
    """Serves evidence uploads, signed file links and the widget in the Rasa server."""

    @classmethod
    def name(cls) -> str:
        """The channel's name (it receives no chat messages)."""
        return "evidence"

    @classmethod
    def from_credentials(cls, credentials: Dict[str, Any] | None) -> EvidenceUploadInput:
        """Build from `credentials.yml`; limits and storage come from the evidence settings."""
        credentials = credentials or {}
        web_root = credentials.get("web_root")
        return cls(web_root=Path(web_root) if web_root else None)

    def __init__(
        self,
        settings: EvidenceSettings | None = None,
        store: EvidenceStore | None = None,
        web_root: Path | None = None,
    ) -> None:
        self.settings = settings or (store.settings if store else EvidenceSettings.load())
        self.store = store or EvidenceStore(self.settings)
        self.web_root = Path(web_root) if web_root else PROJECT_ROOT / "web"

    def url_prefix(self) -> str:
        """Mount at the server root (Rasa joins this to `/webhooks/`)."""
        return "/"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Define the evidence and widget routes."""
        bp = Blueprint("widget_evidence", __name__)
        store = self.store

        async def blocking(func: Callable[..., T], *args: Any) -> T:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(None, functools.partial(func, *args))

        def authorized(request: Request, conversation_id: str) -> bool:
            return bool(_CONVERSATION_ID.match(conversation_id)) and (
                store.signer.check_conversation_token(conversation_id, _bearer(request))
            )

        def refuse(
            status: int, code: str, notice: str, request: Request | None = None
        ) -> HTTPResponse:
            return _error(status, code, store.notices.text(notice), request)

        def forbidden(request: Request) -> HTTPResponse:
            return refuse(403, "forbidden", "upload_forbidden", request)

        @bp.exception(PayloadTooLarge)
        async def body_too_large(request: Request, exception: PayloadTooLarge) -> HTTPResponse:
            # beyond the server's request limit (Sanic's REQUEST_MAX_SIZE) the body is never
            # read, so the store cannot say which file: the same JSON refusal, not an HTML page
            return refuse(413, "too_large", "upload_too_large", request)

        @bp.post("/evidence/<conversation_id:str>")
        async def upload(request: Request, conversation_id: str) -> HTTPResponse:
            if not authorized(request, conversation_id):
                return forbidden(request)
            uploaded = request.files.get("file") if request.files else None
            if uploaded is None:
                return refuse(400, "no_file", "upload_no_file", request)
            try:
                item = await blocking(
                    store.save, conversation_id, uploaded.name, uploaded.body, uploaded.type
                )
            except EvidenceRejected as exc:
                status = REJECTION_STATUS.get(exc.code, 400)
                return _error(status, exc.code, exc.message, request)
            return response.json({"evidence": await blocking(store.widget_item, item)}, 201)

        @bp.get("/evidence/<conversation_id:str>")
        async def list_evidence(request: Request, conversation_id: str) -> HTTPResponse:
            if not authorized(request, conversation_id):
                return forbidden(request)
            items = await blocking(store.list, conversation_id)
            widget_items = [await blocking(store.widget_item, item) for item in items]
            return response.json({"evidence": widget_items})

        @bp.delete("/evidence/<conversation_id:str>/<evidence_id:str>")
        async def remove(request: Request, conversation_id: str, evidence_id: str) -> HTTPResponse:
            if not authorized(request, conversation_id):
                return forbidden(request)
            if not await blocking(store.remove, conversation_id, evidence_id):
                return refuse(404, "not_found", "upload_not_found", request)
            return response.empty(status=204)

        async def serve(request: Request, evidence_id: str, variant: str) -> HTTPResponse:
            exp = request.args.get("exp", "")
            check = store.check_link(evidence_id, variant, exp, request.args.get("sig", ""))
            if check is LinkCheck.BAD_SIGNATURE:
                return refuse(403, "bad_signature", "link_bad_signature")
            if check is LinkCheck.EXPIRED:
                return refuse(403, "expired", "link_expired")
            stored = await blocking(store.read, evidence_id, variant)
            if stored is None:
                return refuse(404, "not_found", "link_gone")
            headers = {
                "Content-Disposition": f"inline; filename*=UTF-8''{quote(stored.filename)}",
                "X-Content-Type-Options": "nosniff",
                "Content-Security-Policy": "default-src 'none'; sandbox",
                "Cross-Origin-Resource-Policy": "cross-origin",
                "Referrer-Policy": "no-referrer",
                "Cache-Control": f"private, max-age={max(0, int(exp) - int(time.time()))}",
                "Accept-Ranges": "bytes",
            }
            data = stored.data
            match = _RANGE.match(request.headers.get("range", ""))
            if match and (match.group(1) or match.group(2)):
                size = len(data)
                if match.group(1):
                    start = int(match.group(1))
                    end = min(int(match.group(2)), size - 1) if match.group(2) else size - 1
                else:
                    start, end = max(0, size - int(match.group(2))), size - 1
                if start >= size or start > end:
                    return response.raw(
                        b"", status=416, headers={"Content-Range": f"bytes */{size}"}
                    )
                headers["Content-Range"] = f"bytes {start}-{end}/{size}"
                return response.raw(
                    data[start : end + 1],
                    status=206,
                    headers=headers,
                    content_type=stored.content_type,
                )
            return response.raw(data, headers=headers, content_type=stored.content_type)

        @bp.get("/evidence/file/<evidence_id:str>")
        async def file(request: Request, evidence_id: str) -> HTTPResponse:
            return await serve(request, evidence_id, "file")

        @bp.get("/evidence/file/<evidence_id:str>/thumb")
        async def thumbnail(request: Request, evidence_id: str) -> HTTPResponse:
            return await serve(request, evidence_id, "thumb")

        async def static(path: Path, content_type: str) -> HTTPResponse:
            try:
                body = await blocking(path.read_bytes)
            except FileNotFoundError:
                return response.text("not found", status=404)
            return response.raw(
                body,
                content_type=content_type,
                headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"},
            )

        @bp.get("/widget/widget.js")
        async def widget_js(_: Request) -> HTTPResponse:
            path = self.web_root / "dist" / "widget.js"
            if not path.is_file():
                return response.text(
                    "widget not built: run `npm ci && npm run build` in web/", status=503
                )
            return await static(path, _STATIC_TYPES["js"])

        @bp.get("/widget/demo", strict_slashes=True)
        async def demo_redirect(_: Request) -> HTTPResponse:
            return response.redirect("/widget/demo/")

        @bp.get("/widget/demo/", strict_slashes=True)
        async def demo_index(_: Request) -> HTTPResponse:
            return await static(self.web_root / "demo" / "index.html", _STATIC_TYPES["html"])

        @bp.get("/widget/demo/<name:str>")
        async def demo_file(_: Request, name: str) -> HTTPResponse:
            if not _DEMO_FILE.match(name):
                return response.text("not found", status=404)
            extension = name.rsplit(".", 1)[1]
            return await static(self.web_root / "demo" / name, _STATIC_TYPES[extension])

        return bp
