"""The enumerations of the Call Control API. All are ``str`` enums: ``"PARALLEL"`` equals ``BridgeMode.PARALLEL``."""

from __future__ import annotations

from enum import Enum

__all__ = ["BlockType", "BridgeMode", "HangupCause", "RequestStatus"]


class _StrEnum(str, Enum):
    """An enum of wire strings whose ``str()`` is the value itself."""

    def __str__(self) -> str:
        return str(self.value)


class RequestStatus(_StrEnum):
    """Why TENIOS sent a Call Control request."""

    REQUESTING_BLOCKS = "REQUESTING_BLOCKS"
    """Answer with the next blocks (an empty list ends the Call Control block)."""
    VALIDATION_ERRORS = "VALIDATION_ERRORS"
    """Your previous answer was refused; read ``validation_errors``. The answer is ignored."""


class BlockType(_StrEnum):
    """The nine call-flow blocks, in the order of the vendor's block specification."""

    BRIDGE = "BRIDGE"
    ANNOUNCEMENT = "ANNOUNCEMENT"
    SAY = "SAY"
    ROUTINGPLAN = "ROUTINGPLAN"
    COLLECT_DIGITS = "COLLECT_DIGITS"
    COLLECT_SPEECH = "COLLECT_SPEECH"
    HANGUP = "HANGUP"
    CALL_SETTINGS = "CALL_SETTINGS"
    REFER = "REFER"


class BridgeMode(_StrEnum):
    """How a ``BRIDGE`` block rings its destinations."""

    SEQUENTIAL = "SEQUENTIAL"
    """One after the other, each with its own optional ``timeout``; no ``block_timeout``."""
    PARALLEL = "PARALLEL"
    """All at once, for one ``block_timeout``; no per-destination ``timeout``."""


class HangupCause(_StrEnum):
    """Causes a ``HANGUP`` block may signal (the list carwow's client allows; an open set)."""

    UNALLOCATED_NUMBER = "UNALLOCATED_NUMBER"
    NO_ROUTE_TRANSIT_NET = "NO_ROUTE_TRANSIT_NET"
    NO_ROUTE_DESTINATION = "NO_ROUTE_DESTINATION"
    USER_BUSY = "USER_BUSY"
    NO_USER_RESPONSE = "NO_USER_RESPONSE"
    NO_ANSWER = "NO_ANSWER"
    SUBSCRIBER_ABSENT = "SUBSCRIBER_ABSENT"
    CALL_REJECTED = "CALL_REJECTED"
    NUMBER_CHANGED = "NUMBER_CHANGED"
    REDIRECTION_TO_NEW_DESTINATION = "REDIRECTION_TO_NEW_DESTINATION"
    EXCHANGE_ROUTING_ERROR = "EXCHANGE_ROUTING_ERROR"
    DESTINATION_OUT_OF_ORDER = "DESTINATION_OUT_OF_ORDER"
    INVALID_NUMBER_FORMAT = "INVALID_NUMBER_FORMAT"
    FACILITY_REJECTED = "FACILITY_REJECTED"
    NORMAL_UNSPECIFIED = "NORMAL_UNSPECIFIED"
    NORMAL_CIRCUIT_CONGESTION = "NORMAL_CIRCUIT_CONGESTION"
    NETWORK_OUT_OF_ORDER = "NETWORK_OUT_OF_ORDER"
    NORMAL_TEMPORARY_FAILURE = "NORMAL_TEMPORARY_FAILURE"
    SWITCH_CONGESTION = "SWITCH_CONGESTION"
    REQUESTED_CHAN_UNAVAIL = "REQUESTED_CHAN_UNAVAIL"
    OUTGOING_CALL_BARRED = "OUTGOING_CALL_BARRED"
    INCOMING_CALL_BARRED = "INCOMING_CALL_BARRED"
    BEARERCAPABILITY_NOTAUTH = "BEARERCAPABILITY_NOTAUTH"
    BEARERCAPABILITY_NOTAVAIL = "BEARERCAPABILITY_NOTAVAIL"
    BEARERCAPABILITY_NOTIMPL = "BEARERCAPABILITY_NOTIMPL"
    FACILITY_NOT_IMPLEMENTED = "FACILITY_NOT_IMPLEMENTED"
    SERVICE_NOT_IMPLEMENTED = "SERVICE_NOT_IMPLEMENTED"
    INCOMPATIBLE_DESTINATION = "INCOMPATIBLE_DESTINATION"
    RECOVERY_ON_TIMER_EXPIRE = "RECOVERY_ON_TIMER_EXPIRE"
    ORIGINATOR_CANCEL = "ORIGINATOR_CANCEL"
