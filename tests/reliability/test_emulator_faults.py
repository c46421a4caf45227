"""The worst case for an unsafe call, on the emulator served over loopback: TENIOS acted.

The emulator's fault injection lets a request through to the emulated API and delays or drops
only the answer, so the callback is placed, the call transferred or the block interrupted, and
the client sees a timeout or a dropped connection. The SDK must not repeat the request: the
emulator's own state shows the side effect exactly once. Safe endpoints, by contrast, recover
when a fault passes, and a 429 (not acted on) is retried for every endpoint.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Callable

import pytest

import tenios
from tenios.testing import DEMO_AGENT_EMAIL, DEMO_CALL_UUID, DEMO_CALLBACK_CONFIG_ID, Emulator

from ._faults import TIMEOUT_SECONDS, recorded_waits
from .test_fault_matrix import warns_unsafe

KEY = "test-access-key"
LATE = 3 * TIMEOUT_SECONDS  # an answer this late meets the read timeout


@pytest.fixture
def emulator() -> Generator[Emulator, None, None]:
    """The emulator with its demo data; closed after the test."""
    with Emulator(access_key=KEY) as emulator:
        yield emulator


def _place_callback(client: tenios.TeniosClient) -> object:
    return client.callback.init(
        callback_config_id=DEMO_CALLBACK_CONFIG_ID, callback_number="+491234567890", delay=0
    )


def _side_effects(emulator: Emulator) -> dict[str, int]:
    """What the emulated API did: callbacks placed, transfers and interruptions of the call."""
    placed = 0
    while True:
        try:
            emulator.callback(placed + 1)
        except KeyError:
            break
        placed += 1
    call = emulator.call(DEMO_CALL_UUID)
    return {"callbacks": placed, "transfers": len(call.transfers), "interrupts": call.interruptions}


UNSAFE: dict[str, tuple[Callable[[tenios.TeniosClient], object], str]] = {
    "callback.init": (_place_callback, "callbacks"),
    "transfer.call": (
        lambda c: c.transfer.call(DEMO_CALL_UUID, destination_type="SIP_USER", destination="b"),
        "transfers",
    ),
    "call_control.interrupt_block": (
        lambda c: c.call_control.interrupt_block(DEMO_CALL_UUID),
        "interrupts",
    ),
}


def test_an_unsafe_call_that_tenios_acted_on_is_not_repeated(emulator: Emulator) -> None:
    for endpoint, (invoke, effect) in UNSAFE.items():
        emulator.inject_fault(endpoint, times=3, delay=LATE)  # acted on, answered too late
        with emulator.serve() as base_url, recorded_waits() as waits:
            client = tenios.TeniosClient(
                access_key=KEY, base_url=base_url, timeout=TIMEOUT_SECONDS, max_retries=2
            )
            with pytest.raises(tenios.APITimeoutError) as caught:
                invoke(client)
            client.close()

        assert len(emulator.requests_to(endpoint)) == 1
        assert _side_effects(emulator)[effect] == 1
        assert waits == []
        assert warns_unsafe(str(caught.value))


@pytest.mark.parametrize("endpoint", UNSAFE)
def test_an_unsafe_call_whose_connection_dropped_is_not_repeated(
    emulator: Emulator, endpoint: str
) -> None:
    """The emulator did not act, but the SDK cannot know that: it must not guess."""
    invoke, effect = UNSAFE[endpoint]
    emulator.inject_fault(endpoint, times=3, drop=True)
    with emulator.serve() as base_url, recorded_waits():
        client = tenios.TeniosClient(access_key=KEY, base_url=base_url, max_retries=2)
        with pytest.raises(tenios.APIConnectionError) as caught:
            invoke(client)
        client.close()

    assert len(emulator.requests_to(endpoint)) == 1
    assert _side_effects(emulator)[effect] == 0
    assert warns_unsafe(str(caught.value))


@pytest.mark.parametrize("status", [500, 502, 503, 504])
@pytest.mark.parametrize("endpoint", UNSAFE)
def test_an_unsafe_call_answered_with_5xx_is_sent_once(
    emulator: Emulator, endpoint: str, status: int
) -> None:
    invoke, effect = UNSAFE[endpoint]
    emulator.inject_fault(endpoint, times=3, status=status, body="<html>bad gateway</html>")
    with emulator.serve() as base_url, recorded_waits():
        client = tenios.TeniosClient(access_key=KEY, base_url=base_url, max_retries=2)
        with pytest.raises(tenios.ServerError) as caught:
            invoke(client)
        client.close()

    assert len(emulator.requests_to(endpoint)) == 1
    assert _side_effects(emulator)[effect] == 0  # an injected status is not acted on
    assert warns_unsafe(str(caught.value))


def test_a_safe_call_recovers_when_the_fault_passes(emulator: Emulator) -> None:
    emulator.inject_fault("acd.retrieve_agent_state", delay=LATE)
    emulator.inject_fault("acd.retrieve_agent_state", status=503)
    with emulator.serve() as base_url, recorded_waits() as waits:
        client = tenios.TeniosClient(
            access_key=KEY, base_url=base_url, timeout=TIMEOUT_SECONDS, max_retries=2
        )
        assert client.acd.retrieve_agent_state(DEMO_AGENT_EMAIL).state == "READY"
        client.close()

    assert len(emulator.requests_to("acd.retrieve_agent_state")) == 3
    assert waits == [0.5, 1.0]


def test_a_rate_limited_unsafe_call_is_retried_after_retry_after(emulator: Emulator) -> None:
    emulator.inject_fault("callback.init", status=429, headers={"Retry-After": "2"})
    with emulator.serve() as base_url, recorded_waits() as waits:
        client = tenios.TeniosClient(access_key=KEY, base_url=base_url, max_retries=2)
        _place_callback(client)
        client.close()

    assert len(emulator.requests_to("callback.init")) == 2
    assert _side_effects(emulator)["callbacks"] == 1
    assert waits == [2.0]
