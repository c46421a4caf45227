"""Load: 16 threads share one client against the loopback emulator.

No call fails (retries are off, so nothing is hidden), connections are pooled and reused (the
server accepts about one per thread, at most twice the pool's keep-alive limit), and once the client is
closed the process has exactly the file descriptors it had before. A closed client refuses
further calls with a clear ``TeniosError``.
"""

from __future__ import annotations

import pytest

import tenios
from tenios.testing import DEMO_AGENT_EMAIL, Emulator

from ._load import KEY, POOL_KEEPALIVE, LoadFigures, run_load

THREADS = 16


def check(figures: LoadFigures) -> None:
    """Everything the load run must show."""
    assert figures.errors == [], figures
    # One per thread is the norm; the pool may open a few more when a released connection is not
    # yet idle for the next request, and closes idle ones beyond its keep-alive limit.
    assert figures.connections <= 2 * POOL_KEEPALIVE, f"connections were not reused: {figures}"
    assert figures.connections * 10 <= figures.calls, figures
    if figures.fds_before is not None:
        assert figures.fds_after == figures.fds_before, f"file descriptors leaked: {figures}"


@pytest.mark.slow  # load is a long suite: make test-slow
def test_16_threads_share_one_client_for_800_calls() -> None:
    check(run_load(THREADS, 50))


@pytest.mark.slow
def test_16_threads_share_one_client_for_10_000_calls() -> None:
    figures = run_load(THREADS, 625)
    assert figures.calls == 10_000
    check(figures)


def test_a_closed_client_refuses_calls_clearly() -> None:
    emulator = Emulator(access_key=KEY)
    with emulator.serve() as base_url:
        client = tenios.TeniosClient(access_key=KEY, base_url=base_url)
        copy = client.with_options(max_retries=0)
        acd = client.acd
        assert acd.retrieve_agent_state(DEMO_AGENT_EMAIL).state == "READY"
        client.close()
        for call in (
            lambda: acd.retrieve_agent_state(DEMO_AGENT_EMAIL),
            lambda: client.callback.status(1),
            lambda: copy.transfer.call("x", destination_type="SIP_USER", destination="y"),
        ):
            with pytest.raises(tenios.TeniosError, match="closed") as caught:
                call()
            assert type(caught.value) is tenios.TeniosError
            assert "create a new client" in str(caught.value)
        assert len(emulator.journal) == 1, "nothing was sent after close()"
    emulator.close()


def test_closing_a_copy_leaves_the_shared_pool_open() -> None:
    emulator = Emulator(access_key=KEY)
    with emulator.serve() as base_url:
        client = tenios.TeniosClient(access_key=KEY, base_url=base_url)
        client.with_options(max_retries=0).close()
        assert client.acd.retrieve_agent_state(DEMO_AGENT_EMAIL).state == "READY"
        client.close()
    emulator.close()
