"""Search over the fact database: a small query language folded the Vietnamese way, on SQLite and PostgreSQL.

A query is words (all must appear), "quoted phrases", `OR` between two of them, `-word` to
exclude and `word*` for a prefix. It is matched twice: as typed (normalised, any case) and
folded (tone marks and đ dropped, so `dang vien` finds `đảng viên`); when the query carries
marks, exact matches rank first, so `năm` is not swamped by `Nam`. SQLite answers from FTS5
indexes, PostgreSQL from GIN-indexed `simple` and unaccent (`vn_fold`) text vectors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Integer, func, literal, or_, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

from extractors.codes import normalize_code
from extractors.lexicon import entries

from ..errors import QueryError
from ..text.normalize import fold
from .keys import search_key
from .schema import FACT_COLUMNS, articles, facts, person_aliases

__all__ = ["KINDS", "HIT_COLUMNS", "Term", "Query", "parse_query", "parse_period", "search"]

KINDS = ("article", *FACT_COLUMNS)
HIT_COLUMNS = [
    "kind",
    "fact_id",
    "article_id",
    "story",
    "published",
    "province",
    "title",
    "url",
    "label",
    "sentence",
    "confidence",
    "review_status",
    *[column for columns in FACT_COLUMNS.values() for _, column in columns],
]


@dataclass(frozen=True, slots=True)
class Term:
    """One word or phrase of a query, as typed."""

    text: str
    prefix: bool = False


@dataclass(slots=True)
class Query:
    """A parsed query: every group must match (a group is terms joined by OR); no excluded term may."""

    groups: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)

    def has_marks(self) -> bool:
        """Whether any term carries tone marks or đ, so that matches as typed should rank first."""
        return any(fold(t.text) != search_key(t.text) for t in self.terms())

    def terms(self) -> list[Term]:
        """Every term, included or excluded."""
        return [t for group in self.groups for t in group] + self.excluded


_TOKEN = re.compile(r'\s*(-?)(?:"([^"]*)("?)|([^\s"]+))(\*?)')


def parse_query(query: str) -> Query:
    """Parse the query language; a malformed query raises QueryError saying where and why."""
    parsed = Query()
    pending_or = after_excluded = False
    pos = 0
    query = query.rstrip()
    while pos < len(query):
        match = _TOKEN.match(query, pos)
        if not match:
            raise QueryError(f"query {query!r}: a phrase cannot start inside a word, at character {pos + 1}")
        negate, phrase, closed, word, star = match.groups()
        if phrase is not None and not closed:
            raise QueryError(f'query {query!r}: the phrase opened at character {match.start(2)} has no closing "')
        if word is not None and word.endswith("*") and not star:
            word, star = word.rstrip("*"), "*"
        value = phrase if phrase is not None else word
        pos = match.end()
        if word == "OR" and not negate:
            if not parsed.groups or pending_or or after_excluded:
                raise QueryError(f"query {query!r}: OR at character {match.start(4) + 1} needs a term to look for on each side")
            pending_or = True
            continue
        if not re.search(r"\w", value or ""):
            raise QueryError(f"query {query!r}: {match.group(0).strip()!r} has no letter or digit to look for")
        term = Term(value.strip(), prefix=bool(star))
        after_excluded = bool(negate)
        if negate:
            if pending_or:
                raise QueryError(f"query {query!r}: an excluded term cannot be one side of OR")
            parsed.excluded.append(term)
        elif pending_or:
            parsed.groups[-1].append(term)
            pending_or = False
        else:
            parsed.groups.append([term])
    if pending_or:
        raise QueryError(f"query {query!r}: OR at the end needs a term after it")
    if not parsed.groups:
        raise QueryError(f"query {query!r}: nothing to look for (a query needs a term that is not excluded)")
    return parsed


def _fts5(query: Query, key: Any) -> str:
    """The FTS5 MATCH expression of a query, each term passed through `key` (exact or folded)."""

    def term(t: Term) -> str:
        return '"' + key(t.text).replace('"', '""') + '"' + (" *" if t.prefix else "")

    expression = " AND ".join("(" + " OR ".join(map(term, group)) + ")" for group in query.groups)
    return "".join([f"({expression})", *(f" NOT {term(t)}" for t in query.excluded)])


def _tsquery(query: Query, key: Any) -> str:
    """The to_tsquery text of a query, each term passed through `key`; a phrase's words join with <->."""

    def term(t: Term) -> str:
        words = [w.replace("'", "''").replace("\\", "\\\\") for w in re.findall(r"\w+", key(t.text))]
        quoted = [f"'{w}'" for w in words]
        if t.prefix:
            quoted[-1] += ":*"
        return "(" + " <-> ".join(quoted) + ")"

    expression = " & ".join("(" + " | ".join(map(term, group)) + ")" for group in query.groups)
    return " & ".join([f"({expression})", *(f"!{term(t)}" for t in query.excluded)])


