"""How TENIOS's answers become exceptions: by error_code first, then by HTTP status (DESIGN §2)."""

from __future__ import annotations

import gzip
import json
from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timezone
from typing import Any

import httpx
import pytest
import respx

import tenios

from ._calls import MINIMAL_CALLS, call


@pytest.fixture
def client(either_client: tenios.TeniosClient) -> tenios.TeniosClient:
    """Every test of this module runs on both clients (tests/_sides.py)."""
    return either_client


STATUS_PATH = "/callback/status"

DOCUMENTED_CODES: dict[str, type[tenios.APIError]] = {
    "BAD_CREDENTIALS": tenios.AuthenticationError,
    "INVALID_JSON": tenios.InvalidJSONError,
    "INVALID_FIELD": tenios.InvalidFieldError,
    "INVALID_VALUE": tenios.InvalidValueError,
    "FIELD_IS_REQUIRED": tenios.FieldRequiredError,
    "AGENT_STATE_INVALID_EMAIL": tenios.InvalidEmailError,
    "ACD_USER_DETAILS_ALL_SKILLS_REQUIRED_ERROR": tenios.AllSkillsRequiredError,
    "CALLBACK_NOT_FOUND": tenios.CallbackNotFoundError,
    "CALL_UUID_NOT_FOUND": tenios.CallNotFoundError,
    "AGENT_NOT_FOUND": tenios.AgentNotFoundError,
    "AGENT_NOT_READY_REASON_NOT_FOUND": tenios.NotReadyReasonNotFoundError,
    "AGENT_NOT_IN_WRAP_UP": tenios.AgentNotInWrapUpError,
    "LISTEN_IN_SUPERVISOR_DESTINATION_IN_BLACKLIST": tenios.DestinationBlacklistedError,
}

# DESIGN §2's tree: class -> its direct parent(s).
TREE: dict[type[BaseException], tuple[type[BaseException], ...]] = {
    tenios.TeniosError: (Exception,),
    tenios.APIConnectionError: (tenios.TeniosError,),
    tenios.APITimeoutError: (tenios.APIConnectionError,),
    tenios.APIError: (tenios.TeniosError,),
    tenios.AuthenticationError: (tenios.APIError,),
    tenios.InvalidRequestError: (tenios.APIError,),
    tenios.InvalidJSONError: (tenios.InvalidRequestError,),
    tenios.InvalidFieldError: (tenios.InvalidRequestError,),
    tenios.InvalidValueError: (tenios.InvalidRequestError,),
    tenios.FieldRequiredError: (tenios.InvalidRequestError,),
    tenios.InvalidEmailError: (tenios.InvalidRequestError,),
    tenios.AllSkillsRequiredError: (tenios.InvalidRequestError,),
    tenios.AgentNotInWrapUpError: (tenios.InvalidRequestError,),
    tenios.DestinationBlacklistedError: (tenios.InvalidRequestError,),
    tenios.NotFoundError: (tenios.APIError,),
    tenios.CallbackNotFoundError: (tenios.NotFoundError,),
    tenios.CallNotFoundError: (tenios.NotFoundError,),
    tenios.AgentNotFoundError: (tenios.NotFoundError,),
    tenios.NotReadyReasonNotFoundError: (tenios.NotFoundError,),
    tenios.RateLimitError: (tenios.APIError,),
    tenios.ServerError: (tenios.APIError,),
    tenios.OperationFailedError: (tenios.APIError,),
    tenios.ResponseValidationError: (tenios.APIError,),
    tenios.RequestValidationError: (tenios.TeniosError, ValueError),
    tenios.WaitTimeoutError: (tenios.TeniosError, TimeoutError),
    tenios.WebhookError: (tenios.TeniosError,),
    tenios.WebhookVerificationError: (tenios.WebhookError,),
    tenios.WebhookPayloadError: (tenios.WebhookError, ValueError),
}


def _status_error(client: tenios.TeniosClient, api: respx.MockRouter, **respond: Any) -> Any:
    """Answer /callback/status as given (no retries) and return what ``status`` raised."""
    api.post(STATUS_PATH).respond(**respond)
    with pytest.raises(tenios.TeniosError) as caught:
        client.with_options(max_retries=0).callback.status(10)
    return caught.value


def test_error_tree_is_as_designed() -> None:
    for cls, parents in TREE.items():
        assert cls.__bases__ == parents, cls


