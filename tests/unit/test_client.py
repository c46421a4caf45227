"""TeniosClient: configuration, environment fallbacks, timeouts, headers, copies and lifecycle."""

from __future__ import annotations

import inspect
import json
import logging
import sys
import warnings
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
import respx

import tenios
from tenios._logging import logger as tenios_logger

from ..conftest import BASE_URL, FakeClock

STATUS = {"status": "ACCEPTED"}


@pytest.fixture
def status_route(api: respx.MockRouter, clock: FakeClock) -> respx.Route:
    return api.post("/callback/status").respond(200, json=STATUS)


def _sent_timeout(route: respx.Route) -> Any:
    return route.calls.last.request.extensions["timeout"]


# -- construction ---------------------------------------------------------------------------------


def test_key_falls_back_to_environment(
    monkeypatch: pytest.MonkeyPatch, status_route: respx.Route
) -> None:
    monkeypatch.setenv("TENIOS_ACCESS_KEY", "from-env")
    with tenios.TeniosClient() as client:
        client.callback.status(1)
    assert json.loads(status_route.calls.last.request.content)["access_key"] == "from-env"


def test_explicit_key_wins_over_environment(
    monkeypatch: pytest.MonkeyPatch, status_route: respx.Route
) -> None:
    monkeypatch.setenv("TENIOS_ACCESS_KEY", "from-env")
    with tenios.TeniosClient("explicit") as client:
        client.callback.status(1)
    assert json.loads(status_route.calls.last.request.content)["access_key"] == "explicit"


@pytest.mark.parametrize("env", [None, ""])
def test_missing_key_is_refused(monkeypatch: pytest.MonkeyPatch, env: Any) -> None:
    if env is not None:
        monkeypatch.setenv("TENIOS_ACCESS_KEY", env)
    with pytest.raises(tenios.TeniosError, match="TENIOS_ACCESS_KEY"):
        tenios.TeniosClient()
    with pytest.raises(tenios.TeniosError):
        tenios.TeniosClient("")


def test_base_url_defaults_to_tenios(api: respx.MockRouter) -> None:
    client = tenios.TeniosClient("k")
    assert client.base_url == httpx.URL("https://api.tenios.com")
    assert repr(client) == "TeniosClient(base_url='https://api.tenios.com', max_retries=2)"
    client.close()


def test_base_url_falls_back_to_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TENIOS_BASE_URL", "https://staging.example.com/api")
    with respx.mock(base_url="https://staging.example.com/api") as staging:
        route = staging.post("/callback/status").respond(200, json=STATUS)
        with tenios.TeniosClient("k") as client:
            client.callback.status(1)
        with tenios.TeniosClient("k", base_url=BASE_URL) as client:
            assert client.base_url.host == "api.tenios.com"
    assert route.call_count == 1


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080",
        "http://localhost:8080",
        "http://[::1]:9000",
        "http://127.0.0.2",
        "https://api.tenios.com",
        httpx.URL("https://api.tenios.com/v2/"),
    ],
)
def test_https_and_loopback_http_are_accepted(url: Any) -> None:
    client = tenios.TeniosClient("k", base_url=url)
    assert client.base_url.host == httpx.URL(str(url)).host
    client.close()


@pytest.mark.parametrize(
    "url",
    [
        "http://api.tenios.com",
        "http://10.0.0.5:8080",
        "http://localhost.example.com",
        "ftp://api.tenios.com",
        "api.tenios.com",
        "https://",
        "http://[::1",
    ],
)
def test_plain_http_to_remote_host_and_odd_urls_are_refused(url: str) -> None:
    with pytest.raises(tenios.TeniosError, match="base_url"):
        tenios.TeniosClient("k", base_url=url)


def test_plain_http_from_environment_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TENIOS_BASE_URL", "http://tenios.internal")
    with pytest.raises(tenios.TeniosError, match=r"https://"):
        tenios.TeniosClient("k")


@pytest.mark.parametrize("max_retries", [-1, True, 1.5, "2"])
def test_bad_max_retries_is_refused(max_retries: Any) -> None:
    with pytest.raises(tenios.TeniosError, match="max_retries"):
        tenios.TeniosClient("k", max_retries=max_retries)


