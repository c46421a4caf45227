"""The Call Control request TENIOS sends when a call reaches your Call Control block."""

from __future__ import annotations

from typing import Any, Optional

from pydantic import Field

from .._inbound import Body, CallVariables, InboundModel, WholeNumber, read_inbound
from ..types._fields import Open
from ._enums import RequestStatus

__all__ = ["BlocksProcessingResult", "CallControlRequest", "parse_request"]


class BlocksProcessingResult(InboundModel):
    """What TENIOS made of your previous answer (sent from the second request on)."""

    validation_errors: Optional[list[str]] = None
    """Why the blocks were refused, in TENIOS's words."""


class CallControlRequest(InboundModel):
    """One request of the Call Control loop. The received ``accessKey`` is kept out of ``repr``.

    TENIOS asks again after the blocks of each answer have run, counting up ``loop_count`` from 0,
    until you answer with no blocks (or the call ends).
    """

    request_type: str
    """``EXTERNAL_CALL_CONTROL`` (an open string)."""
    customer_number: WholeNumber
    """Your TENIOS customer number."""
    access_key: str = Field(repr=False)
    """The key configured in the Call Control block; compare it with ``parse_request``."""
    variables: CallVariables = Field(default_factory=CallVariables)
    """The call's variables, including those set by earlier ``COLLECT_*`` blocks."""
    call_control_uuid: Optional[str] = None
    """Identifies this Call Control block instance (in every example, not in the field table)."""
    loop_count: WholeNumber
    """0 for the first request of this block instance, then 1, 2, ... (also sent as a string)."""
    request_status: Open[RequestStatus]
    """``REQUESTING_BLOCKS`` or ``VALIDATION_ERRORS``; a value the SDK does not know stays a str."""
    blocks_processing_result: Optional[BlocksProcessingResult] = None
    """TENIOS's verdict on your previous answer; ``None`` on the first request."""

    @property
    def validation_errors(self) -> list[str]:
        """The reasons TENIOS refused your previous answer; empty when there are none."""
        result = self.blocks_processing_result
        return list(result.validation_errors or []) if result is not None else []


def parse_request(
    body: Body, *, access_key: Optional[str], customer_number: Optional[int] = None
) -> CallControlRequest:
    """Verify and parse one Call Control request from TENIOS.

    Args:
        body: the request body: raw bytes (preferred), text, or an already-decoded JSON object.
        access_key: the key configured in your Call Control block. Required: pass ``None`` only
            to skip the check on purpose; an empty string raises ``WebhookVerificationError``.
        customer_number: your customer number; when given, ``customerNumber`` must match it.

    Raises:
        tenios.WebhookVerificationError: ``accessKey`` or ``customerNumber`` does not match
            (compared in constant time, before any other field is looked at).
        tenios.WebhookPayloadError: the body is not a JSON object, or a field has the wrong type.
    """
    return read_inbound(
        body,
        access_key=access_key,
        customer_number=customer_number,
        model_for=_request_model,
    )


def _request_model(payload: dict[str, Any]) -> type[CallControlRequest]:
    return CallControlRequest
