"""(f) Listing CDRs page by page over loopback HTTP: tenios's lazy ``cdrs.list`` against paging
by hand with httpx and a pydantic model, and the client's peak memory at 10 and at 100 pages.

The emulator (``cdr_server.py``) runs in its own process with the CDRs in memory. Items are
consumed and dropped as they come, as an export to a file would: what the client holds is one
page at a time, so its peak memory should not grow with the number of pages.
"""

from __future__ import annotations

import gc
import time
import tracemalloc
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, ContextManager, Optional

import httpx
import pydantic

import tenios
from tenios.testing import DEMO_ACCESS_KEY

from ._timing import interleaved
from .loopback import server_process
from .report import Row, Target

SERVER_SCRIPT = Path(__file__).with_name("cdr_server.py")
START = datetime(2026, 10, 1, tzinfo=timezone.utc)
SPEED_TARGET = Target(">=", 0.90)
MEMORY_TARGET = Target("<=", 1.10)
STOP_TIMEOUT_SECONDS = 10.0


class HandCdr(pydantic.BaseModel):
    """The CDR's fields, written by hand as a user without the SDK would (the same fields and
    types as ``tenios.Cdr``, without its leniency: no open enum, no zone for naive stamps)."""

    uuid: str
    call_type: Optional[str] = None
    main_leg_uuid: Optional[str] = None
    bleg_uuid: Optional[str] = None
    callerid_name: Optional[str] = None
    callerid_number: Optional[str] = None
    destination_number: Optional[str] = None
    start_stamp: Optional[datetime] = None
    answer_stamp: Optional[datetime] = None
    end_stamp: Optional[datetime] = None
    duration: Optional[float] = None
    billusec: Optional[int] = None
    hangup_cause: Optional[str] = None
    prepaid: Optional[bool] = None
    cost: Optional[Decimal] = None


class HandPage(pydantic.BaseModel):
    """One page of ``/cdrs/retrieve``."""

    items: list[HandCdr]
    page: int
    page_size: int
    total_items: int


def cdr_server(cdrs: int) -> ContextManager[str]:
    """The emulator with ``cdrs`` CDRs in a child process; yields its base URL."""
    return server_process(SERVER_SCRIPT, str(cdrs))


def _end(legs: int) -> datetime:
    """The end of the period holding the first ``legs`` CDRs (one leg a second from START)."""
    return START + timedelta(seconds=legs - 1)


def retrieve_page(http: httpx.Client, cdrs: int, page: int, page_size: int) -> httpx.Response:
    """One page of the period holding the first ``cdrs`` CDRs, asked for by hand with httpx."""
    response = http.post(
        "/cdrs/retrieve",
        json={
            "access_key": DEMO_ACCESS_KEY,
            "start_date_from": START.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "start_date_to": _end(cdrs).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "page": page,
            "page_size": page_size,
        },
    )
    response.raise_for_status()
    return response


def by_hand(http: httpx.Client, cdrs: int, page_size: int) -> Iterator[HandCdr]:
    """Every CDR of the period with nothing but httpx and pydantic: page after page."""
    page = 1
    seen = 0
    while True:
        response = retrieve_page(http, cdrs, page, page_size)
        answer = HandPage.model_validate_json(response.content)
        yield from answer.items
        seen += len(answer.items)
        if not answer.items or seen >= answer.total_items:
            return
        page += 1


def with_tenios(client: tenios.TeniosClient, cdrs: int, page_size: int) -> Iterator[tenios.Cdr]:
    """The same through ``client.cdrs.list``."""
    return client.cdrs.list(start_date_from=START, start_date_to=_end(cdrs), page_size=page_size)


def _seconds_per_item(items: Iterator[Any], expected: int) -> float:
    gc.collect()
    started = time.perf_counter()
    count = sum(1 for _ in items)
    elapsed = time.perf_counter() - started
    if count != expected:
        raise RuntimeError(f"listed {count} CDRs, expected {expected}")
    return elapsed / count


