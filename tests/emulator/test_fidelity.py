"""What a receiver's author reads from the emulator: every problem of a Call Control answer by
loop, block and attribute; records it no longer has; reprs without the receiver's key."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tenios.testing import (
    DEMO_CALL_UUID,
    CallControlProblem,
    Emulator,
    EmulatorLookupError,
)

from ._receiver import receiver

KEY = "receiver-secret-key"
CUSTOMER = 200000
# The vendor's own external-call-control-php answers (read from the example, not copied).
VENDOR_BRIDGE = {
    "blockType": "BRIDGE",
    "bridgeMode": "SEQUENTIAL",
    "destinations": [
        {"destinationType": "SIP_USER", "destination": "1003"},
        {"destinationType": "SIP_USER", "destination": "1004"},
    ],
}
VENDOR_ANNOUNCEMENT = {
    "blockType": "ANNOUNCEMENT",
    "announcementName": "My_Announcement",
    "standardAnnouncement": False,
}


def _answer(*blocks: dict[str, Any]) -> tuple[int, bytes]:
    return 200, json.dumps({"blocks": list(blocks)}).encode()


def test_the_vendors_own_sequential_bridge_is_accepted() -> None:
    def answer(request: dict[str, Any]) -> tuple[int, bytes]:
        return (
            _answer(VENDOR_BRIDGE, VENDOR_ANNOUNCEMENT)
            if request["loopCount"] == 0
            else (_answer())
        )

    with Emulator() as emulator, receiver(answer) as server:
        run = emulator.run_call_control(server.url, access_key=KEY, customer_number=CUSTOMER)
    assert run.problems == []
    assert run.ok
    assert run.ended_by == "EMPTY_BLOCKS"


def test_every_problem_is_reported_by_loop_block_and_wire_attribute() -> None:
    parallel = {**VENDOR_BRIDGE, "bridgeMode": "PARALLEL"}  # without blockTimeout
    sequential = {**VENDOR_BRIDGE, "blockTimeout": 30}  # with one
    misspelt = {"blockType": "SAY", "txt": "Hello", "voiceName": "en-us.female.1"}

    with (
        Emulator() as emulator,
        receiver(lambda r: _answer(parallel, sequential, misspelt)) as server,
    ):
        run = emulator.run_call_control(server.url, access_key=KEY, customer_number=CUSTOMER)

    assert not run.ok
    assert run.ended_by == "VALIDATION_ERRORS"
    assert run.problems == [
        CallControlProblem(0, 0, "blockTimeout", "is required when bridgeMode is PARALLEL"),
        CallControlProblem(
            0,
            1,
            "blockTimeout",
            "is not allowed when bridgeMode is SEQUENTIAL; give each destination its own timeout",
        ),
        CallControlProblem(0, 2, "text", "is required"),
        CallControlProblem(0, 2, "txt", "is not an attribute of a SAY block"),
    ]
    # TENIOS tells the receiver, as the emulator does, in one more request.
    reported = server.received[1]["blocksProcessingResult"]["validationErrors"]
    assert reported == [str(problem) for problem in run.problems]
    assert reported[3] == "loop 0, blocks[2].txt: is not an attribute of a SAY block"


def test_an_ended_call_says_so_instead_of_a_bare_key_error() -> None:
    with Emulator() as emulator:
        emulator.end_call(DEMO_CALL_UUID)
        with pytest.raises(EmulatorLookupError) as caught:
            emulator.call(DEMO_CALL_UUID)
    assert str(caught.value) == (
        f"the emulator has no active call '{DEMO_CALL_UUID}': it has ended or never began"
    )
    assert isinstance(caught.value, LookupError)


def test_reprs_of_runs_and_simulated_calls_hide_the_receivers_key() -> None:
    with Emulator() as emulator, receiver(lambda r: (200, b"")) as server:
        call = emulator.simulate_call(
            server.url, access_key=KEY, customer_number=CUSTOMER, forward_destination=None
        )
    with Emulator() as emulator, receiver(lambda r: _answer()) as server:
        run = emulator.run_call_control(server.url, access_key=KEY, customer_number=CUSTOMER)
    shown = repr(call) + repr(run) + repr(call.deliveries[0]) + repr(run.loops[0])
    assert KEY not in shown
    assert "[REDACTED]" in shown
    assert call.deliveries[0].payload["accessKey"] == KEY  # the data itself is as it was sent
