"""(g) Start-up of the ``tenios`` command: ``tenios --help`` against ``python -c pass``.

Each sample is the wall time of a whole fresh process, interpreter start-up included, as a
user in a shell loop feels it. The goal is absolute: ``tenios --help`` within 100 ms of
``python -c pass`` (docs/performance.md); it loads neither httpx nor pydantic.
"""

from __future__ import annotations

import subprocess
import sys
import time

from ._timing import interleaved
from .report import Row

MILLISECONDS = 1e3


def _seconds(arguments: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(arguments, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def measure(rounds: int) -> list[Row]:
    """Row g: whole-process wall time of ``python -m tenios --help`` and ``python -c pass``."""
    samples = interleaved(
        {
            "baseline": lambda: _seconds([sys.executable, "-c", "pass"]),
            "tenios": lambda: _seconds([sys.executable, "-m", "tenios", "--help"]),
        },
        rounds,
    )
    return [
        Row(
            key="g",
            what="tenios --help, whole fresh process (goal: within 100 ms of python -c pass)",
            unit="ms",
            baseline_name="python -c pass",
            baseline=[s * MILLISECONDS for s in samples["baseline"]],
            tenios=[s * MILLISECONDS for s in samples["tenios"]],
        )
    ]
