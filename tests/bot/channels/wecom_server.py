"""A local WeCom server that speaks the 微信客服 protocol, for the channel's tests.

API (as qyapi.weixin.qq.com): `gettoken`, `kf/sync_msg` (cursor, has_more, the callback's
sync token), `kf/send_msg`, `kf/send_msg_on_event`, `media/get`, with the real error codes:
40001 (wrong secret), 40014 (invalid access_token), 42001 (access_token expired), 95011-like
codes are not needed here. Callbacks are built the way WeCom builds them: the event XML
encrypted with the corp's EncodingAESKey (wechatpy's WXBizMsgCrypt-compatible PrpCrypto)
and `msg_signature` = SHA-1 of sorted token, timestamp, nonce and ciphertext.
"""

from __future__ import annotations

import itertools
import secrets
import time
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import quote

from aiohttp import web
from aiohttp.test_utils import TestServer
from wechatpy.enterprise.crypto import PrpCrypto, WeChatCrypto

from bot.channels.wecom import message_signature

CORP_ID = "ww0123456789abcdef"
SECRET = "kf-secret-for-tests"
TOKEN = "callbacktoken"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"  # 43 characters
OPEN_KFID = "wkAbCdEf0123456789"


class FakeWeCom:
    """The WeCom side: message log per Kf account, issued tokens, what the bot sent."""

    def __init__(self) -> None:
        self.messages: List[Dict[str, Any]] = []
        self.sent: List[Dict[str, Any]] = []
        self.sent_on_event: List[Dict[str, Any]] = []
        self.media: Dict[str, Tuple[bytes, str, str]] = {}
        self.tokens: Dict[str, float] = {}
        self.sync_tokens: set = set()
        self.calls: List[str] = []
        self.gettoken_calls = 0
        self.busy_left = 0  # answer errcode 45009 this many times to send_msg
        self.page_size = 2
        self._ids = itertools.count(1)
        self.server: Optional[TestServer] = None

    # --- the HTTP server -----------------------------------------------------------------

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/cgi-bin/gettoken", self.gettoken)
        app.router.add_post("/cgi-bin/kf/sync_msg", self.sync_msg)
        app.router.add_post("/cgi-bin/kf/send_msg", self.send_msg)
        app.router.add_post("/cgi-bin/kf/send_msg_on_event", self.send_msg_on_event)
        app.router.add_get("/cgi-bin/media/get", self.media_get)
        return app

    async def start(self) -> str:
        self.server = TestServer(self.app(), host="127.0.0.1")
        await self.server.start_server()
        return str(self.server.make_url("")).rstrip("/")

    async def close(self) -> None:
        if self.server is not None:
            await self.server.close()

    def _token_error(self, request: web.Request) -> Optional[web.Response]:
        token = request.query.get("access_token", "")
        if token not in self.tokens:
            return web.json_response({"errcode": 40014, "errmsg": "invalid access_token"})
        if self.tokens[token] < time.time():
            return web.json_response({"errcode": 42001, "errmsg": "access_token expired"})
        return None

    def expire_tokens(self) -> None:
        for token in self.tokens:
            self.tokens[token] = 0.0

    async def gettoken(self, request: web.Request) -> web.Response:
        self.calls.append("gettoken")
        self.gettoken_calls += 1
        if request.query.get("corpid") != CORP_ID or request.query.get("corpsecret") != SECRET:
            return web.json_response({"errcode": 40001, "errmsg": "invalid credential"})
        token = secrets.token_urlsafe(24)
        self.tokens[token] = time.time() + 7200
        return web.json_response(
            {"errcode": 0, "errmsg": "ok", "access_token": token, "expires_in": 7200}
        )

    async def sync_msg(self, request: web.Request) -> web.Response:
        self.calls.append("sync_msg")
        error = self._token_error(request)
        if error is not None:
            return error
        body = await request.json()
        if body.get("token") and body["token"] not in self.sync_tokens:
            return web.json_response({"errcode": 95007, "errmsg": "invalid msg token"})
        if body.get("open_kfid") != OPEN_KFID:
            return web.json_response({"errcode": 95000, "errmsg": "invalid open_kfid"})
        start = int(body.get("cursor") or 0)
        limit = min(int(body.get("limit") or 1000), self.page_size)
        page = self.messages[start : start + limit]
        end = start + len(page)
        return web.json_response(
            {
                "errcode": 0,
                "errmsg": "ok",
                "next_cursor": str(end),
                "has_more": 1 if end < len(self.messages) else 0,
                "msg_list": page,
            }
        )

    async def send_msg(self, request: web.Request) -> web.Response:
        self.calls.append("send_msg")
        error = self._token_error(request)
        if error is not None:
            return error
        if self.busy_left > 0:
            self.busy_left -= 1
            return web.json_response({"errcode": 45009, "errmsg": "api freq out of limit"})
        body = await request.json()
        if body.get("open_kfid") != OPEN_KFID or not body.get("touser"):
            return web.json_response({"errcode": 95000, "errmsg": "invalid open_kfid"})
        msgid = f"sent{next(self._ids)}"
        self.sent.append(body)
        return web.json_response({"errcode": 0, "errmsg": "ok", "msgid": msgid})

    async def send_msg_on_event(self, request: web.Request) -> web.Response:
        self.calls.append("send_msg_on_event")
        error = self._token_error(request)
        if error is not None:
            return error
        body = await request.json()
        self.sent_on_event.append(body)
        return web.json_response({"errcode": 0, "errmsg": "ok", "msgid": "welcome1"})

    async def media_get(self, request: web.Request) -> web.Response:
        self.calls.append("media_get")
        error = self._token_error(request)
        if error is not None:
            return error
        found = self.media.get(request.query.get("media_id", ""))
        if found is None:
            return web.json_response({"errcode": 40007, "errmsg": "invalid media_id"})
        data, content_type, filename = found
        return web.Response(
            body=data,
            content_type=content_type,
            headers={"Content-Disposition": f'attachment; filename="{quote(filename)}"'},
        )

    # --- the customer's side -------------------------------------------------------------

    def _add(self, user: str, msgtype: str, body: Dict[str, Any], origin: int = 3) -> str:
        msgid = f"msg{next(self._ids)}"
        message = {
            "msgid": msgid,
            "open_kfid": OPEN_KFID,
            "external_userid": user,
            "send_time": int(time.time()),
            "origin": origin,
            "msgtype": msgtype,
            msgtype: body,
        }
        self.messages.append(message)
        return msgid

    def customer_text(self, user: str, content: str, menu_id: str = "") -> str:
        body: Dict[str, Any] = {"content": content}
        if menu_id:
            body["menu_id"] = menu_id
        return self._add(user, "text", body)

    def customer_media(
        self, user: str, msgtype: str, data: bytes, content_type: str, filename: str
    ) -> str:
        media_id = f"media{next(self._ids)}"
        self.media[media_id] = (data, content_type, filename)
        return self._add(user, msgtype, {"media_id": media_id})

    def enter_session(self, user: str, scene: str, scene_param: str) -> str:
        event = {
            "event_type": "enter_session",
            "open_kfid": OPEN_KFID,
            "external_userid": user,
            "scene": scene,
            "scene_param": scene_param,
            "welcome_code": f"welcome-{next(self._ids)}",
        }
        msgid = f"msg{next(self._ids)}"
        self.messages.append(
            {
                "msgid": msgid,
                "send_time": int(time.time()),
                "origin": 4,
                "msgtype": "event",
                "event": event,
            }
        )
        return msgid

    # --- callbacks -----------------------------------------------------------------------

    def callback(self) -> Tuple[Dict[str, str], bytes]:
        """The query string and body of a `kf_msg_or_event` callback, encrypted and signed."""
        sync_token = "sync" + secrets.token_hex(8)
        self.sync_tokens.add(sync_token)
        event = (
            f"<xml><ToUserName><![CDATA[{CORP_ID}]]></ToUserName>"
            f"<CreateTime>{int(time.time())}</CreateTime>"
            "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_msg_or_event]]></Event>"
            f"<Token><![CDATA[{sync_token}]]></Token>"
            f"<OpenKfId><![CDATA[{OPEN_KFID}]]></OpenKfId></xml>"
        )
        crypto = WeChatCrypto(TOKEN, AES_KEY, CORP_ID)
        encrypted = PrpCrypto(crypto.key).encrypt(event, CORP_ID).decode()
        timestamp, nonce = str(int(time.time())), secrets.token_hex(5)
        signature = message_signature(TOKEN, timestamp, nonce, encrypted)
        body = (
            f"<xml><ToUserName><![CDATA[{CORP_ID}]]></ToUserName>"
            f"<Encrypt><![CDATA[{encrypted}]]></Encrypt>"
            "<AgentID><![CDATA[]]></AgentID></xml>"
        ).encode()
        query = {"msg_signature": signature, "timestamp": timestamp, "nonce": nonce}
        return query, body

    def verification(self, echo: str) -> Dict[str, str]:
        """The query of the URL-verification GET."""
        crypto = WeChatCrypto(TOKEN, AES_KEY, CORP_ID)
        echostr = PrpCrypto(crypto.key).encrypt(echo, CORP_ID).decode()
        timestamp, nonce = str(int(time.time())), secrets.token_hex(5)
        signature = message_signature(TOKEN, timestamp, nonce, echostr)
        return {
            "msg_signature": signature,
            "timestamp": timestamp,
            "nonce": nonce,
            "echostr": echostr,
        }
