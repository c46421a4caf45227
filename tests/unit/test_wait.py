"""callback.wait: poll until a terminal status, within one deadline, on a fake clock."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import respx

import tenios

from ..conftest import FakeClock


@pytest.fixture
def client(either_client: tenios.TeniosClient) -> tenios.TeniosClient:
    """Every test of this module runs on both clients (tests/_sides.py)."""
    return either_client


TIMEOUT_KEYS = ("connect", "read", "write", "pool")


def _statuses(*statuses: str) -> Iterator[httpx.Response]:
    for status in statuses:
        yield httpx.Response(200, json={"status": status})


def _poll_timeouts(route: respx.Route) -> list[Any]:
    timeouts: list[Any] = []
    for index in range(route.call_count):
        timeouts.append(route.calls[index].request.extensions["timeout"])  # pyright: ignore[reportUnknownMemberType]
    return timeouts


def test_returns_the_first_terminal_status(
    client: tenios.TeniosClient, api: respx.MockRouter, clock: FakeClock
) -> None:
    route = api.post("/callback/status").mock(
        side_effect=_statuses("REQUESTED", "CALLING_A", "CONNECTED", "DISCONNECTED", "DISCONNECTED")
    )
    result = client.callback.wait(10)
    assert result.status is tenios.CallbackStatus.DISCONNECTED
    assert route.call_count == 4
    assert clock.sleeps == [2.0, 2.0, 2.0]


@pytest.mark.parametrize("terminal", ["CALL_A_FAILED", "CALL_B_FAILED", "DISCONNECTED"])
def test_each_terminal_status_ends_the_wait(
    client: tenios.TeniosClient, api: respx.MockRouter, clock: FakeClock, terminal: str
) -> None:
    api.post("/callback/status").mock(side_effect=_statuses("ACCEPTED", terminal))
    assert client.callback.wait(1, poll_interval=0.5).status == terminal
    assert clock.sleeps == [0.5]


def test_unknown_status_is_not_terminal(
    client: tenios.TeniosClient, api: respx.MockRouter, clock: FakeClock
) -> None:
    route = api.post("/callback/status").mock(side_effect=_statuses("PARKED", "CALL_B_FAILED"))
    assert client.callback.wait(10).status is tenios.CallbackStatus.CALL_B_FAILED
    assert route.call_count == 2


def test_deadline_raises_wait_timeout_error(
    client: tenios.TeniosClient, api: respx.MockRouter, clock: FakeClock
) -> None:
    route = api.post("/callback/status").respond(200, json={"status": "CALLING_B"})
    with pytest.raises(tenios.WaitTimeoutError) as caught:
        client.callback.wait(10, timeout=5, poll_interval=2)
    assert isinstance(caught.value, TimeoutError)
    assert route.call_count == 3  # at t = 0, 2 and 4
    assert clock.sleeps == [2.0, 2.0, 1.0]  # the last sleep ends at the deadline, not after it
    assert "10" in str(caught.value)
    assert "5" in str(caught.value)


def test_each_poll_timeout_is_cut_to_the_time_left(
    client: tenios.TeniosClient, api: respx.MockRouter, clock: FakeClock
) -> None:
    route = api.post("/callback/status").respond(200, json={"status": "REQUESTED"})
    with pytest.raises(tenios.WaitTimeoutError):
        client.callback.wait(10, timeout=5, poll_interval=2)
    assert _poll_timeouts(route) == [
        dict.fromkeys(TIMEOUT_KEYS, 5.0),
        dict.fromkeys(TIMEOUT_KEYS, 3.0),
        dict.fromkeys(TIMEOUT_KEYS, 1.0),
    ]


def test_a_long_deadline_keeps_the_clients_timeout(
    client: tenios.TeniosClient, api: respx.MockRouter, clock: FakeClock
) -> None:
    route = api.post("/callback/status").mock(side_effect=_statuses("REQUESTED", "DISCONNECTED"))
    client.callback.wait(10)  # default deadline 300 s
    assert _poll_timeouts(route)[0] == {"connect": 5.0, "read": 30.0, "write": 30.0, "pool": 30.0}


def test_no_timeout_client_polls_with_the_time_left(
    api: respx.MockRouter, clock: FakeClock, http: httpx.Client
) -> None:
    client = tenios.TeniosClient("k", http_client=http, timeout=None)
    route = api.post("/callback/status").mock(side_effect=_statuses("REQUESTED", "DISCONNECTED"))
    client.callback.wait(10, timeout=60, poll_interval=10)
    assert _poll_timeouts(route) == [
        dict.fromkeys(TIMEOUT_KEYS, 60.0),
        dict.fromkeys(TIMEOUT_KEYS, 50.0),
    ]


def test_poll_timing_out_at_the_deadline_is_a_wait_timeout(
    client: tenios.TeniosClient, api: respx.MockRouter, clock: FakeClock
) -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        clock.now += 4  # the poll's read timeout (cut to the time left) runs out
        raise httpx.ReadTimeout("slow", request=request)

    api.post("/callback/status").mock(side_effect=slow)
    with pytest.raises(tenios.WaitTimeoutError) as caught:
        client.with_options(max_retries=0).callback.wait(10, timeout=3)
    assert isinstance(caught.value.__cause__, tenios.APITimeoutError)


def test_failed_polls_are_repeated_while_time_is_left(
    client: tenios.TeniosClient, api: respx.MockRouter, clock: FakeClock
) -> None:
    route = api.post("/callback/status").mock(
        side_effect=[
            httpx.ReadTimeout("slow"),
            httpx.Response(503),
            httpx.ConnectError("refused"),
            httpx.Response(408),
            httpx.Response(200, json={"status": "DISCONNECTED"}),
        ]
    )
    assert client.callback.wait(10, timeout=60).status is tenios.CallbackStatus.DISCONNECTED
    assert route.call_count == 5  # one request per poll: the client's own retries are not used
    assert clock.sleeps == [2.0, 2.0, 2.0, 2.0]


def test_retry_after_is_honoured_between_polls(
    client: tenios.TeniosClient, api: respx.MockRouter, clock: FakeClock
) -> None:
    api.post("/callback/status").mock(
        side_effect=[
            httpx.Response(429, headers={"Retry-After": "9"}),
            httpx.Response(200, json={"status": "CALL_A_FAILED"}),
        ]
    )
    assert client.callback.wait(10).status is tenios.CallbackStatus.CALL_A_FAILED
    assert clock.sleeps == [9.0]


def test_wait_never_outlasts_its_deadline_on_a_hanging_server(
    client: tenios.TeniosClient, api: respx.MockRouter, clock: FakeClock
) -> None:
    started = clock.now

    def hang(request: httpx.Request) -> httpx.Response:
        clock.now += request.extensions["timeout"]["read"]  # the poll uses its whole timeout
        raise httpx.ReadTimeout("no answer", request=request)

    api.post("/callback/status").mock(side_effect=hang)
    with pytest.raises(tenios.WaitTimeoutError) as caught:
        client.callback.wait(10, timeout=45)
    assert clock.now - started == pytest.approx(45.0)
    assert isinstance(caught.value.__cause__, tenios.APITimeoutError)


def test_lasting_failures_end_in_wait_timeout_from_the_last_one(
    client: tenios.TeniosClient, api: respx.MockRouter, clock: FakeClock
) -> None:
    route = api.post("/callback/status").respond(502, html="<h1>Bad Gateway</h1>")
    with pytest.raises(tenios.WaitTimeoutError) as caught:
        client.callback.wait(10, timeout=7, poll_interval=2)
    assert isinstance(caught.value.__cause__, tenios.ServerError)
    assert route.call_count == 4  # at t = 0, 2, 4 and 6
    assert sum(clock.sleeps) == pytest.approx(7.0)


def test_retry_after_beyond_the_deadline_waits_only_until_it(
    client: tenios.TeniosClient, api: respx.MockRouter, clock: FakeClock
) -> None:
    api.post("/callback/status").respond(429, headers={"Retry-After": "50"})
    with pytest.raises(tenios.WaitTimeoutError) as caught:
        client.callback.wait(10, timeout=20)
    assert clock.sleeps == [20.0]
    assert isinstance(caught.value.__cause__, tenios.RateLimitError)


@pytest.mark.parametrize(
    ("status", "body", "error"),
    [
        (
            400,
            {"error_code": "CALLBACK_NOT_FOUND", "error_message": "nope"},
            tenios.CallbackNotFoundError,
        ),
        (403, {}, tenios.AuthenticationError),
        (200, {"state": "?"}, tenios.ResponseValidationError),
    ],
)
def test_final_errors_while_waiting_are_raised_at_once(
    client: tenios.TeniosClient,
    api: respx.MockRouter,
    clock: FakeClock,
    status: int,
    body: dict[str, Any],
    error: type[tenios.APIError],
) -> None:
    route = api.post("/callback/status").respond(status, json=body)
    with pytest.raises(error):
        client.callback.wait(10)
    assert route.call_count == 1
    assert clock.sleeps == []


def test_api_errors_while_waiting_are_raised(
    client: tenios.TeniosClient, api: respx.MockRouter, clock: FakeClock
) -> None:
    body = {
        "error_code": "CALLBACK_NOT_FOUND",
        "error_message": "Callback id not found",
        "fields": ["id"],
    }
    api.post("/callback/status").respond(400, json=body)
    with pytest.raises(tenios.CallbackNotFoundError):
        client.callback.wait(4711)
    assert clock.sleeps == []


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"timeout": 0}, "timeout"),
        ({"timeout": -5}, "timeout"),
        ({"timeout": "60"}, "timeout"),
        ({"timeout": True}, "timeout"),
        ({"timeout": float("inf")}, "timeout"),
        ({"poll_interval": -1}, "poll_interval"),
        ({"poll_interval": float("nan")}, "poll_interval"),
        ({"poll_interval": None}, "poll_interval"),
        ({"id": None, "timeout": 1e-300}, "id"),  # checked even when the deadline passes at once
        ({"id": "  "}, "id"),
    ],
)
def test_bad_wait_arguments_are_refused_before_polling(
    client: tenios.TeniosClient, api: respx.MockRouter, arguments: dict[str, Any], field: str
) -> None:
    route = api.post("/callback/status").respond(200, json={"status": "DISCONNECTED"})
    arguments = {"id": 10, **arguments}
    with pytest.raises(tenios.RequestValidationError) as caught:
        client.callback.wait(**arguments)
    assert caught.value.field == field
    assert not route.called


def test_zero_poll_interval_polls_without_sleeping(
    client: tenios.TeniosClient, api: respx.MockRouter, clock: FakeClock
) -> None:
    api.post("/callback/status").mock(side_effect=_statuses("ACCEPTED", "DISCONNECTED"))
    client.callback.wait(10, poll_interval=0)
    assert clock.sleeps == [0.0]
