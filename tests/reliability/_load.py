"""The load run: many threads share one client against the emulator served on loopback."""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Optional

import tenios
from tenios.testing import DEMO_AGENT_EMAIL, DEMO_CALLBACK_CONFIG_ID, Emulator

KEY = "test-access-key"

POOL_KEEPALIVE = 20
"""The SDK's own pool keeps up to 20 idle connections (``DEFAULT_LIMITS``)."""


def open_fds() -> Optional[int]:
    """How many file descriptors this process has open (Linux), else ``None``."""
    try:
        return len(os.listdir("/proc/self/fd"))
    except FileNotFoundError:  # pragma: no cover - not Linux
        return None


@dataclass
class LoadFigures:
    """What a load run did, as the docs report it."""

    threads: int
    calls: int = 0
    seconds: float = 0.0
    connections: int = 0
    fds_before: Optional[int] = None
    fds_after: Optional[int] = None
    errors: list[BaseException] = field(default_factory=list[BaseException])

    @property
    def calls_per_second(self) -> float:
        """Throughput over the whole run."""
        return self.calls / self.seconds if self.seconds else 0.0


def _workload(client: tenios.TeniosClient, callback_id: int) -> list[Callable[[], object]]:
    """Four safe calls, taken in turn: two reads, an absolute-state write, a status poll."""
    return [
        lambda: client.acd.retrieve_agent_state(DEMO_AGENT_EMAIL),
        lambda: client.callback.status(callback_id),
        lambda: client.acd.retrieve_user_details(DEMO_AGENT_EMAIL),
        lambda: client.acd.change_agent_state(DEMO_AGENT_EMAIL, state="READY"),
    ]


def run_load(threads: int, calls_per_thread: int) -> LoadFigures:
    """``threads`` threads share one client (its own pool, no retries) for all their calls."""
    figures = LoadFigures(threads=threads)
    emulator = Emulator(access_key=KEY)
    figures.fds_before = open_fds()
    with emulator.serve() as base_url:
        client = tenios.TeniosClient(access_key=KEY, base_url=base_url, max_retries=0)
        callback_id = client.callback.init(
            callback_config_id=DEMO_CALLBACK_CONFIG_ID, callback_number="+491234567890", delay=0
        ).id
        assert isinstance(callback_id, int)
        calls = _workload(client, callback_id)
        start = threading.Barrier(threads + 1)
        lock = threading.Lock()

        def worker(offset: int) -> None:
            start.wait()
            for n in range(calls_per_thread):
                try:
                    calls[(offset + n) % len(calls)]()
                except Exception as error:  # every failure is a finding: keep them all
                    with lock:
                        figures.errors.append(error)

        workers = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
        for thread in workers:
            thread.start()
        start.wait()
        began = time.monotonic()
        for thread in workers:
            thread.join(timeout=600)
        figures.seconds = time.monotonic() - began
        figures.calls = threads * calls_per_thread
        figures.connections = emulator.connection_count
        client.close()
    emulator.close()
    figures.fds_after = _settled_fds(figures.fds_before)
    return figures


def _settled_fds(expected: Optional[int]) -> Optional[int]:
    """The fd count once the server's connection threads have closed their sockets (<= 2 s)."""
    deadline = time.monotonic() + 2.0
    count = open_fds()
    while count != expected and time.monotonic() < deadline:
        time.sleep(0.01)
        count = open_fds()
    return count
