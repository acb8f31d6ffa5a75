import pytest

from bot.evidence.settings import EvidenceSettings
from bot.evidence.store import EvidenceStore


@pytest.fixture
def evidence_settings(tmp_path):
    """Small limits so that oversized and too-many cases stay cheap."""
    return EvidenceSettings(
        storage_dir=str(tmp_path / "evidence"),
        secret="test-secret-for-evidence-links-0123456789",
        public_base_url="https://bot.example",
        max_image_bytes=20_000,
        max_video_bytes=40_000,
        max_files=3,
    )


@pytest.fixture
def store(evidence_settings):
    store = EvidenceStore(evidence_settings)
    yield store
    store.close()
