"""(c) Import wall time in fresh processes, and the time to a first answer.

Each sample is one new interpreter that times its own work with ``time.perf_counter`` (the
interpreter's start-up is the same for both sides and left out). The first-call row times
``import`` + first client + first call against the loopback server, as a user's script would.
"""

from __future__ import annotations

from functools import partial
from typing import Optional

from . import fresh_process
from ._timing import interleaved
from .report import Row, Target

TARGET = Target("<=", 1.10)
MILLISECONDS = 1e3


def _row(
    key: str,
    what: str,
    baseline_name: str,
    samples: dict[str, list[float]],
    target: Optional[Target],
) -> Row:
    return Row(
        key=key,
        what=what,
        unit="ms",
        baseline_name=baseline_name,
        baseline=[s * MILLISECONDS for s in samples["baseline"]],
        tenios=[s * MILLISECONDS for s in samples["tenios"]],
        target=target,
    )


def measure(
    base_url: str, import_rounds: int, first_call_rounds: int, *, warm_up: bool = True
) -> list[Row]:
    """Rows c1 (``import tenios``) and c2 (import + first client + first call).

    ``warm_up`` first runs each side once untimed, so that ``.pyc`` files and the file cache are
    as warm for the first sample as for the last.
    """
    imports = {
        "baseline": partial(fresh_process.seconds, fresh_process.IMPORT_HTTPX_PYDANTIC),
        "tenios": partial(fresh_process.seconds, fresh_process.IMPORT_TENIOS),
    }
    first_calls = {
        "baseline": partial(fresh_process.seconds, fresh_process.FIRST_CALL_BY_HAND, base_url),
        "tenios": partial(fresh_process.seconds, fresh_process.FIRST_CALL_TENIOS, base_url),
    }
    if warm_up:
        for side in (*imports.values(), *first_calls.values()):
            side()
    return [
        _row(
            "c1",
            "import, fresh process",
            "import httpx, pydantic",
            interleaved(imports, import_rounds),
            TARGET,
        ),
        _row(
            "c2",
            "import + first client + first call, loopback",
            "httpx + pydantic by hand",
            interleaved(first_calls, first_call_rounds),
            None,
        ),
    ]
