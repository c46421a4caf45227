"""Models of the Call Recording API (``/record-call/start``, ``/record-call/stop``)."""

from __future__ import annotations

from typing import Optional

from pydantic import StrictBool

from ._base import RequestModel, ResponseModel
from ._fields import NonBlankStr

__all__ = ["RecordingStartRequest", "RecordingStartResponse", "RecordingStopRequest"]


class RecordingStartRequest(RequestModel):
    """Arguments of ``/record-call/start``; TENIOS records both sides unless told otherwise."""

    call_uuid: NonBlankStr
    record_caller: Optional[StrictBool] = None
    record_callee: Optional[StrictBool] = None


class RecordingStopRequest(RequestModel):
    """Arguments of ``/record-call/stop`` (the call is sent too, as the vendor's example does)."""

    call_uuid: NonBlankStr
    recording_uuid: NonBlankStr


class RecordingStartResponse(ResponseModel):
    """The answer of ``/record-call/start``: the recording's id, needed to stop it."""

    recording_uuid: str
