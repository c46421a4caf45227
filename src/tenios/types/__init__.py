"""The models and enums of the TENIOS API.

Responses are lenient (unknown fields are kept, unknown enum values stay plain strings). The
request models behind each call are internal: a call's arguments are its keyword arguments.
"""

from __future__ import annotations

from .acd import AgentStateResponse, UserDetailsResponse, UserSkill, WrapUpResponse
from .callback import CallbackInitResponse, CallbackStatusResponse
from .cdrs import Cdr
from .cloud_pbx import PbxUser
from .enums import (
    AgentState,
    CallbackStatus,
    CdrCallType,
    DestinationType,
    DocumentType,
    NumberType,
)
from .makecall import MakecallInitResponse, MakecallStatusResponse
from .numbers import NumberCancelResponse, NumberOrderResponse, VerificationResponse
from .pages import Page
from .recording import RecordingStartResponse
from .shared import SuccessResponse

__all__ = [
    "AgentState",
    "AgentStateResponse",
    "CallbackInitResponse",
    "CallbackStatus",
    "CallbackStatusResponse",
    "Cdr",
    "CdrCallType",
    "DestinationType",
    "DocumentType",
    "MakecallInitResponse",
    "MakecallStatusResponse",
    "NumberCancelResponse",
    "NumberOrderResponse",
    "NumberType",
    "Page",
    "PbxUser",
    "RecordingStartResponse",
    "SuccessResponse",
    "UserDetailsResponse",
    "UserSkill",
    "VerificationResponse",
    "WrapUpResponse",
]
