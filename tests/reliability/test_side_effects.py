"""No duplicate side effects: an unsafe call that reached the server is never sent again.

For each endpoint that can place or move a phone call, and each fault that can happen after the
server read the whole request, the server saw the request exactly once, and the error tells the
user that TENIOS may have acted on it and that it was not repeated.
"""

from __future__ import annotations

import pytest

from ._faults import FAULTS, UNSAFE_CALLS, EndpointCall, Fault, Rule, run
from .test_fault_matrix import warns_unsafe

AFTER_RECEIPT = [f for f in FAULTS if f.reached_server and f.rule is Rule.SENT]


def test_the_faults_after_receipt_include_those_the_issue_names() -> None:
    names = " | ".join(f.name for f in AFTER_RECEIPT)
    for part in ("read timeout", "reset after", "truncated", "500", "502", "503", "504"):
        assert part in names


QUICK_UNSAFE = [c for c in UNSAFE_CALLS if c.name in ("callback.init", "numbers.order")]
"""One call that places a phone call and one that costs money: the default run; all in slow."""


def _check_sent_once(fault: Fault, call: EndpointCall) -> None:
    measurement, received = run(fault, call)

    assert received == 1
    assert measurement.attempts == 1
    assert measurement.error is not None
    assert warns_unsafe(str(measurement.error))


@pytest.mark.parametrize("call", QUICK_UNSAFE, ids=lambda c: c.name)
@pytest.mark.parametrize("fault", AFTER_RECEIPT, ids=lambda f: f.name)
def test_unsafe_call_reaches_the_server_exactly_once(fault: Fault, call: EndpointCall) -> None:
    _check_sent_once(fault, call)


@pytest.mark.slow
@pytest.mark.parametrize(
    "call", [c for c in UNSAFE_CALLS if c not in QUICK_UNSAFE], ids=lambda c: c.name
)
@pytest.mark.parametrize("fault", AFTER_RECEIPT, ids=lambda f: f.name)
def test_every_unsafe_call_reaches_the_server_exactly_once(
    fault: Fault, call: EndpointCall
) -> None:
    _check_sent_once(fault, call)
