# pyright: reportUnnecessaryTypeIgnoreComment=true
"""No ``Any`` where the value is known: collected digits are text, error bodies and the
emulator's records are JSON values, so a checker notices when user code passes them on as
something else. Checked by mypy --strict and pyright strict; run by pytest."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Optional

import pytest
import respx
from pydantic import JsonValue

import tenios
from tenios.call_control import CallControlRequest, parse_request
from tenios.testing import CallControlProblem, CallControlRun, Emulator, JournalEntry

if sys.version_info >= (3, 11):
    from typing import assert_type
elif TYPE_CHECKING:
    from typing_extensions import assert_type
else:  # typing_extensions is not a dependency of tenios; at run time the check is a no-op

    def assert_type(value, _expected):
        return value


KEY = "call-control-key"
REQUEST = {
    "requestType": "EXTERNAL_CALL_CONTROL",
    "customerNumber": 200000,
    "accessKey": KEY,
    "variables": {"call_uuid": "c-1", "menu_choice": "007", "attempts": 2},
    "loopCount": 1,
    "requestStatus": "REQUESTING_BLOCKS",
    "blocksProcessingResult": None,
}


def menu_choice(request: CallControlRequest) -> str:
    """User code that needs the digits as text: it type-checks without a cast."""
    return request.variables.get("menu_choice", "")


def test_collected_digits_are_text() -> None:
    request = parse_request(json.dumps(REQUEST), access_key=KEY)
    assert_type(request.variables.get("menu_choice"), Optional[str])
    assert_type(request.variables.get("menu_choice", ""), str)
    assert menu_choice(request) == "007"  # text keeps its leading zeros
    assert request.variables.get("attempts") == "2"  # another JSON type comes as its JSON text
    assert request.variables.get("missing") is None
    count: int = request.variables.get("attempts")  # type: ignore[assignment]
    assert isinstance(count, str)  # the checker was right to object


def test_an_error_body_is_a_json_value() -> None:
    with respx.mock(base_url="https://api.tenios.com") as api:
        api.post("/callback/status").respond(400, json={"error_code": "CALLBACK_NOT_FOUND"})
        with (
            tenios.TeniosClient("k", max_retries=0) as client,
            pytest.raises(tenios.APIError) as caught,
        ):
            client.callback.status(1)
    assert_type(caught.value.body, JsonValue)
    assert caught.value.body == {"error_code": "CALLBACK_NOT_FOUND"}


def test_the_emulators_records_are_json_values() -> None:
    with Emulator() as emulator, emulator.client() as client:
        client.acd.retrieve_agent_state("agent@test.com")
        entry = emulator.journal[0]
    assert_type(entry, JournalEntry)
    assert_type(entry.body, JsonValue)
    assert_type(entry.params, dict[str, JsonValue])
    assert entry.params == {"email": "agent@test.com"}


def test_call_control_runs_are_typed() -> None:
    run = CallControlRun(call_uuid="c-1", loops=(), ended_by="EMPTY_BLOCKS")
    assert_type(run.blocks, list[list[dict[str, JsonValue]]])
    assert_type(run.problems, list[CallControlProblem])
    assert_type(run.ok, bool)
    assert run.ok
