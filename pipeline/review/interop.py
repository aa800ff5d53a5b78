"""Review in annotation tools: Label Studio tasks with the facts as predictions (and their labelling config), and Prodigy-style JSONL, and back.

Each task carries the review lines of its facts, so results read back into review lines
without the database: a region or span kept is an accepted fact, one deleted a rejected
fact, one drawn anew an added fact (its fields written in the region's meta text as
`field=value` lines). The lines then go through the same validation and import as a review file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from extractors.schema import FACT_TYPES

from ..errors import ReviewFileError

__all__ = ["labelling_config", "labelling_config_path", "labelstudio_tasks", "prodigy_tasks", "from_labelstudio", "from_prodigy", "is_prodigy"]


def labelling_config() -> str:
    """The Label Studio labelling config the tasks are made for: a label per fact type over the article text.

    Its names are those of the task regions (`label` over `text`); a reviewer corrects a fact's
    fields by writing `field=value` lines in the region's meta text.
    """
    labels = "\n".join(f'    <Label value="{kind}"/>' for kind in FACT_TYPES)
    return f'<View>\n  <Header value="$url"/>\n  <Labels name="label" toName="text">\n{labels}\n  </Labels>\n  <Text name="text" value="$text" granularity="symbol"/>\n</View>\n'


def labelling_config_path(tasks: Path) -> Path:
    """Where the labelling config goes beside a tasks file: `tasks.json` → `tasks.labelconfig.xml`."""
    return tasks.with_name(f"{tasks.stem}.labelconfig.xml")


def _by_article(lines: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Review lines grouped by article, in order."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for line in lines:
        grouped.setdefault(line["article_id"], []).append(line)
    return grouped


def _region(line: dict[str, Any]) -> dict[str, Any]:
    """A fact as a Label Studio labels region over the article text; its id is the fact id."""
    return {
        "id": line["fact_id"],
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
        "value": {"start": line["start"], "end": line["end"], "text": line["span"], "labels": [line["type"]]},
        "score": line.get("confidence"),
    }


def labelstudio_tasks(lines: list[dict[str, Any]], texts: dict[str, str]) -> list[dict[str, Any]]:
    """One Label Studio task per article; the machine's facts are predictions, so the reviewer's annotations stay theirs."""
    return [
        {
            "data": {"text": texts[article], "article_id": article, "url": facts[0].get("url"), "vnfacts": facts},
            "predictions": [{"model_version": ",".join(sorted({f.get("extractor") or "" for f in facts})), "result": [_region(f) for f in facts]}],
        }
        for article, facts in _by_article(lines).items()
    ]


def prodigy_tasks(lines: list[dict[str, Any]], texts: dict[str, str]) -> list[dict[str, Any]]:
    """One Prodigy-style task per fact: the article text and the fact's span to accept or reject."""
    return [
        {
            "text": texts[line["article_id"]],
            "spans": [{"start": line["start"], "end": line["end"], "label": line["type"]}],
            "meta": {"fact_id": line["fact_id"], "article_id": line["article_id"]},
            "vnfacts": line,
        }
        for line in lines
    ]


def _fields(region: dict[str, Any]) -> dict[str, Any]:
    """Field values a reviewer wrote in a region's meta text, one `field=value` a line (JSON values read as JSON)."""
    values = {}
    for text in (region.get("meta") or {}).get("text") or []:
        for part in str(text).splitlines():
            name, sep, value = part.partition("=")
            if sep:
                try:
                    values[name.strip()] = json.loads(value)
                except json.JSONDecodeError:
                    values[name.strip()] = value.strip()
    return values


def _annotator(annotation: dict[str, Any]) -> str:
    """Who made a Label Studio annotation: their e-mail when exported, else their user id."""
    who = annotation.get("completed_by")
    return str(who.get("email") or who.get("id")) if isinstance(who, dict) else f"labelstudio:{who}"


def from_labelstudio(path: Path) -> Iterator[tuple[int, Any]]:
    """(task number, review line) of each decision in a Label Studio JSON export."""
    try:
        tasks = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        yield exc.lineno, ReviewFileError(f"bad JSON: {exc.msg}")
        return
    for number, task in enumerate(tasks if isinstance(tasks, list) else [], 1):
        machine = {line["fact_id"]: line for line in task.get("data", {}).get("vnfacts", [])}
        for annotation in task.get("annotations", []):
            stamp = {"reviewer": _annotator(annotation), "reviewed_at": annotation.get("updated_at") or annotation.get("created_at")}
            kept = {r["id"]: r for r in annotation.get("result", []) if r.get("type") == "labels"}
            for fact_id, line in machine.items():
                region = kept.get(fact_id)
                corrected = _fields(region) if region else {}
                status = "rejected" if region is None else "corrected" if corrected else "accepted"
                yield number, {**line, "status": status, "corrected": corrected or None, **stamp}
            for region_id, region in kept.items():
                if region_id in machine:
                    continue
                value = region["value"]
                yield (
                    number,
                    {
                        "fact_id": None,
                        "article_id": task["data"].get("article_id"),
                        "type": (value.get("labels") or [None])[0],
                        **_fields(region),
                        "start": value.get("start"),
                        "end": value.get("end"),
                        "span": value.get("text"),
                        "status": "added",
                        **stamp,
                    },
                )


def is_prodigy(line: Any) -> bool:
    """Whether a JSON line is a Prodigy-style answered task rather than a review line."""
    return isinstance(line, dict) and "answer" in line and "spans" in line


def from_prodigy(line: dict[str, Any]) -> dict[str, Any] | None:
    """A Prodigy answer as a review line: accept → accepted, reject → rejected; None for ignore."""
    status = {"accept": "accepted", "reject": "rejected"}.get(line["answer"])
    if status is None:
        return None
    reviewer = line.get("_annotator_id") or line.get("_session_id") or "prodigy"
    stamp = line.get("_timestamp")
    when = datetime.fromtimestamp(stamp, timezone.utc).isoformat() if isinstance(stamp, (int, float)) else None
    return {**line.get("vnfacts", {}), "status": status, "reviewer": reviewer, "reviewed_at": when}