_SQLITE_INDEXES = {"article": ("article_fts", "article_fold_fts"), "fact": ("fact_fts", "fact_fold_fts")}
# PostgreSQL keeps each row's text vectors in generated columns search_exact and search_fold (see migrations/).
_POSTGRES_TABLES = {"article": "articles", "fact": "facts"}
# Past this many folded matches, SQLite walks the articles newest first and stops at the limit,
# instead of sorting every match by date.
_DENSE = 2000


def _matching(engine: Engine, query: Query, what: str, exact: bool) -> Any:
    """The ids of the articles or facts matching `query`, as typed (`exact`) or folded."""
    key, name = (fold, "exact") if exact else (search_key, "folded")
    if engine.dialect.name == "sqlite":
        index = _SQLITE_INDEXES[what][0 if exact else 1]
        sql, value = f"SELECT rowid AS id FROM {index} WHERE {index} MATCH :{name}", _fts5(query, key)
    else:
        column, config = ("search_exact", "simple") if exact else ("search_fold", "vn_fold")
        sql, value = f"SELECT id FROM {_POSTGRES_TABLES[what]} WHERE {column} @@ to_tsquery('{config}', :{name})", _tsquery(query, key)
    return text(sql).bindparams(**{name: value}).columns(id=Integer)


def _tiers(engine: Engine, conn: Connection, query: Query, what: str, ids: Any) -> list[tuple[int, list[Any]]]:
    """Conditions on `ids` per rank (tier): a query typed with marks ranks matches as typed (0) before folded-only ones (1)."""
    folded = _matching(engine, query, what, exact=False)
    if engine.dialect.name == "sqlite":
        count = select(func.count()).select_from(folded.subquery().select().limit(_DENSE).subquery())
        if conn.execute(count).scalar() >= _DENSE:
            ids = ids + 0  # an expression: SQLite then walks the date index instead of the match list
    if not query.has_marks():
        return [(1, [ids.in_(folded)])]
    exact = _matching(engine, query, what, exact=True)
    return [(0, [ids.in_(exact)]), (1, [ids.in_(folded), ids.not_in(exact)])]


