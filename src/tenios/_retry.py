"""When to retry, and how long to wait: DESIGN §3 "Retries never double a phone call"."""

from __future__ import annotations

import email.utils
import math
from collections.abc import Mapping
from enum import Enum
from typing import Optional

from . import _clock

MAX_BACKOFF_SECONDS = 8.0
INITIAL_BACKOFF_SECONDS = 0.5
MAX_RETRY_AFTER_SECONDS = 60.0

RETRY_ANY_STATUS = frozenset({429})
RETRY_SAFE_STATUS = frozenset({408, 500, 502, 503, 504})
RETRY_AFTER_STATUS = frozenset({429, 503})


class Failure(Enum):
    """How an attempt failed, as far as retrying is concerned."""

    NOT_SENT = "not sent"
    """The request provably never reached the server (connect error or timeout, pool timeout)."""
    SENT = "sent"
    """The request may have reached the server (read/write timeout, dropped connection)."""


def may_retry_failure(failure: Failure, *, safe: bool) -> bool:
    """Whether a transport failure may be retried for an endpoint of this safety."""
    return failure is Failure.NOT_SENT or safe


def may_retry_status(status_code: int, *, safe: bool) -> bool:
    """Whether an error status may be retried for an endpoint of this safety."""
    return status_code in RETRY_ANY_STATUS or (safe and status_code in RETRY_SAFE_STATUS)


def backoff_seconds(retry_index: int) -> float:
    """``min(0.5 * 2**n, 8)`` seconds times a jitter in [0.75, 1]; ``n`` counts retries from 0."""
    base = min(INITIAL_BACKOFF_SECONDS * 2**retry_index, MAX_BACKOFF_SECONDS)
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
