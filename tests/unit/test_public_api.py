"""What ``import tenios`` offers: every documented name, loaded lazily, and the small helpers."""

from __future__ import annotations

import importlib

import httpx
import pytest
import respx

import tenios
from tenios import _exceptions, _pipeline  # pyright: ignore[reportPrivateUsage]
from tenios.types.callback import CallbackStatusRequest

from ..conftest import FakeClock
from .test_errors import DOCUMENTED_CODES

DOCUMENTED_NAMES = {
    "TeniosClient",
    "AsyncTeniosClient",
    "NOT_GIVEN",
    "NotGiven",
    "types",
    "__version__",
    # models and enums
    "AgentState",
    "AgentStateResponse",
    "CallbackInitResponse",
    "CallbackStatus",
    "CallbackStatusResponse",
    "DestinationType",
    "SuccessResponse",
    "UserDetailsResponse",
    "UserSkill",
    "Cdr",
    "CdrCallType",
    "DocumentType",
    "MakecallInitResponse",
    "MakecallStatusResponse",
    "NumberCancelResponse",
    "NumberOrderResponse",
    "NumberType",
    "Page",
    "PbxUser",
    "RecordingStartResponse",
    "VerificationResponse",
    "WrapUpResponse",
    # errors
    "TeniosError",
    "APIConnectionError",
    "APITimeoutError",
    "APIError",
    "AuthenticationError",
    "AgentNotInWrapUpError",
    "DestinationBlacklistedError",
    "InvalidRequestError",
    "InvalidJSONError",
    "InvalidFieldError",
    "InvalidValueError",
    "FieldRequiredError",
    "InvalidEmailError",
    "AllSkillsRequiredError",
    "NotFoundError",
    "CallbackNotFoundError",
    "CallNotFoundError",
    "AgentNotFoundError",
    "NotReadyReasonNotFoundError",
    "RateLimitError",
    "ServerError",
    "OperationFailedError",
    "ResponseValidationError",
    "RequestValidationError",
    "WaitTimeoutError",
    "WebhookError",
    "WebhookVerificationError",
    "WebhookPayloadError",
}


def test_every_documented_name_is_importable_from_tenios() -> None:
    assert set(tenios.__all__) >= DOCUMENTED_NAMES
    for name in tenios.__all__:
        assert getattr(tenios, name) is not None, name
    assert set(dir(tenios)) >= DOCUMENTED_NAMES
    assert tenios.__version__ == "0.1.0"


def test_models_and_enums_live_in_tenios_types() -> None:
    for name in ("AgentState", "CallbackStatus", "DestinationType", "UserSkill", "SuccessResponse"):
        assert getattr(tenios.types, name) is getattr(tenios, name)


def test_submodules_load_on_first_access() -> None:
    module = importlib.import_module("tenios")
    assert module.types is importlib.import_module("tenios.types")


def test_every_exception_class_is_exported_and_nothing_else_of_its_module() -> None:
    classes = {
        name
        for name, value in vars(_exceptions).items()
        if isinstance(value, type) and issubclass(value, tenios.TeniosError)
    }
    assert set(_exceptions.__all__) == classes
    assert classes <= set(tenios.__all__)
    assert all(getattr(tenios, name) is getattr(_exceptions, name) for name in classes)


def test_request_models_are_not_public_types() -> None:
    assert not [name for name in tenios.types.__all__ if name.endswith(("Request", "Update"))]


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Client'"):
        _ = tenios.Client


def test_error_table_knows_exactly_the_documented_codes() -> None:
    assert set(_exceptions._ERROR_CODES) == set(DOCUMENTED_CODES)  # pyright: ignore[reportPrivateUsage]


def test_enums_print_as_their_value() -> None:
    assert f"{tenios.AgentState.NOT_READY}" == "NOT_READY"
    assert str(tenios.CallbackStatus.CONNECTED) == "CONNECTED"
    assert str(tenios.DestinationType.SIP_TRUNK) == "SIP_TRUNK"
    assert tenios.AgentState.READY == "READY"
    terminal = {status for status in tenios.CallbackStatus if status.is_terminal}
    assert terminal == {"CALL_A_FAILED", "CALL_B_FAILED", "DISCONNECTED"}


def test_not_given_is_one_falsy_sentinel_distinct_from_none(
    client: tenios.TeniosClient, api: respx.MockRouter, clock: FakeClock
) -> None:
    assert tenios.NotGiven() is tenios.NOT_GIVEN
    assert not tenios.NOT_GIVEN
    assert repr(tenios.NOT_GIVEN) == "NOT_GIVEN"
    route = api.post("/callback/status").respond(200, json={"status": "ACCEPTED"})
    client.callback.status(1, timeout=tenios.NOT_GIVEN)
    assert route.calls.last.request.extensions["timeout"]["read"] == 30.0
    client.callback.status(1, timeout=None)
    assert route.calls.last.request.extensions["timeout"]["read"] is None


def test_pipeline_names_arguments_a_request_does_not_take() -> None:
    with pytest.raises(tenios.RequestValidationError) as caught:
        _pipeline.validate_arguments(CallbackStatusRequest, {"id": 1, "callback_id": 1})
    assert caught.value.field == "callback_id"
    assert str(caught.value) == "callback_id is not an argument of this call"


@pytest.mark.parametrize(
    ("status", "cls"), [(200, tenios.ResponseValidationError), (503, tenios.ServerError)]
)
def test_body_in_an_unknown_encoding_is_judged_by_status(
    status: int, cls: type[tenios.APIError]
) -> None:
    # A caller's own client may guess encodings; a guess Python does not know must not escape.
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=b"\x81\x82", headers={"Content-Type": "text/plain"})

    http = httpx.Client(transport=httpx.MockTransport(answer), default_encoding=lambda _: "x-nope")
    with http:
        client = tenios.TeniosClient("k", http_client=http, max_retries=0)
        with pytest.raises(cls) as caught:
            client.callback.status(1)
    assert caught.value.body is None
