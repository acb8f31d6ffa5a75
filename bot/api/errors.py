"""Errors of the ticket API: one JSON shape for all of them, and logs without phone numbers.

Every error answer is `{"error": "<machine code>", "message": "<for people>"}`. Handlers raise
`ApiError`; Sanic's own errors (unknown route, wrong method, body too large) and anything
unexpected are turned into the same shape, the unexpected ones as a 500 that tells nothing
about the internals. Logged values pass through `mask_digits`, so a phone number a customer
typed into a query or a path never reaches the logs.
"""

from __future__ import annotations

import json
import logging
import re
import traceback
from typing import Any, Dict, Mapping

from sanic import Sanic
from sanic.exceptions import SanicException
from sanic.request import Request
from sanic.response import HTTPResponse
from sanic.response import json as json_response

logger = logging.getLogger(__name__)

# Seven or more digits, possibly split by spaces, dots or dashes (phone numbers, IDs).
_DIGIT_RUN = re.compile(r"\d(?:[ .\-]?\d){6,}")


def mask_digits(value: Any) -> str:
    """The value as text with every run of 7+ digits masked but for its last two digits."""

    def _mask(match: re.Match[str]) -> str:
        run = match.group(0)
        digits = sum(ch.isdigit() for ch in run)
        seen = 0
        out = []
        for ch in run:
            if ch.isdigit():
                seen += 1
                out.append(ch if seen > digits - 2 else "*")
            else:
                out.append(ch)
        return "".join(out)

    return _DIGIT_RUN.sub(_mask, str(value))


def dumps(body: Any, **kwargs: Any) -> str:
    """JSON with Chinese text kept readable."""
    return json.dumps(body, ensure_ascii=False, **kwargs)


def json_body(
    body: Any, status: int = 200, headers: Mapping[str, str] | None = None
) -> HTTPResponse:
    """A JSON response rendered with `dumps`."""
    return json_response(body, status=status, headers=dict(headers or {}), dumps=dumps)


class ApiError(Exception):
    """An error answer: HTTP status, machine-readable code and a message for people."""

    def __init__(
        self,
        status: int,
        error: str,
        message: str,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.error = error
        self.message = message
        self.headers: Dict[str, str] = dict(headers or {})


def error_body(error: str, message: str) -> Dict[str, str]:
    """The one error shape of the API."""
    return {"error": error, "message": message}


def _code_for(exception: SanicException, status: int) -> str:
    codes = {
        400: "bad_request",
        401: "unauthorized",
        403: "forbidden",
        404: "not_found",
        405: "method_not_allowed",
        408: "request_timeout",
        413: "payload_too_large",
        415: "unsupported_media_type",
        416: "range_not_satisfiable",
        503: "service_unavailable",
    }
    return codes.get(status, "http_error" if status < 500 else "internal_error")


def register_error_handlers(app: Sanic) -> None:
    """Answer every error with the JSON error shape and log it without customer numbers."""

    def api_error(request: Request, exception: ApiError) -> HTTPResponse:
        log = logger.warning if exception.status >= 500 else logger.debug
        log(
            "%s %s -> %s %s",
            request.method,
            mask_digits(request.path),
            exception.status,
            exception.error,
        )
        return json_body(
            error_body(exception.error, exception.message),
            status=exception.status,
            headers=exception.headers,
        )

    def sanic_error(request: Request, exception: SanicException) -> HTTPResponse:
        status = int(getattr(exception, "status_code", 500) or 500)
        path = mask_digits(request.path) if request is not None else "?"
        if status >= 500:
            logger.error("%s -> %s: %s", path, status, mask_digits(exception))
            message = "the server could not handle the request"
        else:
            logger.debug("%s -> %s", path, status)
            message = mask_digits(exception) or "the request could not be handled"
        headers = dict(getattr(exception, "headers", None) or {})
        return json_body(error_body(_code_for(exception, status), message), status, headers)

    def unexpected(request: Request, exception: Exception) -> HTTPResponse:
        path = mask_digits(request.path) if request is not None else "?"
        frames = traceback.extract_tb(exception.__traceback__)
        where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"
        logger.error(
            "unexpected %s at %s on %s: %s",
            type(exception).__name__,
            where,
            path,
            mask_digits(exception),
        )
        return json_body(
            error_body("internal_error", "the server could not handle the request"), 500
        )

    app.error_handler.add(ApiError, api_error)
    app.error_handler.add(SanicException, sanic_error)
    app.error_handler.add(Exception, unexpected)
