"""Times on the wire: aware datetimes sent as UTC with milliseconds (``2017-01-01T09:00:00.000Z``)
and times received read as aware datetimes."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Annotated, Any, Optional

from pydantic import (
    AfterValidator,
    BeforeValidator,
    GetCoreSchemaHandler,
    PlainSerializer,
    Strict,
    WrapValidator,
)
from pydantic_core import core_schema

from .._validation import AWARE_RULE

if TYPE_CHECKING:
    from pydantic_core.core_schema import ValidatorFunctionWrapHandler

__all__ = ["AwareDatetime", "ReceivedDate", "ReceivedDatetime", "wire_time"]


def _in_utc(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(AWARE_RULE)
    try:
        return value.astimezone(timezone.utc)
    except OverflowError:  # datetime.max in a zone east of UTC, and the like
        raise ValueError("must lie between the years 1 and 9999 in UTC") from None


def wire_time(value: datetime) -> str:
    """``value`` (aware) as TENIOS reads times: UTC, milliseconds, ``Z``."""
    utc = value.astimezone(timezone.utc).replace(tzinfo=None)
    return utc.isoformat(timespec="milliseconds") + "Z"


AwareDatetime = Annotated[
    datetime,
    Strict(),
    AfterValidator(_in_utc),
    PlainSerializer(wire_time, return_type=str, when_used="json"),
]
"""A time argument: a timezone-aware ``datetime`` (a naive one is refused), sent in UTC."""


def _received_time(value: object, parse: ValidatorFunctionWrapHandler) -> Optional[datetime]:
    # One Python call per stamp (a page of CDRs has three per item): blank is None, naive is UTC.
    if value is None or value == "":
        return None
    moment: datetime = parse(value)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def _blank_is_none(value: object) -> object:
    return None if value == "" else value


class _AwareFirst:
    """Try a time with a zone (or null) in pydantic's core first (no Python call: a page of CDRs
    holds three stamps per item), and the lenient reading only for the rest, with one error
    message."""

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.union_schema(
            [
                core_schema.nullable_schema(core_schema.datetime_schema(tz_constraint="aware")),
                handler(source),
            ],
            mode="left_to_right",
            custom_error_type="received_time",
            custom_error_message="Input should be a time such as 2017-01-01T09:00:00.000Z, or empty",
        )


ReceivedDatetime = Annotated[Optional[datetime], WrapValidator(_received_time), _AwareFirst()]
"""A time in an answer: aware (UTC when TENIOS names no zone); an empty string reads as ``None``."""

ReceivedDate = Annotated[Optional[date], BeforeValidator(_blank_is_none)]
"""A date in an answer; an empty string reads as ``None``."""
