"""A threaded HTTP/1.1 server with keep-alive that puts the emulator on a loopback port."""

from __future__ import annotations

import contextlib
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Optional, cast

from ._app import App
from ._reply import Reply

__all__ = ["EmulatorServer"]

_IDLE_SECONDS = 60.0
"""How long an idle keep-alive connection stays open."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: one connection serves many requests
    timeout = _IDLE_SECONDS
    # Headers and body go out in two writes; without this, Nagle and delayed ACKs add ~40 ms.
    disable_nagle_algorithm = True

    def do_POST(self) -> None:
        self._serve()

    do_GET = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_POST

    def _serve(self) -> None:
        server = cast("EmulatorServer", self.server)
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:  # the body cannot be found: answer this request, then hang up
            length, self.close_connection = 0, True
        body = self.rfile.read(length) if length > 0 else b""
        reply = server.app.handle(self.command, self.path, self.headers.items(), body)
        if reply.delay and server.stopping.wait(reply.delay):
            reply = Reply(0, drop=True)  # shutting down: do not answer late
        if reply.drop:
            self.close_connection = True
            server.log(f"{self.command} {self.path} -> connection dropped")
            return
        try:
            self.send_response(reply.status)
            for name, value in reply.headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)
        except OSError:  # the client gave up (e.g. its read timeout fired during a delay)
            self.close_connection = True
        server.log(f"{self.command} {self.path} -> {reply.status}")

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the default access log on stderr; ``EmulatorServer.log`` reports instead."""


class EmulatorServer(ThreadingHTTPServer):
    """Serves ``app`` on ``(host, port)``, one thread per connection.

    The listen backlog is 128, not socketserver's 5: many client threads connecting at once
    (a load test, a pool warming up) would otherwise see resets that no real API gives.

    Args:
        address: host and port; port 0 picks a free one.
        app: the emulated API.
        on_connection: called for every accepted connection.
        log: called with one line per answered request, if given.
    """

    request_queue_size = 128

    def __init__(
        self,
        address: tuple[str, int],
        app: App,
        *,
        on_connection: Callable[[], None],
        log: Optional[Callable[[str], None]] = None,
    ) -> None:
        self.app = app
        self.stopping = threading.Event()
        self._on_connection = on_connection
        self._log = log
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, _Handler)

    @property
    def base_url(self) -> str:
        """``http://host:port`` of this server."""
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def log(self, line: str) -> None:
        """Report one answered request to the ``log`` callback, if any."""
        if self._log is not None:
            self._log(line)

    def process_request(self, request: Any, client_address: Any) -> None:
        """Count and track each connection before its thread starts."""
        with self._open_lock:
            self._open.add(request)
        self._on_connection()
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        """Forget a connection once its thread is done with it."""
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Stay quiet about clients that hung up; report anything else."""
        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handle_error(request, client_address)  # pragma: no cover - an emulator bug

    def stop(self) -> None:
        """Stop accepting, wake delayed answers, close open connections, join their threads."""
        self.stopping.set()
        self.shutdown()
        with self._open_lock:
            connections = list(self._open)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        self.server_close()
