"""Shared fixtures: database URLs for the two backends the project supports.

`database_url` runs a test once on a SQLite file in `tmp_path` and once on the real
PostgreSQL server, in a throwaway schema dropped afterwards. When the server cannot be reached
the PostgreSQL case is skipped, except under CI (`CI=true`), where it fails.
"""

import os
import uuid

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.schema import CreateSchema, DropSchema

POSTGRES_URL = os.environ.get(
    "COMPLAINTS_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)


def _on_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture
def sqlite_url(tmp_path):
    """A SQLite file in a folder that does not exist yet (the store must create it)."""
    return f"sqlite:///{tmp_path / 'var' / 'complaints.db'}"


@pytest.fixture
def postgres_url():
    """A URL whose connections use a fresh schema of the test database."""
    admin = create_engine(POSTGRES_URL, future=True, connect_args={"connect_timeout": 5})
    try:
        connection = admin.connect()
    except OperationalError as error:
        admin.dispose()
        message = f"PostgreSQL at {make_url(POSTGRES_URL)!r} is unreachable: {error}"
        if _on_ci():
            pytest.fail(message)
        pytest.skip(message)
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with connection:
        connection.execute(CreateSchema(schema))
        connection.commit()
    url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(DropSchema(schema, cascade=True))
            connection.commit()
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request):
    """Each test using this runs on both backends."""
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return request.getfixturevalue(name)
