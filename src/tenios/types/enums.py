"""The enumerations of the TENIOS API. All are ``str`` enums: ``"READY"`` equals ``AgentState.READY``."""

from __future__ import annotations

from enum import Enum
from typing import Literal

__all__ = [
    "AgentState",
    "AgentStateName",
    "CallbackStatus",
    "CdrCallType",
    "DestinationType",
    "DestinationTypeName",
    "DocumentType",
    "DocumentTypeName",
    "NumberType",
    "NumberTypeName",
]


class CallbackStatus(str, Enum):
    """Where a callback stands. ``CALL_A_FAILED``, ``CALL_B_FAILED`` and ``DISCONNECTED`` are final."""

    REQUESTED = "REQUESTED"
    ACCEPTED = "ACCEPTED"
    CALLING_A = "CALLING_A"
    CALL_A_FAILED = "CALL_A_FAILED"
    CALLING_B = "CALLING_B"
    CALL_B_FAILED = "CALL_B_FAILED"
    CONNECTED = "CONNECTED"
    DISCONNECTED = "DISCONNECTED"

    @property
    def is_terminal(self) -> bool:
        """Whether the callback can no longer change status."""
        return self in _TERMINAL_STATUSES

    def __str__(self) -> str:
        return self.value


_TERMINAL_STATUSES = frozenset(
    {CallbackStatus.CALL_A_FAILED, CallbackStatus.CALL_B_FAILED, CallbackStatus.DISCONNECTED}
)


class AgentState(str, Enum):
    """An ACD agent's ready state."""

    READY = "READY"
    NOT_READY = "NOT_READY"

    def __str__(self) -> str:
        return self.value


AgentStateName = Literal["READY", "NOT_READY"]
"""``AgentState``'s values as literals: type checkers accept ``"READY"``, and flag ``"REDY"``."""


class DestinationType(str, Enum):
    """Where a call can be transferred or bridged to."""

    EXTERNALNUMBER = "EXTERNALNUMBER"
    """A phone number in the public network, in ``+`` E.164 form."""
    SIP_USER = "SIP_USER"
    """The user name of a SIP account."""
    SIP_TRUNK = "SIP_TRUNK"
    """The user name of a SIP trunk."""

    def __str__(self) -> str:
        return self.value


DestinationTypeName = Literal["EXTERNALNUMBER", "SIP_USER", "SIP_TRUNK"]
"""``DestinationType``'s values as literals, accepted wherever a ``DestinationType`` is."""


class CdrCallType(str, Enum):
    """The kind of call leg a CDR describes."""

    WEBRTCINBOUND = "WEBRTCINBOUND"
    """A call from a browser (WebRTC)."""
    INBOUND = "INBOUND"
    """A call from the public network to a TENIOS number."""
    FORWARD = "FORWARD"
    """A leg forwarded to the public network."""
    SIPFORWARD_USER = "SIPFORWARD_USER"
    """A leg to a registered SIP device."""
    SIPFORWARD_PRFL = "SIPFORWARD_PRFL"
    """A leg to a SIP trunk."""
    FAXOUT = "FAXOUT"
    """An outgoing fax."""

    def __str__(self) -> str:
        return self.value


class DocumentType(str, Enum):
    """What a verification document proves the address with."""

    ALLOCATION_NOTICE = "ALLOCATION_NOTICE"
    IDENTITY_CARD = "IDENTITY_CARD"
    BUSINESS_LICENSE = "BUSINESS_LICENSE"
    IDENTITY_CARD_AND_BUSINESS_LICENSE = "IDENTITY_CARD_AND_BUSINESS_LICENSE"
    CERTIFICATE_OF_REGISTRATION = "CERTIFICATE_OF_REGISTRATION"
    CONTRACT = "CONTRACT"

    def __str__(self) -> str:
        return self.value


DocumentTypeName = Literal[
    "ALLOCATION_NOTICE",
    "IDENTITY_CARD",
    "BUSINESS_LICENSE",
    "IDENTITY_CARD_AND_BUSINESS_LICENSE",
    "CERTIFICATE_OF_REGISTRATION",
    "CONTRACT",
]
"""``DocumentType``'s values as literals, accepted wherever a ``DocumentType`` is."""


class NumberType(str, Enum):
    """The kind of phone number to order; TENIOS sells only geographical numbers."""

    GEOGRAPHICAL = "GEOGRAPHICAL"

    def __str__(self) -> str:
        return self.value


NumberTypeName = Literal["GEOGRAPHICAL"]
"""``NumberType``'s values as literals, accepted wherever a ``NumberType`` is."""
