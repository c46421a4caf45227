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

import httpx
import pytest

from tenios.testing import DEMO_ACCESS_KEY
from tenios.testing.__main__ import main

URL = re.compile(r"TENIOS emulator listening on (http://127\.0\.0\.1:\d+)")


def test_main_prints_the_url_and_key_and_logs_each_request(
    capsys: pytest.CaptureFixture[str],
) -> None:
    stop = threading.Event()
    thread = threading.Thread(
        target=main, args=(["--port", "0", "--access-key", "k-123"],), kwargs={"stop": stop}
    )
    thread.start()
    try:
        printed = ""
        deadline = time.monotonic() + 10
        while not URL.search(printed) and time.monotonic() < deadline:
            time.sleep(0.01)
            printed += capsys.readouterr().out
        match = URL.search(printed)
        assert match is not None, printed
        assert "access key: k-123" in printed
        with httpx.Client() as http:
            answer = http.post(f"{match[1]}/callback/status", json={"access_key": "k-123", "id": 7})
        assert answer.json()["error_code"] == "CALLBACK_NOT_FOUND"
    finally:
        stop.set()
        thread.join(timeout=10)
    printed += capsys.readouterr().out
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
