"""The errors vnfacts raises on bad input, each naming the file, URL or line it concerns."""

from __future__ import annotations

__all__ = [
    "VnfactsError", "ReadError", "EmptyPageError", "EncodingError", "GoldFileError", "RecordsError", "StoreError", "QueryError",
    "FetchError", "RobotsDisallowed", "OffHostError", "TooManyRedirects", "TooLargeError", "HttpStatusError", "FetchTimeout",
    "ConnectionFailed",
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


class FetchError(VnfactsError):
    """Raised by the fetcher when a URL cannot be fetched; `kind` names the failure in run summaries."""

    kind = "fetch"
    transient = False


class RobotsDisallowed(FetchError):
    """Raised before a request that the site's robots.txt forbids."""

    kind = "robots_disallowed"


class OffHostError(FetchError):
    """Raised for a URL or redirect outside the configured hosts; it is never requested."""

    kind = "off_host"


class TooManyRedirects(FetchError):
    """Raised when a redirect chain is longer than the cap or loops."""

    kind = "too_many_redirects"


class TooLargeError(FetchError):
    """Raised when a body (decoded, so gzip bombs too) exceeds the size cap."""

    kind = "too_large"


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
    transient = True


class ConnectionFailed(FetchError):
    """Raised when every attempt failed to connect."""

    kind = "connection"
    transient = True


class ReviewFileError(VnfactsError):
    """Raised when a review file is malformed; lists every bad line as FILE:LINE: problem, and nothing is imported."""
