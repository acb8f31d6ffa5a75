"""Triage of one complaint text with the same trained model the bot runs.

The Rasa server does the NLU (`POST {rasa_url}/model/parse`): the entities `issue_category`,
`desired_remedy` and `order_id` are what fill the bot's slots, and the output property
`complaint_triage` carries the category and remedy classifiers' confidences and rankings.
Severity comes from the same rules the bot uses (`bot.triage.severity`), with the reasons
the learned head in the parse result (`complaint_triage.severity`) is sure of; emotion is
the bot's too: the lexicon combined with the learned head's verdict in the parse result
(`bot.triage.emotion.combine_emotion`). Rasa unreachable or answering badly raises
`TriageUnavailable`.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, List, Mapping, Tuple

import aiohttp

from bot.intake.remedy_answers import remedy_wished
from bot.orders.ids import normalize_order_id
from bot.settings import Settings
from bot.taxonomy import CATEGORIES, REMEDIES
from bot.triage.emotion import combine_emotion, detect_emotion, learned_emotion
from bot.triage.severity import assess_severity, learned_severity

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT_SECONDS = 10.0
# A remedy asked for in so many words ("要求补发", "请把差价补给我") is reported with this
# confidence when the classifier gives it less: it is the bot's reading, not a probability.
WORDED_REMEDY_CONFIDENCE = 0.9


class TriageUnavailable(Exception):
    """The Rasa server could not be reached or gave no usable answer."""


def _confidence(value: Any, default: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return default
    return round(float(value), 4)


def _entity(parsed: Mapping[str, Any], name: str) -> Mapping[str, Any] | None:
    """The most confident entity of this type, if any."""
    found = [
        e
        for e in parsed.get("entities") or []
        if isinstance(e, Mapping) and e.get("entity") == name and isinstance(e.get("value"), str)
    ]
    if not found:
        return None
    return max(found, key=lambda e: _confidence(e.get("confidence_entity"), 1.0))


def _classifier(parsed: Mapping[str, Any], name: str) -> Tuple[str | None, float, Dict[str, float]]:
    """Top code, its confidence and the ranking of one `complaint_triage` classifier."""
    triage = parsed.get("complaint_triage")
    block = triage.get(name) if isinstance(triage, Mapping) else None
    if not isinstance(block, Mapping):
        return None, 0.0, {}
    ranking = {
        str(r["code"]): _confidence(r.get("confidence"), 0.0)
        for r in block.get("ranking") or []
        if isinstance(r, Mapping) and r.get("code")
    }
    code = block.get("code")
    return (
        (code if isinstance(code, str) else None),
        _confidence(block.get("confidence"), 0.0),
        ranking,
    )


def _pick(
    parsed: Mapping[str, Any], name: str, entity_name: str, codes: Mapping[str, str]
) -> Tuple[str | None, float, str | None, float]:
    """(entity code, its confidence, classifier's top code, its confidence), known codes only."""
    top, top_confidence, ranking = _classifier(parsed, name)
    if top not in codes:
        top, top_confidence = None, 0.0
    entity = _entity(parsed, entity_name)
    if entity is None or entity["value"] not in codes:
        return None, 0.0, top, top_confidence
    value = str(entity["value"])
    if value == top:
        confidence = top_confidence
    elif value in ranking:
        confidence = ranking[value]
    else:
        confidence = _confidence(entity.get("confidence_entity"), 1.0)
    return value, confidence, top, top_confidence


class TriageService:
    """Classifies a complaint text: category, remedy, severity, emotion and order number."""

    def __init__(
        self,
        rasa_url: str,
        token: str = "",
        *,
        amount_threshold: float = 2000.0,
        remedy_threshold: float = 0.5,
        order_id_pattern: str = r"^[A-Za-z0-9]{6,24}$",
        timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
    ) -> None:
        self._parse_url = rasa_url.rstrip("/") + "/model/parse"
        self._token = token
        self._amount_threshold = amount_threshold
        self._remedy_threshold = remedy_threshold
        self._order_id_pattern = order_id_pattern
        self._timeout = aiohttp.ClientTimeout(total=timeout_seconds)

    @classmethod
    def from_settings(cls, settings: Settings) -> TriageService:
        """The service for the Rasa server and thresholds in `settings`."""
        return cls(
            settings.rasa_url,
            str(settings.rasa_token),
            amount_threshold=settings.large_amount_threshold,
            remedy_threshold=settings.remedy_confidence_threshold,
            order_id_pattern=settings.order_id_pattern,
        )

    async def parse(self, text: str) -> Dict[str, Any]:
        """Rasa's NLU result for `text` (`POST /model/parse`)."""
        params = {"token": self._token} if self._token else {}
        try:
            async with aiohttp.ClientSession(timeout=self._timeout) as session:
                async with session.post(
                    self._parse_url, params=params, json={"text": text}
                ) as response:
                    if response.status != 200:
                        raise TriageUnavailable(
                            f"the Rasa server answered HTTP {response.status} to /model/parse"
                        )
                    parsed = await response.json(content_type=None)
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            raise TriageUnavailable(
                f"the Rasa server is unreachable ({type(error).__name__})"
            ) from error
        except ValueError as error:
            raise TriageUnavailable("the Rasa server sent a response that is not JSON") from error
        if not isinstance(parsed, dict):
            raise TriageUnavailable("the Rasa server sent an unexpected response")
        return parsed

    async def triage(self, text: str) -> Dict[str, Any]:
        """The triage JSON of `POST /api/triage` for one complaint text."""
        return triage_from_parse(
            text,
            await self.parse(text),
            amount_threshold=self._amount_threshold,
            remedy_threshold=self._remedy_threshold,
            order_id_pattern=self._order_id_pattern,
        )


def triage_from_parse(
    text: str,
    parsed: Mapping[str, Any],
    *,
    amount_threshold: float,
    remedy_threshold: float,
    order_id_pattern: str,
) -> Dict[str, Any]:
    """The triage JSON for `text` from the model's parse of it.

    Apart from the HTTP call so that bench/triage_dev.py scores exactly what the API answers
    with a model loaded in process. The category is the bot's (entity) when it has one, else
    the classifier's top code (never null). The remedy is the entity's, else the classifier's
    code at or above the remedy threshold, else null; a remedy asked for in so many words
    beats both, as it does in the bot's form (`actions/remedy_slots.py`): the head reads
    character n-grams, and a pasted text's last clause, which it weighs most, is often an
    order field, a price or a signature. Severity has no order amount here: text rules and
    the learned head only.
    """
    category, category_confidence, top, top_confidence = _pick(
        parsed, "category", "issue_category", CATEGORIES
    )
    if category is None:
        category, category_confidence = (top, top_confidence) if top else ("other", 0.0)
    remedy, remedy_confidence, top, top_confidence = _pick(
        parsed, "remedy", "desired_remedy", REMEDIES
    )
    if remedy is None and top is not None and top_confidence >= remedy_threshold:
        remedy, remedy_confidence = top, top_confidence
    worded = remedy_wished(text)
    if worded is not None and worded != remedy:
        _, _, ranking = _classifier(parsed, "remedy")
        remedy = worded
        remedy_confidence = max(ranking.get(worded, 0.0), WORDED_REMEDY_CONFIDENCE)
    order_entity = _entity(parsed, "order_id")
    order_id = (
        normalize_order_id(
            str(order_entity["value"]), order_id_pattern, allow_letters_only=True
        )
        if order_entity is not None
        else None
    )
    texts: List[str] = [text]
    # the rules, with the reasons the learned head (`complaint_triage.severity`) is sure of
    severity = assess_severity(texts, None, amount_threshold, [learned_severity(parsed)])
    # the lexicon, lifted by the learned head (`complaint_triage.emotion`) when it is sure
    emotion = combine_emotion(detect_emotion(texts), learned_emotion(parsed), text=text)
    return {
        "issue_category": {"value": category, "confidence": category_confidence},
        "desired_remedy": {
            "value": remedy,
            "confidence": remedy_confidence if remedy is not None else 0.0,
        },
        "severity": {
            "value": severity.severity,
            "confidence": _confidence(severity.confidence, 1.0),
        },
        "severity_reasons": list(severity.reasons),
        "emotion": {
            "value": emotion.emotion,
            "confidence": _confidence(emotion.confidence, 1.0),
        },
        "order_id": {
            "value": order_id,
            "confidence": (
                _confidence(order_entity.get("confidence_entity"), 1.0)
                if order_entity is not None and order_id is not None
                else 0.0
            ),
        },
    }
