"""``python -m tenios.testing`` serves the emulator, prints where and with which key, and stops
cleanly on Ctrl-C."""

from __future__ import annotations

import os
import re
import selectors
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Generator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tenios.testing import DEMO_ACCESS_KEY, DEMO_TENIOS_NUMBER
from tenios.testing.__main__ import main

from ._receiver import receiver

URL = re.compile(r"TENIOS emulator listening on (http://127\.0\.0\.1:\d+)")


@dataclass
class Served:
    """``main`` running in a thread: its base URL and what it printed so far."""

    base_url: str
    printed: str
    capsys: pytest.CaptureFixture[str]

    def read(self) -> str:
        """Everything printed so far."""
        self.printed += self.capsys.readouterr().out
        return self.printed


@contextmanager
def served(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Generator[Served, None, None]:
    """Run ``main(argv)`` in a thread until the block ends; waits for its URL line."""
    stop = threading.Event()
    thread = threading.Thread(target=main, args=(argv,), kwargs={"stop": stop})
    thread.start()
    try:
        printed = ""
        deadline = time.monotonic() + 10
        while not URL.search(printed) and time.monotonic() < deadline:
            time.sleep(0.01)
            printed += capsys.readouterr().out
        match = URL.search(printed)
        assert match is not None, printed
        yield Served(match[1], printed, capsys)
    finally:
        stop.set()
        thread.join(timeout=10)


def test_main_prints_the_url_and_key_and_logs_each_request(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with served(["--port", "0", "--access-key", "k-123"], capsys) as server:
        assert "access key: k-123" in server.printed
        with httpx.Client() as http:
            body = {"access_key": "k-123", "id": 7}
            answer = http.post(f"{server.base_url}/callback/status", json=body)
        assert answer.json()["error_code"] == "CALLBACK_NOT_FOUND"
    printed = server.read()
    assert "POST /callback/status -> 400" in printed
    assert printed.rstrip().endswith("stopped")


def test_python_m_tenios_testing_serves_until_ctrl_c() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TENIOS_")}
    process = subprocess.Popen(
        [sys.executable, "-m", "tenios.testing", "--port", "0", "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            assert selector.select(timeout=20), "nothing printed within 20 s"
        first = process.stdout.readline()
        match = URL.match(first)
        assert match is not None, first
        assert process.stdout.readline() == f"access key: {DEMO_ACCESS_KEY}\n"
        with httpx.Client() as http:
            body = {"access_key": DEMO_ACCESS_KEY, "email": "agent@test.com"}
            answer = http.post(f"{match[1]}/acd/agent-state/retrieve", json=body)
        assert answer.json() == {"email": "agent@test.com", "state": "READY"}
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert out.rstrip().endswith("stopped")
    assert "POST /acd" not in out  # --quiet
    assert "Traceback" not in err


@pytest.mark.parametrize("key_from", ["argument", "file"])
def test_a_served_routing_plan_runs_the_receivers_for_makecalls_to_the_demo_number(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, key_from: str
) -> None:
    key_file = tmp_path / "receiver-key"
    key_file.write_text("rk\n", encoding="utf-8")
    key_option = ["--receiver-access-key", "rk"]
    if key_from == "file":
        key_option = ["--receiver-access-key-file", str(key_file)]
    with receiver(lambda body: (200, b'{"blocks": []}')) as control:
        argv = ["--port", "0", "--quiet", "--time-scale", "100", "--call-control-url"]
        argv += [control.url, *key_option, "--customer-number", "200000"]
        with served(argv, capsys) as server, httpx.Client(base_url=server.base_url) as http:
            announced = f"makecalls to {DEMO_TENIOS_NUMBER} run: call control -> {control.url}"
            assert announced in server.read()
            key = {"access_key": DEMO_ACCESS_KEY}
            place = {"destination_number": "+491234567890", "tenios_number": DEMO_TENIOS_NUMBER}
            made = http.post("/makecall/init", json={**key, **place}).json()
            status = ""
            deadline = time.monotonic() + 10
            while status != "DISCONNECTED" and time.monotonic() < deadline:
                time.sleep(0.02)
                answer = http.post("/makecall/status", json={**key, "id": made["id"]})
                status = answer.json()["status"]
            assert status == "DISCONNECTED"
    (request,) = control.received
    assert (request["accessKey"], request["customerNumber"]) == ("rk", 200000)
    assert request["variables"]["callback_id"] == str(made["id"])
    assert f"makecall {made['id']}: call control ok, 1 loop, ended by EMPTY_BLOCKS" in server.read()


def test_a_routing_plan_without_the_key_its_receivers_verify_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TENIOS_WEBHOOK_ACCESS_KEY", raising=False)
    with pytest.raises(SystemExit) as exited:
        main(["--webhook-url", "http://127.0.0.1:9/hooks", "--customer-number", "1"], stop=None)
    assert exited.value.code == 2
    assert "needs --receiver-access-key and --customer-number" in capsys.readouterr().err
