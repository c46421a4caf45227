"""Shared fixtures: a respx-mocked TENIOS API, a client pointed at it, a patched clock, and the
Cloud-ACD record the ACD tests read."""

from __future__ import annotations

import copy
import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import httpx
import pytest
import respx

import tenios
from tenios import _clock
from tenios._client import DEFAULT_TIMEOUT

from ._sides import SIDES, blocking

BASE_URL = "https://api.tenios.com"
ACCESS_KEY = "XXXXX-XXXX-XXXXXX"
"""The key of the vendor examples, so that their request bodies compare equal as they are."""


@dataclass
class FakeClock:
    """Stands in for ``tenios._clock``: sleeping advances time instead of waiting."""

    now: float = 1_700_000_000.0
    jitter_factor: float = 1.0
    sleeps: list[float] = field(default_factory=list[float])

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def sleep_async(self, seconds: float) -> None:
        self.sleep(seconds)

    def monotonic(self) -> float:
        return self.now

    def wall(self) -> float:
        return self.now

    def jitter(self) -> float:
        return self.jitter_factor


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """No real sleeping: retries and polling record their waits on a fake clock."""
    fake = FakeClock()
    monkeypatch.setattr(_clock, "sleep", fake.sleep)
    monkeypatch.setattr(_clock, "sleep_async", fake.sleep_async)
    monkeypatch.setattr(_clock, "monotonic", fake.monotonic)
    monkeypatch.setattr(_clock, "now", fake.wall)
    monkeypatch.setattr(_clock, "jitter", fake.jitter)
    return fake


@pytest.fixture
def api() -> Iterator[respx.MockRouter]:
    """The TENIOS API at its real base URL, served by respx; unmatched requests fail the test."""
    with respx.mock(base_url=BASE_URL, assert_all_called=False) as router:
        yield router


@cache
def tls_context() -> ssl.SSLContext:
    # Loading the CA bundle takes ~50 ms; a fresh one per test would dominate the suite's run time.
    return ssl.create_default_context()


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    """An ``httpx.Client`` like the one ``TeniosClient`` makes itself (same timeout), but sharing
    one TLS context across tests."""
    with httpx.Client(verify=tls_context(), timeout=DEFAULT_TIMEOUT) as http:
        yield http


@pytest.fixture
def client(api: respx.MockRouter, clock: FakeClock, http: httpx.Client) -> tenios.TeniosClient:
    """A client of the mocked API with the vendor examples' key and no real sleeping."""
    return tenios.TeniosClient(ACCESS_KEY, http_client=http)


@pytest.fixture(params=SIDES)
def either_client(
    request: pytest.FixtureRequest, api: respx.MockRouter, clock: FakeClock, http: httpx.Client
) -> Iterator[tenios.TeniosClient]:
    """``client``, then the same on an ``AsyncTeniosClient`` (driven through ``tests/_sides.py``):
    a module that overrides ``client`` with this runs its tests on both clients."""
    if request.param == "sync":
        yield tenios.TeniosClient(ACCESS_KEY, http_client=http)
        return

    def make() -> tenios.AsyncTeniosClient:
        async_http = httpx.AsyncClient(verify=tls_context(), timeout=DEFAULT_TIMEOUT)
        return tenios.AsyncTeniosClient(ACCESS_KEY, http_client=async_http)

    client = blocking(make)
    yield client
    client.close()


USER_DETAILS: dict[str, Any] = {
    "success": True,
    "cloud_acd_enabled": True,
    "sip_enabled": True,
    "external_number_enabled": True,
    "external_number": "+4922155400300",
    "state": "READY",
    "current_destination": "SIP",
    "user_skills": [
        {"name": "English", "has_skill": False},
        {"name": "German", "has_skill": True},
        {"name": "Sales", "has_skill": False},
        {"name": "Customer Service", "has_skill": True},
    ],
}
"""A Cloud-ACD record as ``/acd/details/user/retrieve`` answers it; read-only (use the fixture
``user_details`` for a copy to change)."""


@pytest.fixture
def user_details() -> dict[str, Any]:
    """A fresh copy of ``USER_DETAILS``."""
    return copy.deepcopy(USER_DETAILS)
