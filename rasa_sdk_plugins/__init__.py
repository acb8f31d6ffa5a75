"""The action server's start and stop, through rasa_sdk's plugin hook.

Why: notices a stopped action server still owed (`actions.incident_notices`) waited for the
new process's first filing, which may never come that evening. rasa_sdk imports a package of
this exact name (`rasa_sdk.plugin`) and hands its Sanic app to `attach_sanic_app_extensions`
before serving, so the notice worker starts with the server and stops with it.
"""

import sys
from typing import Any

import pluggy

hookimpl = pluggy.HookimplMarker("rasa_sdk")


def init_hooks(manager: pluggy.PluginManager) -> None:
    """Called by rasa_sdk when it finds this package: register the hooks below."""
    manager.register(sys.modules[__name__])


@hookimpl
def attach_sanic_app_extensions(app: Any) -> None:
    """Start sending owed notices once the server listens; stop the worker when it stops."""
    from actions import incident_notices

    app.register_listener(incident_notices.on_server_start, "after_server_start")
    app.register_listener(incident_notices.on_server_stop, "before_server_stop")
