"""Throughput of `vnfacts extract` beside underthesea's word_tokenize alone, on the same texts, in one run.

Baseline: word_tokenize over each raw article text, one core. Target: the whole
pipeline (read, clean, normalise, segment, extract) at >= 1.5x the baseline's
articles/s on one core (words are segmented only where an extractor asks for them),
and near-linear with 2 workers. Per stage: `clean_text` on a
15 KB page well under 2 ms, and each extractor well under 1 ms per 1000 characters.

    python benchmarks/extract_bench.py [--articles 500] [--workers 2]
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.article import input_files, process_file  # noqa: E402

TARGET = 1.5  # `vnfacts extract` on one process, in multiples of word_tokenize's articles/s


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory in MiB (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(who).ru_maxrss / 1024


def _warm(_: object = None) -> None:
    """Load underthesea's models before timing, in this process or a worker."""
    from underthesea import word_tokenize

    word_tokenize("khởi động mô hình")
    process_file(input_files([ROOT / "corpus"])[0])


def _report(name: str, articles: int, chars: int, seconds: float, baseline: float | None) -> None:
    """One line of figures, with the ratio to the baseline's articles/s."""
    rate = articles / seconds
    ratio = f"  {rate / baseline:5.2f}x baseline" if baseline else ""
    print(f"{name:<34}{articles:>6} articles {seconds:7.2f} s {rate:8.1f} articles/s {chars / seconds / 1000:8.1f} kchar/s{ratio}")


def _best(function: Callable[[], object], rounds: int) -> float:
    """The fastest of `rounds` timed calls, in seconds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def _stage_figures() -> None:
    """Cleaning a 15 KB page and each extractor's cost per 1000 characters, best of several rounds."""
    from extractors import registered
    from pipeline.clean import clean_text
    from pipeline.text.normalize import normalize
    from pipeline.text.segment import segment

    raw = (ROOT / "corpus" / "002_248af50c5ac81042.txt").read_text(encoding="utf-8")
    clean_text(raw)
    best = _best(lambda: clean_text(raw), 20)
    print(f"clean_text, {len(raw.encode('utf-8')) / 1000:.1f} kB page: {best * 1000:.2f} ms (target < 2 ms: {'met' if best < 0.002 else 'NOT met'})")
    doc = segment(normalize(raw).text)
    for extractor in registered().values():
        per_thousand = _best(lambda func=extractor.func: list(func(doc)), 5) / len(doc.text) * 1000
        print(f"{extractor.name} extractor: {per_thousand * 1000:.3f} ms per 1000 characters (target < 1 ms: {'met' if per_thousand < 0.001 else 'NOT met'})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    seeds = sorted((ROOT / "corpus").glob("*.txt"))
    files = [seeds[i % len(seeds)] for i in range(args.articles)]
    texts = [p.read_text(encoding="utf-8") for p in files]
    chars = sum(map(len, texts))
    print(f"{len(files)} articles ({len(seeds)} seed texts repeated), {chars} characters")

    from underthesea import word_tokenize

    _warm()
    start = time.perf_counter()
    for text in texts:
        word_tokenize(text)
    base_s = time.perf_counter() - start
    baseline = len(texts) / base_s
    _report("baseline: word_tokenize alone", len(texts), chars, base_s, None)

    start = time.perf_counter()
    facts = sum(len(process_file(p)["facts"]) for p in files)
    one_s = time.perf_counter() - start
    _report("vnfacts extract, 1 process", len(files), chars, one_s, baseline)
    print(f"  facts: {facts}   peak memory: {_peak_mb():.0f} MiB")

    with multiprocessing.get_context("spawn").Pool(args.workers) as pool:
        pool.map(_warm, range(args.workers))
        start = time.perf_counter()
        pool_facts = sum(len(r["facts"]) for r in pool.imap(process_file, files, chunksize=8))
        many_s = time.perf_counter() - start
    _report(f"vnfacts extract, {args.workers} workers", len(files), chars, many_s, baseline)
    print(f"  facts: {pool_facts}   speed-up over 1 process: {one_s / many_s:.2f}x   worker peak memory: {_peak_mb(resource.RUSAGE_CHILDREN):.0f} MiB")
    print(f"target 1 process >= {TARGET:.2f}x baseline: {'met' if len(files) / one_s >= TARGET * baseline else 'NOT met'}")
    _stage_figures()


if __name__ == "__main__":
    main()
