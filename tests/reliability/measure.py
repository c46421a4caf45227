"""Print the figures of ``docs/reliability.md``: the fault table and the load run.

Usage: ``python -m tests.reliability.measure [--calls 10000]`` from the repository root. The
fault table measures one safe (``callback.status``) and one unsafe (``callback.init``) endpoint
with the matrix settings (every timeout 0.3 s, ``max_retries=2``, retry waits recorded rather
than slept); the tests assert the same numbers for every endpoint.
"""

from __future__ import annotations

import argparse
import platform
import sys

import httpx

from ._faults import (
    ATTEMPT_BUDGET,
    CALLBACK_INIT,
    CALLBACK_STATUS,
    FAULTS,
    SLACK_SECONDS,
    Fault,
    Measurement,
    run,
)
from ._load import run_load


def _cell(measurement: Measurement) -> str:
    outcome = type(measurement.error).__name__ if measurement.error else "success"
    waits = " + ".join(f"{w:.1f}" for w in measurement.waits)
    waited = f", waits {waits} s" if waits else ""
    return f"{outcome}, {measurement.attempts}x, {measurement.seconds:.2f} s{waited}"


def _expected(fault: Fault) -> str:
    safe = fault.expected(CALLBACK_STATUS)
    unsafe = fault.expected(CALLBACK_INIT)
    name = safe.error.__name__ if safe.error else "success"
    attempts = f"{safe.attempts}x" + (
        "" if safe.attempts == unsafe.attempts else f" safe / {unsafe.attempts}x unsafe"
    )
    return f"{name}, {attempts}"


def fault_table() -> str:
    """The fault table as markdown."""
    lines = [
        "| fault | expected | budget | safe: `callback.status` | unsafe: `callback.init` |",
        "|---|---|---|---|---|",
    ]
    for fault in FAULTS:
        safe, _ = run(fault, CALLBACK_STATUS)
        unsafe, _ = run(fault, CALLBACK_INIT)
        budget = fault.budget(fault.expected(CALLBACK_STATUS).attempts)
        lines.append(
            f"| {fault.name} | {_expected(fault)} | {budget:.1f} s | {_cell(safe)} | {_cell(unsafe)} |"
        )
    return "\n".join(lines)


def load_table(calls: int, threads: int = 16) -> str:
    """The load figures as markdown."""
    figures = run_load(threads, calls // threads)
    return "\n".join(
        [
            "| calls | threads | seconds | calls/s | connections accepted | errors | fds before | fds after |",
            "|---|---|---|---|---|---|---|---|",
            f"| {figures.calls:,} | {figures.threads} | {figures.seconds:.1f} | "
            f"{figures.calls_per_second:,.0f} | {figures.connections} | {len(figures.errors)} | "
            f"{figures.fds_before} | {figures.fds_after} |",
        ]
    )


def main() -> None:
    """Measure and print both tables."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=10_000)
    options = parser.parse_args()
    print(
        f"Python {platform.python_version()}, httpx {httpx.__version__}, {platform.system()} "
        f"{platform.release()}; per-attempt budget {ATTEMPT_BUDGET} s, slack {SLACK_SECONDS} s\n"
    )
    print(fault_table())
    print()
    sys.stdout.flush()
    print(load_table(options.calls))


if __name__ == "__main__":
    main()
