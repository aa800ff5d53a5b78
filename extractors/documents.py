"""Placeholder: the document extractor (being written)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from .registry import register
from .schema import Fact


@register("documents", version="0.0.0", fact_type="document")
def extract(doc: Doc) -> Iterator[Fact]:
    """Find document facts in doc."""
    return iter(())
