"""``benchmarks/run.py --quick`` runs end to end and prints every measurement row."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ROWS = (
    "a1",
    "a2",
    "b",
    "b2",
    "c1",
    "c2",
    "d1",
    "d2",
    "e1",
    "e2",
    "e3",
    "f1",
    "f2",
    "f3",
    "g",
    "h1",
    "h2",
)
"""(a) per call, (b) loopback calls/s, (c) import, (d) webhook parsing, (e) memory, (f) listing
CDRs, (g) the command's start-up, (h) the async client."""


@pytest.mark.slow  # about 6 s: every benchmark once, in a subprocess
def test_quick_run_prints_a_ratio_for_every_measurement_and_saves_nothing() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=ROOT,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if line.strip()}
    missing = [key for key in ROWS if key not in lines]
    assert missing == [], result.stdout
    for key in ROWS:
        # A ratio, the target (or "-") and the verdict; or a skip that says why.
        assert re.search(r"\s\d+\.\d{3}\s+(-|[<>]= \d\.\d\d)\s+(met|MISSED|-)$", lines[key]) or (
            f"{key}: skipped, " in result.stdout
        ), lines[key]
    assert "wrote " not in result.stdout
