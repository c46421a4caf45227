"""Retries (DESIGN §3): what is repeated, how often, how long we wait, and what is never repeated."""

from __future__ import annotations

import logging
import random
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime
from typing import Callable, Optional

import httpx
import pytest
import respx

import tenios
from tenios import _clock
from tenios._endpoints import ENDPOINTS

from ..conftest import FakeClock
from ._calls import MINIMAL_CALLS, SAFE_ENDPOINTS, UNSAFE_ENDPOINTS, call

PATHS = {endpoint.name: endpoint.path for endpoint in ENDPOINTS}
Answer = Callable[[httpx.Request], httpx.Response]


def _raise(error: type[httpx.TransportError]) -> Answer:
    def answer(request: httpx.Request) -> httpx.Response:
        raise error("simulated", request=request)

    return answer


def _status(code: int, headers: Optional[dict[str, str]] = None) -> Answer:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(code, headers=headers, json={"error_message": "simulated"})

    return answer


def _in_turn(*answers: Answer) -> Answer:
    """Answer the n-th request with the n-th answer."""
    pending = list(answers)

    def answer(request: httpx.Request) -> httpx.Response:
        return pending.pop(0)(request)

    return answer


def _ok(body: dict[str, object]) -> Answer:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=body)

    return answer


class _CutShort(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that breaks off after its first bytes, for either client."""

    def __iter__(self) -> Iterator[bytes]:
        yield b'{"succ'
        raise httpx.ReadError("connection reset by peer")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield b'{"succ'
        raise httpx.ReadError("connection reset by peer")


def _cut_short(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, stream=_CutShort())


@dataclass(frozen=True)
class Failure:
    answer: Answer
    error: type[tenios.TeniosError]
    retried_for_unsafe: bool
    """Whether the request provably never reached TENIOS (or was refused with 429)."""
    waits: Optional[float] = None
    """A fixed wait asked for by Retry-After; otherwise the jittered backoff."""


FAILURES: dict[str, Failure] = {
    "connect error": Failure(_raise(httpx.ConnectError), tenios.APIConnectionError, True),
    "connect timeout": Failure(_raise(httpx.ConnectTimeout), tenios.APITimeoutError, True),
    "pool timeout": Failure(_raise(httpx.PoolTimeout), tenios.APITimeoutError, True),
    "read timeout": Failure(_raise(httpx.ReadTimeout), tenios.APITimeoutError, False),
    "write timeout": Failure(_raise(httpx.WriteTimeout), tenios.APITimeoutError, False),
    "dropped (RemoteProtocolError)": Failure(
        _raise(httpx.RemoteProtocolError), tenios.APIConnectionError, False
    ),
    "dropped (ReadError)": Failure(_raise(httpx.ReadError), tenios.APIConnectionError, False),
    "body cut short": Failure(_cut_short, tenios.APIConnectionError, False),
    "429": Failure(_status(429), tenios.RateLimitError, True),
    "429 Retry-After": Failure(
        _status(429, {"Retry-After": "3"}), tenios.RateLimitError, True, waits=3.0
    ),
    "408": Failure(_status(408), tenios.APIError, False),
    "500": Failure(_status(500), tenios.ServerError, False),
    "502": Failure(_status(502), tenios.ServerError, False),
    "503": Failure(_status(503), tenios.ServerError, False),
    "503 Retry-After": Failure(
        _status(503, {"Retry-After": "2"}), tenios.ServerError, False, waits=2.0
    ),
    "504": Failure(_status(504), tenios.ServerError, False),
}

NOT_REPEATED = "was not repeated"


@pytest.mark.parametrize("failure_name", FAILURES)
@pytest.mark.parametrize("endpoint", [*SAFE_ENDPOINTS, *UNSAFE_ENDPOINTS])
def test_retry_matrix(
    client: tenios.TeniosClient,
    api: respx.MockRouter,
    clock: FakeClock,
    endpoint: str,
    failure_name: str,
) -> None:
    failure = FAILURES[failure_name]
    clock.jitter_factor = 0.8
    route = api.post(PATHS[endpoint]).mock(side_effect=failure.answer)

    with pytest.raises(failure.error) as caught:
        call(client, endpoint, MINIMAL_CALLS[endpoint].kwargs)

    safe = endpoint in SAFE_ENDPOINTS
    retried = safe or failure.retried_for_unsafe
    assert route.call_count == (3 if retried else 1)
    if not retried:
        assert clock.sleeps == []
    elif failure.waits is not None:
        assert clock.sleeps == [failure.waits, failure.waits]
    else:
        assert clock.sleeps == pytest.approx([0.5 * 0.8, 1.0 * 0.8])
    message = str(caught.value)
    if not retried:
        # An unsafe call that failed after it was sent: the user must check before trying again.
        assert "may have" in message
        assert NOT_REPEATED in message
    else:
        assert "after 3 attempts" in message
        assert NOT_REPEATED not in message


@pytest.mark.parametrize(
    ("endpoint", "failure_name"),
    [
        ("callback.status", "connect error"),
        ("callback.status", "read timeout"),
        ("callback.status", "429"),
        ("acd.change_user_details", "503"),
        ("acd.change_user_details", "body cut short"),
        ("callback.init", "connect error"),
        ("callback.init", "429"),
        ("transfer.call", "pool timeout"),
    ],
)
def test_a_retried_call_returns_the_answer_that_finally_came(
    client: tenios.TeniosClient,
    api: respx.MockRouter,
    clock: FakeClock,
    endpoint: str,
    failure_name: str,
) -> None:
    failure = FAILURES[failure_name]
    case = MINIMAL_CALLS[endpoint]
    route = api.post(PATHS[endpoint]).mock(side_effect=_in_turn(failure.answer, _ok(case.answer)))

    result = call(client, endpoint, case.kwargs)

    assert type(result) is case.model
    assert route.call_count == 2
    assert len(clock.sleeps) == 1


def test_unsafe_message_says_what_tenios_may_have_done(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    api.post("/callback/init").mock(side_effect=_raise(httpx.ReadTimeout))
    api.post("/transfer-call").mock(side_effect=_status(502))
    with pytest.raises(tenios.APITimeoutError) as init_error:
        call(client, "callback.init", MINIMAL_CALLS["callback.init"].kwargs)
    with pytest.raises(tenios.ServerError) as transfer_error:
        call(client, "transfer.call", MINIMAL_CALLS["transfer.call"].kwargs)
    assert str(init_error.value) == (
        "POST /callback/init timed out waiting for the answer (api.tenios.com). The request may have reached TENIOS, which may have acted on it"
        " (a callback may have been placed); it was not repeated. Check before trying again."
    )
    assert "the call may have been transferred" in str(transfer_error.value)


def test_client_errors_are_never_retried(
    client: tenios.TeniosClient, api: respx.MockRouter, clock: FakeClock
) -> None:
    route = api.post("/callback/status").mock(side_effect=_status(400))
    with pytest.raises(tenios.InvalidRequestError):
        client.callback.status(10)
    assert route.call_count == 1
    assert clock.sleeps == []


@pytest.mark.parametrize(
    ("max_retries", "sleeps"),
    [
        (0, []),
        (1, [0.5]),
        (2, [0.5, 1.0]),
        (6, [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]),
    ],
)
def test_backoff_doubles_from_half_a_second_and_is_capped_at_8s(
    client: tenios.TeniosClient,
    api: respx.MockRouter,
    clock: FakeClock,
    max_retries: int,
    sleeps: list[float],
) -> None:
    clock.jitter_factor = 0.75
    route = api.post("/callback/status").mock(side_effect=_status(503))
    with pytest.raises(tenios.ServerError):
        client.with_options(max_retries=max_retries).callback.status(10)
    assert route.call_count == max_retries + 1
    assert clock.sleeps == pytest.approx([s * 0.75 for s in sleeps])


def test_max_retries_from_constructor_is_used(api: respx.MockRouter, clock: FakeClock) -> None:
    route = api.post("/callback/status").mock(side_effect=_raise(httpx.ConnectError))
    with (
        tenios.TeniosClient("key", max_retries=4) as client,
        pytest.raises(tenios.APIConnectionError),
    ):
        client.callback.status(10)
    assert route.call_count == 5


def test_jitter_stays_between_three_quarters_and_one() -> None:
    random.seed(1234)
    factors = [_clock.jitter() for _ in range(2000)]
    assert min(factors) >= 0.75
    assert max(factors) <= 1.0
    assert max(factors) - min(factors) > 0.2  # it does spread


# -- Retry-After --------------------------------------------------------------------------------


def _http_date(timestamp: float) -> str:
    return format_datetime(datetime.fromtimestamp(timestamp, tz=timezone.utc), usegmt=True)


def test_retry_after_http_date_is_waited_exactly(
    client: tenios.TeniosClient, api: respx.MockRouter, clock: FakeClock
) -> None:
    def too_many(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, headers={"Retry-After": _http_date(clock.now + 7)})

    accepted = _ok({"status": "ACCEPTED"})
    api.post("/callback/status").mock(side_effect=_in_turn(too_many, too_many, accepted))
    assert client.callback.status(10).status is tenios.CallbackStatus.ACCEPTED
    assert clock.sleeps == [7.0, 7.0]


def test_retry_after_date_in_the_past_means_retry_now(
    client: tenios.TeniosClient, api: respx.MockRouter, clock: FakeClock
) -> None:
    stale = httpx.Response(429, headers={"Retry-After": _http_date(clock.now - 30)})
    api.post("/callback/status").mock(
        side_effect=[stale, httpx.Response(200, json={"status": "ACCEPTED"})]
    )
    client.callback.status(10)
    assert clock.sleeps == [0.0]


@pytest.mark.parametrize(
    ("header", "value", "waited"),
    [
        ("Retry-After", "60", 60.0),
        ("Retry-After", "0", 0.0),
        ("Retry-After", "1.5", 1.5),
        ("retry-after-ms", "250", 0.25),
        ("Retry-After", "soon", 0.5),  # unreadable: ordinary backoff
        ("Retry-After", "Wed, 21 Oct 2015 07:28:00 -0000", 0.5),  # no time zone: backoff
        ("retry-after-ms", "x", 0.5),
        ("Retry-After", "nan", 0.5),  # not a finite number: backoff
        ("Retry-After", "-inf", 0.5),
        ("Retry-After", "-3", 0.0),  # a negative wait means now
    ],
)
def test_retry_after_forms(
    client: tenios.TeniosClient,
    api: respx.MockRouter,
    clock: FakeClock,
    header: str,
    value: str,
    waited: float,
) -> None:
    first = httpx.Response(429, headers={header: value})
    api.post("/callback/status").mock(
        side_effect=[first, httpx.Response(200, json={"status": "ACCEPTED"})]
    )
    client.callback.status(10)
    assert clock.sleeps == [waited]


@pytest.mark.parametrize("endpoint", ["callback.status", "callback.init"])
@pytest.mark.parametrize("value", ["120", "61"])
def test_retry_after_over_a_minute_is_not_waited_for(
    client: tenios.TeniosClient,
    api: respx.MockRouter,
    clock: FakeClock,
    endpoint: str,
    value: str,
) -> None:
    route = api.post(PATHS[endpoint]).mock(side_effect=_status(429, {"Retry-After": value}))
    with pytest.raises(tenios.RateLimitError) as caught:
        call(client, endpoint, MINIMAL_CALLS[endpoint].kwargs)
    assert route.call_count == 1
    assert clock.sleeps == []
    assert caught.value.retry_after == float(value)
    assert f"retry after {value} s" in str(caught.value)


def test_retry_after_http_date_over_a_minute_is_not_waited_for(
    client: tenios.TeniosClient, api: respx.MockRouter, clock: FakeClock
) -> None:
    later = _http_date(clock.now + 600)
    route = api.post("/callback/status").mock(side_effect=_status(503, {"Retry-After": later}))
    with pytest.raises(tenios.ServerError) as caught:
        client.callback.status(10)
    assert route.call_count == 1
    assert caught.value.retry_after == 600.0


def test_retry_after_on_other_statuses_is_ignored(
    client: tenios.TeniosClient, api: respx.MockRouter, clock: FakeClock
) -> None:
    api.post("/callback/status").mock(side_effect=_status(500, {"Retry-After": "30"}))
    with pytest.raises(tenios.ServerError) as caught:
        client.callback.status(10)
    assert caught.value.retry_after is None
    assert clock.sleeps == [0.5, 1.0]


# -- logging ------------------------------------------------------------------------------------


def test_each_retry_is_logged_at_info(
    client: tenios.TeniosClient,
    api: respx.MockRouter,
    clock: FakeClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    clock.jitter_factor = 0.96
    api.post("/callback/status").mock(side_effect=_status(503))
    with caplog.at_level(logging.INFO, logger="tenios"), pytest.raises(tenios.ServerError):
        client.callback.status(10)
    retries = [
        r.getMessage() for r in caplog.records if r.name == "tenios" and r.levelno == logging.INFO
    ]
    assert len(retries) == 2
    assert retries[0].startswith("retrying callback.status in 0.48 s, attempt 2 of 3")
    assert retries[1].startswith("retrying callback.status in 0.96 s, attempt 3 of 3")


def test_each_attempt_is_logged_at_debug(
    client: tenios.TeniosClient,
    api: respx.MockRouter,
    clock: FakeClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    api.post("/callback/status").mock(
        side_effect=_in_turn(_raise(httpx.ConnectError), _ok({"status": "ACCEPTED"}))
    )
    with caplog.at_level(logging.DEBUG, logger="tenios"):
        client.callback.status(10)
    attempts = [
        r.getMessage() for r in caplog.records if r.name == "tenios" and r.levelno == logging.DEBUG
    ]
    assert len(attempts) == 2
    assert attempts[0].startswith(
        "callback.status POST /callback/status -> ConnectError: could not connect to api.tenios.com (attempt 1 of 3"
    )
    assert attempts[1].startswith("callback.status POST /callback/status -> 200 (attempt 2 of 3")
    assert all(message.endswith(" ms)") for message in attempts)
