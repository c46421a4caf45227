"""Reading what TENIOS sends to your server: decode, verify the sender, then validate.

Shared by `tenios.webhooks` (HTTPS-POST events) and `tenios.call_control` (Call Control
requests), which differ only in the model the verified payload is validated into.
"""

from __future__ import annotations

import hmac
import json
import sys
from collections.abc import Mapping
from enum import Enum
from typing import Annotated, Any, Callable, ClassVar, Optional, TypeVar, Union, overload

import pydantic_core
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
)
from pydantic.alias_generators import to_camel

from ._exceptions import WebhookPayloadError, WebhookVerificationError

__all__ = [
    "Body",
    "CallVariables",
    "InboundModel",
    "WholeNumber",
    "read_inbound",
]

Body = Union[bytes, str, Mapping[str, Any]]
"""A request body as a web framework hands it over: raw bytes, text, or already-decoded JSON."""

_M = TypeVar("_M", bound=BaseModel)
_E = TypeVar("_E", bound=Enum)


def _whole_number(value: object) -> object:
    # Lenient on purpose: TENIOS's own PHP test sends loopCount as a string. bool is an int subclass
    # and "1_0"/" 7 " are ints to pydantic's lax mode; none of them is a number TENIOS sends.
    if isinstance(value, bool):
        raise ValueError("must be a whole number, not a boolean")
    if isinstance(value, str):
        if not (value.isascii() and value.isdigit()):
            raise ValueError("must be a whole number or a string of digits")
        return int(value)
    return value


WholeNumber = Annotated[int, BeforeValidator(_whole_number), Field(ge=0)]
"""A whole number >= 0, also when sent as a string of digits (``"0"``)."""


class InboundModel(BaseModel):
    """A payload TENIOS sends: camelCase on the wire, snake_case attributes, unknown fields kept."""

    model_config: ClassVar[ConfigDict] = ConfigDict(
        extra="allow", populate_by_name=True, alias_generator=to_camel, defer_build=True
    )


class CallVariables(BaseModel):
    """The call's ``variables``: the documented keys as attributes, any other key kept.

    Other keys (variables you configured, digits collected by a ``COLLECT_DIGITS`` block) are read
    as text with `get`, or raw from ``model_extra``.
    """

    model_config: ClassVar[ConfigDict] = ConfigDict(extra="allow", defer_build=True)

    destination_number: Optional[str] = None
    """The number that was called (yours), e.g. ``+4922155400300``."""
    correlation_id: Optional[str] = None
    """An id that ties together the posts about one call."""
    call_uuid: Optional[str] = None
    """The call leg's uuid, as used by ``client.transfer.call`` and ``interrupt_block``."""
    caller_id_number: Optional[str] = None
    """The caller's number."""

    @overload
    def get(self, name: str) -> Optional[str]: ...
    @overload
    def get(self, name: str, default: str) -> str: ...
    def get(self, name: str, default: Optional[str] = None) -> Optional[str]:
        """The variable ``name`` as text (documented or not), or ``default`` when it was not sent.

        Variables are text on the wire (collected digits too: ``"007"`` keeps its zeros); a
        value sent as another JSON type is given as its JSON text (``5`` -> ``"5"``).
        """
        if name in type(self).model_fields:
            value: object = getattr(self, name)
        else:
            value = (self.model_extra or {}).get(name)
        if value is None:
            return default
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def read_inbound(
    body: Body,
    *,
    access_key: Optional[str],
    customer_number: Optional[int],
    model_for: Callable[[dict[str, Any]], type[_M]],
) -> _M:
    """Decode ``body``, verify ``accessKey``/``customerNumber``, then validate the fields.

    ``model_for`` picks the model from the decoded payload (it may raise ``WebhookPayloadError``).
    Raises ``WebhookPayloadError`` for a body that is not a JSON object or has fields of the wrong
    type, ``WebhookVerificationError`` when the sender cannot be trusted. The sender is checked
    before any field is validated, so an untrusted body never reaches the models.
    """
    data = _fast_json_object(body) if isinstance(body, bytes) else None
    if data is None:
        data = _decode_object(body)
    _verify_sender(data, access_key, customer_number)
    try:
        return _validate(model_for(data), data)
    except ValidationError as exc:
        # Built from locations and rules only: pydantic's own text quotes the input values.
        problems = "; ".join(
            f"{'.'.join(str(part) for part in error['loc']) or 'body'}: {error['msg']}"
            for error in exc.errors(include_url=False, include_input=False)
        )
        raise WebhookPayloadError(f"invalid payload: {problems}") from None