BAD_TIMEOUTS = [0, -1, True, "5", [5], float("nan"), float("inf")]


@pytest.mark.parametrize("timeout", BAD_TIMEOUTS)
def test_bad_timeout_is_refused(timeout: Any) -> None:
    with pytest.raises(
        tenios.TeniosError, match=r"timeout must be a (finite )?number of seconds > 0"
    ):
        tenios.TeniosClient("k", timeout=timeout)


# -- timeouts -------------------------------------------------------------------------------------


def test_default_timeout_is_30s_with_5s_to_connect(status_route: respx.Route) -> None:
    with tenios.TeniosClient("k") as client:
        assert client.timeout == httpx.Timeout(30.0, connect=5.0)
        client.callback.status(1)
    assert _sent_timeout(status_route) == {
        "connect": 5.0,
        "read": 30.0,
        "write": 30.0,
        "pool": 30.0,
    }


def test_passed_http_client_timeout_is_the_default(status_route: respx.Route) -> None:
    with httpx.Client(timeout=12.0) as http:
        client = tenios.TeniosClient("k", http_client=http)
        assert client.timeout == httpx.Timeout(12.0)
        client.callback.status(1)
        assert _sent_timeout(status_route) == dict.fromkeys(
            ("connect", "read", "write", "pool"), 12.0
        )
        tenios.TeniosClient("k", http_client=http, timeout=3).callback.status(1)
        assert _sent_timeout(status_route)["read"] == 3.0


@pytest.mark.parametrize(
    ("timeout", "sent"),
    [
        (2.5, {"connect": 2.5, "read": 2.5, "write": 2.5, "pool": 2.5}),
        (7, {"connect": 7, "read": 7, "write": 7, "pool": 7}),
        (httpx.Timeout(1.0, read=9.0), {"connect": 1.0, "read": 9.0, "write": 1.0, "pool": 1.0}),
        (None, {"connect": None, "read": None, "write": None, "pool": None}),
    ],
)
def test_per_call_timeout_reaches_the_request(
    client: tenios.TeniosClient, status_route: respx.Route, timeout: Any, sent: dict[str, Any]
) -> None:
    client.callback.status(1, timeout=timeout)
    assert _sent_timeout(status_route) == sent
    client.callback.status(1)  # the next call is back to the client's timeout
    assert _sent_timeout(status_route)["read"] == 30.0


def test_client_timeout_none_means_no_timeout(status_route: respx.Route) -> None:
    with tenios.TeniosClient("k", timeout=None) as client:
        client.callback.status(1)
    assert _sent_timeout(status_route) == dict.fromkeys(("connect", "read", "write", "pool"))


@pytest.mark.parametrize("timeout", BAD_TIMEOUTS)
def test_bad_per_call_timeout_is_refused_before_sending(
    client: tenios.TeniosClient, status_route: respx.Route, timeout: Any
) -> None:
    with pytest.raises(tenios.RequestValidationError) as caught:
        client.callback.status(1, timeout=timeout)
    assert caught.value.field == "timeout"
    assert not status_route.called


# -- headers --------------------------------------------------------------------------------------


def test_default_headers_are_sent_and_content_type_stays_json(status_route: respx.Route) -> None:
    headers = {"X-Request-Source": "crm", "Content-Type": "text/plain"}
    with tenios.TeniosClient("k", default_headers=headers) as client:
        client.callback.status(1)
    sent = status_route.calls.last.request.headers
    assert sent["X-Request-Source"] == "crm"
    assert sent["Content-Type"] == "application/json"
    assert sent["Accept"] == "application/json"


@pytest.mark.parametrize(
    "headers",
    [
        {"X-Customer": "Müller"},
        {"X-Token": "abc\r\nX-Injected: 1"},
        {"X-Ünicode": "x"},
        {"X-Count": 3},
    ],
)
def test_headers_that_cannot_be_sent_are_refused_at_construction(headers: Any) -> None:
    with pytest.raises(tenios.TeniosError, match="default_headers") as caught:
        tenios.TeniosClient("k", default_headers=headers)
    assert "Müller" not in str(caught.value)  # a header value may be a secret
    with tenios.TeniosClient("k") as client, pytest.raises(tenios.TeniosError):
        client.with_options(default_headers=headers)


