"""Models of the Makecall API (``/makecall/init``, ``/makecall/status``): click-to-call."""

from __future__ import annotations

from typing import Annotated, Optional

from pydantic import PlainValidator

from .._validation import check_callback_id
from ._base import RequestModel, ResponseModel
from ._fields import E164Number, HttpsUrl, NonBlankStr, Open
from .enums import CallbackStatus

__all__ = [
    "MakecallInitRequest",
    "MakecallInitResponse",
    "MakecallStatusRequest",
    "MakecallStatusResponse",
]


class MakecallInitRequest(RequestModel):
    """Arguments of ``/makecall/init``."""

    destination_number: E164Number
    tenios_number: E164Number
    caller_id: Optional[NonBlankStr] = None
    callstate_info_url: Optional[HttpsUrl] = None


class MakecallStatusRequest(RequestModel):
    """Arguments of ``/makecall/status``."""

    id: Annotated[int, PlainValidator(check_callback_id)]


class MakecallInitResponse(ResponseModel):
    """The answer of ``/makecall/init``: the new call's id."""

    id: int
    """The makecall's id (an int, also when TENIOS sends it as a string of digits)."""


class MakecallStatusResponse(ResponseModel):
    """The answer of ``/makecall/status``; the statuses are those of a callback."""

    status: Open[CallbackStatus]

    @property
    def is_terminal(self) -> bool:
        """Whether the call has reached a final status (an unknown status is not final)."""
        return isinstance(self.status, CallbackStatus) and self.status.is_terminal
