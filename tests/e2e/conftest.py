import os

import pytest

from tests.e2e.stack import MODEL, Stack


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    if not MODEL.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("models/complaint.tar.gz is missing: scripts/test trains it before pytest")
        pytest.skip("no trained model (run scripts/test or scripts/run once)")
    running = Stack(tmp_path_factory.mktemp("stack"))
    try:
        running.start()
    except Exception:
        running.stop()
        raise
    yield running
    running.stop()
