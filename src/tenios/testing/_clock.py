"""The emulator's clock: callbacks move through their statuses as this clock advances."""

from __future__ import annotations

import threading
import time
from typing import Callable, Protocol

__all__ = ["Clock", "ManualClock", "ScaledClock"]


class Clock(Protocol):
    """What the emulator needs from a clock: seconds since an arbitrary start, and a way forward."""

    def now(self) -> float:
        """Seconds on this clock."""
        ...

    def advance(self, seconds: float) -> None:
        """Move the clock forward by ``seconds``."""
        ...


def _checked_step(seconds: float) -> float:
    if seconds < 0:
        raise ValueError(f"a clock only moves forward; cannot advance by {seconds} s")
    return float(seconds)


class ManualClock:
    """A clock that stands still until the test moves it with `advance`."""

    def __init__(self, start: float = 0.0) -> None:
        self._now = float(start)
        self._lock = threading.Lock()

    def now(self) -> float:
        """Seconds on this clock."""
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        """Move the clock forward by ``seconds`` (>= 0)."""
        step = _checked_step(seconds)
        with self._lock:
            self._now += step

    def __repr__(self) -> str:
        return f"ManualClock(now={self.now()!r})"


class ScaledClock:
    """Real monotonic time multiplied by ``scale`` (10 runs ten times faster), plus manual steps.

    Args:
        scale: how many emulated seconds pass per real second; must be > 0.
        monotonic: the real time source (replaceable in tests).
    """

    def __init__(
        self, scale: float = 1.0, *, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        if not scale > 0:
            raise ValueError(f"time_scale must be more than 0, not {scale!r}")
        self.scale: float = float(scale)
        """How many emulated seconds pass per real second."""
        self._monotonic = monotonic
        self._started = monotonic()
        self._offset = 0.0
        self._lock = threading.Lock()

    def now(self) -> float:
        """Emulated seconds since this clock was created."""
        with self._lock:
            return (self._monotonic() - self._started) * self.scale + self._offset

    def advance(self, seconds: float) -> None:
        """Jump forward by ``seconds`` (>= 0) on top of the scaled real time."""
        step = _checked_step(seconds)
        with self._lock:
            self._offset += step

    def __repr__(self) -> str:
        return f"ScaledClock(scale={self.scale!r})"
