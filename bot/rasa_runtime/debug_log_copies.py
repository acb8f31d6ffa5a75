"""Skip the deep copies Rasa makes for debug log lines when debug logging is off.

Why: Rasa 3.6 passes `copy.deepcopy(...)` of events, slot values, parse data and policy
states to `structlogger.debug(...)` on every turn. Python evaluates the copy before structlog
drops the line, so at the server's usual INFO level the copies are pure cost: ≈4% of the
Rasa server's CPU under load (docs/performance.md). The copies only matter when the line is
written (Rasa's `_anonymizer` log processor may change the values it is given).

The four modules below use the `copy` module for nothing but those log arguments (checked
from their source when installing: every `copy.<name>` in them must be a `deepcopy` call
given as a keyword argument of a `structlogger.debug(...)` call). Each gets a stand-in for
`copy` whose `deepcopy` copies exactly as before while structlog's configured logger writes
debug lines, and otherwise returns the object itself, which the dropped line never touches.
Installed by `bot.rasa_runtime.install_all()`; refuses to install if a module uses `copy`
in any other way.
"""

from __future__ import annotations

import ast
import copy
import inspect
import logging
from types import ModuleType
from typing import Any, Dict, List

import rasa.core.actions.forms
import rasa.core.policies.memoization
import rasa.core.policies.rule_policy
import rasa.core.processor
import structlog

PATCHED_MODULES: List[ModuleType] = [
    rasa.core.processor,
    rasa.core.actions.forms,
    rasa.core.policies.memoization,
    rasa.core.policies.rule_policy,
]


def debug_lines_are_written() -> bool:
    """Whether structlog's configured logger keeps `debug` calls (Rasa's `--debug`)."""
    wrapper = structlog.get_config()["wrapper_class"]
    dropped = structlog.make_filtering_bound_logger(logging.INFO).debug
    return getattr(wrapper, "debug", None) is not dropped


class CopyForDebugLines:
    """Stands in for the `copy` module in modules that copy only for debug log lines."""

    @staticmethod
    def deepcopy(value: Any, memo: Any = None) -> Any:
        """`copy.deepcopy` when the debug line will be written, else the value itself."""
        if debug_lines_are_written():
            return copy.deepcopy(value, memo)
        return value


def copies_only_for_debug_lines(module: ModuleType) -> bool:
    """Whether every use of `copy` in the module is a deepcopy passed to a debug log call."""
    tree = ast.parse(inspect.getsource(module))
    allowed = {
        id(keyword.value.func.value)  # the `copy` in `copy.deepcopy(...)`
        for call in ast.walk(tree)
        if _is_debug_log_call(call)
        for keyword in call.keywords  # type: ignore[attr-defined]
        if _is_deepcopy(keyword.value)
    }
    uses = [node for node in ast.walk(tree) if isinstance(node, ast.Name) and node.id == "copy"]
    return bool(uses) and all(id(use) in allowed for use in uses)


def _is_debug_log_call(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "debug"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "structlogger"
    )


def _is_deepcopy(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "deepcopy"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "copy"
    )


_STOCK: Dict[str, Any] = {}


def is_installed() -> bool:
    """Whether the patched modules copy only for written debug lines."""
    return all(getattr(module, "copy", None) is CopyForDebugLines for module in PATCHED_MODULES)


def install() -> None:
    """Give each patched module the stand-in for `copy` (idempotent)."""
    if is_installed():
        return
    for module in PATCHED_MODULES:
        if not copies_only_for_debug_lines(module):
            raise RuntimeError(
                f"{module.__name__} uses `copy` beyond debug log lines: re-check this patch"
            )
    for module in PATCHED_MODULES:
        _STOCK[module.__name__] = module.copy  # type: ignore[attr-defined]
        module.copy = CopyForDebugLines  # type: ignore[attr-defined]


def uninstall() -> None:
    """Give the modules the real `copy` back (for tests)."""
    for module in PATCHED_MODULES:
        module.copy = _STOCK.pop(module.__name__, copy)  # type: ignore[attr-defined]
