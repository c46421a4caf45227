"""(e) The memory one client holds, traced with ``tracemalloc``.

e1 and e2 build one more client in this process (imports and model builds already done) and make
one call on the loopback server: what each further client costs. e3 starts a fresh interpreter
traced from its first line: everything a script pays for its first answer. ``tracemalloc`` sees
Python allocations only, not OpenSSL's (each ``httpx.Client`` holds an SSL context).
"""

from __future__ import annotations

import gc
import tracemalloc
from collections.abc import Callable
from functools import partial
from typing import Any

import httpx

import tenios

from . import fresh_process
from ._timing import interleaved
from .loopback import raw_status, tenios_status
from .payloads import ACCESS_KEY
from .report import Row

KIB = 1024


def _raw_client(base_url: str) -> httpx.Client:
    http = httpx.Client(base_url=base_url)
    raw_status(http)
    return http


def _tenios_client(base_url: str) -> tenios.TeniosClient:
    client = tenios.TeniosClient(ACCESS_KEY, base_url=base_url)
    tenios_status(client)
    return client


def traced(make: Callable[[], Any]) -> tuple[float, float]:
    """Bytes still held and peak bytes while ``make`` builds a client and makes one call."""
    gc.collect()
    tracemalloc.start()
    try:
        client = make()
        gc.collect()
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    client.close()
    return held, peak


def measure(base_url: str, rounds: int, fresh_rounds: int) -> list[Row]:
    """Rows e1 (held), e2 (peak) and e3 (held after a first call in a fresh process), in KiB."""
    makers: dict[str, Callable[[], Any]] = {
        "baseline": partial(_raw_client, base_url),
        "tenios": partial(_tenios_client, base_url),
    }
    for make in makers.values():
        make().close()
    results = {name: [traced(make) for _ in range(rounds)] for name, make in makers.items()}
    fresh = interleaved(
        {
            "baseline": partial(
                fresh_process.bytes_held, fresh_process.FIRST_CALL_BY_HAND, base_url
            ),
            "tenios": partial(fresh_process.bytes_held, fresh_process.FIRST_CALL_TENIOS, base_url),
        },
        fresh_rounds,
    )
    return [
        Row(
            key="e1",
            what="memory held by one more client after one call",
            baseline=[held / KIB for held, _ in results["baseline"]],
            tenios=[held / KIB for held, _ in results["tenios"]],
            unit="KiB",
            baseline_name="raw httpx.Client",
        ),
        Row(
            key="e2",
            what="peak memory while building it and calling",
            baseline=[peak / KIB for _, peak in results["baseline"]],
            tenios=[peak / KIB for _, peak in results["tenios"]],
            unit="KiB",
            baseline_name="raw httpx.Client",
        ),
        Row(
            key="e3",
            what="memory held after import + first client + first call, fresh process",
            unit="KiB",
            baseline_name="httpx + pydantic by hand",
            baseline=[held / KIB for held in fresh["baseline"]],
            tenios=[held / KIB for held in fresh["tenios"]],
        ),
    ]
