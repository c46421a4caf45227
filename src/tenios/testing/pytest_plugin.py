"""pytest fixtures for code that talks to TENIOS, registered as the ``tenios`` pytest plugin.

- ``tenios_emulator``: a fresh :class:`tenios.testing.Emulator` per test (demo data, real time).
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


@pytest.fixture
def tenios_emulator() -> Iterator[Emulator]:
    """A fresh TENIOS emulator for this test, closed afterwards."""
    from tenios.testing import Emulator

    with Emulator() as emulator:
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
