"""Fetching policy, kept apart from parsing: robots.txt, per-host delay and one connection, retries, caps.

A `Fetcher` holds what politeness needs to remember (the session, each host's robots.txt,
lock and next allowed time); `fetch` is the one way a page is requested. Failures are the
`FetchError` classes of `pipeline.errors`, each with the `kind` counted in run summaries;
retried failures that ended well are counted in the caller's `events` counter.
"""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from protego import Protego

from .. import settings
from ..errors import (
    BrokenBody,
    ConnectionFailed,
    ConnectionRefused,
    DeadlineExceeded,
    DnsFailure,
    FetchError,
    FetchTimeout,
    HttpStatusError,
    OffHostError,
    RobotsDisallowed,
    RobotsUnavailable,
    TooLargeError,
    TooManyRedirects,
)

__all__ = ["Fetched", "Fetcher", "fetch", "host_of", "on_hosts", "make_fetcher"]

_REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class Fetched:
    """One final response: where it was asked for and where it ended, its status, headers and (decoded) body."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass
class Fetcher:
    """The politeness state shared by every request of a run: session, robots.txt, per-host locks and clocks."""

    hosts: frozenset[str]
    delay: dict[str, float] = field(default_factory=dict)
    user_agent: str = settings.FETCH_USER_AGENT
    timeout: float = settings.FETCH_TIMEOUT
    retries: int = settings.FETCH_RETRIES
    backoff: float = settings.FETCH_BACKOFF
    max_retry_after: float = settings.FETCH_MAX_RETRY_AFTER
    max_bytes: int = settings.FETCH_MAX_BYTES
    max_redirects: int = settings.FETCH_MAX_REDIRECTS
    deadline: float = settings.FETCH_DEADLINE
    session: requests.Session = field(default_factory=requests.Session)
    # per host: its rules, None (no robots.txt: allow all) or why it could not be read (disallow all this run)
    robots: dict[str, Protego | FetchError | None] = field(default_factory=dict)
    locks: dict[str, threading.Lock] = field(default_factory=dict)
    next_time: dict[str, float] = field(default_factory=dict)
    guard: threading.Lock = field(default_factory=threading.Lock)


# The socket each thread is sending its request on, so a deadline timer can cut a response still in its headers.
_SOCKETS: dict[int, object] = {}


class _WatchedHTTP(urllib3.connection.HTTPConnection):
    """An HTTP connection that notes its socket for the calling thread at each request."""

    def request(self, *args: object, **kwargs: object) -> None:  # type: ignore[override]
        """Send the request, noting which socket this thread now waits on."""
        super().request(*args, **kwargs)  # type: ignore[arg-type]
        _SOCKETS[threading.get_ident()] = self.sock


class _WatchedHTTPS(urllib3.connection.HTTPSConnection, _WatchedHTTP):
    """The HTTPS twin of `_WatchedHTTP`."""


class _WatchedPool(urllib3.HTTPConnectionPool):
    """A pool of watched HTTP connections."""

    ConnectionCls = _WatchedHTTP


class _WatchedHTTPSPool(urllib3.HTTPSConnectionPool):
    """A pool of watched HTTPS connections."""

    ConnectionCls = _WatchedHTTPS


def _cut(thread: int, expired: threading.Event) -> None:
    """At the deadline: shut the socket `thread` waits on, so a server trickling even its headers lets go."""
    expired.set()
    sock = _SOCKETS.get(thread)
    try:
        sock.shutdown(socket.SHUT_RDWR)  # type: ignore[union-attr]
    except (AttributeError, OSError):
        pass


def host_of(url: str) -> str:
    """The host:port a URL is served from, lower case: the unit of politeness."""
    return urlsplit(url).netloc.lower()


def on_hosts(url: str, hosts: set[str] | frozenset[str]) -> bool:
    """Whether `url` is a web page (http or https) on one of `hosts`: the one test of what the crawl may follow."""
    return urlsplit(url).scheme in ("http", "https") and host_of(url) in hosts


def make_fetcher(hosts: dict[str, float], **overrides: object) -> Fetcher:
    """A fetcher allowed on `hosts` (host → delay in seconds); keyword overrides replace the settings defaults."""
    fetcher = Fetcher(hosts=frozenset(hosts), delay=dict(hosts), **overrides)  # type: ignore[arg-type]
    fetcher.session.headers["User-Agent"] = fetcher.user_agent
    adapter = requests.adapters.HTTPAdapter(pool_connections=max(len(hosts), 1), pool_maxsize=1, max_retries=0)
    adapter.poolmanager.pool_classes_by_scheme = {"http": _WatchedPool, "https": _WatchedHTTPSPool}
    fetcher.session.mount("http://", adapter)
    fetcher.session.mount("https://", adapter)
    return fetcher


def _lock(fetcher: Fetcher, host: str) -> threading.Lock:
    """The lock that keeps one request at a time on `host`."""
    with fetcher.guard:
        return fetcher.locks.setdefault(host, threading.Lock())


def _wait_turn(fetcher: Fetcher, host: str) -> None:
    """Sleep until `host` may be asked again, then book the next slot (caller holds the host's lock)."""
    now = time.monotonic()
    wait = fetcher.next_time.get(host, now) - now
    if wait > 0:
        time.sleep(wait)
    fetcher.next_time[host] = time.monotonic() + fetcher.delay.get(host, settings.FETCH_DELAY)


def _read_capped(response: requests.Response, max_bytes: int, url: str, deadline: float, cut: bool = False) -> bytes:
    """The decoded body, refused as soon as it passes `max_bytes` (the decoded count stops gzip bombs) or `deadline`.

    With `cut` a longer body is cut at `max_bytes` instead. Reads take what has arrived, so a server
    trickling bytes meets the deadline; a body broken off, badly chunked or badly compressed raises BrokenBody.
    """
    declared = response.headers.get("Content-Length", "")
    if not cut and declared.isdigit() and int(declared) > max_bytes and not response.headers.get("Content-Encoding"):
        raise TooLargeError(f"{url}: declares {declared} bytes, over the {max_bytes} byte cap")
    body = bytearray()
    try:
        while chunk := response.raw.read1(settings.FETCH_CHUNK, decode_content=True):
            body += chunk
            if len(body) > max_bytes:
                if cut:
                    return bytes(body[:max_bytes])
                raise TooLargeError(f"{url}: body over the {max_bytes} byte cap (decoded)")
            if time.monotonic() > deadline:
                raise DeadlineExceeded(f"{url}: response not complete within its overall deadline (FETCH_DEADLINE)")
    except urllib3.exceptions.ReadTimeoutError:
        raise FetchTimeout(f"{url}: body stalled") from None
    except (urllib3.exceptions.HTTPError, OSError) as exc:
        raise BrokenBody(f"{url}: body cut off or malformed ({type(exc).__name__}) after {len(body)} bytes") from None
    return bytes(body)


def _retry_after(value: str | None, default: float, cap: float) -> float:
    """Seconds a Retry-After header (seconds or an HTTP date) asks for, else `default`; never above `cap`."""
    if not value:
        return min(default, cap)
    if value.strip().isdigit():
        return min(float(value), cap)
    try:
        return min(max(parsedate_to_datetime(value).timestamp() - time.time(), 0.0), cap)
    except (TypeError, ValueError):
        return min(default, cap)


def _request_once(fetcher: Fetcher, url: str, headers: dict[str, str], cut_at: int | None = None) -> Fetched:
    """One request to `url` in the host's turn, no redirect followed, within the deadline; transient failures raise.

    With `cut_at` the body is cut at that many bytes instead of refused over the cap (robots.txt).
    """
    host = host_of(url)
    with _lock(fetcher, host):
        _wait_turn(fetcher, host)
        deadline = time.monotonic() + fetcher.deadline
        expired = threading.Event()
        timer = threading.Timer(fetcher.deadline + 1.0, _cut, (threading.get_ident(), expired))  # the body loop checks first
        timer.daemon = True
        timer.start()
        try:
            with fetcher.session.get(url, headers=headers, timeout=fetcher.timeout, stream=True, allow_redirects=False) as response:
                if response.status_code in _REDIRECTS or response.status_code == 429 or response.status_code >= 400:
                    response.close()
                    body = b""
                else:
                    body = _read_capped(response, cut_at or fetcher.max_bytes, url, deadline, cut=cut_at is not None)
                if expired.is_set():  # cut mid-headers, the answer may look whole: it is not
                    raise BrokenBody(f"{url}: cut at the deadline")
                return Fetched(url, url, response.status_code, dict(response.headers), body)
        except (requests.RequestException, BrokenBody) as exc:
            raise _failure(url, exc, fetcher.timeout, expired.is_set()) from None
        finally:
            timer.cancel()


def _failure(url: str, exc: Exception, timeout: float, expired: bool) -> FetchError:
    """What a failed request was: over the deadline (its socket was cut), a timeout, a broken body or a connection failure."""
    if expired:
        return DeadlineExceeded(f"{url}: response not complete within its overall deadline (FETCH_DEADLINE)")
    if isinstance(exc, BrokenBody):
        return exc
    if isinstance(exc, requests.Timeout) or "timed out" in str(exc).lower():
        return FetchTimeout(f"{url}: timed out after {timeout} s")
    if isinstance(exc, requests.ConnectionError):
        return _connection_failure(url, exc)
    return BrokenBody(f"{url}: answer malformed ({type(exc).__name__})")


def _connection_failure(url: str, exc: requests.ConnectionError) -> ConnectionFailed:
    """The connection error by its cause: a name that does not resolve, a refused port, or another failure."""
    said = str(exc)
    if "NameResolutionError" in said or "Failed to resolve" in said or "Name or service not known" in said:
        return DnsFailure(f"{url}: DNS failure, the host name does not resolve")
    if "Connection refused" in said or "ConnectionRefusedError" in said:
        return ConnectionRefused(f"{url}: connection refused")
    return ConnectionFailed(f"{url}: cannot connect ({type(exc).__name__})")


def _request(fetcher: Fetcher, url: str, headers: dict[str, str], events: Counter[str], cut_at: int | None = None) -> Fetched:
    """One request with retries and exponential backoff on timeouts, connection errors, broken bodies, 429 and 5xx.

    A response over the deadline is not retried in this run: it already held the host that long.
    """
    for attempt in range(fetcher.retries + 1):
        backoff = fetcher.backoff * 2**attempt
        try:
            fetched = _request_once(fetcher, url, headers, cut_at)
        except (FetchTimeout, ConnectionFailed, BrokenBody) as exc:
            events[f"retry_{exc.kind}"] += 1
            if attempt == fetcher.retries:
                raise
            time.sleep(backoff)
            continue
        if fetched.status == 429 or fetched.status >= 500:
            events[f"retry_http_{fetched.status}"] += 1
            if attempt == fetcher.retries:
                raise HttpStatusError(f"{url}: HTTP {fetched.status} after {attempt + 1} attempts", fetched.status)
            time.sleep(_retry_after(fetched.headers.get("Retry-After"), backoff, fetcher.max_retry_after))
            continue
        return fetched
    raise AssertionError("unreachable")


def _read_robots(fetcher: Fetcher, robots_url: str, events: Counter[str]) -> Protego | FetchError | None:
    """A host's robots.txt as RFC 9309 reads it: rules, None (4xx, or too many redirects: allow all) or why it is unreachable.

    Up to ROBOTS_MAX_REDIRECTS redirects are followed and the first ROBOTS_MAX_BYTES parsed; a 5xx
    (after retries), a timeout or a failed connection is returned: disallow all for this run.
    """
    current = robots_url
    for _ in range(settings.ROBOTS_MAX_REDIRECTS + 1):
        if urlsplit(current).scheme not in ("http", "https"):
            return None
        try:
            answer = _request(fetcher, current, {}, events, cut_at=settings.ROBOTS_MAX_BYTES)
        except HttpStatusError as exc:
            return RobotsUnavailable(f"answered HTTP {exc.status}")
        except (FetchTimeout, ConnectionFailed, BrokenBody, DeadlineExceeded) as exc:
            return exc
        if answer.status in _REDIRECTS:
            current = urljoin(current, answer.headers.get("Location", ""))
            continue
        if 200 <= answer.status < 300:
            return Protego.parse(answer.body.decode("utf-8", "replace"))
        return None
    return None


def _allowed(fetcher: Fetcher, url: str, events: Counter[str]) -> bool:
    """Whether the host's robots.txt lets us fetch `url`; while it is unreachable, raise why (a transient failure: disallow all)."""
    host = host_of(url)
    if host not in fetcher.robots:
        fetcher.robots[host] = _read_robots(fetcher, f"{urlsplit(url).scheme}://{host}/robots.txt", events)
    rules = fetcher.robots[host]
    if isinstance(rules, FetchError):
        raise type(rules)(f"{url}: not fetched, the host's robots.txt is unreachable ({rules}; RFC 9309: disallow all)")
    return rules is None or rules.can_fetch(url, fetcher.user_agent)


def _check(fetcher: Fetcher, url: str, events: Counter[str]) -> None:
    """Refuse a URL off the configured hosts or forbidden by robots.txt, before any request to it."""
    if not on_hosts(url, fetcher.hosts):
        raise OffHostError(f"{url}: not on a configured host")
    if not _allowed(fetcher, url, events):
        raise RobotsDisallowed(f"{url}: disallowed by robots.txt")


def fetch(fetcher: Fetcher, url: str, headers: dict[str, str] | None = None, events: Counter[str] | None = None) -> Fetched:
    """GET `url` politely, following redirects on the configured hosts up to the cap; a 304 is returned, other 4xx/5xx raise."""
    events = Counter() if events is None else events
    seen = {url}
    current = url
    for _ in range(fetcher.max_redirects + 1):
        _check(fetcher, current, events)
        answer = _request(fetcher, current, headers or {}, events)
        if answer.status not in _REDIRECTS:
            if answer.status >= 400:
                raise HttpStatusError(f"{current}: HTTP {answer.status}", answer.status)
            return Fetched(url, current, answer.status, answer.headers, answer.body)
        target = urljoin(current, answer.headers.get("Location", ""))
        if target in seen:
            raise TooManyRedirects(f"{url}: redirect loop at {target}")
        seen.add(target)
        current = target
    raise TooManyRedirects(f"{url}: more than {fetcher.max_redirects} redirects")
