"""(b) Calls per second over real loopback HTTP: tenios against a raw ``httpx.Client``.

The server (``loopback_server.py``) runs in its own process, so on a machine with two cores the
client side owns one core and the numbers show client cost plus the real socket round trip. Row
b2 is the client process's CPU time per call in the same rounds: it leaves out waiting for the
server and for the scheduler, so it stays steady where calls per second swing on a busy machine.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Generator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import httpx

import tenios

from ._timing import interleaved, time_calls, time_calls_and_cpu
from .payloads import ACCESS_KEY, CALLBACK_ID
from .report import Row, Target

TARGET = Target(">=", 0.95)
MICROSECONDS = 1e6
SERVER_SCRIPT = Path(__file__).with_name("loopback_server.py")
STOP_TIMEOUT_SECONDS = 10.0


@contextmanager
def loopback_server() -> Generator[str, None, None]:
    """Start the keep-alive server in a child process; yield its base URL; stop it."""
    with server_process(SERVER_SCRIPT) as base_url:
        yield base_url


@contextmanager
def server_process(script: Path, *arguments: str) -> Generator[str, None, None]:
    """Run a server ``script`` in a child process; it prints its port and serves until stdin
    closes. Yields its base URL; stops it."""
    process = subprocess.Popen(
        [sys.executable, str(script), *arguments],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        port = process.stdout.readline().strip()
        if not port.isdigit():
            raise RuntimeError(f"{script.name} did not start")
        yield f"http://127.0.0.1:{int(port)}"
    finally:
        assert process.stdin is not None
        process.stdin.close()
        try:
            process.wait(timeout=STOP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


def raw_status(http: httpx.Client) -> object:
    """``/callback/status`` with nothing but httpx: POST, status check, JSON decode."""
    response = http.post("/callback/status", json={"access_key": ACCESS_KEY, "id": CALLBACK_ID})
    response.raise_for_status()
    return response.json()


def tenios_status(client: tenios.TeniosClient) -> object:
    """``/callback/status`` through the SDK."""
    return client.callback.status(CALLBACK_ID)


def measure(base_url: str, rounds: int, calls: int) -> list[Row]:
    """Rows b (calls per second) and b2 (client CPU per call): one kept-alive connection each."""
    http = httpx.Client(base_url=base_url)
    client = tenios.TeniosClient(ACCESS_KEY, base_url=base_url)
    with http, client:
        by_hand = partial(raw_status, http)
        sdk = partial(tenios_status, client)
        for call in (by_hand, sdk):
            time_calls(call, max(10, calls // 10))
        cpu: dict[str, list[float]] = {"baseline": [], "tenios": []}
        samples = interleaved(
            {
                "baseline": partial(time_calls_and_cpu, by_hand, calls, cpu["baseline"]),
                "tenios": partial(time_calls_and_cpu, sdk, calls, cpu["tenios"]),
            },
            rounds,
        )
    return [
        Row(
            key="b",
            what="calls per second, loopback HTTP: callback.status",
            unit="calls/s",
            baseline_name="raw httpx.Client",
            baseline=[1 / s for s in samples["baseline"]],
            tenios=[1 / s for s in samples["tenios"]],
            target=TARGET,
        ),
        Row(
            key="b2",
            what="client CPU per call, loopback HTTP: callback.status",
            unit="µs",
            baseline_name="raw httpx.Client",
            baseline=[s * MICROSECONDS for s in cpu["baseline"]],
            tenios=[s * MICROSECONDS for s in cpu["tenios"]],
        ),
    ]
