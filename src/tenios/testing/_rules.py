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

import hmac
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Callable, cast

from . import _errors
from ._errors import ApiFailure

__all__ = ["RULES", "checked_params", "is_call_uuid", "is_e164"]

_E164 = re.compile(r"\+[1-9][0-9]{1,14}")
# One "@", a local part without spaces, and a dotted domain of letters, digits and hyphens.
_EMAIL = re.compile(r"[^@\s]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
_CALL_UUID = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
)
_DTMF_KEYS = frozenset("0123456789*#")
_AGENT_STATES = frozenset({"READY", "NOT_READY"})
_DESTINATION_TYPES = frozenset({"EXTERNALNUMBER", "SIP_USER", "SIP_TRUNK"})

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


def _whole_seconds(name: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _errors.invalid_value(name)


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
