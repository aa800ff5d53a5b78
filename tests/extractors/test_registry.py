import pytest

import extractors
from extractors.registry import register
from pipeline.text.normalize import normalize
from pipeline.text.segment import segment

# The built-in extractors, checked in: adding or removing one is a visible diff.
EXPECTED = {"counts": "count", "documents": "document", "officials": "official", "percentages": "percentage"}


def test_registry_lists_the_built_in_extractors():
    assert {name: ex.fact_type for name, ex in extractors.registered().items()} == EXPECTED


def test_registry_refuses_a_second_registration_of_a_name():
    with pytest.raises(ValueError, match="registered twice"):
        register("officials", "9.9", "official")(lambda doc: [])


def test_registry_stamps_extractor_and_article_and_keeps_a_fact_once():
    text = normalize("Tỉnh có 5.356 đảng viên. Tỉnh có 5.356 đảng viên.").text
    facts = extractors.extract_facts(segment(text), "a1")
    counts = [f for f in facts if f.TYPE == "count"]
    assert len(counts) == 1
    assert counts[0].article_id == "a1"
    assert counts[0].extractor == extractors.registered()["counts"].label
