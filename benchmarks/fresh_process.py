"""Work run in a fresh interpreter, timed or memory-traced from the inside.

Each snippet is what a user's script does; the wrappers add only the measurement around it.
"""

from __future__ import annotations

import subprocess
import sys

from .payloads import ACCESS_KEY, CALLBACK_ID

CHILD_TIMEOUT_SECONDS = 60.0

IMPORT_HTTPX_PYDANTIC = "import httpx, pydantic"
IMPORT_TENIOS = "import tenios"

FIRST_CALL_BY_HAND = f"""
import enum
import httpx, pydantic
class Status(str, enum.Enum):
    REQUESTED = "REQUESTED"
    ACCEPTED = "ACCEPTED"
    CALLING_A = "CALLING_A"
    CALL_A_FAILED = "CALL_A_FAILED"
    CALLING_B = "CALLING_B"
    CALL_B_FAILED = "CALL_B_FAILED"
    CONNECTED = "CONNECTED"
    DISCONNECTED = "DISCONNECTED"
class StatusAnswer(pydantic.BaseModel):
    status: Status
http = httpx.Client(base_url=sys.argv[1])
response = http.post("/callback/status", json={{"access_key": {ACCESS_KEY!r}, "id": {CALLBACK_ID}}})
response.raise_for_status()
StatusAnswer.model_validate(response.json())
"""
"""Import, first client and first call with nothing but httpx + pydantic; ``argv[1]`` is the server."""

FIRST_CALL_TENIOS = f"""
import tenios
client = tenios.TeniosClient({ACCESS_KEY!r}, base_url=sys.argv[1])
client.callback.status({CALLBACK_ID})
"""
"""Import, first client and first call through tenios; ``argv[1]`` is the server."""

_TIMED = """
import sys, time
started = time.perf_counter()
{work}
print(time.perf_counter() - started)
"""

_TRACED = """
import sys, gc, tracemalloc
tracemalloc.start()
{work}
gc.collect()
print(tracemalloc.get_traced_memory()[0])
"""


def _run(script: str, args: tuple[str, ...]) -> float:
    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_SECONDS,
        check=True,
    )
    return float(result.stdout.strip().splitlines()[-1])


def seconds(work: str, *args: str) -> float:
    """Wall seconds that ``work`` takes in a fresh interpreter (its start-up left out)."""
    return _run(_TIMED.format(work=work), args)


def bytes_held(work: str, *args: str) -> float:
    """Bytes of Python memory still allocated after ``work`` in a fresh interpreter."""
    return _run(_TRACED.format(work=work), args)
