"""Models of the CDR-Request API (``/cdrs/retrieve``, ``/cdrs/count``): one record per call leg."""

from __future__ import annotations

from decimal import Decimal
from typing import Optional

from pydantic import model_validator

from ._base import RequestModel, ResponseModel
from ._fields import Open
from ._times import AwareDatetime, ReceivedDatetime
from .enums import CdrCallType
from .pages import PageRequest

__all__ = ["Cdr", "CdrCountResponse", "CdrRangeRequest", "CdrsRetrieveRequest"]


class CdrRangeRequest(RequestModel):
    """A period of call starts: ``start_date_from`` to ``start_date_to``, both aware."""

    start_date_from: AwareDatetime
    start_date_to: AwareDatetime

    @model_validator(mode="after")
    def _ordered(self) -> CdrRangeRequest:
        if self.start_date_from > self.start_date_to:
            raise ValueError("start_date_from must not be after start_date_to")
        return self


class CdrsRetrieveRequest(PageRequest, CdrRangeRequest):
    """Arguments of ``/cdrs/retrieve``."""


class Cdr(ResponseModel):
    """One call leg's record. Every field but ``uuid`` may be missing; unknown ones are kept."""

    uuid: str
    call_type: Optional[Open[CdrCallType]] = None
    main_leg_uuid: Optional[str] = None
    """The leg this one belongs to (``None`` for an inbound leg)."""
    bleg_uuid: Optional[str] = None
    """The leg connected to this one."""
    callerid_name: Optional[str] = None
    callerid_number: Optional[str] = None
    destination_number: Optional[str] = None
    start_stamp: ReceivedDatetime = None
    answer_stamp: ReceivedDatetime = None
    end_stamp: ReceivedDatetime = None
    duration: Optional[float] = None
    """Seconds, ringing included."""
    billusec: Optional[int] = None
    """Billable microseconds."""
    hangup_cause: Optional[str] = None
    """Why the leg ended, e.g. ``NORMAL_CLEARING`` or ``USER_BUSY``."""
    prepaid: Optional[bool] = None
    cost: Optional[Decimal] = None
    """What the leg cost, in EUR, as TENIOS wrote it (pydantic reads a JSON number into a
    ``Decimal`` by its shortest form: ``0.07``, never ``0.0700000000000000066...``)."""


class CdrCountResponse(ResponseModel):
    """The answer of ``/cdrs/count``."""

    total_items: int
