"""A raw socket HTTP server on 127.0.0.1 that misbehaves below HTTP: cut bodies, bad chunking, bad gzip, trickled bytes."""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

Writer = Callable[[socket.socket, threading.Event], None]


@dataclass
class RawSite:
    """A running raw server: base URL, what each path sends, the hits per path, and the event that stops it."""

    sock: socket.socket
    base: str
    routes: dict[str, bytes | Writer]
    hits: Counter[str] = field(default_factory=Counter)
    stopping: threading.Event = field(default_factory=threading.Event)


def head(status: str, headers: dict[str, str]) -> bytes:
    """A status line and headers, as bytes on the wire."""
    return (f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n").encode()


def answer(body: bytes, content_type: str = "text/html; charset=utf-8") -> bytes:
    """A well-formed 200 answer with its Content-Length, closing the connection."""
    return head("200 OK", {"Content-Type": content_type, "Content-Length": str(len(body)), "Connection": "close"}) + body


def trickle(body: bytes, every: float) -> Writer:
    """A 200 answer whose body comes one byte every `every` seconds (each byte in time, the whole never)."""

    def write(conn: socket.socket, stopping: threading.Event) -> None:
        conn.sendall(head("200 OK", {"Content-Type": "text/html", "Content-Length": str(len(body)), "Connection": "close"}))
        for byte in body:
            if stopping.wait(every):
                return
            conn.sendall(bytes([byte]))

    return write


def trickled_headers(every: float) -> Writer:
    """A status line, then header bytes one every `every` seconds, never ending the headers."""

    def write(conn: socket.socket, stopping: threading.Event) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nX-Pad: ")
        while not stopping.wait(every):
            conn.sendall(b"a")

    return write


def _serve_one(site: RawSite, conn: socket.socket) -> None:
    """Read one request head and send what its path's route says, then close."""
    with conn:
        conn.settimeout(5)
        data = b""
        try:
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                data += chunk
            path = data.split(b" ", 2)[1].decode()
            site.hits[path] += 1
            route = site.routes.get(path, head("404 Not Found", {"Content-Length": "9", "Connection": "close"}) + b"not found")
            if callable(route):
                route(conn, site.stopping)
            else:
                conn.sendall(route)
            time.sleep(0.01)
        except OSError:
            pass  # the crawler hung up: that is its right


def serve_raw(routes: dict[str, bytes | Writer]) -> RawSite:
    """Serve `routes` (raw bytes sent as they are, or writers) on a free port of 127.0.0.1, a thread per connection."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    site = RawSite(sock, f"http://127.0.0.1:{sock.getsockname()[1]}", routes)

    def accept() -> None:
        while not site.stopping.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            threading.Thread(target=_serve_one, args=(site, conn), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    return site


def stop_raw(site: RawSite) -> None:
    """Stop accepting, end every trickle, free the port."""
    site.stopping.set()
    try:
        site.sock.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
    except OSError:
        pass
    site.sock.close()
