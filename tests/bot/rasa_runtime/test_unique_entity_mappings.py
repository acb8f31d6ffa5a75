"""Forms' unique entity mappings, remembered per domain, are Rasa's own."""

from pathlib import Path

import pytest
from rasa.core.actions.forms import FormAction
from rasa.shared.core.domain import Domain

from bot.rasa_runtime import unique_entity_mappings

DOMAIN_FILE = Path(__file__).resolve().parents[3] / "domain.yml"

TRAVEL = {
    "entities": ["city", "date"],
    "slots": {
        "departure": {"type": "text", "mappings": [{"type": "from_entity", "entity": "city"}]},
        "arrival": {"type": "text", "mappings": [{"type": "from_entity", "entity": "city"}]},
        "day": {"type": "text", "mappings": [{"type": "from_entity", "entity": "date"}]},
    },
    "forms": {"travel_form": {"required_slots": ["departure", "arrival", "day"]}},
}


@pytest.fixture
def installed():
    unique_entity_mappings.uninstall()
    unique_entity_mappings.install()
    yield
    unique_entity_mappings.uninstall()


def stock(form_name: str, domain: Domain):
    unique_entity_mappings.uninstall()
    try:
        return FormAction(form_name, None)._create_unique_entity_mappings(domain)
    finally:
        unique_entity_mappings.install()


@pytest.mark.parametrize(
    ("domain", "form_name"),
    [
        (Domain.load(DOMAIN_FILE), "complaint_form"),
        (Domain.load(DOMAIN_FILE), "satisfaction_form"),
        (Domain.from_dict(TRAVEL), "travel_form"),
    ],
)
def test_same_mappings_as_rasa_every_time(installed, domain, form_name):
    expected = stock(form_name, domain)
    for _ in range(3):
        assert FormAction(form_name, None)._create_unique_entity_mappings(domain) == expected


def test_shared_entities_are_not_unique(installed):
    domain = Domain.from_dict(TRAVEL)
    found = FormAction("travel_form", None)._create_unique_entity_mappings(domain)
    assert found == {'{"entity": "date", "type": "from_entity"}'}
    assert FormAction("travel_form", None).entity_mapping_is_unique(
        {"type": "from_entity", "entity": "date"}, domain
    )
    assert not FormAction("travel_form", None).entity_mapping_is_unique(
        {"type": "from_entity", "entity": "city"}, domain
    )


def test_each_domain_and_form_has_its_own_answer(installed):
    ours = Domain.load(DOMAIN_FILE)
    travel = Domain.from_dict(TRAVEL)
    first = FormAction("travel_form", None)._create_unique_entity_mappings(travel)
    assert FormAction("travel_form", None)._create_unique_entity_mappings(ours) == set()
    assert FormAction("complaint_form", None)._create_unique_entity_mappings(travel) == set()
    assert FormAction("travel_form", None)._create_unique_entity_mappings(travel) == first


def test_callers_get_their_own_set(installed):
    domain = Domain.from_dict(TRAVEL)
    FormAction("travel_form", None)._create_unique_entity_mappings(domain).clear()
    assert FormAction("travel_form", None)._create_unique_entity_mappings(domain)


def test_install_is_idempotent_and_undone():
    unique_entity_mappings.install()
    unique_entity_mappings.install()
    assert unique_entity_mappings.is_installed()
    unique_entity_mappings.uninstall()
    assert not unique_entity_mappings.is_installed()
