"""The server-side checks of every endpoint, written apart from the SDK's own validation.

The SDK validates arguments before it sends them; the emulator checks again, with rules written
here from the vendor pages, so a bug in the client's validation shows up as an API error in tests
instead of passing silently. Only the endpoint table (names and paths) is shared with the client.

Order of the checks, as the vendor examples imply: the body must be a JSON object
(``INVALID_JSON``), the ``access_key`` must match (``BAD_CREDENTIALS``, even when other parameters
are wrong), unknown parameters are named (``INVALID_JSON``), missing ones are reported
(``FIELD_IS_REQUIRED``, or ``INVALID_JSON`` on the Transfer and Call Control pages), then each
value is checked in the order of the vendor's parameter table.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, cast

from . import _errors
from ._errors import ApiFailure

__all__ = ["RULES", "checked_params", "is_call_uuid", "is_e164", "wire_time"]

_E164 = re.compile(r"\+[1-9][0-9]{1,14}")
# One "@", a local part without spaces, and a dotted domain of letters, digits and hyphens.
_EMAIL = re.compile(r"[^@\s]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
_CALL_UUID = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
)
_DTMF_KEYS = frozenset("0123456789*#")
_AGENT_STATES = frozenset({"READY", "NOT_READY"})
_DESTINATION_TYPES = frozenset({"EXTERNALNUMBER", "SIP_USER", "SIP_TRUNK"})
_DOCUMENT_TYPES = frozenset(
    {
        "ALLOCATION_NOTICE",
        "IDENTITY_CARD",
        "BUSINESS_LICENSE",
        "IDENTITY_CARD_AND_BUSINESS_LICENSE",
        "CERTIFICATE_OF_REGISTRATION",
        "CONTRACT",
    }
)
_NUMBER_TYPES = frozenset({"GEOGRAPHICAL"})
_FLAG_WORDS = frozenset({"true", "false"})

Check = Callable[[str, object], None]
"""Checks one parameter's value; raises ``ApiFailure`` naming the parameter."""


def is_e164(value: object) -> bool:
    """Whether ``value`` is a ``+`` E.164 phone number without spaces."""
    return isinstance(value, str) and _E164.fullmatch(value) is not None


def is_call_uuid(value: object) -> bool:
    """Whether ``value`` has the form of a call uuid (8-4-4-4-12 hex digits)."""
    return isinstance(value, str) and _CALL_UUID.fullmatch(value) is not None


