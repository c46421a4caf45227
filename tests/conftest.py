"""Shared fixtures: a respx-mocked TENIOS API, a client pointed at it, and a patched clock."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

import httpx
import pytest
import respx

import tenios
from tenios import _clock
from tenios._client import DEFAULT_TIMEOUT

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
def _tls_context() -> ssl.SSLContext:
    # Loading the CA bundle takes ~50 ms; a fresh one per test would dominate the suite's run time.
    return ssl.create_default_context()


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    """An ``httpx.Client`` like the one ``TeniosClient`` makes itself (same timeout), but sharing
    one TLS context across tests."""
    with httpx.Client(verify=_tls_context(), timeout=DEFAULT_TIMEOUT) as http:
        yield http


@pytest.fixture
def client(api: respx.MockRouter, clock: FakeClock, http: httpx.Client) -> tenios.TeniosClient:
    """A client of the mocked API with the vendor examples' key and no real sleeping."""
    return tenios.TeniosClient(ACCESS_KEY, http_client=http)
