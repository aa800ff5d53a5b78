"""The fact extractors: one module per fact type, each registered in `registry`.

Importing this package registers the built-in extractors, in the order listed here. The
extractors work on a segmented spaCy `Doc` and plain data: they import nothing of `pipeline`.
May import: nothing of pipeline.
"""

from . import counts, documents, officials, percentages  # noqa: F401  (registers them)
from .registry import Extractor, extract_facts, register, registered
from .schema import FACT_TYPES, Count, Document, Fact, Official, Percentage, fact_from_dict

__all__ = [
    "Extractor",
    "extract_facts",
    "register",
    "registered",
    "FACT_TYPES",
    "Fact",
    "Official",
    "Document",
    "Count",
    "Percentage",
    "fact_from_dict",
]
