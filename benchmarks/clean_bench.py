"""Body-text extraction on the HTML pages of corpus/html: vnfacts beside trafilatura, jusText and readability-lxml.

Every page with a gold `<page>.segments.json` is decoded once (as `vnfacts extract` reads it)
and handed to each tool as the same string. The pages fall in three sets, always reported
apart: the real national-paper pages of `real/` (saved from the sites, gold made by reading
them), the built pages of the four failure kinds of `built/<kind>/` (photo stories, old desktop
layouts, related-story lists inside the article, short articles among teasers) and the older
built layout families (the other folders; the two `vnexpress_*` pages at the top are real pages
the cleaner was tuned on). The body text of a page is its lead and body segments; a tool's is
what it returns (vnfacts: its lead and body blocks). Scores are bag-of-token precision, recall
and F1, as trafilatura's own evaluation counts them: micro-averaged over a set's pages, the mean
of the pages' F1 and the worst page. Also counted: pages whose lead is kept, and gold captions
and bylines (caption leaks) and related-story links — link texts of five words or more that are
not article text — (teaser leaks) found in the body text. Speed is pages per second of CPU time
(process time: the machine is shared, wall time swings with the load) over all pages, the
best of a few rounds.

    python benchmarks/clean_bench.py [--rounds 5]

Needs the dev-only extra: pip install -e '.[bench]'.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import justext
import lxml.html
import trafilatura
from readability import Document

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.clean import clean_html  # noqa: E402
from pipeline.text.normalize import fold  # noqa: E402
from pipeline.text.read import read_document  # noqa: E402

FIXTURES = ROOT / "corpus" / "html"
BODY_LABELS = ("lead", "body")
TEASER_WORDS = 5
_TOKEN = re.compile(r"\w+")
_STOPLIST = justext.get_stoplist("Vietnamese")


@dataclass
class Fixture:
    """A page and its gold: its set, body text, lead, captions and bylines, and the related links it carries."""

    path: Path
    group: str
    html: str
    body: str
    lead: str | None
    captions: list[str]
    teasers: list[str]


@dataclass
class Tally:
    """Token counts, page scores and checks of one tool over some pages."""

    hit: int = 0
    got: int = 0
    want: int = 0
    leads: int = 0
    lead_pages: int = 0
    pages: list[tuple[float, str]] = field(default_factory=list)
    caption_leaks: list[str] = field(default_factory=list)
    teaser_leaks: list[str] = field(default_factory=list)

    def add(self, extracted: str, fixture: Fixture) -> None:
        """Count one page's tokens, its F1, its lead and what leaked into its body text."""
        got, want = Counter(tokens(extracted)), Counter(tokens(fixture.body))
        hit = sum((got & want).values())
        self.hit += hit
        self.got += sum(got.values())
        self.want += sum(want.values())
        self.pages.append((f1(hit, sum(got.values()), sum(want.values())), fixture.path.stem))
        folded = fold(extracted)
        if fixture.lead:
            self.lead_pages += 1
            self.leads += fold(fixture.lead) in folded
        self.caption_leaks += [f"{fixture.path.stem}: {text[:60]}" for text in fixture.captions if fold(text) in folded]
        self.teaser_leaks += [f"{fixture.path.stem}: {text[:60]}" for text in fixture.teasers if fold(text) in folded]

    def scores(self) -> tuple[float, float, float]:
        """Precision, recall and F1 of the counted tokens."""
        p = self.hit / self.got if self.got else 0.0
        r = self.hit / self.want if self.want else 0.0
        return p, r, f1(self.hit, self.got, self.want)

    def mean(self) -> float:
        """The mean of the pages' F1."""
        return sum(score for score, _ in self.pages) / len(self.pages) if self.pages else 0.0

    def worst(self) -> tuple[float, str]:
        """The lowest page F1 and its page."""
        return min(self.pages) if self.pages else (0.0, "-")


def f1(hit: int, got: int, want: int) -> float:
    """F1 of `hit` shared tokens out of `got` returned and `want` in the gold."""
    return 2 * hit / (got + want) if got + want else 0.0


def tokens(text: str) -> list[str]:
    """The words of a text, folded as vnfacts compares text (NFC, look-alikes, lower case)."""
    return _TOKEN.findall(fold(text))


def group_of(path: Path) -> str:
    """The set a page belongs to: `real`, `built/<kind>` or `older`."""
    parts = path.relative_to(FIXTURES).parts
    return "real" if parts[0] == "real" else f"built/{parts[1]}" if parts[0] == "built" else "older"


