"""The e2e `Stack` (tests/e2e/stack.py) with two additions for the benchmarks.

- The model can be another than models/complaint.tar.gz (to compare models).
- The simulated customer can send a photo the way the widget does: upload it, then send
  `/send_evidence` with the evidence ids in the message metadata (default evidence settings,
  so the files land in the project's var/evidence, which is git-ignored).

Tokens never start with "-": `rasa run --auth-token -abc` is read as a missing argument.
"""

from __future__ import annotations

import io
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Tuple

import tests.e2e.stack as e2e
from tests.e2e.stack import Stack, texts, tracker

__all__ = ["BenchStack", "texts", "tracker"]


def _tiny_jpeg(seed: int) -> bytes:
    from PIL import Image

    image = Image.new("RGB", (64, 48), ((seed * 37) % 256, (seed * 91) % 256, 120))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80)
    return out.getvalue()


@dataclass
class BenchStack(Stack):
    """Rasa + action server + ticket API on temp databases, with a chosen model."""

    model: Path = e2e.MODEL
    rasa_token: str = field(default_factory=lambda: secrets.token_hex(16))
    api_token: str = field(default_factory=lambda: secrets.token_hex(16))

    def start_rasa(self) -> None:
        saved, e2e.MODEL = e2e.MODEL, self.model  # Stack reads the module's MODEL
        try:
            super().start_rasa()
        finally:
            e2e.MODEL = saved

    def env(self) -> Dict[str, str]:
        env = super().env()
        env["RASA_TELEMETRY_ENABLED"] = "false"
        return env

    def say(
        self, sender: str, text: str, metadata: Dict[str, Any] | None = None
    ) -> List[Dict[str, Any]]:
        """One customer message through the REST channel, with optional message metadata."""
        import requests

        body: Dict[str, Any] = {"sender": sender, "message": text}
        if metadata is not None:
            body["metadata"] = metadata
        resp = requests.post(f"{self.rasa_url}/webhooks/rest/webhook", json=body, timeout=60)
        resp.raise_for_status()
        return resp.json()

    def upload_photo(self, sender: str, seed: int = 0) -> Tuple[str, str]:
        """Upload one small JPEG as evidence of the conversation: (evidence id, how).

        Through the Rasa server's upload route (`POST /evidence/<conversation>`, the widget's
        way, with the conversation token the widget would hold) when it is mounted, else
        straight into the `EvidenceStore` that route and the action server share.
        """
        import requests

        from bot.evidence.settings import EvidenceSettings
        from bot.evidence.store import EvidenceStore

        store = EvidenceStore(EvidenceSettings.load(environ=self.env()))
        try:
            name, data = f"photo_{seed}.jpg", _tiny_jpeg(seed)
            resp = requests.post(
                f"{self.rasa_url}/evidence/{sender}",
                files={"file": (name, data, "image/jpeg")},
                headers={"Authorization": f"Bearer {store.signer.conversation_token(sender)}"},
                timeout=30,
            )
            if resp.status_code != 404:
                resp.raise_for_status()
                return resp.json()["evidence"]["id"], "upload route"
            return store.save(sender, name, data, "image/jpeg")["id"], "evidence store"
        finally:
            store.close()
