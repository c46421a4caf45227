# pyright: reportUnnecessaryTypeIgnoreComment=true
"""User-style code over the rest of the voice API: the types users get back (checked by mypy
--strict and pyright strict in ``make typecheck``), run against the emulator by pytest, on both
clients. See test_user_code.py for the conventions."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Iterator
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import TYPE_CHECKING, Optional, Union

import pytest

import tenios
from tenios.testing import (
    DEMO_CALL_UUID,
    DEMO_CDRS_COUNT,
    DEMO_CDRS_FROM,
    DEMO_CDRS_TO,
    DEMO_PHONE_NUMBER,
    DEMO_SUPERVISOR_KEY,
    DEMO_TENIOS_NUMBER,
    DEMO_VERIFICATION_ID,
    Emulator,
)

if sys.version_info >= (3, 11):
    from typing import assert_type
elif TYPE_CHECKING:
    from typing_extensions import assert_type
else:  # typing_extensions is not a dependency of tenios; at run time the check is a no-op

    def assert_type(value, _expected):
        return value


NUMBER = "+491234567890"
PERIOD = {"start_date_from": DEMO_CDRS_FROM, "start_date_to": DEMO_CDRS_TO}


def test_the_rest_of_the_api_returns_typed_models(tenios_client: tenios.TeniosClient) -> None:
    client = tenios_client
    call = client.makecall.init(destination_number=NUMBER, tenios_number=DEMO_TENIOS_NUMBER)
    assert_type(call.id, int)
    status = client.makecall.status(call.id)
    assert_type(status.status, Union[tenios.CallbackStatus, str])
    assert_type(status.is_terminal, bool)
    recording = client.recording.start(DEMO_CALL_UUID)
    assert_type(recording.recording_uuid, str)
    stopped = client.recording.stop(DEMO_CALL_UUID, recording_uuid=recording.recording_uuid)
    assert_type(stopped, tenios.SuccessResponse)
    assert_type(
        client.monitoring.start(
            DEMO_CALL_UUID, supervisor_key=DEMO_SUPERVISOR_KEY, supervisor_destination=NUMBER
        ).success,
        bool,
    )
    users = client.cloud_pbx.page(page_size=2)
    assert_type(users, tenios.Page[tenios.PbxUser])
    assert_type(users.items, list[tenios.PbxUser])
    assert_type(users.total_items, Optional[int])
    every_user = client.cloud_pbx.list()
    assert_type(every_user, Iterator[tenios.PbxUser])
    cdrs = client.cdrs.list(start_date_from=DEMO_CDRS_FROM, start_date_to=DEMO_CDRS_TO)
    assert_type(cdrs, Iterator[tenios.Cdr])
    cdr = next(cdrs)
    assert_type(cdr.cost, Optional[Decimal])
    assert_type(cdr.start_stamp, Optional[datetime])
    assert_type(cdr.call_type, Union[tenios.CdrCallType, str, None])
    assert_type(client.cdrs.count(start_date_from=DEMO_CDRS_FROM, start_date_to=DEMO_CDRS_TO), int)
    order = client.numbers.order(verification_id=DEMO_VERIFICATION_ID)
    assert_type(order.order_id, str)
    cancelled = client.numbers.cancel(DEMO_PHONE_NUMBER)
    assert_type(cancelled.cancellation_date, Optional[date])
    assert isinstance(cdr.cost, Decimal)


def test_misuse_is_flagged_and_refused(tenios_client: tenios.TeniosClient) -> None:
    with pytest.raises(tenios.RequestValidationError):
        tenios_client.numbers.order(verification_id="v", number_type="MOBILE")  # type: ignore[arg-type]
    with pytest.raises(tenios.RequestValidationError):
        tenios_client.cdrs.count(start_date_from="2026-11-01", start_date_to=DEMO_CDRS_TO)  # type: ignore[arg-type]
    with pytest.raises(tenios.RequestValidationError):
        tenios_client.cdrs.page(
            start_date_from=datetime(2026, 11, 1),  # naive: only the run time can tell
            start_date_to=datetime(2026, 12, 1, tzinfo=timezone.utc),
        )


async def _async_listing(emulator: Emulator) -> list[str]:
    async with emulator.async_client() as client:
        cdrs = client.cdrs.list(start_date_from=DEMO_CDRS_FROM, start_date_to=DEMO_CDRS_TO)
        assert_type(cdrs, AsyncIterator[tenios.Cdr])
        count = await client.cdrs.count(start_date_from=DEMO_CDRS_FROM, start_date_to=DEMO_CDRS_TO)
        assert_type(count, int)
        page = await client.cloud_pbx.page()
        assert_type(page, tenios.Page[tenios.PbxUser])
        return [cdr.uuid async for cdr in cdrs][:count]


def test_the_async_client_has_the_same_types(tenios_emulator: Emulator) -> None:
    import asyncio

    uuids = asyncio.run(_async_listing(tenios_emulator))
    assert len(uuids) == DEMO_CDRS_COUNT
