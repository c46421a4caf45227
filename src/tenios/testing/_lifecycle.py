"""How an emulated callback moves through its statuses as the emulator's clock advances.

Seconds after ``/callback/init`` (with the default `CallbackTimings`):

```python
0                      REQUESTED
1 (accept_after)       ACCEPTED
max(delay, 1)          CALLING_A      <- never before the requested delay
+ 3 (ring_a)           CALLING_B      or CALL_A_FAILED (final) when scripted
+ 3 (ring_b)           CONNECTED      or CALL_B_FAILED (final) when scripted
+ 5 (talk)             DISCONNECTED   (final)
```

Statuses are computed from the clock when asked for; nothing runs in the background.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CALLBACK_FAILURES", "CallbackTimings", "timeline"]

CALLBACK_FAILURES = frozenset({"CALL_A_FAILED", "CALL_B_FAILED"})
"""The failures a test can script with ``Emulator.script_callback_failure``."""


@dataclass(frozen=True)
class CallbackTimings:
    """Seconds each phase of an emulated callback lasts, on the emulator's clock.

    Attributes:
        accept_after: from REQUESTED to ACCEPTED.
        ring_a: CALLING_A, until partner B is called (or CALL_A_FAILED).
        ring_b: CALLING_B, until the call connects (or CALL_B_FAILED).
        talk: CONNECTED, until DISCONNECTED.
    """

    accept_after: float = 1.0
    ring_a: float = 3.0
    ring_b: float = 3.0
    talk: float = 5.0

    def __post_init__(self) -> None:
        for name in ("accept_after", "ring_a", "ring_b", "talk"):
            if getattr(self, name) < 0:
                raise ValueError(f"CallbackTimings.{name} must be >= 0 seconds")


def timeline(
    delay: float, failure: str | None, timings: CallbackTimings
) -> list[tuple[float, str]]:
    """Each status of a callback with the second (after init) at which it begins, in order."""
    calling_a = max(float(delay), timings.accept_after)
    steps = [(0.0, "REQUESTED"), (timings.accept_after, "ACCEPTED"), (calling_a, "CALLING_A")]
    calling_b = calling_a + timings.ring_a
    if failure == "CALL_A_FAILED":
        return [*steps, (calling_b, "CALL_A_FAILED")]
    steps.append((calling_b, "CALLING_B"))
    connected = calling_b + timings.ring_b
    if failure == "CALL_B_FAILED":
        return [*steps, (connected, "CALL_B_FAILED")]
    return [*steps, (connected, "CONNECTED"), (connected + timings.talk, "DISCONNECTED")]


def status_after(
    elapsed: float, delay: float, failure: str | None, timings: CallbackTimings
) -> str:
    """The status of a callback ``elapsed`` seconds after it was requested."""
    current = "REQUESTED"
    for starts_at, status in timeline(delay, failure, timings):
        if elapsed >= starts_at:
            current = status
    return current
