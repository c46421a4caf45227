"""Simulated calls POST the HTTPS-POST events of a call, shaped as on the vendor page (seed 001),
to a receiver on 127.0.0.1."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

import tenios
from tenios.testing import SIMULATED_CALLER, SIMULATED_DESTINATION, Emulator, ManualClock

from ._receiver import receiver

# The vendor page's HTTPS-POST examples (seed 001), as kept by the webhook tests.
HTTPS_POSTS = Path(__file__).resolve().parents[1] / "fixtures" / "webhooks" / "https_posts.json"
WEBHOOK_KEY = "my-webhook-key"
CUSTOMER = 200000
SEED_KEYS = {
    "CALL_START": {"requestType", "customerNumber", "accessKey", "variables"},
    "BLOCK_END": {"requestType", "customerNumber", "accessKey", "variables", "blockType"},
    "INITIATE_FORWARD": {
        "requestType",
        "customerNumber",
        "accessKey",
        "variables",
        "destination",
        "destinationType",
    },
    "FORWARD_ANSWER": {
        "requestType",
        "customerNumber",
        "accessKey",
        "variables",
        "destination",
        "destinationType",
    },
    "CALL_END": {"requestType", "customerNumber", "accessKey", "variables"},
}
VARIABLE_KEYS = ["destination_number", "correlation_id", "call_uuid", "caller_id_number"]


def test_a_call_posts_every_event_in_order_in_the_seed_shape() -> None:
    with Emulator() as emulator, receiver() as hook:
        call = emulator.simulate_call(
            hook.url,
            access_key=WEBHOOK_KEY,
            customer_number=CUSTOMER,
            blocks=["ANNOUNCEMENT", "COLLECT_DIGITS"],
            variables={"choice": "1"},
        )
    assert call.request_types == [
        "CALL_START",
        "BLOCK_END",
        "BLOCK_END",
        "INITIATE_FORWARD",
        "FORWARD_ANSWER",
        "CALL_END",
    ]
    assert hook.received == [delivery.payload for delivery in call.deliveries]
    for event in hook.received:
        assert set(event) == SEED_KEYS[event["requestType"]]
        assert (event["accessKey"], event["customerNumber"]) == (WEBHOOK_KEY, CUSTOMER)
        assert list(event["variables"]) == [*VARIABLE_KEYS, "choice"]
        assert event["variables"]["call_uuid"] == call.call_uuid
    assert [e["blockType"] for e in hook.received if "blockType" in e] == [
        "ANNOUNCEMENT",
        "COLLECT_DIGITS",
    ]
    assert hook.received[3]["destination"] == "+492212345678"
    assert hook.received[3]["destinationType"] == "EXTERNALNUMBER"
    assert all(d.status_code == 200 for d in call.deliveries)


def test_the_events_have_exactly_the_keys_of_the_vendor_examples() -> None:
    vectors = json.loads(HTTPS_POSTS.read_text(encoding="utf-8"))["examples"]
    seed = [v["payload"] for v in vectors if v["source"].startswith("shared/seeds/001")]
    assert {e["requestType"]: set(e) for e in seed} == SEED_KEYS
    assert all(list(e["variables"]) == VARIABLE_KEYS for e in seed)


def test_the_receiver_can_verify_with_the_sdk_and_transfer_the_live_call() -> None:
    with Emulator() as emulator:
        client = emulator.client()
        outcomes: list[str] = []

        def on_event(body: dict[str, Any]) -> tuple[int, bytes]:
            event = tenios.webhooks.parse_event(
                json.dumps(body), access_key=WEBHOOK_KEY, customer_number=CUSTOMER
            )
            if body["requestType"] == "FORWARD_ANSWER":
                answer = client.transfer.call(
                    body["variables"]["call_uuid"], destination_type="SIP_USER", destination="1001"
                )
                outcomes.append(f"transferred: {answer.success}")
            outcomes.append(type(event).__name__)
            return 204, b""

        with receiver(on_event) as hook:
            call = emulator.simulate_call(
                hook.url, access_key=WEBHOOK_KEY, customer_number=CUSTOMER, blocks=()
            )
        # The call ended with CALL_END: the API no longer knows it.
        with pytest.raises(tenios.CallNotFoundError):
            client.transfer.call(call.call_uuid, destination_type="SIP_USER", destination="1001")
    assert outcomes == [
        "CallStartEvent",
        "InitiateForwardEvent",
        "transferred: True",
        "ForwardAnswerEvent",
        "CallEndEvent",
    ]
    assert [d.status_code for d in call.deliveries] == [204] * 4


def test_before_forward_answer_the_call_cannot_be_transferred() -> None:
    with Emulator() as emulator:
        client = emulator.client()
        errors: list[str] = []

        def on_event(body: dict[str, Any]) -> tuple[int, bytes]:
            if body["requestType"] == "CALL_START":
                try:
                    client.transfer.call(
                        body["variables"]["call_uuid"],
                        destination_type="SIP_USER",
                        destination="1001",
                    )
                except tenios.APIError as exc:
                    errors.append(str(exc.error_code))
            return 200, b""

        with receiver(on_event) as hook:
            emulator.simulate_call(
                hook.url,
                access_key=WEBHOOK_KEY,
                customer_number=CUSTOMER,
                forward_destination=None,
                call_uuid="11111111-2222-4333-8444-555555555555",
            )
    assert errors == ["CALL_NOT_CONNECTED"]


def test_a_failing_receiver_is_recorded_and_an_absent_one_raises() -> None:
    with Emulator() as emulator:
        with receiver(lambda body: (500, b"boom")) as hook:
            call = emulator.simulate_call(
                hook.url, access_key=WEBHOOK_KEY, customer_number=CUSTOMER
            )
        assert {(d.status_code, d.response_text) for d in call.deliveries} == {(500, "boom")}
        assert len(call.deliveries) == 5  # TENIOS does not stop at an error answer
        with pytest.raises(httpx.ConnectError):
            emulator.simulate_call(hook.url, access_key=WEBHOOK_KEY, customer_number=CUSTOMER)


def test_every_simulated_call_leaves_cdr_legs_that_cdrs_finds_by_start_date() -> None:
    began = datetime.now(timezone.utc) - timedelta(seconds=1)
    until = began + timedelta(hours=1)
    with Emulator(clock=ManualClock()) as emulator, receiver() as hook:
        client = emulator.client()
        forwarded = emulator.simulate_call(
            hook.url, access_key=WEBHOOK_KEY, customer_number=CUSTOMER, talk_seconds=0.1
        )
        unanswered = emulator.simulate_call(
            hook.url,
            access_key=WEBHOOK_KEY,
            customer_number=CUSTOMER,
            forward_destination=None,
            caller_id_number="+4915112345678",
        )
        controlled = emulator.run_call_control(
            hook.url, access_key=WEBHOOK_KEY, customer_number=CUSTOMER, max_loops=1
        )
        legs = list(client.cdrs.list(start_date_from=began, start_date_to=until))
        assert client.cdrs.count(start_date_from=began, start_date_to=until) == 4

    inbound, forward, lone, control = legs
    assert (inbound.uuid, inbound.call_type) == (forwarded.call_uuid, tenios.CdrCallType.INBOUND)
    assert inbound.destination_number == SIMULATED_DESTINATION
    assert inbound.callerid_number == SIMULATED_CALLER
    assert inbound.cost == Decimal("0")
    assert forward.call_type is tenios.CdrCallType.FORWARD
    assert forward.main_leg_uuid == inbound.uuid
    assert inbound.bleg_uuid == forward.uuid
    assert forward.destination_number == "+492212345678"
    assert forward.billusec == 100_000  # from FORWARD_ANSWER to CALL_END
    assert forward.cost == Decimal("0.015")  # one started minute
    assert (lone.uuid, lone.callerid_number, lone.bleg_uuid) == (
        unanswered.call_uuid,
        "+4915112345678",
        None,
    )
    assert (control.uuid, control.call_type) == (controlled.call_uuid, tenios.CdrCallType.INBOUND)
    assert all(leg.start_stamp is not None and leg.start_stamp >= began for leg in legs)
