"""Every Call Control request and response example of reference §c parses or serialises exactly."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import pytest

from tenios import call_control as cc

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "call_control" / "examples.json"
DOCUMENT = json.loads(FIXTURE.read_text(encoding="utf-8"))
REQUESTS: list[dict[str, Any]] = DOCUMENT["requests"]
RESPONSES: list[dict[str, Any]] = DOCUMENT["responses"]


def test_the_fixture_holds_every_example_of_reference_c1_and_c2() -> None:
    assert [r["name"] for r in REQUESTS] == ["Example request at loop 0"]
    assert [r["name"] for r in RESPONSES] == [
        "BRIDGE, SEQUENTIAL",
        "BRIDGE, PARALLEL",
        "ANNOUNCEMENT",
        "No blocks: end the Call Control block",
    ]


@pytest.mark.parametrize("example", REQUESTS, ids=lambda e: e["name"])
def test_request_example_parses_and_dumps_back_to_the_same_json(example: dict[str, Any]) -> None:
    sent = example["payload"]

    request = cc.parse_request(
        json.dumps(sent, ensure_ascii=False).encode(),
        access_key=sent["accessKey"],
        customer_number=sent["customerNumber"],
    )

    assert request.model_dump(mode="json", by_alias=True, exclude_unset=True) == sent
    assert request.request_type == "EXTERNAL_CALL_CONTROL"
    assert request.loop_count == 0
    assert request.request_status is cc.RequestStatus.REQUESTING_BLOCKS
    assert request.call_control_uuid == "46250866-066f-4226-85a4-4047270b32e9"
    assert request.blocks_processing_result is None
    assert request.validation_errors == []
    assert request.variables.caller_id_number == "+492215540030"
    assert request.variables.get("callback_id") == "66195"


@pytest.mark.parametrize("example", RESPONSES, ids=lambda e: e["name"])
def test_response_example_parses_and_serialises_to_the_same_json(example: dict[str, Any]) -> None:
    published = example["response"]

    response = cc.CallControlResponse.model_validate(published)

    assert response.to_dict() == published
    assert json.loads(response.to_json()) == published


BUILT: dict[str, Callable[[], cc.CallControlResponse]] = {
    "BRIDGE, SEQUENTIAL": lambda: cc.CallControlResponse().bridge(
        [
            cc.Destination(destination="1001", destination_type="SIP_USER", timeout=25),
            cc.Destination(
                destination="+4978787878", destination_type="EXTERNALNUMBER", timeout=30
            ),
        ],
        bridge_mode="SEQUENTIAL",
    ),
    "BRIDGE, PARALLEL": lambda: cc.CallControlResponse().bridge(
        [
            cc.Destination(destination="1001", destination_type=cc.DestinationType.SIP_USER),
            cc.Destination(destination="+4978787878", destination_type="EXTERNALNUMBER"),
        ],
        bridge_mode=cc.BridgeMode.PARALLEL,
        block_timeout=50,
    ),
    "ANNOUNCEMENT": lambda: cc.CallControlResponse().announcement("MySpecialAnnouncement"),
    "No blocks: end the Call Control block": cc.CallControlResponse,
}


@pytest.mark.parametrize("example", RESPONSES, ids=lambda e: e["name"])
def test_the_builder_produces_each_response_example(example: dict[str, Any]) -> None:
    response = BUILT[example["name"]]()

    assert json.loads(response.to_json()) == example["response"]


def test_the_typed_blocks_of_the_examples() -> None:
    parallel = cc.CallControlResponse.model_validate(RESPONSES[1]["response"])

    (bridge,) = parallel.blocks
    assert isinstance(bridge, cc.Bridge)
    assert bridge.bridge_mode is cc.BridgeMode.PARALLEL
    assert bridge.block_timeout == 50
    assert [d.destination_type for d in bridge.destinations] == [
        cc.DestinationType.SIP_USER,
        cc.DestinationType.EXTERNALNUMBER,
    ]
