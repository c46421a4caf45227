"""An independent statement of the documented argument rules (DESIGN §3, SPEC), for the fuzzers.

Each ``*_body`` function returns the JSON body a correct SDK sends for the given arguments, or
``None`` when the arguments break a rule (the SDK must then raise ``RequestValidationError`` and
send nothing). Written from the documents, not from the SDK's code, so that the two can disagree.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from datetime import datetime, timezone
from enum import Enum
from typing import Any, Optional, cast

import httpx

from tenios.types import UserSkill

Body = dict[str, Any]

MAX_JSON_INT = 2**53 - 1
"""Largest integer every JSON parser reads exactly (RFC 7493, I-JSON)."""

MAX_SECONDS = 1_000_000
"""Longest duration (timeouts, wait deadline, poll interval): sockets overflow near 1e10 s."""

_E164 = re.compile(r"\+[1-9][0-9]{1,14}")
AGENT_STATES = frozenset({"READY", "NOT_READY"})
DESTINATION_TYPES = frozenset({"EXTERNALNUMBER", "SIP_USER", "SIP_TRUNK"})
DTMF_KEYS = frozenset("0123456789*#")


class Invalid(Exception):
    """An argument breaks a documented rule."""


def text(value: object) -> str:
    """A string that can travel in a UTF-8 JSON body (no lone surrogates)."""
    if not isinstance(value, str):
        raise Invalid
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise Invalid from None
    return value


def non_blank(value: object) -> str:
    """A string with at least one non-space character."""
    checked = text(value)
    if not checked.strip():
        raise Invalid
    return checked


def e164(value: object) -> str:
    """``+`` and 2 to 15 ASCII digits, the first not 0; checked, never rewritten."""
    checked = text(value)
    if not _E164.fullmatch(checked):
        raise Invalid
    return checked


def email(value: object) -> str:
    """One ``@``, no white space, a non-empty local part, a dotted domain of non-empty labels."""
    checked = text(value)
    local, at, domain = checked.partition("@")
    labels = domain.split(".")
    if not at or not local or "@" in domain or len(labels) < 2 or not all(labels):
        raise Invalid
    if any(character.isspace() for character in checked):
        raise Invalid
    return checked


def whole_number(value: object) -> int:
    """An ``int`` (not a ``bool``) from 0 to ``MAX_JSON_INT``."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_JSON_INT:
        raise Invalid
    return value


def flag(value: object) -> bool:
    """A real ``bool``; ``1`` or ``"true"`` are not accepted."""
    if not isinstance(value, bool):
        raise Invalid
    return value


def member(value: object, allowed: frozenset[str]) -> str:
    """One of the documented values, as a plain string or a ``str`` enum member."""
    raw = value.value if isinstance(value, Enum) else value
    if not isinstance(raw, str) or raw not in allowed:
        raise Invalid
    return raw


def dtmf_key(value: object) -> str:
    """Exactly one of 0-9, * and #."""
    checked = text(value)
    if checked not in DTMF_KEYS:
        raise Invalid
    return checked


def callback_id(value: object) -> object:
    """A whole number as above, also given as ASCII digits (at most 16), sent as the number."""
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 16:
        value = int(value)
    return whole_number(value)


def skills(value: object) -> list[Body]:
    """A mapping of skill name to ``bool``, or a sequence of ``UserSkill``."""
    if isinstance(value, Mapping):
        items = list(cast("Mapping[object, object]", value).items())
    elif isinstance(value, (list, tuple)):
        given = cast("list[object]", value)
        if not all(isinstance(skill, UserSkill) for skill in given):
            raise Invalid
        items = [(skill.name, skill.has_skill) for skill in cast("list[UserSkill]", given)]
    else:
        raise Invalid
    return [{"name": non_blank(name), "has_skill": flag(has)} for name, has in items]


def optional(value: object, rule: Any) -> Optional[object]:
    """``None`` stays ``None`` (left out of the body); anything else must pass ``rule``."""
    return None if value is None else rule(value)


def without_none(body: Body) -> Body:
    """Optional arguments that were not given are left out, never sent as null."""
    return {key: value for key, value in body.items() if value is not None}


# -- per call ---------------------------------------------------------------------------------


def timeout_is_valid(value: object) -> bool:
    """Per-call ``timeout``: ``None``, an ``httpx.Timeout``, or seconds (see ``seconds``)."""
    if value is None or isinstance(value, httpx.Timeout):
        return True
    return seconds(value)


