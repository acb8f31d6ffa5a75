"""The desk's settings group: environment, YAML, hidden secrets, the generated key."""

from bot.desk.settings import DeskSettings


def test_loaded_from_the_environment_and_secrets_hidden(tmp_path):
    desk = DeskSettings.load(
        {
            "COMPLAINTS_SETTINGS": str(tmp_path / "none.yml"),
            "COMPLAINTS_DESK__PORT": "9001",
            "COMPLAINTS_DESK__COOKIE_SECURE": "true",
            "COMPLAINTS_DESK__WEBHOOK_URL": "https://hooks.example/urgent",
            "COMPLAINTS_DESK__WEBHOOK_SECRET": "hook-secret-value",
        }
    )
    assert desk.port == 9001
    assert desk.cookie_secure is True
    assert desk.webhook_url == "https://hooks.example/urgent"
    assert "hook-secret-value" not in repr(desk)


def test_loaded_from_yaml(tmp_path):
    path = tmp_path / "settings.yml"
    path.write_text("desk:\n  poll_seconds: 1.5\n  session_hours: 8\n", encoding="utf-8")
    desk = DeskSettings.load({}, path)
    assert desk.poll_seconds == 1.5
    assert desk.session_hours == 8


def test_a_key_is_generated_once_when_no_secret_is_set(tmp_path):
    desk = DeskSettings(secret_file=str(tmp_path / "k" / "desk.key"))
    key = desk.resolve_secret()
    assert len(key) == 64
    assert desk.resolve_secret() == key
    assert (tmp_path / "k" / "desk.key").stat().st_mode & 0o777 == 0o600
