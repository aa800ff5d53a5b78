"""The fact schema, defined once: extractors build these, the CLI, store and review files read them.

Every field of FACTS.md is a typed field here; `fact.schema.json` beside this module
is exported from these classes by `python -m extractors.schema`. What differs by type
beyond the fields lives on the class too: the key gold and predicted facts are matched on,
the one more field checked on a matched pair (`SECONDARY`) and the colour reviewers see
the type in (`COLOR`), so a new fact type is its extractor, its class here and its lexicons.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

__all__ = ["Fact", "Official", "Document", "Count", "Percentage", "FACT_TYPES", "fact_from_dict", "json_schema"]

SCHEMA_PATH = Path(__file__).with_name("fact.schema.json")


@dataclass(kw_only=True, slots=True)
class Fact:
    """What every fact carries besides its own fields: where it came from and how sure we are."""

    TYPE: ClassVar[str] = ""
    SECONDARY: ClassVar[str] = ""  # the field checked on a matched pair (FACTS.md scoring)
    SECONDARY_CONTAINED: ClassVar[bool] = True  # whether one value containing the other is right enough
    COLOR: ClassVar[str] = "#dddddd"  # background of the type's highlights on review pages

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

    @classmethod
    def match_key(cls, fact: Mapping[str, Any], text: Callable[[Any], str]) -> tuple:
        """The key a fact in dict form is matched on in scoring; `text` gives a text field's comparison form."""
        raise NotImplementedError(cls.__name__)

    @classmethod
    def matches(cls, gold: Mapping[str, Any], pred: Mapping[str, Any], text: Callable[[Any], str]) -> bool:
        """Whether a predicted fact of this type matches a gold one: by default their keys are equal."""
        return cls.match_key(gold, text) == cls.match_key(pred, text)


def _two_decimals(value: Any) -> float | None:
    """A numeric field compared at two decimals, so 87.5 and 87.50 agree."""
    return None if value is None else round(float(value), 2)


def _word_prefix(short: str, long: str) -> bool:
    """Whether `short` is a whole-word prefix of `long`."""
    return long == short or long.startswith(short + " ")


_EVIDENCE = tuple(f.name for f in dataclasses.fields(Fact))


@dataclass(kw_only=True, slots=True)
class Official(Fact):
    """A person holding a title."""

    TYPE: ClassVar[str] = "official"
    SECONDARY: ClassVar[str] = "organization"
    COLOR: ClassVar[str] = "#7aecec"

    person: str = field(metadata={"doc": "full name as written, without honorific"})
    title: str = field(metadata={"doc": "position in full words, abbreviations expanded"})
    organization: str | None = field(default=None, metadata={"doc": "the body the title belongs to, as written"})
    honorific: str | None = field(default=None, metadata={"doc": "ông, bà or đồng chí if written"})

    @classmethod
    def match_key(cls, fact: Mapping[str, Any], text: Callable[[Any], str]) -> tuple:
        """Person and title; `matches` refines the title."""
        return (cls.TYPE, text(fact.get("person")), text(fact.get("title")))

    @classmethod
    def matches(cls, gold: Mapping[str, Any], pred: Mapping[str, Any], text: Callable[[Any], str]) -> bool:
        """Same person and title, or one title a word-prefix of the other whose rest is in the shorter's organization."""
        if text(gold.get("person")) != text(pred.get("person")):
            return False
        g_title, p_title = text(gold.get("title")), text(pred.get("title"))
        if g_title == p_title:
            return True
        for short, long, short_fact in ((g_title, p_title, gold), (p_title, g_title, pred)):
            if short and _word_prefix(short, long):
                rest = long[len(short) :].strip()
                return rest in text(short_fact.get("organization"))
        return False


@dataclass(kw_only=True, slots=True)
class Document(Fact):
    """A resolution, decision, directive or other numbered document."""

    TYPE: ClassVar[str] = "document"
    SECONDARY: ClassVar[str] = "date"
    SECONDARY_CONTAINED: ClassVar[bool] = False
    COLOR: ClassVar[str] = "#feca74"

    code: str | None = field(default=None, metadata={"doc": "number and sign, normalised (04-NQ/TU)"})
    number: str | None = field(default=None, metadata={"doc": "the number part as written"})
    doc_type: str = field(metadata={"doc": "full type name (Nghị quyết, Quyết định, ...)"})
    issuer: str | None = field(default=None, metadata={"doc": "issuer abbreviation or body, as written"})
    date: str | None = field(default=None, metadata={"doc": "issue date, ISO YYYY-MM-DD"})
    term: str | None = field(default=None, metadata={"doc": "congress term (khóa), roman"})
    plenum: str | None = field(default=None, metadata={"doc": "plenum number for Nghị quyết Trung ương N"})
    title: str | None = field(default=None, metadata={"doc": "the quoted or 'về ...' subject"})

    @classmethod
    def match_key(cls, fact: Mapping[str, Any], text: Callable[[Any], str]) -> tuple:
        """The code when there is one, else type, number (or plenum) and term."""
        if fact.get("code"):
            return (cls.TYPE, "code", text(fact["code"]))
        number = fact.get("number") or fact.get("plenum")
        return (cls.TYPE, text(fact.get("doc_type")), text(number), bool(fact.get("plenum")), text(fact.get("term")))


@dataclass(kw_only=True, slots=True)
class Count(Fact):
    """How many party members or party organizations."""

    TYPE: ClassVar[str] = "count"
    SECONDARY: ClassVar[str] = "unit"
    COLOR: ClassVar[str] = "#bfe1d9"

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

    @classmethod
    def match_key(cls, fact: Mapping[str, Any], text: Callable[[Any], str]) -> tuple:
        """The number and whether members or organizations are counted."""
        return (cls.TYPE, int(fact["value"]), fact.get("category"))


@dataclass(kw_only=True, slots=True)
class Percentage(Fact):
    """A percentage and what it measures."""

    TYPE: ClassVar[str] = "percentage"
    SECONDARY: ClassVar[str] = "subject"
    COLOR: ClassVar[str] = "#c887fb"

    value: float = field(metadata={"doc": "the number, decimal comma read"})
    subject: str | None = field(default=None, metadata={"doc": "what is measured, as written"})
    target: float | None = field(default=None, metadata={"doc": "the goal, from 83,2%/50% or vượt chỉ tiêu 90%"})
    as_of: str | None = field(default=None, metadata={"doc": "date or period"})

    @classmethod
    def match_key(cls, fact: Mapping[str, Any], text: Callable[[Any], str]) -> tuple:
        """The value and the target, at two decimals."""
        return (cls.TYPE, _two_decimals(fact["value"]), _two_decimals(fact.get("target")))


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
