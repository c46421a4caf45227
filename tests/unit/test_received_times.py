"""Times in answers (CDR stamps, wrap-up ends) come out aware: UTC when TENIOS names no zone,
``None`` when blank, and a malformed one is a ``ResponseValidationError`` naming the field."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, Optional

import httpx
import pytest
import respx

import tenios

FROM = datetime(2026, 11, 2, tzinfo=timezone.utc)
TO = FROM + timedelta(days=1)


@pytest.fixture
def client(either_client: tenios.TeniosClient) -> tenios.TeniosClient:
    """Every test of this module runs on both clients (tests/_sides.py)."""
    return either_client


def _one_cdr(api: respx.MockRouter, **stamps: Any) -> None:
    item = {"uuid": "leg-1", **stamps}
    answer = {"items": [item], "page": 1, "page_size": 10, "total_items": 1}
    api.post("/cdrs/retrieve").mock(return_value=httpx.Response(200, json=answer))


@pytest.mark.parametrize(
    ("sent", "read"),
    [
        ("2026-11-02T09:00:00.000Z", datetime(2026, 11, 2, 9, tzinfo=timezone.utc)),
        ("2026-11-02 09:00:00", datetime(2026, 11, 2, 9, tzinfo=timezone.utc)),  # no zone: UTC
        (
            "2026-11-02T10:00:00+01:00",
            datetime(2026, 11, 2, 10, tzinfo=timezone(timedelta(hours=1))),
        ),
        ("", None),
        (None, None),
    ],
)
def test_a_stamp_is_read_as_an_aware_time_or_none(
    api: respx.MockRouter, client: tenios.TeniosClient, sent: object, read: Optional[datetime]
) -> None:
    _one_cdr(api, start_stamp=sent, answer_stamp=sent, end_stamp=sent)
    (cdr,) = client.cdrs.page(start_date_from=FROM, start_date_to=TO).items
    assert cdr.start_stamp == read
    assert (cdr.answer_stamp, cdr.end_stamp) == (read, read)
    if cdr.start_stamp is not None and read is not None:
        assert cdr.start_stamp.utcoffset() == read.utcoffset()  # the zone as sent, never naive


def test_a_malformed_stamp_is_a_response_validation_error_naming_the_field(
    api: respx.MockRouter, client: tenios.TeniosClient
) -> None:
    _one_cdr(api, start_stamp="2026-11-02T09:00:00.000Z", end_stamp="yesterday")
    with pytest.raises(tenios.ResponseValidationError) as caught:
        client.cdrs.page(start_date_from=FROM, start_date_to=TO)
    assert "items.0.end_stamp: Input should be a time such as 2017-01-01T09:00:00.000Z" in str(
        caught.value
    )
    assert "start_stamp" not in str(caught.value)
