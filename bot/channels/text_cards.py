"""Cards the bot sends (read-back, ticket banner) as plain text, for channels without cards."""

from __future__ import annotations

from typing import Any


def render_custom(payload: Any) -> str:
    """A custom card (read-back, ticket banner) as plain text, for a channel without cards."""
    if isinstance(payload, dict) and set(payload) == {"data"}:
        payload = payload["data"]
    if not isinstance(payload, dict):
        return ""
    kind = payload.get("type")
    if kind == "read_back" and isinstance(payload.get("fields"), list):
        lines = [
            f"{row.get('label', '')}：{row.get('value', '')}"
            for row in payload["fields"]
            if isinstance(row, dict)
        ]
        return "\n".join(lines)
    if kind == "ticket" and payload.get("id"):
        level = "（紧急）" if payload.get("severity") == "urgent" else ""
        return f"工单号：{payload['id']}{level}"
    return ""
