"""Signing in and out: the form, its double-submit CSRF token, the session cookie.

Why a double-submit token on the form: there is no session yet to hold a CSRF token, and a
forged cross-site sign-in would put a victim's browser into the attacker's account.
"""

from __future__ import annotations

import hmac
import logging
import secrets

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, html, redirect

from bot.desk import pages
from bot.desk.context import desk_of, in_thread
from bot.desk.responses import error_response
from bot.desk.sessions import LOGIN_COOKIE, SESSION_COOKIE, current_session, set_cookie

logger = logging.getLogger(__name__)

LOGIN_TOKEN_SECONDS = 3600


def _form_token(request: Request) -> str:
    """The token of an earlier form (other tabs keep working), else a fresh one."""
    token = request.cookies.get(LOGIN_COOKIE) or ""
    if not 20 <= len(token) <= 64 or not token.replace("-", "").replace("_", "").isalnum():
        token = secrets.token_urlsafe(24)
    return token


def _form(request: Request, token: str, error: str = "", status: int = 200) -> HTTPResponse:
    response = html(pages.login_page(token, error), status=status)
    set_cookie(desk_of(request), response, LOGIN_COOKIE, token, LOGIN_TOKEN_SECONDS)
    return response


async def login_form(request: Request) -> HTTPResponse:
    """The sign-in form, with a fresh double-submit CSRF token."""
    if await current_session(request) is not None:
        return redirect("/desk/")
    return _form(request, _form_token(request))


async def login(request: Request) -> HTTPResponse:
    """Check the CSRF token, then the name and password; start a session."""
    desk = desk_of(request)
    form = request.form
    given = str(form.get("csrf_token") or "")
    expected = request.cookies.get(LOGIN_COOKIE) or ""
    if not given or not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        return error_response(403, "csrf", "the CSRF token is missing or wrong; reload the page")
    agent = await in_thread(
        desk.accounts.authenticate, str(form.get("name") or ""), str(form.get("password") or "")
    )
    if agent is None:
        return _form(request, secrets.token_urlsafe(24), "账号或密码错误", 401)
    session_id = await in_thread(desk.accounts.start_session, agent)
    response = redirect("/desk/")
    cookie = desk.signer.sign(session_id)
    set_cookie(desk, response, SESSION_COOKIE, cookie, desk.options.session_hours * 3600)
    set_cookie(desk, response, LOGIN_COOKIE, "", 0)
    logger.info("agent %s signed in", agent.name)
    return response


async def logout(request: Request) -> HTTPResponse:
    """End the session."""
    desk = desk_of(request)
    await in_thread(desk.accounts.end_session, request.ctx.session_id)
    response = redirect("/desk/login")
    set_cookie(desk, response, SESSION_COOKIE, "", 0)
    return response


def add_sign_in_routes(app: Sanic) -> None:
    """`GET/POST /desk/login`, `POST /desk/logout`."""
    app.add_route(login_form, "/desk/login", methods=["GET"])
    app.add_route(login, "/desk/login", methods=["POST"])
    app.add_route(logout, "/desk/logout", methods=["POST"])