def test_own_http_client_brings_its_headers_and_hooks(status_route: respx.Route) -> None:
    seen: list[str] = []

    def remember(request: httpx.Request) -> None:
        seen.append(request.url.path)

    with httpx.Client(headers={"X-Proxy-Auth": "p"}, event_hooks={"request": [remember]}) as http:
        tenios.TeniosClient("k", http_client=http).callback.status(1)
    assert status_route.calls.last.request.headers["X-Proxy-Auth"] == "p"
    assert seen == ["/callback/status"]


# -- with_options ---------------------------------------------------------------------------------


def test_with_options_merges_headers_and_leaves_the_original_alone(
    status_route: respx.Route,
) -> None:
    original = tenios.TeniosClient("k", default_headers={"A": "1", "B": "2"}, timeout=20)
    copy = original.with_options(default_headers={"B": "3", "C": "4"}, timeout=5, max_retries=0)

    copy.callback.status(1)
    copy_headers = status_route.calls.last.request.headers
    assert (copy_headers["A"], copy_headers["B"], copy_headers["C"]) == ("1", "3", "4")
    assert _sent_timeout(status_route)["read"] == 5
    assert copy.max_retries == 0

    original.callback.status(1)
    original_headers = status_route.calls.last.request.headers
    assert (original_headers["B"], "C" in original_headers) == ("2", False)
    assert _sent_timeout(status_route)["read"] == 20
    assert original.max_retries == 2
    original.close()


def test_with_options_can_change_key_and_base_url(api: respx.MockRouter) -> None:
    other = api.post("/v2/callback/status").respond(200, json=STATUS)
    with tenios.TeniosClient("k") as original:
        copy = original.with_options(access_key="k2", base_url="https://api.tenios.com/v2")
        copy.callback.status(1)
        assert json.loads(other.calls.last.request.content)["access_key"] == "k2"
        with pytest.raises(tenios.TeniosError):
            original.with_options(base_url="http://api.tenios.com")
        with pytest.raises(tenios.TeniosError):
            original.with_options(max_retries=-1)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"access_key": ""}, "No TENIOS access key"),
        ({"max_retries": True}, "max_retries"),
        ({"timeout": -1}, "timeout"),
        ({"default_headers": {"X": "a\nb"}}, "default_headers"),
        ({"base_url": "ftp://api.tenios.com"}, "base_url"),
    ],
)
def test_with_options_checks_every_option_as_the_constructor_does(
    options: dict[str, Any], message: str
) -> None:
    with tenios.TeniosClient("k") as original:
        with pytest.raises(tenios.TeniosError, match=message):
            original.with_options(**options)
        assert original._access_key == "k"  # pyright: ignore[reportPrivateUsage]


def test_a_copy_keeps_every_option_it_was_not_given() -> None:
    options: dict[str, Any] = {
        "access_key": "k",
        "base_url": "https://api.tenios.com/v2",
        "timeout": 7,
        "max_retries": 5,
        "default_headers": {"X-Team": "ops"},
    }
    with tenios.TeniosClient(**options) as original:
        copy = original.with_options()
        # Every constructor argument but http_client (the pool is shared) survives a copy.
        parameters = set(inspect.signature(tenios.TeniosClient).parameters) - {"http_client"}
        assert parameters == set(options)
        assert copy._settings() == original._settings()  # pyright: ignore[reportPrivateUsage]
        assert (copy.timeout, copy.default_headers) == (original.timeout, original.default_headers)


def test_copies_share_the_pool_and_closing_a_copy_keeps_it_open(status_route: respx.Route) -> None:
    original = tenios.TeniosClient("k")
    copy = original.with_options(timeout=5)
    with copy:
        copy.callback.status(1)
    assert not copy.is_closed
    assert not original.is_closed
    original.callback.status(1)

    original.close()
    assert original.is_closed
    assert copy.is_closed  # same pool
    with pytest.raises(tenios.TeniosError, match="closed"):
        copy.callback.status(1)


