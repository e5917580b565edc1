"""A real HTTP server on 127.0.0.1 for the update tests, with the ways a server can misbehave.

Each path gets a queue of behaviours; a request takes the next one, and the last one repeats, so
``[status(500), send(book)]`` is a server that fails once and then recovers.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
STALL_SECONDS = 10.0  # a stalled handler gives up after this, or when the test ends

Behaviour = Callable[[BaseHTTPRequestHandler], None]


class WjpServer(ThreadingHTTPServer):
    """The server: routes, the paths requested so far, and an event that ends every stall."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes: dict[str, list[Behaviour]] = {}
        self.requests: list[str] = []
        self.headers: list[dict[str, str]] = []  # each request's headers, names in lower case
        self.release = threading.Event()
        self._lock = threading.Lock()

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, *behaviours: Behaviour) -> str:
        """Serve ``behaviours`` at ``path`` one request after the other; return the URL."""
        self.routes[path] = list(behaviours)
        return self.url(path)

    def handle_error(self, request: object, client_address: object) -> None:
        """Quiet: a client that hangs up (as timeouts do) is expected, and the default would print
        a traceback into the stderr the CLI tests capture."""

    def next_behaviour(self, path: str) -> Behaviour:
        with self._lock:
            self.requests.append(path)
            queue = self.routes.get(path)
            if not queue:
                return status(404)
            return queue.pop(0) if len(queue) > 1 else queue[0]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: WjpServer

    def do_GET(self) -> None:
        self.server.headers.append({k.lower(): v for k, v in self.headers.items()})
        self.server.next_behaviour(self.path)(self)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the tests assert on what the client says, not on the server's log."""


@contextlib.contextmanager
def serve() -> Iterator[WjpServer]:
    """Run a :class:`WjpServer` in a thread for the duration of a test."""
    server = WjpServer()
    # serve_forever checks for shutdown every poll_interval: the default 0.5 s would be spent in the
    # teardown of every test.
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
    )
    thread.start()
    try:
        yield server
    finally:
        server.release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def closed_port_url(path: str = "/wjp.xlsx") -> str:
    """An address on 127.0.0.1 where nothing listens (connection refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}{path}"


def _headers(
    handler: BaseHTTPRequestHandler,
    code: int,
    length: int | None,
    content_type: str = XLSX,
    **extra: str,
) -> None:
    """Status and headers; ``length`` ``None`` means a chunked body. ``extra``: ``Content_Encoding``
    for ``Content-Encoding`` and so on."""
    handler.send_response(code)
    handler.send_header("Content-Type", content_type)
    if length is None:
        handler.send_header("Transfer-Encoding", "chunked")
    else:
        handler.send_header("Content-Length", str(length))
    for name, value in extra.items():
        handler.send_header(name.replace("_", "-"), value)
    handler.end_headers()


def send(body: bytes, content_type: str = XLSX, *, encoding: str | None = None) -> Behaviour:
    """A 200 with ``body``, sent as is; ``encoding`` is announced as its Content-Encoding whether
    or not the body is encoded that way (servers do that)."""

    def behave(handler: BaseHTTPRequestHandler) -> None:
        extra = {"Content_Encoding": encoding} if encoding else {}
        _headers(handler, 200, len(body), content_type, **extra)
        handler.wfile.write(body)

    return behave


def announce(length: int) -> Behaviour:
    """A 200 that announces ``length`` bytes and closes without sending any."""

    def behave(handler: BaseHTTPRequestHandler) -> None:
        _headers(handler, 200, length)
        handler.wfile.flush()
        handler.close_connection = True

    return behave


def endless(chunk: bytes = b"\0" * 65536) -> Behaviour:
    """A chunked 200 without end: ``chunk`` again and again until the client hangs up, the test
    ends, or STALL_SECONDS pass (so a client without a size limit cannot hang a test forever)."""

    def behave(handler: BaseHTTPRequestHandler) -> None:
        server = handler.server
        assert isinstance(server, WjpServer)
        _headers(handler, 200, None)
        frame = f"{len(chunk):X}\r\n".encode() + chunk + b"\r\n"
        stop = time.monotonic() + STALL_SECONDS
        try:
            while not server.release.is_set() and time.monotonic() < stop:
                handler.wfile.write(frame)
            handler.wfile.write(b"0\r\n\r\n")
        except OSError:
            pass  # the client hung up: what a size limit does
        handler.close_connection = True

    return behave


def status(code: int) -> Behaviour:
    """An error status with a short text body."""

    def behave(handler: BaseHTTPRequestHandler) -> None:
        body = f"status {code}".encode()
        _headers(handler, code, len(body), "text/plain")
        handler.wfile.write(body)

    return behave


def redirect(location: str) -> Behaviour:
    def behave(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return behave


def cut_off(body: bytes, after: int) -> Behaviour:
    """Announce all of ``body`` but send only ``after`` bytes, then close the connection."""

    def behave(handler: BaseHTTPRequestHandler) -> None:
        _headers(handler, 200, len(body))
        handler.wfile.write(body[:after])
        handler.wfile.flush()
        handler.close_connection = True

    return behave


def drop() -> Behaviour:
    """Close the connection without any answer."""

    def behave(handler: BaseHTTPRequestHandler) -> None:
        handler.close_connection = True

    return behave


def stall(body: bytes = b"", *, after: int = 0) -> Behaviour:
    """Send headers and ``after`` bytes of ``body`` (nothing at all when ``body`` is empty), then
    hang until the test ends: past any client timeout."""

    def behave(handler: BaseHTTPRequestHandler) -> None:
        server = handler.server
        assert isinstance(server, WjpServer)
        if body:
            _headers(handler, 200, len(body))
            handler.wfile.write(body[:after])
            handler.wfile.flush()
        server.release.wait(STALL_SECONDS)
        handler.close_connection = True

    return behave


def trickle(body: bytes, *, every: float) -> Behaviour:
    """Announce all of ``body`` and send it one byte per ``every`` seconds: each read is quick
    enough for a per-read timeout, the whole never ends in time."""

    def behave(handler: BaseHTTPRequestHandler) -> None:
        server = handler.server
        assert isinstance(server, WjpServer)
        _headers(handler, 200, len(body))
        try:
            for byte in body:
                handler.wfile.write(bytes([byte]))
                handler.wfile.flush()
                if server.release.wait(every):
                    break
        except OSError:
            pass  # the client hung up: what a deadline does
        handler.close_connection = True

    return behave


def files_in(folder: Path) -> set[str]:
    """Every file under ``folder``, as relative paths: what a failure must leave unchanged."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


def hidden_entries(folder: Path) -> list[str]:
    """Temporary files and folders (``.download-…``, ``.import-…``, ``.replaced-…``) left over."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob(".*"))
