"""``import tenios`` stays cheap: the webhook and call-control modules load on first use."""

from __future__ import annotations

import subprocess
import sys

import tenios

CHECK = """
import sys
import tenios

mine = ("tenios.webhooks", "tenios.call_control", "tenios._inbound")
assert not [name for name in mine if name in sys.modules], "loaded by import tenios"
assert tenios.webhooks.parse_event and tenios.call_control.CallControlResponse
assert all(name in sys.modules for name in mine)
"""


def test_import_tenios_does_not_load_them_and_first_access_does() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=60, check=False
    )

    assert result.returncode == 0, result.stderr


def test_they_are_public_names_of_the_package() -> None:
    assert {"webhooks", "call_control"} <= set(tenios.__all__)
    assert {"webhooks", "call_control"} <= set(dir(tenios))