# -- lifecycle ------------------------------------------------------------------------------------


def test_context_manager_closes_an_owned_pool(status_route: respx.Route) -> None:
    with tenios.TeniosClient("k") as client:
        client.callback.status(1)
    assert client.is_closed
    with pytest.raises(tenios.TeniosError, match="closed"):
        client.callback.status(1)
    assert status_route.call_count == 1


def test_passed_in_http_client_is_never_closed(status_route: respx.Route) -> None:
    with httpx.Client() as http:
        with tenios.TeniosClient("k", http_client=http) as client:
            client.callback.status(1)
        client.close()
        assert not http.is_closed
        client.callback.status(1)
    assert status_route.call_count == 2


def test_one_client_serves_many_threads(client: tenios.TeniosClient, api: respx.MockRouter) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        sent = json.loads(request.content)
        return httpx.Response(200, json={"email": sent["email"], "state": "READY"})

    api.post("/acd/agent-state/retrieve").mock(side_effect=answer)
    emails = [f"agent{i}@example.com" for i in range(40)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(client.acd.retrieve_agent_state, emails))
    assert [a.email for a in answers] == emails


# -- logging --------------------------------------------------------------------------------------


@pytest.fixture
def pristine_logger() -> Iterator[logging.Logger]:
    """The "tenios" logger as a fresh process has it, restored afterwards."""
    saved = (list(tenios_logger.handlers), tenios_logger.level)
    tenios_logger.handlers.clear()
    tenios_logger.setLevel(logging.NOTSET)
    yield tenios_logger
    tenios_logger.handlers[:] = saved[0]
    tenios_logger.setLevel(saved[1])


def test_logger_is_silent_by_default(
    pristine_logger: logging.Logger,
    status_route: respx.Route,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root_handlers = list(logging.getLogger().handlers)
    with tenios.TeniosClient("k") as client:
        client.callback.status(1)
    assert pristine_logger.handlers == []
    assert pristine_logger.level == logging.NOTSET
    assert logging.getLogger().handlers == root_handlers  # no basicConfig
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(("value", "level"), [("debug", logging.DEBUG), (" INFO ", logging.INFO)])
def test_tenios_log_adds_a_stderr_handler(
    monkeypatch: pytest.MonkeyPatch,
    pristine_logger: logging.Logger,
    status_route: respx.Route,
    capsys: pytest.CaptureFixture[str],
    value: str,
    level: int,
) -> None:
    monkeypatch.setenv("TENIOS_LOG", value)
    with tenios.TeniosClient("k") as client:
        client.callback.status(1)
    tenios.TeniosClient("k").close()  # a second client adds no second handler
    assert pristine_logger.level == level
    assert len(pristine_logger.handlers) == 1
    handler = pristine_logger.handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    assert handler.stream is sys.stderr  # pyright: ignore[reportUnknownMemberType]
    err = capsys.readouterr().err
    assert ("callback.status POST /callback/status -> 200" in err) == (level == logging.DEBUG)


def test_tenios_log_keeps_an_existing_handler(
    monkeypatch: pytest.MonkeyPatch, pristine_logger: logging.Logger
) -> None:
    mine = logging.NullHandler()
    pristine_logger.addHandler(mine)
    monkeypatch.setenv("TENIOS_LOG", "debug")
    tenios.TeniosClient("k").close()
    assert pristine_logger.handlers == [mine]
    assert pristine_logger.level == logging.DEBUG


def test_unknown_tenios_log_value_warns_once_and_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, pristine_logger: logging.Logger
) -> None:
    monkeypatch.setenv("TENIOS_LOG", "verbose-typo")
    with pytest.warns(RuntimeWarning, match="TENIOS_LOG='verbose-typo' is ignored"):
        tenios.TeniosClient("k").close()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a second client does not warn again
        tenios.TeniosClient("k").close()
    assert pristine_logger.handlers == []
    assert pristine_logger.level == logging.NOTSET
