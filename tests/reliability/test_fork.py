"""A client made before ``os.fork()`` and used in the child.

The child must never send on the parent's pooled connections: two processes on one socket
interleave requests and may read each other's answers. The SDK's choice: a client that owns its
pool opens a fresh pool in the child on first use (the parent's connections are left alone, so
the parent carries on undisturbed); a client whose ``httpx.Client`` was passed in cannot be
rebuilt faithfully (proxies, mTLS, hooks), so the child gets a clear ``TeniosError``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

import tenios

from ._faults import ACCESS_KEY, OK_BYTES
from ._rawserver import RawServer, answer

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX only")

REPO_ROOT = Path(__file__).resolve().parents[2]


def _run_script(base_url: str, scenario: str) -> dict[str, Any]:
    completed = subprocess.run(
        [sys.executable, "-m", "tests.reliability._fork_script", base_url, scenario],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    outcome: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    return outcome


@pytest.mark.slow  # a real fork; the simulated ones below run by default
def test_child_opens_its_own_connection_and_parent_keeps_its_own() -> None:
    with RawServer(answer(200, OK_BYTES)) as server:
        outcome = _run_script(server.base_url, "owned")
        requests = server.requests_to("/callback/status")

    assert outcome == {
        "parent_before": "ok",
        "child_exit_code": 0,
        "child": "ok",
        "child_copy": "ok",
        "parent_after": "ok",
    }
    parent_before, child, child_copy, parent_after = (r.connection_id for r in requests)
    assert child != parent_before, "the child sent on the parent's pooled connection"
    assert child_copy == child, "a with_options copy in the child shares the child's new pool"
    assert parent_after == parent_before, "the parent's connection was disturbed by the child"
    assert server.connections_accepted == 2


@pytest.mark.slow  # a real fork; the simulated ones below run by default
def test_child_of_a_client_with_a_passed_in_http_client_gets_a_clear_error() -> None:
    with RawServer(answer(200, OK_BYTES)) as server:
        outcome = _run_script(server.base_url, "passed_in")
        requests = server.requests_to("/callback/status")

    assert outcome["parent_before"] == outcome["parent_after"] == "ok"
    for key in ("child", "child_copy"):
        assert outcome[key].startswith("TeniosError: ")
        assert "os.fork()" in outcome[key]
        assert "create the httpx client and the TENIOS client in the child" in outcome[key]
    assert len(requests) == 2, "nothing was sent from the child"
    assert server.connections_accepted == 1


@pytest.mark.slow  # a real fork; the simulated ones below run by default
def test_a_client_closed_before_the_fork_stays_closed_in_the_child() -> None:
    with RawServer(answer(200, OK_BYTES)) as server:
        outcome = _run_script(server.base_url, "closed")

    assert outcome["parent_before"] == "ok"
    for key in ("child", "child_copy", "parent_after"):
        assert outcome[key].startswith("TeniosError: ")
        assert "closed" in outcome[key]


# In-process versions of the same rules (os.getpid patched), so that coverage sees them.


def test_after_a_simulated_fork_calls_go_through_a_fresh_pool(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with RawServer(answer(200, OK_BYTES)) as server:
        client = tenios.TeniosClient(access_key=ACCESS_KEY, base_url=server.base_url)
        copy = client.with_options(max_retries=0)
        client.callback.status(1)
        parent_pid = os.getpid()
        monkeypatch.setattr(os, "getpid", lambda: parent_pid + 1)
        copy.callback.status(2)
        client.callback.status(3)
        client.close()
        assert client.is_closed
        assert copy.is_closed
        monkeypatch.undo()
        connection_ids = [r.connection_id for r in server.requests]

    assert connection_ids == [1, 2, 2]
    # The parent's pool was left open for the parent; in a real fork it is the parent's to close.
    parent_pool = client._pool.inherited  # pyright: ignore[reportPrivateUsage]
    assert [pool.is_closed for pool in parent_pool] == [False]
    for pool in parent_pool:
        pool.close()


def test_after_a_simulated_fork_a_passed_in_http_client_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with httpx.Client() as http:
        client = tenios.TeniosClient(
            access_key=ACCESS_KEY, base_url="http://127.0.0.1:9", http_client=http
        )
        parent_pid = os.getpid()
        monkeypatch.setattr(os, "getpid", lambda: parent_pid + 1)
        with pytest.raises(tenios.TeniosError, match=r"os\.fork\(\)") as caught:
            client.acd.retrieve_agent_state("agent@example.com")
        assert str(parent_pid) in str(caught.value)
        assert not http.is_closed


def test_after_a_simulated_fork_a_closed_client_stays_closed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = tenios.TeniosClient(access_key=ACCESS_KEY, base_url="http://127.0.0.1:9")
    client.close()
    parent_pid = os.getpid()
    monkeypatch.setattr(os, "getpid", lambda: parent_pid + 1)
    with pytest.raises(tenios.TeniosError, match="closed"):
        client.callback.status(1)


def test_a_lock_held_at_fork_time_is_replaced_in_the_child() -> None:
    from tenios import _pool

    held = _pool._fork_lock  # pyright: ignore[reportPrivateUsage]
    with held:
        _pool._new_lock_after_fork()  # pyright: ignore[reportPrivateUsage]
        assert not _pool._fork_lock.locked()  # pyright: ignore[reportPrivateUsage]
        assert _pool._fork_lock is not held  # pyright: ignore[reportPrivateUsage]
