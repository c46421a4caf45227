"""Models of the Callback API (``/callback/init``, ``/callback/status``)."""

from __future__ import annotations

from typing import Annotated, Optional

from pydantic import Field, PlainValidator, StrictInt

from .._validation import MAX_JSON_INT, check_callback_id
from ._base import RequestModel, ResponseModel
from ._fields import DtmfKey, E164Number, NonBlankStr, Open
from .enums import CallbackStatus

__all__ = [
    "CallbackInitRequest",
    "CallbackInitResponse",
    "CallbackStatusRequest",
    "CallbackStatusResponse",
]


class CallbackInitRequest(RequestModel):
    """Arguments of ``/callback/init``."""

    callback_config_id: NonBlankStr
    callback_number: E164Number
    delay: Annotated[StrictInt, Field(ge=0, le=MAX_JSON_INT)]
    agent_announcement: Optional[NonBlankStr] = None
    dtmf_key_to_trigger_customer_call: Optional[DtmfKey] = None


class CallbackStatusRequest(RequestModel):
    """Arguments of ``/callback/status``."""

    id: Annotated[int, PlainValidator(check_callback_id)]


class CallbackInitResponse(ResponseModel):
    """The answer of ``/callback/init``: the new callback's id."""

    id: int
    """The callback's id (an int, also when TENIOS sends it as a string of digits)."""


class CallbackStatusResponse(ResponseModel):
    """The answer of ``/callback/status``."""

    status: Open[CallbackStatus]

    @property
    def is_terminal(self) -> bool:
        """Whether the callback has reached a final status (an unknown status is not final)."""
        return isinstance(self.status, CallbackStatus) and self.status.is_terminal
