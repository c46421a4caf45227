"""Time and randomness behind retries and polling, in one place so that tests can replace them."""

from __future__ import annotations

import random
import time

sleep = time.sleep
monotonic = time.monotonic
now = time.time
"""Wall-clock seconds since the epoch, for ``Retry-After`` given as an HTTP date."""


def jitter() -> float:
    """A factor in [0.75, 1.0] that spreads retries of many clients apart."""
    return random.uniform(0.75, 1.0)


async def sleep_async(seconds: float) -> None:
    """Sleep without blocking the event loop (asyncio or trio, through anyio)."""
    import anyio  # installed with httpx; loaded only by the async client

    await anyio.sleep(seconds)
