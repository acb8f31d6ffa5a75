"""What the channels and the evidence store say themselves, read from domain.yml's responses.

Why: every text a customer reads lives in domain.yml, so a shop edits one file. A refused
upload or an unsupported WeCom message never passes through Rasa's NLG, so these notices
(responses named `utter_notice_<name>`) are read here by name and their `{placeholders}`
filled with `str.format`. The script of the reader is the caller's concern (`bot.i18n`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, Dict, Mapping

import yaml

from bot.settings import PROJECT_ROOT

PREFIX = "utter_notice_"
DEFAULT_DOMAIN = PROJECT_ROOT / "domain.yml"


class Notices:
    """The notices by name (`empty_file` for `utter_notice_empty_file`), first variation each."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        self._texts: Dict[str, str] = dict(texts)

    @classmethod
    def from_domain(cls, path: Path = DEFAULT_DOMAIN) -> Notices:
        """Read the `utter_notice_*` responses of a Rasa domain file."""
        domain = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        texts = {
            name[len(PREFIX) :]: _first_text(name, variations)
            for name, variations in (domain.get("responses") or {}).items()
            if name.startswith(PREFIX)
        }
        return cls(texts)

    def text(self, name: str, **values: Any) -> str:
        """The notice `name` with its placeholders filled; a missing one names itself."""
        try:
            template = self._texts[name]
        except KeyError:
            raise KeyError(f"domain.yml has no response {PREFIX}{name}") from None
        return template.format(**values)


def _first_text(name: str, variations: Any) -> str:
    if not variations or not isinstance(variations[0], dict) or "text" not in variations[0]:
        raise ValueError(f"response {name} needs a text variation")
    return str(variations[0]["text"])


@cache
def default_notices(path: Path = DEFAULT_DOMAIN) -> Notices:
    """The project's notices, read once per process on first use (not at import)."""
    return Notices.from_domain(path)
