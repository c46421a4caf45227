"""Receivers with private certificates: simulate_call and run_call_control take verify= (a bool,
a CA bundle's path, or an ssl.SSLContext)."""

from __future__ import annotations

import json
import ssl
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any, Union

import httpx
import pytest

from tenios.testing import Emulator

from .._tls import https_server, self_signed_certificate

KEY = "receiver-key"
CUSTOMER = 200000


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (its own CA) and its key, made with openssl."""
    return self_signed_certificate(tmp_path_factory.mktemp("tls"))


class _Receiver(BaseHTTPRequestHandler):
    """Answers posts with 200 and Call Control requests with no blocks."""

    def do_POST(self) -> None:
        body: Any = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        answer = b'{"blocks": []}' if body.get("requestType") == "EXTERNAL_CALL_CONTROL" else b""
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def https_receiver(certificate: tuple[Path, Path]) -> Iterator[str]:
    with https_server(_Receiver, certificate) as base_url:
        yield f"{base_url}/"


def test_a_private_certificate_is_refused_by_default(https_receiver: str) -> None:
    with Emulator() as emulator, pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY"):
        emulator.simulate_call(https_receiver, access_key=KEY, customer_number=CUSTOMER)


@pytest.mark.parametrize("how", ["path", "context", "off"])
def test_verify_accepts_a_ca_bundle_a_context_or_off(
    https_receiver: str, certificate: tuple[Path, Path], how: str
) -> None:
    cert, _ = certificate
    choices: dict[str, Union[bool, str, ssl.SSLContext]] = {
        "path": str(cert),
        "context": ssl.create_default_context(cafile=str(cert)),
        "off": False,
    }
    verify = choices[how]
    with Emulator() as emulator:
        call = emulator.simulate_call(
            https_receiver,
            access_key=KEY,
            customer_number=CUSTOMER,
            forward_destination=None,
            verify=verify,
        )
        run = emulator.run_call_control(
            https_receiver, access_key=KEY, customer_number=CUSTOMER, verify=verify
        )
    assert {delivery.status_code for delivery in call.deliveries} == {200}
    assert run.ok
