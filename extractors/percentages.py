"""Placeholder: the percentage extractor (being written)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from .registry import register
from .schema import Fact


@register("percentages", version="0.0.0", fact_type="percentage")
def extract(doc: Doc) -> Iterator[Fact]:
    """Find percentage facts in doc."""
    return iter(())
