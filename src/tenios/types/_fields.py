"""Reusable annotated field types for request and response models."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, TypeVar, Union

from pydantic import AfterValidator, GetCoreSchemaHandler, StrictStr
from pydantic_core import core_schema

from .._validation import (
    check_dtmf_key,
    check_e164,
    check_email,
    check_https_url,
    check_not_blank,
)

E164Number = Annotated[StrictStr, AfterValidator(check_e164)]
"""A phone number in ``+`` E.164 form, checked but never rewritten."""

Email = Annotated[StrictStr, AfterValidator(check_email)]
"""An agent's e-mail address."""

DtmfKey = Annotated[StrictStr, AfterValidator(check_dtmf_key)]
"""One DTMF key: 0-9, * or #."""

NonBlankStr = Annotated[StrictStr, AfterValidator(check_not_blank)]
"""A string with at least one non-space character."""

_E = TypeVar("_E")


class _KnownMember:
    """For an open enum: a known value becomes its member, any other string stays as it is.

    Checked in pydantic's core, without a Python call (a page of CDRs holds one per item): the
    members first, then any string; a value of another type fails with the one error a plain
    string field gives, naming the field rather than each branch of the union.
    """

    def __init__(self, enum: type[Enum]) -> None:
        self.enum = enum

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.union_schema(
            [_members(self.enum), core_schema.str_schema(strict=True)],
            mode="left_to_right",
            custom_error_type="string_type",
        )


def _members(enum: type[Enum]) -> core_schema.CoreSchema:
    # Every enum of the SDK is a str enum. pydantic-core's enum validator (pydantic >= 2.7) looks
    # a string up faster than a literal of the members, which older versions fall back to.
    if hasattr(core_schema, "enum_schema"):
        return core_schema.enum_schema(enum, list(enum), sub_type="str")
    return core_schema.literal_schema(list(enum))  # pragma: no cover - pydantic 2.6


if TYPE_CHECKING:
    Open = Union[_E, str]
else:

    class Open:
        """``Open[E]``: an enum value that may be new (the API grows): the member when known,
        else the string as sent. Type checkers see ``E | str``."""

        def __class_getitem__(cls, enum: type[Enum]) -> object:
            return Annotated[str, _KnownMember(enum)]


HttpsUrl = Annotated[StrictStr, AfterValidator(check_https_url)]
"""An absolute ``https://`` URL that TENIOS will post to."""
