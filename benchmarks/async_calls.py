"""(h) The async client: time per call through an async ``httpx.MockTransport`` against
hand-written ``httpx.AsyncClient`` + pydantic (h1), and 100 concurrent calls on the loopback
emulator against a raw ``httpx.AsyncClient`` (h2)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable
from typing import Callable

import httpx

import tenios
from tenios.testing import DEMO_ACCESS_KEY, DEMO_AGENT_EMAIL, Emulator

from ._timing import median
from .payloads import ACCESS_KEY, ANSWERS, BASE_URL, CALLBACK_ID
from .per_call import StatusAnswer
from .report import Row, Target

PER_CALL_TARGET = Target("<=", 1.00)
CONCURRENT_TARGET = Target(">=", 0.95)
MICROSECONDS = 1e6
CONCURRENCY = 100
BATCHES = 5
"""Batches of ``CONCURRENCY`` calls per sample of h2: one batch's rate moves by ±30 % from one
to the next (httpcore's pool opens and drops connections), five in a row steady it."""


async def _answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        200, content=ANSWERS[request.url.path], headers={"Content-Type": "application/json"}
    )


async def _seconds_per_call(call: Callable[[], Awaitable[object]], calls: int) -> float:
    started = time.perf_counter()
    for _ in range(calls):
        await call()
    return (time.perf_counter() - started) / calls


async def _per_call(rounds: int, calls: int) -> dict[str, list[float]]:
    transport = httpx.MockTransport(_answer)
    http = httpx.AsyncClient(base_url=BASE_URL, transport=transport)
    client = tenios.AsyncTeniosClient(
        ACCESS_KEY, base_url=BASE_URL, http_client=httpx.AsyncClient(transport=transport)
    )

    async def by_hand() -> object:
        response = await http.post(
            "/callback/status", json={"access_key": ACCESS_KEY, "id": CALLBACK_ID}
        )
        response.raise_for_status()
        return StatusAnswer.model_validate(response.json())

    async def sdk() -> object:
        return await client.callback.status(CALLBACK_ID)

    samples: dict[str, list[float]] = {"baseline": [], "tenios": []}
    for _side, call in (("baseline", by_hand), ("tenios", sdk)):  # warm up both
        await _seconds_per_call(call, max(10, calls // 10))
    for round_ in range(rounds):
        order = [("baseline", by_hand), ("tenios", sdk)]
        for side, call in order if round_ % 2 == 0 else reversed(order):
            samples[side].append(await _seconds_per_call(call, calls))
    await http.aclose()
    await client.aclose()
    return samples


async def _concurrent(base_url: str, rounds: int) -> dict[str, list[float]]:
    http = httpx.AsyncClient(base_url=base_url)
    client = tenios.AsyncTeniosClient(DEMO_ACCESS_KEY, base_url=base_url)

    async def by_hand() -> object:
        response = await http.post(
            "/acd/agent-state/retrieve",
            json={"access_key": DEMO_ACCESS_KEY, "email": DEMO_AGENT_EMAIL},
        )
        response.raise_for_status()
        return response.json()

    async def sdk() -> object:
        return await client.acd.retrieve_agent_state(DEMO_AGENT_EMAIL)

    async def calls_per_second(call: Callable[[], Awaitable[object]]) -> float:
        started = time.perf_counter()
        for _ in range(BATCHES):
            await asyncio.gather(*(call() for _ in range(CONCURRENCY)))
        return BATCHES * CONCURRENCY / (time.perf_counter() - started)

    samples: dict[str, list[float]] = {"baseline": [], "tenios": []}
    await calls_per_second(by_hand)
    await calls_per_second(sdk)
    for round_ in range(rounds):
        order = [("baseline", by_hand), ("tenios", sdk)]
        for side, call in order if round_ % 2 == 0 else reversed(order):
            samples[side].append(await calls_per_second(call))
    await http.aclose()
    await client.aclose()
    return samples


def measure(rounds: int, calls: int) -> list[Row]:
    """Rows h1 (per call, mock transport) and h2 (100 concurrent calls, loopback emulator)."""
    per_call = asyncio.run(_per_call(rounds, calls))
    with Emulator() as emulator, emulator.serve() as base_url:
        concurrent = asyncio.run(_concurrent(base_url, rounds))
    assert median(concurrent["tenios"]) > 0
    return [
        Row(
            key="h1",
            what="async per call, MockTransport: callback.status",
            unit="µs",
            baseline_name="httpx.AsyncClient + pydantic by hand",
            baseline=[s * MICROSECONDS for s in per_call["baseline"]],
            tenios=[s * MICROSECONDS for s in per_call["tenios"]],
            target=PER_CALL_TARGET,
        ),
        Row(
            key="h2",
            what=f"async, {CONCURRENCY} concurrent calls, loopback emulator: calls per second",
            unit="calls/s",
            baseline_name="raw httpx.AsyncClient",
            baseline=concurrent["baseline"],
            tenios=concurrent["tenios"],
            target=CONCURRENT_TARGET,
        ),
    ]
