"""The remembered empty-domain check answers as Rasa's."""

from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain

from bot.rasa_runtime import empty_domain

DOMAIN_FILE = Path(__file__).resolve().parents[3] / "domain.yml"


@pytest.fixture
def domains():
    empty_domain.uninstall()
    cases = {
        "empty": Domain.empty(),
        "empty from dict": Domain.from_dict({}),
        "ours": Domain.load(DOMAIN_FILE),
        "one intent": Domain.from_dict({"intents": ["greet"]}),
        "one response": Domain.from_dict({"responses": {"utter_hi": [{"text": "你好"}]}}),
    }
    stock = {name: domain.is_empty() for name, domain in cases.items()}
    empty_domain.install()
    yield cases, stock
    empty_domain.uninstall()


def test_same_answers_as_rasa(domains):
    cases, stock = domains
    assert stock == {
        "empty": True,
        "empty from dict": True,
        "ours": False,
        "one intent": False,
        "one response": False,
    }
    for _ in range(2):  # first call builds the empty domain, the second reuses it
        assert {name: domain.is_empty() for name, domain in cases.items()} == stock


def test_install_is_idempotent_and_undone():
    empty_domain.install()
    empty_domain.install()
    assert empty_domain.is_installed()
    empty_domain.uninstall()
    assert not empty_domain.is_installed()
    assert Domain.empty().is_empty()
