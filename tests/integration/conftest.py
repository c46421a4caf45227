"""The SDK against the emulator over real loopback HTTP.

Fixtures: ``emulator`` (demo data, a manual clock), ``base_url`` (it served on 127.0.0.1),
``client`` (a ``TeniosClient`` on that URL, no retries; overrides the respx-backed ``client`` of
tests/conftest.py) and ``raw`` (a plain ``httpx.Client`` for hand-made requests).
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

import tenios
from tenios.testing import Emulator, ManualClock


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    with Emulator(clock=ManualClock()) as emulator:
        yield emulator


@pytest.fixture
def base_url(emulator: Emulator) -> Iterator[str]:
    with emulator.serve() as url:
        yield url


@pytest.fixture
def client(emulator: Emulator, base_url: str) -> Iterator[tenios.TeniosClient]:
    with tenios.TeniosClient(emulator.access_key, base_url=base_url, max_retries=0) as client:
        yield client


@pytest.fixture
def raw(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, verify=False) as http:  # plain HTTP: skip loading CAs
        yield http
