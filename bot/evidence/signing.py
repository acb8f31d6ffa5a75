"""HMAC tokens for the widget's uploads and expiring links to evidence files.

Two kinds of value are signed with the same server key, each with its own prefix so one can
never stand in for the other:

- a conversation token, given to the widget when its socket.io session is confirmed; it
  proves that the holder owns that conversation (resume it, upload into it, list it);
- a link signature over (evidence id, variant, expiry), given to whoever may read a file
  (the widget that uploaded it, an agent working the ticket).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from enum import Enum


class LinkCheck(Enum):
    """The outcome of checking a signed link."""

    OK = "ok"
    EXPIRED = "expired"
    BAD_SIGNATURE = "bad_signature"


def _b64(digest: bytes) -> str:
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class Signer:
    """Signs and checks conversation tokens and file links with one secret key."""

    def __init__(self, key: bytes) -> None:
        if len(key) < 16:
            raise ValueError("the evidence signing key must have at least 16 bytes")
        self._key = key

    def __repr__(self) -> str:
        return "Signer(key='**********')"

    def _mac(self, message: str) -> bytes:
        return hmac.new(self._key, message.encode("utf-8"), hashlib.sha256).digest()

    def conversation_token(self, conversation_id: str) -> str:
        """The token that proves ownership of a conversation."""
        return _b64(self._mac(f"conversation:v1:{conversation_id}"))

    def check_conversation_token(self, conversation_id: str, token: str | None) -> bool:
        """Whether `token` was issued for `conversation_id`."""
        if not token or not conversation_id:
            return False
        return hmac.compare_digest(self.conversation_token(conversation_id), token)

    def link_signature(self, evidence_id: str, variant: str, expires_at: int) -> str:
        """The signature of a link to one variant ("file" or "thumb") of one evidence item."""
        return _b64(self._mac(f"link:v1:{evidence_id}:{variant}:{expires_at}"))

    def check_link(
        self,
        evidence_id: str,
        variant: str,
        expires_at: str,
        signature: str,
        now: float | None = None,
    ) -> LinkCheck:
        """Check a link's signature first, then its expiry."""
        try:
            exp = int(expires_at)
        except (TypeError, ValueError):
            return LinkCheck.BAD_SIGNATURE
        expected = self.link_signature(evidence_id, variant, exp)
        if not signature or not hmac.compare_digest(expected, signature):
            return LinkCheck.BAD_SIGNATURE
        if exp < (time.time() if now is None else now):
            return LinkCheck.EXPIRED
        return LinkCheck.OK
