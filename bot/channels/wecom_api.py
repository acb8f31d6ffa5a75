"""An async client of the WeCom (企业微信) 微信客服 API: the calls the Kf channel needs.

`gettoken`, `kf/sync_msg`, `kf/send_msg`, `kf/send_msg_on_event` and `media/get`, over
aiohttp (never a blocking SDK call inside the event loop). The `access_token` is cached until
shortly before it expires and fetched again when the API says it is invalid or expired
(errcode 40001, 40014, 42001). Rate limits and transient failures (errcode -1, 45009, 45011,
45033, HTTP 5xx, network errors) are retried with exponential backoff; every retry and every
final failure is logged, and a final failure raises `WeComApiError`.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from dataclasses import dataclass
from typing import Any, Callable, Dict, Mapping, Optional
from urllib.parse import unquote

import aiohttp

logger = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://qyapi.weixin.qq.com"
TOKEN_INVALID_CODES = frozenset({40001, 40014, 42001})
RETRYABLE_CODES = frozenset({-1, 45009, 45011, 45033})
_FILENAME = re.compile(r"filename\*?=(?:UTF-8'')?\"?([^\";]+)\"?", re.IGNORECASE)


class WeComApiError(Exception):
    """A call that failed for good: `errcode`/`errmsg` as WeCom returned them."""

    def __init__(self, path: str, errcode: int, errmsg: str) -> None:
        super().__init__(f"WeCom {path} failed: errcode={errcode} errmsg={errmsg}")
        self.path, self.errcode, self.errmsg = path, errcode, errmsg


@dataclass(frozen=True)
class Media:
    """A file downloaded with `media/get`."""

    data: bytes
    content_type: str
    filename: str


class WeComKfApi:
    """The 微信客服 API of one corp; one instance per channel, used from one event loop."""

    def __init__(
        self,
        corp_id: str,
        secret: str,
        *,
        base_url: str = DEFAULT_BASE_URL,
        max_attempts: int = 4,
        backoff_seconds: float = 0.5,
        timeout_seconds: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.corp_id = corp_id
        self._secret = secret
        self.base_url = base_url.rstrip("/")
        self.max_attempts = max(1, max_attempts)
        self.backoff_seconds = backoff_seconds
        self._timeout = aiohttp.ClientTimeout(total=timeout_seconds)
        self._clock = clock
        self._token: Optional[str] = None
        self._token_expires_at = 0.0
        self._token_lock: Optional[asyncio.Lock] = None
        self._session: Optional[aiohttp.ClientSession] = None

    def __repr__(self) -> str:
        return f"WeComKfApi(corp_id={self.corp_id!r}, base_url={self.base_url!r})"

    async def close(self) -> None:
        """Close the HTTP session (it is opened again on the next call)."""
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    def _http(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
        return self._session

    # --- access token ---------------------------------------------------------------------

    async def access_token(self, force_refresh: bool = False, stale: str | None = None) -> str:
        """The cached token, fetched with `gettoken` when missing, expired or refused."""
        if self._token_lock is None:
            self._token_lock = asyncio.Lock()
        async with self._token_lock:
            # Another caller may have refreshed it while we waited for the lock.
            refused = force_refresh and (stale is None or stale == self._token)
            if self._token and not refused and self._clock() < self._token_expires_at:
                return self._token
            body = await self._call(
                "GET",
                "/cgi-bin/gettoken",
                params={"corpid": self.corp_id, "corpsecret": self._secret},
                with_token=False,
            )
            token = str(body.get("access_token") or "")
            if not token:
                raise WeComApiError("/cgi-bin/gettoken", -1, "no access_token in the answer")
            expires_in = float(body.get("expires_in") or 7200)
            # Refresh five minutes early (or halfway through a short lifetime).
            self._token = token
            self._token_expires_at = self._clock() + max(expires_in - 300, expires_in / 2)
            logger.info("WeCom access_token refreshed (expires in %ss)", int(expires_in))
            return token

    # --- the Kf calls ----------------------------------------------------------------------

    async def sync_msg(
        self, open_kfid: str, cursor: str = "", token: str = "", limit: int = 1000
    ) -> Dict[str, Any]:
        """One page of `kf/sync_msg`: `{next_cursor, has_more, msg_list}`."""
        payload: Dict[str, Any] = {"open_kfid": open_kfid, "limit": limit, "voice_format": 0}
        if cursor:
            payload["cursor"] = cursor
        if token:
            payload["token"] = token
        return await self._call("POST", "/cgi-bin/kf/sync_msg", json=payload)

    async def send_msg(self, message: Mapping[str, Any]) -> Dict[str, Any]:
        """`kf/send_msg` with a body `{touser, open_kfid, msgtype, <msgtype>: {...}}`."""
        return await self._call("POST", "/cgi-bin/kf/send_msg", json=dict(message))

    async def send_msg_on_event(self, message: Mapping[str, Any]) -> Dict[str, Any]:
        """`kf/send_msg_on_event` with a body `{code: welcome_code, msgtype, ...}`."""
        return await self._call("POST", "/cgi-bin/kf/send_msg_on_event", json=dict(message))

    async def get_media(self, media_id: str) -> Media:
        """Download a customer's image, video or file with `media/get`."""
        result = await self._call(
            "GET", "/cgi-bin/media/get", params={"media_id": media_id}, binary=True
        )
        media: Media = result["media"]
        return media

    # --- transport -------------------------------------------------------------------------

    async def _call(
        self,
        method: str,
        path: str,
        *,
        params: Optional[Dict[str, str]] = None,
        json: Optional[Dict[str, Any]] = None,
        with_token: bool = True,
        binary: bool = False,
    ) -> Dict[str, Any]:
        """One API call with token handling and retries; the JSON body on errcode 0."""
        token_refreshed = False
        attempt = 0
        while True:
            attempt += 1
            query = dict(params or {})
            token = ""
            if with_token:
                token = await self.access_token()
                query["access_token"] = token
            try:
                body = await self._request(method, path, query, json, binary)
            except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
                body = {"errcode": -1, "errmsg": f"{type(exc).__name__}: {exc}"}
            errcode = int(body.get("errcode") or 0)
            if errcode == 0:
                return body
            errmsg = str(body.get("errmsg", ""))
            if with_token and errcode in TOKEN_INVALID_CODES and not token_refreshed:
                logger.warning("WeCom %s: token refused (errcode %s), refreshing", path, errcode)
                token_refreshed = True
                await self.access_token(force_refresh=True, stale=token)
                continue
            if errcode in RETRYABLE_CODES and attempt < self.max_attempts:
                delay = self.backoff_seconds * (2 ** (attempt - 1))
                logger.warning(
                    "WeCom %s: errcode %s (%s), retry %d/%d in %.2fs",
                    path,
                    errcode,
                    errmsg,
                    attempt,
                    self.max_attempts - 1,
                    delay,
                )
                await asyncio.sleep(delay)
                continue
            logger.error("WeCom %s failed: errcode %s (%s)", path, errcode, errmsg)
            raise WeComApiError(path, errcode, errmsg)

    async def _request(
        self,
        method: str,
        path: str,
        query: Dict[str, str],
        json: Optional[Dict[str, Any]],
        binary: bool,
    ) -> Dict[str, Any]:
        async with self._http().request(
            method, self.base_url + path, params=query, json=json
        ) as response:
            if response.status >= 500:
                return {"errcode": -1, "errmsg": f"HTTP {response.status}"}
            content_type = response.headers.get("Content-Type", "")
            if binary and "json" not in content_type and "text/plain" not in content_type:
                data = await response.read()
                disposition = response.headers.get("Content-Disposition", "")
                found = _FILENAME.search(disposition)
                filename = unquote(found.group(1)) if found else ""
                media_type = content_type.split(";")[0].strip() or "application/octet-stream"
                return {"errcode": 0, "media": Media(data, media_type, filename)}
            if response.status >= 400:
                return {"errcode": -2, "errmsg": f"HTTP {response.status}"}
            body = await response.json(content_type=None)
            if not isinstance(body, dict):
                return {"errcode": -2, "errmsg": "the answer is not a JSON object"}
            return body
