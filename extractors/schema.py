"""The fact schema, defined once: extractors build these, the CLI, store and review files read them.

Every field of FACTS.md is a typed field here; `fact.schema.json` beside this module
is exported from these classes by `python -m extractors.schema`.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

__all__ = ["Fact", "Official", "Document", "Count", "Percentage", "FACT_TYPES", "fact_from_dict", "json_schema"]

SCHEMA_PATH = Path(__file__).with_name("fact.schema.json")


@dataclass(kw_only=True, slots=True)
class Fact:
    """What every fact carries besides its own fields: where it came from and how sure we are."""

    TYPE: ClassVar[str] = ""

    start: int = field(metadata={"doc": "character offset of the evidence in the cleaned text"})
    end: int = field(metadata={"doc": "end offset (exclusive) of the evidence"})
    sentence: str = field(default="", metadata={"doc": "the sentence the evidence stands in"})
    extractor: str = field(default="", metadata={"doc": "name@version of the extractor"})
    confidence: float = field(default=0.5, metadata={"doc": "0 to 1"})
    article_id: str | None = field(default=None, metadata={"doc": "the article the fact was read from"})

    def as_dict(self) -> dict[str, Any]:
        """The fact as a JSON-ready dict: type first, then its own fields, then its evidence."""
        own = [f.name for f in dataclasses.fields(self) if f.name not in _EVIDENCE]
        return {"type": self.TYPE, **{n: getattr(self, n) for n in own}, **{n: getattr(self, n) for n in _EVIDENCE}}

    def fields(self) -> dict[str, Any]:
        """The fact's own FACTS.md fields, without evidence: what makes two mentions one fact."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name not in _EVIDENCE}


_EVIDENCE = tuple(f.name for f in dataclasses.fields(Fact))


@dataclass(kw_only=True, slots=True)
class Official(Fact):
    """A person holding a title."""

    TYPE: ClassVar[str] = "official"

    person: str = field(metadata={"doc": "full name as written, without honorific"})
    title: str = field(metadata={"doc": "position in full words, abbreviations expanded"})
    organization: str | None = field(default=None, metadata={"doc": "the body the title belongs to, as written"})
    honorific: str | None = field(default=None, metadata={"doc": "ông, bà or đồng chí if written"})


@dataclass(kw_only=True, slots=True)
class Document(Fact):
    """A resolution, decision, directive or other numbered document."""

    TYPE: ClassVar[str] = "document"

    code: str | None = field(default=None, metadata={"doc": "number and sign, normalised (04-NQ/TU)"})
    number: str | None = field(default=None, metadata={"doc": "the number part as written"})
    doc_type: str = field(metadata={"doc": "full type name (Nghị quyết, Quyết định, ...)"})
    issuer: str | None = field(default=None, metadata={"doc": "issuer abbreviation or body, as written"})
    date: str | None = field(default=None, metadata={"doc": "issue date, ISO YYYY-MM-DD"})
    term: str | None = field(default=None, metadata={"doc": "congress term (khóa), roman"})
    plenum: str | None = field(default=None, metadata={"doc": "plenum number for Nghị quyết Trung ương N"})
    title: str | None = field(default=None, metadata={"doc": "the quoted or 'về ...' subject"})


@dataclass(kw_only=True, slots=True)
class Count(Fact):
    """How many party members or party organizations."""

    TYPE: ClassVar[str] = "count"

    value: int = field(metadata={"doc": "the integer, Vietnamese separators read"})
    unit: str = field(metadata={"doc": "the counted noun as written"})
    category: str = field(metadata={"doc": "members or organizations", "enum": ["members", "organizations"]})
    subject: str | None = field(default=None, metadata={"doc": "the party body counted"})
    change: str = field(
        default="total",
        metadata={"enum": ["total", "admitted", "increase", "decrease", "established", "dissolved"]},
    )
    as_of: str | None = field(default=None, metadata={"doc": "date or period (2020-06, 2016/2019-06-30)"})
    out_of: int | None = field(default=None, metadata={"doc": "the whole or target of x/y"})


@dataclass(kw_only=True, slots=True)
class Percentage(Fact):
    """A percentage and what it measures."""

    TYPE: ClassVar[str] = "percentage"

    value: float = field(metadata={"doc": "the number, decimal comma read"})
    subject: str | None = field(default=None, metadata={"doc": "what is measured, as written"})
    target: float | None = field(default=None, metadata={"doc": "the goal, from 83,2%/50% or vượt chỉ tiêu 90%"})
    as_of: str | None = field(default=None, metadata={"doc": "date or period"})


FACT_TYPES: dict[str, type[Fact]] = {cls.TYPE: cls for cls in (Official, Document, Count, Percentage)}


def fact_from_dict(data: dict[str, Any]) -> Fact:
    """Build a fact from its dict form; unknown types and fields raise ValueError naming them."""
    kind = data.get("type")
    if kind not in FACT_TYPES:
        raise ValueError(f"unknown fact type {kind!r}; expected one of {sorted(FACT_TYPES)}")
    cls = FACT_TYPES[kind]
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = set(data) - names - {"type"}
    if unknown:
        raise ValueError(f"unknown field(s) for a {kind} fact: {sorted(unknown)}")
    try:
        return cls(**{k: v for k, v in data.items() if k != "type"})
    except TypeError as exc:
        raise ValueError(f"bad {kind} fact: {exc}") from None


_JSON_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean", type(None): "null"}


def _json_type(hint: Any) -> list[str] | str:
    """The JSON Schema type of a field's type hint."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return [_JSON_TYPES[a] for a in typing.get_args(hint)]
    return _JSON_TYPES[hint]


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of a fact, one branch per type."""
    branches = []
    for kind, cls in FACT_TYPES.items():
        hints = typing.get_type_hints(cls)
        props: dict[str, Any] = {"type": {"const": kind}}
        required = ["type"]
        for f in dataclasses.fields(cls):
            prop: dict[str, Any] = {"type": _json_type(hints[f.name])}
            if "enum" in f.metadata:
                prop["enum"] = f.metadata["enum"]
            if "doc" in f.metadata:
                prop["description"] = f.metadata["doc"]
            props[f.name] = prop
            if f.default is dataclasses.MISSING:
                required.append(f.name)
        branches.append(
            {
                "title": kind,
                "description": cls.__doc__,
                "type": "object",
                "properties": props,
                "required": required,
                "additionalProperties": False,
            }
        )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://vnfacts.example/fact.schema.json",
        "title": "vnfacts fact",
        "oneOf": branches,
    }


def render_json_schema() -> str:
    """The exported schema file's exact text."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.write_text(render_json_schema(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")