def seconds(value: object, *, allow_zero: bool = False) -> bool:
    """A duration: a number (not a bool) above 0 (or 0 when allowed), at most ``MAX_SECONDS``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return (value >= 0 if allow_zero else value > 0) and value <= MAX_SECONDS


def callback_init_body(a: Mapping[str, Any]) -> Body:
    """``/callback/init``."""
    return without_none(
        {
            "callback_config_id": non_blank(a["callback_config_id"]),
            "callback_number": e164(a["callback_number"]),
            "delay": whole_number(a["delay"]),
            "agent_announcement": optional(a["agent_announcement"], non_blank),
            "dtmf_key_to_trigger_customer_call": optional(
                a["dtmf_key_to_trigger_customer_call"], dtmf_key
            ),
        }
    )


def callback_status_body(a: Mapping[str, Any]) -> Body:
    """``/callback/status``."""
    return {"id": callback_id(a["id"])}


def email_body(a: Mapping[str, Any]) -> Body:
    """The two ``retrieve`` calls of the ACD API."""
    return {"email": email(a["email"])}


def change_agent_state_body(a: Mapping[str, Any]) -> Body:
    """``/acd/agent-state/change``."""
    return without_none(
        {
            "email": email(a["email"]),
            "state": member(a["state"], AGENT_STATES),
            "nrr": optional(a["nrr"], non_blank),
        }
    )


def change_user_details_body(a: Mapping[str, Any]) -> Body:
    """``/acd/details/user/change``: the whole record."""
    return without_none(
        {
            "email": email(a["email"]),
            "cloud_acd_enabled": flag(a["cloud_acd_enabled"]),
            "sip_enabled": flag(a["sip_enabled"]),
            "external_number_enabled": flag(a["external_number_enabled"]),
            "external_number": optional(a["external_number"], e164),
            "state": member(a["state"], AGENT_STATES),
            "user_skills": skills(a["user_skills"]),
        }
    )


def transfer_body(a: Mapping[str, Any]) -> Body:
    """``/transfer-call``; an ``EXTERNALNUMBER`` destination must be E.164."""
    destination_type = member(a["destination_type"], DESTINATION_TYPES)
    destination = non_blank(a["destination"])
    if destination_type == "EXTERNALNUMBER":
        e164(destination)
    return {
        "call_uuid": non_blank(a["call_uuid"]),
        "destination_type": destination_type,
        "destination": destination,
    }


def interrupt_body(a: Mapping[str, Any]) -> Body:
    """``/interrupt-ecc-block``."""
    return {"call_uuid": non_blank(a["call_uuid"])}


# -- the rest of the voice API (DESIGN §5) ----------------------------------------------------

DOCUMENT_TYPES = frozenset(
    {
        "ALLOCATION_NOTICE",
        "IDENTITY_CARD",
        "BUSINESS_LICENSE",
        "IDENTITY_CARD_AND_BUSINESS_LICENSE",
        "CERTIFICATE_OF_REGISTRATION",
        "CONTRACT",
    }
)


def https_url(value: object) -> str:
    """``https://`` (any case), a host, no white space."""
    checked = text(value)
    scheme, separator, rest = checked.partition("://")
    host = rest.split("/", 1)[0].split("?", 1)[0]
    if scheme.lower() != "https" or not separator or not host:
        raise Invalid
    if any(character.isspace() for character in checked):
        raise Invalid
    return checked


def sip_uri(value: object) -> str:
    """``sip:`` or ``sips:`` (any case), something after it, no white space."""
    checked = non_blank(value)
    scheme, colon, rest = checked.partition(":")
    if scheme.lower() not in ("sip", "sips") or not colon or not rest.strip():
        raise Invalid
    if any(character.isspace() for character in checked):
        raise Invalid
    return checked


def page_number(value: object) -> int:
    """A page number or size: a whole number from 1."""
    number = whole_number(value)
    if number < 1:
        raise Invalid
    return number


def aware_time(value: object) -> str:
    """An aware ``datetime``, sent in UTC with milliseconds and ``Z``."""
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise Invalid
    try:
        utc = value.astimezone(timezone.utc)
    except OverflowError:
        raise Invalid from None
    return (
        f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d}T"
        f"{utc.hour:02d}:{utc.minute:02d}:{utc.second:02d}.{utc.microsecond // 1000:03d}Z"
    )


