"""Base of the Rasa components whose learned head is a linear model kept as numpy arrays.

Why: the emotion and severity heads are stored the same way (`np.savez`, loaded with
`allow_pickle=False`, so loading a model never unpickles anything) and add their verdict to
the same `complaint_triage` property the triage classifier sets. Subclasses say what differs:
the file and arrays, the output key, how to rebuild the head and how to present a verdict.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Tuple

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

logger = logging.getLogger(__name__)

OUTPUT_PROPERTY = "complaint_triage"


class LearnedHeadComponent(GraphComponent):
    """Stores, loads and applies a head; training is the subclass's."""

    MODEL_FILE: str
    ARRAYS: Tuple[str, ...]
    OUTPUT_KEY: str

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        head: Optional[Any] = None,
    ) -> None:
        """Create the component, trained when `head` is given."""
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self._head = head if head is not None else self.untrained_head()

    @staticmethod
    def required_packages() -> List[str]:
        """Python packages the component needs."""
        return ["sklearn"]

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LearnedHeadComponent:
        """Create an untrained component (see `GraphComponent.create`)."""
        return cls(config, model_storage, resource)

    def persist(self) -> None:
        """Store the head as numpy arrays."""
        state = self._head.state()
        with self._model_storage.write_to(self._resource) as model_dir:
            np.savez(
                model_dir / self.MODEL_FILE,
                **{key: np.asarray(state[key]) for key in self.ARRAYS},
            )

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> LearnedHeadComponent:
        """Load the trained head; untrained (no output) if there is none."""
        try:
            with model_storage.read_from(resource) as model_dir:
                with np.load(model_dir / cls.MODEL_FILE, allow_pickle=False) as stored:
                    state = {key: stored[key] for key in cls.ARRAYS}
        except (ValueError, FileNotFoundError, OSError):
            logger.debug(f"No trained {cls.__name__} in resource '{resource.name}'.")
            return cls(config, model_storage, resource)
        state["ngram_range"] = [int(n) for n in state["ngram_range"].tolist()]
        return cls(config, model_storage, resource, cls.restore_head(state))

    def process(self, messages: List[Message]) -> List[Message]:
        """Add `complaint_triage.<OUTPUT_KEY>` to each message (when the head is trained)."""
        if not self._head.fitted:
            return messages
        verdicts = self._head.predict([message.get(TEXT) or "" for message in messages])
        for message, verdict in zip(messages, verdicts, strict=True):
            triage = dict(message.get(OUTPUT_PROPERTY) or {})
            triage[self.OUTPUT_KEY] = self.output(verdict)
            message.set(OUTPUT_PROPERTY, triage, add_to_output=True)
        return messages

    @classmethod
    def untrained_head(cls) -> Any:
        """A head that is not fitted (predicts nothing)."""
        raise NotImplementedError

    @classmethod
    def restore_head(cls, state: Dict[str, Any]) -> Any:
        """The head from its stored arrays (`ngram_range` already a list of ints)."""
        raise NotImplementedError

    @classmethod
    def output(cls, verdict: Any) -> Dict[str, Any]:
        """The block added to `complaint_triage` for one message's verdict."""
        raise NotImplementedError
