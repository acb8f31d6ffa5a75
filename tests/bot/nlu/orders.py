"""What the order-number tests ask of the pipeline: the order a message would file."""

from typing import Optional

from bot.nlu.spacy_pipeline import extract, primary_order


def primary(text: str) -> Optional[str]:
    """The value of the message's surest order number, or None when it names none."""
    found = primary_order(extract(text))
    return found["value"] if found else None
