"""The raw archive: every response of a run in one WARC file, read back to re-extract without the network.

Bodies are stored decoded (as the fetcher read them), so `Content-Encoding` is dropped from the
archived headers; each record carries the site, the URL asked for (before redirects) and what the page was (`article`, `listing`,
`feed`, `sitemap`) in `WARC-Vnfacts-*` headers.
"""

from __future__ import annotations

import io
import re
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from ..store import naive_utc
from .fetch import Fetched

__all__ = ["Archive", "Archived", "open_archive", "archive_response", "close_archive", "archived_responses"]

_DROPPED_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


@dataclass
class Archive:
    """One run's open WARC file; the lock keeps records whole when sites write in parallel."""

    path: Path
    stream: BinaryIO
    writer: WARCWriter
    lock: threading.Lock = field(default_factory=threading.Lock)


@dataclass(frozen=True)
class Archived:
    """A response read back from the archive."""

    url: str
    requested: str
    site: str
    kind: str
    date: datetime
    headers: dict[str, str]
    body: bytes


def open_archive(directory: Path | str, run_id: int, part: str = "") -> Archive:
    """A new WARC file for run `run_id` under `directory`: `crawl-<run>-<UTC time>.warc.gz`, `-<part>` before the suffix when the run is split."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    suffix = f"-{re.sub(r'[^A-Za-z0-9_.-]', '_', part)}" if part else ""
    path = directory / f"crawl-{run_id:06d}-{datetime.now(timezone.utc):%Y%m%dT%H%M%S}{suffix}.warc.gz"
    stream = path.open("wb")
    return Archive(path, stream, WARCWriter(stream, gzip=True))


def archive_response(archive: Archive, fetched: Fetched, site: str, kind: str) -> None:
    """Append one response record (status, headers, decoded body) for `fetched`."""
    headers = [(k, v) for k, v in fetched.headers.items() if k.lower() not in _DROPPED_HEADERS]
    headers.append(("Content-Length", str(len(fetched.body))))
    http = StatusAndHeaders(f"{fetched.status} -", headers, protocol="HTTP/1.1")
    extra = {"WARC-Vnfacts-Site": site, "WARC-Vnfacts-Kind": kind, "WARC-Vnfacts-Requested": fetched.url}
    with archive.lock:
        record = archive.writer.create_warc_record(fetched.final_url, "response", payload=io.BytesIO(fetched.body), http_headers=http, warc_headers_dict=extra)
        archive.writer.write_record(record)
        archive.stream.flush()


def close_archive(archive: Archive) -> None:
    """Close the run's WARC file."""
    archive.stream.close()


def _date(value: str | None) -> datetime:
    """A WARC-Date as naive UTC."""
    stamp = datetime.fromisoformat((value or "1970-01-01T00:00:00Z").replace("Z", "+00:00"))
    return naive_utc(stamp)


def archived_responses(directory: Path | str, since: datetime | None = None, kind: str | None = None, unreadable: list[str] | None = None) -> Iterator[Archived]:
    """The responses archived under `directory` (oldest file first), fetched on or after `since`, of one `kind` if given.

    A file that is not a WARC, or breaks off (a killed run's), is noted in `unreadable` as
    `FILE: reason` after the records it held were read; the other files are read on.
    """
    for path in sorted(Path(directory).glob("*.warc.gz")):
        try:
            yield from _responses(path, since, kind)
        except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as exc:
            if unreadable is not None:
                unreadable.append(f"{path}: not a readable WARC file ({' '.join(str(exc).split())[:200]})")


def _responses(path: Path, since: datetime | None, kind: str | None) -> Iterator[Archived]:
    """The responses of one WARC file, as `archived_responses` selects them."""
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            date = _date(record.rec_headers.get_header("WARC-Date"))
            found = record.rec_headers.get_header("WARC-Vnfacts-Kind") or ""
            if (since and date < since) or (kind and found != kind):
                continue
            yield Archived(
                url=record.rec_headers.get_header("WARC-Target-URI"),
                requested=record.rec_headers.get_header("WARC-Vnfacts-Requested") or record.rec_headers.get_header("WARC-Target-URI"),
                site=record.rec_headers.get_header("WARC-Vnfacts-Site") or "",
                kind=found,
                date=date,
                headers=dict(record.http_headers.headers) if record.http_headers else {},
                body=record.content_stream().read(),
            )
