"""The models and enums of the TENIOS API.

Responses are lenient (unknown fields are kept, unknown enum values stay plain strings). The
request models behind each call are internal: a call's arguments are its keyword arguments.
"""

from __future__ import annotations

from .acd import AgentStateResponse, UserDetailsResponse, UserSkill
from .callback import CallbackInitResponse, CallbackStatusResponse
from .enums import AgentState, CallbackStatus, DestinationType
from .shared import SuccessResponse

__all__ = [
    "AgentState",
    "AgentStateResponse",
    "CallbackInitResponse",
    "CallbackStatus",
    "CallbackStatusResponse",
    "DestinationType",
    "SuccessResponse",
    "UserDetailsResponse",
    "UserSkill",
]
