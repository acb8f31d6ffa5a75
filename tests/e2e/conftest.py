import pytest

from tests.e2e.stack import Stack, started


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    yield from started(Stack(tmp_path_factory.mktemp("stack")))
