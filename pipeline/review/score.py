"""Reviews as gold: scoring the extractors against reviewers' decisions, agreement between reviewers, progress."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from ..evaluate import Report, evaluate
from ..store import facts
from .files import latest_decisions, verdict

__all__ = ["score_reviews", "agreement", "review_stats"]


def _effective(by_reviewer: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The decision that stands for a fact: the latest logged one of any reviewer."""
    return max(by_reviewer.values(), key=lambda e: e["id"])


def _on_reviewed_evidence(facts_: list[dict[str, Any]], places: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """The facts whose span overlaps evidence a reviewer decided on: the rest of an article is not gold yet."""
    return [f for f in facts_ if any(f["start"] < end and start < f["end"] for start, end in places)]


def score_reviews(engine: Engine, records: dict[str, list[dict[str, Any]]] | None = None) -> Report:
    """FACTS.md scores against reviewed facts: accepted, corrected and added are gold, rejected are false positives.

    Without `records` the predictions are the values each reviewed machine fact had when it was
    reviewed. With `records` (article id → facts, as a fresh extraction writes them) they are the
    current extractors' facts on the evidence reviewers decided on.
    """
    gold: dict[str, list[dict[str, Any]]] = {}
    predicted: dict[str, list[dict[str, Any]]] = {}
    places: dict[str, list[tuple[int, int]]] = {}
    with engine.connect() as conn:
        decisions = latest_decisions(conn)
    for entry in (_effective(d) for d in decisions.values()):
        article, base = entry["article_id"], {"type": entry["type"], **entry["fields"]}
        gold.setdefault(article, [])
        places.setdefault(article, []).append((entry["start"], entry["end"]))
        if entry["status"] != "added":
            predicted.setdefault(article, []).append(base)
        if entry["status"] != "rejected":
            gold[article].append({**base, **(entry["corrected"] or {})})
    if records is not None:
        predicted = {a: _on_reviewed_evidence(records.get(a, []), p) for a, p in places.items()}
    return evaluate(gold, predicted)


def agreement(engine: Engine) -> dict[str, Any]:
    """How often reviewers who decided on the same fact said the same thing, and which facts they disagree on."""
    with engine.connect() as conn:
        decisions = latest_decisions(conn)
    shared = {f: d for f, d in decisions.items() if len(d) > 1}
    conflicts = sorted(f for f, d in shared.items() if len({verdict(e) for e in d.values()}) > 1)
    return {
        "shared": len(shared),
        "agreed": len(shared) - len(conflicts),
        "rate": round((len(shared) - len(conflicts)) / len(shared), 4) if shared else None,
        "conflicts": [{"fact_id": f, **{r: e["status"] for r, e in sorted(shared[f].items())}} for f in conflicts],
    }


def review_stats(engine: Engine) -> dict[str, Any]:
    """Progress of the review: facts by status and by type, decisions by reviewer, conflicts."""
    with engine.connect() as conn:
        by_status = dict(conn.execute(select(facts.c.review_status, func.count()).group_by(facts.c.review_status)).all())
        by_type: dict[str, Counter[str]] = {}
        for kind, status, n in conn.execute(select(facts.c.type, facts.c.review_status, func.count()).group_by(facts.c.type, facts.c.review_status)):
            by_type.setdefault(kind, Counter())["pending" if status == "pending" else "reviewed"] += n
        decisions = latest_decisions(conn)
    by_reviewer = Counter(r for d in decisions.values() for r in d)
    return {
        "facts": sum(by_status.values()),
        "reviewed": sum(n for s, n in by_status.items() if s != "pending"),
        "by_status": dict(sorted(by_status.items())),
        "by_type": {k: dict(v) for k, v in sorted(by_type.items())},
        "by_reviewer": dict(sorted(by_reviewer.items())),
        "agreement": agreement(engine),
    }
