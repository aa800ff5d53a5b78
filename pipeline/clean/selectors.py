"""CSS selectors and site profiles: which element of a page plays which role.

A selector is CSS as soupsieve reads it, the dialect of a source's `next_page` too; the
selectors are tried through an index by the class, id, tag or attribute they require, so
an element meets only those it could match. A site profile (`profiles/*.toml`) names a
site's hosts and the selectors of its title, lead, body, captions, byline, dateline,
source and furniture.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import soupsieve
from bs4 import Tag

from .lines import DATA_DIR, data_sections

HTML_DATA = data_sections("html")
PROFILES_DIR = Path(__file__).resolve().parents[2] / "profiles"
_LABEL_ROLES = ("title", "lead", "caption", "byline", "source", "dateline")
_NAME_PARTS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")


def class_names(element: Tag) -> list[str]:
    """An element's class names and id (the tree is parsed with class as one string)."""
    names = (element.get("class") or "").split()
    ident = element.get("id")
    return names + [ident] if ident else names


def parse_selector(text: str, where: str) -> soupsieve.SoupSieve:
    """Compile a CSS selector with soupsieve, as discovery reads `next_page`; a bad one is an error naming where it came from."""
    try:
        return soupsieve.compile(text)
    except soupsieve.SelectorSyntaxError as exc:
        raise ValueError(f"{where}: unsupported selector {text!r}: {str(exc).splitlines()[0]}") from None


def _index_keys(selector: soupsieve.SoupSieve) -> set[str]:
    """The keys an element needs for `selector` to match it: per alternative, a class or id, else a tag, else an attribute.

    An alternative whose rightmost compound requires none of them (`*`, `:not(...)`) is keyed `*`: tried on every element.
    """
    keys = set()
    for alternative in selector.selectors:  # soupsieve keeps each alternative's rightmost compound at the top
        tag = alternative.tag.name if alternative.tag is not None else "*"
        if alternative.classes or alternative.ids:
            keys.add("#" + min((*alternative.classes, *alternative.ids)))
        elif tag != "*":
            keys.add("<" + tag.lower())
        elif alternative.attributes:
            keys.add("@" + alternative.attributes[0].attribute)
        else:
            keys.add("*")
    return keys


@dataclass(frozen=True, slots=True)
class SelectorIndex:
    """Selectors by role, indexed by the class, id, tag or attribute their rightmost compound requires.

    Matching every selector on every element costs soupsieve a call each; the index tries only
    the few selectors an element could match (see benchmarks/clean_bench.py).
    """

    by_key: dict[str, tuple[tuple[str, soupsieve.SoupSieve], ...]]

    def roles(self, element: Tag, names: list[str]) -> set[str]:
        """The roles of the selectors that match `element` (whose class and id `names` are), trying only those it could."""
        found: set[str] = set()
        table = self.by_key
        for key in ("*", "<" + element.name, *("#" + n for n in names), *("@" + a for a in element.attrs)):
            for role, selector in table.get(key, ()):
                if role not in found and selector.match(element):
                    found.add(role)
        return found


def build_index(selectors: Iterable[tuple[str, soupsieve.SoupSieve]]) -> SelectorIndex:
    """Index (role, selector) pairs by what each alternative's rightmost compound requires."""
    table: dict[str, list[tuple[str, soupsieve.SoupSieve]]] = {}
    for role, selector in selectors:
        for key in _index_keys(selector):
            table.setdefault(key, []).append((role, selector))
    return SelectorIndex({key: tuple(value) for key, value in table.items()})


def _name_forms(name: str) -> frozenset[str]:
    """The forms of a class or id name that words match: its parts, lower-cased, and all of it run together."""
    parts = [part.lower() for part in _NAME_PARTS.findall(name)]
    return frozenset(parts + ["".join(parts)])


@dataclass(frozen=True, slots=True)
class Profile:
    """A site profile: the hosts it serves and CSS selectors naming the parts of its pages."""

    name: str
    hosts: tuple[str, ...]
    selectors: dict[str, tuple[str, ...]]

    def serves(self, host: str) -> bool:
        """Whether `host` is one of this profile's hosts or a subdomain of one."""
        return any(host == h or host.endswith("." + h) for h in self.hosts)


PROFILE_ROLES = ("body", "drop", *_LABEL_ROLES)


def load_profile(path: Path) -> Profile:
    """Read a profile TOML file; unknown roles or selectors are errors naming the file."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    selectors = {role: tuple(found) for role, found in data.get("selectors", {}).items()}
    unknown = set(selectors) - set(PROFILE_ROLES)
    if unknown or not data.get("hosts"):
        raise ValueError(f"{path}: needs `hosts` and selectors among {', '.join(PROFILE_ROLES)} (got {sorted(unknown)})")
    for found in selectors.values():
        for text in found:
            parse_selector(text, str(path))
    return Profile(data.get("name", path.stem), tuple(data["hosts"]), selectors)


def load_profiles(directory: Path = PROFILES_DIR) -> tuple[Profile, ...]:
    """Every profile in `directory` (none when it does not exist)."""
    return tuple(load_profile(path) for path in sorted(directory.glob("*.toml"))) if directory.is_dir() else ()


_WORDS = {role: frozenset(HTML_DATA.get(f"{role}_words", ())) for role in ("drop", *_LABEL_ROLES)}
_PARTS = {"drop": HTML_DATA["drop_parts"]}


@functools.lru_cache(maxsize=8192)
def name_roles(name: str) -> frozenset[str]:
    """The roles whose words or parts (html.txt) a class or id name carries."""
    forms = _name_forms(name)
    joined = "".join(sorted(forms))
    found = {role for role, words in _WORDS.items() if forms & words}
    found.update(role for role, parts in _PARTS.items() if any(part in joined for part in parts))
    return frozenset(found)


GENERIC_SELECTORS = tuple((role, parse_selector(text, str(DATA_DIR / "html.txt"))) for role in ("drop", *_LABEL_ROLES) for text in HTML_DATA.get(role, ()))
