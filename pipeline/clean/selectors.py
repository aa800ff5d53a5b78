"""CSS selectors and site profiles: which element of a page plays which role.

A selector here is a small subset of CSS (tag, `.class`, `#id`, `[attr]`, `[attr=v]`,
`[attr*=v]`, comma lists), matched through an index by tag, class and id: soupsieve
was several times slower on whole pages. A site profile (`profiles/*.toml`) names a
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

from bs4 import Tag

from .lines import DATA_DIR, data_sections

HTML_DATA = data_sections("html")
PROFILES_DIR = Path(__file__).resolve().parents[2] / "profiles"
_LABEL_ROLES = ("title", "lead", "caption", "byline", "source", "dateline")
_NAME_PARTS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
_SELECTOR_PART = re.compile(r"([.#])([\w-]+)|\[([\w:-]+)(?:([*]?=)([^\]]+))?\]")
_COMPOUND = re.compile(r"([\w-]*)((?:[.#][\w-]+|\[[\w:-]+(?:[*]?=[^\]]+)?\])*)")



def class_names(element: Tag) -> list[str]:
    """An element's class names and id (the tree is parsed with class as one string)."""
    names = (element.get("class") or "").split()
    ident = element.get("id")
    return names + [ident] if ident else names


@dataclass(frozen=True, slots=True)
class _Compound:
    """One compound selector: `tag`, `.class`, `#id`, `[attr]`, `[attr=v]`, `[attr*=v]` together."""

    tag: str
    classes: frozenset[str]
    id: str
    attrs: tuple[tuple[str, str, str], ...]

    def matches(self, element: Tag) -> bool:
        """Whether `element` has this compound's tag, classes, id and attributes."""
        if self.tag and element.name != self.tag:
            return False
        if self.classes and not self.classes.issubset((element.get("class") or "").split()):
            return False
        if self.id and element.get("id") != self.id:
            return False
        for name, op, value in self.attrs:
            found = element.get(name)
            if found is None or (op == "=" and found != value) or (op == "*=" and value not in found):
                return False
        return True


@dataclass(frozen=True, slots=True)
class _Selector:
    """Compounds joined by descendant combinators: the last matches the element, the others its ancestors."""

    parts: tuple[_Compound, ...]

    def matches(self, element: Tag) -> bool:
        """Whether `element` matches the last compound and its ancestors, in order, the others."""
        if not self.parts[-1].matches(element):
            return False
        pending = len(self.parts) - 2
        node = element.parent
        while pending >= 0 and node is not None:
            if isinstance(node, Tag) and self.parts[pending].matches(node):
                pending -= 1
            node = node.parent
        return pending < 0


def _compound(text: str, where: str) -> _Compound:
    """Parse one compound selector; anything unsupported is an error naming the file it came from."""
    match = _COMPOUND.fullmatch(text)
    if not match or not text:
        raise ValueError(f"{where}: unsupported selector {text!r}")
    classes, ident, attrs = set(), "", []
    for mark, word, attr, op, value in _SELECTOR_PART.findall(match.group(2)):
        if mark == ".":
            classes.add(word)
        elif mark == "#":
            ident = word
        else:
            attrs.append((attr, op, value.strip("\"'") if value else ""))
    return _Compound(match.group(1).lower(), frozenset(classes), ident, tuple(attrs))


def parse_selector(text: str, where: str) -> _Selector:
    """Parse a selector: simple compounds separated by white space (descendant combinators)."""
    return _Selector(tuple(_compound(part, where) for part in text.split()))


@dataclass(frozen=True, slots=True)
class SelectorIndex:
    """Selectors by role, indexed by the class, id or tag their last compound requires."""

    by_key: dict[str, tuple[tuple[str, _Selector], ...]]

    def roles(self, element: Tag, names: list[str]) -> set[str]:
        """The roles of the selectors that match `element` (whose class and id `names` are), trying only those it could."""
        found: set[str] = set()
        table = self.by_key
        for key in ("<" + element.name, *("#" + n for n in names), *("@" + a for a in element.attrs)):
            for role, selector in table.get(key, ()):
                if role not in found and selector.matches(element):
                    found.add(role)
        return found


def build_index(selectors: Iterable[tuple[str, _Selector]]) -> SelectorIndex:
    """Index (role, selector) pairs by a class their last compound needs, else its id, tag or first attribute."""
    table: dict[str, list[tuple[str, _Selector]]] = {}
    for role, selector in selectors:
        last = selector.parts[-1]
        if last.classes:
            key = "#" + min(last.classes)
        elif last.id:
            key = "#" + last.id
        else:
            key = "<" + last.tag if last.tag else "@" + last.attrs[0][0]
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
    for role, found in selectors.items():
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


GENERIC_SELECTORS = tuple(
    (role, parse_selector(text, str(DATA_DIR / "html.txt"))) for role in ("drop", *_LABEL_ROLES) for text in HTML_DATA.get(role, ())
)
