"""The rest of the voice API against the emulator over loopback: the state each call changes,
the errors a user meets, and the bodies the vendor's own example clients send."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import httpx
import pytest

import tenios
from tenios.testing import (
    DEMO_ACCESS_KEY,
    DEMO_AGENT_EMAIL,
    DEMO_CALL_UUID,
    DEMO_CALLBACK_CONFIG_ID,
    DEMO_CDRS_COUNT,
    DEMO_CDRS_FROM,
    DEMO_CDRS_TO,
    DEMO_PHONE_NUMBER,
    DEMO_SUPERVISOR_KEY,
    DEMO_TENIOS_NUMBER,
    DEMO_VERIFICATION_ID,
    REDACTED,
    Emulator,
)

NUMBER = "+491234567890"
PDF = b"%PDF-1.4\n% proof of address\n"
ADDRESS: dict[str, Any] = {
    "country": "Germany",
    "city": "Köln",
    "zip": "50667",
    "street": "Domkloster",
    "house_number": "4a",
    "area_code": "221",
    "document_type": tenios.DocumentType.ALLOCATION_NOTICE,
}


def test_a_makecall_runs_like_a_callback_and_leaves_two_cdr_legs(
    client: tenios.TeniosClient, emulator: Emulator
) -> None:
    started = datetime.now(timezone.utc) - timedelta(seconds=1)
    call = client.makecall.init(destination_number=NUMBER, tenios_number=DEMO_TENIOS_NUMBER)
    assert client.makecall.status(call.id).status is tenios.CallbackStatus.REQUESTED
    emulator.advance(7)
    assert client.makecall.status(call.id).status is tenios.CallbackStatus.CONNECTED
    emulator.advance(5)
    assert client.makecall.wait(call.id, timeout=5).status is tenios.CallbackStatus.DISCONNECTED

    legs = list(
        client.cdrs.list(
            start_date_from=started, start_date_to=datetime.now(timezone.utc) + timedelta(hours=1)
        )
    )
    assert [leg.destination_number for leg in legs] == [NUMBER, DEMO_TENIOS_NUMBER]
    first, second = legs
    assert first.call_type is tenios.CdrCallType.FORWARD
    assert second.main_leg_uuid == first.uuid
    assert first.bleg_uuid == second.uuid
    assert second.start_stamp is not None
    assert second.start_stamp.tzinfo is not None
    assert first.billusec == 5_000_000 + 3_000_000
    assert first.cost == Decimal("0.015")


def test_a_makecall_to_a_number_the_account_does_not_have_is_refused(
    client: tenios.TeniosClient,
) -> None:
    with pytest.raises(tenios.InvalidValueError) as caught:
        client.makecall.init(destination_number=NUMBER, tenios_number="+4930123456")
    assert caught.value.fields == ["tenios_number"]


def test_recordings_start_and_stop_on_a_live_call_only(
    client: tenios.TeniosClient, emulator: Emulator
) -> None:
    first = client.recording.start(DEMO_CALL_UUID)
    second = client.recording.start(DEMO_CALL_UUID, record_caller=False)
    assert first.recording_uuid != second.recording_uuid
    assert client.recording.stop(DEMO_CALL_UUID, recording_uuid=first.recording_uuid).success
    assert emulator.call(DEMO_CALL_UUID).recordings == {
        first.recording_uuid: False,
        second.recording_uuid: True,
    }
    with pytest.raises(tenios.APIError) as caught:  # stopped already
        client.recording.stop(DEMO_CALL_UUID, recording_uuid=first.recording_uuid)
    assert caught.value.error_code == "RECORDING_NOT_FOUND"
    emulator.end_call(DEMO_CALL_UUID)
    with pytest.raises(tenios.CallNotFoundError):
        client.recording.start(DEMO_CALL_UUID)


def test_a_refer_acts_on_a_live_call(client: tenios.TeniosClient, emulator: Emulator) -> None:
    client.transfer.refer(DEMO_CALL_UUID, sip_uri="sip:4044@198.51.100.7:5060;user=phone")
    assert emulator.call(DEMO_CALL_UUID).refers == ["sip:4044@198.51.100.7:5060;user=phone"]
    emulator.end_call(DEMO_CALL_UUID)
    with pytest.raises(tenios.CallNotFoundError):
        client.transfer.refer(DEMO_CALL_UUID, sip_uri="sip:4044@198.51.100.7")


def test_listening_in_needs_the_supervisor_key_and_an_allowed_destination(
    client: tenios.TeniosClient, emulator: Emulator
) -> None:
    with pytest.raises(tenios.AuthenticationError) as caught:
        client.monitoring.start(
            DEMO_CALL_UUID, supervisor_key="not-the-key", supervisor_destination=NUMBER
        )
    request = caught.value.request
    assert request is not None
    assert b"not-the-key" not in request.content
    assert "not-the-key" not in str(caught.value)
    emulator.blacklist_destination("+4915100000000")
    with pytest.raises(tenios.DestinationBlacklistedError):
        client.monitoring.start(
            DEMO_CALL_UUID,
            supervisor_key=DEMO_SUPERVISOR_KEY,
            supervisor_destination="+4915100000000",
        )
    client.monitoring.start(
        DEMO_CALL_UUID,
        supervisor_key=DEMO_SUPERVISOR_KEY,
        supervisor_destination=NUMBER,
        whisper_to_agent=True,
    )
    assert emulator.call(DEMO_CALL_UUID).listeners == [NUMBER]
    client.monitoring.stop(DEMO_CALL_UUID)
    assert emulator.call(DEMO_CALL_UUID).listeners == []
    journal = [entry.params for entry in emulator.requests_to("monitoring.start")]
    assert all(params["supervisor_key"] == REDACTED for params in journal)


def test_wrap_up_can_be_extended_and_cancelled_only_while_it_lasts(
    client: tenios.TeniosClient, emulator: Emulator
) -> None:
    later = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(minutes=5)
    with pytest.raises(tenios.AgentNotInWrapUpError):
        client.acd.extend_wrap_up(DEMO_AGENT_EMAIL, end_time=later)
    emulator.start_wrap_up(DEMO_AGENT_EMAIL, seconds=30)
    answer = client.acd.extend_wrap_up(DEMO_AGENT_EMAIL, end_time=later)
    assert answer.wrap_up_end_time == later
    assert emulator.wrap_up_ends_at(DEMO_AGENT_EMAIL) == later
    client.acd.cancel_wrap_up(DEMO_AGENT_EMAIL)
    assert emulator.wrap_up_ends_at(DEMO_AGENT_EMAIL) is None
    with pytest.raises(tenios.AgentNotInWrapUpError):
        client.acd.cancel_wrap_up(DEMO_AGENT_EMAIL)


def test_cloud_pbx_users_come_in_pages(client: tenios.TeniosClient, emulator: Emulator) -> None:
    first = client.cloud_pbx.page(page=1, page_size=2)
    assert (first.page, first.page_size, first.total_items, len(first.items)) == (1, 2, 3, 2)
    users = list(client.cloud_pbx.list(page_size=2))
    assert [user.email for user in users] == [user["email"] for user in emulator.pbx_users()]
    assert [entry.params["page"] for entry in emulator.requests_to("cloud_pbx.page")] == [1, 1, 2]


def test_the_demo_day_of_cdrs_is_listed_counted_and_paged_lazily(
    client: tenios.TeniosClient, emulator: Emulator
) -> None:
    assert client.cdrs.count(start_date_from=DEMO_CDRS_FROM, start_date_to=DEMO_CDRS_TO) == (
        DEMO_CDRS_COUNT
    )
    cdrs = client.cdrs.list(
        start_date_from=DEMO_CDRS_FROM, start_date_to=DEMO_CDRS_TO, page_size=50
    )
    assert emulator.requests_to("cdrs.page") == []  # nothing asked before the first item
    first = next(cdrs)
    assert len(emulator.requests_to("cdrs.page")) == 1
    rest = list(cdrs)
    assert len(rest) + 1 == DEMO_CDRS_COUNT
    assert len(emulator.requests_to("cdrs.page")) == 3  # 144 CDRs in pages of 50, no page beyond
    assert first.start_stamp == DEMO_CDRS_FROM
    assert all(isinstance(cdr.cost, Decimal) for cdr in rest)
    total = sum((cdr.cost for cdr in [first, *rest] if cdr.cost is not None), Decimal(0))
    assert total == sum(Decimal(str(c["cost"])) for c in _demo_costs(emulator))


def _demo_costs(emulator: Emulator) -> list[dict[str, Any]]:
    with httpx.Client(transport=emulator.transport()) as http:
        answer = http.post(
            "https://api.tenios.com/cdrs/retrieve",
            json={
                "access_key": emulator.access_key,
                "start_date_from": "2026-11-02T00:00:00.000Z",
                "start_date_to": "2026-11-03T00:00:00.000Z",
                "page": 1,
                "page_size": 1000,
            },
        )
    items: list[dict[str, Any]] = answer.json()["items"]
    return items


def test_a_number_is_ordered_with_an_approved_verification_and_cancelled(
    client: tenios.TeniosClient, emulator: Emulator, tmp_path: Any
) -> None:
    document = tmp_path / "proof.pdf"
    document.write_bytes(PDF)
    verification = client.numbers.create_verification(**ADDRESS, document=document)
    assert emulator.verification(verification.verification_id).status == "PENDING"
    with pytest.raises(tenios.APIError) as caught:
        client.numbers.order(verification_id=verification.verification_id)
    assert caught.value.error_code == "VERIFICATION_NOT_APPROVED"
    emulator.approve_verification(verification.verification_id)
    order = client.numbers.order(verification_id=verification.verification_id)
    assert order.order_id == "1"
    ordered = emulator.phone_numbers() - {DEMO_TENIOS_NUMBER, DEMO_PHONE_NUMBER}
    assert len(ordered) == 1
    cancelled = client.numbers.cancel(DEMO_PHONE_NUMBER)
    assert cancelled.cancellation_date is not None
    assert DEMO_PHONE_NUMBER not in emulator.phone_numbers()
    with pytest.raises(tenios.APIError) as gone:
        client.numbers.cancel(DEMO_PHONE_NUMBER)
    assert gone.value.error_code == "NUMBER_NOT_FOUND"
    emulator.reject_verification(DEMO_VERIFICATION_ID)
    with pytest.raises(tenios.APIError):
        client.numbers.order(verification_id=DEMO_VERIFICATION_ID)


# The vendor's example clients (teniosgmbh/tenios-api-examples), read and replayed: the Java
# ones put every value in a HashMap<String, String>, so numbers travel as strings; the PHP ones
# send JSON types. Placeholders are swapped for the emulator's demo values.
VENDOR_BODIES: list[tuple[str, str, dict[str, Any]]] = [
    (
        "callback-java",
        "/callback/init",
        {"callback_config_id": DEMO_CALLBACK_CONFIG_ID, "callback_number": NUMBER, "delay": "0"},
    ),
    ("callback-java", "/callback/status", {"id": "1"}),
    (
        "make-call-java",
        "/makecall/init",
        {"destination_number": NUMBER, "tenios_number": DEMO_TENIOS_NUMBER},
    ),
    ("make-call-java", "/makecall/status", {"id": "1"}),
    ("make-call-php", "/makecall/status", {"id": 1}),
    (
        "retrieve-cdrs-java",
        "/cdrs/retrieve",
        {
            "start_date_from": "2016-01-01T09:00:00.000Z",
            "start_date_to": "2027-01-01T09:00:00.000Z",
            "page": "1",
            "page_size": "10",
        },
    ),
    ("record-call-php", "/record-call/start", {"call_uuid": DEMO_CALL_UUID}),
    (
        "number-order-java",
        "/number/order",
        {"verification_id": DEMO_VERIFICATION_ID, "number_type": "GEOGRAPHICAL"},
    ),
]


@pytest.mark.parametrize(("example", "path", "params"), VENDOR_BODIES, ids=lambda v: str(v))
def test_the_vendor_example_clients_bodies_are_accepted(
    raw: httpx.Client, example: str, path: str, params: dict[str, Any]
) -> None:
    if path.endswith("/status"):  # the examples ask for the call they just placed
        init = path.replace("status", "init")
        started = next(p for _, q, p in VENDOR_BODIES if q == init)
        raw.post(init, json={"access_key": DEMO_ACCESS_KEY, **started})
    answer = raw.post(path, content=json.dumps({"access_key": DEMO_ACCESS_KEY, **params}))
    assert answer.status_code == 200, answer.text
    if path == "/number/order":
        assert isinstance(answer.json()["order_id"], int)  # the Java example casts to Integer
    if path == "/cdrs/retrieve":
        assert answer.json()["total_items"] == DEMO_CDRS_COUNT
