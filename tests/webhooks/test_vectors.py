"""Every HTTPS-POST example of the vendor page (seed 001) and of reference §c.3 parses exactly."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tenios import DestinationType, webhooks

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "webhooks" / "https_posts.json"
EXAMPLES: list[dict[str, Any]] = json.loads(FIXTURE.read_text(encoding="utf-8"))["examples"]
PARAMS = [pytest.param(example, id=example["name"]) for example in EXAMPLES]


def wire(event: webhooks.WebhookEvent) -> dict[str, Any]:
    """The event as JSON again, with the wire names and only the fields that were sent."""
    return event.model_dump(mode="json", by_alias=True, exclude_unset=True)


def test_the_fixture_holds_every_example_of_seed_001_and_reference_c3() -> None:
    assert len(EXAMPLES) == 6
    seed_types = {e["payload"]["requestType"] for e in EXAMPLES if "001" in e["source"]}
    assert seed_types == {
        "CALL_START",
        "BLOCK_END",
        "CALL_END",
        "INITIATE_FORWARD",
        "FORWARD_ANSWER",
    }


@pytest.mark.parametrize("example", PARAMS)
def test_example_parses_to_its_event_class_and_back_to_the_same_json(
    example: dict[str, Any],
) -> None:
    payload = example["payload"]
    body = json.dumps(payload).encode()

    event = webhooks.parse_event(
        body, access_key=payload["accessKey"], customer_number=payload["customerNumber"]
    )

    assert type(event).__name__ == example["expect"]
    assert wire(event) == payload
    assert event.variables.call_uuid == payload["variables"]["call_uuid"]
    assert event.variables.caller_id_number == payload["variables"]["caller_id_number"]


@pytest.mark.parametrize("example", PARAMS)
def test_example_parses_the_same_from_bytes_text_and_a_decoded_object(
    example: dict[str, Any],
) -> None:
    payload = example["payload"]
    key = payload["accessKey"]

    from_bytes = webhooks.parse_event(json.dumps(payload).encode(), access_key=key)
    from_text = webhooks.parse_event(json.dumps(payload), access_key=key)
    from_object = webhooks.parse_event(payload, access_key=key)

    assert from_bytes == from_text == from_object


def test_event_specific_fields_are_typed() -> None:
    by_type = {e["payload"]["requestType"]: e["payload"] for e in EXAMPLES}

    block_end = webhooks.parse_event(by_type["BLOCK_END"], access_key="XXXXXXXXX")
    forward = webhooks.parse_event(by_type["INITIATE_FORWARD"], access_key="XXXXXXXXXX")
    answered = webhooks.parse_event(by_type["FORWARD_ANSWER"], access_key="XXXXXXXXXX")

    assert isinstance(block_end, webhooks.BlockEndEvent)
    assert block_end.block_type == "ANNOUNCEMENT"
    assert isinstance(forward, webhooks.InitiateForwardEvent)
    assert forward.destination == "+492212345678"
    assert forward.destination_type is DestinationType.EXTERNALNUMBER
    assert isinstance(answered, webhooks.ForwardAnswerEvent)
    assert answered.customer_number == 200000


def test_the_call_end_example_fails_a_customer_number_check_for_200000() -> None:
    # The vendor's CALL_END example says 20000 where the others say 200000: a receiver that
    # checks its customer number refuses it, as it should refuse any other customer's post.
    call_end = next(e["payload"] for e in EXAMPLES if e["payload"]["requestType"] == "CALL_END")

    with pytest.raises(webhooks.WebhookVerificationError, match="customerNumber"):
        webhooks.parse_event(call_end, access_key="XXXXXXXXX", customer_number=200000)
