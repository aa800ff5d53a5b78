"""The `vnfacts` command line: one click group, one function per command.

Library errors become `click.ClickException` here and nowhere else.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from .. import settings
from ..errors import VnfactsError
from ..settings import DB_HELP
from .common import database_error

__all__ = ["main"]


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage does.")
def main(verbose: bool) -> None:
    """Extract facts about Vietnam's provincial party organisations from news pages."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


def _records(files: list[Path], workers: int) -> Iterator[dict[str, Any]]:
    """Records in input order, from this process or a pool of `workers` processes."""
    from ..article import process_file

    if workers <= 1:
        yield from map(process_file, files)
        return
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        yield from pool.imap(process_file, files, chunksize=4)


def _stored(records: Iterator[dict[str, Any]], db: str | None, command: str, batch: int = 1) -> Iterator[tuple[dict[str, Any], int | None]]:
    """Store each record in database `db` (`batch` articles a transaction), then pass it on with the facts written."""
    from sqlalchemy.exc import SQLAlchemyError

    from ..store import load_records, open_store

    try:
        yield from load_records(open_store(db, create=True), records, command, batch)
    except (VnfactsError, SQLAlchemyError) as exc:
        raise database_error(db, exc) from None


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), help="JSON Lines file to write (default: standard output, unless --db).")
@click.option("--workers", "-w", type=click.IntRange(min=1), default=settings.EXTRACT_WORKERS, show_default=True, help="Processes to extract with.")
@click.option("--db", help="Also store each record in this database as it is extracted. " + DB_HELP)
def extract(paths: tuple[Path, ...], out: Path | None, workers: int, db: str | None) -> None:
    """Extract one JSON record of facts per article file; a directory means every .html, .htm and .txt below it.

    With --db each record is stored as soon as it is extracted, in addition to --out, or
    instead of standard output when --out is not given.

    Example:

        vnfacts extract corpus --out out/records.jsonl --workers 2
        vnfacts extract corpus --db data/vnfacts.db
    """
    from ..article import input_files

    files = input_files(paths)
    if not files:
        raise click.ClickException(f"no .html, .htm or .txt files in {', '.join(map(str, paths))}")
    _refuse_clashes(files, out)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
    stream = out.open("w", encoding="utf-8") if out else None if db else sys.stdout
    by_type: Counter[str] = Counter()
    failed = []
    records = _records(files, workers)
    if db:
        records = (record for record, _ in _stored(records, db, f"vnfacts extract {' '.join(map(str, paths))}"))
    try:
        progress = tqdm(records, total=len(files), unit="article", disable=None, file=sys.stderr)
        for record in progress:
            if stream:
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            if "error" in record:
                failed.append(f"{record['source']}: {record['error']}")
            by_type.update(f["type"] for f in record["facts"])
    finally:
        if out:
            stream.close()
    for line in failed:
        click.echo(f"error: {line}", err=True)
    facts = ", ".join(f"{n} {t}" for t, n in sorted(by_type.items())) or "none"
    click.echo(f"{len(files) - len(failed)} of {len(files)} articles extracted; facts: {facts}", err=True)
    if out:
        click.echo(f"records written to {out}", err=True)
    if db:
        click.echo(f"records stored in {db}", err=True)
    if len(failed) == len(files):
        sys.exit(1)


def _refuse_clashes(files: list[Path], out: Path | None) -> None:
    """Refuse a batch in which two files would be one article (same file stem) or --out would overwrite an input."""
    if out is not None and any(out.resolve() == f.resolve() for f in files):
        raise click.ClickException(f"--out {out} is one of the input files; writing the records there would destroy it")
    first: dict[str, Path] = {}
    for path in files:
        other = first.setdefault(path.stem, path)
        if other != path:
            raise click.ClickException(f"{other} and {path} would both be article {path.stem!r} (an article's id is its file name without the suffix); rename one")


