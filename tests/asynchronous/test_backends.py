"""AsyncTeniosClient on asyncio and on trio (through anyio): the fixture, the served emulator,
listings, waits that do not block the loop, and cancellation that is never repeated."""

from __future__ import annotations

import time

import anyio
import pytest

import tenios
from tenios.testing import (
    DEMO_AGENT_EMAIL,
    DEMO_CALLBACK_CONFIG_ID,
    DEMO_CDRS_COUNT,
    DEMO_CDRS_FROM,
    DEMO_CDRS_TO,
    Emulator,
)

pytestmark = pytest.mark.anyio
NUMBER = "+491234567890"


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


async def test_the_async_fixture_talks_to_the_emulator(
    tenios_async_client: tenios.AsyncTeniosClient, tenios_emulator: Emulator
) -> None:
    state = await tenios_async_client.acd.retrieve_agent_state(DEMO_AGENT_EMAIL)
    assert state.state is tenios.AgentState.READY
    assert [entry.endpoint for entry in tenios_emulator.journal] == ["acd.retrieve_agent_state"]


async def test_the_served_emulator_over_loopback_with_async_for() -> None:
    with Emulator() as emulator, emulator.serve() as base_url:
        async with tenios.AsyncTeniosClient(emulator.access_key, base_url=base_url) as client:
            legs = [
                cdr.uuid
                async for cdr in client.cdrs.list(
                    start_date_from=DEMO_CDRS_FROM, start_date_to=DEMO_CDRS_TO, page_size=50
                )
            ]
        assert len(legs) == DEMO_CDRS_COUNT
        assert emulator.connection_count == 1


async def test_a_wait_sleeps_without_blocking_the_loop() -> None:
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            await anyio.sleep(0.01)
            ticks += 1

    with Emulator(time_scale=100) as emulator:
        async with emulator.async_client() as client, anyio.create_task_group() as tasks:
            tasks.start_soon(tick)
            callback = await client.callback.init(
                callback_config_id=DEMO_CALLBACK_CONFIG_ID, callback_number=NUMBER, delay=0
            )
            started = time.monotonic()
            final = await client.callback.wait(callback.id, timeout=30, poll_interval=0.05)
            waited = time.monotonic() - started
            tasks.cancel_scope.cancel()
            assert final.status is tenios.CallbackStatus.DISCONNECTED
            assert ticks >= int(waited / 0.01) // 2  # the other task ran all along


async def test_a_wait_honours_its_deadline() -> None:
    with Emulator(time_scale=1) as emulator:
        async with emulator.async_client() as client:
            callback = await client.callback.init(
                callback_config_id=DEMO_CALLBACK_CONFIG_ID, callback_number=NUMBER, delay=60
            )
            started = time.monotonic()
            with pytest.raises(tenios.WaitTimeoutError):
                await client.callback.wait(callback.id, timeout=0.3, poll_interval=0.05)
            assert time.monotonic() - started < 2


async def test_a_cancelled_unsafe_call_is_not_repeated_and_the_pool_stays_usable() -> None:
    with Emulator() as emulator, emulator.serve() as base_url:
        emulator.inject_fault("callback.init", delay=0.3)  # the answer comes late
        async with tenios.AsyncTeniosClient(emulator.access_key, base_url=base_url) as client:
            with anyio.move_on_after(0.1) as scope:
                await client.callback.init(
                    callback_config_id=DEMO_CALLBACK_CONFIG_ID, callback_number=NUMBER, delay=0
                )
            assert scope.cancelled_caught
            await anyio.sleep(0.35)  # after the emulator acted and answered
            state = await client.acd.retrieve_agent_state(DEMO_AGENT_EMAIL)
        assert state.email == DEMO_AGENT_EMAIL
        assert len(emulator.requests_to("callback.init")) == 1  # sent once, never again
        assert emulator.callback(1).callback_number == NUMBER  # TENIOS acted on it


async def test_cancellation_passes_through_the_sdk_unchanged() -> None:
    outcome: list[str] = []

    with Emulator() as emulator, emulator.serve() as base_url:
        emulator.inject_fault("callback.status", delay=0.3)
        async with tenios.AsyncTeniosClient(emulator.access_key, base_url=base_url) as client:

            async def poll() -> None:
                try:
                    await client.callback.status(1)
                    outcome.append("returned")
                except tenios.TeniosError as error:  # the SDK must not turn it into its own
                    outcome.append(type(error).__name__)
                except anyio.get_cancelled_exc_class():
                    outcome.append("cancelled")
                    raise

            async with anyio.create_task_group() as tasks:
                tasks.start_soon(poll)
                await anyio.sleep(0.1)  # the request is out, its answer 0.2 s away
                tasks.cancel_scope.cancel()
            await anyio.sleep(0.35)
        assert outcome == ["cancelled"]
        assert len(emulator.requests_to("callback.status")) == 1  # safe, yet not repeated
