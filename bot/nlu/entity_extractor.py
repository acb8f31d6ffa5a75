"""Rasa entity extractor for order numbers, phone numbers, amounts and dates.

The rules live in the spaCy pipeline of `bot.nlu.spacy_pipeline`; this component only runs
it on each message and turns its spans into Rasa entities, so the same rules serve the bot,
the ticket API and scripts. Nothing is learnt from training data: the component is not
trainable and has nothing to persist.
"""

from __future__ import annotations

import logging
import re
from typing import Any, Dict, List, Optional

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import ENTITY_ATTRIBUTE_CONFIDENCE_TYPE
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.nlu import spacy_pipeline
from bot.settings import Settings

logger = logging.getLogger(__name__)

# spaCy label -> Rasa entity name; TRACKING_NO and OTHER_NUMBER are deliberately absent.
ENTITY_NAMES: Dict[str, str] = {
    spacy_pipeline.ORDER_ID: "order_id",
    spacy_pipeline.PHONE: "phone",
    spacy_pipeline.MONEY: "amount",
    spacy_pipeline.DATE: "date",
}


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class ComplaintEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Adds `order_id`, `phone`, `amount` (float yuan) and `date` entities to messages."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """`order_id_pattern`: None means the project settings' pattern."""
        return {"order_id_pattern": None}

    @staticmethod
    def required_packages() -> List[str]:
        """Python packages the component needs."""
        return ["spacy", "jieba", "opencc"]

    def __init__(self, config: Dict[str, Any]) -> None:
        """Resolve the order-number pattern; the spaCy pipeline is built on first use.

        Without `order_id_pattern` in the pipeline config the project settings decide
        (`COMPLAINTS_ORDER_ID_PATTERN` or the settings file), the same pattern the form
        validation and the ticket API use. An invalid pattern fails here, at startup.
        """
        self._config = {**self.get_default_config(), **config}
        pattern: Optional[str] = self._config["order_id_pattern"]
        if pattern is None:
            pattern = Settings.load().order_id_pattern
        re.compile(pattern)
        self._order_id_pattern: str = pattern

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ComplaintEntityExtractor:
        """Create the component (see `GraphComponent.create`)."""
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        """Append the entities found in each message's text."""
        texts = [message.get(TEXT) or "" for message in messages]
        found = spacy_pipeline.extract_many(texts, self._order_id_pattern)
        for message, all_spans in zip(messages, found, strict=True):
            spans = spacy_pipeline.one_order(all_spans)  # one order per complaint
            entities = [
                {
                    ENTITY_ATTRIBUTE_TYPE: ENTITY_NAMES[span["label"]],
                    ENTITY_ATTRIBUTE_VALUE: span["value"],
                    ENTITY_ATTRIBUTE_START: span["start"],
                    ENTITY_ATTRIBUTE_END: span["end"],
                    ENTITY_ATTRIBUTE_CONFIDENCE_TYPE: span["confidence"],
                }
                for span in spans
                if span["label"] in ENTITY_NAMES
            ]
            entities = self.add_extractor_name(entities)
            message.set(ENTITIES, message.get(ENTITIES, []) + entities, add_to_output=True)
        return messages
