"""Mask customers' phone numbers and e-mail addresses in every log line the servers write.

Why: with `--debug`, Rasa and rasa-sdk log whole messages, slots and events, so a contact a
customer leaves ("电话 13812345678") would end up in plain text in log files and log
shipping. A filter on the root logger's handlers rewrites each record before it is formatted,
whatever module emitted it. Order numbers are kept (agents and engineers need them); phone
numbers keep their first three and last four digits, as Chinese shops print them.

`install()` is called at start-up by our Rasa plug-ins (`bot.rasa_runtime.install_all`) and
by the action package; it is idempotent.
"""

from __future__ import annotations

import logging
import re

_MOBILE = re.compile(r"(?<!\d)(\+?86[-\s]?)?(1[3-9]\d)[-\s]?(\d{4})[-\s]?(\d{4})(?!\d)")
_LANDLINE = re.compile(r"(?<!\d)(0\d{2,3})[-\s]?(\d{7,8})(?!\d)")
_EMAIL = re.compile(r"([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+\.[A-Za-z]{2,})")


def mask_contacts(text: str) -> str:
    """The text with mobile and landline numbers and e-mail addresses masked."""
    text = _MOBILE.sub(lambda m: f"{m.group(2)}****{m.group(4)}", text)
    text = _LANDLINE.sub(lambda m: f"{m.group(1)}-****{m.group(2)[-2:]}", text)
    return _EMAIL.sub(lambda m: f"{m.group(1)}***{m.group(2)}", text)


class ContactMaskingFilter(logging.Filter):
    """Rewrites a record's message with `mask_contacts`; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Mask the formatted message in place; always keep the record."""
        try:
            message = record.getMessage()
        except Exception:  # a broken format string is the emitter's bug; log it as is
            return True
        masked = mask_contacts(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


_FILTER = ContactMaskingFilter()


def install(root: logging.Logger | None = None) -> None:
    """Attach the filter to every handler of the root logger (idempotent)."""
    for handler in (root or logging.getLogger()).handlers:
        if _FILTER not in handler.filters:
            handler.addFilter(_FILTER)
