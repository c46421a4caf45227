"""The access key goes into the request body and nowhere else: no repr, str, error or log line."""

from __future__ import annotations

import json
import logging
import threading
import traceback
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
import respx

import tenios

from .._sides import SIDES, blocking
from ..conftest import FakeClock, tls_context
from ._calls import MINIMAL_CALLS, call

KEY = "tk_live_7Qm2Vx9Pz4Lr8Ns1"
REDACTED = "[REDACTED]"


@pytest.fixture(params=SIDES)
def secret_client(
    request: pytest.FixtureRequest, api: respx.MockRouter, clock: FakeClock, http: httpx.Client
) -> Iterator[tenios.TeniosClient]:
    """A client with the secret key, on each of the two clients."""
    if request.param == "sync":
        yield tenios.TeniosClient(KEY, http_client=http)
        return
    client = blocking(
        lambda: tenios.AsyncTeniosClient(KEY, http_client=httpx.AsyncClient(verify=tls_context()))
    )
    yield client
    client.close()


@pytest.fixture
def logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Every logger (tenios, httpx, httpcore) captured at DEBUG."""
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="tenios")
    return caplog


def _assert_no_key(*things: object) -> None:
    for thing in things:
        assert KEY not in repr(thing)
        assert KEY not in str(thing)


def _assert_logs_clean(logs: pytest.LogCaptureFixture) -> None:
    assert logs.records, "nothing was logged: the check would prove nothing"
    for record in logs.records:
        assert KEY not in record.getMessage()
        assert KEY not in repr(record.args)
    assert KEY not in logs.text


def _format(error: BaseException) -> str:
    return "".join(traceback.format_exception(type(error), error, error.__traceback__))


def test_key_travels_in_the_body_only(
    secret_client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    route = api.post("/callback/status").respond(200, json={"status": "REQUESTED"})
    secret_client.callback.status(10)
    request = route.calls.last.request
    assert json.loads(request.content)["access_key"] == KEY
    assert KEY not in str(request.url)
    assert all(KEY not in value for value in request.headers.values())


def test_client_and_its_parts_never_show_the_key(secret_client: tenios.TeniosClient) -> None:
    copy = secret_client.with_options(timeout=3, default_headers={"X-Team": "ops"})
    _assert_no_key(
        secret_client,
        copy,
        secret_client.callback,
        secret_client.acd,
        secret_client.transfer,
        secret_client.call_control,
        secret_client._settings(),  # pyright: ignore[reportPrivateUsage]
    )
    assert "https://api.tenios.com" in repr(secret_client)


@pytest.mark.parametrize("endpoint", list(MINIMAL_CALLS))
def test_successful_calls_log_no_key(
    secret_client: tenios.TeniosClient,
    api: respx.MockRouter,
    logs: pytest.LogCaptureFixture,
    endpoint: str,
) -> None:
    case = MINIMAL_CALLS[endpoint]
    api.route().respond(200, json=case.answer)
    result = call(secret_client, endpoint, case.kwargs)
    _assert_no_key(result)
    _assert_logs_clean(logs)
    assert any(endpoint in record.getMessage() for record in logs.records)


def test_error_echoing_the_key_comes_back_redacted(
    secret_client: tenios.TeniosClient, api: respx.MockRouter, logs: pytest.LogCaptureFixture
) -> None:
    body = {
        "error_code": "BAD_CREDENTIALS",
        "error_message": f"Bad credentials: {KEY}",
        "fields": ["access_key"],
        "request": {"access_key": KEY},
    }
    api.post("/callback/init").respond(400, json=body)
    with pytest.raises(tenios.AuthenticationError) as caught:
        call(secret_client, "callback.init", MINIMAL_CALLS["callback.init"].kwargs)
    error = caught.value
    _assert_no_key(error, error.body, error.error_message, error.args, _format(error))
    assert error.error_message == f"Bad credentials: {REDACTED}"
    assert isinstance(error.body, dict)
    assert error.body["request"] == {"access_key": REDACTED}
    _assert_logs_clean(logs)


@pytest.mark.parametrize("status", [200, 500])
def test_text_body_echoing_the_key_comes_back_redacted(
    secret_client: tenios.TeniosClient,
    api: respx.MockRouter,
    logs: pytest.LogCaptureFixture,
    status: int,
) -> None:
    api.post("/interrupt-ecc-block").respond(status, html=f"<pre>access_key={KEY}</pre>")
    with pytest.raises(tenios.APIError) as caught:
        secret_client.call_control.interrupt_block("call-1")
    _assert_no_key(caught.value, caught.value.body, _format(caught.value))
    assert caught.value.body == f"<pre>access_key={REDACTED}</pre>"
    _assert_logs_clean(logs)


def test_answer_echoing_the_key_is_redacted_in_the_model(
    secret_client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    api.post("/callback/init").respond(200, json={"id": 4, "debug": f"key={KEY}"})
    result = call(secret_client, "callback.init", MINIMAL_CALLS["callback.init"].kwargs)
    _assert_no_key(result, result.model_dump())


def test_retries_log_no_key(
    secret_client: tenios.TeniosClient, api: respx.MockRouter, logs: pytest.LogCaptureFixture
) -> None:
    api.post("/acd/agent-state/change").mock(
        side_effect=[
            httpx.Response(503, json={"error_message": f"busy ({KEY})"}),
            httpx.ConnectError("refused"),
            httpx.Response(200, json={"success": True}),
        ]
    )
    call(secret_client, "acd.change_agent_state", MINIMAL_CALLS["acd.change_agent_state"].kwargs)
    assert any(record.levelno == logging.INFO for record in logs.records)
    _assert_logs_clean(logs)


@pytest.mark.parametrize(
    "failure", [httpx.ConnectError("refused"), httpx.ReadTimeout("slow"), httpx.ReadError("reset")]
)
def test_connection_errors_show_no_key(
    secret_client: tenios.TeniosClient,
    api: respx.MockRouter,
    logs: pytest.LogCaptureFixture,
    failure: Exception,
) -> None:
    api.post("/transfer-call").mock(side_effect=failure)
    with pytest.raises(tenios.APIConnectionError) as caught:
        call(secret_client, "transfer.call", MINIMAL_CALLS["transfer.call"].kwargs)
    _assert_no_key(caught.value, _format(caught.value))
    _assert_logs_clean(logs)


def test_validation_and_lifecycle_errors_show_no_key(api: respx.MockRouter) -> None:
    client = tenios.TeniosClient(KEY)
    with pytest.raises(tenios.RequestValidationError) as invalid:
        client.callback.init(callback_config_id=KEY, callback_number="0", delay=0)
    client.close()
    with pytest.raises(tenios.TeniosError) as closed:
        client.callback.status(10)
    _assert_no_key(invalid.value, closed.value)


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_redirects_are_never_followed_with_the_key(
    api: respx.MockRouter, clock: FakeClock, status: int
) -> None:
    elsewhere = api.post("https://collector.example.com/steal").respond(200, json={"success": True})
    api.post("/transfer-call").respond(
        status, headers={"Location": "https://collector.example.com/steal"}
    )
    with httpx.Client(follow_redirects=True) as http:
        client = tenios.TeniosClient(KEY, http_client=http)
        with pytest.raises(tenios.APIError) as caught:
            call(client, "transfer.call", MINIMAL_CALLS["transfer.call"].kwargs)
    assert caught.value.status_code == status
    assert not elsewhere.called


class _EchoingServer(BaseHTTPRequestHandler):
    """A TENIOS stand-in that rejects every key and echoes the request body in its answer."""

    def do_POST(self) -> None:
        length = int(self.headers["Content-Length"])
        sent: Any = json.loads(self.rfile.read(length))
        answer = json.dumps(
            {"error_code": "BAD_CREDENTIALS", "error_message": "Bad credentials", "echo": sent}
        ).encode()
        self.send_response(403)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_no_key_in_any_log_over_a_real_socket(logs: pytest.LogCaptureFixture) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _EchoingServer)
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    try:
        base_url = f"http://127.0.0.1:{server.server_address[1]}"
        client = tenios.TeniosClient(KEY, base_url=base_url, timeout=5)
        with client, pytest.raises(tenios.AuthenticationError) as caught:
            client.callback.status(10)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    body = caught.value.body
    assert isinstance(body, dict)
    assert isinstance(body["echo"], dict)
    assert body["echo"]["access_key"] == REDACTED
    assert any(record.name.startswith("httpcore") for record in logs.records)
    _assert_no_key(caught.value, caught.value.body, _format(caught.value))
    _assert_logs_clean(logs)


SUPERVISOR_KEY = "sup_9Kd2Lm7Qx4Rt"
PUSH_SECRET = "push_3Vn8Bw1Zc6Hy"
SECOND_SECRETS: list[tuple[str, dict[str, Any], str]] = [
    (
        "monitoring.start",
        {
            "call_uuid": "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
            "supervisor_key": SUPERVISOR_KEY,
            "supervisor_destination": "+491234567891",
        },
        SUPERVISOR_KEY,
    ),
    (
        "numbers.order",
        {
            "verification_id": "705d5302-4a8e-4b7f-9f3a-5c1d2e3f4a5b",
            "push_url": "https://example.com/orders",
            "push_secret": PUSH_SECRET,
        },
        PUSH_SECRET,
    ),
]


@pytest.mark.parametrize(
    ("endpoint", "kwargs", "secret"), SECOND_SECRETS, ids=lambda v: str(v)[:20]
)
def test_supervisor_key_and_push_secret_are_secrets_like_the_key(
    secret_client: tenios.TeniosClient,
    api: respx.MockRouter,
    logs: pytest.LogCaptureFixture,
    endpoint: str,
    kwargs: dict[str, Any],
    secret: str,
) -> None:
    def echo(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            500, json={"error_code": "OOPS", "error_message": request.content.decode()}
        )

    route = api.route().mock(side_effect=echo)
    with pytest.raises(tenios.ServerError) as caught:
        call(secret_client, endpoint, kwargs)
    assert secret in json.loads(route.calls.last.request.content).values()  # sent, in the body
    error = caught.value
    request = error.request
    assert request is not None
    things = [error, error.body, _format(error), request.content, logs.text]
    assert all(secret not in str(thing) for thing in things)
    assert REDACTED in str(error.body)
    assert "may have acted on it" in str(error)  # unsafe: not repeated after a 500
    assert route.call_count == 1
    bad = (
        {**kwargs, "call_uuid": ""}
        if endpoint == "monitoring.start"
        else {**kwargs, "push_url": "x"}
    )
    with pytest.raises(tenios.RequestValidationError) as refused:
        call(secret_client, endpoint, bad)
    assert secret not in str(refused.value) + repr(refused.value)
