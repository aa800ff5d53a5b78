"""Placeholder: the official extractor (being written)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from .registry import register
from .schema import Fact


@register("officials", version="0.0.0", fact_type="official")
def extract(doc: Doc) -> Iterator[Fact]:
    """Find official facts in doc."""
    return iter(())
