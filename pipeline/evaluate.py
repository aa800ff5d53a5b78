"""Score extracted facts against gold files exactly as FACTS.md says.

A fact stated twice in one article is one fact. Facts match on their type's key after
normalisation and lower case; on a matched pair one more field is checked. Precision,
recall and F1 are counted per type and over all types (micro).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.schema import FACT_TYPES
from extractors.schema import Fact as FactClass

from .errors import GoldFileError
from .records import read_records
from .text.normalize import fold

__all__ = ["Score", "Report", "load_gold", "load_predictions", "evaluate", "format_report", "fact_key", "matches", "secondary_right"]

Fact = Mapping[str, Any]


def _text(value: Any) -> str:
    """A field value as the comparison text FACTS.md uses."""
    return "" if value is None else fold(str(value))


def fact_key(fact: Fact) -> tuple:
    """The key a fact is matched on, as its type's class defines it (see extractors/schema.py)."""
    return _fact_class(fact).match_key(fact, _text)


def _fact_class(fact: Fact) -> type[FactClass]:
    """The schema class of a fact in dict form."""
    kind = fact["type"]
    if kind not in FACT_TYPES:
        raise ValueError(f"unknown fact type {kind!r}")
    return FACT_TYPES[kind]


def matches(gold: Fact, pred: Fact) -> bool:
    """Whether a predicted fact matches a gold fact of the same type (officials: see `Official.matches`)."""
    return _fact_class(gold).matches(gold, pred, _text)


def secondary_right(gold: Fact, pred: Fact) -> bool:
    """The one more field checked on a matched pair: equal, or (where the type allows) one containing the other."""
    cls = _fact_class(gold)
    g, p = _text(gold.get(cls.SECONDARY)), _text(pred.get(cls.SECONDARY))
    if g == p:
        return True
    return cls.SECONDARY_CONTAINED and bool(g) and bool(p) and (g in p or p in g)


def dedupe(facts: Iterable[Fact]) -> list[Fact]:
    """One fact per key: a fact stated twice in an article counts once."""
    seen: dict[tuple, Fact] = {}
    for fact in facts:
        seen.setdefault(fact_key(fact), fact)
    return list(seen.values())


@dataclass(slots=True)
class Score:
    """Counts for one fact type (or all): true positives, gold and predicted totals, secondary checks."""

    tp: int = 0
    gold: int = 0
    pred: int = 0
    secondary_right: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def secondary(self) -> float:
        return self.secondary_right / self.tp if self.tp else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.gold += other.gold
        self.pred += other.pred
        self.secondary_right += other.secondary_right

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "gold": self.gold,
            "pred": self.pred,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "secondary": round(self.secondary, 4),
        }


@dataclass(slots=True)
class Report:
    """Scores per type and overall, and the misses: gold facts not found, predicted facts not in gold."""

    by_type: dict[str, Score] = field(default_factory=lambda: {t: Score() for t in FACT_TYPES})
    missed: list[tuple[str, Fact]] = field(default_factory=list)
    spurious: list[tuple[str, Fact]] = field(default_factory=list)
    wrong_field: list[tuple[str, Fact, Fact]] = field(default_factory=list)

    @property
    def overall(self) -> Score:
        total = Score()
        for score in self.by_type.values():
            total.add(score)
        return total

    def as_dict(self) -> dict[str, Any]:
        return {"overall": self.overall.as_dict(), **{t: s.as_dict() for t, s in self.by_type.items()}}


def _score_article(article_id: str, gold: list[Fact], pred: list[Fact], report: Report) -> None:
    """Match one article's facts type by type, one gold fact to at most one predicted fact."""
    for kind, score in report.by_type.items():
        g_facts = dedupe(f for f in gold if f["type"] == kind)
        p_facts = dedupe(f for f in pred if f["type"] == kind)
        score.gold += len(g_facts)
        score.pred += len(p_facts)
        unmatched = list(p_facts)
        for g in g_facts:
            hit = next((p for p in unmatched if matches(g, p)), None)
            if hit is None:
                report.missed.append((article_id, g))
                continue
            unmatched.remove(hit)
            score.tp += 1
            if secondary_right(g, hit):
                score.secondary_right += 1
            else:
                report.wrong_field.append((article_id, g, hit))
        report.spurious.extend((article_id, p) for p in unmatched)


