"""The errors vnfacts raises on bad input, each naming the file, URL or line it concerns."""

from __future__ import annotations

from functools import cache

__all__ = [
    "VnfactsError",
    "ReadError",
    "EmptyPageError",
    "EncodingError",
    "GoldFileError",
    "RecordsError",
    "StoreError",
    "QueryError",
    "FetchError",
    "RobotsDisallowed",
    "OffHostError",
    "TooManyRedirects",
    "TooLargeError",
    "HttpStatusError",
    "FetchTimeout",
    "ConnectionFailed",
    "DnsFailure",
    "ConnectionRefused",
    "BrokenBody",
    "DeadlineExceeded",
    "RobotsUnavailable",
    "ConfigError",
    "cause_of",
]


class VnfactsError(Exception):
    """Base of every error vnfacts reports to a user instead of a traceback."""


class ReadError(VnfactsError):
    """Raised by the reader when a file cannot be read or is not text (binary junk)."""


class EncodingError(ReadError):
    """Raised by the reader when a page's bytes cannot be decoded as Vietnamese text."""


class EmptyPageError(VnfactsError):
    """Raised by cleaning when a page holds no article text."""


class GoldFileError(VnfactsError):
    """Raised by evaluation when a gold or prediction file is malformed; names the file and line."""


class RecordsError(VnfactsError):
    """Raised when a JSON Lines file of records cannot be read or has a bad line; names the file and line."""


class StoreError(VnfactsError):
    """Raised by the store when a database cannot be opened or a record cannot be stored; names the database or article."""


class QueryError(VnfactsError):
    """Raised by search when a query is malformed; says where and why."""


class ConfigError(VnfactsError):
    """Raised when a run's configuration (sources file, database URL, schedule) is unusable; names the file or value."""


class FetchError(VnfactsError):
    """Raised by the fetcher when a URL cannot be fetched; `kind` names the failure in run summaries, `cause` says it to a person."""

    kind = "fetch"
    cause = "fetch failed"
    transient = False


class RobotsDisallowed(FetchError):
    """Raised before a request that the site's robots.txt forbids."""

    kind = "robots_disallowed"
    cause = "disallowed by robots.txt"


class RobotsUnavailable(RobotsDisallowed):
    """Raised before every request to a host whose robots.txt answered 5xx: RFC 9309 says disallow all, this run.

    (When robots.txt could not be reached at all, the page fails with that cause: refused, DNS, timeout.)
    """

    kind = "robots_unavailable"
    cause = "robots.txt answered 5xx, host skipped this run"
    transient = True


class OffHostError(FetchError):
    """Raised for a URL or redirect outside the configured hosts; it is never requested."""

    kind = "off_host"
    cause = "off the configured hosts"


class TooManyRedirects(FetchError):
    """Raised when a redirect chain is longer than the cap or loops."""

    kind = "too_many_redirects"
    cause = "too many redirects"


class TooLargeError(FetchError):
    """Raised when a body (decoded, so gzip bombs too) exceeds the size cap."""

    kind = "too_large"
    cause = "over the size cap"


class HttpStatusError(FetchError):
    """Raised for a final 4xx/5xx answer; 5xx and 429 are transient."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status
        self.kind = f"http_{status}"
        self.transient = status == 429 or status >= 500


class FetchTimeout(FetchError):
    """Raised when every attempt timed out."""

    kind = "timeout"
    cause = "timeout"
    transient = True


class ConnectionFailed(FetchError):
    """Raised when every attempt failed to connect."""

    kind = "connection"
    cause = "connection failed"
    transient = True


class DnsFailure(ConnectionFailed):
    """Raised when the host name does not resolve."""

    kind = "dns"
    cause = "DNS failure"


class ConnectionRefused(ConnectionFailed):
    """Raised when the host refuses the connection (nothing listens on the port)."""

    kind = "refused"
    cause = "refused connection"


class BrokenBody(FetchError):
    """Raised when a body breaks off before its Content-Length, or its chunking or compression is malformed."""

    kind = "broken_body"
    cause = "body cut off or malformed (truncated, bad chunking or bad gzip)"
    transient = True


class DeadlineExceeded(FetchError):
    """Raised when one response takes longer in all than the overall deadline (a server trickling bytes)."""

    kind = "deadline"
    cause = "response over the overall deadline"
    transient = True


def _fetch_errors(cls: type[FetchError] = FetchError) -> list[type[FetchError]]:
    """Every fetch error class, to read their kinds and causes."""
    return [cls] + [sub for child in cls.__subclasses__() for sub in _fetch_errors(child)]


@cache
def _causes() -> dict[str, str]:
    """Each fetch error kind's cause, read once from the classes."""
    return {cls.kind: cls.cause for cls in _fetch_errors()}


def cause_of(kind: str) -> str:
    """A summary's error kind as a person reads it: `refused` → "refused connection", `retry_http_503` → "retried after HTTP 503"."""
    if kind.startswith("retry_"):
        return f"retried after {cause_of(kind.removeprefix('retry_'))}"
    if kind.startswith("http_"):
        return f"HTTP {kind.removeprefix('http_')}"
    return _causes().get(kind, kind.replace("_", " "))


class ReviewFileError(VnfactsError):
    """Raised when a review file is malformed; lists every bad line as FILE:LINE: problem, and nothing is imported."""
