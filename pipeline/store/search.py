"""Search over the fact database: a small query language folded the Vietnamese way, on SQLite and PostgreSQL.

A query is words (all must appear), "quoted phrases", `OR` between two of them, `-word` to
exclude and `word*` for a prefix. It is matched twice: as typed (normalised, any case) and
folded (tone marks and đ dropped, so `dang vien` finds `đảng viên`); when the query carries
marks, exact matches rank first, so `năm` is not swamped by `Nam`. SQLite answers from FTS5
indexes, PostgreSQL from GIN-indexed `simple` and unaccent (`vn_fold`) text vectors.

Hits are ranked: exact before folded-only matches; then, when the query looks like a name, facts
whose person is that name; then a field equal to the whole query (the title `Bí thư Tỉnh ủy` for
`bi thu tinh uy`); then the query's words adjacent and in order; then the engine's relevance
(FTS5 bm25, PostgreSQL ts_rank_cd); then newest first. On SQLite a query's hits are ranked
among its SEARCH_POOL newest matches, so a word found in most articles costs what a rare one does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Float, Integer, case, func, literal, literal_column, or_, select, table, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

from extractors.codes import normalize_code
from extractors.lexicon import entries

from .. import settings
from ..errors import QueryError
from ..text.normalize import fold
from .keys import search_key
from .schema import FACT_COLUMNS, articles, facts, person_aliases

__all__ = ["KINDS", "HIT_COLUMNS", "Term", "Query", "Hits", "parse_query", "parse_period", "search"]

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
    "span",
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
# bm25 weights of the folded indexes' columns: an article's title counts more than its text.
_BM25 = {"article": "bm25(article_fold_fts, 2.0, 1.0)", "fact": "bm25(fact_fold_fts)"}
# PostgreSQL keeps each row's text vectors in generated columns search_exact and search_fold (see migrations/).
_POSTGRES_TABLES = {"article": "articles", "fact": "facts"}


def _matching(query: Query, what: str, exact: bool, name: str = "") -> Any:
    """PostgreSQL: the ids of the articles or facts matching `query`, as typed (`exact`) or folded; `name` tells its parameter apart."""
    key, name = (fold, f"exact{name}") if exact else (search_key, f"folded{name}")
    column, config = ("search_exact", "simple") if exact else ("search_fold", "vn_fold")
    sql = f"SELECT id FROM {_POSTGRES_TABLES[what]} WHERE {column} @@ to_tsquery('{config}', :{name})"
    return text(sql).bindparams(**{name: _tsquery(query, key)}).columns(id=Integer)


def _scored(query: Query, what: str) -> Any:
    """PostgreSQL: the folded matches of `query` with their relevance `score`, lower is better (ts_rank_cd negated)."""
    table = _POSTGRES_TABLES[what]
    sql = f"SELECT id, -ts_rank_cd(search_fold, to_tsquery('vn_fold', :folded)) AS score FROM {table} WHERE search_fold @@ to_tsquery('vn_fold', :folded)"
    return text(sql).bindparams(folded=_tsquery(query, search_key)).columns(id=Integer, score=Float).subquery("relevance")


def _phrase(query: Query) -> Query | None:
    """The query's first alternatives as one phrase (its words adjacent, in order); None for a one-word query."""
    words = " ".join(group[0].text for group in query.groups)
    return Query(groups=[[Term(words)]]) if len(re.findall(r"\w+", words)) > 1 else None


def _ranking(query: Query, what: str, ids: Any) -> tuple[Any, list[Any]]:
    """PostgreSQL: the relevance subquery to join and the rank columns of a hit: tier (exact 0, folded 1), adjacent words, score."""
    scored = _scored(query, what)
    tier = case((ids.in_(_matching(query, what, exact=True)), 0), else_=1) if query.has_marks() else literal(1)
    phrase = _phrase(query)
    adjacent = case((ids.in_(_matching(phrase, what, exact=False, name="_phrase")), 1), else_=0) if phrase else literal(1)
    return scored, [tier.label("tier"), adjacent.label("adjacent"), scored.c.score.label("score")]


def _looks_like_name(query: Query) -> bool:
    """Whether the query is 2 to 5 words starting with a surname (marks optional): then the person field ranks first."""
    words = " ".join(group[0].text for group in query.groups).split()
    return 2 <= len(words) <= 5 and search_key(words[0]) in _surname_keys()


@lru_cache(maxsize=1)
def _surname_keys() -> frozenset[str]:
    """The surnames lexicon, folded."""
    return frozenset(search_key(s) for s in entries("surnames"))


