"""Body-text extraction on the HTML fixtures: vnfacts beside trafilatura, jusText and readability-lxml, in one run.

Every page under corpus/html/ with a gold `<page>.segments.json` is decoded once (as
`vnfacts extract` reads it) and handed to each tool as the same string. The body text of
a page is its lead and body segments; a tool's is what it returns (vnfacts: its lead and
body blocks). Scores are bag-of-token precision, recall and F1, as trafilatura's own
evaluation counts them, micro-averaged per layout family and overall. Also counted per
tool: pages whose lead it keeps, and gold captions, bylines and related-article links
(link texts of five words or more that are not article text) found in its body text.
Speed is pages per second over all pages, the best of a few rounds.

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
    """A page and its gold: body text, lead, captions, bylines and the related links it carries."""

    path: Path
    family: str
    html: str
    body: str
    lead: str | None
    leaks: list[str]


@dataclass
class Tally:
    """Token counts and checks of one tool over some pages."""

    hit: int = 0
    got: int = 0
    want: int = 0
    leads: int = 0
    lead_pages: int = 0
    leaked: list[str] = field(default_factory=list)

    def add(self, extracted: str, fixture: Fixture) -> None:
        """Count one page's tokens, its lead and what leaked into its body text."""
        got, want = Counter(tokens(extracted)), Counter(tokens(fixture.body))
        self.hit += sum((got & want).values())
        self.got += sum(got.values())
        self.want += sum(want.values())
        folded = fold(extracted)
        if fixture.lead:
            self.lead_pages += 1
            self.leads += fold(fixture.lead) in folded
        self.leaked += [f"{fixture.path.name}: {text[:60]}" for text in fixture.leaks if fold(text) in folded]

    def scores(self) -> tuple[float, float, float]:
        """Precision, recall and F1 of the counted tokens."""
        p = self.hit / self.got if self.got else 0.0
        r = self.hit / self.want if self.want else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0


def tokens(text: str) -> list[str]:
    """The words of a text, folded as vnfacts compares text (NFC, look-alikes, lower case)."""
    return _TOKEN.findall(fold(text))


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
        fixtures.append(Fixture(path, gold["family"], html, body, lead, side + related_links(html, body)))
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
        start = time.perf_counter()
        for fixture in fixtures:
            tool(fixture.html)
        best = min(best, time.perf_counter() - start)
    return len(fixtures) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="timed passes per tool; the best counts")
    args = parser.parse_args()
    fixtures = load()
    families = sorted({f.family for f in fixtures})
    print(f"{len(fixtures)} pages in {len(families)} layout families: "
          + ", ".join(f"{fam} {sum(f.family == fam for f in fixtures)}" for fam in families))
    tallies = {name: {fam: Tally() for fam in [*families, "all"]} for name in TOOLS}
    for name, tool in TOOLS.items():
        for fixture in fixtures:
            extracted = tool(fixture.html)
            tallies[name][fixture.family].add(extracted, fixture)
            tallies[name]["all"].add(extracted, fixture)
    speeds = {name: pages_per_second(tool, fixtures, args.rounds) for name, tool in TOOLS.items()}

    width = max(map(len, TOOLS)) + 2
    print("\nBody-text F1 by layout family (bag of tokens)\n")
    print("family".ljust(14) + "".join(name.rjust(width) for name in TOOLS))
    for fam in families + ["all"]:
        print(fam.ljust(14) + "".join(f"{tallies[name][fam].scores()[2]:.3f}".rjust(width) for name in TOOLS))
    print("\nOverall, leaks and speed\n")
    print(f"{'tool':<{width}}{'P':>7}{'R':>7}{'F1':>7}{'leads kept':>12}{'leaks':>7}{'pages/s':>9}")
    for name in TOOLS:
        t = tallies[name]["all"]
        p, r, f = t.scores()
        print(f"{name:<{width}}{p:7.3f}{r:7.3f}{f:7.3f}{f'{t.leads}/{t.lead_pages}':>12}{len(t.leaked):>7}{speeds[name]:9.1f}")
    for line in tallies["vnfacts"]["all"].leaked:
        print(f"  vnfacts leak: {line}")


if __name__ == "__main__":
    main()
