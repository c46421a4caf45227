"""A throwaway certificate for 127.0.0.1, made with openssl (its own CA), and a TLS server on it,
for tests of TLS."""

from __future__ import annotations

import ssl
import subprocess
import threading
from collections.abc import Generator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 that no public CA signed (usable as its own CA bundle), and
    its key, written to ``folder``."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", str(key), "-out", str(cert),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )  # fmt: skip
    return cert, key


@contextmanager
def https_server(
    handler: type[BaseHTTPRequestHandler], certificate: tuple[Path, Path]
) -> Generator[str, None, None]:
    """Serve ``handler`` over TLS with ``certificate`` (cert, key) on an ephemeral loopback port
    while the ``with`` block runs; yields ``https://127.0.0.1:<port>``."""
    cert, key = certificate
    server = HTTPServer(("127.0.0.1", 0), handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01})
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