def period(a: Mapping[str, Any]) -> Body:
    """``start_date_from`` to ``start_date_to``, in order."""
    start, end = aware_time(a["start_date_from"]), aware_time(a["start_date_to"])
    if a["start_date_from"] > a["start_date_to"]:
        raise Invalid
    return {"start_date_from": start, "start_date_to": end}


def makecall_init_body(a: Mapping[str, Any]) -> Body:
    """``/makecall/init``."""
    return without_none(
        {
            "destination_number": e164(a["destination_number"]),
            "tenios_number": e164(a["tenios_number"]),
            "caller_id": optional(a["caller_id"], non_blank),
            "callstate_info_url": optional(a["callstate_info_url"], https_url),
        }
    )


def recording_start_body(a: Mapping[str, Any]) -> Body:
    """``/record-call/start``."""
    return without_none(
        {
            "call_uuid": non_blank(a["call_uuid"]),
            "record_caller": optional(a["record_caller"], flag),
            "record_callee": optional(a["record_callee"], flag),
        }
    )


def recording_stop_body(a: Mapping[str, Any]) -> Body:
    """``/record-call/stop``: the call and the recording."""
    return {
        "call_uuid": non_blank(a["call_uuid"]),
        "recording_uuid": non_blank(a["recording_uuid"]),
    }


def refer_body(a: Mapping[str, Any]) -> Body:
    """``/refer-call``."""
    return {"call_uuid": non_blank(a["call_uuid"]), "sip_uri": sip_uri(a["sip_uri"])}


def listen_in_start_body(a: Mapping[str, Any]) -> Body:
    """``/call/listen-in/start``."""
    return without_none(
        {
            "call_uuid": non_blank(a["call_uuid"]),
            "supervisor_key": non_blank(a["supervisor_key"]),
            "supervisor_destination": non_blank(a["supervisor_destination"]),
            "whisper_to_agent": optional(a["whisper_to_agent"], flag),
        }
    )


def wrap_up_extend_body(a: Mapping[str, Any]) -> Body:
    """``/wrap-up/extend``: the agent goes as ``agent_email``."""
    return {"agent_email": email(a["email"]), "end_time": aware_time(a["end_time"])}


def wrap_up_cancel_body(a: Mapping[str, Any]) -> Body:
    """``/wrap-up/cancel``."""
    return {"agent_email": email(a["email"])}


def page_body(a: Mapping[str, Any]) -> Body:
    """``/cloud-pbx/list``."""
    return {"page": page_number(a["page"]), "page_size": page_number(a["page_size"])}


def cdrs_page_body(a: Mapping[str, Any]) -> Body:
    """``/cdrs/retrieve``."""
    return {**page_body(a), **period(a)}


def verification_body(a: Mapping[str, Any]) -> Body:
    """``/verification/create``: the PDF goes base64 as ``document_data``."""
    area = non_blank(a["area_code"])
    if not (area.isascii() and area.isdigit() and 1 <= len(area) <= 5) or area[0] == "0":
        raise Invalid
    document = a["document"]
    if not isinstance(document, bytes) or not document.startswith(b"%PDF-"):
        raise Invalid
    return {
        "country": non_blank(a["country"]),
        "city": non_blank(a["city"]),
        "zip": non_blank(a["zip"]),
        "street": non_blank(a["street"]),
        "house_number": non_blank(a["house_number"]),
        "area_code": area,
        "document_type": member(a["document_type"], DOCUMENT_TYPES),
        "document_data": base64.b64encode(document).decode("ascii"),
    }


def order_body(a: Mapping[str, Any]) -> Body:
    """``/number/order``."""
    return without_none(
        {
            "verification_id": non_blank(a["verification_id"]),
            "number_type": member(a["number_type"], frozenset({"GEOGRAPHICAL"})),
            "link_to_number": optional(a["link_to_number"], e164),
            "push_url": optional(a["push_url"], https_url),
            "push_secret": optional(a["push_secret"], non_blank),
        }
    )


def cancel_number_body(a: Mapping[str, Any]) -> Body:
    """``/number/cancel``."""
    return {"phone_number": e164(a["phone_number"])}


def call_uuid_body(a: Mapping[str, Any]) -> Body:
    """The calls that only name a call."""
    return {"call_uuid": non_blank(a["call_uuid"])}
