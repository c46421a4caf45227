"""The models and enums of the TENIOS API.

Requests are strict (unknown or mistyped arguments are refused); responses are lenient (unknown
fields are kept, unknown enum values stay plain strings).
"""

from __future__ import annotations

from .acd import (
    AgentEmailRequest,
    AgentStateResponse,
    ChangeAgentStateRequest,
    ChangeUserDetailsRequest,
    SkillSetting,
    UserDetailsResponse,
    UserDetailsUpdate,
    UserSkill,
)
from .call_control import InterruptBlockRequest
from .callback import (
    CallbackId,
    CallbackInitRequest,
    CallbackInitResponse,
    CallbackStatusRequest,
    CallbackStatusResponse,
)
from .enums import AgentState, CallbackStatus, DestinationType
from .shared import SuccessResponse
from .transfer import TransferCallRequest

__all__ = [
    "AgentEmailRequest",
    "AgentState",
    "AgentStateResponse",
    "CallbackId",
    "CallbackInitRequest",
    "CallbackInitResponse",
    "CallbackStatus",
    "CallbackStatusRequest",
    "CallbackStatusResponse",
    "ChangeAgentStateRequest",
    "ChangeUserDetailsRequest",
    "DestinationType",
    "InterruptBlockRequest",
    "SkillSetting",
    "SuccessResponse",
    "TransferCallRequest",
    "UserDetailsResponse",
    "UserDetailsUpdate",
    "UserSkill",
]
