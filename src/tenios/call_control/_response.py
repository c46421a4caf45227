"""``CallControlResponse``: the blocks your server answers a Call Control request with."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Optional, Union, cast

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, ValidationError

from .._exceptions import RequestValidationError
from ..types._invalid import checked_init, invalid_input
from ._blocks import (
    Announcement,
    Block,
    Bridge,
    CallSettings,
    CollectDigits,
    CollectSpeech,
    Destination,
    Hangup,
    RawBlock,
    Refer,
    RoutingPlan,
    Say,
)
from ._enums import BlockType

if TYPE_CHECKING:
    from ._blocks import BridgeModeArg
    from ._enums import HangupCause

__all__ = ["AnyBlock", "CallControlResponse"]

_BLOCK_CLASSES: dict[str, type[Block]] = {
    BlockType.BRIDGE.value: Bridge,
    BlockType.ANNOUNCEMENT.value: Announcement,
    BlockType.SAY.value: Say,
    BlockType.ROUTINGPLAN.value: RoutingPlan,
    BlockType.COLLECT_DIGITS.value: CollectDigits,
    BlockType.COLLECT_SPEECH.value: CollectSpeech,
    BlockType.HANGUP.value: Hangup,
    BlockType.CALL_SETTINGS.value: CallSettings,
    BlockType.REFER.value: Refer,
}
_RAW = "raw block"  # never a blockType: only a RawBlock object gets this tag, never a dict


def _block_tag(value: Any) -> Optional[str]:
    if isinstance(value, RawBlock):
        return _RAW
    if isinstance(value, Mapping):
        tag = value.get("blockType", value.get("block_type"))  # pyright: ignore[reportUnknownMemberType, reportUnknownVariableType]
    else:
        tag = getattr(value, "block_type", None)
    return tag if isinstance(tag, str) and tag in _BLOCK_CLASSES else None


AnyBlock = Annotated[
    Union[
        Annotated[Bridge, Tag("BRIDGE")],
        Annotated[Announcement, Tag("ANNOUNCEMENT")],
        Annotated[Say, Tag("SAY")],
        Annotated[RoutingPlan, Tag("ROUTINGPLAN")],
        Annotated[CollectDigits, Tag("COLLECT_DIGITS")],
        Annotated[CollectSpeech, Tag("COLLECT_SPEECH")],
        Annotated[Hangup, Tag("HANGUP")],
        Annotated[CallSettings, Tag("CALL_SETTINGS")],
        Annotated[Refer, Tag("REFER")],
        Annotated[RawBlock, Tag(_RAW)],
    ],
    Discriminator(
        _block_tag,
        custom_error_type="unknown_block_type",
        custom_error_message=(
            f"blockType must be one of {', '.join(BlockType)} "
            "(CallControlResponse.add_block takes a block the SDK does not know)"
        ),
    ),
]
"""Any call-flow block, chosen by ``blockType``; an unknown ``blockType`` is an error."""


class CallControlResponse(BaseModel):
    """The answer to a Call Control request: ``{"blocks": [...]}``, run in order.

    An empty list ends the Call Control block and the routing plan goes on. Build it from block
    objects, or fluently; each builder method checks its block at once and returns the response:

    ```python
    CallControlResponse().say("Welcome!", voice_name="en-us.female.1").hangup()
    ```
    """

    model_config: ClassVar[ConfigDict] = ConfigDict(extra="forbid", defer_build=True)

    blocks: list[AnyBlock] = Field(default_factory=list[AnyBlock])
    """The blocks, in the order TENIOS runs them."""

    if not TYPE_CHECKING:  # type checkers keep pydantic's typed signature of each model

        def __init__(self, **data: Any) -> None:
            """Check the blocks at once; a broken rule raises ``RequestValidationError``."""
            checked_init(super().__init__, data, "is not an attribute of a Call Control answer")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object TENIOS expects: camelCase names, nulls left out."""
        return {"blocks": [block.to_dict() for block in self.blocks]}

    def to_json(self) -> bytes:
        """The UTF-8 JSON body to answer with (``Content-Type: application/json``)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":")).encode()

    def add(self, block: Block) -> CallControlResponse:
        """Append a block object (``Say(...)``, ``Bridge(...)``, ...)."""
        if not isinstance(block, Block):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise TypeError(f"expected a block object, got {type(block).__name__}")
        self.blocks.append(cast(Any, block))  # each Block subclass is one of AnyBlock's
        return self

    def add_block(self, block: Mapping[str, Any]) -> CallControlResponse:
        """Append a block given as its wire JSON object.

        A known ``blockType`` is checked by its model; any other is sent as given (a
        ``RawBlock``, minus nulls): the escape hatch for blocks TENIOS adds before the SDK does.
        """
        if not isinstance(block, Mapping):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise RequestValidationError(
                f"block must be a JSON object (a mapping), not {type(block).__name__}",
                field="block",
            )
        block_type = block.get("blockType")
        model = _BLOCK_CLASSES.get(block_type) if isinstance(block_type, str) else None
        try:
            return self.add((model or RawBlock).model_validate(dict(block)))
        except ValidationError as exc:
            raise invalid_input(
                exc, unknown=f"is not an attribute of a {block_type} block"
            ) from None

    def bridge(
        self,
        destinations: Sequence[Union[Destination, Mapping[str, Any]]],
        *,
        bridge_mode: BridgeModeArg,
        block_timeout: Optional[int] = None,
    ) -> CallControlResponse:
        """Append a ``BRIDGE``: ``block_timeout`` for ``PARALLEL``, per-destination ``timeout``
        (optional) for ``SEQUENTIAL``."""
        return self.add(
            Bridge.from_wire(
                {
                    "bridge_mode": bridge_mode,
                    "destinations": list(destinations),
                    "block_timeout": block_timeout,
                }
            )
        )

    def announcement(
        self, announcement_name: str, *, standard_announcement: bool = False
    ) -> CallControlResponse:
        """Append an ``ANNOUNCEMENT`` of the portal (or a TENIOS standard one)."""
        return self.add(
            Announcement(
                announcement_name=announcement_name, standard_announcement=standard_announcement
            )
        )

    def say(self, text: str, *, voice_name: str, use_ssml: bool = False) -> CallControlResponse:
        """Append a ``SAY`` (text-to-speech)."""
        return self.add(Say(text=text, voice_name=voice_name, use_ssml=use_ssml))

    def routing_plan(self, routingplan_name: str) -> CallControlResponse:
        """Append a ``ROUTINGPLAN``: continue in a routing plan of the portal."""
        return self.add(RoutingPlan(routingplan_name=routingplan_name))

    def collect_digits(
        self,
        *,
        announcement_name: str,
        error_announcement_name: str,
        variable_name: str,
        min_digits: int,
        max_digits: int,
        terminator: str,
        max_tries: int,
        timeout: int,
        standard_announcement: bool = False,
        standard_error_announcement: bool = False,
    ) -> CallControlResponse:
        """Append a ``COLLECT_DIGITS``; the digits come back in ``variables[variable_name]``."""
        return self.add(
            CollectDigits.from_wire(
                {
                    "announcement_name": announcement_name,
                    "error_announcement_name": error_announcement_name,
                    "variable_name": variable_name,
                    "min_digits": min_digits,
                    "max_digits": max_digits,
                    "terminator": terminator,
                    "max_tries": max_tries,
                    "timeout": timeout,
                    "standard_announcement": standard_announcement,
                    "standard_error_announcement": standard_error_announcement,
                }
            )
        )

    def collect_speech(
        self,
        *,
        announcement_name: str,
        missing_input_announcement_name: str,
        language: str,
        variable_name: str,
        max_tries: int,
        standard_announcement: bool = False,
        standard_missing_input_announcement: bool = False,
    ) -> CallControlResponse:
        """Append a ``COLLECT_SPEECH``; the text comes back in ``variables[variable_name]``."""
        return self.add(
            CollectSpeech(
                announcement_name=announcement_name,
                missing_input_announcement_name=missing_input_announcement_name,
                language=language,
                variable_name=variable_name,
                max_tries=max_tries,
                standard_announcement=standard_announcement,
                standard_missing_input_announcement=standard_missing_input_announcement,
            )
        )

    def hangup(self, hangup_cause: Union[HangupCause, str, None] = None) -> CallControlResponse:
        """Append a ``HANGUP``, with an optional cause such as ``CALL_REJECTED``."""
        return self.add(Hangup(hangup_cause=hangup_cause))

    def call_settings(
        self, *, forward_ani: Optional[str] = None, **attributes: Any
    ) -> CallControlResponse:
        """Append a ``CALL_SETTINGS``; undocumented ``attributes`` go by their camelCase names."""
        return self.add(CallSettings.from_wire({"forward_ani": forward_ani, **attributes}))

    def refer(self, **attributes: Any) -> CallControlResponse:
        """Append a ``REFER`` (SIP trunk calls only); its attributes go by their camelCase names."""
        return self.add(Refer.from_wire(attributes))
