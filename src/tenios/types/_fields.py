"""Reusable annotated field types for request and response models."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, TypeVar, Union

from pydantic import AfterValidator, StrictStr

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
_M = TypeVar("_M", bound=Enum)


def known_member(enum: type[_M]) -> AfterValidator:
    """For an open enum: a known value becomes its member, any other string stays as it is.

    Used (through ``Open``) as ``Annotated[StrictStr, known_member(E)]`` rather than
    ``Union[E, str]``, whose errors name each branch of the union instead of the field.
    """

    members: dict[str, Union[_M, str]] = {str(member.value): member for member in enum}

    def convert(value: str) -> Union[_M, str]:
        return members.get(value, value)  # a dict lookup: this runs for every item of a page

    return AfterValidator(convert)


if TYPE_CHECKING:
    Open = Union[_E, str]
else:

    class Open:
        """``Open[E]``: an enum value that may be new (the API grows): the member when known,
        else the string as sent. Type checkers see ``E | str``."""

        def __class_getitem__(cls, enum: type[Enum]) -> object:
            return Annotated[StrictStr, known_member(enum)]


HttpsUrl = Annotated[StrictStr, AfterValidator(check_https_url)]
"""An absolute ``https://`` URL that TENIOS will post to."""
