"""``client.numbers``: prove an address, order a phone number with it, cancel a number."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from .._endpoints import CANCEL_NUMBER, CREATE_VERIFICATION, ORDER_NUMBER
from .._methods import ApiCall, ModeT, api_method
from .._types import NOT_GIVEN, NotGiven, Timeout
from ._base import Resource

if TYPE_CHECKING:
    from ..types import (
        DocumentType,
        NumberCancelResponse,
        NumberOrderResponse,
        NumberType,
        VerificationResponse,
    )
    from ..types.enums import DocumentTypeName, NumberTypeName
    from ..types.numbers import Document


class Numbers(Resource[ModeT]):
    """The Number Order API."""

    @api_method
    def create_verification(
        self,
        *,
        country: str,
        city: str,
        zip: str,
        street: str,
        house_number: str,
        area_code: str,
        document_type: Union[DocumentType, DocumentTypeName],
        document: Document,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ApiCall[VerificationResponse]:
        """Send a PDF proving an address inside ``area_code`` (digits without the leading 0).

        ``document`` is the PDF's bytes or its path; it is sent base64-encoded. TENIOS checks it
        by hand: order with the verification id once it is approved. Never repeated once the
        request may have reached TENIOS.
        """
        return self._call(
            CREATE_VERIFICATION,
            timeout,
            {
                "country": country,
                "city": city,
                "zip": zip,
                "street": street,
                "house_number": house_number,
                "area_code": area_code,
                "document_type": document_type,
                "document": document,
            },
        )

    @api_method
    def order(
        self,
        *,
        verification_id: str,
        number_type: Union[NumberType, NumberTypeName] = "GEOGRAPHICAL",
        link_to_number: Optional[str] = None,
        push_url: Optional[str] = None,
        push_secret: Optional[str] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ApiCall[NumberOrderResponse]:
        """Order a number in the verified address's area; TENIOS posts to ``push_url`` when done.

        ``push_secret`` is a secret like the access key. Ordering costs money, so the call is
        never repeated once the request may have reached TENIOS.
        """
        return self._call(
            ORDER_NUMBER,
            timeout,
            {
                "verification_id": verification_id,
                "number_type": number_type,
                "link_to_number": link_to_number,
                "push_url": push_url,
                "push_secret": push_secret,
            },
        )

    @api_method
    def cancel(
        self, phone_number: str, *, timeout: Union[Timeout, NotGiven] = NOT_GIVEN
    ) -> ApiCall[NumberCancelResponse]:
        """Cancel one of the account's numbers. Never repeated once it may have reached TENIOS."""
        return self._call(CANCEL_NUMBER, timeout, {"phone_number": phone_number})
