"""A bridged makecall runs its TENIOS number's routing plan: the Call Control loop and the
HTTPS-POST events, carrying ``callback_id`` and ``callback_bleg_uuid``, against receivers on
127.0.0.1 (tenios-api.md §b.2 and the makecall page's Call Control example)."""

from __future__ import annotations

import json
import socket
import threading
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

import tenios
from tenios.testing import (
    DEMO_PHONE_NUMBER,
    DEMO_TENIOS_NUMBER,
    Emulator,
    EmulatorLookupError,
    RoutedCall,
)

from ._receiver import receiver

KEY = "my-routing-key"
CUSTOMER = 200000
CUSTOMER_PHONE = "+491234567890"
GREETING = {"blockType": "ANNOUNCEMENT", "standardAnnouncement": True, "announcementName": "Hi"}
ROUTING_VARIABLES = {
    "destination_number",
    "correlation_id",
    "call_uuid",
    "caller_id_number",
    "callback_id",
    "callback_bleg_uuid",
}


def greet_then_end(request: dict[str, Any]) -> tuple[int, bytes]:
    """A Call Control receiver: an announcement at loop 0, then no more blocks."""
    blocks = [GREETING] if request["loopCount"] == 0 else []
    return 200, json.dumps({"blocks": blocks}).encode()


@pytest.fixture
def client(emulator: Emulator) -> tenios.TeniosClient:
    return emulator.client(max_retries=0)


def _route(emulator: Emulator, **plan: Any) -> None:
    """Give the demo number a routing plan whose receivers check ``KEY`` and ``CUSTOMER``."""
    emulator.set_routing_plan(DEMO_TENIOS_NUMBER, access_key=KEY, customer_number=CUSTOMER, **plan)


def _place(client: tenios.TeniosClient, tenios_number: str = DEMO_TENIOS_NUMBER) -> int:
    return client.makecall.init(destination_number=CUSTOMER_PHONE, tenios_number=tenios_number).id


def test_a_bridged_makecall_runs_call_control_and_events_with_its_id_and_b_leg(
    emulator: Emulator, client: tenios.TeniosClient
) -> None:
    began = datetime.now(timezone.utc) - timedelta(seconds=1)
    with receiver(greet_then_end) as control, receiver() as hooks:
        _route(emulator, call_control_url=control.url, webhook_url=hooks.url)
        makecall_id = _place(client)
        emulator.advance(6)  # CALLING_B: not bridged yet
        assert control.received == []
        emulator.advance(1)  # CONNECTED
        routed = emulator.routed_call(makecall_id, timeout=5)

    makecall = emulator.makecall(makecall_id)
    assert routed.error is None
    assert (routed.call_uuid, routed.bleg_uuid) == (makecall.call_uuid, makecall.bleg_uuid)
    first = control.received[0]
    parsed = tenios.call_control.parse_request(
        json.dumps(first), access_key=KEY, customer_number=CUSTOMER
    )
    assert set(first["variables"]) == ROUTING_VARIABLES
    assert parsed.variables.get("callback_id") == str(makecall_id)
    assert parsed.variables.get("callback_bleg_uuid") == makecall.bleg_uuid
    assert parsed.variables.get("call_uuid") == makecall.call_uuid
    assert parsed.variables.get("destination_number") == DEMO_TENIOS_NUMBER
    assert parsed.variables.get("caller_id_number") == CUSTOMER_PHONE
    assert routed.call_control is not None
    assert routed.call_control.ok
    assert [loop.request["loopCount"] for loop in routed.call_control.loops] == [0, 1]

    assert routed.request_types == ["CALL_START", "BLOCK_END", "CALL_END"]
    assert hooks.received == [delivery.payload for delivery in routed.deliveries]
    assert hooks.received[1]["blockType"] == "ANNOUNCEMENT"
    for event in hooks.received:
        event_parsed = tenios.webhooks.parse_event(
            json.dumps(event), access_key=KEY, customer_number=CUSTOMER
        )
        assert event_parsed.variables.get("callback_id") == str(makecall_id)

    assert makecall.routing_state == "DONE"
    emulator.advance(5)
    assert client.makecall.status(makecall_id).status is tenios.CallbackStatus.DISCONNECTED
    legs = list(client.cdrs.list(start_date_from=began, start_date_to=began + timedelta(hours=1)))
    assert [(leg.uuid, leg.destination_number) for leg in legs] == [
        (makecall.call_uuid, CUSTOMER_PHONE),
        (makecall.bleg_uuid, DEMO_TENIOS_NUMBER),
    ]


