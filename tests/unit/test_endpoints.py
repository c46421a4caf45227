"""Each endpoint on the wire: path, method, headers, body and the parsed answer."""

from __future__ import annotations

import json
import platform
import re

import httpx
import pydantic
import pytest
import respx

import tenios
from tenios._endpoints import ENDPOINTS

from ..conftest import ACCESS_KEY
from ._calls import MINIMAL_CALLS, SAFE_ENDPOINTS, UNSAFE_ENDPOINTS, call


@pytest.fixture
def client(either_client: tenios.TeniosClient) -> tenios.TeniosClient:
    """Every test of this module runs on both clients (tests/_sides.py)."""
    return either_client


ENDPOINT_NAMES = [endpoint.name for endpoint in ENDPOINTS]
EXPECTED_PATHS = {
    "callback.init": "/callback/init",
    "callback.status": "/callback/status",
    "acd.retrieve_agent_state": "/acd/agent-state/retrieve",
    "acd.change_agent_state": "/acd/agent-state/change",
    "acd.retrieve_user_details": "/acd/details/user/retrieve",
    "acd.change_user_details": "/acd/details/user/change",
    "transfer.call": "/transfer-call",
    "call_control.interrupt_block": "/interrupt-ecc-block",
    "makecall.init": "/makecall/init",
    "makecall.status": "/makecall/status",
    "recording.start": "/record-call/start",
    "recording.stop": "/record-call/stop",
    "transfer.refer": "/refer-call",
    "monitoring.start": "/call/listen-in/start",
    "monitoring.stop": "/call/listen-in/stop",
    "acd.extend_wrap_up": "/wrap-up/extend",
    "acd.cancel_wrap_up": "/wrap-up/cancel",
    "cloud_pbx.page": "/cloud-pbx/list",
    "cdrs.page": "/cdrs/retrieve",
    "cdrs.count": "/cdrs/count",
    "numbers.create_verification": "/verification/create",
    "numbers.order": "/number/order",
    "numbers.cancel": "/number/cancel",
}


def test_the_endpoint_table_declares_every_known_endpoint_with_its_safety() -> None:
    assert {endpoint.name: endpoint.path for endpoint in ENDPOINTS} == EXPECTED_PATHS
    safe = {endpoint.name for endpoint in ENDPOINTS if endpoint.safe_to_retry}
    assert safe == set(SAFE_ENDPOINTS)
    assert set(EXPECTED_PATHS) - safe == set(UNSAFE_ENDPOINTS)


@pytest.mark.parametrize("name", ENDPOINT_NAMES)
def test_endpoint_posts_json_body_with_key_and_parses_answer(
    client: tenios.TeniosClient, api: respx.MockRouter, name: str
) -> None:
    case = MINIMAL_CALLS[name]
    route = api.post(EXPECTED_PATHS[name]).respond(200, json=case.answer)

    result = call(client, name, case.kwargs)

    assert route.call_count == 1
    request = route.calls.last.request
    assert request.method == "POST"
    assert request.url == httpx.URL(f"https://api.tenios.com{EXPECTED_PATHS[name]}")
    assert request.headers["Content-Type"] == "application/json"
    body = json.loads(request.content)
    assert body == case.body
    assert body["access_key"] == ACCESS_KEY
    assert None not in body.values()
    assert type(result) is case.model
    dumped = (
        result.model_dump(mode="json", exclude_none=True)
        if isinstance(result, pydantic.BaseModel)
        else result
    )
    assert dumped == (case.answer if case.parsed is None else case.parsed)


@pytest.mark.parametrize("name", ENDPOINT_NAMES)
def test_user_agent_names_sdk_python_and_httpx(
    client: tenios.TeniosClient, api: respx.MockRouter, name: str
) -> None:
    case = MINIMAL_CALLS[name]
    route = api.post(EXPECTED_PATHS[name]).respond(200, json=case.answer)
    call(client, name, case.kwargs)
    sent = route.calls.last.request.headers["User-Agent"]
    python = ".".join(platform.python_version_tuple()[:2])
    assert sent == f"tenios-python/0.1.0 (Python {python}; httpx {httpx.__version__})"
    assert re.fullmatch(r"tenios-python/0\.1\.0 \(Python 3\.\d+; httpx \d+\.\d+\.\d+\)", sent)


def test_optional_arguments_are_sent_when_given(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    init = api.post("/callback/init").respond(200, json={"id": "7"})
    change = api.post("/acd/agent-state/change").respond(200, json={"success": True})

    result = client.callback.init(
        callback_config_id="cfg-1",
        callback_number="+491234567890",
        delay=5,
        agent_announcement="Kunde Müller",
        dtmf_key_to_trigger_customer_call="#",
    )
    client.acd.change_agent_state("agent@example.com", state=tenios.AgentState.NOT_READY, nrr="COF")

    assert result.id == 7
    assert json.loads(init.calls.last.request.content) == {
        "access_key": ACCESS_KEY,
        "callback_config_id": "cfg-1",
        "callback_number": "+491234567890",
        "delay": 5,
        "agent_announcement": "Kunde Müller",
        "dtmf_key_to_trigger_customer_call": "#",
    }
    # Non-ASCII text travels as UTF-8, not as \\u escapes.
    assert "Müller".encode() in init.calls.last.request.content
    assert json.loads(change.calls.last.request.content)["nrr"] == "COF"


def test_identifying_argument_may_be_positional(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    api.post("/callback/status").respond(200, json={"status": "CONNECTED"})
    api.post("/acd/agent-state/retrieve").respond(200, json={"state": "READY"})
    api.post("/transfer-call").respond(200, json={"success": True})
    api.post("/interrupt-ecc-block").respond(200, json={"success": True})

    assert client.callback.status(10).status is tenios.CallbackStatus.CONNECTED
    assert client.acd.retrieve_agent_state("agent@example.com").state is tenios.AgentState.READY
    assert client.transfer.call("call-1", destination_type="SIP_TRUNK", destination="t1").success
    assert client.call_control.interrupt_block("call-1").success


def test_callback_init_is_keyword_only(client: tenios.TeniosClient) -> None:
    with pytest.raises(TypeError):
        client.callback.init("cfg-1", "+491234567890", 0)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]


def test_base_url_with_path_prefix_keeps_the_prefix(api: respx.MockRouter) -> None:
    route = api.post("/v1/callback/status").respond(200, json={"status": "ACCEPTED"})
    with tenios.TeniosClient("k", base_url="https://api.tenios.com/v1") as client:
        client.callback.status(1)
    assert route.called
