"""Every TENIOS endpoint, declared once: the client, the emulator, the docs and the tests read this."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, Optional, TypeVar

from .types import (
    AgentEmailRequest,
    AgentStateResponse,
    CallbackInitRequest,
    CallbackInitResponse,
    CallbackStatusRequest,
    CallbackStatusResponse,
    ChangeAgentStateRequest,
    ChangeUserDetailsRequest,
    InterruptBlockRequest,
    SuccessResponse,
    TransferCallRequest,
    UserDetailsResponse,
)
from .types._base import RequestModel, ResponseModel

ResponseT = TypeVar("ResponseT", bound=ResponseModel)


@dataclass(frozen=True)
class Endpoint(Generic[ResponseT]):
    """One API method.

    ``side_effect`` says what TENIOS may have done once a request was sent; an endpoint with one is
    not safe to repeat, so it is retried only when the request provably never left (or on 429).
    """

    name: str
    path: str
    request_model: type[RequestModel]
    response_model: type[ResponseT]
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

ENDPOINTS: tuple[Endpoint[Any], ...] = (
    CALLBACK_INIT,
    CALLBACK_STATUS,
    RETRIEVE_AGENT_STATE,
    CHANGE_AGENT_STATE,
    RETRIEVE_USER_DETAILS,
    CHANGE_USER_DETAILS,
    TRANSFER_CALL,
    INTERRUPT_BLOCK,
)
"""All endpoints, in the order of the vendor pages."""
