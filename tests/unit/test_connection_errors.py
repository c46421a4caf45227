"""A call that gets no answer says where it went and why, and carries no key anywhere."""

from __future__ import annotations

import json
import logging
import socket
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

import tenios

from .._tls import https_server, self_signed_certificate

KEY = "conn-error-secret-key-0123"


def _refused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port  # closed again: connecting is refused


def _assert_no_key(error: tenios.APIConnectionError) -> None:
    assert KEY not in str(error)
    assert KEY not in repr(error)
    assert error.request is not None
    assert KEY not in error.request.content.decode()
    assert json.loads(error.request.content)["access_key"] == "[REDACTED]"
    cause = error.__cause__
    assert cause is not None
    assert KEY not in cause.request.content.decode()  # type: ignore[attr-defined]


def test_a_refused_port_names_the_host_and_says_refused(caplog: pytest.LogCaptureFixture) -> None:
    port = _refused_port()
    caplog.set_level(logging.DEBUG, logger="tenios")
    client = tenios.TeniosClient(KEY, base_url=f"http://127.0.0.1:{port}", max_retries=0)
    with client, pytest.raises(tenios.APIConnectionError) as caught:
        client.acd.retrieve_agent_state("agent@example.com")
    assert str(caught.value) == (
        "POST /acd/agent-state/retrieve failed: connection to 127.0.0.1 refused."
    )
    _assert_no_key(caught.value)
    debug = [record.getMessage() for record in caught_records(caplog)]
    assert any("connection to 127.0.0.1 refused" in line for line in debug)
    assert all(KEY not in line for line in debug)


def caught_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == "tenios"]


def test_an_unknown_host_says_the_name_was_not_resolved() -> None:
    with (
        tenios.TeniosClient(
            KEY, base_url="https://tenios-sdk-test.invalid", max_retries=0
        ) as client,
        pytest.raises(tenios.APIConnectionError) as caught,
    ):
        client.callback.status(1)
    assert "name tenios-sdk-test.invalid not resolved" in str(caught.value)
    _assert_no_key(caught.value)


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 that no CA signed, and its key (made with openssl)."""
    return self_signed_certificate(tmp_path_factory.mktemp("tls"))


class _Ok(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def tls_server(self_signed: tuple[Path, Path]) -> Iterator[str]:
    with https_server(_Ok, self_signed) as base_url:
        yield base_url


def test_an_untrusted_certificate_says_so(tls_server: str) -> None:
    client = tenios.TeniosClient(KEY, base_url=tls_server, max_retries=0)
    with client, pytest.raises(tenios.APIConnectionError) as caught:
        client.callback.status(1)
    assert "TLS certificate of 127.0.0.1 not trusted" in str(caught.value)
    _assert_no_key(caught.value)
