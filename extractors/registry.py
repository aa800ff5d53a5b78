"""One registry of extractors, so the pipeline, the CLI and the tests see the same list."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

from .schema import Fact

__all__ = ["Extractor", "register", "registered", "extract_facts"]

ExtractFunc = Callable[[Doc], Iterable[Fact]]


@dataclass(frozen=True, slots=True)
class Extractor:
    """A named, versioned function from a segmented Doc to facts of one type."""

    name: str
    version: str
    fact_type: str
    func: ExtractFunc

    @property
    def label(self) -> str:
        """`name@version`, as stamped on every fact it makes."""
        return f"{self.name}@{self.version}"


_REGISTRY: dict[str, Extractor] = {}


def register(name: str, version: str, fact_type: str) -> Callable[[ExtractFunc], ExtractFunc]:
    """Register an extractor function under `name`; a second registration of a name is an error."""

    def decorate(func: ExtractFunc) -> ExtractFunc:
        if name in _REGISTRY:
            raise ValueError(f"extractor {name!r} is registered twice")
        _REGISTRY[name] = Extractor(name, version, fact_type, func)
        return func

    return decorate


def registered() -> dict[str, Extractor]:
    """The registered extractors by name, in registration order."""
    return dict(_REGISTRY)


def extract_facts(doc: Doc, article_id: str | None = None) -> list[Fact]:
    """Run every registered extractor over `doc`; a fact stated twice is kept once, at its first mention."""
    facts: list[Fact] = []
    seen: set[tuple] = set()
    for extractor in _REGISTRY.values():
        for fact in extractor.func(doc):
            key = (fact.TYPE, tuple(sorted(fact.fields().items(), key=lambda kv: kv[0])))
            if key in seen:
                continue
            seen.add(key)
            fact.extractor = extractor.label
            fact.article_id = article_id
            facts.append(fact)
    facts.sort(key=lambda f: (f.start, f.end, f.TYPE))
    return facts
