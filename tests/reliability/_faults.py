"""The fault matrix: every fault, what the SDK must do under it, and a way to measure it.

Shared by the fault-matrix tests, the side-effect tests, the secrets test and ``measure.py``
(which prints the table in ``docs/reliability.md``). The expectations are written out here, not
read from ``tenios._endpoints``, so that a change to the endpoint table is caught.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import functools
import json
import ssl
import time
from collections.abc import Generator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import Enum
from typing import Any, Callable, ContextManager, Optional, Protocol
from unittest import mock

import httpx

import tenios
from tenios import _clock

from .._sides import blocking
from ._rawserver import (
    JSON,
    RawConnection,
    RawServer,
    ReceivedRequest,
    answer,
    answer_with,
    closed_port,
    http_response,
    never_accepting,
)

ACCESS_KEY = "Qv7Kx2Zp9Lw4Rj8Tn3Hb"
"""A distinctive key: none of its substrings of 6+ characters occurs in ordinary SDK text."""

TIMEOUT_SECONDS = 0.3
"""Every phase (connect, read, write, pool) of every attempt in the matrix."""

ATTEMPT_BUDGET = 2 * TIMEOUT_SECONDS
"""The longest one attempt may take: a full connect timeout plus a full read timeout."""

SLACK_SECONDS = 1.5
"""Generous allowance for a loaded CI machine on top of every time budget."""

MAX_RETRIES = 2

TRICKLE_CHUNKS = 8
TRICKLE_INTERVAL = 0.1
"""The trickle: each chunk arrives well within the read timeout, all of them take 0.8 s."""

# A body every response model accepts (unknown fields are kept), so one fault fits all endpoints.
OK_BODY: dict[str, object] = {
    "id": 10,
    "status": "REQUESTED",
    "email": "agent@example.com",
    "state": "READY",
    "success": True,
    "cloud_acd_enabled": True,
    "sip_enabled": True,
    "external_number_enabled": False,
    "user_skills": [{"name": "German", "has_skill": True}],
    "recording_uuid": "rec-1",
    "wrap_up_end_time": "2020-01-01T09:00:00.000Z",
    "items": [],
    "page": 1,
    "page_size": 100,
    "total_items": 0,
    "verification_id": "705d5302-4a8e-4b7f-9f3a-5c1d2e3f4a5b",
    "order_id": 4711,
    "cancellation_date": "2019-01-01",
}
OK_BYTES = json.dumps(OK_BODY).encode()


# -- the endpoints, as a user calls them -----------------------------------------------------


@dataclass(frozen=True)
class EndpointCall:
    """One endpoint, called the way a user would, and whether it is safe to repeat."""

    name: str
    path: str
    safe: bool
    invoke: Callable[[tenios.TeniosClient], object]


EMAIL = "agent@example.com"
CALL_UUID = "5b8c0c52-1a2b-4c3d-9e8f-0123456789ab"
FROM = datetime(2026, 11, 1, tzinfo=timezone.utc)
TO = datetime(2026, 12, 1, tzinfo=timezone.utc)

CALLBACK_INIT = EndpointCall(
    "callback.init",
    "/callback/init",
    False,
    lambda c: c.callback.init(callback_config_id="cfg-1", callback_number="+491234567890", delay=0),
)
CALLBACK_STATUS = EndpointCall(
    "callback.status", "/callback/status", True, lambda c: c.callback.status(10)
)
ALL_CALLS: tuple[EndpointCall, ...] = (
    CALLBACK_INIT,
    CALLBACK_STATUS,
    EndpointCall(
        "acd.retrieve_agent_state",
        "/acd/agent-state/retrieve",
        True,
        lambda c: c.acd.retrieve_agent_state(EMAIL),
    ),
    EndpointCall(
        "acd.change_agent_state",
        "/acd/agent-state/change",
        True,
        lambda c: c.acd.change_agent_state(EMAIL, state="NOT_READY"),
    ),
    EndpointCall(
        "acd.retrieve_user_details",
        "/acd/details/user/retrieve",
        True,
        lambda c: c.acd.retrieve_user_details(EMAIL),
    ),
    EndpointCall(
        "acd.change_user_details",
        "/acd/details/user/change",
        True,
        lambda c: c.acd.change_user_details(
            EMAIL,
            cloud_acd_enabled=True,
            sip_enabled=True,
            external_number_enabled=False,
            external_number=None,
            state="READY",
            user_skills={"German": True},
        ),
    ),
    EndpointCall(
        "transfer.call",
        "/transfer-call",
        False,
        lambda c: c.transfer.call(CALL_UUID, destination_type="SIP_USER", destination="agent1"),
    ),
    EndpointCall(
        "call_control.interrupt_block",
        "/interrupt-ecc-block",
        False,
        lambda c: c.call_control.interrupt_block(CALL_UUID),
    ),
    EndpointCall(
        "makecall.init",
        "/makecall/init",
        False,
        lambda c: c.makecall.init(
            destination_number="+491234567890", tenios_number="+4922112345670"
        ),
    ),
    EndpointCall("makecall.status", "/makecall/status", True, lambda c: c.makecall.status(10)),
    EndpointCall(
        "recording.start", "/record-call/start", False, lambda c: c.recording.start(CALL_UUID)
    ),
    EndpointCall(
        "recording.stop",
        "/record-call/stop",
        True,
        lambda c: c.recording.stop(CALL_UUID, recording_uuid="rec-1"),
    ),
    EndpointCall(
        "transfer.refer",
        "/refer-call",
        False,
        lambda c: c.transfer.refer(CALL_UUID, sip_uri="sip:4044@198.51.100.7"),
    ),
    EndpointCall(
        "monitoring.start",
        "/call/listen-in/start",
        False,
        lambda c: c.monitoring.start(
            CALL_UUID, supervisor_key="sup-key-1", supervisor_destination="+491234567891"
        ),
    ),
    EndpointCall(
        "monitoring.stop", "/call/listen-in/stop", True, lambda c: c.monitoring.stop(CALL_UUID)
    ),
    EndpointCall(
        "acd.extend_wrap_up",
        "/wrap-up/extend",
        True,
        lambda c: c.acd.extend_wrap_up(EMAIL, end_time=TO),
    ),
    EndpointCall(
        "acd.cancel_wrap_up", "/wrap-up/cancel", True, lambda c: c.acd.cancel_wrap_up(EMAIL)
    ),
    EndpointCall("cloud_pbx.page", "/cloud-pbx/list", True, lambda c: c.cloud_pbx.page()),
    EndpointCall(
        "cdrs.page",
        "/cdrs/retrieve",
        True,
        lambda c: c.cdrs.page(start_date_from=FROM, start_date_to=TO),
    ),
    EndpointCall(
        "cdrs.count",
        "/cdrs/count",
        True,
        lambda c: c.cdrs.count(start_date_from=FROM, start_date_to=TO),
    ),
    EndpointCall(
        "numbers.create_verification",
        "/verification/create",
        False,
        lambda c: c.numbers.create_verification(
            country="Germany",
            city="Köln",
            zip="50667",
            street="Domkloster",
            house_number="4a",
            area_code="221",
            document_type="ALLOCATION_NOTICE",
            document=b"%PDF-1.4 proof of address",
        ),
    ),
    EndpointCall(
        "numbers.order",
        "/number/order",
        False,
        lambda c: c.numbers.order(verification_id="705d5302-4a8e-4b7f-9f3a-5c1d2e3f4a5b"),
    ),
    EndpointCall(
        "numbers.cancel", "/number/cancel", False, lambda c: c.numbers.cancel("+4922112345671")
    ),
)
QUICK_CALLS = (CALLBACK_STATUS, CALLBACK_INIT)
"""One safe and one unsafe endpoint: the subset of the matrix in the default run."""
UNSAFE_CALLS = tuple(call for call in ALL_CALLS if not call.safe)


# -- servers ---------------------------------------------------------------------------------


class LoopbackServer(Protocol):
    """What the matrix needs from a server: where it is and what it received."""

    @property
    def base_url(self) -> str: ...

    def requests_to(self, path: str) -> list[ReceivedRequest]: ...


@dataclass(frozen=True)
class NoServer:
    """A closed port: nothing listens, nothing is received."""

    base_url: str

    def requests_to(self, path: str) -> list[ReceivedRequest]:
        """Nothing was ever received here."""
        return []


@contextlib.contextmanager
def _refusing() -> Generator[LoopbackServer, None, None]:
    yield NoServer(f"http://127.0.0.1:{closed_port()}")


@contextlib.contextmanager
def _stalled_connect() -> Generator[LoopbackServer, None, None]:
    with never_accepting() as base_url:
        yield NoServer(base_url)


def _raw(handler: Callable[[RawConnection], bool]) -> Callable[[], ContextManager[RawServer]]:
    return lambda: RawServer(handler)


def _once(act: Callable[[RawConnection], None]) -> Callable[[RawConnection], bool]:
    """A handler that acts once per connection and then lets it end."""

    def handle(connection: RawConnection) -> bool:
        act(connection)
        return False

    return handle


def _keep(act: Callable[[RawConnection], None]) -> Callable[[RawConnection], bool]:
    """A handler that acts for every request on a connection until the peer closes."""

    def handle(connection: RawConnection) -> bool:
        act(connection)
        return True

    return handle


def _read_then(then: Callable[[RawConnection], None]) -> Callable[[RawConnection], None]:
    def act(connection: RawConnection) -> None:
        if connection.read_request() is not None:
            then(connection)

    return act


def _pause_then_reset(connection: RawConnection) -> None:
    # Right at accept, the RST can race the client's connect and surface as a ConnectError
    # (correctly "not sent"); after a pause the client has surely sent its request.
    connection.stall(0.05)
    connection.reset()


def _head_then_reset(connection: RawConnection) -> None:
    if connection.read_head() is not None:
        connection.reset()


def _send_and_close(data: bytes) -> Callable[[RawConnection], None]:
    def act(connection: RawConnection) -> None:
        connection.send(data)
        connection.close()

    return act


def _trickle(connection: RawConnection) -> None:
    size = -(-len(OK_BYTES) // TRICKLE_CHUNKS)
    connection.send(http_response(200, b"", JSON, content_length=len(OK_BYTES)))
    for start in range(0, len(OK_BYTES), size):
        connection.stall(TRICKLE_INTERVAL)
        connection.send(OK_BYTES[start : start + size])


def _retry_after_date(seconds: int) -> Callable[[ReceivedRequest], bytes]:
    def respond(_: ReceivedRequest) -> bytes:
        date = email.utils.formatdate(time.time() + seconds, usegmt=True)
        return http_response(429, b"{}", (*JSON, ("Retry-After", date)))

    return respond


def _html(status: int) -> bytes:
    """The kind of page a proxy in front of an API sends."""
    return f"<html><body><h1>{status}</h1><p>nginx</p></body></html>".encode()


HTML = (("Content-Type", "text/html"),)
TEN_MB = 10 * 1024 * 1024


# -- the faults ------------------------------------------------------------------------------


class Rule(Enum):
    """Which retry rule of DESIGN §3 a fault falls under."""

    NOT_SENT = "retried for every endpoint: the request provably never reached the server"
    SENT = "retried for safe endpoints only: the request may have reached the server"
    RATE_LIMITED = "retried for every endpoint, waiting Retry-After when it is 60 s or less"
    ANSWERED = "not retried: the server gave a complete answer"


@dataclass(frozen=True)
class Expected:
    """What the SDK must do for one endpoint under one fault."""

    error: Optional[type[tenios.TeniosError]]
    """The exact class raised; ``None``: the call succeeds."""
    attempts: int
    warns_unsafe: bool
    """The message says TENIOS may have acted on the request and that it was not repeated."""


@dataclass(frozen=True)
class Fault:
    """A fault a server (or the network) can produce, and the SDK's required behaviour."""

    name: str
    server: Callable[[], ContextManager[LoopbackServer]]
    error: Optional[type[tenios.TeniosError]]
    rule: Rule
    reached_server: bool
    """The server read the whole request before the fault."""
    retry_after: Optional[float] = None
    """Seconds each retry must wait (``Retry-After``); ``None``: the exponential backoff."""
    wait_tolerance: float = 0.0
    extra_seconds: float = 0.0
    """Time the server itself takes on top of the per-attempt budget (the trickle)."""
    min_seconds: float = 0.0
    """A lower bound per attempt that proves a timeout (or the trickle) really waited."""
    linux_only: bool = False
    """The fault relies on how Linux treats a full accept queue."""

    def expected(self, call: EndpointCall) -> Expected:
        """The behaviour required for ``call``'s endpoint, by its safety."""
        retried = self.rule in (Rule.NOT_SENT, Rule.RATE_LIMITED) or (
            self.rule is Rule.SENT and call.safe
        )
        if self.retry_after is not None and self.retry_after > 60:
            retried = False
        attempts = MAX_RETRIES + 1 if retried else 1
        warns = self.rule is Rule.SENT and not call.safe
        return Expected(self.error, attempts, warns)

    def budget(self, attempts: int) -> float:
        """The stated time bound for a call (retry waits skipped), with the generous slack."""
        return attempts * ATTEMPT_BUDGET + self.extra_seconds + SLACK_SECONDS

    def waits(self, attempts: int) -> list[float]:
        """The waits before each retry, with the jitter fixed at 1.0."""
        if self.retry_after is not None:
            return [self.retry_after] * (attempts - 1)
        return [min(0.5 * 2**n, 8.0) for n in range(attempts - 1)]


