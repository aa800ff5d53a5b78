"""Placeholder: the count extractor (being written)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from .registry import register
from .schema import Fact


@register("counts", version="0.0.0", fact_type="count")
def extract(doc: Doc) -> Iterator[Fact]:
    """Find count facts in doc."""
    return iter(())
