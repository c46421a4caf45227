"""Models of the Silent Monitoring API (``/call/listen-in/start``, ``/call/listen-in/stop``)."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictBool

from ._base import RequestModel
from ._fields import NonBlankStr

__all__ = ["ListenInStartRequest", "ListenInStopRequest"]


class ListenInStartRequest(RequestModel):
    """Arguments of ``/call/listen-in/start``. ``supervisor_key`` is a secret like the access key."""

    call_uuid: NonBlankStr
    supervisor_key: NonBlankStr = Field(repr=False)
    supervisor_destination: NonBlankStr
    whisper_to_agent: Optional[StrictBool] = None


class ListenInStopRequest(RequestModel):
    """Arguments of ``/call/listen-in/stop``."""

    call_uuid: NonBlankStr
