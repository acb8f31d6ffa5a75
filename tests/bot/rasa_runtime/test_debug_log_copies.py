"""Debug-log copies are skipped only while debug lines are dropped, and only where safe."""

import logging

import pytest
import rasa.core.policies.policy
import rasa.core.processor
import structlog

from bot.rasa_runtime import debug_log_copies
from bot.rasa_runtime.debug_log_copies import CopyForDebugLines


@pytest.fixture
def structlog_level():
    """Configure structlog's level as Rasa does, and restore the previous configuration."""
    before = structlog.get_config()

    def configure(level: int) -> None:
        structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(level))

    yield configure
    structlog.configure(**before)


def test_value_itself_while_debug_lines_are_dropped(structlog_level):
    structlog_level(logging.INFO)
    events = [{"event": "slot", "name": "order_id", "value": "202411235567"}]
    assert not debug_log_copies.debug_lines_are_written()
    assert CopyForDebugLines.deepcopy(events) is events


def test_real_copy_while_debug_lines_are_written(structlog_level):
    structlog_level(logging.DEBUG)
    events = [{"event": "slot", "name": "order_id", "value": "202411235567"}]
    copied = CopyForDebugLines.deepcopy(events)
    assert debug_log_copies.debug_lines_are_written()
    assert copied == events and copied is not events and copied[0] is not events[0]


def test_patched_modules_copy_only_for_debug_lines():
    for module in debug_log_copies.PATCHED_MODULES:
        assert debug_log_copies.copies_only_for_debug_lines(module), module.__name__
    # Policy deep-copies its configuration for real: such a module is never patched
    assert not debug_log_copies.copies_only_for_debug_lines(rasa.core.policies.policy)


def test_install_is_idempotent_and_undone():
    import copy

    debug_log_copies.install()
    debug_log_copies.install()
    assert debug_log_copies.is_installed()
    assert rasa.core.processor.copy is CopyForDebugLines
    debug_log_copies.uninstall()
    assert not debug_log_copies.is_installed()
    assert rasa.core.processor.copy is copy