def _contains_words(haystack: str, needle: str) -> bool:
    """Whether the folded `needle` occurs in the folded `haystack` as whole words."""
    return bool(needle) and f" {needle} " in f" {haystack} "


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
    """The select of fact hits and their articles, before any text match and order."""
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
        facts.c.span,
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
        # codes are written in capitals: a code typed in lower case is that code (both compared on the index)
        stmt = stmt.where(facts.c.document_code.in_({normalize_code(code), normalize_code(code).upper()}))
    return stmt


def _article_select(conditions: list[Any]) -> Any:
    """The select of article hits, before any text match and order."""
    columns = [
        literal("article").label("kind"),
        articles.c.article_id,
        _STORY,
        articles.c.published,
        articles.c.province,
        articles.c.title,
        func.coalesce(articles.c.url, articles.c.source).label("url"),
        articles.c.title.label("label"),
    ]
    return select(*columns).where(*conditions)


@dataclass(slots=True)
class Hits:
    """The hits shown (best first) and how many hits there are in all (`more`: at least that many, the count stopped there)."""

    rows: list[dict[str, Any]]
    total: int
    more: bool = False

    def __iter__(self) -> Any:
        """The hits shown, as a list of them would give them."""
        return iter(self.rows)

    def __len__(self) -> int:
        """How many hits are shown."""
        return len(self.rows)


def _dedupe_key(row: dict[str, Any]) -> tuple[Any, ...]:
    """What makes two hits one story's copies: the story, the kind, and a fact's label."""
    return (row["story"], row["kind"], None if row["kind"] == "article" else row["label"])


def _total(conn: Connection, stmt: Any, copies: bool) -> tuple[int, bool]:
    """How many hits `stmt` gives, a republished story once unless `copies`, counting SEARCH_COUNT_ROWS rows at most; and whether it stopped there."""
    sub = stmt.limit(settings.SEARCH_COUNT_ROWS).subquery()
    story = sub.c.story + "\x1f" + sub.c.kind + "\x1f" + func.coalesce(sub.c.label, "")
    rows, stories = conn.execute(select(func.count(), func.count(func.distinct(story))).select_from(sub)).one()
    return rows if copies else stories, rows >= settings.SEARCH_COUNT_ROWS


def _newest(row: dict[str, Any]) -> float:
    """Sort key putting the newest hit first and undated hits last."""
    return -_stamp(row["published"])


_LENGTH_SLACK = 8  # characters a field may differ in length from the query and still fold to it (spaces, punctuation)


def _rank_key(query: Query | None) -> Any:
    """The sort key of a hit: rank columns from the database, whole-field and person matches found here, then date."""
    if query is None:
        return lambda row: (_newest(row), row["id"])
    wanted = search_key(" ".join(group[0].text for group in query.groups))
    name_like = _looks_like_name(query)

    def key(row: dict[str, Any]) -> tuple[Any, ...]:
        fields = [row["label"]] if row["kind"] == "article" else [row.get(c) for _, c in FACT_COLUMNS[row["kind"]]]
        # a field folds to the query only if it is about as long (folding drops marks and folds spaces): skip the rest unfolded
        whole = any(isinstance(v, str) and abs(len(v) - len(wanted)) <= _LENGTH_SLACK and search_key(v) == wanted for v in fields)
        person = name_like and row["kind"] == "official" and _contains_words(search_key(row.get("official_person")), wanted)
        return (row["tier"], not person, not whole, -row["adjacent"], row["score"], _newest(row), row["id"])

    return key


def _ranked(
    engine: Engine, conn: Connection, stmt: Any, query: Query | None, what: str, ids: Any, limit: int | None, copies: bool
) -> tuple[list[dict[str, Any]], tuple[int, bool]]:
    """The best `limit` hits of `stmt` (all when None), ranked, and the number of hits in all (see `_total`).

    The database orders by tier, adjacency and relevance (without a query: by date) and hands over
    `limit` times SEARCH_WINDOW_FACTOR rows, at least SEARCH_CANDIDATES with a query, which are
    ranked here in full. Unless `copies`, a story republished by several sites gives one hit: its best-ranked row.
    On SQLite a query's hits are ranked within a pool of the newest matches instead (see `_pooled`).
    """
    stmt = stmt.add_columns(ids.label("id"))
    if query is not None and engine.dialect.name == "sqlite":
        rows, total = _pooled(conn, stmt, query, what, ids, copies)
    else:
        if query is None:
            stmt = stmt.add_columns(literal(1).label("tier"), literal(1).label("adjacent"), literal(0.0).label("score"))
            ordered = stmt.order_by(articles.c.published.desc().nulls_last(), ids)
        else:
            scored, rank = _ranking(query, what, ids)
            stmt = stmt.join(scored, scored.c.id == ids).add_columns(*rank)
            ordered = stmt.order_by(text("tier"), text("adjacent DESC"), text("score"), articles.c.published.desc().nulls_last(), ids)
        total = _total(conn, stmt, copies) if limit is not None else (0, False)
        window = None if limit is None else limit * settings.SEARCH_WINDOW_FACTOR
        if window is not None and query is not None:
            window = max(settings.SEARCH_CANDIDATES, window)
        rows = [dict(r) for r in conn.execute(ordered.limit(window)).mappings()]
    rows.sort(key=_rank_key(query))
    seen: set[tuple[Any, ...]] = set()
    kept = []
    for row in rows:
        key = _dedupe_key(row)
        if copies or key not in seen:
            seen.add(key)
            kept.append(row)
    if total is None:  # the whole pool is in hand: count it, capped as `_total` caps a count
        total = (min(len(kept), settings.SEARCH_COUNT_ROWS), len(kept) >= settings.SEARCH_COUNT_ROWS)
    return kept[:limit], total if limit is not None else (len(kept), False)


