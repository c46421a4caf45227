"""The HTTPS-POST events TENIOS sends to your server, and ``parse_event`` that reads them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any, Literal, Optional, Union

from pydantic import Discriminator, Field, PrivateAttr, Tag, model_validator

from .._exceptions import WebhookPayloadError
from .._inbound import Body, CallVariables, InboundModel, WholeNumber, read_inbound
from ..types._fields import Open
from ..types.enums import DestinationType

if TYPE_CHECKING:
    from pydantic import ModelWrapValidatorHandler  # not exported by pydantic 2.6 to 2.8

__all__ = [
    "BaseEvent",
    "BlockEndEvent",
    "CallEndEvent",
    "CallStartEvent",
    "ForwardAnswerEvent",
    "InitiateForwardEvent",
    "UnknownEvent",
    "WebhookEvent",
    "parse_event",
]


class BaseEvent(InboundModel):
    """What every HTTPS-POST carries. The received ``accessKey`` is kept out of ``repr``."""

    request_type: str
    """The event, e.g. ``CALL_START`` (each event class narrows it to its own literal)."""
    customer_number: WholeNumber
    """Your TENIOS customer number."""
    access_key: str = Field(repr=False)
    """The key you configured for the post; compare it with ``parse_event``, not by hand."""
    variables: CallVariables = Field(default_factory=CallVariables)
    """The call's variables: the documented keys as attributes, any other key kept."""


class CallStartEvent(BaseEvent):
    """``CALL_START``: a call reached the number."""

    request_type: Literal["CALL_START"]  # pyright: ignore[reportIncompatibleVariableOverride]


class BlockEndEvent(BaseEvent):
    """``BLOCK_END``: a block of the routing plan finished."""

    request_type: Literal["BLOCK_END"]  # pyright: ignore[reportIncompatibleVariableOverride]
    block_type: Optional[str] = None
    """The block that finished, e.g. ``ANNOUNCEMENT`` (an open string)."""


class CallEndEvent(BaseEvent):
    """``CALL_END``: the call ended."""

    request_type: Literal["CALL_END"]  # pyright: ignore[reportIncompatibleVariableOverride]


class _ForwardEvent(BaseEvent):
    """The fields the two forward events share."""

    destination: Optional[str] = None
    """Where the call is forwarded: a number, a SIP user or a SIP trunk."""
    destination_type: Optional[Open[DestinationType]] = None
    """``EXTERNALNUMBER``, ``SIP_USER`` or ``SIP_TRUNK``; a value the SDK does not know stays a str."""


class InitiateForwardEvent(_ForwardEvent):
    """``INITIATE_FORWARD``: TENIOS starts forwarding the call."""

    request_type: Literal["INITIATE_FORWARD"]  # pyright: ignore[reportIncompatibleVariableOverride]


class ForwardAnswerEvent(_ForwardEvent):
    """``FORWARD_ANSWER``: the forwarded call was answered."""

    request_type: Literal["FORWARD_ANSWER"]  # pyright: ignore[reportIncompatibleVariableOverride]


class UnknownEvent(InboundModel):
    """An event whose ``requestType`` this version of the SDK does not know.

    Every field is kept as an attribute, and ``raw`` holds the payload as it was received.
    """

    request_type: str
    customer_number: Optional[WholeNumber] = None
    access_key: Optional[str] = Field(default=None, repr=False)
    variables: CallVariables = Field(default_factory=CallVariables)

    _raw: dict[str, Any] = PrivateAttr(default_factory=dict[str, Any])

    @model_validator(mode="wrap")
    @classmethod
    def _keep_raw(cls, data: Any, handler: ModelWrapValidatorHandler[UnknownEvent]) -> UnknownEvent:
        event = handler(data)
        if isinstance(data, Mapping):
            event._raw = dict(data)  # pyright: ignore[reportUnknownArgumentType]
        return event

    @property
    def raw(self) -> dict[str, Any]:
        """The payload exactly as decoded from the request body."""
        return self._raw


_EVENT_CLASSES: dict[str, type[WebhookEvent]] = {
    "CALL_START": CallStartEvent,
    "BLOCK_END": BlockEndEvent,
    "CALL_END": CallEndEvent,
    "INITIATE_FORWARD": InitiateForwardEvent,
    "FORWARD_ANSWER": ForwardAnswerEvent,
}
_UNKNOWN = "unknown"


def _event_tag(value: Any) -> Optional[str]:
    if isinstance(value, Mapping):
        request_type = value.get("requestType", value.get("request_type"))  # pyright: ignore[reportUnknownMemberType, reportUnknownVariableType]
    else:
        request_type = getattr(value, "request_type", None)
    if not isinstance(request_type, str):
        return None
    return request_type if request_type in _EVENT_CLASSES else _UNKNOWN


WebhookEvent = Annotated[
    Union[
        Annotated[CallStartEvent, Tag("CALL_START")],
        Annotated[BlockEndEvent, Tag("BLOCK_END")],
        Annotated[CallEndEvent, Tag("CALL_END")],
        Annotated[InitiateForwardEvent, Tag("INITIATE_FORWARD")],
        Annotated[ForwardAnswerEvent, Tag("FORWARD_ANSWER")],
        Annotated[UnknownEvent, Tag(_UNKNOWN)],
    ],
    Discriminator(
        _event_tag,
        custom_error_type="missing_request_type",
        custom_error_message="requestType is missing or not a string",
    ),
]
"""Any HTTPS-POST event, chosen by ``requestType``: what ``parse_event`` returns.

Also a pydantic type for your own models or ``pydantic.TypeAdapter(WebhookEvent)``; that does not
verify the sender, so read request bodies with ``parse_event``.
"""


def _event_class(payload: dict[str, Any]) -> type[WebhookEvent]:
    request_type = payload.get("requestType")
    if not isinstance(request_type, str):
        raise WebhookPayloadError("invalid payload: requestType: must be a string")
    return _EVENT_CLASSES.get(request_type, UnknownEvent)


def parse_event(
    body: Body, *, access_key: Optional[str], customer_number: Optional[int] = None
) -> WebhookEvent:
    """Verify and parse one HTTPS-POST from TENIOS.

    Args:
        body: the request body: raw bytes (preferred), text, or an already-decoded JSON object.
        access_key: the key you configured for the post. Required: pass ``None`` only to skip the
            check on purpose; an empty string raises ``WebhookVerificationError``.
        customer_number: your customer number; when given, ``customerNumber`` must match it.

    Returns:
        The typed event for a known ``requestType``, else an ``UnknownEvent`` with the raw data.

    Raises:
        tenios.WebhookVerificationError: ``accessKey`` or ``customerNumber`` does not match
            (compared in constant time, before any other field is looked at).
        tenios.WebhookPayloadError: the body is not a JSON object, or a field has the wrong type.
    """
    return read_inbound(
        body,
        access_key=access_key,
        customer_number=customer_number,
        model_for=_event_class,
    )