def test_the_makecall_stays_connected_and_live_until_its_routing_plan_has_run(
    emulator: Emulator, client: tenios.TeniosClient
) -> None:
    in_loop = threading.Event()
    release = threading.Event()

    def slow(request: dict[str, Any]) -> tuple[int, bytes]:
        in_loop.set()
        release.wait(5)
        return greet_then_end(request)

    began = datetime.now(timezone.utc) - timedelta(seconds=1)
    with receiver(slow) as control:
        _route(emulator, call_control_url=control.url)
        makecall_id = _place(client)
        emulator.advance(7)
        assert in_loop.wait(5)
        emulator.advance(120)  # far past the timeline's DISCONNECTED
        assert client.makecall.status(makecall_id).status is tenios.CallbackStatus.CONNECTED
        assert emulator.makecall(makecall_id).routing_state == "RUNNING"
        call_uuid = emulator.makecall(makecall_id).call_uuid
        recording = client.recording.start(call_uuid=call_uuid)  # the call is live
        assert recording.recording_uuid in emulator.call(call_uuid).recordings
        assert (
            client.cdrs.count(start_date_from=began, start_date_to=began + timedelta(hours=1)) == 0
        )
        release.set()
        emulator.routed_call(makecall_id, timeout=5)

    assert client.makecall.status(makecall_id).status is tenios.CallbackStatus.DISCONNECTED
    with pytest.raises(tenios.CallNotFoundError):
        client.recording.stop(call_uuid=call_uuid, recording_uuid=recording.recording_uuid)
    first, _ = client.cdrs.list(start_date_from=began, start_date_to=began + timedelta(hours=1))
    assert first.duration is not None
    assert first.duration >= 126  # from CALLING_A to the end of the routing plan


@pytest.mark.parametrize("failure", ["CALL_A_FAILED", "CALL_B_FAILED"])
def test_a_makecall_that_fails_before_it_is_bridged_runs_no_routing_plan(
    emulator: Emulator, client: tenios.TeniosClient, failure: str
) -> None:
    with receiver(greet_then_end) as control:
        _route(emulator, call_control_url=control.url)
        emulator.script_callback_failure(failure)
        makecall_id = _place(client)
        emulator.advance(30)
        routed = emulator.routed_call(makecall_id, timeout=5)
    assert routed.error == f"never bridged: the makecall ended {failure}"
    assert routed.call_control is None
    assert control.received == []
    assert client.makecall.status(makecall_id).status == failure


def _unused_port() -> int:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        return int(unused.getsockname()[1])


@pytest.mark.parametrize(
    ("settings", "error"),
    [
        pytest.param(
            {"webhook_url": f"http://127.0.0.1:{_unused_port()}/hooks", "timeout": 1.0},
            "a receiver did not answer: ConnectError",
            id="unreachable",
        ),
        pytest.param(
            {"webhook_url": "https://127.0.0.1:9/hooks", "verify": "/nonexistent/ca.pem"},
            "the routing plan failed: FileNotFoundError",
            id="unreadable-ca-bundle",
        ),
    ],
)
def test_a_plan_that_fails_is_reported_and_the_makecall_still_ends(
    emulator: Emulator, client: tenios.TeniosClient, settings: dict[str, Any], error: str
) -> None:
    _route(emulator, **settings)
    makecall_id = _place(client)
    emulator.advance(7)
    routed = emulator.routed_call(makecall_id, timeout=5)
    assert routed.error is not None
    assert routed.error.startswith(error)
    emulator.advance(5)
    assert client.makecall.status(makecall_id).status is tenios.CallbackStatus.DISCONNECTED


def test_only_makecalls_to_the_routed_number_placed_after_the_plan_are_routed(
    emulator: Emulator, client: tenios.TeniosClient
) -> None:
    before = _place(client)
    with receiver(greet_then_end) as control:
        _route(emulator, call_control_url=control.url)
        other_number = _place(client, DEMO_PHONE_NUMBER)
        routed = _place(client)
        emulator.advance(7)
        emulator.routed_call(routed, timeout=5)
    assert [r["variables"]["callback_id"] for r in control.received] == [str(routed)] * 2
    for unrouted in (before, other_number):
        with pytest.raises(EmulatorLookupError, match="has no routing plan"):
            emulator.routed_call(unrouted)
        assert emulator.makecall(unrouted).routing_state is None