def _fts_rowids(conn: Connection, index: str, expression: str, low: int, high: int) -> set[int]:
    """The rowids between `low` and `high` that an FTS5 index matches (a range FTS5 seeks to, not the whole match)."""
    sql = text(f"SELECT rowid FROM {index} WHERE {index} MATCH :expression AND rowid BETWEEN :low AND :high")
    return set(conn.execute(sql, {"expression": expression, "low": low, "high": high}).scalars())


def _pooled(conn: Connection, stmt: Any, query: Query, what: str, ids: Any, copies: bool) -> tuple[list[dict[str, Any]], tuple[int, bool] | None]:
    """SQLite: the newest SEARCH_POOL matches of `stmt` with their rank columns, and the hit count (None: count the rows kept).

    The folded FTS5 index drives the query newest first (its rowid is the fact's or article's id,
    in load order) and stops after SEARCH_POOL hits that pass the filters, so bm25 and the rank
    columns are computed for those only: a word found in most articles costs the same as a rare one.
    """
    exact_index, folded_index = _SQLITE_INDEXES[what]
    rowid = literal_column(f"{folded_index}.rowid")
    joined = stmt.join(table(folded_index), rowid == ids).where(text(f"{folded_index} MATCH :folded").bindparams(folded=_fts5(query, search_key)))
    pool = joined.add_columns(literal_column(_BM25[what]).label("score")).order_by(rowid.desc())
    rows = [dict(r) for r in conn.execute(pool.limit(settings.SEARCH_POOL)).mappings()]
    if not rows:
        return rows, (0, False)
    low, high = min(r["id"] for r in rows), max(r["id"] for r in rows)
    exact = _fts_rowids(conn, exact_index, _fts5(query, fold), low, high) if query.has_marks() else None
    phrase = _phrase(query)
    adjacent = _fts_rowids(conn, folded_index, _fts5(phrase, search_key), low, high) if phrase else None
    for row in rows:
        row["tier"] = 0 if exact is not None and row["id"] in exact else 1
        row["adjacent"] = 1 if adjacent is None or row["id"] in adjacent else 0
    if len(rows) < settings.SEARCH_POOL:
        return rows, None
    return rows, _total(conn, joined, copies)


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
    limit: int | None = settings.SEARCH_LIMIT,
    copies: bool = False,
) -> Hits:
    """Facts and articles matching a query and filters, each a dict of HIT_COLUMNS, best first (see the module), and their count.

    `limit` None gives every hit. A story several sites republished counts once unless `copies` asks for every article.
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
    hits: list[dict[str, Any]] = []
    total, more = 0, False
    try:
        with engine.connect() as conn:
            if want_facts:
                rows, (count, capped) = _ranked(engine, conn, _fact_select(fact_kinds, person, code, conditions), parsed, "fact", facts.c.id, limit, copies)
                hits, total, more = hits + rows, total + count, more or capped
            if want_articles:
                rows, (count, capped) = _ranked(engine, conn, _article_select(conditions), parsed, "article", articles.c.id, limit, copies)
                texts = dict(conn.execute(select(articles.c.id, articles.c.text).where(articles.c.id.in_([row["id"] for row in rows]))).all())
                hits += [{**row, "sentence": _sentence(texts[row["id"]], parsed)} for row in rows]
                total, more = total + count, more or capped
    except DBAPIError as exc:
        raise QueryError(f"query {query!r}: the database refused it: {str(exc.orig).splitlines()[0]}") from None
    if want_facts and want_articles:
        hits.sort(key=_rank_key(parsed))
    return Hits([{column: hit.get(column) for column in HIT_COLUMNS} for hit in hits[:limit]], total, more)


def _stamp(value: Any) -> float:
    """A published value as a number for sorting; missing dates sort last."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.timestamp() if isinstance(value, datetime) else float("-inf")
