"""Records and database snapshots shared by the store and search tests."""

from pathlib import Path

from sqlalchemy import select

from pipeline.store import articles, facts, person_aliases, sources

ROOT = Path(__file__).resolve().parents[2]
_VOLATILE = {"id", "run_id", "extracted_at", "source_id"}


def corpus_records():
    """The shipped corpus, extracted."""
    from pipeline.article import input_files, process_file

    return [process_file(p) for p in input_files([ROOT / "corpus"])]


def record(article_id, text, facts_=(), published="2024-01-01T08:00:00", **extra):
    """A record with facts located by the first occurrence of their `span` in `text`."""
    out = []
    for fact in facts_:
        fact = dict(fact)
        span = fact.pop("span")
        start = text.index(span)
        out.append({**fact, "start": start, "end": start + len(span), "sentence": text, "extractor": "test@1", "confidence": 0.9, "article_id": article_id})
    return {"article_id": article_id, "source": f"test/{article_id}.txt", "title": text.split(".")[0], "published": published, "text": text, "facts": out, **extra}


def official(person, title, span=None, organization=None):
    """An official fact dict (its span defaults to the name)."""
    return {"type": "official", "person": person, "title": title, "organization": organization, "honorific": None, "span": span or person}


def snapshot(engine):
    """Everything a load writes, without row ids, run ids and load times: what must not differ between two loads."""
    with engine.connect() as conn:
        names = dict(conn.execute(select(sources.c.id, sources.c.name)).all())
        rows = {
            "articles": sorted((names[r["source_id"]], *(v for k, v in sorted(r.items()) if k not in _VOLATILE)) for r in conn.execute(select(articles)).mappings()),
            "facts": sorted(tuple(str(v) for k, v in sorted(r.items()) if k not in _VOLATILE) for r in conn.execute(select(facts)).mappings()),
            "aliases": sorted(conn.execute(select(person_aliases)).all()),
        }
    return {k: [tuple(map(str, r)) for r in v] for k, v in rows.items()}