@pytest.mark.parametrize(("code", "cls"), DOCUMENTED_CODES.items())
def test_documented_error_code_maps_to_its_class(
    client: tenios.TeniosClient, api: respx.MockRouter, code: str, cls: type[tenios.APIError]
) -> None:
    body = {"error_code": code, "error_message": f"text of {code}", "fields": ["id", "email"]}
    error = _status_error(client, api, status_code=400, json=body)
    assert type(error) is cls
    assert (error.status_code, error.error_code, error.error_message) == (
        400,
        code,
        body["error_message"],
    )
    assert error.fields == ["id", "email"]
    assert error.body == body
    assert isinstance(error.request, httpx.Request)
    assert isinstance(error.response, httpx.Response)
    assert error.retry_after is None


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, tenios.InvalidRequestError),
        (422, tenios.InvalidRequestError),
        (401, tenios.AuthenticationError),
        (403, tenios.AuthenticationError),
        (404, tenios.NotFoundError),
        (429, tenios.RateLimitError),
        (500, tenios.ServerError),
        (503, tenios.ServerError),
        (599, tenios.ServerError),
        (409, tenios.APIError),
        (418, tenios.APIError),
    ],
)
def test_unknown_code_keeps_raw_string_and_falls_back_to_status(
    client: tenios.TeniosClient, api: respx.MockRouter, status: int, cls: type[tenios.APIError]
) -> None:
    body = {"success": False, "error_code": "BLOCK_NOT_INTERRUPTIBLE", "error_message": "No."}
    error = _status_error(client, api, status_code=status, json=body)
    assert type(error) is cls
    assert error.error_code == "BLOCK_NOT_INTERRUPTIBLE"
    assert error.error_message == "No."
    assert error.fields == []


