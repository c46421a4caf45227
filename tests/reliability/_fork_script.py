"""Run in a fresh interpreter by ``test_fork.py``: use a client across ``os.fork()``.

The script, not pytest, forks, so the child never runs pytest's machinery and the forking
process has no other threads. It prints one JSON line: what the parent's and the child's calls
returned (``"ok"`` or the error's class and message).

Usage: ``python -m tests.reliability._fork_script BASE_URL SCENARIO`` where SCENARIO is
``owned`` (the client's own pool), ``passed_in`` (an ``httpx.Client`` the user passed) or
``closed`` (closed before the fork).
"""

from __future__ import annotations

import json
import os
import sys

import httpx

import tenios

KEY = "fork-test-key"


def _outcome(client: tenios.TeniosClient) -> str:
    try:
        client.callback.status(10)
    except tenios.TeniosError as error:
        return f"{type(error).__name__}: {error}"
    return "ok"


def _in_child(client: tenios.TeniosClient, write_end: int) -> None:
    """Make one call in the child and send the outcome to the parent; never returns."""
    code = 1
    try:
        copy = client.with_options(max_retries=0)
        outcome = {"child": _outcome(client), "child_copy": _outcome(copy)}
        os.write(write_end, json.dumps(outcome).encode())
        code = 0
    finally:
        os._exit(code)


def main(base_url: str, scenario: str) -> None:
    """Call, fork, call in the child, then call again in the parent; print the outcomes."""
    http = httpx.Client() if scenario == "passed_in" else None
    client = tenios.TeniosClient(access_key=KEY, base_url=base_url, http_client=http)
    outcome: dict[str, object] = {"parent_before": _outcome(client)}
    if scenario == "closed":
        client.close()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        _in_child(client, write_end)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        child_report = pipe.read()
    _, status = os.waitpid(pid, 0)
    outcome["child_exit_code"] = os.waitstatus_to_exitcode(status)
    outcome.update(json.loads(child_report or b"{}"))
    outcome["parent_after"] = _outcome(client)
    client.close()
    if http is not None:
        http.close()
    print(json.dumps(outcome))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
