"""Reusable annotated field types for request and response models."""

from __future__ import annotations

from typing import Annotated, TypeVar, Union

from pydantic import AfterValidator, Field, StrictStr

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

Open = Annotated[Union[_E, str], Field(union_mode="left_to_right")]
"""A received enum value: the enum member when known, else the raw string (the API will grow)."""

HttpsUrl = Annotated[StrictStr, AfterValidator(check_https_url)]
"""An absolute ``https://`` URL that TENIOS will post to."""