def _reply_once(data: bytes) -> Callable[[], ContextManager[RawServer]]:
    """A server that reads the request, sends ``data`` and closes the connection."""
    return _raw(_once(_read_then(_send_and_close(data))))


def _reply(
    status: int, body: bytes, headers: tuple[tuple[str, str], ...] = JSON
) -> Callable[[], ContextManager[RawServer]]:
    """A keep-alive server that answers every request the same way."""
    return lambda: RawServer(answer(status, body, headers))


_CUT_SHORT = len(OK_BYTES) - 5

FAULTS: tuple[Fault, ...] = (
    Fault(
        "connection refused (closed port)",
        _refusing,
        tenios.APIConnectionError,
        Rule.NOT_SENT,
        reached_server=False,
    ),
    Fault(
        "connect timeout (accept queue full, never accepts)",
        _stalled_connect,
        tenios.APITimeoutError,
        Rule.NOT_SENT,
        reached_server=False,
        min_seconds=TIMEOUT_SECONDS,
        linux_only=True,
    ),
    Fault(
        "read timeout (request read, never answered)",
        _raw(_once(_read_then(lambda c: c.stall()))),
        tenios.APITimeoutError,
        Rule.SENT,
        reached_server=True,
        min_seconds=TIMEOUT_SECONDS,
    ),
    Fault(
        "reset before anything is read (50 ms after accept)",
        _raw(_once(_pause_then_reset)),
        tenios.APIConnectionError,
        Rule.SENT,
        reached_server=False,
    ),
    Fault(
        "reset after the head, before the request body is read",
        _raw(_once(_head_then_reset)),
        tenios.APIConnectionError,
        Rule.SENT,
        reached_server=False,
    ),
    Fault(
        "reset after the request body is read",
        _raw(_once(_read_then(lambda c: c.reset()))),
        tenios.APIConnectionError,
        Rule.SENT,
        reached_server=True,
    ),
    Fault(
        "truncated body (Content-Length: 100, 8 bytes sent, then close)",
        _reply_once(http_response(200, b'{"id": 1', JSON, content_length=100)),
        tenios.APIConnectionError,
        Rule.SENT,
        reached_server=True,
    ),
    Fault(
        "Content-Length 5 bytes shorter than the body (HTTP 200)",
        _reply_once(http_response(200, OK_BYTES, JSON, content_length=_CUT_SHORT)),
        tenios.ResponseValidationError,
        Rule.ANSWERED,
        reached_server=True,
    ),
    Fault(
        "two different Content-Length headers",
        _reply_once(http_response(200, OK_BYTES, (*JSON, ("Content-Length", "3")))),
        tenios.APIConnectionError,
        Rule.SENT,
        reached_server=True,
    ),
    Fault(
        "invalid UTF-8 body (HTTP 200)",
        _reply(200, b"\xff\xfe\xfa\x80 \xc3\x28 {"),
        tenios.ResponseValidationError,
        Rule.ANSWERED,
        reached_server=True,
    ),
    Fault(
        "Content-Encoding: gzip over a plain JSON body (HTTP 200)",
        _reply(200, OK_BYTES, (*JSON, ("Content-Encoding", "gzip"))),
        tenios.ResponseValidationError,
        Rule.ANSWERED,
        reached_server=True,
    ),
    *(
        Fault(
            f"HTML {status} page",
            _reply(status, _html(status), HTML),
            tenios.ServerError,
            Rule.SENT,
            reached_server=True,
        )
        for status in (500, 502, 503, 504)
    ),
    Fault(
        "429 with Retry-After: 1 (seconds)",
        _reply(429, b"{}", (*JSON, ("Retry-After", "1"))),
        tenios.RateLimitError,
        Rule.RATE_LIMITED,
        reached_server=True,
        retry_after=1.0,
    ),
    Fault(
        "429 with Retry-After as an HTTP date 30 s ahead",
        lambda: RawServer(answer_with(_retry_after_date(30))),
        tenios.RateLimitError,
        Rule.RATE_LIMITED,
        reached_server=True,
        retry_after=30.0,
        wait_tolerance=1.5,  # the date has whole seconds; the clock moves on
    ),
    Fault(
        "429 with Retry-After: 120 (beyond the 60 s cap)",
        _reply(429, b"{}", (*JSON, ("Retry-After", "120"))),
        tenios.RateLimitError,
        Rule.RATE_LIMITED,
        reached_server=True,
        retry_after=120.0,
    ),
    Fault(
        "10 MB JSON body (HTTP 200)",
        _reply(200, OK_BYTES[:-1] + b', "padding": "' + b"x" * TEN_MB + b'"}'),
        None,
        Rule.ANSWERED,
        reached_server=True,
    ),
    Fault(
        f"slow trickle: {TRICKLE_CHUNKS} body chunks, one every {TRICKLE_INTERVAL} s (HTTP 200)",
        _raw(_keep(_read_then(_trickle))),
        None,
        Rule.ANSWERED,
        reached_server=True,
        extra_seconds=TRICKLE_CHUNKS * TRICKLE_INTERVAL,
        min_seconds=TRICKLE_CHUNKS * TRICKLE_INTERVAL,
    ),
)