def _text(name: str, value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise _errors.invalid_value(name)


def _phone_number(name: str, value: object) -> None:
    if not is_e164(value):
        raise _errors.invalid_value(name)


def _is_whole(value: object, least: int) -> bool:
    """An int, or a string of ASCII digits: the vendor pages type numbers such as ``delay`` and
    ``page`` as String, and the vendor's Java clients send every value as a string."""
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 16:
        value = int(value)
    return isinstance(value, int) and not isinstance(value, bool) and value >= least


def _whole_seconds(name: str, value: object) -> None:
    if not _is_whole(value, 0):
        raise _errors.invalid_value(name)


def _page_number(name: str, value: object) -> None:
    if not _is_whole(value, 1):
        raise _errors.invalid_value(name)


def _flag(name: str, value: object) -> None:
    # The Recording page types these "String" and describes them as Boolean: take both.
    if not isinstance(value, bool) and not (isinstance(value, str) and value in _FLAG_WORDS):
        raise _errors.invalid_value(name)


def wire_time(value: str) -> datetime:
    """A time as TENIOS reads it (ISO 8601 with a zone, e.g. ``2017-01-01T09:00:00.000Z``)."""
    moment = datetime.fromisoformat(value[:-1] + "+00:00" if value.endswith("Z") else value)
    if moment.tzinfo is None:
        raise ValueError("a time needs a zone")
    return moment


def _time(name: str, value: object) -> None:
    if not isinstance(value, str):
        raise _errors.invalid_value(name)
    try:
        wire_time(value)
    except ValueError:
        raise _errors.invalid_value(name) from None


def _one_of(choices: frozenset[str]) -> Check:
    def check(name: str, value: object) -> None:
        if value not in choices:
            raise _errors.invalid_value(name)

    return check


def _area_code(name: str, value: object) -> None:
    if not isinstance(value, str) or not (value.isascii() and value.isdigit()):
        raise _errors.invalid_value(name)
    if not 1 <= len(value) <= 5 or value.startswith("0"):
        raise _errors.invalid_value(name)


def _pdf_base64(name: str, value: object) -> None:
    if not isinstance(value, str):
        raise _errors.invalid_value(name)
    try:
        document = base64.b64decode(value, validate=True)
    except (ValueError, binascii.Error):
        raise _errors.invalid_value(name) from None
    if not document.startswith(b"%PDF-"):
        raise _errors.invalid_value(name)


def _https_url(name: str, value: object) -> None:
    if not isinstance(value, str) or not value.lower().startswith("https://") or " " in value:
        raise _errors.invalid_value(name)


def _sip_uri(name: str, value: object) -> None:
    # The Refer page: an empty or malformed sip_uri is INVALID_FIELD with the value quoted.
    text = value if isinstance(value, str) else ""
    scheme, _, rest = text.partition(":")
    if scheme.lower() not in ("sip", "sips") or not rest.strip() or " " in text:
        raise _errors.invalid_field(name, value)


def _dtmf_key(name: str, value: object) -> None:
    if not isinstance(value, str) or value not in _DTMF_KEYS:
        raise _errors.invalid_value(name)


def _callback_id(name: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise _errors.invalid_value(name)


def _email(name: str, value: object) -> None:
    if not isinstance(value, str):
        raise _errors.invalid_value(name)
    if _EMAIL.fullmatch(value) is None:
        raise _errors.invalid_email()


def _agent_state(name: str, value: object) -> None:
    if value not in _AGENT_STATES:
        raise _errors.invalid_value(name)


def _boolean(name: str, value: object) -> None:
    if not isinstance(value, bool):
        raise _errors.invalid_value(name)


def _skill_list(name: str, value: object) -> None:
    if not isinstance(value, list):
        raise _errors.invalid_value(name)
    for item in cast("list[object]", value):
        if not isinstance(item, dict):
            raise _errors.invalid_value(name)
        skill = cast("dict[str, object]", item)
        well_formed = (
            set(skill) == {"name", "has_skill"}
            and isinstance(skill["name"], str)
            and isinstance(skill["has_skill"], bool)
        )
        if not well_formed:
            raise _errors.invalid_value(name)


def _destination_type(name: str, value: object) -> None:
    if value not in _DESTINATION_TYPES:
        raise _errors.invalid_value(name)


def _call_uuid(name: str, value: object) -> None:
    if not is_call_uuid(value):
        raise _errors.invalid_field(name, value)


def _recorded_call_uuid(name: str, value: object) -> None:
    # The Recording page answers a malformed call_uuid ("a") with INVALID_VALUE.
    if not is_call_uuid(value):
        raise _errors.invalid_value(name)


@dataclass(frozen=True)
class Param:
    """One request parameter: its name, its check, and whether it must be present."""

    name: str
    check: Check
    required: bool = True


@dataclass(frozen=True)
class EndpointRules:
    """The parameters of one endpoint and the error a missing one gets."""

    params: tuple[Param, ...]
    missing: Callable[[str], ApiFailure] = _errors.field_is_required


def _missing_without_name(name: str) -> ApiFailure:
    # The Transfer and Call Control pages answer a missing parameter with a bare INVALID_JSON.
    return _errors.invalid_json()


_EMAIL_PARAM = Param("email", _email)
_CALL_UUID_PARAM = Param("call_uuid", _call_uuid)

RULES: Mapping[str, EndpointRules] = {
    "callback.init": EndpointRules(
        (
            Param("callback_config_id", _text),
            Param("callback_number", _phone_number),
            Param("agent_announcement", _text, required=False),
            Param("dtmf_key_to_trigger_customer_call", _dtmf_key, required=False),
            Param("delay", _whole_seconds),
        )
    ),
    "callback.status": EndpointRules((Param("id", _callback_id),)),
    "acd.retrieve_agent_state": EndpointRules((_EMAIL_PARAM,)),
    "acd.change_agent_state": EndpointRules(
        (_EMAIL_PARAM, Param("state", _agent_state), Param("nrr", _text, required=False))
    ),
    "acd.retrieve_user_details": EndpointRules((_EMAIL_PARAM,)),
    "acd.change_user_details": EndpointRules(
        (
            _EMAIL_PARAM,
            Param("cloud_acd_enabled", _boolean),
            Param("sip_enabled", _boolean),
            Param("external_number_enabled", _boolean),
            # Optional here: the SDK leaves a number it does not have out of the body.
            Param("external_number", _phone_number, required=False),
            Param("state", _agent_state),
            Param("user_skills", _skill_list),
        )
    ),
    "transfer.call": EndpointRules(
        (
            _CALL_UUID_PARAM,
            Param("destination_type", _destination_type),
            Param("destination", _text),
        ),
        missing=_missing_without_name,
    ),
    "call_control.interrupt_block": EndpointRules(
        (_CALL_UUID_PARAM,), missing=_missing_without_name
    ),
    "makecall.init": EndpointRules(
        (
            Param("destination_number", _phone_number),
            Param("tenios_number", _phone_number),
            Param("caller_id", _text, required=False),
            Param("callstate_info_url", _https_url, required=False),
        )
    ),
    "makecall.status": EndpointRules((Param("id", _callback_id),)),
    "recording.start": EndpointRules(
        (
            Param("call_uuid", _recorded_call_uuid),
            Param("record_caller", _flag, required=False),
            Param("record_callee", _flag, required=False),
        )
    ),
    "recording.stop": EndpointRules(
        # Not in the page's table, but in its example and every client: the call is sent too.
        (Param("call_uuid", _recorded_call_uuid), Param("recording_uuid", _text))
    ),
    "transfer.refer": EndpointRules(
        (_CALL_UUID_PARAM, Param("sip_uri", _sip_uri)), missing=_missing_without_name
    ),
    "monitoring.start": EndpointRules(
        (
            Param("supervisor_key", _text),
            _CALL_UUID_PARAM,
            Param("supervisor_destination", _text),
            Param("whisper_to_agent", _flag, required=False),
        )
    ),
    "monitoring.stop": EndpointRules((_CALL_UUID_PARAM,)),
    "acd.extend_wrap_up": EndpointRules((Param("agent_email", _email), Param("end_time", _time))),
    "acd.cancel_wrap_up": EndpointRules((Param("agent_email", _email),)),
    "cloud_pbx.page": EndpointRules(
        (Param("page", _page_number), Param("page_size", _page_number))
    ),
    "cdrs.page": EndpointRules(
        (
            Param("start_date_from", _time),
            Param("start_date_to", _time),
            Param("page", _page_number),
            Param("page_size", _page_number),
        )
    ),
    "cdrs.count": EndpointRules((Param("start_date_from", _time), Param("start_date_to", _time))),
    "numbers.create_verification": EndpointRules(
        (
            Param("country", _text),
            Param("city", _text),
            Param("zip", _text),
            Param("street", _text),
            Param("house_number", _text),
            Param("document_type", _one_of(_DOCUMENT_TYPES)),
            Param("document_data", _pdf_base64),
            Param("area_code", _area_code),
        )
    ),
    "numbers.order": EndpointRules(
        (
            Param("verification_id", _text),
            Param("number_type", _one_of(_NUMBER_TYPES)),
            Param("link_to_number", _phone_number, required=False),
            Param("push_url", _https_url, required=False),
            Param("push_secret", _text, required=False),
        )
    ),
    "numbers.cancel": EndpointRules((Param("phone_number", _phone_number),)),
}
"""The rules of each endpoint, by endpoint name (as in ``tenios._endpoints.ENDPOINTS``)."""


def _decode_object(body: bytes) -> dict[str, Any]:
    try:
        decoded: object = json.loads(body.decode("utf-8"))
    except (ValueError, RecursionError):  # not UTF-8, not JSON, or nested beyond reason
        raise _errors.invalid_json() from None
    if not isinstance(decoded, dict):
        raise _errors.invalid_json()
    return cast("dict[str, Any]", decoded)


def _key_matches(sent: object, access_key: str) -> bool:
    if not isinstance(sent, str):
        return False
    return hmac.compare_digest(sent.encode("utf-8"), access_key.encode("utf-8"))


def checked_params(endpoint: str, body: bytes, access_key: str) -> dict[str, Any]:
    """The parameters of a request to ``endpoint``, once every rule passed.

    Optional parameters sent as ``null`` count as absent and are left out of the result.

    Raises:
        ApiFailure: the first rule the request breaks.
    """
    rules = RULES[endpoint]
    data = _decode_object(body)
    if not _key_matches(data.get("access_key"), access_key):
        raise _errors.bad_credentials()
    known = {param.name for param in rules.params}
    unknown = [name for name in data if name != "access_key" and name not in known]
    if unknown:
        raise _errors.invalid_json(unknown)
    for param in rules.params:
        if param.required and data.get(param.name) is None:
            raise rules.missing(param.name)
    params: dict[str, Any] = {}
    for param in rules.params:
        value = data.get(param.name)
        if value is not None:
            param.check(param.name, value)
            params[param.name] = value
    return params
