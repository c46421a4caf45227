"""When to retry, and how long to wait: DESIGN §3 "Retries never double a phone call".

Pure decisions, no I/O: the pipeline asks ``delay_before_retry`` after every failed attempt,
whatever the failure was, and ``callback.wait`` asks ``pause_before_next_poll``.
"""

from __future__ import annotations

import email.utils
import math
from collections.abc import Mapping
from enum import Enum
from typing import Optional, Union

from . import _clock
from ._exceptions import APIConnectionError, APIError, TeniosError

MAX_BACKOFF_SECONDS = 8.0
INITIAL_BACKOFF_SECONDS = 0.5
MAX_RETRY_AFTER_SECONDS = 60.0

RETRY_ANY_STATUS = frozenset({429})
RETRY_SAFE_STATUS = frozenset({408, 500, 502, 503, 504})
RETRY_AFTER_STATUS = frozenset({429, 503})


class Failure(Enum):
    """How an attempt failed without an answer, as far as retrying is concerned."""

    NOT_SENT = "not sent"
    """The request provably never reached the server (connect error or timeout, pool timeout)."""
    SENT = "sent"
    """The request may have reached the server (read/write timeout, dropped connection)."""


Outcome = Union[Failure, int]
"""A failed attempt: no answer (a ``Failure``), or the HTTP status of an error answer."""


def may_repeat(outcome: Outcome, *, safe: bool) -> bool:
    """Whether a request that ended so may be sent again to an endpoint of this safety.

    Any endpoint is repeated when the request never left, and on 429; an endpoint that is safe to
    repeat also after a sent request failed (timeout, dropped connection, 408/500/502/503/504).
    """
    if isinstance(outcome, Failure):
        return outcome is Failure.NOT_SENT or safe
    return outcome in RETRY_ANY_STATUS or (safe and outcome in RETRY_SAFE_STATUS)


def delay_before_retry(
    outcome: Outcome, *, safe: bool, retries_taken: int, retry_after: Optional[float] = None
) -> Optional[float]:
    """Seconds to wait before repeating, or ``None`` when the outcome is final.

    A server's ``Retry-After`` of up to 60 s is waited exactly; a longer one is not waited for.
    """
    if not may_repeat(outcome, safe=safe):
        return None
    if retry_after is not None:
        return retry_after if retry_after <= MAX_RETRY_AFTER_SECONDS else None
    return backoff_seconds(retries_taken)


def pause_before_next_poll(error: TeniosError, poll_interval: float) -> Optional[float]:
    """Seconds a poller waits after ``error`` before polling again, or ``None`` when it is final.

    Passing failures (no connection, a timeout, 408, 429, 5xx) are polled through; the server's
    ``Retry-After`` is honoured when longer than the interval.
    """
    if isinstance(error, APIConnectionError):
        return poll_interval
    if isinstance(error, APIError) and may_repeat(error.status_code, safe=True):
        return max(poll_interval, error.retry_after or 0.0)
    return None


def backoff_seconds(retries_taken: int) -> float:
    """``min(0.5 * 2**n, 8)`` seconds times a jitter in [0.75, 1]; ``n`` counts retries from 0."""
    base = min(INITIAL_BACKOFF_SECONDS * 2**retries_taken, MAX_BACKOFF_SECONDS)
    return float(base * _clock.jitter())


def parse_retry_after(headers: Mapping[str, str]) -> Optional[float]:
    """Seconds asked for by ``retry-after-ms`` or ``Retry-After`` (seconds or HTTP date), if any."""
    millis = _seconds(headers.get("retry-after-ms"))
    if millis is not None:
        return millis / 1000.0
    value = headers.get("retry-after")
    if value is None:
        return None
    seconds = _seconds(value)
    if seconds is not None:
        return seconds
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(when.timestamp() - _clock.now(), 0.0)


def _seconds(value: Optional[str]) -> Optional[float]:
    """A header's number, at least 0; ``None`` when absent or not a finite number."""
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return max(number, 0.0) if math.isfinite(number) else None