def evaluate(gold: Mapping[str, list[Fact]], predictions: Mapping[str, list[Fact]]) -> Report:
    """Score predictions for the articles that have gold; predictions for other articles are ignored."""
    report = Report()
    for article_id, gold_facts in sorted(gold.items()):
        _score_article(article_id, gold_facts, predictions.get(article_id, []), report)
    return report


def _check_facts(facts: Any, where: str) -> list[Fact]:
    """The facts list of a gold file or record, each with a known type."""
    if not isinstance(facts, list):
        raise GoldFileError(f"{where}: 'facts' must be a list")
    for i, fact in enumerate(facts):
        if not isinstance(fact, dict) or fact.get("type") not in FACT_TYPES:
            raise GoldFileError(f"{where}: fact {i} has no known type (expected one of {sorted(FACT_TYPES)})")
    return facts


def load_gold(directory: Path) -> dict[str, list[Fact]]:
    """Every `*.gold.json` in `directory`, by article id."""
    if not directory.is_dir():
        raise GoldFileError(f"{directory}: not a directory of gold files")
    gold = {}
    for path in sorted(directory.glob("*.gold.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise GoldFileError(f"{path}: cannot read: {exc}") from None
        except json.JSONDecodeError as exc:
            raise GoldFileError(f"{path}:{exc.lineno}: bad JSON: {exc.msg}") from None
        article_id = data.get("id") or path.name.removesuffix(".gold.json")
        gold[article_id] = _check_facts(data.get("facts"), str(path))
    if not gold:
        raise GoldFileError(f"{directory}: no *.gold.json files")
    return gold


def load_predictions(path: Path) -> dict[str, list[Fact]]:
    """The facts of every record in a JSON Lines file, by article id."""
    predictions: dict[str, list[Fact]] = {}
    for lineno, record in read_records(path):
        facts = _check_facts(record.get("facts", []), f"{path}:{lineno}")
        predictions.setdefault(record["article_id"], []).extend(facts)
    return predictions


def _describe(fact: Fact) -> str:
    """A fact on one line: its type and its non-evidence fields."""
    skip = {"type", "start", "end", "sentence", "extractor", "confidence", "article_id"}
    fields = ", ".join(f"{k}={v!r}" for k, v in fact.items() if k not in skip and v is not None)
    return f"{fact['type']}: {fields}"


def format_misses(report: Report) -> str:
    """The missed, spurious and wrong-field facts, one per line, grouped by article."""
    lines = []
    for title, items in (("MISSED (in gold, not extracted)", report.missed), ("SPURIOUS (extracted, not in gold)", report.spurious)):
        lines.append(f"{title}: {len(items)}")
        lines.extend(f"  [{aid}] {_describe(f)}" for aid, f in items)
    lines.append(f"WRONG {'/'.join(cls.SECONDARY for cls in FACT_TYPES.values())} on matched facts: {len(report.wrong_field)}")
    for aid, g, p in report.wrong_field:
        name = FACT_TYPES[g["type"]].SECONDARY
        lines.append(f"  [{aid}] {_describe(g)}\n      gold {name}={g.get(name)!r}  extracted {name}={p.get(name)!r}")
    return "\n".join(lines)


def format_report(report: Report) -> str:
    """The score table: P/R/F1 per type and micro overall, and the secondary-field accuracy."""
    rows = [f"{'type':<11}{'gold':>6}{'pred':>6}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}  secondary field"]
    for kind, score in [*report.by_type.items(), ("overall", report.overall)]:
        field_name = FACT_TYPES[kind].SECONDARY if kind in FACT_TYPES else "all"
        rows.append(
            f"{kind:<11}{score.gold:>6}{score.pred:>6}{score.tp:>6}"
            f"{score.precision:>8.3f}{score.recall:>8.3f}{score.f1:>8.3f}"
            f"  {field_name} {score.secondary_right}/{score.tp} = {score.secondary:.3f}"
        )
    return "\n".join(rows)
