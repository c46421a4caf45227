"""Every TENIOS endpoint, declared once: the client, the emulator, the docs and the tests read this."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Optional, TypeVar

from ._exceptions import RequestValidationError
from .types._base import RequestModel
from .types.acd import (
    AgentEmailRequest,
    AgentStateResponse,
    ChangeAgentStateRequest,
    ChangeUserDetailsRequest,
    UserDetailsResponse,
    WrapUpCancelRequest,
    WrapUpExtendRequest,
    WrapUpResponse,
)
from .types.call_control import InterruptBlockRequest
from .types.callback import (
    CallbackInitRequest,
    CallbackInitResponse,
    CallbackStatusRequest,
    CallbackStatusResponse,
)
from .types.cdrs import Cdr, CdrCountResponse, CdrRangeRequest, CdrsRetrieveRequest
from .types.cloud_pbx import CloudPbxListRequest, PbxUser
from .types.makecall import (
    MakecallInitRequest,
    MakecallInitResponse,
    MakecallStatusRequest,
    MakecallStatusResponse,
)
from .types.monitoring import ListenInStartRequest, ListenInStopRequest
from .types.numbers import (
    NumberCancelRequest,
    NumberCancelResponse,
    NumberOrderRequest,
    NumberOrderResponse,
    VerificationCreateRequest,
    VerificationResponse,
)
from .types.pages import Page
from .types.recording import RecordingStartRequest, RecordingStartResponse, RecordingStopRequest
from .types.shared import SuccessResponse
from .types.transfer import ReferCallRequest, TransferCallRequest

R = TypeVar("R")


@dataclass(frozen=True)
class Endpoint(Generic[R]):
    """One API method.

    ``side_effect`` says what TENIOS may have done once a request was sent; an endpoint with one is
    not safe to repeat, so it is retried only when the request provably never left (or on 429).
    ``request_model``/``response_model`` are ``None`` only for ``client.post``, which sends and
    returns plain JSON objects.
    """

    name: str
    path: str
    request_model: Optional[type[RequestModel]]
    response_model: Optional[type[R]]
    side_effect: Optional[str] = None
    error_hints: dict[str, str] = field(default_factory=dict[str, str])

    @property
    def safe_to_retry(self) -> bool:
        """Whether repeating a request that TENIOS may have received is harmless."""
        return self.side_effect is None


CALLBACK_INIT = Endpoint(
    "callback.init",
    "/callback/init",
    CallbackInitRequest,
    CallbackInitResponse,
    side_effect="a callback may have been placed",
    error_hints={"BAD_CREDENTIALS": "either the access key or the callback_config_id is wrong"},
)
CALLBACK_STATUS = Endpoint(
    "callback.status", "/callback/status", CallbackStatusRequest, CallbackStatusResponse
)
RETRIEVE_AGENT_STATE = Endpoint(
    "acd.retrieve_agent_state", "/acd/agent-state/retrieve", AgentEmailRequest, AgentStateResponse
)
CHANGE_AGENT_STATE = Endpoint(
    "acd.change_agent_state", "/acd/agent-state/change", ChangeAgentStateRequest, SuccessResponse
)
RETRIEVE_USER_DETAILS = Endpoint(
    "acd.retrieve_user_details",
    "/acd/details/user/retrieve",
    AgentEmailRequest,
    UserDetailsResponse,
)
CHANGE_USER_DETAILS = Endpoint(
    "acd.change_user_details",
    "/acd/details/user/change",
    ChangeUserDetailsRequest,
    SuccessResponse,
)
TRANSFER_CALL = Endpoint(
    "transfer.call",
    "/transfer-call",
    TransferCallRequest,
    SuccessResponse,
    side_effect="the call may have been transferred",
)
INTERRUPT_BLOCK = Endpoint(
    "call_control.interrupt_block",
    "/interrupt-ecc-block",
    InterruptBlockRequest,
    SuccessResponse,
    side_effect="the running call-control block may have been interrupted",
)

MAKECALL_INIT = Endpoint(
    "makecall.init",
    "/makecall/init",
    MakecallInitRequest,
    MakecallInitResponse,
    side_effect="a call may have been placed",
)
MAKECALL_STATUS = Endpoint(
    "makecall.status", "/makecall/status", MakecallStatusRequest, MakecallStatusResponse
)
RECORDING_START = Endpoint(
    "recording.start",
    "/record-call/start",
    RecordingStartRequest,
    RecordingStartResponse,
    side_effect="a recording may have been started",
)
RECORDING_STOP = Endpoint(
    "recording.stop", "/record-call/stop", RecordingStopRequest, SuccessResponse
)
REFER_CALL = Endpoint(
    "transfer.refer",
    "/refer-call",
    ReferCallRequest,
    SuccessResponse,
    side_effect="the call may have been referred to the SIP URI",
)
LISTEN_IN_START = Endpoint(
    "monitoring.start",
    "/call/listen-in/start",
    ListenInStartRequest,
    SuccessResponse,
    side_effect="the supervisor may have been called into the call",
    error_hints={"BAD_CREDENTIALS": "either the access key or the supervisor key is wrong"},
)
LISTEN_IN_STOP = Endpoint(
    "monitoring.stop", "/call/listen-in/stop", ListenInStopRequest, SuccessResponse
)
EXTEND_WRAP_UP = Endpoint(
    "acd.extend_wrap_up", "/wrap-up/extend", WrapUpExtendRequest, WrapUpResponse
)
CANCEL_WRAP_UP = Endpoint(
    "acd.cancel_wrap_up", "/wrap-up/cancel", WrapUpCancelRequest, SuccessResponse
)
LIST_PBX_USERS = Endpoint("cloud_pbx.page", "/cloud-pbx/list", CloudPbxListRequest, Page[PbxUser])
RETRIEVE_CDRS = Endpoint("cdrs.page", "/cdrs/retrieve", CdrsRetrieveRequest, Page[Cdr])
COUNT_CDRS = Endpoint("cdrs.count", "/cdrs/count", CdrRangeRequest, CdrCountResponse)
CREATE_VERIFICATION = Endpoint(
    "numbers.create_verification",
    "/verification/create",
    VerificationCreateRequest,
    VerificationResponse,
    side_effect="a verification may have been created",
)
ORDER_NUMBER = Endpoint(
    "numbers.order",
    "/number/order",
    NumberOrderRequest,
    NumberOrderResponse,
    side_effect="a number may have been ordered (and charged)",
)
CANCEL_NUMBER = Endpoint(
    "numbers.cancel",
    "/number/cancel",
    NumberCancelRequest,
    NumberCancelResponse,
    side_effect="the number may have been cancelled",
)

ENDPOINTS: tuple[Endpoint[Any], ...] = (
    CALLBACK_INIT,
    CALLBACK_STATUS,
    RETRIEVE_AGENT_STATE,
    CHANGE_AGENT_STATE,
    RETRIEVE_USER_DETAILS,
    CHANGE_USER_DETAILS,
    TRANSFER_CALL,
    INTERRUPT_BLOCK,
    MAKECALL_INIT,
    MAKECALL_STATUS,
    RECORDING_START,
    RECORDING_STOP,
    REFER_CALL,
    LISTEN_IN_START,
    LISTEN_IN_STOP,
    EXTEND_WRAP_UP,
    CANCEL_WRAP_UP,
    LIST_PBX_USERS,
    RETRIEVE_CDRS,
    COUNT_CDRS,
    CREATE_VERIFICATION,
    ORDER_NUMBER,
    CANCEL_NUMBER,
)
"""All endpoints: the five first areas in the order of the vendor pages, then the rest."""


def raw_endpoint(
    path: str, body: Mapping[str, object], *, safe_to_repeat: bool
) -> tuple[Endpoint[dict[str, Any]], dict[str, object]]:
    """The endpoint and parameters of a ``client.post`` call, checked before anything is sent.

    Raises:
        RequestValidationError: ``path`` is not a relative API path, or ``body`` is not a JSON
            object of its own (it must not carry the access key, which the SDK adds).
    """
    if not isinstance(path, str) or not path.strip("/ ") or "://" in path or path.startswith("//"):  # pyright: ignore[reportUnnecessaryIsInstance]
        raise RequestValidationError(
            f"path must be a relative API path such as '/makecall/init', not {path!r}",
            field="path",
        )
    if not isinstance(body, Mapping) or not all(isinstance(name, str) for name in body):  # pyright: ignore[reportUnnecessaryIsInstance]
        raise RequestValidationError("body must be a mapping of str to JSON values", field="body")
    if "access_key" in body:
        raise RequestValidationError(
            "body must not contain access_key: the client adds its own", field="body"
        )
    params = dict(body)
    try:
        json.dumps(params, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise RequestValidationError(f"body must be JSON: {exc}", field="body") from None
    endpoint: Endpoint[dict[str, Any]] = Endpoint(
        f"post {'/' + path.lstrip('/')}",
        "/" + path.lstrip("/"),
        None,
        None,
        side_effect=None if safe_to_repeat else "it may have had its effect",
    )
    return endpoint, params
