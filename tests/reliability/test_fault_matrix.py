"""The fault matrix: every fault against a real loopback server, per endpoint safety.

For each fault and endpoint: the exact exception class, the number of attempts with
``max_retries=2``, the waits between them, and the wall time within the stated budget
(``attempts * (connect + read timeout)`` plus the server's own delay plus generous slack; the
retry waits themselves are recorded, not slept). The default run covers one safe and one unsafe
endpoint; ``-m slow`` covers the rest.
"""

from __future__ import annotations

import sys

import pytest

import tenios

from ._faults import (
    ALL_CALLS,
    FAULTS,
    QUICK_CALLS,
    TIMEOUT_SECONDS,
    EndpointCall,
    Fault,
    run,
)


def warns_unsafe(message: str) -> bool:
    """Whether a message says TENIOS may have acted on the request and it was not repeated."""
    return all(part in message for part in ("TENIOS", "may have", "acted on", "not repeated"))


def check(fault: Fault, call: EndpointCall, side: str = "sync") -> None:
    """Run ``call`` under ``fault`` and compare everything a user can observe."""
    expected = fault.expected(call)
    measurement, received = run(fault, call, side)

    if expected.error is None:
        assert measurement.error is None, f"{fault.name}: {measurement.error!r}"
        assert measurement.result is not None
    else:
        assert type(measurement.error) is expected.error, f"{fault.name}: {measurement.error!r}"
    assert measurement.attempts == expected.attempts
    assert measurement.waits == pytest.approx(
        fault.waits(expected.attempts), abs=fault.wait_tolerance
    )
    if fault.reached_server:
        assert received == expected.attempts, "the server must see each attempt, and no more"
    else:
        assert received == 0

    assert measurement.seconds <= fault.budget(expected.attempts)
    # A timeout really waited; the trickle outlasts the read timeout yet succeeds, because
    # httpx's read timeout bounds each socket read, not the whole body.
    assert measurement.seconds >= 0.9 * fault.min_seconds * expected.attempts

    message = str(measurement.error or "")
    assert warns_unsafe(message) is expected.warns_unsafe, message
    if isinstance(measurement.error, tenios.RateLimitError):
        assert measurement.error.retry_after == pytest.approx(fault.retry_after, abs=1.5)


def _id(value: object) -> str:
    return value.name if isinstance(value, (Fault, EndpointCall)) else str(value)


ON_LINUX = sys.platform.startswith("linux")
LINUX_ONLY = pytest.mark.skipif(not ON_LINUX, reason="relies on Linux's full accept queue")
MATRIX = [pytest.param(f, id=f.name, marks=[LINUX_ONLY] if f.linux_only else []) for f in FAULTS]


@pytest.mark.parametrize("call", QUICK_CALLS, ids=_id)
@pytest.mark.parametrize("fault", MATRIX)
def test_fault_on_one_safe_and_one_unsafe_endpoint(fault: Fault, call: EndpointCall) -> None:
    check(fault, call)


@pytest.mark.slow
@pytest.mark.parametrize("call", [c for c in ALL_CALLS if c not in QUICK_CALLS], ids=_id)
@pytest.mark.parametrize("fault", MATRIX)
def test_fault_on_every_other_endpoint(fault: Fault, call: EndpointCall) -> None:
    check(fault, call)


@pytest.mark.slow
@pytest.mark.parametrize("call", ALL_CALLS, ids=_id)
@pytest.mark.parametrize("fault", MATRIX)
def test_fault_on_every_endpoint_of_the_async_client(fault: Fault, call: EndpointCall) -> None:
    check(fault, call, "async")


@pytest.mark.parametrize("call", QUICK_CALLS, ids=_id)
@pytest.mark.parametrize(
    "fault",
    [f for f in FAULTS if f.name.startswith(("read timeout", "HTML 503"))],
    ids=lambda f: f.name,
)
def test_the_async_client_meets_a_fault_as_the_sync_one_does(
    fault: Fault, call: EndpointCall
) -> None:
    """The default run's sample of the async matrix (all of it runs with -m slow)."""
    check(fault, call, "async")


def test_the_matrix_covers_every_endpoint_of_the_sdk() -> None:
    from tenios._endpoints import ENDPOINTS

    declared = {(endpoint.name, endpoint.path) for endpoint in ENDPOINTS}
    assert {(call.name, call.path) for call in ALL_CALLS} == declared


@LINUX_ONLY
def test_connect_timeout_server_really_produces_httpx_connect_timeout() -> None:
    """The accept-queue trick works on this kernel: httpx sees ConnectTimeout, not refusal."""
    import httpx

    from ._rawserver import never_accepting

    with never_accepting() as base_url, pytest.raises(httpx.ConnectTimeout):
        httpx.post(base_url, timeout=TIMEOUT_SECONDS)
