"""Timing helpers: interleaved rounds and medians, so both sides see the same machine noise."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Mapping, Sequence


def median(samples: Sequence[float]) -> float:
    """The median of ``samples``."""
    return statistics.median(samples)


def time_calls(call: Callable[[], object], calls: int) -> float:
    """Seconds per call of ``call``, over ``calls`` calls in a row."""
    gc.collect()
    started = time.perf_counter()
    for _ in range(calls):
        call()
    return (time.perf_counter() - started) / calls


def time_calls_and_cpu(call: Callable[[], object], calls: int, cpu: list[float]) -> float:
    """Like ``time_calls``; also appends this process's CPU seconds per call to ``cpu``.

    CPU time leaves out the time spent waiting for a server, and for the scheduler on a busy
    machine, so it shows the client's own cost even where wall time is noisy.
    """
    gc.collect()
    started, cpu_started = time.perf_counter(), time.process_time()
    for _ in range(calls):
        call()
    cpu.append((time.process_time() - cpu_started) / calls)
    return (time.perf_counter() - started) / calls


def interleaved(sides: Mapping[str, Callable[[], float]], rounds: int) -> dict[str, list[float]]:
    """Run each side once per round, alternating which goes first; one sample per side per round.

    Interleaving spreads slow phases of a busy machine evenly over both sides, which keeps the
    ratio of their medians honest even when the absolute numbers drift.
    """
    names = list(sides)
    samples: dict[str, list[float]] = {name: [] for name in names}
    for round_number in range(rounds):
        order = names if round_number % 2 == 0 else names[::-1]
        for name in order:
            samples[name].append(sides[name]())
    return samples
