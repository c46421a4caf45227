"""A small stdlib HTTP server on 127.0.0.1 standing in for a customer's webhook receiver."""

from __future__ import annotations

import json
import threading
from collections.abc import Generator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable

Answer = Callable[[dict[str, Any]], tuple[int, bytes]]
"""What the receiver answers to a JSON body: a status and the raw body."""


def empty_ok(body: dict[str, Any]) -> tuple[int, bytes]:
    """Answer 200 with no body, as a webhook receiver does."""
    return 200, b""


@dataclass
class Receiver:
    """The running receiver: its URL and the JSON bodies it got, in order."""

    url: str
    received: list[dict[str, Any]] = field(default_factory=list[dict[str, Any]])


@contextmanager
def receiver(answer: Answer = empty_ok) -> Generator[Receiver, None, None]:
    """Run a receiver on an ephemeral loopback port while the ``with`` block runs."""
    state = Receiver("")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            state.received.append(body)
            status, content = answer(body)
            self.send_response(status)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01})
    thread.start()
    try:
        state.url = f"http://127.0.0.1:{server.server_address[1]}/tenios"
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