def test_routing_plans_are_checked_when_given(emulator: Emulator) -> None:
    with pytest.raises(ValueError, match="not a number of the emulated account"):
        emulator.set_routing_plan(
            "+4930123456", access_key=KEY, customer_number=CUSTOMER, webhook_url="http://x"
        )
    with pytest.raises(ValueError, match="call_control_url, a webhook_url or both"):
        emulator.set_routing_plan(DEMO_TENIOS_NUMBER, access_key=KEY, customer_number=CUSTOMER)
    with pytest.raises(ValueError, match="access_key must not be empty"):
        emulator.set_routing_plan(
            DEMO_TENIOS_NUMBER, access_key="", customer_number=CUSTOMER, webhook_url="http://x"
        )
    with pytest.raises(ValueError, match="max_loops must be at least 1"):
        _route(emulator, call_control_url="http://x", max_loops=0)
    with pytest.raises(EmulatorLookupError):
        emulator.routed_call(404)


def test_waiting_for_a_makecall_that_is_not_bridged_times_out_with_a_hint(
    emulator: Emulator, client: tenios.TeniosClient
) -> None:
    _route(emulator, webhook_url="http://x")
    makecall_id = _place(client)
    with pytest.raises(TimeoutError, match="it is WAITING; with a ManualClock, advance it"):
        emulator.routed_call(makecall_id, timeout=0.05)
    emulator.close()  # makecalls still waiting give up
    routed = emulator.routed_call(makecall_id, timeout=5)
    assert routed.error == "never bridged: the emulator was closed"


def test_the_plans_key_stays_out_of_reprs(emulator: Emulator, client: tenios.TeniosClient) -> None:
    with receiver(greet_then_end) as control:
        _route(emulator, call_control_url=control.url)
        makecall_id = _place(client)
        emulator.advance(7)
        routed = emulator.routed_call(makecall_id, timeout=5)
    assert KEY not in repr(routed)
    assert KEY not in repr(emulator.makecall(makecall_id))


def test_a_served_emulator_on_real_time_routes_while_the_client_waits() -> None:
    with Emulator(time_scale=100.0) as emulator, receiver(greet_then_end) as control:
        _route(emulator, call_control_url=control.url)
        with (
            emulator.serve() as base_url,
            tenios.TeniosClient(emulator.access_key, base_url=base_url) as client,
        ):
            makecall_id = _place(client)
            final = client.makecall.wait(makecall_id, timeout=10, poll_interval=0.02)
        assert final.status is tenios.CallbackStatus.DISCONNECTED
        assert emulator.routed_call(makecall_id, timeout=0).call_control is not None
    assert [r["loopCount"] for r in control.received] == [0, 1]


def test_on_routed_hears_of_each_routed_call_and_its_summary_says_what_happened(
    emulator: Emulator, client: tenios.TeniosClient
) -> None:
    heard: list[RoutedCall] = []

    def invalid_then_nothing(request: dict[str, Any]) -> tuple[int, bytes]:
        # A PARALLEL bridge needs a blockTimeout and destinations: two problems at loop 0.
        bridge: dict[str, object] = {
            "blockType": "BRIDGE",
            "bridgeMode": "PARALLEL",
            "destinations": [],
        }
        blocks: list[dict[str, object]] = [bridge] if request["loopCount"] == 0 else []
        return 200, json.dumps({"blocks": blocks}).encode()

    with receiver(invalid_then_nothing) as control, receiver() as hooks:
        _route(
            emulator, call_control_url=control.url, webhook_url=hooks.url, on_routed=heard.append
        )
        makecall_id = _place(client)
        emulator.advance(7)
        routed = emulator.routed_call(makecall_id, timeout=5)
    assert heard == [routed]
    first, *problems = routed.summary()
    assert first == (
        f"makecall {makecall_id}: call control NOT ok, 2 loops, ended by VALIDATION_ERRORS; "
        "events CALL_START 200, CALL_END 200"
    )
    assert problems
    assert all(line.startswith("  loop 0, blocks[0]") for line in problems)

    emulator.script_callback_failure("CALL_A_FAILED")
    failed = _place(client)
    emulator.advance(30)
    assert emulator.routed_call(failed, timeout=5).summary() == [
        f"makecall {failed}: never bridged: the makecall ended CALL_A_FAILED"
    ]
