"""The errors vnfacts raises on bad input, each naming the file, URL or line it concerns."""

from __future__ import annotations

__all__ = ["VnfactsError", "ReadError", "EmptyPageError", "EncodingError", "GoldFileError", "RecordsError", "StoreError", "QueryError"]


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
