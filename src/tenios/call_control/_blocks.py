"""The nine call-flow blocks your server answers a Call Control request with.

What the SDK sends is strict: each block checks its rules when it is built
(``tenios.RequestValidationError``, a ``ValueError``, naming the attribute), refuses unknown attributes (except
``CallSettings`` and ``Refer``, whose vendor docs are incomplete), and never serialises a null.
Attributes are snake_case in Python and camelCase on the wire.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, Optional, TypeVar, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationInfo,
    field_validator,
    model_serializer,
    model_validator,
)
from pydantic.alias_generators import to_camel

from .._validation import E164_RULE, check_e164, check_not_blank
from ..types._fields import NonBlankStr, Open
from ..types._invalid import checked_init
from ..types.enums import DestinationType
from ._enums import BlockType, BridgeMode, HangupCause

__all__ = [
    "Announcement",
    "Block",
    "Bridge",
    "CallSettings",
    "CollectDigits",
    "CollectSpeech",
    "Destination",
    "Hangup",
    "RawBlock",
    "Refer",
    "RoutingPlan",
    "Say",
]

if TYPE_CHECKING:
    # Type checkers also accept the plain strings; at runtime pydantic turns them into the enum.
    BridgeModeArg = Union[BridgeMode, Literal["SEQUENTIAL", "PARALLEL"]]
    DestinationTypeArg = Union[DestinationType, Literal["EXTERNALNUMBER", "SIP_USER", "SIP_TRUNK"]]
else:
    BridgeModeArg = BridgeMode
    DestinationTypeArg = DestinationType
# Open: a cause the SDK does not know yet is sent as given (and must not be blank).
HangupCauseArg = Annotated[Open[HangupCause], AfterValidator(check_not_blank)]

PositiveInt = Annotated[StrictInt, Field(ge=1)]
VariableName = Annotated[StrictStr, Field(pattern=r"^[a-z0-9_]+$")]


def _without_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}  # pyright: ignore[reportUnknownVariableType]
    if isinstance(value, (list, tuple)):
        return [_without_nulls(v) for v in value if v is not None]  # pyright: ignore[reportUnknownVariableType]
    return value


_W = TypeVar("_W", bound="_WireModel")


def _what(model: type[BaseModel]) -> str:
    """How a model is named in errors: ``a SAY block``, ``a Destination``."""
    field = model.model_fields.get("block_type")
    kind = field.default if field is not None else None
    return f"a {kind} block" if isinstance(kind, str) else f"a {model.__name__}"


class _WireModel(BaseModel):
    """Strict, built once, camelCase and without nulls however it is dumped."""

    model_config: ClassVar[ConfigDict] = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=True,
        alias_generator=to_camel,
        loc_by_alias=False,
        defer_build=True,
    )

    if not TYPE_CHECKING:  # type checkers keep pydantic's typed signature of each model

        def __init__(self, **data: Any) -> None:
            """Check the attributes at once; a broken rule raises ``RequestValidationError``."""
            checked_init(super().__init__, data, f"is not an attribute of {_what(type(self))}")

    @classmethod
    def from_wire(cls: type[_W], data: Mapping[str, Any]) -> _W:
        """The model of a JSON object given by its wire (camelCase) or Python names.

        Raises:
            RequestValidationError: naming each attribute at fault and its rule.
        """
        return cls(**dict(data))

    @model_serializer(mode="wrap")
    def _wire_form(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # Also with a plain model_dump() (or a web framework's own dump): the wire names, no nulls.
        data: dict[str, Any] = handler(self)
        names = {name: to_camel(name) for name in type(self).model_fields}
        return {names.get(key, key): _without_nulls(v) for key, v in data.items() if v is not None}

    def to_dict(self) -> dict[str, Any]:
        """The JSON object TENIOS expects: camelCase names, nulls left out."""
        return self.model_dump(mode="json")


class Destination(_WireModel):
    """One destination of a ``Bridge``."""

    destination_type: DestinationTypeArg
    """``EXTERNALNUMBER``, ``SIP_USER`` or ``SIP_TRUNK``."""
    destination: NonBlankStr
    """An E.164 number (``+4922155400300``, no spaces) for ``EXTERNALNUMBER``; a SIP account's
    user name for ``SIP_USER``; the SIP forwarding profile's name for ``SIP_TRUNK``."""
    timeout: Optional[PositiveInt] = None
    """Seconds to ring this destination; ``SEQUENTIAL`` bridges only."""

    @field_validator("destination")
    @classmethod
    def _external_number_is_e164(cls, value: str, info: ValidationInfo) -> str:
        if info.data.get("destination_type") is DestinationType.EXTERNALNUMBER:
            try:
                check_e164(value)
            except ValueError:
                raise ValueError(f"{E164_RULE}, when destination_type is EXTERNALNUMBER") from None
        return value


