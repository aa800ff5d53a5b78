"""The `vnfacts review` commands: export facts to review files, import the decisions, show progress, render pages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import VnfactsError
from ..settings import DB_HELP
from .common import database_error

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

__all__ = ["review", "evaluate_reviews"]

# What `review export --format` writes; `pipeline.review.files.write_lines` knows each.
FORMATS = ("jsonl", "csv", "labelstudio", "prodigy")


def _engine(db: str | None) -> Engine:
    """The store `db`, migrated: review files are written against the latest schema."""
    from ..store import open_store

    return open_store(db, create=True, existing=True)  # migrated, but never made from a mistyped --db


@click.group()
def review() -> None:
    """Review the machine's facts in annotation files: accept, reject, correct, add.

    \b
    Example:
        vnfacts review export --status pending --out annotations/review/batch1.jsonl
        vnfacts review import annotations/review/batch1.jsonl
        vnfacts review stats
    """


@review.command("export")
@click.option("--status", help="Only facts with this review status (pending, accepted, rejected, corrected, added, stale).")
@click.option("--type", "kind", help="official, document, count or percentage.")
@click.option("--province", help="Province as written or without marks (Thai Nguyen).")
@click.option("--since", help="Articles published on or after: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--sample", type=click.IntRange(min=1), help="A reproducible random sample of N facts.")
@click.option("--out", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The review file: .jsonl, or .csv for a spreadsheet.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="jsonl or csv review lines (default: by the file's suffix), Label Studio tasks (.json) or Prodigy tasks (.jsonl).",
)
@click.option("--db", help=DB_HELP)
def export_cmd(status: str | None, kind: str | None, province: str | None, since: str | None, sample: int | None, out: Path, fmt: str | None, db: str | None) -> None:
    """Write a review file, one line per fact, for a reviewer to fill in.

    A CSV of one fact type has only that type's columns. A Label Studio export writes its
    labelling config beside the tasks (tasks.json → tasks.labelconfig.xml): create the project
    with that config, import the tasks, review, export JSON, and give the export to review import.

    \b
    Example:
        vnfacts review export --status pending --type official --sample 50 --out annotations/review/batch1.jsonl
        vnfacts review export --province "Thai Nguyen" --since 2020 --out annotations/review/batch2.csv
        vnfacts review export --format labelstudio --out annotations/review/tasks.json
    """
    from sqlalchemy.exc import SQLAlchemyError

    from ..review.files import article_texts, export_lines, write_lines

    try:
        engine = _engine(db)
        lines = export_lines(engine, status, kind, province, since, sample)
        texts = article_texts(engine, (line["article_id"] for line in lines)) if fmt in ("labelstudio", "prodigy") else None
        written = write_lines(lines, out, fmt, texts)
    except (VnfactsError, SQLAlchemyError) as exc:
        raise database_error(db, exc) from None
    click.echo(f"{written} facts written to {out}", err=True)
    if fmt == "labelstudio":
        from ..review.interop import labelling_config_path

        click.echo(f"Label Studio labelling config written to {labelling_config_path(out)}", err=True)


@review.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--reviewer", help="The reviewer of the lines that name none (a spreadsheet filled in by one person).")
@click.option("--db", help=DB_HELP)
def import_cmd(files: tuple[Path, ...], reviewer: str | None, db: str | None) -> None:
    """Check every line of the review files, then log each decision and update its fact; a bad line imports nothing.

    FILES are review files (.jsonl, .csv), Label Studio exports (.json) or Prodigy answers
    (.jsonl). Importing the same file again changes nothing; two reviewers who disagree are both kept.
    A value corrected in place (status corrected, the field edited) is a correction of that field.

    \b
    Example:
        vnfacts review import annotations/review/batch1.jsonl annotations/review/batch2.csv
        vnfacts review import annotations/review/batch3.csv --reviewer lan
        vnfacts review import labelstudio-export.json prodigy-answers.jsonl
    """
    from sqlalchemy.exc import SQLAlchemyError

    from ..review.files import import_files

    try:
        counts = import_files(_engine(db), files, reviewer)
    except (VnfactsError, SQLAlchemyError) as exc:
        raise database_error(db, exc) from None
    click.echo(
        f"{counts['decisions']} decisions: {counts['imported']} imported, {counts['unchanged']} already there, {counts['conflicts']} in conflict with another reviewer",
        err=True,
    )


@review.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--db", help=DB_HELP)
def stats_cmd(as_json: bool, db: str | None) -> None:
    """Show how far the review has come: reviewed facts by status and type, decisions by reviewer, conflicts.

    \b
    Example:
        vnfacts review stats --db data/vnfacts.db
    """
    from ..review.score import review_stats

    try:
        figures = review_stats(_engine(db))
    except VnfactsError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps(figures, indent=2, ensure_ascii=False))
        return
    lines = [f"{figures['reviewed']} of {figures['facts']} facts reviewed"]
    lines += [f"  {status:<10}{n:>7}" for status, n in figures["by_status"].items()]
    lines += ["by type:"] + [f"  {k:<11}{v.get('reviewed', 0):>6} reviewed {v.get('pending', 0):>6} pending" for k, v in figures["by_type"].items()]
    lines += ["by reviewer (facts decided):"] + [f"  {r:<20}{n:>6}" for r, n in figures["by_reviewer"].items()]
    agree = figures["agreement"]
    lines.append(f"facts reviewed by two or more: {agree['shared']}, agreed on {agree['agreed']}, conflicts {len(agree['conflicts'])}")
    lines += [f"  conflict {c['fact_id']}: " + ", ".join(f"{r} {s}" for r, s in c.items() if r != "fact_id") for c in agree["conflicts"]]
    click.echo("\n".join(lines))


@review.command("html")
@click.argument("batch", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", "-o", required=True, type=click.Path(file_okay=False, path_type=Path), help="Directory for the pages.")
@click.option("--db", help=DB_HELP)
def html_cmd(batch: Path, out: Path, db: str | None) -> None:
    """Write a static HTML page per article of a review file: its text with each fact highlighted by type, fields and status.

    \b
    Example:
        vnfacts review html annotations/review/batch1.jsonl --out out/review-pages
    """
    from ..review.html import write_pages

    try:
        pages = write_pages(_engine(db), batch, out)
    except VnfactsError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"{len(pages)} pages written to {out} (open {out / 'index.html'})", err=True)


def evaluate_reviews(records: Path | None, db: str | None, misses: bool, as_json: bool) -> None:
    """`vnfacts evaluate --from-reviews [RECORDS]`: the extractors scored against reviewed facts, and reviewer agreement."""
    from ..evaluate import format_misses, format_report, load_predictions
    from ..review.score import agreement, score_reviews

    try:
        engine = _engine(db)
        report, agree = score_reviews(engine, load_predictions(records) if records else None), agreement(engine)
    except VnfactsError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps({**report.as_dict(), "agreement": agree}, indent=2, ensure_ascii=False))
        return
    if misses:
        click.echo(format_misses(report) + "\n")
    click.echo(format_report(report))
    rate = "n/a" if agree["rate"] is None else f"{agree['rate']:.3f}"
    click.echo(f"agreement: {agree['agreed']} of {agree['shared']} facts reviewed by two or more reviewers = {rate}")