# -- measuring -------------------------------------------------------------------------------


@dataclass
class Measurement:
    """What one call under a fault did, as a user sees it."""

    result: object = None
    error: Optional[tenios.TeniosError] = None
    attempts: int = 0
    seconds: float = 0.0
    waits: list[float] = field(default_factory=list[float])


@contextlib.contextmanager
def recorded_waits() -> Generator[list[float], None, None]:
    """Skip retry waits (recording them instead) and fix the jitter at 1.0."""
    waits: list[float] = []

    async def record(seconds: float) -> None:
        waits.append(seconds)

    with (
        mock.patch.object(_clock, "sleep", waits.append),
        mock.patch.object(_clock, "sleep_async", record),
        mock.patch.object(_clock, "jitter", return_value=1.0),
    ):
        yield waits


@functools.cache
def tls_context() -> ssl.SSLContext:
    """One TLS context for every client here: loading the CA bundle takes ~50 ms each time."""
    return ssl.create_default_context()


def _settings(base_url: str) -> dict[str, Any]:
    return {
        "access_key": ACCESS_KEY,
        "base_url": base_url,
        "timeout": TIMEOUT_SECONDS,
        "max_retries": MAX_RETRIES,
    }


def measure(call: EndpointCall, base_url: str, side: str = "sync") -> Measurement:
    """Make ``call`` against ``base_url`` with the matrix settings on the ``side`` client
    (``"async"``: an ``AsyncTeniosClient`` seen through tests/_sides.py); count attempts and time."""
    measurement = Measurement()

    def count_attempt(_: httpx.Request) -> None:
        measurement.attempts += 1

    async def count_async_attempt(request: httpx.Request) -> None:
        count_attempt(request)

    with recorded_waits() as waits, contextlib.ExitStack() as stack:
        if side == "sync":
            http = stack.enter_context(
                httpx.Client(verify=tls_context(), event_hooks={"request": [count_attempt]})
            )
            client = tenios.TeniosClient(**_settings(base_url), http_client=http)
        else:
            async_http = httpx.AsyncClient(
                verify=tls_context(), event_hooks={"request": [count_async_attempt]}
            )
            client = blocking(
                lambda: tenios.AsyncTeniosClient(**_settings(base_url), http_client=async_http)
            )
            stack.callback(client.close)
            stack.callback(lambda: asyncio.run(async_http.aclose()))
        started = time.monotonic()
        try:
            measurement.result = call.invoke(client)
        except tenios.TeniosError as error:
            measurement.error = error
        measurement.seconds = time.monotonic() - started
        measurement.waits = list(waits)
    return measurement


def run(fault: Fault, call: EndpointCall, side: str = "sync") -> tuple[Measurement, int]:
    """Measure ``call`` under ``fault``; also return how many whole requests the server read."""
    with fault.server() as server:
        measurement = measure(call, server.base_url, side)
        received = len(server.requests_to(call.path))
    return measurement, received