def test_403_with_empty_body_is_authentication_error(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    error = _status_error(client, api, status_code=403)
    assert type(error) is tenios.AuthenticationError
    assert (error.status_code, error.error_code, error.error_message, error.fields) == (
        403,
        None,
        None,
        [],
    )
    assert str(error) == "HTTP 403 Forbidden (HTTP 403; POST /callback/status)"


def test_html_502_from_a_proxy_is_server_error(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    page = "<html><body><h1>502 Bad Gateway</h1></body></html>"
    error = _status_error(client, api, status_code=502, html=page)
    assert type(error) is tenios.ServerError
    assert error.error_code is None
    assert error.body == page
    assert "HTTP 502 Bad Gateway" in str(error)


def test_404_without_code_is_not_found(client: tenios.TeniosClient, api: respx.MockRouter) -> None:
    error = _status_error(client, api, status_code=404, text="Not Found")
    assert type(error) is tenios.NotFoundError
    assert error.error_code is None


def test_429_is_rate_limit_error_with_retry_after(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    error = _status_error(client, api, status_code=429, headers={"Retry-After": "7"})
    assert type(error) is tenios.RateLimitError
    assert error.retry_after == 7.0


def test_418_is_plain_api_error(client: tenios.TeniosClient, api: respx.MockRouter) -> None:
    error = _status_error(client, api, status_code=418, json={"message": "teapot"})
    assert type(error) is tenios.APIError
    assert error.status_code == 418


def test_error_with_message_but_no_code_shows_the_message(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    error = _status_error(client, api, status_code=400, json={"error_message": "Missing id"})
    assert type(error) is tenios.InvalidRequestError
    assert str(error) == "HTTP 400 Bad Request: Missing id (HTTP 400; POST /callback/status)"


def test_str_of_error_names_code_message_status_fields_and_call(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    body = {
        "error_code": "CALLBACK_NOT_FOUND",
        "error_message": "Callback id not found",
        "fields": ["id"],
    }
    error = _status_error(client, api, status_code=400, json=body)
    assert str(error) == (
        "CALLBACK_NOT_FOUND: Callback id not found (HTTP 400, fields: id; POST /callback/status)"
    )
    assert repr(error) == (
        "CallbackNotFoundError(status_code=400, error_code='CALLBACK_NOT_FOUND', "
        "error_message='Callback id not found', fields=['id'])"
    )


def test_bad_credentials_on_callback_init_says_config_id_may_be_wrong(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    body: dict[str, Any] = {
        "error_code": "BAD_CREDENTIALS",
        "error_message": "Bad credentials",
        "fields": [],
    }
    api.post("/callback/init").respond(400, json=body)
    api.post(STATUS_PATH).respond(400, json=body)
    with pytest.raises(tenios.AuthenticationError) as init_error:
        call(client, "callback.init", MINIMAL_CALLS["callback.init"].kwargs)
    with pytest.raises(tenios.AuthenticationError) as status_error:
        client.callback.status(10)
    assert "callback_config_id" in str(init_error.value)
    assert "access key" in str(init_error.value)
    assert "callback_config_id" not in str(status_error.value)


# -- 2xx answers that are not what the API documents ---------------------------------------------


def test_non_json_200_is_response_validation_error(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    error = _status_error(client, api, status_code=200, text="OK")
    assert type(error) is tenios.ResponseValidationError
    assert error.status_code == 200
    assert error.body == "OK"
    assert "not a JSON object" in str(error)


def test_json_array_200_is_response_validation_error(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    error = _status_error(client, api, status_code=200, json=[{"status": "REQUESTED"}])
    assert type(error) is tenios.ResponseValidationError
    assert error.body == [{"status": "REQUESTED"}]


@pytest.mark.parametrize(
    ("endpoint", "answer", "missing"),
    [
        ("callback.status", {"state": "REQUESTED"}, "status"),
        ("callback.init", {"callback_id": 10}, "id"),
        ("acd.retrieve_agent_state", {"email": "agent@example.com"}, "state"),
        ("transfer.call", {}, "success"),
        ("acd.retrieve_user_details", {"success": True, "state": "READY"}, "user_skills"),
    ],
)
def test_200_missing_a_documented_field_is_response_validation_error(
    client: tenios.TeniosClient,
    api: respx.MockRouter,
    endpoint: str,
    answer: dict[str, Any],
    missing: str,
) -> None:
    from tenios._endpoints import ENDPOINTS

    path = next(e.path for e in ENDPOINTS if e.name == endpoint)
    api.post(path).respond(200, json=answer)
    with pytest.raises(tenios.ResponseValidationError) as caught:
        call(client, endpoint, MINIMAL_CALLS[endpoint].kwargs)
    assert missing in str(caught.value)
    assert path in str(caught.value)


def test_wrong_type_in_200_is_response_validation_error(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    error = _status_error(client, api, status_code=200, json={"status": 7})
    assert type(error) is tenios.ResponseValidationError
    # One line for the open enum's field, not one per way it could have been read.
    assert str(error).endswith("(HTTP 200): status: Input should be a valid string")


def test_200_with_error_code_raises_that_codes_class(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    body = {
        "success": False,
        "error_code": "CALLBACK_NOT_FOUND",
        "error_message": "gone",
        "fields": ["id"],
    }
    error = _status_error(client, api, status_code=200, json=body)
    assert type(error) is tenios.CallbackNotFoundError
    assert (error.status_code, error.error_code, error.fields) == (
        200,
        "CALLBACK_NOT_FOUND",
        ["id"],
    )


@pytest.mark.parametrize("flag", [False, "false", "FALSE", "No", "off", 0, 0.0])
def test_200_with_success_false_and_no_code_is_operation_failed(
    client: tenios.TeniosClient, api: respx.MockRouter, flag: object
) -> None:
    api.post("/interrupt-ecc-block").respond(200, json={"success": flag})
    with pytest.raises(tenios.OperationFailedError) as caught:
        client.call_control.interrupt_block("call-1")
    assert caught.value.status_code == 200
    assert caught.value.error_code is None
    assert "/interrupt-ecc-block" in str(caught.value)


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ({"error_code": "CALLBACK_NOT_FOUND"}, tenios.CallbackNotFoundError),
        ({"success": "false"}, tenios.OperationFailedError),
        ({"success": 0}, tenios.OperationFailedError),
    ],
)
def test_an_otherwise_valid_answer_with_an_error_code_or_false_success_is_an_error(
    client: tenios.TeniosClient,
    api: respx.MockRouter,
    extra: dict[str, object],
    expected: type[tenios.APIError],
) -> None:
    api.post(STATUS_PATH).respond(200, json={"status": "CONNECTED", **extra})
    with pytest.raises(expected):
        client.callback.status(10)


def test_error_code_or_success_inside_an_item_is_only_data(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    item = {"uuid": "leg-1", "error_code": "NONE", "success": False}
    answer = {"items": [item], "page": 1, "page_size": 10, "total_items": 1}
    api.post("/cdrs/retrieve").respond(200, json=answer)
    (cdr,) = client.cdrs.page(
        start_date_from=datetime(2026, 11, 2, tzinfo=timezone.utc),
        start_date_to=datetime(2026, 11, 3, tzinfo=timezone.utc),
    ).items
    assert _attribute(cdr, "error_code") == "NONE"


# -- lenient parsing ----------------------------------------------------------------------------


def _attribute(model: object, name: str) -> object:
    """``model.<name>``, for attributes the type checkers cannot know (unknown answer fields)."""
    return getattr(model, name)


def test_unknown_response_fields_are_kept_as_attributes(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    details = dict(MINIMAL_CALLS["acd.retrieve_user_details"].answer)
    details["queue_count"] = 3
    details["user_skills"] = [{"name": "German", "has_skill": True, "level": 5}]
    api.post("/acd/details/user/retrieve").respond(200, json=details)
    api.post(STATUS_PATH).respond(200, json={"status": "CONNECTED", "since": "2024-01-01"})

    user = client.acd.retrieve_user_details("agent@example.com")
    status = client.callback.status(10)

    assert _attribute(user, "queue_count") == 3
    assert _attribute(user.user_skills[0], "level") == 5
    assert _attribute(status, "since") == "2024-01-01"
    assert status.model_extra == {"since": "2024-01-01"}


def test_unknown_enum_values_are_kept_as_plain_strings(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    api.post(STATUS_PATH).respond(200, json={"status": "QUEUED"})
    api.post("/acd/agent-state/retrieve").respond(
        200, json={"email": "a@b.de", "state": "ON_BREAK"}
    )
    details = {**MINIMAL_CALLS["acd.retrieve_user_details"].answer, "state": "AWAY"}
    api.post("/acd/details/user/retrieve").respond(200, json=details)

    status = client.callback.status(10)
    agent = client.acd.retrieve_agent_state("a@b.de")
    user = client.acd.retrieve_user_details("a@b.de")

    assert (status.status, agent.state, user.state) == ("QUEUED", "ON_BREAK", "AWAY")
    assert type(status.status) is str
    assert type(agent.state) is str
    assert not status.is_terminal


@pytest.mark.parametrize(
    ("content_type", "encoding"),
    [
        ("application/json", "utf-8"),
        ("application/json; charset=UTF-8", "utf-8"),
        ('application/json; charset="utf8"', "utf-8"),
        ("application/json; charset=iso-8859-1", "latin-1"),
        ("application/json; x-charset-hint=1", "utf-8"),
        ("application/json; charset=utf-8; charset=latin-1", "utf-8"),
    ],
)
@pytest.mark.parametrize("name", ["Peter", "Jürgen"])
def test_answers_decode_by_their_declared_charset(
    client: tenios.TeniosClient,
    api: respx.MockRouter,
    content_type: str,
    encoding: str,
    name: str,
) -> None:
    body = json.dumps({"email": "a@b.de", "state": "READY", "name": name}, ensure_ascii=False)
    api.post("/acd/agent-state/retrieve").respond(
        200, content=body.encode(encoding), headers={"Content-Type": content_type}
    )
    agent = client.acd.retrieve_agent_state("a@b.de")
    assert _attribute(agent, "name") == name


def test_known_enum_values_become_members(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    api.post(STATUS_PATH).respond(200, json={"status": "CALL_B_FAILED"})
    status = client.callback.status(10)
    assert status.status is tenios.CallbackStatus.CALL_B_FAILED
    assert status.is_terminal


@pytest.mark.parametrize("callback_id", [10, "10"])
def test_callback_id_is_an_int_also_when_sent_as_digits(
    client: tenios.TeniosClient, api: respx.MockRouter, callback_id: object
) -> None:
    api.post("/callback/init").respond(200, json={"id": callback_id})
    result = client.callback.init(**MINIMAL_CALLS["callback.init"].kwargs)
    assert result.id == 10
    assert type(result.id) is int


def test_callback_id_that_is_not_a_number_is_a_malformed_answer(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    api.post("/callback/init").respond(200, json={"id": "cb-4711"})
    with pytest.raises(tenios.ResponseValidationError, match="id"):
        client.callback.init(**MINIMAL_CALLS["callback.init"].kwargs)


# -- nothing from httpx, json or pydantic escapes ------------------------------------------------


@pytest.mark.parametrize(
    ("failure", "cls"),
    [
        (httpx.ConnectError("refused"), tenios.APIConnectionError),
        (httpx.ConnectTimeout("slow"), tenios.APITimeoutError),
        (httpx.ReadTimeout("slow"), tenios.APITimeoutError),
        (httpx.WriteTimeout("slow"), tenios.APITimeoutError),
        (httpx.PoolTimeout("busy"), tenios.APITimeoutError),
        (httpx.RemoteProtocolError("closed"), tenios.APIConnectionError),
        (httpx.ReadError("reset"), tenios.APIConnectionError),
        (httpx.ProxyError("proxy down"), tenios.APIConnectionError),
    ],
)
def test_transport_errors_are_wrapped_and_chained(
    client: tenios.TeniosClient,
    api: respx.MockRouter,
    failure: httpx.HTTPError,
    cls: type[Exception],
) -> None:
    api.post(STATUS_PATH).mock(side_effect=failure)
    with pytest.raises(tenios.APIConnectionError) as caught:
        client.with_options(max_retries=0).callback.status(10)
    assert type(caught.value) is cls
    assert caught.value.__cause__ is failure
    assert isinstance(caught.value.request, httpx.Request)
    assert "/callback/status" in str(caught.value)


_CUT_SHORT = "peer closed connection without sending complete message body"


class _CutShort(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that breaks off after its first bytes, as when the connection drops (either client)."""

    def __iter__(self) -> Iterator[bytes]:
        yield b'{"status": "REQ'
        raise httpx.RemoteProtocolError(_CUT_SHORT)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield b'{"status": "REQ'
        raise httpx.RemoteProtocolError(_CUT_SHORT)


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param(httpx.Response(200, content=b"\xff\xfe{not utf8"), id="invalid-utf8"),
        pytest.param(
            httpx.Response(
                200, content=b"{}", headers={"Content-Type": "application/json; charset=nope"}
            ),
            id="unknown-charset",
        ),
        pytest.param(
            httpx.Response(
                200, content=b"{}", headers={"Content-Type": "application/json; charset=utf-32"}
            ),
            id="utf-32-without-bom",
        ),
        pytest.param(
            httpx.Response(200, content=b"[" * 100_000 + b"]" * 100_000), id="deep-nesting"
        ),
        pytest.param(httpx.Response(200, content=b'{"status": "REQUES'), id="truncated-json"),
        pytest.param(httpx.Response(200, content=b"null"), id="null"),
        pytest.param(httpx.Response(200, content=b'{"status": NaN}'), id="nan"),
    ],
)
def test_broken_2xx_bodies_raise_response_validation_error(
    client: tenios.TeniosClient, api: respx.MockRouter, answer: httpx.Response
) -> None:
    api.post(STATUS_PATH).mock(return_value=answer)
    with pytest.raises(tenios.ResponseValidationError):
        client.callback.status(10)


def test_gzip_body_is_decoded(client: tenios.TeniosClient, api: respx.MockRouter) -> None:
    packed = gzip.compress(json.dumps({"status": "ACCEPTED"}).encode())
    api.post(STATUS_PATH).respond(200, content=packed, headers={"Content-Encoding": "gzip"})
    assert client.callback.status(10).status is tenios.CallbackStatus.ACCEPTED


@pytest.mark.parametrize(
    ("status", "cls"), [(200, tenios.ResponseValidationError), (500, tenios.ServerError)]
)
def test_body_not_matching_its_content_encoding_is_judged_by_status(
    status: int, cls: type[tenios.APIError]
) -> None:
    # httpx.MockTransport, not respx: respx decodes the body inside the transport, while a real
    # connection decodes it only when the SDK reads the body, which is the path tested here.
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            status, stream=httpx.ByteStream(b"not gzip"), headers={"Content-Encoding": "gzip"}
        )

    with httpx.Client(transport=httpx.MockTransport(answer)) as http:
        client = tenios.TeniosClient("key", http_client=http, max_retries=0)
        with pytest.raises(cls) as caught:
            client.callback.status(10)
    assert caught.value.status_code == status
    assert caught.value.body == ""


def test_body_cut_short_is_a_connection_error(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    api.post(STATUS_PATH).mock(return_value=httpx.Response(200, stream=_CutShort()))
    with pytest.raises(tenios.APIConnectionError) as caught:
        client.with_options(max_retries=0).callback.status(10)
    assert isinstance(caught.value.__cause__, httpx.RemoteProtocolError)
