"""Setting up the emulated account: demo data, and adding configs, agents, reasons and calls."""

from __future__ import annotations

from typing import Any

import pytest

import tenios
from tenios.testing import (
    DEMO_ACCESS_KEY,
    DEMO_AGENT_EMAIL,
    DEMO_CALL_UUID,
    DEMO_CALLBACK_CONFIG_ID,
    DEMO_NOT_READY_REASON,
    DEMO_SKILLS,
    Emulator,
)

NEW_CALL = "0d5c7e52-8a47-4d38-9a39-6f2f8d1b2c3d"


def test_a_fresh_emulator_has_the_demo_account() -> None:
    with Emulator() as emulator:
        assert emulator.access_key == DEMO_ACCESS_KEY
        assert emulator.skills == list(DEMO_SKILLS)
        assert emulator.agent(DEMO_AGENT_EMAIL).state == "READY"
        assert emulator.call(DEMO_CALL_UUID).connected
        client = emulator.client()
        client.acd.change_agent_state(
            DEMO_AGENT_EMAIL, state="NOT_READY", nrr=DEMO_NOT_READY_REASON
        )
        assert (
            client.callback.init(
                callback_config_id=DEMO_CALLBACK_CONFIG_ID, callback_number="+491234567890", delay=0
            ).id
            == 1
        )


def test_an_emulator_without_demo_data_knows_nothing() -> None:
    with Emulator(demo_data=False) as emulator:
        client = emulator.client()
        assert emulator.skills == []
        with pytest.raises(tenios.AgentNotFoundError):
            client.acd.retrieve_agent_state(DEMO_AGENT_EMAIL)
        with pytest.raises(tenios.CallNotFoundError):
            client.call_control.interrupt_block(DEMO_CALL_UUID)
        with pytest.raises(tenios.AuthenticationError):
            client.callback.init(
                callback_config_id=DEMO_CALLBACK_CONFIG_ID,
                callback_number="+491234567890",
                delay=0,
            )


def test_added_configs_and_reasons_are_accepted() -> None:
    with Emulator(demo_data=False) as emulator:
        emulator.add_callback_config("support-line")
        emulator.add_not_ready_reason("LUNCH")
        emulator.add_agent("ops@example.com")
        client = emulator.client()
        assert (
            client.callback.init(
                callback_config_id="support-line", callback_number="+491234567890", delay=0
            ).id
            == 1
        )
        client.acd.change_agent_state("ops@example.com", state="NOT_READY", nrr="LUNCH")
        assert emulator.agent("ops@example.com").not_ready_reason == "LUNCH"
        with pytest.raises(ValueError, match="blank"):
            emulator.add_callback_config(" ")
        with pytest.raises(ValueError, match="blank"):
            emulator.add_not_ready_reason("")


def test_an_added_agent_brings_its_skills_into_the_account() -> None:
    with Emulator() as emulator:
        emulator.add_agent(
            "lea@example.com",
            state="NOT_READY",
            skills={"German": True, "Golf": True, "Sales": False},
            external_number_enabled=True,
            external_number="+4922112345",
            current_destination="EXTERNAL",
        )
        emulator.add_agent("tom@example.com", skills=["Chess"])
        assert emulator.skills == [*DEMO_SKILLS, "Golf", "Chess"]
        details = emulator.client().acd.retrieve_user_details("lea@example.com")
    assert details.skills == {
        **dict.fromkeys(DEMO_SKILLS, False),
        "German": True,
        "Golf": True,
        "Chess": False,
    }
    assert (details.state, details.current_destination, details.external_number) == (
        tenios.AgentState.NOT_READY,
        "EXTERNAL",
        "+4922112345",
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"email": "nobody"}, "e-mail address"),
        ({"email": "a@b.com", "state": "AWAY"}, "READY or NOT_READY"),
        ({"email": "a@b.com", "external_number": "0221"}, "E.164"),
    ],
)
def test_add_agent_refuses_what_the_api_could_not_hold(
    arguments: dict[str, Any], message: str
) -> None:
    with Emulator() as emulator, pytest.raises(ValueError, match=message):
        emulator.add_agent(**arguments)


def test_added_calls_can_refuse_transfer_or_interruption_and_can_end() -> None:
    with Emulator() as emulator:
        client = emulator.client()
        generated = emulator.add_call()
        assert client.call_control.interrupt_block(generated).success
        emulator.add_call(NEW_CALL, interruptible=False, connected=False)
        with pytest.raises(tenios.APIError) as not_interruptible:
            client.call_control.interrupt_block(NEW_CALL)
        with pytest.raises(tenios.APIError) as not_connected:
            client.transfer.call(NEW_CALL, destination_type="SIP_USER", destination="1001")
        assert not_interruptible.value.error_code == "BLOCK_NOT_INTERRUPTIBLE"
        assert not_connected.value.error_code == "CALL_NOT_CONNECTED"
        emulator.end_call(NEW_CALL)
        with pytest.raises(tenios.CallNotFoundError):
            client.call_control.interrupt_block(NEW_CALL)
        with pytest.raises(ValueError, match="must be a uuid"):
            emulator.add_call("call-1")


def test_the_emulator_needs_a_key() -> None:
    with pytest.raises(ValueError, match="non-empty access_key"):
        Emulator("")


def test_a_wrong_key_is_refused_and_the_client_closes_with_the_emulator() -> None:
    emulator = Emulator("right-key")
    client = emulator.client(access_key="wrong-key")
    with pytest.raises(tenios.AuthenticationError):
        client.acd.retrieve_agent_state(DEMO_AGENT_EMAIL)
    client.close()  # the pool belongs to the emulator ...
    assert not client.is_closed
    emulator.close()  # ... which closes it
    assert client.is_closed
    assert "right-key" not in repr(emulator)