class Block(_WireModel):
    """Base class of the call-flow blocks."""


class Bridge(Block):
    """``BRIDGE``: forward the call to numbers, SIP accounts or SIP trunks."""

    block_type: Literal["BRIDGE"] = "BRIDGE"
    bridge_mode: BridgeModeArg
    """``SEQUENTIAL`` (one after another) or ``PARALLEL`` (all at once)."""
    destinations: Annotated[list[Destination], Field(min_length=1)]
    """Where to forward the call; at least one."""
    block_timeout: Annotated[Optional[PositiveInt], Field(validate_default=True)] = None
    """Seconds for the whole block: required for ``PARALLEL``, not allowed for ``SEQUENTIAL``."""

    @field_validator("destinations")
    @classmethod
    def _no_destination_timeout_when_parallel(
        cls, destinations: list[Destination], info: ValidationInfo
    ) -> list[Destination]:
        if info.data.get("bridge_mode") is BridgeMode.PARALLEL:
            for index, destination in enumerate(destinations):
                if destination.timeout is not None:
                    raise ValueError(
                        f"destinations[{index}].timeout is not allowed when bridge_mode is "
                        "PARALLEL; set block_timeout for the whole block"
                    )
        return destinations

    @field_validator("block_timeout")
    @classmethod
    def _block_timeout_fits_mode(cls, value: Optional[int], info: ValidationInfo) -> Optional[int]:
        mode = info.data.get("bridge_mode")
        if mode is BridgeMode.PARALLEL and value is None:
            raise ValueError("block_timeout is required when bridge_mode is PARALLEL")
        if mode is BridgeMode.SEQUENTIAL and value is not None:
            raise ValueError(
                "block_timeout is not allowed when bridge_mode is SEQUENTIAL; "
                "give each destination its own timeout"
            )
        return value


class Announcement(Block):
    """``ANNOUNCEMENT``: play an announcement uploaded in the portal (or a TENIOS standard one)."""

    block_type: Literal["ANNOUNCEMENT"] = "ANNOUNCEMENT"
    standard_announcement: StrictBool = False
    """``True`` for a TENIOS standard announcement, e.g. ``Voicemail_Ansage``."""
    announcement_name: NonBlankStr
    """The announcement's name in the portal."""


class Say(Block):
    """``SAY``: read a text to the caller (text-to-speech)."""

    block_type: Literal["SAY"] = "SAY"
    text: NonBlankStr
    """What to say; SSML when ``use_ssml`` is set."""
    voice_name: NonBlankStr
    """A TENIOS voice, ``<lang>[-<region>].<gender>.<n>``, e.g. ``de.female.1`` (an open string)."""
    use_ssml: StrictBool = False
    """Whether ``text`` is SSML."""


class RoutingPlan(Block):
    """``ROUTINGPLAN``: continue in a routing plan configured in the portal."""

    block_type: Literal["ROUTINGPLAN"] = "ROUTINGPLAN"
    routingplan_name: NonBlankStr
    """The routing plan's name (``routingplanName`` on the wire, with a lower-case "p")."""