@main.command()
@click.argument("gold_dir", required=False, type=click.Path(path_type=Path))
@click.argument("predictions", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--misses", is_flag=True, help="Also list missed, spurious and wrong-field facts.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--from-reviews", is_flag=True, help="Score against the reviewed facts in the database; the one argument, if any, is a records file to score.")
@click.option("--db", help="With --from-reviews: " + DB_HELP)
def evaluate(gold_dir: Path | None, predictions: Path | None, misses: bool, as_json: bool, from_reviews: bool, db: str | None) -> None:
    """Score extracted records against gold files: precision, recall and F1 per type, and secondary fields.

    Example:

        vnfacts evaluate annotations/gold out/records.jsonl --misses
        vnfacts evaluate --from-reviews --db data/vnfacts.db
        vnfacts evaluate --from-reviews out/records.jsonl --db data/vnfacts.db
    """
    from ..evaluate import evaluate as score
    from ..evaluate import format_misses, format_report, load_gold, load_predictions

    if from_reviews:
        return evaluate_reviews(gold_dir, db, misses, as_json)
    if gold_dir is None or predictions is None:
        raise click.UsageError("give GOLD_DIR and PREDICTIONS, or --from-reviews")

    try:
        report = score(load_gold(gold_dir), load_predictions(predictions))
    except VnfactsError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2))
        return
    if misses:
        click.echo(format_misses(report) + "\n")
    click.echo(format_report(report))


