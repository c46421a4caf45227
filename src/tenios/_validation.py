"""Argument rules shared by request models and call-control blocks.

Each checker returns the value unchanged or raises ``ValueError`` with the rule in words; the
caller names the field. Values are checked, never rewritten.
"""

from __future__ import annotations

import math
import re
from typing import Union

from ._exceptions import RequestValidationError

E164_RULE = "must be E.164, e.g. +491234567890"
EMAIL_RULE = "must be an e-mail address, e.g. agent@example.com"
DTMF_RULE = "must be one DTMF key: 0-9, * or #"

_E164 = re.compile(r"\+[1-9][0-9]{1,14}")
# Deliberately simple: one @, no spaces, a dot in the domain. TENIOS checks the rest.
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")
_DTMF_KEYS = frozenset("0123456789*#")


def check_e164(value: str) -> str:
    """Accept a ``+`` E.164 number without spaces or punctuation."""
    if not _E164.fullmatch(value):
        raise ValueError(E164_RULE)
    return value


def check_email(value: str) -> str:
    """Accept a syntactically plausible e-mail address."""
    if not _EMAIL.fullmatch(value):
        raise ValueError(EMAIL_RULE)
    return value


def check_dtmf_key(value: str) -> str:
    """Accept exactly one DTMF key."""
    if len(value) != 1 or value not in _DTMF_KEYS:
        raise ValueError(DTMF_RULE)
    return value


def check_not_blank(value: str) -> str:
    """Accept a string with at least one non-space character."""
    if not value.strip():
        raise ValueError("must not be blank")
    return value


def check_callback_id(value: object) -> Union[int, str]:
    """Accept a callback id as TENIOS hands it out: a whole number >= 0 or a non-blank string."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if isinstance(value, str) and value.strip():
        return value
    raise ValueError("must be a whole number >= 0 or a non-blank string")


def seconds_argument(name: str, value: object, *, allow_zero: bool = False) -> float:
    """A duration argument as float: finite seconds above 0 (or 0 when allowed), never a bool.

    Raises:
        RequestValidationError: naming ``name`` and the rule.
    """
    if (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
        and (value > 0 or (allow_zero and value == 0))
    ):
        return float(value)
    rule = ">= 0" if allow_zero else "> 0"
    raise RequestValidationError(
        f"{name} must be a number of seconds {rule}, not {value!r}", field=name
    )
