"""The vendor's own PHP REST clients (teniosgmbh/tenios-api-examples), run with PHP against the
emulator over loopback with only their placeholders set to demo values: every request they send
is answered 200.

Their code is not part of this project: the test needs ``php`` (with curl) and a checkout of the
examples named by ``TENIOS_VENDOR_EXAMPLES``, and is skipped without them. The Java clients'
bodies are replayed in tests/integration/test_voice_api.py.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tenios.testing import (
    DEMO_ACCESS_KEY,
    DEMO_CALL_UUID,
    DEMO_CALLBACK_CONFIG_ID,
    DEMO_TENIOS_NUMBER,
    DEMO_VERIFICATION_ID,
    Emulator,
)

EXAMPLES = Path(os.environ.get("TENIOS_VENDOR_EXAMPLES", "/nonexistent"))
PHP = shutil.which("php")

pytestmark = [
    pytest.mark.slow,  # the clients sleep between their requests
    pytest.mark.skipif(PHP is None, reason="php is not installed"),
    pytest.mark.skipif(
        not EXAMPLES.is_dir(), reason="TENIOS_VENDOR_EXAMPLES names no examples checkout"
    ),
]

# Each client, the placeholders it asks the reader to replace (besides the API's URL and the
# access key), and the endpoints it calls in order.
CLIENTS: dict[str, tuple[dict[str, str], list[str]]] = {
    "callback-php/callback.php": (
        {"7d3509a5-e650-4923-9895-XXXXXXXXXXX": DEMO_CALLBACK_CONFIG_ID},
        ["/callback/init", "/callback/status"],
    ),
    "make-call-php/makeCall.php": (
        {"+4900000000": DEMO_TENIOS_NUMBER},
        ["/makecall/init", "/makecall/status"],
    ),
    "record-call-php/record-call.php": (
        {"ebb5ea36-de1e-4cae-bc21-d37209a0a2e2": DEMO_CALL_UUID},
        ["/record-call/start", "/record-call/stop"],
    ),
    "retrieve-cdrs-php/retrieve_cdrs.php": ({}, ["/cdrs/retrieve"]),
    "verification-document-php/verification_document.php": ({}, ["/verification/create"]),
    "number-order-php/number_order.php": (
        {"3d47943f-e899-45db-a361-ee006da83665": DEMO_VERIFICATION_ID},
        ["/number/order"],
    ),
}
ACCESS_KEY_LINE = re.compile(r'\$access_key\s*=\s*"[^"]*"')


def _prepared(script: Path, base_url: str, placeholders: dict[str, str], into: Path) -> Path:
    """A copy of the client (and the files beside it) with its placeholders filled in."""
    shutil.copytree(script.parent, into, dirs_exist_ok=True)
    text = script.read_text(encoding="utf-8")
    assert "https://api.tenios.com/" in text
    assert ACCESS_KEY_LINE.search(text), "the client no longer sets $access_key as expected"
    text = text.replace("https://api.tenios.com/", f"{base_url}/")
    text = ACCESS_KEY_LINE.sub(f'$access_key="{DEMO_ACCESS_KEY}"', text)
    for placeholder, value in placeholders.items():
        assert placeholder in text, f"{script.name} no longer has the placeholder {placeholder}"
        text = text.replace(placeholder, value)
    copy = into / script.name
    copy.write_text(text, encoding="utf-8")
    return copy


@pytest.mark.parametrize("client", sorted(CLIENTS))
def test_the_vendors_php_client_gets_200_on_every_request(client: str, tmp_path: Path) -> None:
    assert PHP is not None
    placeholders, endpoints = CLIENTS[client]
    with Emulator() as emulator, emulator.serve() as base_url:
        script = _prepared(EXAMPLES / client, base_url, placeholders, tmp_path)
        finished = subprocess.run(
            [PHP, script.name],
            cwd=tmp_path,  # the verification client reads ./verification_document.pdf
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        journal = emulator.journal
    assert finished.returncode == 0, finished.stdout + finished.stderr
    assert [entry.path for entry in journal][: len(endpoints)] == endpoints
    assert {entry.path for entry in journal} == set(endpoints)
    assert [entry.status for entry in journal] == [200] * len(journal), finished.stdout
