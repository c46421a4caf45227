"""Models of the Transfer Call API (``/transfer-call``)."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, model_validator

from .._validation import E164_RULE, check_e164, check_sip_uri
from ._base import RequestModel
from ._fields import NonBlankStr
from .enums import DestinationType

__all__ = ["ReferCallRequest", "TransferCallRequest"]


class TransferCallRequest(RequestModel):
    """Arguments of ``/transfer-call``; an ``EXTERNALNUMBER`` destination must be E.164."""

    call_uuid: NonBlankStr
    destination_type: DestinationType
    destination: NonBlankStr

    @model_validator(mode="after")
    def _external_number_is_e164(self) -> TransferCallRequest:
        if self.destination_type is DestinationType.EXTERNALNUMBER:
            try:
                check_e164(self.destination)
            except ValueError:
                raise ValueError(
                    f"destination {E164_RULE} when destination_type is EXTERNALNUMBER"
                ) from None
        return self


class ReferCallRequest(RequestModel):
    """Arguments of ``/refer-call``: the SIP URI goes into the REFER's ``Refer-To`` header."""

    call_uuid: NonBlankStr
    sip_uri: Annotated[NonBlankStr, AfterValidator(check_sip_uri)]
