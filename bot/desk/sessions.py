"""Who may use the desk: signed session cookies, CSRF tokens and the response headers.

Why before every route: the desk shows customers' personal data and speaks for the shop, so
every page and API route needs a signed-in agent and every state-changing request the
session's CSRF token; only `GET /health`, the sign-in form and the two static files are
public. Answers are never framed, sniffed, cached or given a referrer (evidence links are
signed URLs).
"""

from __future__ import annotations

import hmac
from typing import Tuple
from urllib.parse import urlsplit

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, redirect

from bot.desk.accounts import DeskSession
from bot.desk.context import Desk, desk_of, in_thread
from bot.desk.responses import error_response

SESSION_COOKIE = "desk_session"
LOGIN_COOKIE = "desk_login_csrf"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
PUBLIC_PATHS = ("/health", "/desk/login")


def content_security_policy(evidence_base_url: str) -> str:
    """Our own scripts and styles only; images and media also from the evidence server."""
    parts = urlsplit(evidence_base_url)
    origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; "
        f"img-src 'self' data: {origin}; media-src 'self' {origin}; "
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    )


def set_cookie(desk: Desk, response: HTTPResponse, name: str, value: str, max_age: int) -> None:
    """An HttpOnly, SameSite=Lax cookie for `/desk` (Secure behind HTTPS)."""
    response.cookies[name] = value
    cookie = response.cookies[name]
    cookie["path"] = "/desk"
    cookie["httponly"] = True
    cookie["samesite"] = "Lax"
    cookie["max-age"] = max_age
    if desk.options.cookie_secure:
        cookie["secure"] = True


async def current_session(request: Request) -> Tuple[str, DeskSession] | None:
    """The request's session id and session, when its cookie is signed and still valid."""
    desk = desk_of(request)
    session_id = desk.signer.unsign(request.cookies.get(SESSION_COOKIE))
    if session_id is None:
        return None
    found = await in_thread(desk.accounts.get_session, session_id)
    return (session_id, found) if found is not None else None


def _given_csrf(request: Request) -> str:
    header = request.headers.get("x-csrf-token")
    if header:
        return str(header)
    if (request.content_type or "").startswith("application/x-www-form-urlencoded"):
        return str(request.form.get("csrf_token") or "")
    return ""


def _outside_the_desk(path: str) -> HTTPResponse | None:
    if path == "/":
        return redirect("/desk/")
    if path != "/desk" and not path.startswith("/desk/"):
        return error_response(404, "not_found", "no such page")
    return None


def _not_signed_in(request: Request) -> HTTPResponse:
    path = request.path
    if (
        request.method in SAFE_METHODS
        and not path.startswith("/desk/api/")
        and not path.endswith(".csv")
    ):
        return redirect("/desk/login")
    return error_response(401, "unauthorized", "sign in first")


async def authenticate(request: Request) -> HTTPResponse | None:
    """Signed-in agents only; CSRF token on every state-changing request."""
    path = request.path
    if path in PUBLIC_PATHS or path.startswith("/desk/static/"):
        return None
    refused = _outside_the_desk(path)
    if refused is not None:
        return refused
    found = await current_session(request)
    if found is None:
        return _not_signed_in(request)
    session_id, session = found
    if request.method not in SAFE_METHODS:
        given = _given_csrf(request)
        if not given or not hmac.compare_digest(given.encode(), session.csrf_token.encode()):
            return error_response(403, "csrf", "the CSRF token is missing or wrong")
    request.ctx.session_id = session_id
    request.ctx.agent = session.agent
    request.ctx.csrf = session.csrf_token
    return None


async def security_headers(request: Request, response: HTTPResponse) -> None:
    """No framing, no sniffing, no referrer (signed links), a strict CSP, no caching."""
    response.headers.setdefault("Content-Security-Policy", desk_of(request).csp)
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    if not request.path.startswith("/desk/static/"):
        response.headers.setdefault("Cache-Control", "no-store")


def add_session_guard(app: Sanic) -> None:
    """Check the session before every request; add the security headers to every answer."""
    app.on_request(authenticate)
    app.on_response(security_headers)