# Each model's pydantic-core validator, once the model is built: its validate_python method.
_validators: dict[type[BaseModel], Callable[[dict[str, Any]], Any]] = {}


def _validate(model: type[_M], data: dict[str, Any]) -> _M:
    """``model.model_validate(data)``, without pydantic's Python wrapper around the core validator.

    The wrapper costs about a tenth of a webhook's parse time. The first call for a model goes
    through it, which builds the deferred model the way every supported pydantic version does.
    """
    validate = _validators.get(model)
    if validate is None:
        instance = model.model_validate(data)
        _validators[model] = model.__pydantic_validator__.validate_python
        return instance
    validated: _M = validate(data)
    return validated


# pydantic-core parses JSON several times faster than json.loads. It refuses everything json.loads
# refuses (and a little more: a BOM, lone surrogates, deep nesting), so a body it refuses takes the
# json.loads path, which decides and words the error. Short bodies only: none can hold an int past
# Python's cap on digits, which json.loads enforces and pydantic-core does not know of.
_FAST_JSON_MAX_BYTES = 4096
_LOWEST_DIGITS_CAP = 640  # sys.int_info.str_digits_check_threshold: no cap can be set below it
# 0 means no cap; Pythons before 3.9.14 / 3.10.7 have none and no getter either.
_int_max_str_digits: Callable[[], int] = getattr(sys, "get_int_max_str_digits", lambda: 0)


def _fast_json_object(body: bytes) -> Optional[dict[str, Any]]:
    """The JSON object in ``body`` by pydantic-core's parser, or ``None`` to take the json path."""
    size = len(body)
    if size > _LOWEST_DIGITS_CAP and (
        size > _FAST_JSON_MAX_BYTES or size > (_int_max_str_digits() or size)
    ):
        return None
    try:
        data = pydantic_core.from_json(body, allow_inf_nan=False)
    except ValueError:
        return None
    # A freshly parsed object: its keys are strings and nobody else holds it, so no copy is needed.
    return data if isinstance(data, dict) else None  # pyright: ignore[reportUnknownVariableType]


def _decode_object(body: Body) -> dict[str, Any]:
    if isinstance(body, (bytes, bytearray, memoryview)):
        try:
            body = bytes(body).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise WebhookPayloadError("body is not valid UTF-8") from None
    if isinstance(body, str):
        try:
            body = json.loads(body, parse_constant=_refuse_constant)
        except (ValueError, RecursionError):  # JSONDecodeError is a ValueError, as are huge ints
            raise WebhookPayloadError("body is not valid JSON") from None
    if not isinstance(body, Mapping):
        raise WebhookPayloadError("body is not a JSON object")
    data: dict[Any, Any] = dict(body)  # pyright: ignore[reportUnknownArgumentType]
    if not all(isinstance(key, str) for key in data):
        raise WebhookPayloadError("body has a key that is not a string")
    return data


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


def _verify_sender(
    data: Mapping[str, Any], access_key: Optional[str], customer_number: Optional[int]
) -> None:
    if access_key is not None:
        if not isinstance(access_key, str):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise TypeError("access_key must be a str, or None to skip the check on purpose")
        if not access_key.strip():
            # A missing configuration value must never switch verification off.
            raise WebhookVerificationError(
                "access_key is empty: pass the configured key, or None to skip the check"
            )
        received = data.get("accessKey")
        # Bytes, not str: compare_digest refuses non-ASCII str with a TypeError.
        if not (
            isinstance(received, str)
            and hmac.compare_digest(
                received.encode("utf-8", "surrogatepass"),
                access_key.encode("utf-8", "surrogatepass"),
            )
        ):
            raise WebhookVerificationError("accessKey does not match: the sender is not trusted")
    if customer_number is not None and not _same_number(
        data.get("customerNumber"), customer_number
    ):
        raise WebhookVerificationError("customerNumber does not match: the sender is not trusted")


def _same_number(received: object, expected: int) -> bool:
    try:
        number = _whole_number(received)
        return isinstance(number, int) and hmac.compare_digest(
            str(number).encode(), str(expected).encode()
        )
    except ValueError:  # not a number, or too many digits to print
        return False
