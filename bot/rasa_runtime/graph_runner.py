"""Run the model's graph node after node in the calling thread instead of through dask.

Why: the Rasa server runs its model graph twice or more per message (the NLU pipeline once,
the policies once per predicted action). Stock Rasa does each run with `dask.get`, which
first prunes the schema to the targets' ancestors (`minimal_graph_schema`, recursive and
unmemoised), builds a dask graph, orders it with dask's scheduling heuristics and executes
the tasks through its local scheduler's queue. For our graph of about twenty nodes that
bookkeeping was ≈9% of the Rasa server's CPU under load (docs/performance.md), more than
most of the components it ran.

`SequentialGraphRunner` computes the execution order once per (targets, input names) and
then just calls the nodes. Behaviour is stock's: the same nodes (`GraphNode`, with their
hooks), the same inputs to each (a `(name, output)` pair per parent; a name nothing
provides is passed as the bare name, which `GraphNode` reports), inputs replacing nodes of
the same name, the same results dict, the same `GraphRunError`s. Only the Rasa server's
prediction graph uses it (`rasa.core.processor`); training keeps dask. Installed by
`bot.rasa_runtime.install_all()`.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, FrozenSet, List, Optional, Sequence, Tuple

import rasa.core.processor
from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner

logger = logging.getLogger(__name__)

# (node name, names of the parents whose outputs it takes, in the schema's order)
Step = Tuple[str, Tuple[str, ...]]


class SequentialGraphRunner(DaskGraphRunner):
    """A `DaskGraphRunner` whose `run` calls the nodes in dependency order, without dask."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Stock's runner (nodes instantiated from the schema), with no plan yet."""
        super().__init__(*args, **kwargs)
        self._plans: Dict[Tuple[Tuple[str, ...], FrozenSet[str]], List[Step]] = {}

    def run(
        self,
        inputs: Optional[Dict[str, Any]] = None,
        targets: Optional[List[str]] = None,
    ) -> Dict[str, Any]:
        """Runs the nodes the targets need and returns each target's output by name."""
        run_targets = list(targets) if targets else self._graph_schema.target_names
        given = dict(inputs or {})
        plan = self._plan(run_targets, frozenset(given))
        self._refuse_ambiguous_inputs(given, plan)
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                f"Running graph with inputs: {given}, targets: {targets} "
                f"and {self._execution_context}."
            )
        outputs: Dict[str, Any] = {name: (name, value) for name, value in given.items()}
        try:
            for node_name, parents in plan:
                node = self._instantiated_nodes[node_name]
                outputs[node_name] = node(*(outputs.get(parent, parent) for parent in parents))
        except RuntimeError as e:
            raise GraphRunError("Error running runner.") from e
        return dict(outputs[target] for target in run_targets)

    @staticmethod
    def _refuse_ambiguous_inputs(inputs: Dict[str, Any], plan: List[Step]) -> None:
        """Stock refuses a string input naming a node it runs (dask would read it as a key)."""
        for value in inputs.values():
            if isinstance(value, str) and any(value == name for name, _ in plan):
                raise GraphRunError(
                    f"Input value '{value}' clashes with a node name. Make sure "
                    f"that none of the input names passed to the `run` method are the "
                    f"same as node names in the graph schema."
                )

    def _plan(self, targets: Sequence[str], input_names: FrozenSet[str]) -> List[Step]:
        """The nodes to call for these targets, parents before children (remembered)."""
        key = (tuple(targets), input_names)
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = self._order(targets, input_names)
        return plan

    def _order(self, targets: Sequence[str], input_names: FrozenSet[str]) -> List[Step]:
        nodes = self._graph_schema.nodes
        order: List[Step] = []
        placed: set = set()

        def visit(name: str) -> None:
            if name in placed or name in input_names or name not in nodes:
                return
            placed.add(name)
            parents = tuple(nodes[name].needs.values())
            for parent in parents:
                visit(parent)
            order.append((name, parents))

        for target in targets:
            visit(target)
        return order


def is_installed() -> bool:
    """Whether the Rasa server loads its models with the sequential runner."""
    return rasa.core.processor.DaskGraphRunner is SequentialGraphRunner  # type: ignore[comparison-overlap]


def install() -> None:
    """Make the Rasa server's `MessageProcessor` load models with `SequentialGraphRunner`."""
    if is_installed():
        return
    if rasa.core.processor.DaskGraphRunner is not DaskGraphRunner:
        raise RuntimeError(
            "rasa.core.processor no longer uses DaskGraphRunner: re-check this patch"
        )
    rasa.core.processor.DaskGraphRunner = SequentialGraphRunner  # type: ignore[misc]


def uninstall() -> None:
    """Restore stock's runner (for tests)."""
    rasa.core.processor.DaskGraphRunner = DaskGraphRunner  # type: ignore[misc]
