"""bench.turn_cpu: A/B rounds switch the named runtime fixes off and on again."""

from bench import turn_cpu
from bot.rasa_runtime import tracker_history


def test_toggled_fixes_are_uninstalled_and_installed():
    tracker_history.install()
    try:
        turn_cpu._set_fixes(["tracker_history"], on=False)
        assert not tracker_history.is_installed()
        turn_cpu._set_fixes(["tracker_history"], on=True)
        assert tracker_history.is_installed()
    finally:
        tracker_history.uninstall()
