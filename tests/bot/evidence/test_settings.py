import os
import stat

import pytest

from bot.evidence.settings import EvidenceSettings
from bot.evidence.signing import Signer


def test_defaults(tmp_path):
    settings = EvidenceSettings.load(environ={}, path=tmp_path / "missing.yml")
    assert settings.max_image_bytes == 10 * 1024 * 1024
    assert settings.max_video_bytes == 50 * 1024 * 1024
    assert settings.max_files == 9
    assert settings.storage_dir.endswith("var/evidence")
    assert settings.resolved_index_url.endswith("var/evidence/index.db")
    assert settings.allowed == {
        "image/jpeg",
        "image/png",
        "image/webp",
        "video/mp4",
        "video/quicktime",
        "video/webm",
    }


def test_yaml_group_then_environment(tmp_path):
    path = tmp_path / "settings.yml"
    path.write_text("api_port: 9000\nevidence:\n  max_files: 5\n  max_image_bytes: 1000\n")
    env = {"COMPLAINTS_EVIDENCE__MAX_FILES": "4", "COMPLAINTS_EVIDENCE__SECRET": "s3cr3t-value"}
    settings = EvidenceSettings.load(environ=env, path=path)
    assert settings.max_files == 4
    assert settings.max_image_bytes == 1000
    assert settings.secret == "s3cr3t-value"
    assert "s3cr3t-value" not in repr(settings)


def test_unknown_fields_are_an_error(tmp_path):
    with pytest.raises(ValueError, match="max_filez"):
        EvidenceSettings.load(environ={"COMPLAINTS_EVIDENCE__MAX_FILEZ": "3"}, path=tmp_path / "x")


def test_empty_secret_is_created_once_and_shared(tmp_path):
    settings = EvidenceSettings(storage_dir=str(tmp_path / "ev"))
    key = settings.resolve_secret()
    assert len(key) == 64
    assert EvidenceSettings(storage_dir=str(tmp_path / "ev")).resolve_secret() == key
    mode = os.stat(tmp_path / "ev" / "secret.key").st_mode
    assert stat.S_IMODE(mode) == 0o600
    assert [p.name for p in (tmp_path / "ev").iterdir()] == ["secret.key"]


def test_conversation_tokens():
    signer = Signer(b"k" * 32)
    token = signer.conversation_token("conv-1")
    assert signer.check_conversation_token("conv-1", token)
    assert not signer.check_conversation_token("conv-2", token)
    assert not signer.check_conversation_token("conv-1", None)
    assert not Signer(b"other-key-0123456789").check_conversation_token("conv-1", token)
    assert "k" * 32 not in repr(signer)
    with pytest.raises(ValueError):
        Signer(b"short")
