"""Models of the Number Order API: address verification, ordering and cancelling numbers."""

from __future__ import annotations

import base64
import os
from pathlib import Path
from typing import Annotated, Optional, Union, cast

from pydantic import AfterValidator, BeforeValidator, Field, PlainSerializer

from .._validation import PDF_RULE, check_area_code
from ._base import RequestModel, ResponseModel
from ._fields import E164Number, HttpsUrl, NonBlankStr
from ._times import ReceivedDate
from .enums import DocumentType, NumberType

__all__ = [
    "NumberCancelRequest",
    "NumberCancelResponse",
    "NumberOrderRequest",
    "NumberOrderResponse",
    "VerificationCreateRequest",
    "VerificationResponse",
    "pdf_bytes",
]

_PDF_MAGIC = b"%PDF-"


def pdf_bytes(document: object) -> bytes:
    """The bytes of ``document`` (bytes, or the path of a file), checked to be a PDF.

    Raises:
        ValueError: it is neither bytes nor a readable file, or not a PDF.
    """
    if isinstance(document, (bytes, bytearray)):
        data = bytes(document)
    elif isinstance(document, (str, os.PathLike)):
        path = Path(os.fspath(cast("Union[str, os.PathLike[str]]", document)))
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ValueError(
                f"{PDF_RULE}; the file {str(path)!r} cannot be read ({exc.strerror})"
            ) from None
    else:
        raise ValueError(PDF_RULE)
    if not data.startswith(_PDF_MAGIC):
        raise ValueError(PDF_RULE)
    return data


def _base64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


class VerificationCreateRequest(RequestModel):
    """Arguments of ``/verification/create``; ``document`` is sent base64 as ``document_data``."""

    country: NonBlankStr
    city: NonBlankStr
    zip: NonBlankStr
    street: NonBlankStr
    house_number: NonBlankStr
    area_code: Annotated[NonBlankStr, AfterValidator(check_area_code)]
    document_type: DocumentType
    document: Annotated[bytes, BeforeValidator(pdf_bytes), PlainSerializer(_base64)] = Field(
        repr=False, serialization_alias="document_data"
    )
    """The PDF's bytes (kept out of reprs: documents are large and personal)."""


class NumberOrderRequest(RequestModel):
    """Arguments of ``/number/order``. ``push_secret`` is a secret like the access key."""

    verification_id: NonBlankStr
    number_type: NumberType = NumberType.GEOGRAPHICAL
    link_to_number: Optional[E164Number] = None
    push_url: Optional[HttpsUrl] = None
    push_secret: Optional[NonBlankStr] = Field(default=None, repr=False)


class NumberCancelRequest(RequestModel):
    """Arguments of ``/number/cancel``."""

    phone_number: E164Number


def _digits_of_int(value: object) -> object:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class VerificationResponse(ResponseModel):
    """The answer of ``/verification/create``: the id to order numbers with once approved."""

    verification_id: str


class NumberOrderResponse(ResponseModel):
    """The answer of ``/number/order``."""

    order_id: Annotated[str, BeforeValidator(_digits_of_int)]
    """The order's id (its digits, when TENIOS sends a number)."""


class NumberCancelResponse(ResponseModel):
    """The answer of ``/number/cancel``."""

    cancellation_date: ReceivedDate = None
    """The day the number goes, when TENIOS says."""


Document = Union[bytes, str, "os.PathLike[str]"]
"""A PDF document: its bytes, or the path of the file."""
