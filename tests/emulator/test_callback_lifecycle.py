"""Callbacks move through their statuses on the emulator's clock, respect the requested delay, and
fail where a test scripts it."""

from __future__ import annotations

import pytest

import tenios
from tenios.testing import (
    DEMO_CALLBACK_CONFIG_ID,
    CallbackTimings,
    Emulator,
    ManualClock,
    ScaledClock,
)

HAPPY_PATH = ["REQUESTED", "ACCEPTED", "CALLING_A", "CALLING_B", "CONNECTED", "DISCONNECTED"]


@pytest.fixture
def client(emulator: Emulator) -> tenios.TeniosClient:
    return emulator.client()


def _request(client: tenios.TeniosClient, delay: int) -> int:
    answer = client.callback.init(
        callback_config_id=DEMO_CALLBACK_CONFIG_ID, callback_number="+491234567890", delay=delay
    )
    return int(answer.id)


def _statuses_per_second(
    client: tenios.TeniosClient, emulator: Emulator, callback_id: int, seconds: int
) -> list[str]:
    """The status seen through the API at each whole second from now on."""
    seen: list[str] = []
    for _ in range(seconds):
        seen.append(str(client.callback.status(callback_id).status))
        emulator.advance(1)
    return seen


def _distinct(statuses: list[str]) -> list[str]:
    return [s for i, s in enumerate(statuses) if i == 0 or statuses[i - 1] != s]


def test_a_callback_goes_through_every_status_in_order(
    client: tenios.TeniosClient, emulator: Emulator
) -> None:
    callback_id = _request(client, delay=2)
    seen = _statuses_per_second(client, emulator, callback_id, 20)
    assert _distinct(seen) == HAPPY_PATH
    # Default timings: accepted after 1 s, A rings 3 s, B rings 3 s, the talk lasts 5 s.
    assert seen.index("CALLING_A") == 2
    assert seen.index("CALLING_B") == 5
    assert seen.index("CONNECTED") == 8
    assert seen.index("DISCONNECTED") == 13
    assert client.callback.status(callback_id).is_terminal


def test_partner_a_is_not_called_before_the_delay(
    client: tenios.TeniosClient, emulator: Emulator
) -> None:
    callback_id = _request(client, delay=30)
    emulator.advance(29.999)
    assert client.callback.status(callback_id).status is tenios.CallbackStatus.ACCEPTED
    emulator.advance(0.001)
    assert client.callback.status(callback_id).status is tenios.CallbackStatus.CALLING_A


def test_without_delay_partner_a_is_called_once_accepted(
    client: tenios.TeniosClient, emulator: Emulator
) -> None:
    callback_id = _request(client, delay=0)
    assert client.callback.status(callback_id).status is tenios.CallbackStatus.REQUESTED
    emulator.advance(1)
    assert client.callback.status(callback_id).status is tenios.CallbackStatus.CALLING_A


@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        ("CALL_A_FAILED", ["REQUESTED", "ACCEPTED", "CALLING_A", "CALL_A_FAILED"]),
        ("CALL_B_FAILED", ["REQUESTED", "ACCEPTED", "CALLING_A", "CALLING_B", "CALL_B_FAILED"]),
    ],
)
def test_a_scripted_failure_ends_the_next_callback(
    client: tenios.TeniosClient, emulator: Emulator, failure: str, expected: list[str]
) -> None:
    emulator.script_callback_failure(failure)
    failing = _request(client, delay=2)
    following = _request(client, delay=2)
    assert _distinct(_statuses_per_second(client, emulator, failing, 30)) == expected
    assert client.callback.status(failing).is_terminal
    # Only the next callback fails; the one after it succeeds.
    assert client.callback.status(following).status is tenios.CallbackStatus.DISCONNECTED


def test_failures_queue_in_order_or_target_one_callback(
    client: tenios.TeniosClient, emulator: Emulator
) -> None:
    emulator.script_callback_failure("CALL_B_FAILED")
    emulator.script_callback_failure("CALL_A_FAILED")
    first, second, third = (_request(client, delay=0) for _ in range(3))
    emulator.script_callback_failure("CALL_A_FAILED", callback_id=third)
    emulator.advance(60)
    assert [emulator.callback_status(i) for i in (first, second, third)] == [
        "CALL_B_FAILED",
        "CALL_A_FAILED",
        "CALL_A_FAILED",
    ]
    assert emulator.callback(first).failure == "CALL_B_FAILED"


def test_an_unknown_failure_cannot_be_scripted(emulator: Emulator) -> None:
    with pytest.raises(ValueError, match="CALL_A_FAILED or CALL_B_FAILED"):
        emulator.script_callback_failure("DISCONNECTED")


def test_custom_timings_change_how_long_each_phase_lasts() -> None:
    timings = CallbackTimings(accept_after=0.5, ring_a=1, ring_b=1, talk=1)
    with Emulator(clock=ManualClock(), callback_timings=timings) as emulator:
        callback_id = _request(emulator.client(), delay=0)
        emulator.advance(3.49)
        assert emulator.callback_status(callback_id) == "CONNECTED"
        emulator.advance(0.01)
        assert emulator.callback_status(callback_id) == "DISCONNECTED"
    with pytest.raises(ValueError, match="talk must be >= 0"):
        CallbackTimings(talk=-1)


def test_wait_sees_the_callback_finish_on_a_scaled_real_clock() -> None:
    # 100 emulated seconds per real second: the 13 s lifecycle takes about 0.13 s.
    with Emulator(time_scale=100) as emulator:
        client = emulator.client()
        callback_id = _request(client, delay=0)
        final = client.callback.wait(callback_id, timeout=5, poll_interval=0.01)
    assert final.status is tenios.CallbackStatus.DISCONNECTED


def test_a_scaled_clock_multiplies_real_time_and_can_jump() -> None:
    real = [100.0]
    clock = ScaledClock(10, monotonic=lambda: real[0])
    real[0] += 1.5
    assert clock.now() == 15.0
    clock.advance(5)
    assert clock.now() == 20.0
    assert repr(clock) == "ScaledClock(scale=10.0)"
    with pytest.raises(ValueError, match="more than 0"):
        ScaledClock(0)


def test_a_manual_clock_only_moves_forward() -> None:
    clock = ManualClock(start=5)
    clock.advance(2.5)
    assert clock.now() == 7.5
    assert repr(clock) == "ManualClock(now=7.5)"
    with pytest.raises(ValueError, match="only moves forward"):
        clock.advance(-1)


def test_a_clock_and_a_time_scale_are_exclusive() -> None:
    with pytest.raises(ValueError, match="either a clock or a time_scale"):
        Emulator(clock=ManualClock(), time_scale=10)
