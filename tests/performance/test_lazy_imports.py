"""``import tenios`` stays cheap: submodules, models, httpx and pydantic load on first use.

Each check runs in a fresh interpreter and reads ``sys.modules``; nothing here is timed.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

SUBMODULES = ("tenios.webhooks", "tenios.call_control", "tenios.testing")
"""The public submodules a user may never need."""

CLIENT_SIDE = ("tenios._client", "httpx")
"""What making API calls needs and receiving webhooks does not."""


def modules_after(code: str) -> set[str]:
    """The names in ``sys.modules`` after running ``code`` in a fresh interpreter."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.splitlines()[-1]))


def require(module: str) -> None:
    """Fail when ``module`` is missing: a renamed or deleted module must not pass silently."""
    assert importlib.util.find_spec(module) is not None, f"{module} does not exist"


def test_import_tenios_loads_no_submodule_models_httpx_or_pydantic() -> None:
    loaded = modules_after("import tenios")

    heavy = {*SUBMODULES, *CLIENT_SIDE, "tenios.types", "tenios.resources", "pydantic"}
    assert sorted(loaded & heavy) == []


def test_the_client_loads_httpx_but_no_submodule() -> None:
    loaded = modules_after("import tenios\ntenios.TeniosClient")

    assert {"tenios._client", "httpx"} <= loaded
    assert sorted(loaded & set(SUBMODULES)) == []


@pytest.mark.parametrize("submodule", SUBMODULES)
def test_a_submodule_loads_on_first_attribute_access_and_alone(submodule: str) -> None:
    require(submodule)
    name = submodule.rpartition(".")[2]

    loaded = modules_after(f"import tenios\ntenios.{name}")

    assert submodule in loaded
    assert sorted(loaded & (set(SUBMODULES) - {submodule})) == []


@pytest.mark.parametrize("submodule", ["tenios.webhooks", "tenios.call_control"])
def test_receiving_from_tenios_does_not_load_the_http_client(submodule: str) -> None:
    require(submodule)

    loaded = modules_after(f"import {submodule}")

    assert sorted(loaded & set(CLIENT_SIDE)) == []
