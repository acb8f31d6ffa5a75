import pytest

from bot.settings import Secret, Settings


def test_defaults_run_on_embedded_sqlite(tmp_path):
    settings = Settings.load(environ={}, path=tmp_path / "missing.yml")
    assert settings.database_url.startswith("sqlite:///")
    assert settings.order_service.type == "demo"
    assert settings.sla.urgent_first_response_minutes == 5


def test_yaml_then_environment_override(tmp_path):
    path = tmp_path / "settings.yml"
    path.write_text("large_amount_threshold: 500\nsla:\n  normal_first_response_minutes: 30\n")
    env = {"COMPLAINTS_LARGE_AMOUNT_THRESHOLD": "800", "COMPLAINTS_ORDER_SERVICE__TYPE": "http"}
    settings = Settings.load(environ=env, path=path)
    assert settings.large_amount_threshold == 800.0
    assert settings.sla.normal_first_response_minutes == 30
    assert settings.order_service.type == "http"


def test_secrets_are_hidden_from_repr():
    settings = Settings.load(environ={"COMPLAINTS_API_TOKEN": "tok-123"}, path=None)
    assert settings.api_token == "tok-123"
    assert "tok-123" not in repr(settings)
    assert repr(Secret("x")) == "Secret('**********')"


def test_unknown_settings_are_an_error(tmp_path):
    with pytest.raises(ValueError, match="unknown settings"):
        Settings.load(environ={"COMPLAINTS_NO_SUCH_THING": "1"}, path=tmp_path / "none.yml")
