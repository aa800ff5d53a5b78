"""A news site served on 127.0.0.1 from local pages: the demo of `make run`, the tests' and the benchmark's fixture.

`build_site` lays out articles as a provincial paper does — a paginated party-building
listing, an RSS feed, a sitemap and robots.txt; `serve` runs any such route table (static
answers or functions of the request) in a background thread and counts the hits per path.
"""

from __future__ import annotations

import html
import sys
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

__all__ = ["Answer", "Site", "serve", "stop", "build_site", "corpus_articles"]

Answer = tuple[int, dict[str, str], bytes]
Route = Answer | Callable[[BaseHTTPRequestHandler], Answer]

_PER_PAGE = 5


@dataclass
class Site:
    """A running local site: its base URL, routes, and the hits per path so far."""

    server: ThreadingHTTPServer
    base: str
    routes: dict[str, Route]
    hits: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _handler(site_ref: list[Site]) -> type[BaseHTTPRequestHandler]:
    """A request handler class answering from the site's route table (404 for anything else)."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            """Answer a GET from the routes, counting the hit."""
            site = site_ref[0]
            with site.lock:
                site.hits[self.path] += 1
            route = site.routes.get(self.path, (404, {"Content-Type": "text/plain"}, b"not found"))
            status, headers, body = route(self) if callable(route) else route
            try:
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, format: str, *args: object) -> None:
            """Stay quiet: tests and the demo print their own summaries."""

    return Handler


class _Server(ThreadingHTTPServer):
    """A threaded server that takes a client hanging up (a crawler refusing a body) as normal."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Ignore connections the client reset; report anything else."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(routes: dict[str, Route], port: int = 0) -> Site:
    """Serve `routes` on 127.0.0.1 (a free port unless given) in a daemon thread."""
    ref: list[Site] = []
    server = _Server(("127.0.0.1", port), _handler(ref))
    site = Site(server, f"http://127.0.0.1:{server.server_address[1]}", routes)
    ref.append(site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return site


def stop(site: Site) -> None:
    """Stop serving and free the port."""
    site.server.shutdown()
    site.server.server_close()


def corpus_articles(corpus: Path | str) -> list[bytes]:
    """The HTML article pages under `corpus/html`, in name order."""
    return [path.read_bytes() for path in sorted(Path(corpus).glob("html/**/*.html"))]


def _html(body: str) -> Answer:
    """A UTF-8 HTML answer."""
    return 200, {"Content-Type": "text/html; charset=utf-8"}, body.encode("utf-8")


def build_site(base: str, articles: list[bytes], section: str = "/xay-dung-dang/", per_page: int = _PER_PAGE) -> dict[str, Route]:
    """Routes of a paper: articles `{section}bai-viet-{i}.html`, a listing paged `?page={n}` with an `a.next` link, RSS, sitemap, robots.txt."""
    routes: dict[str, Route] = {}
    paths = [f"{section}bai-viet-{i + 1}.html" for i in range(len(articles))]
    now = datetime(2026, 11, 21, 20, 0, tzinfo=timezone.utc)
    for path, body in zip(paths, articles):
        routes[path] = (200, {"Content-Type": "text/html"}, body)
    pages = [paths[i : i + per_page] for i in range(0, len(paths), per_page)] or [[]]
    for number, chunk in enumerate(pages, start=1):
        links = "".join(f'<li><a href="{p}">Bài {html.escape(p)}</a></li>' for p in chunk)
        more = f'<a class="next" href="{section}?page={number + 1}">Trang sau</a>' if number < len(pages) else ""
        page = _html(f"<html><body><ul class='list'>{links}</ul><div class='paging'>{more}</div><a href='/lien-he.html'>Liên hệ</a></body></html>")
        routes[section if number == 1 else f"{section}?page={number}"] = page
    items = "".join(
        f"<item><title>Bài {i + 1}</title><link>{base}{p}</link><pubDate>{format_datetime(now - timedelta(hours=i))}</pubDate></item>" for i, p in enumerate(paths[:per_page])
    )
    routes["/rss.xml"] = (200, {"Content-Type": "application/rss+xml"}, f"<rss version='2.0'><channel>{items}</channel></rss>".encode())
    urls = "".join(f"<url><loc>{base}{p}</loc><lastmod>{(now - timedelta(days=i)).date().isoformat()}</lastmod></url>" for i, p in enumerate(paths))
    routes["/sitemap.xml"] = (200, {"Content-Type": "application/xml"}, f"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>".encode())
    routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /admin/\n")
    return routes
