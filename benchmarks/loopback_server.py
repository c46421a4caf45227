"""A minimal keep-alive HTTP/1.1 server on 127.0.0.1 for the loopback benchmarks (stdlib only).

It answers every request with the same JSON body and keeps the connection open. Run as a script
it prints its port on stdout and serves until stdin closes. It is bounded so it can never outlive a
run: a fixed lifetime, a cap on connections and on requests per connection, an idle timeout on
every connection, and a cap on the size of a request.
"""

from __future__ import annotations

import socket
import sys
import threading

ANSWER = b'{"status": "CONNECTED"}'
RESPONSE = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
    + str(len(ANSWER)).encode()
    + b"\r\n\r\n"
    + ANSWER
)
LIFETIME_SECONDS = 900.0
IDLE_TIMEOUT_SECONDS = 60.0
MAX_CONNECTIONS = 1000
MAX_REQUESTS_PER_CONNECTION = 10_000_000
MAX_REQUEST_BYTES = 1 << 20


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value.strip())
    return 0


def serve_connection(connection: socket.socket) -> None:
    """Answer the requests on one connection until the peer closes it or a bound is reached."""
    connection.settimeout(IDLE_TIMEOUT_SECONDS)
    connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    buffer = b""
    with connection:
        try:
            for _ in range(MAX_REQUESTS_PER_CONNECTION):
                while b"\r\n\r\n" not in buffer:
                    chunk = connection.recv(65536)
                    if not chunk or len(buffer) > MAX_REQUEST_BYTES:
                        return
                    buffer += chunk
                head, _, buffer = buffer.partition(b"\r\n\r\n")
                length = _content_length(head)
                if length > MAX_REQUEST_BYTES:
                    return
                while len(buffer) < length:
                    chunk = connection.recv(65536)
                    if not chunk:
                        return
                    buffer += chunk
                buffer = buffer[length:]
                connection.sendall(RESPONSE)
                if b"connection: close" in head.lower():
                    return
        except (OSError, ValueError):  # a reset, an idle timeout, a malformed length
            return


def accept(listener: socket.socket) -> None:
    """Serve each new connection in its own daemon thread, up to ``MAX_CONNECTIONS``."""
    for _ in range(MAX_CONNECTIONS):
        try:
            connection, _ = listener.accept()
        except OSError:  # the listener was closed
            return
        threading.Thread(target=serve_connection, args=(connection,), daemon=True).start()


def main() -> None:
    """Print the port, serve until stdin closes or the lifetime ends."""
    listener = socket.create_server(("127.0.0.1", 0))
    print(listener.getsockname()[1], flush=True)
    stop = threading.Event()

    def wait_for_stdin_eof() -> None:
        sys.stdin.read()
        stop.set()

    threading.Thread(target=wait_for_stdin_eof, daemon=True).start()
    threading.Thread(target=accept, args=(listener,), daemon=True).start()
    stop.wait(LIFETIME_SECONDS)
    listener.close()


if __name__ == "__main__":
    main()