def parse_period(value: str | None, option: str, end: bool = False) -> datetime | None:
    """`2018`, `2018-05` or `2018-05-20` as the first instant of that period, or just after it when `end`."""
    if not value:
        return None
    parts = value.strip().split("-")
    try:
        numbers = [int(p) for p in parts]
        first = date(numbers[0], *(numbers[1:] + [1, 1])[:2]) if len(numbers) <= 3 else None
    except ValueError:
        first = None
    if first is None:
        raise QueryError(f"{option} {value!r}: not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    if end:
        if len(parts) == 1:
            first = date(first.year + 1, 1, 1)
        elif len(parts) == 2:
            first = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
        else:
            first += timedelta(days=1)
    return datetime.combine(first, datetime.min.time())


def _province(value: str) -> str:
    """The province as the places lexicon writes it, whatever marks and case the user typed."""
    key = search_key(value)
    return next((place for place in entries("places") if search_key(place) == key), value.strip())


def _like(value: str) -> str:
    """A LIKE pattern finding `value` anywhere, its own % and _ taken literally."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _article_filters(province: str | None, since: datetime | None, until: datetime | None) -> list[Any]:
    """Conditions on the article a hit comes from."""
    conditions = []
    if province:
        conditions.append(articles.c.province == _province(province))
    if since:
        conditions.append(articles.c.published >= since)
    if until:
        conditions.append(articles.c.published < until)
    return conditions


# An article's story: the first stored article it republishes (near-duplicate text), else itself.
_STORY = func.coalesce(articles.c.story, articles.c.article_id).label("story")


def _fact_select(kinds: list[str], person: str | None, code: str | None, conditions: list[Any]) -> Any:
    """The select of fact hits and their articles, newest article first, before any text match."""
    columns = [
        facts.c.type.label("kind"),
        facts.c.fact_id,
        facts.c.article_id,
        _STORY,
        articles.c.published,
        articles.c.province,
        articles.c.title,
        func.coalesce(articles.c.url, articles.c.source).label("url"),
        facts.c.label,
        facts.c.sentence,
        facts.c.confidence,
        facts.c.review_status,
        *[facts.c[column] for columns in FACT_COLUMNS.values() for _, column in columns],
    ]
    stmt = select(*columns).join_from(facts, articles, facts.c.article_id == articles.c.article_id)
    stmt = stmt.where(facts.c.type.in_(kinds), *conditions)
    if person:
        key = _like(search_key(person))
        merged = or_(person_aliases.c.name_key.like(key, escape="\\"), person_aliases.c.person_key.like(key, escape="\\"))
        # the name as typed too: a load killed before its end has not merged its new names yet
        names = select(person_aliases.c.name).where(merged).union(select(literal(person.strip())))
        stmt = stmt.where(facts.c.official_person.in_(names))
    if code:
        stmt = stmt.where(facts.c.document_code == normalize_code(code))
    return stmt.order_by(articles.c.published.desc().nulls_last(), facts.c.id)


def _article_select(conditions: list[Any]) -> Any:
    """The select of article hits, newest first, before any text match."""
    columns = [
        literal("article").label("kind"),
        articles.c.article_id,
        _STORY,
        articles.c.published,
        articles.c.province,
        articles.c.title,
        func.coalesce(articles.c.url, articles.c.source).label("url"),
        articles.c.title.label("label"),
        articles.c.text,
    ]
    return select(*columns).where(*conditions).order_by(articles.c.published.desc().nulls_last(), articles.c.id)


def _ranked(
    engine: Engine, conn: Connection, stmt: Any, query: Query | None, what: str, ids: Any, limit: int, copies: bool
) -> list[tuple[int, dict[str, Any]]]:
    """Run `stmt` tier by tier (exact matches first), up to `limit` rows: (tier, row) pairs.

    Unless `copies`, a story republished by several sites gives one hit: the first of its rows
    with the same label (an article hit: the first of its articles).
    """
    tiers = [(0, [])] if query is None else _tiers(engine, conn, query, what, ids)
    rows: list[tuple[int, dict[str, Any]]] = []
    first_article: dict[tuple[Any, ...], str] = {}
    for tier, conditions in tiers:
        offset = 0
        while len(rows) < limit:
            page = [dict(row) for row in conn.execute(stmt.where(*conditions).limit(limit).offset(offset)).mappings()]
            for row in page:
                key = (row["story"], row["kind"], None if row["kind"] == "article" else row["label"])
                if len(rows) < limit and (copies or first_article.setdefault(key, row["article_id"]) == row["article_id"]):
                    rows.append((tier, row))
            if len(page) < limit:
                break
            offset += limit
    return rows


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")


def _sentence(text_: str, query: Query) -> str:
    """The first sentence of an article's text holding the query's first terms (folded), else its first sentence."""
    sentences = [s.strip() for s in _SENTENCE_END.split(text_) if s.strip()]
    keys = [search_key(group[0].text) for group in query.groups]
    for sentence in sentences:
        folded = search_key(sentence)
        if all(k in folded for k in keys):
            return sentence
    return sentences[0] if sentences else ""


def search(
    engine: Engine,
    query: str | None = None,
    *,
    kind: str | None = None,
    province: str | None = None,
    person: str | None = None,
    code: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
    copies: bool = False,
) -> list[dict[str, Any]]:
    """Facts and articles matching a query and filters, each a dict of HIT_COLUMNS, exact matches first, then newest first.

    A story several sites republished counts once unless `copies` asks for every article.
    """
    if kind is not None and kind not in KINDS:
        raise QueryError(f"--type {kind!r}: expected one of {', '.join(KINDS)}")
    parsed = parse_query(query) if query and query.strip() else None
    if person and kind not in (None, "official") or code and kind not in (None, "document") or person and code:
        raise QueryError("--person finds officials and --code documents: give at most one, with a matching --type")
    conditions = _article_filters(province, parse_period(since, "--since"), parse_period(until, "--until", True))
    fact_kinds = ["official"] if person else ["document"] if code else [kind] if kind in FACT_COLUMNS else list(FACT_COLUMNS)
    want_facts = kind != "article"
    want_articles = parsed is not None and kind in (None, "article") and not person and not code
    if not parsed and kind == "article":
        raise QueryError("--type article needs a query: articles are found by their words")
    hits: list[tuple[int, dict[str, Any]]] = []
    try:
        with engine.connect() as conn:
            if want_facts:
                hits += _ranked(engine, conn, _fact_select(fact_kinds, person, code, conditions), parsed, "fact", facts.c.id, limit, copies)
            if want_articles:
                for tier, row in _ranked(engine, conn, _article_select(conditions), parsed, "article", articles.c.id, limit, copies):
                    hits.append((tier, {**row, "sentence": _sentence(row["text"], parsed)}))
    except DBAPIError as exc:
        raise QueryError(f"query {query!r}: the database refused it: {str(exc.orig).splitlines()[0]}") from None
    if want_facts and want_articles:
        hits.sort(key=lambda h: (h[0], -_stamp(h[1]["published"])))
    return [{column: hit.get(column) for column in HIT_COLUMNS} for _, hit in hits[:limit]]


def _stamp(value: Any) -> float:
    """A published value as a number for sorting; missing dates sort last."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.timestamp() if isinstance(value, datetime) else float("-inf")

