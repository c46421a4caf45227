"""Every endpoint succeeds through the SDK over loopback HTTP, and the seed pages' successful
requests get the seed pages' answers from the emulator."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, Callable

import httpx
import pytest

import tenios
from tenios import _clock
from tenios._endpoints import ENDPOINTS
from tenios.testing import (
    DEMO_AGENT_EMAIL,
    DEMO_CALL_UUID,
    DEMO_CALLBACK_CONFIG_ID,
    DEMO_CDRS_FROM,
    DEMO_CDRS_TO,
    DEMO_PHONE_NUMBER,
    DEMO_SUPERVISOR_KEY,
    DEMO_TENIOS_NUMBER,
    DEMO_VERIFICATION_ID,
    Emulator,
)

NUMBER = "+491234567890"


def test_callback_init_then_status_follows_the_emulator_clock(
    client: tenios.TeniosClient, emulator: Emulator
) -> None:
    callback = client.callback.init(
        callback_config_id=DEMO_CALLBACK_CONFIG_ID,
        callback_number=NUMBER,
        delay=5,
        agent_announcement="Customer Peter Müller is being called now.",
        dtmf_key_to_trigger_customer_call="1",
    )
    assert isinstance(callback.id, int)
    assert client.callback.status(callback.id).status is tenios.CallbackStatus.REQUESTED
    emulator.advance(5)
    assert client.callback.status(callback.id).status is tenios.CallbackStatus.CALLING_A
    stored = emulator.callback(int(callback.id))
    assert (stored.callback_number, stored.delay) == (NUMBER, 5)
    assert stored.agent_announcement == "Customer Peter Müller is being called now."
    assert stored.dtmf_key_to_trigger_customer_call == "1"


def test_callback_wait_polls_until_the_callback_is_disconnected(
    client: tenios.TeniosClient, emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each poll's sleep moves the emulator's clock instead of waiting.
    monkeypatch.setattr(_clock, "sleep", emulator.advance)
    monkeypatch.setattr(_clock, "monotonic", emulator.clock.now)
    callback = client.callback.init(
        callback_config_id=DEMO_CALLBACK_CONFIG_ID, callback_number=NUMBER, delay=0
    )
    final = client.callback.wait(callback.id, timeout=60, poll_interval=1)
    assert final.status is tenios.CallbackStatus.DISCONNECTED
    assert len(emulator.requests_to("callback.status")) >= 12  # one per emulated second


def test_agent_state_is_read_and_changed(client: tenios.TeniosClient, emulator: Emulator) -> None:
    assert client.acd.retrieve_agent_state(DEMO_AGENT_EMAIL).state is tenios.AgentState.READY
    answer = client.acd.change_agent_state(DEMO_AGENT_EMAIL, state="NOT_READY", nrr="COF")
    assert answer.success is True
    state = client.acd.retrieve_agent_state(DEMO_AGENT_EMAIL)
    assert (state.email, state.state) == (DEMO_AGENT_EMAIL, tenios.AgentState.NOT_READY)
    assert emulator.agent(DEMO_AGENT_EMAIL).not_ready_reason == "COF"


def test_user_details_are_read_replaced_and_updated(
    client: tenios.TeniosClient, emulator: Emulator
) -> None:
    details = client.acd.retrieve_user_details(DEMO_AGENT_EMAIL)
    assert details.skills == {
        "English": False,
        "German": True,
        "Sales": False,
        "Support": True,
        "Spanish": False,
        "Customer Service": True,
        "Accounting": False,
    }
    everything = dict.fromkeys(details.skills, True)
    client.acd.change_user_details(
        DEMO_AGENT_EMAIL,
        cloud_acd_enabled=False,
        sip_enabled=True,
        external_number_enabled=False,
        external_number="+491231244",
        state="NOT_READY",
        user_skills=everything,
    )
    assert client.acd.retrieve_user_details(DEMO_AGENT_EMAIL).skills == everything
    client.acd.update_user_details(DEMO_AGENT_EMAIL, user_skills={"Sales": False}, state="READY")
    after = client.acd.retrieve_user_details(DEMO_AGENT_EMAIL)
    assert after.skills == {**everything, "Sales": False}
    assert (after.state, after.cloud_acd_enabled, after.external_number) == (
        tenios.AgentState.READY,
        False,
        "+491231244",
    )
    assert emulator.agent(DEMO_AGENT_EMAIL).skills == set(everything) - {"Sales"}


def test_a_connected_call_is_transferred(client: tenios.TeniosClient, emulator: Emulator) -> None:
    answer = client.transfer.call(
        DEMO_CALL_UUID, destination_type="EXTERNALNUMBER", destination="+4922155400300"
    )
    assert answer.success is True
    client.transfer.call(DEMO_CALL_UUID, destination_type="SIP_USER", destination="1001")
    assert emulator.call(DEMO_CALL_UUID).transfers == [
        ("EXTERNALNUMBER", "+4922155400300"),
        ("SIP_USER", "1001"),
    ]


def test_the_running_block_is_interrupted(client: tenios.TeniosClient, emulator: Emulator) -> None:
    assert client.call_control.interrupt_block(DEMO_CALL_UUID).success is True
    assert emulator.call(DEMO_CALL_UUID).interruptions == 1


SuccessCall = Callable[[tenios.TeniosClient], object]
SUCCESS_CALLS: dict[str, SuccessCall] = {
    "callback.init": lambda c: c.callback.init(
        callback_config_id=DEMO_CALLBACK_CONFIG_ID, callback_number=NUMBER, delay=0
    ),
    "callback.status": lambda c: c.callback.status(1),
    "acd.retrieve_agent_state": lambda c: c.acd.retrieve_agent_state(DEMO_AGENT_EMAIL),
    "acd.change_agent_state": lambda c: c.acd.change_agent_state(DEMO_AGENT_EMAIL, state="READY"),
    "acd.retrieve_user_details": lambda c: c.acd.retrieve_user_details(DEMO_AGENT_EMAIL),
    "acd.change_user_details": lambda c: c.acd.update_user_details(
        DEMO_AGENT_EMAIL, sip_enabled=False
    ),
    "transfer.call": lambda c: c.transfer.call(
        DEMO_CALL_UUID, destination_type="SIP_TRUNK", destination="trunk-1"
    ),
    "call_control.interrupt_block": lambda c: c.call_control.interrupt_block(DEMO_CALL_UUID),
    "makecall.init": lambda c: c.makecall.init(
        destination_number=NUMBER, tenios_number=DEMO_TENIOS_NUMBER
    ),
    "makecall.status": lambda c: c.makecall.status(1),
    "recording.start": lambda c: c.recording.start(DEMO_CALL_UUID),
    "recording.stop": lambda c: c.recording.stop(
        DEMO_CALL_UUID, recording_uuid=c.recording.start(DEMO_CALL_UUID).recording_uuid
    ),
    "transfer.refer": lambda c: c.transfer.refer(DEMO_CALL_UUID, sip_uri="sip:4044@198.51.100.7"),
    "monitoring.start": lambda c: c.monitoring.start(
        DEMO_CALL_UUID, supervisor_key=DEMO_SUPERVISOR_KEY, supervisor_destination=NUMBER
    ),
    "monitoring.stop": lambda c: c.monitoring.stop(DEMO_CALL_UUID),
    "acd.extend_wrap_up": lambda c: c.acd.extend_wrap_up(
        DEMO_AGENT_EMAIL, end_time=datetime.now(timezone.utc) + timedelta(minutes=10)
    ),
    "acd.cancel_wrap_up": lambda c: c.acd.cancel_wrap_up(DEMO_AGENT_EMAIL),
    "cloud_pbx.page": lambda c: c.cloud_pbx.page(),
    "cdrs.page": lambda c: c.cdrs.page(start_date_from=DEMO_CDRS_FROM, start_date_to=DEMO_CDRS_TO),
    "cdrs.count": lambda c: c.cdrs.count(
        start_date_from=DEMO_CDRS_FROM, start_date_to=DEMO_CDRS_TO
    ),
    "numbers.create_verification": lambda c: c.numbers.create_verification(
        country="Germany",
        city="Köln",
        zip="50667",
        street="Domkloster",
        house_number="4a",
        area_code="221",
        document_type="ALLOCATION_NOTICE",
        document=b"%PDF-1.4 proof of address",
    ),
    "numbers.order": lambda c: c.numbers.order(verification_id=DEMO_VERIFICATION_ID),
    "numbers.cancel": lambda c: c.numbers.cancel(DEMO_PHONE_NUMBER),
}


def test_every_endpoint_succeeds_over_one_pooled_connection(
    client: tenios.TeniosClient, emulator: Emulator
) -> None:
    assert set(SUCCESS_CALLS) == {endpoint.name for endpoint in ENDPOINTS}
    emulator.start_wrap_up(DEMO_AGENT_EMAIL, seconds=60)
    for call in SUCCESS_CALLS.values():
        call(client)
    statuses = {(entry.endpoint, entry.status) for entry in emulator.journal}
    assert statuses == {(endpoint.name, 200) for endpoint in ENDPOINTS}
    assert emulator.connection_count == 1


# The seed pages' successful requests, sent as they are (ids swapped for the emulator's demo
# ones), and the answers the pages show.
SEED_SUCCESSES: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
    (
        "/callback/init",
        {"callback_config_id": DEMO_CALLBACK_CONFIG_ID, "callback_number": NUMBER, "delay": 30},
        {"id": 1},
    ),
    (
        "/callback/init",
        {
            "callback_config_id": DEMO_CALLBACK_CONFIG_ID,
            "callback_number": NUMBER,
            "agent_announcement": "Customer Peter Müller is being called now, please press 1 "
            "to start the call.",
            "dtmf_key_to_trigger_customer_call": "1",
            "delay": 30,
        },
        {"id": 1},
    ),
    (
        "/acd/agent-state/change",
        {"email": DEMO_AGENT_EMAIL, "state": "READY", "nrr": "COF"},
        {"success": True},
    ),
    (
        "/acd/details/user/retrieve",
        {"email": DEMO_AGENT_EMAIL},
        {
            "success": True,
            "cloud_acd_enabled": True,
            "sip_enabled": True,
            "external_number_enabled": True,
            "external_number": "+4922155400300",
            "state": "READY",
            "current_destination": "SIP",
            "user_skills": [
                {"name": "English", "has_skill": False},
                {"name": "German", "has_skill": True},
                {"name": "Sales", "has_skill": False},
                {"name": "Support", "has_skill": True},
                {"name": "Spanish", "has_skill": False},
                {"name": "Customer Service", "has_skill": True},
                {"name": "Accounting", "has_skill": False},
            ],
        },
    ),
    (
        "/acd/details/user/change",
        {
            "email": DEMO_AGENT_EMAIL,
            "cloud_acd_enabled": True,
            "sip_enabled": True,
            "external_number_enabled": True,
            "external_number": "+491231244",
            "state": "READY",
            "user_skills": [
                {"name": "Support", "has_skill": True},
                {"name": "English", "has_skill": False},
                {"name": "German", "has_skill": True},
                {"name": "Sales", "has_skill": True},
                {"name": "Spanish", "has_skill": False},
                {"name": "Customer Service", "has_skill": True},
                {"name": "Accounting", "has_skill": True},
            ],
        },
        {"success": True},
    ),
    (
        "/transfer-call",
        {
            "call_uuid": DEMO_CALL_UUID,
            "destination_type": "EXTERNALNUMBER",
            "destination": "+4922155400300",
        },
        {"success": True},
    ),
    ("/interrupt-ecc-block", {"call_uuid": DEMO_CALL_UUID}, {"success": True}),
]


@pytest.mark.parametrize(
    ("path", "params", "answer"),
    SEED_SUCCESSES,
    ids=[f"{p}-{i}" for i, (p, _, _) in enumerate(SEED_SUCCESSES)],
)
def test_seed_success_examples_get_the_seed_answers(
    raw: httpx.Client, emulator: Emulator, path: str, params: dict[str, Any], answer: dict[str, Any]
) -> None:
    response = raw.post(path, json={"access_key": emulator.access_key, **params})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == answer


def test_seed_status_and_agent_state_examples(raw: httpx.Client, emulator: Emulator) -> None:
    key = emulator.access_key
    emulator.add_agent("test@test.com", state="NOT_READY")
    raw.post(
        "/callback/init",
        json={
            "access_key": key,
            "callback_config_id": DEMO_CALLBACK_CONFIG_ID,
            "callback_number": NUMBER,
            "delay": 30,
        },
    )
    # The vendor page sends the id as a number; its type table says String: both work.
    for callback_id in (1, "1"):
        status = raw.post("/callback/status", json={"access_key": key, "id": callback_id})
        assert status.json() == {"status": "REQUESTED"}
    state = raw.post(
        "/acd/agent-state/retrieve", json={"access_key": key, "email": "test@test.com"}
    )
    assert state.json() == {"email": "test@test.com", "state": "NOT_READY"}
