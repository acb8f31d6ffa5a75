"""Real Rasa graph plumbing for component tests: model storage in tmp_path, a context."""

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource


@pytest.fixture
def model_storage(tmp_path):
    path = tmp_path / "model_storage"
    path.mkdir()
    return LocalModelStorage(path)


@pytest.fixture
def execution_context():
    return ExecutionContext(GraphSchema({}), "test_node")


@pytest.fixture
def resource():
    return Resource("component_under_test")
