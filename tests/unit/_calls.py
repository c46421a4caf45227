"""Calling any endpoint by its ``ENDPOINTS`` name, and one minimal valid call per endpoint."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import tenios
from tenios.types._base import ResponseModel

from ..conftest import ACCESS_KEY, USER_DETAILS


def call(client: tenios.TeniosClient, endpoint: str, kwargs: Mapping[str, Any]) -> ResponseModel:
    """Call ``client.<resource>.<method>(**kwargs)`` for an endpoint name like ``callback.init``."""
    resource, method = endpoint.split(".")
    result: ResponseModel = getattr(getattr(client, resource), method)(**kwargs)
    return result


@dataclass(frozen=True)
class MinimalCall:
    """A valid call of one endpoint with its optional arguments left out, and its wire form."""

    kwargs: dict[str, Any]
    body: dict[str, Any]
    answer: dict[str, Any]
    model: type[ResponseModel]


_SUCCESS: dict[str, Any] = {"success": True}

MINIMAL_CALLS: dict[str, MinimalCall] = {
    "callback.init": MinimalCall(
        {"callback_config_id": "cfg-1", "callback_number": "+491234567890", "delay": 0},
        {
            "access_key": ACCESS_KEY,
            "callback_config_id": "cfg-1",
            "callback_number": "+491234567890",
            "delay": 0,
        },
        {"id": 10},
        tenios.CallbackInitResponse,
    ),
    "callback.status": MinimalCall(
        {"id": 10},
        {"access_key": ACCESS_KEY, "id": 10},
        {"status": "CALLING_A"},
        tenios.CallbackStatusResponse,
    ),
    "acd.retrieve_agent_state": MinimalCall(
        {"email": "agent@example.com"},
        {"access_key": ACCESS_KEY, "email": "agent@example.com"},
        {"email": "agent@example.com", "state": "READY"},
        tenios.AgentStateResponse,
    ),
    "acd.change_agent_state": MinimalCall(
        {"email": "agent@example.com", "state": "NOT_READY"},
        {"access_key": ACCESS_KEY, "email": "agent@example.com", "state": "NOT_READY"},
        _SUCCESS,
        tenios.SuccessResponse,
    ),
    "acd.retrieve_user_details": MinimalCall(
        {"email": "agent@example.com"},
        {"access_key": ACCESS_KEY, "email": "agent@example.com"},
        USER_DETAILS,
        tenios.UserDetailsResponse,
    ),
    "acd.change_user_details": MinimalCall(
        {
            "email": "agent@example.com",
            "cloud_acd_enabled": True,
            "sip_enabled": False,
            "external_number_enabled": False,
            "external_number": None,
            "state": "READY",
            "user_skills": {"English": False, "German": True},
        },
        {
            "access_key": ACCESS_KEY,
            "email": "agent@example.com",
            "cloud_acd_enabled": True,
            "sip_enabled": False,
            "external_number_enabled": False,
            "state": "READY",
            "user_skills": [
                {"name": "English", "has_skill": False},
                {"name": "German", "has_skill": True},
            ],
        },
        _SUCCESS,
        tenios.SuccessResponse,
    ),
    "transfer.call": MinimalCall(
        {"call_uuid": "call-1", "destination_type": "SIP_USER", "destination": "agent7"},
        {
            "access_key": ACCESS_KEY,
            "call_uuid": "call-1",
            "destination_type": "SIP_USER",
            "destination": "agent7",
        },
        _SUCCESS,
        tenios.SuccessResponse,
    ),
    "call_control.interrupt_block": MinimalCall(
        {"call_uuid": "call-1"},
        {"access_key": ACCESS_KEY, "call_uuid": "call-1"},
        _SUCCESS,
        tenios.SuccessResponse,
    ),
}

SAFE_ENDPOINTS = (
    "callback.status",
    "acd.retrieve_agent_state",
    "acd.change_agent_state",
    "acd.retrieve_user_details",
    "acd.change_user_details",
)
UNSAFE_ENDPOINTS = ("callback.init", "transfer.call", "call_control.interrupt_block")
