import dataclasses
import re

import pytest

from extractors.schema import FACT_TYPES, SCHEMA_PATH, Count, Official, Percentage, fact_from_dict, render_json_schema


def test_schema_exported_file_is_in_sync_with_the_classes():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render_json_schema(), "run: python -m extractors.schema"


def test_schema_as_dict_round_trips():
    fact = Count(start=3, end=20, sentence="s", value=5356, unit="đảng viên", category="members", as_of="2020-06")
    data = fact.as_dict()
    assert data["type"] == "count" and list(data)[0] == "type"
    assert fact_from_dict(data) == fact


def test_schema_fields_leave_out_evidence():
    fact = Official(start=0, end=5, sentence="x", person="Lê Văn Tám", title="Bí thư")
    assert set(fact.fields()) == {"person", "title", "organization", "honorific"}


@pytest.mark.parametrize(
    "data, message",
    [
        ({"type": "rumour"}, "unknown fact type"),
        ({"type": "count", "start": 0, "end": 1, "value": 1, "unit": "x", "category": "members", "colour": 1}, "unknown field"),
        ({"type": "official", "start": 0, "end": 1}, "bad official fact"),
    ],
)
def test_schema_from_dict_rejects_bad_input(data, message):
    with pytest.raises(ValueError, match=message):
        fact_from_dict(data)


def test_schema_covers_the_four_fact_types():
    assert set(FACT_TYPES) == {"official", "document", "count", "percentage"}


def test_schema_each_fact_type_names_its_secondary_field_and_colour():
    names = {kind: {f.name for f in dataclasses.fields(cls)} for kind, cls in FACT_TYPES.items()}
    assert all(cls.SECONDARY in names[kind] for kind, cls in FACT_TYPES.items())
    colours = [cls.COLOR for cls in FACT_TYPES.values()]
    assert len(set(colours)) == len(colours) and all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in colours)


def test_schema_match_key_leaves_out_evidence_and_reads_numbers_at_two_decimals():
    a = {"type": "percentage", "value": 87.5, "subject": "a", "start": 1, "end": 2}
    b = {"type": "percentage", "value": 87.501, "subject": "b", "start": 9, "end": 12}
    assert Percentage.match_key(a, str.lower) == Percentage.match_key(b, str.lower) == ("percentage", 87.5, None)
