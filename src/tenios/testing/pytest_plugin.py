"""pytest fixtures for code that talks to TENIOS, registered as the ``tenios`` pytest plugin.

- ``tenios_emulator``: a fresh ``tenios.testing.Emulator`` per test, with demo data. Its clock runs
  at real time unless told otherwise: ``@pytest.mark.tenios(time_scale=100)`` on a test (or a
  module, a class) makes it run 100 times faster, and the ini option ``tenios_time_scale``
  sets it for the whole suite (the marker wins).
- ``tenios_client``: a ``TeniosClient`` wired to that emulator in-process.
- ``tenios_async_client``: an ``AsyncTeniosClient`` wired to it in-process, for async tests run
  by anyio's pytest plugin (``@pytest.mark.anyio``; anyio comes with httpx), on asyncio or trio.

The emulator is imported only when a fixture is used, so the plugin costs nothing otherwise.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tenios import AsyncTeniosClient, TeniosClient
    from tenios.testing import Emulator


TIME_SCALE_INI = "tenios_time_scale"


def pytest_addoption(parser: pytest.Parser) -> None:
    """The ini option ``tenios_time_scale``."""
    parser.addini(
        TIME_SCALE_INI,
        "emulated seconds per real second of the tenios_emulator fixture's clock (default 1)",
        default="1",
    )


def pytest_configure(config: pytest.Config) -> None:
    """The ``tenios`` marker."""
    config.addinivalue_line(
        "markers",
        "tenios(time_scale=1.0): settings of the tenios_emulator fixture for this test; "
        "time_scale=100 runs its clock 100 times faster than real time",
    )


def _time_scale(request: pytest.FixtureRequest) -> float:
    marker = request.node.get_closest_marker("tenios")
    settings: dict[str, object] = dict(marker.kwargs) if marker is not None else {}
    value = settings.get("time_scale")
    if value is None:
        value = request.config.getini(TIME_SCALE_INI)
    try:
        scale = float(str(value))
    except ValueError:
        scale = float("nan")
    if not scale > 0:
        raise pytest.UsageError(f"tenios time_scale must be a number above 0, not {value!r}")
    return scale


@pytest.fixture
def tenios_emulator(request: pytest.FixtureRequest) -> Iterator[Emulator]:
    """A fresh TENIOS emulator for this test, closed afterwards (its clock: see the module)."""
    from tenios.testing import Emulator

    with Emulator(time_scale=_time_scale(request)) as emulator:
        yield emulator


@pytest.fixture
def tenios_client(tenios_emulator: Emulator) -> Iterator[TeniosClient]:
    """A ``TeniosClient`` talking to ``tenios_emulator`` in-process."""
    with tenios_emulator.client() as client:
        yield client


@pytest.fixture
async def tenios_async_client(tenios_emulator: Emulator) -> AsyncIterator[AsyncTeniosClient]:
    """An ``AsyncTeniosClient`` talking to ``tenios_emulator`` in-process (no sockets)."""
    async with tenios_emulator.async_client() as client:
        yield client
