"""Fault injection: scripted answers, Retry-After, delays that trip a read timeout, dropped
connections, and ``times`` counting down, as the SDK experiences them."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

import tenios
from tenios import _clock
from tenios.testing import DEMO_AGENT_EMAIL, DEMO_CALLBACK_CONFIG_ID, Emulator

NUMBER = "+491234567890"


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The SDK's retry waits, recorded instead of slept."""
    waited: list[float] = []
    monkeypatch.setattr(_clock, "sleep", waited.append)
    monkeypatch.setattr(_clock, "jitter", lambda: 1.0)
    return waited


def _init(client: tenios.TeniosClient) -> tenios.CallbackInitResponse:
    return client.callback.init(
        callback_config_id=DEMO_CALLBACK_CONFIG_ID, callback_number=NUMBER, delay=0
    )


def test_a_status_and_body_replace_the_answer_and_the_request_is_not_acted_on(
    emulator: Emulator,
) -> None:
    body: dict[str, Any] = {"error_code": "MAINTENANCE", "error_message": "Back soon", "fields": []}
    emulator.inject_fault("callback.init", status=503, body=body)
    with pytest.raises(tenios.ServerError) as caught:
        _init(emulator.client(max_retries=0))
    assert (caught.value.status_code, caught.value.error_code) == (503, "MAINTENANCE")
    assert "may have acted on it" in str(caught.value)
    assert [(e.status, e.fault) for e in emulator.requests_to("/callback/init")] == [(503, True)]
    # The fault answered instead of the API: no callback exists, the next one gets id 1.
    assert _init(emulator.client()).id == 1


def test_a_status_alone_gets_a_default_error_body(emulator: Emulator) -> None:
    emulator.inject_fault("acd.retrieve_agent_state", status=500)
    with pytest.raises(tenios.ServerError) as caught:
        emulator.client(max_retries=0).acd.retrieve_agent_state(DEMO_AGENT_EMAIL)
    assert caught.value.error_message == (
        "Internal Server Error (fault injected by the TENIOS emulator)"
    )


def test_a_text_body_is_sent_as_is(emulator: Emulator) -> None:
    emulator.inject_fault(
        "/acd/agent-state/retrieve",
        status=502,
        body="<html>Bad Gateway</html>",
        headers={"Content-Type": "text/html"},
    )
    with pytest.raises(tenios.ServerError) as caught:
        emulator.client(max_retries=0).acd.retrieve_agent_state(DEMO_AGENT_EMAIL)
    assert caught.value.body == "<html>Bad Gateway</html>"
    assert caught.value.response is not None
    assert caught.value.response.headers["content-type"] == "text/html"


def test_a_body_alone_is_a_200_answer_of_that_shape(emulator: Emulator) -> None:
    emulator.inject_fault("callback.status", body={"state": "unexpected"})
    client = emulator.client()
    _init(client)
    with pytest.raises(tenios.ResponseValidationError):
        client.callback.status(1)
    emulator.inject_fault("callback.status", body=b"not json")
    with pytest.raises(tenios.ResponseValidationError):
        client.callback.status(1)


def test_retry_after_is_waited_exactly_before_the_retry(
    emulator: Emulator, sleeps: list[float]
) -> None:
    emulator.inject_fault("callback.init", status=429, headers={"Retry-After": "7"})
    answer = _init(emulator.client(max_retries=2))
    assert answer.id == 1
    assert sleeps == [7.0]
    assert [e.status for e in emulator.requests_to("callback.init")] == [429, 200]


def test_a_long_retry_after_is_not_waited_for(emulator: Emulator, sleeps: list[float]) -> None:
    emulator.inject_fault("callback.status", status=503, headers={"Retry-After": "120"})
    with pytest.raises(tenios.ServerError) as caught:
        emulator.client(max_retries=2).callback.status(1)
    assert caught.value.retry_after == 120.0
    assert sleeps == []


def test_times_counts_down_then_the_api_answers_again(
    emulator: Emulator, sleeps: list[float]
) -> None:
    emulator.inject_fault("acd.retrieve_agent_state", times=3, status=503)
    client = emulator.client(max_retries=0)
    assert emulator.pending_faults("acd.retrieve_agent_state") == 3
    for remaining in (2, 1, 0):
        with pytest.raises(tenios.ServerError):
            client.acd.retrieve_agent_state(DEMO_AGENT_EMAIL)
        assert emulator.pending_faults("acd.retrieve_agent_state") == remaining
    assert client.acd.retrieve_agent_state(DEMO_AGENT_EMAIL).state == "READY"
    # With retries, a safe call rides out two failures.
    emulator.inject_fault("acd.retrieve_agent_state", times=2, status=503)
    assert emulator.client(max_retries=2).acd.retrieve_agent_state(DEMO_AGENT_EMAIL).email
    assert len(sleeps) == 2