class CollectDigits(Block):
    """``COLLECT_DIGITS``: collect DTMF digits into a variable of the next request."""

    block_type: Literal["COLLECT_DIGITS"] = "COLLECT_DIGITS"
    standard_announcement: StrictBool = False
    """Whether ``announcement_name`` is a TENIOS standard announcement."""
    announcement_name: NonBlankStr
    """The prompt: an announcement from the portal."""
    standard_error_announcement: StrictBool = False
    """Whether ``error_announcement_name`` is a TENIOS standard announcement."""
    error_announcement_name: NonBlankStr
    """Played after an invalid input."""
    variable_name: VariableName
    """Where the digits go: lower-case letters, digits and ``_`` only."""
    min_digits: Annotated[StrictInt, Field(ge=1, le=32)]
    """At least this many digits, 1-32."""
    max_digits: Annotated[StrictInt, Field(ge=1, le=32)]
    """At most this many digits, 1-32, not less than ``min_digits``."""
    terminator: Literal["#", "*"]
    """The key that ends the input."""
    max_tries: Annotated[StrictInt, Field(ge=1, le=10)]
    """How often the caller may try, 1-10."""
    timeout: Annotated[StrictInt, Field(ge=1, le=300)]
    """Seconds to wait for input, 1-300 (not the block's ``blockTimeout``)."""

    @field_validator("max_digits")
    @classmethod
    def _not_below_min_digits(cls, value: int, info: ValidationInfo) -> int:
        min_digits = info.data.get("min_digits")
        if min_digits is not None and value < min_digits:
            raise ValueError(f"max_digits must not be less than min_digits ({min_digits})")
        return value


class CollectSpeech(Block):
    """``COLLECT_SPEECH``: recognise speech (ASR) into a variable of the next request."""

    block_type: Literal["COLLECT_SPEECH"] = "COLLECT_SPEECH"
    standard_announcement: StrictBool = False
    """Whether ``announcement_name`` is a TENIOS standard announcement."""
    announcement_name: NonBlankStr
    """The prompt: an announcement from the portal."""
    standard_missing_input_announcement: StrictBool = False
    """Whether ``missing_input_announcement_name`` is a TENIOS standard announcement."""
    missing_input_announcement_name: NonBlankStr
    """Played when the caller said nothing."""
    language: NonBlankStr
    """The language to recognise, e.g. ``de-DE``."""
    variable_name: NonBlankStr
    """Where the recognised text goes."""
    max_tries: PositiveInt
    """How often the caller may try."""


class Hangup(Block):
    """``HANGUP``: end the call."""

    block_type: Literal["HANGUP"] = "HANGUP"
    hangup_cause: Optional[HangupCauseArg] = None
    """The cause to signal, e.g. ``CALL_REJECTED``; a cause the SDK does not list is sent as given."""


class _OpenBlock(Block):
    """A block whose vendor docs are incomplete: undocumented attributes pass, except a
    ``blockTimeout``, which only ``BRIDGE`` is documented to take."""

    model_config: ClassVar[ConfigDict] = ConfigDict(extra="allow")

    @model_validator(mode="after")
    def _no_block_timeout(self) -> _OpenBlock:
        if {"blockTimeout", "block_timeout"} & set(self.model_extra or {}):
            block_type = type(self).model_fields["block_type"].default
            raise ValueError(f"block_timeout is not allowed on {block_type}")
        return self


class CallSettings(_OpenBlock):
    """``CALL_SETTINGS``: change call parameters.

    Only ``forwardAni`` is documented; pass other attributes by their wire (camelCase) names,
    e.g. ``CallSettings.model_validate({"forwardAni": "+49...", "newAttribute": 1})``.
    """

    block_type: Literal["CALL_SETTINGS"] = "CALL_SETTINGS"
    forward_ani: Optional[NonBlankStr] = None
    """The caller id to signal on later forwards."""


class Refer(_OpenBlock):
    """``REFER``: hand a call that came in over a registered SIP trunk back with a SIP REFER.

    The vendor does not document its attributes; pass them by their wire (camelCase) names,
    e.g. ``Refer.model_validate({"blockType": "REFER", "someAttribute": "..."})``.
    """

    block_type: Literal["REFER"] = "REFER"


class RawBlock(Block):
    """A block type this version of the SDK does not know, sent as given (no nulls).

    Made by ``CallControlResponse.add_block``; a known ``blockType`` must use its own model.
    """

    model_config: ClassVar[ConfigDict] = ConfigDict(extra="allow")

    block_type: NonBlankStr

    @field_validator("block_type")
    @classmethod
    def _not_a_known_block(cls, value: str) -> str:
        if value in BlockType.__members__:
            raise ValueError(f"{value} is a known block type: use its model, so its rules apply")
        return value
