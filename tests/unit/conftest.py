"""Isolation for the unit tests: no TENIOS_* variables from the environment leak in."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("TENIOS_ACCESS_KEY", "TENIOS_BASE_URL", "TENIOS_LOG"):
        monkeypatch.delenv(name, raising=False)