def test_faults_apply_in_the_order_injected_and_can_be_cleared(emulator: Emulator) -> None:
    emulator.inject_fault("callback.status", status=500)
    emulator.inject_fault("callback.status", status=404)
    client = emulator.client(max_retries=0)
    with pytest.raises(tenios.ServerError):
        client.callback.status(1)
    with pytest.raises(tenios.NotFoundError):
        client.callback.status(1)
    emulator.inject_fault("callback.status", status=500)
    emulator.clear_faults()
    with pytest.raises(tenios.CallbackNotFoundError):  # the API's own answer again
        client.callback.status(1)


def test_headers_and_delay_alone_decorate_the_real_answer(emulator: Emulator) -> None:
    emulator.inject_fault("callback.init", headers={"X-Emulator": "yes"}, delay=0.05)
    seen: list[httpx.Response] = []
    with httpx.Client(
        transport=emulator.transport(), event_hooks={"response": [seen.append]}
    ) as http:
        client = tenios.TeniosClient(
            emulator.access_key, base_url="http://localhost", http_client=http
        )
        started = time.monotonic()
        assert _init(client).id == 1  # acted on: the callback exists
        assert time.monotonic() - started >= 0.05
    assert seen[0].headers["x-emulator"] == "yes"
    assert emulator.requests_to("callback.init")[0].fault is True


def test_a_delay_past_the_read_timeout_times_the_client_out_over_http(
    emulator: Emulator,
) -> None:
    emulator.inject_fault("callback.init", delay=5.0)
    with (
        emulator.serve() as base_url,
        tenios.TeniosClient(emulator.access_key, base_url=base_url, timeout=0.2) as client,
    ):
        started = time.monotonic()
        with pytest.raises(tenios.APITimeoutError) as caught:
            _init(client)
        assert time.monotonic() - started < 2.0  # the client gave up; the server still waits
        # An unsafe call is not repeated after a read timeout, and the error says why.
        assert "may have acted on it" in str(caught.value)
        assert len(emulator.requests_to("callback.init")) == 1
        # The server acted on it, as TENIOS might have: the late answer was just never read.
        assert emulator.callback(1).callback_number == NUMBER


def test_a_delay_past_the_read_timeout_times_the_client_out_in_process(
    emulator: Emulator, sleeps: list[float]
) -> None:
    emulator.inject_fault("acd.retrieve_agent_state", times=2, delay=5.0)
    client = emulator.client(timeout=0.05, max_retries=1)
    started = time.monotonic()
    with pytest.raises(tenios.APITimeoutError):
        client.acd.retrieve_agent_state(DEMO_AGENT_EMAIL)
    assert time.monotonic() - started < 1.0
    assert len(emulator.requests_to("acd.retrieve_agent_state")) == 2  # safe: retried once


def test_a_dropped_connection_over_http(emulator: Emulator, sleeps: list[float]) -> None:
    emulator.inject_fault("callback.init", drop=True)
    emulator.inject_fault("acd.retrieve_agent_state", drop=True)
    with (
        emulator.serve() as base_url,
        tenios.TeniosClient(emulator.access_key, base_url=base_url, max_retries=1) as client,
    ):
        with pytest.raises(tenios.APIConnectionError) as caught:
            _init(client)
        assert not isinstance(caught.value, tenios.APITimeoutError)
        assert "may have acted on it" in str(caught.value)
        # A safe call is retried on a fresh connection and succeeds.
        assert client.acd.retrieve_agent_state(DEMO_AGENT_EMAIL).state == "READY"
    assert [e.status for e in emulator.journal] == [None, None, 200]
    assert emulator.connection_count == 3


def test_a_dropped_connection_in_process(emulator: Emulator) -> None:
    emulator.inject_fault("callback.status", drop=True)
    with pytest.raises(
        tenios.APIConnectionError, match="closed the connection without a complete answer"
    ):
        emulator.client(max_retries=0).callback.status(1)


def test_a_fault_on_an_unknown_path_and_bad_fault_arguments(emulator: Emulator) -> None:
    emulator.inject_fault("/v2/anything", status=418)
    with httpx.Client(transport=emulator.transport()) as http:
        assert http.post("http://localhost/v2/anything").status_code == 418
    with pytest.raises(ValueError, match=r"unknown endpoint 'callback\.nope'"):
        emulator.inject_fault("callback.nope", status=500)
    with pytest.raises(ValueError, match="times must be at least 1"):
        emulator.inject_fault("callback.init", times=0, status=500)
    with pytest.raises(ValueError, match="delay must be >= 0"):
        emulator.inject_fault("callback.init", delay=-1)
    with pytest.raises(ValueError, match="HTTP status"):
        emulator.inject_fault("callback.init", status=99)


def test_default_bodies_for_a_success_status_and_an_unnamed_status(emulator: Emulator) -> None:
    emulator.inject_fault("callback.status", status=200)
    emulator.inject_fault("callback.status", status=499)
    client = emulator.client(max_retries=0)
    with pytest.raises(tenios.ResponseValidationError) as empty:
        client.callback.status(1)
    assert empty.value.body == {}
    with pytest.raises(tenios.APIError) as unnamed:
        client.callback.status(1)
    assert unnamed.value.error_message == "Error (fault injected by the TENIOS emulator)"
