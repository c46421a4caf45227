"""Argument rules shared by request models and call-control blocks.

Each checker returns the value unchanged or raises ``ValueError`` with the rule in words; the
caller names the field. Values are checked, never rewritten.
"""

from __future__ import annotations

import math
import re
from typing import Optional

from ._exceptions import RequestValidationError

E164_RULE = "must be E.164, e.g. +491234567890"
EMAIL_RULE = "must be an e-mail address, e.g. agent@example.com"
DTMF_RULE = "must be one DTMF key: 0-9, * or #"
MAX_JSON_INT = 2**53 - 1
"""The largest whole number every JSON parser reads exactly (RFC 7493, I-JSON); beyond it ids
may be rounded to another callback's, and Python cannot even print the largest ints."""

MAX_SECONDS = 1_000_000.0
"""The longest duration accepted (about 11.6 days): sockets cannot wait much longer (CPython raises
``OverflowError`` near 1e10 s); ``None`` is how a timeout is switched off."""

HTTPS_RULE = "must be an https:// URL with a host, e.g. https://example.com/events"
TEXT_RULE = "must be text that can be sent as UTF-8 (it has a lone surrogate)"

_E164 = re.compile(r"\+[1-9][0-9]{1,14}")
# Deliberately simple: one @, no spaces, a dot in the domain. TENIOS checks the rest.
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")
_DTMF_KEYS = frozenset("0123456789*#")


def check_e164(value: str) -> str:
    """Accept a ``+`` E.164 number without spaces or punctuation."""
    if not _E164.fullmatch(value):
        raise ValueError(E164_RULE)
    return value


def check_text(value: str) -> str:
    """Accept a string that UTF-8 can encode: any text except lone surrogates (``"\\ud800"``)."""
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(TEXT_RULE) from None
    return value


def check_email(value: str) -> str:
    """Accept a syntactically plausible e-mail address."""
    if not _EMAIL.fullmatch(check_text(value)):
        raise ValueError(EMAIL_RULE)
    return value


def check_dtmf_key(value: str) -> str:
    """Accept exactly one DTMF key."""
    if len(value) != 1 or value not in _DTMF_KEYS:
        raise ValueError(DTMF_RULE)
    return value


def check_not_blank(value: str) -> str:
    """Accept text with at least one non-space character."""
    if not check_text(value).strip():
        raise ValueError("must not be blank")
    return value


def check_https_url(value: str) -> str:
    """Accept an absolute ``https://`` URL with a host (TENIOS posts only to HTTPS)."""
    scheme, separator, rest = check_text(value).partition("://")
    host = rest.split("/", 1)[0].split("?", 1)[0]
    if scheme.lower() != "https" or not separator or not host or any(c.isspace() for c in value):
        raise ValueError(HTTPS_RULE)
    return value


def check_callback_id(value: object) -> int:
    """Accept an id as TENIOS hands it out: a whole number from 0 to 2**53-1 (also as digits)."""
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 16:
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_JSON_INT:
        return value
    raise ValueError(f"must be a whole number from 0 to {MAX_JSON_INT}")


def seconds_argument(name: str, value: object, *, allow_zero: bool = False) -> float:
    """A duration argument as float: finite seconds above 0 (or 0 when allowed), never a bool.

    Raises:
        RequestValidationError: naming ``name`` and the rule.
    """
    seconds = _as_seconds(value)
    if seconds is not None and (seconds > 0 or (allow_zero and seconds == 0)):
        return seconds
    rule = ">= 0" if allow_zero else "> 0"
    raise RequestValidationError(
        f"{name} must be a number of seconds {rule} and at most {MAX_SECONDS:.0f}, "
        f"not {_short_repr(value)}",
        field=name,
    )


def _as_seconds(value: object) -> Optional[float]:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        seconds = float(value)
    except OverflowError:  # an int beyond float's range
        return None
    return seconds if math.isfinite(seconds) and seconds <= MAX_SECONDS else None


def _short_repr(value: object) -> str:
    try:
        text = repr(value)
    except ValueError:  # an int with more digits than Python will print
        return f"a {type(value).__name__} too large to print"
    return text if len(text) <= 40 else f"{text[:37]}..."


SIP_URI_RULE = "must be a SIP URI starting with sip: or sips:, e.g. sip:4044@198.51.100.7:5060"
AREA_CODE_RULE = "must be the area code's digits without the leading 0, e.g. 221"
PDF_RULE = "must be a PDF document (bytes or a file path) starting with %PDF-"
AWARE_RULE = "must be a timezone-aware datetime, e.g. datetime(2026, 11, 1, tzinfo=timezone.utc)"


def check_sip_uri(value: str) -> str:
    """Accept a ``sip:`` or ``sips:`` URI with something after the scheme and no spaces."""
    scheme, separator, rest = check_text(value).partition(":")
    if scheme.lower() not in ("sip", "sips") or not separator or not rest.strip():
        raise ValueError(SIP_URI_RULE)
    if any(c.isspace() for c in value):
        raise ValueError(SIP_URI_RULE)
    return value


def check_area_code(value: str) -> str:
    """Accept a German area code without its trunk prefix: 1 to 5 digits, not starting with 0."""
    if not (value.isascii() and value.isdigit() and 1 <= len(value) <= 5) or value[0] == "0":
        raise ValueError(AREA_CODE_RULE)
    return value
