# pyright: reportUnnecessaryTypeIgnoreComment=true
"""User-style code: the types users get back, and the mistakes a type checker catches for them.

``make typecheck`` checks this file with mypy --strict and pyright strict; pytest runs it against
the emulator, so each snippet is also real, working code.

- ``assert_type(value, T)`` fails type checking unless the checker infers exactly ``T``.
- A line ending in ``# type: ignore[<code>]`` is a misuse that must be flagged: mypy fails if the
  line does not produce exactly that error code (``warn_unused_ignores``, part of ``--strict``),
  and pyright fails if the line produces no error at all (``reportUnnecessaryTypeIgnoreComment``,
  switched on above). Pyright honours ``# type: ignore`` itself, so a second ``# pyright: ignore``
  on the line would always be reported as unnecessary. The tests assert that the same misuse
  also fails at run time, before anything is sent.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Optional, Union, get_args

import httpx
import pytest

import tenios
from tenios.testing import DEMO_AGENT_EMAIL, DEMO_CALL_UUID, DEMO_CALLBACK_CONFIG_ID, Emulator
from tenios.types.enums import AgentStateName, DestinationTypeName

if sys.version_info >= (3, 11):
    from typing import assert_type
elif TYPE_CHECKING:
    from typing_extensions import assert_type
else:  # typing_extensions is not a dependency of tenios; at run time the check is a no-op

    def assert_type(value, _expected):
        return value


NUMBER = "+491234567890"


def test_every_method_returns_its_model_with_typed_fields(
    tenios_client: tenios.TeniosClient,
) -> None:
    client = tenios_client

    callback = client.callback.init(
        callback_config_id=DEMO_CALLBACK_CONFIG_ID, callback_number=NUMBER, delay=0
    )
    assert_type(callback, tenios.CallbackInitResponse)
    assert_type(callback.id, int)
    status = client.callback.status(callback.id)
    assert_type(status, tenios.CallbackStatusResponse)
    assert_type(status.status, Union[tenios.CallbackStatus, str])
    assert_type(status.is_terminal, bool)

    state = client.acd.retrieve_agent_state(DEMO_AGENT_EMAIL)
    assert_type(state, tenios.AgentStateResponse)
    assert_type(state.state, Union[tenios.AgentState, str])
    assert_type(state.email, Optional[str])
    details = client.acd.retrieve_user_details(DEMO_AGENT_EMAIL)
    assert_type(details, tenios.UserDetailsResponse)
    assert_type(details.skills, dict[str, bool])
    assert_type(details.user_skills, list[tenios.UserSkill])
    assert_type(details.external_number, Optional[str])

    changed = client.acd.change_agent_state(DEMO_AGENT_EMAIL, state=tenios.AgentState.NOT_READY)
    assert_type(changed, tenios.SuccessResponse)
    assert_type(changed.success, bool)
    updated = client.acd.update_user_details(DEMO_AGENT_EMAIL, user_skills={"Sales": True})
    assert_type(updated, tenios.SuccessResponse)
    moved = client.transfer.call(DEMO_CALL_UUID, destination_type="SIP_USER", destination="desk-7")
    assert_type(moved, tenios.SuccessResponse)
    interrupted = client.call_control.interrupt_block(DEMO_CALL_UUID)
    assert_type(interrupted, tenios.SuccessResponse)

    assert isinstance(callback.id, int)
    assert status.status == tenios.CallbackStatus.REQUESTED
    assert details.skills["German"] is True
    assert (changed.success, updated.success, moved.success, interrupted.success) == (True,) * 4


def test_enum_arguments_take_the_member_or_its_string(tenios_client: tenios.TeniosClient) -> None:
    acd = tenios_client.acd
    acd.change_agent_state(DEMO_AGENT_EMAIL, state="NOT_READY", nrr="COF")
    acd.change_agent_state(DEMO_AGENT_EMAIL, state=tenios.AgentState.READY)
    tenios_client.transfer.call(
        DEMO_CALL_UUID,
        destination_type=tenios.DestinationType.EXTERNALNUMBER,
        destination="+4922155400300",
    )

    assert acd.retrieve_agent_state(DEMO_AGENT_EMAIL).state == "READY"


def test_the_literal_types_list_exactly_the_enum_values() -> None:
    assert get_args(AgentStateName) == tuple(member.value for member in tenios.AgentState)
    assert get_args(DestinationTypeName) == tuple(member.value for member in tenios.DestinationType)


def test_the_client_options_and_copies_keep_their_types(tenios_emulator: Emulator) -> None:
    with tenios_emulator.client() as client:
        faster = client.with_options(timeout=5, max_retries=0)
        assert_type(faster, tenios.TeniosClient)
        assert_type(faster.timeout, httpx.Timeout)
        assert_type(faster.max_retries, int)
        assert_type(faster.base_url, httpx.URL)

        assert faster.timeout.read == 5
        assert faster.max_retries == 0


def test_errors_carry_typed_details(tenios_client: tenios.TeniosClient) -> None:
    with pytest.raises(tenios.CallbackNotFoundError) as caught:
        tenios_client.callback.status(987654321)

    error = caught.value
    assert_type(error.status_code, int)
    assert_type(error.error_code, Optional[str])
    assert_type(error.error_message, Optional[str])
    assert_type(error.fields, list[str])
    assert_type(error.retry_after, Optional[float])
    assert (error.error_code, error.fields) == ("CALLBACK_NOT_FOUND", ["id"])


def test_a_misspelt_enum_value_is_flagged_and_never_sent(
    tenios_emulator: Emulator, tenios_client: tenios.TeniosClient
) -> None:
    with pytest.raises(tenios.RequestValidationError, match="state"):
        tenios_client.acd.change_agent_state(DEMO_AGENT_EMAIL, state="REDY")  # type: ignore[arg-type]
    with pytest.raises(tenios.RequestValidationError, match="destination_type"):
        tenios_client.transfer.call(
            DEMO_CALL_UUID,
            destination_type="PHONE",  # type: ignore[arg-type]
            destination=NUMBER,
        )

    assert tenios_emulator.journal == []


def test_a_missing_or_misspelt_argument_is_flagged_and_never_sent(
    tenios_emulator: Emulator, tenios_client: tenios.TeniosClient
) -> None:
    callback = tenios_client.callback
    with pytest.raises(TypeError, match="delay"):
        callback.init(callback_config_id=DEMO_CALLBACK_CONFIG_ID, callback_number=NUMBER)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="callback_numbr"):
        callback.init(callback_config_id=DEMO_CALLBACK_CONFIG_ID, callback_numbr=NUMBER, delay=0)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="positional"):
        callback.init(DEMO_CALLBACK_CONFIG_ID, NUMBER, 0)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="email"):
        tenios_client.acd.retrieve_agent_state()  # type: ignore[call-arg]

    assert tenios_emulator.journal == []


def test_a_value_of_the_wrong_type_is_flagged_and_never_sent(
    tenios_emulator: Emulator, tenios_client: tenios.TeniosClient
) -> None:
    with pytest.raises(tenios.RequestValidationError, match="delay"):
        tenios_client.callback.init(
            callback_config_id=DEMO_CALLBACK_CONFIG_ID,
            callback_number=NUMBER,
            delay="30",  # type: ignore[arg-type]
        )
    with pytest.raises(tenios.TeniosError, match="timeout"):
        tenios_client.acd.retrieve_agent_state(DEMO_AGENT_EMAIL, timeout="5")  # type: ignore[arg-type]

    assert tenios_emulator.journal == []


def test_a_field_a_result_does_not_have_is_flagged(tenios_client: tenios.TeniosClient) -> None:
    state = tenios_client.acd.retrieve_agent_state(DEMO_AGENT_EMAIL)

    with pytest.raises(AttributeError):
        print(state.ready)  # type: ignore[attr-defined]
