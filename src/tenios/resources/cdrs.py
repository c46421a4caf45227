"""``client.cdrs``: call detail records (one per call leg) by the time their call started."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Union

from .._endpoints import COUNT_CDRS, RETRIEVE_CDRS
from .._methods import ApiCall, Items, ModeT, api_method, listing_method
from .._types import NOT_GIVEN, NotGiven, Timeout
from ._base import Resource

if TYPE_CHECKING:
    from ..types import Cdr, Page


class Cdrs(Resource[ModeT]):
    """The CDR-Request API. Times are timezone-aware datetimes; a naive one is refused."""

    @api_method
    def page(
        self,
        *,
        start_date_from: datetime,
        start_date_to: datetime,
        page: int = 1,
        page_size: int = 100,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ApiCall[Page[Cdr]]:
        """One page of the CDRs of calls started from ``start_date_from`` to ``start_date_to``."""
        return self._call(
            RETRIEVE_CDRS,
            timeout,
            {
                "start_date_from": start_date_from,
                "start_date_to": start_date_to,
                "page": page,
                "page_size": page_size,
            },
        )

    @listing_method
    def list(
        self,
        *,
        start_date_from: datetime,
        start_date_to: datetime,
        page_size: int = 100,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> Items[Cdr]:
        """Every CDR of the period, fetched a page at a time as you iterate (memory stays flat)."""
        return self._list(
            RETRIEVE_CDRS,
            timeout,
            {
                "start_date_from": start_date_from,
                "start_date_to": start_date_to,
                "page_size": page_size,
            },
        )

    @api_method
    def count(
        self,
        *,
        start_date_from: datetime,
        start_date_to: datetime,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ApiCall[int]:
        """How many CDRs the period holds."""
        answer = yield from self._call(
            COUNT_CDRS,
            timeout,
            {"start_date_from": start_date_from, "start_date_to": start_date_to},
        )
        return answer.total_items
