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

from .errors import VnfactsError

__all__ = ["main"]


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage does.")
def main(verbose: bool) -> None:
    """Extract facts about Vietnam's provincial party organisations from news pages."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


def _records(files: list[Path], workers: int) -> Iterator[dict[str, Any]]:
    """Records in input order, from this process or a pool of `workers` processes."""
    from .article import process_file

    if workers <= 1:
        yield from map(process_file, files)
        return
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        yield from pool.imap(process_file, files, chunksize=4)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), help="JSON Lines file to write (default: standard output).")
@click.option("--workers", "-w", type=click.IntRange(min=1), default=1, show_default=True, help="Processes to extract with.")
def extract(paths: tuple[Path, ...], out: Path | None, workers: int) -> None:
    """Extract one JSON record of facts per article file; a directory means every .html, .htm and .txt below it.

    Example:

        vnfacts extract corpus --out out/records.jsonl --workers 2
    """
    from .article import input_files

    files = input_files(paths)
    if not files:
        raise click.ClickException(f"no .html, .htm or .txt files in {', '.join(map(str, paths))}")
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
    stream = out.open("w", encoding="utf-8") if out else sys.stdout
    by_type: Counter[str] = Counter()
    failed = []
    try:
        progress = tqdm(_records(files, workers), total=len(files), unit="article", disable=None, file=sys.stderr)
        for record in progress:
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
    if len(failed) == len(files):
        sys.exit(1)


@main.command()
@click.argument("gold_dir", type=click.Path(path_type=Path))
@click.argument("predictions", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--misses", is_flag=True, help="Also list missed, spurious and wrong-field facts.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(gold_dir: Path, predictions: Path, misses: bool, as_json: bool) -> None:
    """Score extracted records against gold files: precision, recall and F1 per type, and secondary fields.

    Example:

        vnfacts evaluate annotations/gold out/records.jsonl --misses
    """
    from .evaluate import evaluate as score, format_misses, format_report, load_gold, load_predictions

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


if __name__ == "__main__":
    main()