def _peak_bytes(items: Iterator[Any], collect_every: int = 0) -> float:
    """Peak traced memory while consuming ``items``, above what was traced before; with
    ``collect_every``, a full garbage collection after that many items, so the peak shows what
    is alive rather than when Python's collector happens to run (httpx and httpcore leave small
    reference cycles behind each request, which only a full collection frees).

    Tracing must already run (``_tracing``): pydantic-core keeps a bounded cache of the strings
    it read (up to 16,384), and were tracing started here, each string the listing puts in place
    of an older one would count as growth while the one it replaces, allocated untraced, would
    not count as freed: the longer listing would seem to grow by the cache's size."""
    gc.collect()
    before = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    for count, _ in enumerate(items, 1):
        if collect_every and count % collect_every == 0:
            gc.collect()
    return float(tracemalloc.get_traced_memory()[1] - before)


@contextmanager
def _tracing(warm_up: Iterator[Any]) -> Generator[None, None, None]:
    """Trace allocations from before ``warm_up`` is consumed (it fills the string cache) on."""
    tracemalloc.start()
    try:
        for _ in warm_up:
            pass
        yield
    finally:
        tracemalloc.stop()


def _memory_rounds(
    http: httpx.Client, client: tenios.TeniosClient, cdrs: int, size: int, rounds: int
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Peaks of 10 against 100 pages (collected after each page), and of 100 pages uncollected
    by hand against tenios."""
    collected = interleaved(
        {
            "baseline": lambda: _peak_bytes(with_tenios(client, cdrs // 10, size), size),
            "tenios": lambda: _peak_bytes(with_tenios(client, cdrs, size), size),
        },
        max(1, rounds // 2),
    )
    uncollected = interleaved(
        {
            "baseline": lambda: _peak_bytes(by_hand(http, cdrs, size)),
            "tenios": lambda: _peak_bytes(with_tenios(client, cdrs, size)),
        },
        max(1, rounds // 2),
    )
    return collected, uncollected


def measure(rounds: int, cdrs: int, page_size: int) -> list[Row]:
    """Rows f1 (CDRs per second) and f2 (peak memory at 100 pages over 10 pages)."""
    with cdr_server(cdrs) as base_url:
        http = httpx.Client(base_url=base_url, timeout=60)
        client = tenios.TeniosClient(DEMO_ACCESS_KEY, base_url=base_url, timeout=60)
        with http, client:
            samples = interleaved(
                {
                    "baseline": lambda: _seconds_per_item(by_hand(http, cdrs, page_size), cdrs),
                    "tenios": lambda: _seconds_per_item(with_tenios(client, cdrs, page_size), cdrs),
                },
                rounds,
            )
            size = cdrs // 100  # page size for the memory rows: 100 pages hold every CDR
            with _tracing(with_tenios(client, cdrs, size)):
                memory, uncollected = _memory_rounds(http, client, cdrs, size, rounds)
    return [
        Row(
            key="f1",
            what=f"CDRs listed per second, loopback: cdrs.list over {cdrs:,} CDRs",
            unit="CDRs/s",
            baseline_name="httpx + pydantic paging by hand",
            baseline=[1 / s for s in samples["baseline"]],
            tenios=[1 / s for s in samples["tenios"]],
            target=SPEED_TARGET,
        ),
        Row(
            key="f2",
            what=f"peak live memory: cdrs.list over 100 pages of {cdrs // 100:,}, vs 10 pages",
            unit="KiB",
            baseline_name="tenios, 10 pages",
            baseline=[b / 1024 for b in memory["baseline"]],
            tenios=[b / 1024 for b in memory["tenios"]],
            target=MEMORY_TARGET,
        ),
        Row(
            key="f3",
            what="peak memory, 100 pages, no forced collection (httpx's cycles included)",
            unit="KiB",
            baseline_name="httpx + pydantic paging by hand",
            baseline=[b / 1024 for b in uncollected["baseline"]],
            tenios=[b / 1024 for b in uncollected["tenios"]],
        ),
    ]