def load() -> list[Fixture]:
    """Every HTML page under corpus/html/ that has a gold segments file."""
    fixtures = []
    for gold_path in sorted(FIXTURES.rglob("*.segments.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        path = gold_path.with_name(gold_path.name.replace(".segments.json", ".html"))
        html, _ = read_document(path)
        segments = gold["segments"]
        body = "\n".join(s["text"] for s in segments if s["label"] in BODY_LABELS)
        lead = next((s["text"] for s in segments if s["label"] == "lead"), None)
        side = [s["text"] for s in segments if s["label"] in ("caption", "byline")]
        fixtures.append(Fixture(path, group_of(path), html, body, lead, side, related_links(html, body)))
    return fixtures


def related_links(html: str, body: str) -> list[str]:
    """Link texts of some length that are not article text: teasers of other articles."""
    folded = fold(body)
    links = (" ".join(a.text_content().split()) for a in lxml.html.fromstring(html).iter("a"))
    return sorted({text for text in links if len(text.split()) >= TEASER_WORDS and fold(text) not in folded})


def vnfacts(html: str) -> str:
    """vnfacts' lead and body blocks (site profiles on)."""
    return "\n".join(b.text for b in clean_html(html).blocks if b.label in BODY_LABELS)


def vnfacts_generic(html: str) -> str:
    """vnfacts' lead and body blocks with no site profile."""
    return "\n".join(b.text for b in clean_html(html, profiles=()).blocks if b.label in BODY_LABELS)


def run_trafilatura(html: str) -> str:
    """trafilatura's main text, comments left out."""
    return trafilatura.extract(html, include_comments=False) or ""


def run_justext(html: str) -> str:
    """jusText's non-boilerplate paragraphs with its Vietnamese stoplist."""
    return "\n".join(p.text for p in justext.justext(html, _STOPLIST) if not p.is_boilerplate)


def run_readability(html: str) -> str:
    """readability-lxml's article summary, as text."""
    return lxml.html.fromstring(Document(html).summary()).text_content()


TOOLS: dict[str, Callable[[str], str]] = {
    "vnfacts": vnfacts,
    "vnfacts (no profiles)": vnfacts_generic,
    "trafilatura": run_trafilatura,
    "jusText": run_justext,
    "readability-lxml": run_readability,
}


def pages_per_second(tool: Callable[[str], str], fixtures: list[Fixture], rounds: int) -> float:
    """Pages per second over all fixtures, the best of `rounds` timed passes."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for fixture in fixtures:
            tool(fixture.html)
        best = min(best, time.process_time() - start)
    return len(fixtures) / best


SETS = {  # the sets reported, each a test on the page's group
    "real pages": lambda group: group == "real",
    "built failure kinds": lambda group: group.startswith("built/"),
    "older built families": lambda group: group == "older",
}


def report(title: str, tallies: dict[str, Tally]) -> None:
    """One set's table: a row per tool."""
    width = max(map(len, TOOLS)) + 2
    print(f"\n{title}\n")
    print(f"{'tool':<{width}}{'P':>7}{'R':>7}{'micro F1':>10}{'mean F1':>9}{'worst page':>40}{'leads':>8}{'caption+byline leaks':>22}{'teaser leaks':>14}")
    for name in TOOLS:
        t = tallies[name]
        p, r, f = t.scores()
        low, page = t.worst()
        print(
            f"{name:<{width}}{p:7.3f}{r:7.3f}{f:10.3f}{t.mean():9.3f}{f'{page[:30]} {low:.3f}':>40}{f'{t.leads}/{t.lead_pages}':>8}"
            f"{len(t.caption_leaks):>22}{len(t.teaser_leaks):>14}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="timed passes per tool; the best counts")
    args = parser.parse_args()
    fixtures = load()
    groups = sorted({f.group for f in fixtures})
    print(f"{len(fixtures)} pages: " + ", ".join(f"{g} {sum(f.group == g for f in fixtures)}" for g in groups))
    keys = [*SETS, *(g for g in groups if g.startswith("built/"))]
    tallies = {key: {name: Tally() for name in TOOLS} for key in keys}
    for name, tool in TOOLS.items():
        for fixture in fixtures:
            extracted = tool(fixture.html)
            for key in keys:
                if key == fixture.group or (key in SETS and SETS[key](fixture.group)):
                    tallies[key][name].add(extracted, fixture)
    for key in keys:
        report(key if key in SETS else f"  {key}", tallies[key])
    print("\nSpeed over all pages\n")
    for name, tool in TOOLS.items():
        print(f"{name:<24}{pages_per_second(tool, fixtures, args.rounds):9.1f} pages/s")
    for key in SETS:
        t = tallies[key]["vnfacts"]
        for line in t.caption_leaks + t.teaser_leaks:
            print(f"  vnfacts leak ({key}): {line}")


if __name__ == "__main__":
    main()
