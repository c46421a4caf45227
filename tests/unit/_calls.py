"""Calling any endpoint by its ``ENDPOINTS`` name, and one minimal valid call per endpoint."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Optional

import tenios

from ..conftest import ACCESS_KEY, USER_DETAILS


def call(client: tenios.TeniosClient, endpoint: str, kwargs: Mapping[str, Any]) -> Any:
    """Call ``client.<resource>.<method>(**kwargs)`` for an endpoint name like ``callback.init``."""
    resource, method = endpoint.split(".")
    return getattr(getattr(client, resource), method)(**kwargs)


@dataclass(frozen=True)
class MinimalCall:
    """A valid call of one endpoint with its optional arguments left out, and its wire form."""

    kwargs: dict[str, Any]
    body: dict[str, Any]
    answer: dict[str, Any]
    model: type[Any]
    parsed: Optional[Any] = None
    """What the call returns, dumped as JSON, where that is not ``answer`` itself (times are
    written back in pydantic's own format, ``cdrs.count`` returns an int)."""


_SUCCESS: dict[str, Any] = {"success": True}
_UUID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
_FROM = datetime(2026, 11, 1, tzinfo=timezone.utc)
_TO = datetime(2026, 12, 1, tzinfo=timezone.utc)
_FROM_WIRE, _TO_WIRE = "2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z"
PDF = b"%PDF-1.4\n% a one-line document\n"
_PDF_BASE64 = "JVBERi0xLjQKJSBhIG9uZS1saW5lIGRvY3VtZW50Cg=="

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
    "makecall.init": MinimalCall(
        {"destination_number": "+491234567890", "tenios_number": "+4922112345670"},
        {
            "access_key": ACCESS_KEY,
            "destination_number": "+491234567890",
            "tenios_number": "+4922112345670",
        },
        {"id": 7},
        tenios.MakecallInitResponse,
    ),
    "makecall.status": MinimalCall(
        {"id": 7},
        {"access_key": ACCESS_KEY, "id": 7},
        {"status": "CONNECTED"},
        tenios.MakecallStatusResponse,
    ),
    "recording.start": MinimalCall(
        {"call_uuid": _UUID},
        {"access_key": ACCESS_KEY, "call_uuid": _UUID},
        {"recording_uuid": "rec-1"},
        tenios.RecordingStartResponse,
    ),
    "recording.stop": MinimalCall(
        {"call_uuid": _UUID, "recording_uuid": "rec-1"},
        {"access_key": ACCESS_KEY, "call_uuid": _UUID, "recording_uuid": "rec-1"},
        {"success": "true"},
        tenios.SuccessResponse,
        parsed=_SUCCESS,
    ),
    "transfer.refer": MinimalCall(
        {"call_uuid": _UUID, "sip_uri": "sip:4044@198.51.100.7:5060;user=phone"},
        {
            "access_key": ACCESS_KEY,
            "call_uuid": _UUID,
            "sip_uri": "sip:4044@198.51.100.7:5060;user=phone",
        },
        _SUCCESS,
        tenios.SuccessResponse,
    ),
    "monitoring.start": MinimalCall(
        {
            "call_uuid": _UUID,
            "supervisor_key": "supervisor-secret-1",
            "supervisor_destination": "+491234567891",
        },
        {
            "access_key": ACCESS_KEY,
            "call_uuid": _UUID,
            "supervisor_key": "supervisor-secret-1",
            "supervisor_destination": "+491234567891",
        },
        _SUCCESS,
        tenios.SuccessResponse,
    ),
    "monitoring.stop": MinimalCall(
        {"call_uuid": _UUID},
        {"access_key": ACCESS_KEY, "call_uuid": _UUID},
        _SUCCESS,
        tenios.SuccessResponse,
    ),
    "acd.extend_wrap_up": MinimalCall(
        {"email": "agent@example.com", "end_time": datetime(2020, 1, 1, 9, tzinfo=timezone.utc)},
        {
            "access_key": ACCESS_KEY,
            "agent_email": "agent@example.com",
            "end_time": "2020-01-01T09:00:00.000Z",
        },
        {"success": True, "wrap_up_end_time": "2020-01-01T09:00:00.000Z"},
        tenios.WrapUpResponse,
        parsed={"success": True, "wrap_up_end_time": "2020-01-01T09:00:00Z"},
    ),
    "acd.cancel_wrap_up": MinimalCall(
        {"email": "agent@example.com"},
        {"access_key": ACCESS_KEY, "agent_email": "agent@example.com"},
        _SUCCESS,
        tenios.SuccessResponse,
    ),
    "cloud_pbx.page": MinimalCall(
        {},
        {"access_key": ACCESS_KEY, "page": 1, "page_size": 100},
        {
            "success": True,
            "items": [{"user_name": "+49221234567", "email": "anna@example.com"}],
            "total_items": 1,
            "page_size": 100,
            "page": 1,
        },
        tenios.Page[tenios.PbxUser],
    ),
    "cdrs.page": MinimalCall(
        {"start_date_from": _FROM, "start_date_to": _TO},
        {
            "access_key": ACCESS_KEY,
            "start_date_from": _FROM_WIRE,
            "start_date_to": _TO_WIRE,
            "page": 1,
            "page_size": 100,
        },
        {"items": [{"uuid": "leg-1", "duration": 12.5}], "page": 1, "page_size": 100},
        tenios.Page[tenios.Cdr],
    ),
    "cdrs.count": MinimalCall(
        {"start_date_from": _FROM, "start_date_to": _TO},
        {"access_key": ACCESS_KEY, "start_date_from": _FROM_WIRE, "start_date_to": _TO_WIRE},
        {"total_items": 42},
        int,
        parsed=42,
    ),
    "numbers.create_verification": MinimalCall(
        {
            "country": "Germany",
            "city": "Köln",
            "zip": "50667",
            "street": "Domkloster",
            "house_number": "4a",
            "area_code": "221",
            "document_type": "ALLOCATION_NOTICE",
            "document": PDF,
        },
        {
            "access_key": ACCESS_KEY,
            "country": "Germany",
            "city": "Köln",
            "zip": "50667",
            "street": "Domkloster",
            "house_number": "4a",
            "area_code": "221",
            "document_type": "ALLOCATION_NOTICE",
            "document_data": _PDF_BASE64,
        },
        {"verification_id": "705d5302-4a8e-4b7f-9f3a-5c1d2e3f4a5b"},
        tenios.VerificationResponse,
    ),
    "numbers.order": MinimalCall(
        {"verification_id": "705d5302-4a8e-4b7f-9f3a-5c1d2e3f4a5b"},
        {
            "access_key": ACCESS_KEY,
            "verification_id": "705d5302-4a8e-4b7f-9f3a-5c1d2e3f4a5b",
            "number_type": "GEOGRAPHICAL",
        },
        {"order_id": 4711},
        tenios.NumberOrderResponse,
        parsed={"order_id": "4711"},
    ),
    "numbers.cancel": MinimalCall(
        {"phone_number": "+4922112345671"},
        {"access_key": ACCESS_KEY, "phone_number": "+4922112345671"},
        {"cancellation_date": "2019-01-01"},
        tenios.NumberCancelResponse,
    ),
}

SAFE_ENDPOINTS = (
    "callback.status",
    "acd.retrieve_agent_state",
    "acd.change_agent_state",
    "acd.retrieve_user_details",
    "acd.change_user_details",
    "makecall.status",
    "recording.stop",
    "monitoring.stop",
    "acd.extend_wrap_up",
    "acd.cancel_wrap_up",
    "cloud_pbx.page",
    "cdrs.page",
    "cdrs.count",
)
UNSAFE_ENDPOINTS = (
    "callback.init",
    "transfer.call",
    "call_control.interrupt_block",
    "makecall.init",
    "recording.start",
    "transfer.refer",
    "monitoring.start",
    "numbers.create_verification",
    "numbers.order",
    "numbers.cancel",
)
