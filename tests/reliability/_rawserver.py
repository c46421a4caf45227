"""A loopback TCP server for faults that need raw sockets: resets, truncation, stalls, trickles.

Each accepted connection runs in its own thread and is handed to a *handler*, called again and
again while it returns ``True`` (keep-alive). Handlers are built from the small helpers at the
bottom of this module. Every blocking call is bounded by ``IO_TIMEOUT``, so no test can hang.
"""

from __future__ import annotations

import contextlib
import functools
import socket
import struct
import threading
import time
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from typing import Callable, Optional

IO_TIMEOUT = 10.0
"""Upper bound on any blocking socket call or stall in this module, in seconds."""


@dataclass(frozen=True)
class ReceivedRequest:
    """A complete request (head and body) the server read."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    connection_id: int
    peer_port: int


class RawConnection:
    """One accepted connection, with just enough HTTP/1.1 to read a request."""

    def __init__(self, server: RawServer, sock: socket.socket, connection_id: int) -> None:
        self.server = server
        self.sock = sock
        self.connection_id = connection_id
        self.peer_port: int = sock.getpeername()[1]
        self.closed = False
        self._buffer = b""

    def read_head(self) -> Optional[tuple[str, str, dict[str, str]]]:
        """Method, path and headers of the next request, or ``None`` when the peer closed."""
        while b"\r\n\r\n" not in self._buffer:
            chunk = self._recv()
            if not chunk:
                return None
            self._buffer += chunk
        head, self._buffer = self._buffer.split(b"\r\n\r\n", 1)
        request_line, *header_lines = head.decode("latin-1").split("\r\n")
        method, path, _ = request_line.split(" ", 2)
        headers: dict[str, str] = {}
        for line in header_lines:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        return method, path, headers

    def read_request(self) -> Optional[ReceivedRequest]:
        """Read one whole request and record it on the server; ``None`` when the peer closed."""
        head = self.read_head()
        if head is None:
            return None
        method, path, headers = head
        length = int(headers.get("content-length", "0"))
        while len(self._buffer) < length:
            chunk = self._recv()
            if not chunk:
                return None
            self._buffer += chunk
        body, self._buffer = self._buffer[:length], self._buffer[length:]
        request = ReceivedRequest(method, path, headers, body, self.connection_id, self.peer_port)
        self.server.record(request)
        return request

    def send(self, data: bytes) -> None:
        """Send bytes; a peer that went away ends the connection quietly."""
        try:
            self.sock.sendall(data)
        except OSError:
            self.closed = True

    def reset(self) -> None:
        """Abort the connection with a TCP RST (SO_LINGER 0), as a crashing proxy would."""
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close()

    def close(self) -> None:
        """Close the connection (FIN)."""
        if not self.closed:
            self.closed = True
            self.sock.close()

    def stall(self, seconds: float = IO_TIMEOUT) -> None:
        """Do nothing for ``seconds``, or until the server stops."""
        self.server.stopping.wait(seconds)

    def _recv(self) -> bytes:
        try:
            return self.sock.recv(65536)
        except OSError:
            return b""


Handler = Callable[[RawConnection], bool]
"""Serves one exchange on a connection; returns whether to keep the connection open."""


class RawServer:
    """A threaded loopback server; use as a context manager to get ``base_url``."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.stopping = threading.Event()
        self.connections_accepted = 0
        self._requests: list[ReceivedRequest] = []
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0), backlog=64)
        self._listener.settimeout(0.05)
        self.port: int = self._listener.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._threads: list[threading.Thread] = []
        self._sockets: list[socket.socket] = []

    def __enter__(self) -> RawServer:
        self._spawn(self._accept_loop)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def requests(self) -> list[ReceivedRequest]:
        """Every complete request read so far, in order."""
        with self._lock:
            return list(self._requests)

    def requests_to(self, path: str) -> list[ReceivedRequest]:
        """The complete requests read for ``path``."""
        return [request for request in self.requests if request.path == path]

    def record(self, request: ReceivedRequest) -> None:
        """Remember a complete request (called by ``RawConnection.read_request``)."""
        with self._lock:
            self._requests.append(request)

    def stop(self) -> None:
        """Stop accepting, wake every stalled handler, close every socket, join the threads."""
        self.stopping.set()
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        for thread in self._threads:
            thread.join(IO_TIMEOUT)
        for sock in sockets:
            sock.close()
        self._listener.close()

    def _spawn(self, target: Callable[[], None]) -> None:
        thread = threading.Thread(target=target, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _accept_loop(self) -> None:
        while not self.stopping.is_set():
            try:
                sock, _ = self._listener.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            sock.settimeout(IO_TIMEOUT)
            with self._lock:
                self.connections_accepted += 1
                connection_id = self.connections_accepted
                self._sockets.append(sock)
            connection = RawConnection(self, sock, connection_id)
            self._spawn(functools.partial(self._serve, connection))

    def _serve(self, connection: RawConnection) -> None:
        try:
            while not connection.closed and not self.stopping.is_set():
                if not self.handler(connection):
                    break
        except OSError:
            pass
        finally:
            connection.close()


# -- building blocks for handlers -----------------------------------------------------------


def http_response(
    status: int,
    body: bytes = b"",
    headers: Sequence[tuple[str, str]] = (),
    *,
    content_length: Optional[int] = None,
) -> bytes:
    """The bytes of an HTTP/1.1 response; ``content_length`` overrides the true length."""
    length = len(body) if content_length is None else content_length
    lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'Status')}", f"Content-Length: {length}"]
    lines += [f"{name}: {value}" for name, value in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


JSON = (("Content-Type", "application/json"),)

_REASONS = {
    200: "OK",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


def answer(status: int, body: bytes = b"", headers: Sequence[tuple[str, str]] = JSON) -> Handler:
    """Answer every request with the same response, keeping the connection open."""

    def handle(connection: RawConnection) -> bool:
        if connection.read_request() is None:
            return False
        connection.send(http_response(status, body, headers))
        return True

    return handle


def answer_with(respond: Callable[[ReceivedRequest], bytes]) -> Handler:
    """Answer every request with the raw bytes ``respond`` builds for it."""

    def handle(connection: RawConnection) -> bool:
        request = connection.read_request()
        if request is None:
            return False
        connection.send(respond(request))
        return True

    return handle


def closed_port() -> int:
    """A loopback port nobody listens on: connecting is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@contextlib.contextmanager
def never_accepting() -> Generator[str, None, None]:
    """A listener whose accept queue is full and never drained: new connects hang (Linux).

    With ``listen(0)`` Linux queues one established connection; filler connects occupy it and
    further SYNs are dropped, so a client's connect times out instead of being refused.
    """
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    fillers: list[socket.socket] = []
    try:
        for _ in range(4):
            filler = socket.socket()
            filler.setblocking(False)
            with contextlib.suppress(BlockingIOError):
                filler.connect(("127.0.0.1", port))
            fillers.append(filler)
        time.sleep(0.02)  # let the kernel finish the fillers' handshakes
        yield f"http://127.0.0.1:{port}"
    finally:
        for filler in fillers:
            filler.close()
        listener.close()
