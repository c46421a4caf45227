"""The loopback server: keep-alive pooling, many threads at once, clients that hang up, logging,
and a clean stop."""

from __future__ import annotations

import socket
import struct
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

import tenios
from tenios.testing import DEMO_AGENT_EMAIL, Emulator


def test_one_client_reuses_one_connection_for_many_calls() -> None:
    with Emulator() as emulator, emulator.serve() as base_url:
        assert base_url.startswith("http://127.0.0.1:")
        with tenios.TeniosClient(emulator.access_key, base_url=base_url) as client:
            for _ in range(20):
                client.acd.retrieve_agent_state(DEMO_AGENT_EMAIL)
        assert emulator.connection_count == 1
        assert [entry.headers["connection"] for entry in emulator.journal] == ["keep-alive"] * 20


def test_threads_sharing_a_client_are_served_concurrently() -> None:
    with Emulator() as emulator, emulator.serve() as base_url:
        with tenios.TeniosClient(emulator.access_key, base_url=base_url) as client:

            def change(index: int) -> bool:
                state = tenios.AgentState.READY if index % 2 else tenios.AgentState.NOT_READY
                return client.acd.change_agent_state(DEMO_AGENT_EMAIL, state=state).success

            with ThreadPoolExecutor(max_workers=8) as pool:
                assert all(pool.map(change, range(64)))
        assert len(emulator.journal) == 64
        assert 1 <= emulator.connection_count <= 8


def test_a_client_that_resets_mid_request_does_not_disturb_the_server(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with Emulator() as emulator, emulator.serve() as base_url:
        port = int(base_url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port)) as sock:
            sock.sendall(
                b"POST /callback/status HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"
            )
            # Close with a reset (SO_LINGER 0) while the server waits for the rest of the body.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        with httpx.Client() as http:
            response = http.post(f"{base_url}/callback/status", json={"id": 1})
        assert response.json()["error_code"] == "BAD_CREDENTIALS"
    assert "Traceback" not in capsys.readouterr().err


def test_log_gets_one_line_per_request() -> None:
    lines: list[str] = []
    with Emulator() as emulator, emulator.serve(log=lines.append) as base_url:
        emulator.inject_fault("callback.status", drop=True)
        with httpx.Client(base_url=base_url) as http:
            http.post("/acd/agent-state/retrieve", json={})
            with pytest.raises(httpx.RemoteProtocolError):
                http.post("/callback/status", json={})
    assert lines == [
        "POST /acd/agent-state/retrieve -> 400",
        "POST /callback/status -> connection dropped",
    ]


def test_leaving_serve_closes_idle_connections_and_the_port() -> None:
    with Emulator() as emulator:
        with httpx.Client() as http:
            with emulator.serve() as base_url:
                http.post(f"{base_url}/callback/status", json={})
            with pytest.raises(httpx.TransportError):
                http.post(f"{base_url}/callback/status", json={})
        # Serving again works, on a new port, with the same state.
        with emulator.serve() as again, httpx.Client() as http:
            assert http.post(f"{again}/callback/status", json={}).status_code == 400
        assert len(emulator.journal) == 2


def test_a_delayed_answer_is_abandoned_when_serving_stops() -> None:
    with Emulator() as emulator, httpx.Client(timeout=0.1) as http:
        emulator.inject_fault("callback.status", delay=30)
        with emulator.serve() as base_url, pytest.raises(httpx.ReadTimeout):
            http.post(f"{base_url}/callback/status", json={})
        # Getting here at all shows the 30 s delay did not hold up the stop.


def test_an_answer_to_a_client_that_already_hung_up_is_dropped_quietly(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with Emulator() as emulator, emulator.serve() as base_url:
        emulator.inject_fault("callback.status", delay=0.2)
        port = int(base_url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port)) as sock:
            sock.sendall(
                b"POST /callback/status HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}"
            )
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        deadline = time.monotonic() + 5
        while emulator.connection_count < 2 and time.monotonic() < deadline:
            # The delayed answer meets a reset connection; the server carries on.
            time.sleep(0.3)
            with httpx.Client() as http:
                assert http.post(f"{base_url}/callback/status", json={}).status_code == 400
    assert [entry.status for entry in emulator.journal][:1] == [400]
    assert "Traceback" not in capsys.readouterr().err


def test_a_broken_content_length_gets_an_answer_and_the_connection_closes() -> None:
    with Emulator() as emulator, emulator.serve() as base_url:
        port = int(base_url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(
                b"POST /callback/status HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n"
            )
            answer = b""
            while chunk := sock.recv(4096):  # ends when the server closes the connection
                answer += chunk
    assert answer.startswith(b"HTTP/1.1 400 ")
    assert b'"error_code": "INVALID_JSON"' in answer
