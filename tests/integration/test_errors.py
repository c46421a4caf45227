"""Every documented error: the emulator's raw answer (the vendor pages' wording and shape), and
the exception the SDK raises for it, over loopback HTTP.

Where the SDK's own validation would stop a bad argument before sending, the SDK call goes
through a client whose body is garbled after validation (``_buggy.py``): the emulator's checks
are independent of the client's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Optional

import httpx
import pytest

import tenios
from tenios.testing import (
    DEMO_ACCESS_KEY,
    DEMO_AGENT_EMAIL,
    DEMO_CALL_UUID,
    DEMO_CALLBACK_CONFIG_ID,
    Emulator,
)

from ._buggy import Rewrite, buggy_client, unchanged

NUMBER = "+491234567890"
UNKNOWN_CALL = "c0b93a5e-4ce0-4adb-940e-5079f2abbcb4"  # the vendor page's example
INVALID_JSON = "An invalid JSON object was provided in the request body."
INVALID_VALUE_BODY = {
    "success": False,
    "error_code": "INVALID_VALUE",
    "error_message": "Invalid parameter type or format",
    "fields": ["destination_type"],
}


def _without(*names: str) -> Rewrite:
    return lambda body: {k: v for k, v in body.items() if k not in names}


def _with(**members: Any) -> Rewrite:
    return lambda body: {**body, **members}


@dataclass(frozen=True)
class ErrorCase:
    """One error: the request, the exact answer, and how the SDK gets there."""

    id: str
    path: str
    params: dict[str, Any]
    answer: dict[str, Any]
    sdk_call: Callable[[tenios.TeniosClient], object]
    error: type[tenios.APIError]
    rewrite: Optional[Rewrite] = None
    access_key: str = DEMO_ACCESS_KEY
    setup: Callable[[Emulator], object] = field(default=lambda emulator: None)


CASES = [
    ErrorCase(
        "BAD_CREDENTIALS-key",
        "/callback/init",
        {"callback_config_id": DEMO_CALLBACK_CONFIG_ID, "callback_number": NUMBER, "delay": 30},
        {"error_code": "BAD_CREDENTIALS", "error_message": "Bad credentials", "fields": []},
        lambda c: c.callback.init(
            callback_config_id=DEMO_CALLBACK_CONFIG_ID, callback_number=NUMBER, delay=30
        ),
        tenios.AuthenticationError,
        access_key="XXXXX-XXXX-XXXXXX",
    ),
    ErrorCase(
        "BAD_CREDENTIALS-key-before-unknown-parameters",
        "/acd/agent-state/retrieve",
        {"page": 1, "page_size": 10},
        {"error_code": "BAD_CREDENTIALS", "error_message": "Bad credentials", "fields": []},
        lambda c: c.acd.retrieve_agent_state(DEMO_AGENT_EMAIL),
        tenios.AuthenticationError,
        access_key="XXXXX-XXXX-XXXXXX",
    ),
    ErrorCase(
        "BAD_CREDENTIALS-callback-config",
        "/callback/init",
        {"callback_config_id": "xxx-xxx-xxx", "callback_number": NUMBER, "delay": 30},
        {"error_code": "BAD_CREDENTIALS", "error_message": "Bad credentials", "fields": []},
        lambda c: c.callback.init(
            callback_config_id="xxx-xxx-xxx", callback_number=NUMBER, delay=30
        ),
        tenios.AuthenticationError,
    ),
    ErrorCase(
        "FIELD_IS_REQUIRED-acd",
        "/acd/agent-state/change",
        {"email": DEMO_AGENT_EMAIL},
        {
            "error_code": "FIELD_IS_REQUIRED",
            "error_message": "Parameter 'state' is required",
            "fields": ["state"],
        },
        lambda c: c.acd.change_agent_state(DEMO_AGENT_EMAIL, state="READY"),
        tenios.FieldRequiredError,
        rewrite=_without("state"),
    ),
    ErrorCase(
        "FIELD_IS_REQUIRED-callback",
        "/callback/init",
        {"callback_config_id": DEMO_CALLBACK_CONFIG_ID, "callback_number": NUMBER},
        {
            "error_code": "FIELD_IS_REQUIRED",
            "error_message": "Parameter 'delay' is required",
            "fields": ["delay"],
        },
        lambda c: c.callback.init(
            callback_config_id=DEMO_CALLBACK_CONFIG_ID, callback_number=NUMBER, delay=0
        ),
        tenios.FieldRequiredError,
        rewrite=_without("delay"),
    ),
    ErrorCase(
        "INVALID_JSON-unknown-parameter",
        "/acd/details/user/retrieve",
        {"unknown_parameter": "unknown"},
        {
            "error_code": "INVALID_JSON",
            "error_message": INVALID_JSON,
            "fields": ["unknown_parameter"],
        },
        lambda c: c.acd.retrieve_user_details(DEMO_AGENT_EMAIL),
        tenios.InvalidJSONError,
        rewrite=_with(unknown_parameter="unknown"),
    ),
    ErrorCase(
        "INVALID_JSON-missing-parameter-transfer",
        "/transfer-call",
        {"call_uuid": DEMO_CALL_UUID},
        {"error_code": "INVALID_JSON", "error_message": INVALID_JSON, "fields": []},
        lambda c: c.transfer.call(DEMO_CALL_UUID, destination_type="SIP_USER", destination="1001"),
        tenios.InvalidJSONError,
        rewrite=_without("destination_type", "destination"),
    ),
    ErrorCase(
        "INVALID_VALUE-transfer",
        "/transfer-call",
        {
            "call_uuid": DEMO_CALL_UUID,
            "destination_type": "EXTERNAL",
            "destination": "+4922155400300",
        },
        INVALID_VALUE_BODY,
        lambda c: c.transfer.call(
            DEMO_CALL_UUID, destination_type="EXTERNALNUMBER", destination="+4922155400300"
        ),
        tenios.InvalidValueError,
        rewrite=_with(destination_type="EXTERNAL"),
    ),
    ErrorCase(
        "INVALID_VALUE-callback-delay",
        "/callback/init",
        {"callback_config_id": DEMO_CALLBACK_CONFIG_ID, "callback_number": NUMBER, "delay": "soon"},
        {**INVALID_VALUE_BODY, "fields": ["delay"]},
        lambda c: c.callback.init(
            callback_config_id=DEMO_CALLBACK_CONFIG_ID, callback_number=NUMBER, delay=30
        ),
        tenios.InvalidValueError,
        rewrite=_with(delay="soon"),
    ),
    ErrorCase(
        "INVALID_FIELD-interrupt",
        "/interrupt-ecc-block",
        {"call_uuid": "123456789"},
        {
            "error_code": "INVALID_FIELD",
            "error_message": "Invalid 'call_uuid' input parameter. Invalid value - '123456789'.",
            "fields": ["call_uuid"],
        },
        lambda c: c.call_control.interrupt_block("123456789"),
        tenios.InvalidFieldError,
    ),
    ErrorCase(
        "INVALID_FIELD-transfer",
        "/transfer-call",
        {"call_uuid": "123456789", "destination_type": "SIP_USER", "destination": "1001"},
        {
            "error_code": "INVALID_FIELD",
            "error_message": "Invalid 'call_uuid' input parameter. Invalid value - '123456789'.",
            "fields": ["call_uuid"],
        },
        lambda c: c.transfer.call("123456789", destination_type="SIP_USER", destination="1001"),
        tenios.InvalidFieldError,
    ),
    ErrorCase(
        "CALL_UUID_NOT_FOUND-interrupt",
        "/interrupt-ecc-block",
        {"call_uuid": UNKNOWN_CALL},
        {
            "success": False,
            "error_code": "CALL_UUID_NOT_FOUND",
            "error_message": "The call wasn't found",
            "fields": ["call_uuid"],
        },
        lambda c: c.call_control.interrupt_block(UNKNOWN_CALL),
        tenios.CallNotFoundError,
    ),
    ErrorCase(
        "CALL_UUID_NOT_FOUND-transfer",
        "/transfer-call",
        {
            "call_uuid": UNKNOWN_CALL,
            "destination_type": "EXTERNALNUMBER",
            "destination": "+4922155400300",
        },
        {
            "success": False,
            "error_code": "CALL_UUID_NOT_FOUND",
            "error_message": "The call wasn't found",
            "fields": ["call_uuid"],
        },
        lambda c: c.transfer.call(
            UNKNOWN_CALL, destination_type="EXTERNALNUMBER", destination="+4922155400300"
        ),
        tenios.CallNotFoundError,
    ),
    ErrorCase(
        "CALLBACK_NOT_FOUND",
        "/callback/status",
        {"id": "xxx"},
        {
            "error_code": "CALLBACK_NOT_FOUND",
            "error_message": "Callback id not found",
            "fields": ["id"],
        },
        lambda c: c.callback.status(4711),
        tenios.CallbackNotFoundError,
    ),
    ErrorCase(
        "AGENT_NOT_FOUND-state",
        "/acd/agent-state/retrieve",
        {"email": "unknownemail@test.com"},
        {"error_code": "AGENT_NOT_FOUND", "error_message": "Agent not found.", "fields": []},
        lambda c: c.acd.retrieve_agent_state("unknownemail@test.com"),
        tenios.AgentNotFoundError,
    ),
    ErrorCase(
        "AGENT_NOT_FOUND-details",
        "/acd/details/user/retrieve",
        {"email": "unknownemail@test.com"},
        {"error_code": "AGENT_NOT_FOUND", "error_message": "Agent not found.", "fields": []},
        lambda c: c.acd.retrieve_user_details("unknownemail@test.com"),
        tenios.AgentNotFoundError,
    ),
    ErrorCase(
        "AGENT_STATE_INVALID_EMAIL",
        "/acd/agent-state/retrieve",
        {"email": "invalidemail@@test.com"},
        {
            "error_code": "AGENT_STATE_INVALID_EMAIL",
            "error_message": "Invalid email. You can use only valid email of agent which belongs "
            "to your account.",
            "fields": ["email"],
        },
        lambda c: c.acd.retrieve_agent_state(DEMO_AGENT_EMAIL),
        tenios.InvalidEmailError,
        rewrite=_with(email="invalidemail@@test.com"),
    ),
    ErrorCase(
        "AGENT_NOT_READY_REASON_NOT_FOUND",
        "/acd/agent-state/change",
        {"email": DEMO_AGENT_EMAIL, "state": "READY", "nrr": "LUNCH"},
        {
            "error_code": "AGENT_NOT_READY_REASON_NOT_FOUND",
            "error_message": "Agent not ready reason not found.",
            "fields": ["nrr"],
        },
        lambda c: c.acd.change_agent_state(DEMO_AGENT_EMAIL, state="READY", nrr="LUNCH"),
        tenios.NotReadyReasonNotFoundError,
    ),
    ErrorCase(
        "ACD_USER_DETAILS_ALL_SKILLS_REQUIRED_ERROR",
        "/acd/details/user/change",
        {
            "email": DEMO_AGENT_EMAIL,
            "cloud_acd_enabled": True,
            "sip_enabled": True,
            "external_number_enabled": True,
            "external_number": "+491231244",
            "state": "READY",
            "user_skills": [{"name": "Support", "has_skill": True}],
        },
        {
            "success": False,
            "error_code": "ACD_USER_DETAILS_ALL_SKILLS_REQUIRED_ERROR",
            "error_message": "Provide all user skills to use this API.",
            "fields": [],
        },
        lambda c: c.acd.change_user_details(
            DEMO_AGENT_EMAIL,
            cloud_acd_enabled=True,
            sip_enabled=True,
            external_number_enabled=True,
            external_number="+491231244",
            state="READY",
            user_skills={"Support": True},
        ),
        tenios.AllSkillsRequiredError,
    ),
    ErrorCase(
        "BLOCK_NOT_INTERRUPTIBLE-undocumented",
        "/interrupt-ecc-block",
        {"call_uuid": DEMO_CALL_UUID},
        {
            "success": False,
            "error_code": "BLOCK_NOT_INTERRUPTIBLE",
            "error_message": "The current block cannot be interrupted.",
            "fields": ["call_uuid"],
        },
        lambda c: c.call_control.interrupt_block(DEMO_CALL_UUID),
        tenios.InvalidRequestError,  # an unknown code on HTTP 400
        setup=lambda emulator: emulator.add_call(DEMO_CALL_UUID, interruptible=False),
    ),
    ErrorCase(
        "CALL_NOT_CONNECTED-undocumented",
        "/transfer-call",
        {"call_uuid": DEMO_CALL_UUID, "destination_type": "SIP_USER", "destination": "1001"},
        {
            "success": False,
            "error_code": "CALL_NOT_CONNECTED",
            "error_message": "The call must be forwarded and connected before it can be transferred.",
            "fields": ["call_uuid"],
        },
        lambda c: c.transfer.call(DEMO_CALL_UUID, destination_type="SIP_USER", destination="1001"),
        tenios.InvalidRequestError,
        setup=lambda emulator: emulator.add_call(DEMO_CALL_UUID, connected=False),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_the_emulator_answers_with_the_vendor_error_body(
    case: ErrorCase, emulator: Emulator, raw: httpx.Client
) -> None:
    case.setup(emulator)
    response = raw.post(case.path, json={"access_key": case.access_key, **case.params})
    assert response.status_code == 400
    assert response.json() == case.answer
    # The members come in the vendor pages' order: "success" first where they show it.
    assert list(response.json()) == list(case.answer)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_the_sdk_raises_the_class_of_the_emulator_error(
    case: ErrorCase, emulator: Emulator, base_url: str
) -> None:
    case.setup(emulator)
    rewrite = case.rewrite or unchanged
    with (
        buggy_client(base_url, case.access_key, rewrite) as client,
        pytest.raises(case.error) as caught,
    ):
        case.sdk_call(client)
    error = caught.value
    assert (error.status_code, error.error_code, error.fields) == (
        400,
        case.answer["error_code"],
        case.answer["fields"],
    )
    assert error.error_message == case.answer["error_message"]
    assert case.access_key not in str(error)
    assert case.access_key not in repr(error)
    assert [entry.status for entry in emulator.journal] == [400]


@pytest.mark.parametrize(
    "body", [b"", b"not json", b"[1, 2]", b'"access_key"', b"\xff\xfe"], ids=repr
)
def test_a_body_that_is_not_a_json_object_is_invalid_json(raw: httpx.Client, body: bytes) -> None:
    response = raw.post(
        "/callback/status", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json() == {
        "error_code": "INVALID_JSON",
        "error_message": INVALID_JSON,
        "fields": [],
    }


def test_the_sdk_maps_a_non_object_body_answer_to_invalid_json(
    emulator: Emulator, base_url: str
) -> None:
    as_list: Rewrite = lambda body: list(body.values())  # noqa: E731
    with (
        buggy_client(base_url, emulator.access_key, as_list) as client,
        pytest.raises(tenios.InvalidJSONError),
    ):
        client.acd.retrieve_agent_state(DEMO_AGENT_EMAIL)


def test_an_unknown_path_is_404_and_the_sdk_raises_not_found(
    emulator: Emulator, base_url: str, raw: httpx.Client
) -> None:
    response = raw.post("/callback/unknown", json={"access_key": emulator.access_key})
    assert response.status_code == 404
    assert response.json() == {  # the shape of every other error body
        "error_code": "UNKNOWN_METHOD",
        "error_message": "Unknown API method /callback/unknown",
        "fields": [],
    }
    # A base URL with a wrong path prefix: every call lands on an unknown path.
    with (
        tenios.TeniosClient(
            emulator.access_key, base_url=f"{base_url}/v2", max_retries=0
        ) as client,
        pytest.raises(tenios.NotFoundError) as caught,
    ):
        client.acd.retrieve_agent_state(DEMO_AGENT_EMAIL)
    assert (caught.value.status_code, caught.value.error_code) == (404, "UNKNOWN_METHOD")


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE", "OPTIONS"])
def test_any_method_but_post_is_405(raw: httpx.Client, method: str) -> None:
    response = raw.request(method, "/callback/status")
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert response.json() == {
        "error_code": "METHOD_NOT_ALLOWED",
        "error_message": f"Method {method} not allowed; use POST",
        "fields": [],
    }
