"""(f4) The client's instructions per CDR listed, counted by valgrind: ``cdrs.list`` against
paging by hand with httpx and pydantic, over pages served in-process from bytes made beforehand.

Seconds on a shared two-core machine move by ±15 % from round to round; instructions do not
(the same program on the same input runs the same instructions). Each side runs in a child
process under ``valgrind --tool=callgrind`` twice, listing ``FEW_PAGES`` and then ``PAGES``
pages of the same stored bodies; the difference divided by the CDRs between them is what one
more CDR costs, with interpreter start-up, imports and reading the bodies cancelled out.

The child: ``python -m benchmarks.cdr_instructions SIDE FOLDER PAGES``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import httpx

import tenios
from tenios.testing import DEMO_ACCESS_KEY, Emulator

from .cdr_listing import START, by_hand, retrieve_page, with_tenios
from .report import Row

ROOT = Path(__file__).resolve().parents[1]
PAGES = 12
FEW_PAGES = 2
PAGE_SIZE = 1000
SIDES = ("baseline", "tenios")
COLLECTED = re.compile(r"Collected : (\d+)")
CHILD_TIMEOUT_SECONDS = 900.0


def _write_pages(folder: Path) -> None:
    """``PAGES`` pages of distinct CDRs as the emulator answers them, one file per page."""
    cdrs = PAGES * PAGE_SIZE
    with Emulator(demo_data=False) as emulator:
        emulator.add_cdrs(cdrs // 2, start=START, spacing=2.0)
        with httpx.Client(transport=emulator.transport(), base_url="http://emulator") as http:
            for page in range(1, PAGES + 1):
                answer = retrieve_page(http, cdrs, page, PAGE_SIZE)
                (folder / f"{page}.json").write_bytes(answer.content)


def _instructions(side: str, folder: Path, pages: int) -> int:
    """Instructions of a child process that lists ``pages`` pages on ``side``."""
    result = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            "-m",
            "benchmarks.cdr_instructions",
            side,
            str(folder),
            str(pages),
        ],
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_SECONDS,
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": "0"},  # the same dict layouts in every run
        check=False,
    )
    found = COLLECTED.search(result.stderr)
    if result.returncode != 0 or found is None:
        raise RuntimeError(f"the {side} child failed: {result.stderr[-2000:]}")
    return int(found.group(1))


def measure(*, quick: bool = False) -> list[Row]:
    """Row f4; skipped in a quick run (valgrind takes about a minute) and where valgrind is not
    installed."""
    what = "client instructions per CDR listed (valgrind), pages in-process"
    baseline_name = "httpx + pydantic paging by hand"
    if quick:
        return [Row("f4", what, "instr.", baseline_name, skipped="only in the full run")]
    if shutil.which("valgrind") is None:
        return [Row("f4", what, "instr.", baseline_name, skipped="valgrind is not installed")]
    listed = (PAGES - FEW_PAGES) * PAGE_SIZE
    per_cdr: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        _write_pages(folder)
        for side in SIDES:
            many, few = _instructions(side, folder, PAGES), _instructions(side, folder, FEW_PAGES)
            per_cdr[side] = (many - few) / listed
    return [
        Row(
            key="f4",
            what=what,
            unit="instr.",
            baseline_name=baseline_name,
            baseline=[per_cdr["baseline"]],
            tenios=[per_cdr["tenios"]],
        )
    ]


def _child(side: str, folder: Path, pages: int) -> None:
    """List ``pages`` pages of the stored bodies through ``side`` (every body is read first)."""
    bodies = [(folder / f"{page}.json").read_bytes() for page in range(1, PAGES + 1)]

    def answer(request: httpx.Request) -> httpx.Response:
        page: int = json.loads(request.content)["page"]
        return httpx.Response(
            200, content=bodies[page - 1], headers={"Content-Type": "application/json"}
        )

    base_url = "http://127.0.0.1:9"  # never dialled: the transport answers
    http = httpx.Client(base_url=base_url, transport=httpx.MockTransport(answer))
    cdrs = PAGES * PAGE_SIZE
    items: Iterator[object]
    if side == "tenios":
        client = tenios.TeniosClient(DEMO_ACCESS_KEY, base_url=base_url, http_client=http)
        items = with_tenios(client, cdrs, PAGE_SIZE)
    else:
        items = by_hand(http, cdrs, PAGE_SIZE)
    listed = sum(1 for _ in islice(items, pages * PAGE_SIZE))
    if listed != pages * PAGE_SIZE:
        raise SystemExit(f"listed {listed} CDRs")


if __name__ == "__main__":
    _child(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]))