@main.command()
@click.argument("records", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--db", help=DB_HELP)
def load(records: tuple[Path, ...], db: str | None) -> None:
    """Store JSON Lines records in the fact database; an article and its facts are never split between transactions.

    Loading the same records again changes nothing; a record extracted anew replaces the
    article's unreviewed facts and never a reviewed one; a load killed mid-way and run
    again ends as if it had not been killed.

    Example:

        vnfacts load out/records.jsonl --db data/vnfacts.db
        vnfacts load out/records.jsonl --db postgresql://vnfacts@dbhost/vnfacts
    """
    from ..records import read_records

    for path in records:
        total = _check_records(path)
        changed = written = 0
        stream = tqdm((record for _, record in read_records(path)), total=total, unit="article", desc=path.name, disable=None, file=sys.stderr)
        for _, count in _stored(stream, db, f"vnfacts load {path}", batch=settings.STORE_LOAD_BATCH):
            changed += count is not None
            written += count or 0
        click.echo(f"{path}: {total} records, {changed} articles changed, {written} facts written to {db or settings.STORE_DB}", err=True)


def _check_records(path: Path) -> int:
    """The number of records in a records file, after checking them all: a bad or repeated record refuses the file, naming its lines."""
    from ..records import read_records, record_problems

    seen: dict[str, int] = {}
    problems: list[str] = []
    try:
        for lineno, record in read_records(path):
            problems += [f"{path}:{lineno}: article {record['article_id']}: {problem}" for problem in record_problems(record)]
            first = seen.setdefault(str(record["article_id"]), lineno)
            if first != lineno:
                problems.append(f"{path}:{lineno}: article id {record['article_id']!r} repeats line {first}; ids must be unique")
    except VnfactsError as exc:
        raise click.ClickException(str(exc)) from None
    if problems:
        more = f" (and {len(problems) - 5} more problems)" if len(problems) > 5 else ""
        raise click.ClickException("nothing loaded:\n" + "\n".join(problems[:5]) + more)
    return len(seen)


@main.command()
@click.argument("query", required=False)
@click.option("--type", "kind", help="official, document, count, percentage, or article (articles only).")
@click.option("--province", help="Province as written or without marks (Thai Nguyen).")
@click.option("--person", help="An official's name, or part of it, with or without marks; merged spellings count.")
@click.option("--code", help="A document code (04-NQ/TU, any case); spaces and look-alike letters are normalised.")
@click.option("--since", help="Published on or after: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--until", help="Published on or before: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--limit", type=click.IntRange(min=0, max=2**63 - 1), help=f"Hits to show; 0 for all (default: {settings.SEARCH_LIMIT} on the terminal, all with --out).")
@click.option("--copies", is_flag=True, help="Show every site's copy of a republished story (by default a story counts once).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "parquet"]), help="Default: by the suffix of --out (.csv, .json, .jsonl, .parquet, .txt), else table.")
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write the hits to this file (needed for parquet).")
@click.option("--wide", is_flag=True, help="Table: one line per hit, every cell whole (for a pager: | less -S).")
@click.option("--db", help=DB_HELP)
def search(
    query: str | None,
    kind: str | None,
    province: str | None,
    person: str | None,
    code: str | None,
    since: str | None,
    until: str | None,
    limit: int | None,
    copies: bool,
    fmt: str | None,
    out: Path | None,
    wide: bool,
    db: str | None,
) -> None:
    """Search facts and articles, best match first; each hit comes with its sentence and source URL.

    QUERY: words (all must appear), "a phrase", a OR b, -excluded, prefix*. Marks are
    optional: dang vien finds đảng viên; a query typed with marks ranks exact matches first.
    A field equal to the query, then the query's words side by side, rank first; a name
    ranks the officials of that name first. The table fits the terminal ($COLUMNS) and gives
    each hit's URL whole on the line below it.

    \b
    Example:
        vnfacts search "bi thu tinh uy" --province "Thai Nguyen" --since 2018
        vnfacts search --type document --code 04-nq/tu --out hits.csv
        vnfacts search --person "Bùi Hoàng Mai" --format json
        vnfacts search "dang vien" --wide | less -S
    """
    import shutil

    from sqlalchemy.exc import SQLAlchemyError

    from ..store import open_store
    from ..store.export import format_for, write_hits
    from ..store.search import HIT_COLUMNS
    from ..store.search import search as run_search

    shown = None if limit == 0 or (limit is None and out) else limit or settings.SEARCH_LIMIT
    try:
        fmt = format_for(out, fmt)
        engine = open_store(db)
        hits = run_search(engine, query, kind=kind, province=province, person=person, code=code, since=since, until=until, limit=shown, copies=copies)
        width = shutil.get_terminal_size().columns
        if out:
            out.parent.mkdir(parents=True, exist_ok=True)
            with out.open("w", encoding="utf-8", newline="") as stream:
                write_hits(hits.rows, HIT_COLUMNS, fmt, stream, out, width, wide=True)
        elif hits.rows:
            write_hits(hits.rows, HIT_COLUMNS, fmt, sys.stdout, None, width, wide)
    except (VnfactsError, SQLAlchemyError) as exc:
        raise database_error(db, exc) from None
    except OSError as exc:
        raise click.ClickException(f"{out}: cannot write the hits: {exc.strerror or exc}") from None
    found = f"{len(hits.rows)} of {hits.total}{'+' if hits.more else ''} hits" if hits.rows else "no hits"
    click.echo(found + (f" written to {out}" if out else ""), err=True)


@main.command()
@click.option("--db", help=f"The SQLite database file to browse (default {settings.STORE_DB}).")
@click.option("--host", default=settings.BROWSE_HOST, show_default=True)
@click.option("--port", type=int, default=settings.BROWSE_PORT, show_default=True)
def browse(db: str | None, host: str, port: int) -> None:
    """Browse the fact database in Datasette: folded full-text search, the officials directory, the documents registry.

    Needs the optional extra: pip install 'vnfacts[browse]'. SQLite databases only.

    \b
    Example:
        vnfacts browse --db data/vnfacts.db --port 8001
    """
    from ..store import open_store
    from ..store.browse import serve

    try:
        engine = open_store(db)
        if engine.dialect.name != "sqlite":
            raise click.ClickException(f"{db}: vnfacts browse serves SQLite databases; open PostgreSQL with its own clients")
        serve(Path(engine.url.database), host, port)
    except VnfactsError as exc:
        raise click.ClickException(str(exc)) from None


from .crawl import crawl, reprocess, schedule  # noqa: E402 - the crawl commands live in their own module

for _command in (crawl, reprocess, schedule):
    main.add_command(_command)

from .review import evaluate_reviews, review  # noqa: E402 - the review commands live in their own module

main.add_command(review)

from .sources import sources  # noqa: E402 - the sources commands live in their own module

main.add_command(sources)

if __name__ == "__main__":
    main()
