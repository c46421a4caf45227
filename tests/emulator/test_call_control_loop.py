"""The emulator drives a Call Control loop against a small test server, as TENIOS would."""

from __future__ import annotations

import json
from typing import Any

import pytest

import tenios
from tenios.call_control import CallControlResponse
from tenios.testing import Emulator

from ._receiver import receiver

KEY = "my-call-control-key"
CUSTOMER = 200000
SAY = {
    "blockType": "SAY",
    "text": "Press 1 for sales",
    "voiceName": "en-au.female.1",
    "useSsml": False,
}
COLLECT = {
    "blockType": "COLLECT_DIGITS",
    "standardAnnouncement": True,
    "announcementName": "Prompt",
    "standardErrorAnnouncement": True,
    "errorAnnouncementName": "Error",
    "variableName": "choice",
    "minDigits": 1,
    "maxDigits": 1,
    "terminator": "#",
    "maxTries": 3,
    "timeout": 10,
}


def _blocks(*blocks: dict[str, Any]) -> tuple[int, bytes]:
    return 200, json.dumps({"blocks": list(blocks)}).encode()


def test_a_menu_collects_a_digit_then_bridges_and_ends_with_no_blocks() -> None:
    def answer(request: dict[str, Any]) -> tuple[int, bytes]:
        parsed = tenios.call_control.parse_request(
            json.dumps(request), access_key=KEY, customer_number=CUSTOMER
        )
        if parsed.loop_count == 0:
            return _blocks(SAY, COLLECT)
        if parsed.loop_count == 1 and request["variables"].get("choice") == "1":
            response = CallControlResponse().bridge(
                [{"destination": "1001", "destinationType": "SIP_USER", "timeout": 20}],
                bridge_mode="SEQUENTIAL",
            )
            return 200, response.to_json()
        return _blocks()

    with Emulator() as emulator, receiver(answer) as server:
        run = emulator.run_call_control(
            server.url, access_key=KEY, customer_number=CUSTOMER, digits=["1"]
        )
    assert run.ended_by == "EMPTY_BLOCKS"
    assert [len(blocks) for blocks in run.blocks] == [2, 1, 0]
    assert run.blocks[1][0]["blockType"] == "BRIDGE"
    requests = server.received
    assert [r["loopCount"] for r in requests] == [0, 1, 2]
    assert {r["requestType"] for r in requests} == {"EXTERNAL_CALL_CONTROL"}
    assert {r["requestStatus"] for r in requests} == {"REQUESTING_BLOCKS"}
    assert len({r["callControlUuid"] for r in requests}) == 1
    assert requests[0]["blocksProcessingResult"] is None
    assert requests[1]["blocksProcessingResult"] == {"validationErrors": []}
    assert "choice" not in requests[0]["variables"]
    assert run.variables["choice"] == "1"
    assert run.variables["call_uuid"] == run.call_uuid


def test_the_loop_stops_after_max_loops() -> None:
    with Emulator() as emulator, receiver(lambda request: _blocks(SAY)) as server:
        run = emulator.run_call_control(
            server.url, access_key=KEY, customer_number=CUSTOMER, max_loops=4
        )
        with pytest.raises(ValueError, match="at least 1"):
            emulator.run_call_control(
                server.url, access_key=KEY, customer_number=CUSTOMER, max_loops=0
            )
    assert run.ended_by == "MAX_LOOPS"
    assert [loop.request["loopCount"] for loop in run.loops] == [0, 1, 2, 3]


def test_a_hangup_block_ends_the_call() -> None:
    hangup = {"blockType": "HANGUP", "hangupCause": "CALL_REJECTED"}
    with Emulator() as emulator, receiver(lambda request: _blocks(SAY, hangup)) as server:
        run = emulator.run_call_control(server.url, access_key=KEY, customer_number=CUSTOMER)
    assert (run.ended_by, len(run.loops)) == ("HANGUP", 1)


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        ((500, b"{}"), "loop 0: the answer had HTTP status 500, not 200"),
        ((200, b"<html>"), "loop 0: the answer is not JSON"),
        ((200, b'{"block": []}'), "loop 0: the answer is not a JSON object with a 'blocks' list"),
        ((200, b'{"blocks": [3]}'), "loop 0, blocks[0]: is not a JSON object"),
    ],
)
def test_an_invalid_answer_is_reported_back_once_as_validation_errors(
    answer: tuple[int, bytes], error: str
) -> None:
    with Emulator() as emulator, receiver(lambda request: answer) as server:
        run = emulator.run_call_control(server.url, access_key=KEY, customer_number=CUSTOMER)
    assert run.ended_by == "VALIDATION_ERRORS"
    assert run.loops[0].validation_errors[0] == error
    assert run.blocks == [[], []]
    follow_up = server.received[1]
    assert (follow_up["loopCount"], follow_up["requestStatus"]) == (1, "VALIDATION_ERRORS")
    assert follow_up["blocksProcessingResult"]["validationErrors"][0] == error


def test_the_call_can_be_interrupted_while_the_loop_runs() -> None:
    with Emulator() as emulator:
        client = emulator.client()
        answers: list[bool] = []

        def answer(request: dict[str, Any]) -> tuple[int, bytes]:
            if request["loopCount"] == 0:
                answers.append(
                    client.call_control.interrupt_block(request["variables"]["call_uuid"]).success
                )
                return _blocks(SAY)
            return _blocks()

        with receiver(answer) as server:
            run = emulator.run_call_control(
                server.url,
                access_key=KEY,
                customer_number=CUSTOMER,
                variables={"language": "de"},
            )
        assert answers == [True]
        assert run.variables["language"] == "de"
        with pytest.raises(tenios.CallNotFoundError):  # the loop is over, so is the call
            client.call_control.interrupt_block(run.call_uuid)


def test_without_input_a_collected_variable_stays_unset() -> None:
    def answer(request: dict[str, Any]) -> tuple[int, bytes]:
        return _blocks(COLLECT) if request["loopCount"] == 0 else _blocks()

    with Emulator() as emulator, receiver(answer) as server:
        run = emulator.run_call_control(server.url, access_key=KEY, customer_number=CUSTOMER)
    assert "choice" not in run.variables
    assert run.ended_by == "EMPTY_BLOCKS"
