"""The emulator's own server-side checks, parameter by parameter, with hand-made JSON: a client
bug the SDK's validation would miss still gets TENIOS's error."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tenios.testing import (
    DEMO_AGENT_EMAIL,
    DEMO_CALL_UUID,
    DEMO_CALLBACK_CONFIG_ID,
    DEMO_SKILLS,
    Emulator,
)

INIT = {
    "callback_config_id": DEMO_CALLBACK_CONFIG_ID,
    "callback_number": "+491234567890",
    "delay": 0,
}
DETAILS: dict[str, Any] = {
    "email": DEMO_AGENT_EMAIL,
    "cloud_acd_enabled": True,
    "sip_enabled": True,
    "external_number_enabled": False,
    "state": "READY",
    "user_skills": [{"name": name, "has_skill": False} for name in DEMO_SKILLS],
}
TRANSFER = {"call_uuid": DEMO_CALL_UUID, "destination_type": "SIP_USER", "destination": "1001"}
SKILL = {"name": "English", "has_skill": True}


@pytest.fixture
def post(emulator: Emulator) -> Iterator[Any]:
    with httpx.Client(transport=emulator.transport(), base_url="http://localhost") as http:

        def send(path: str, params: dict[str, Any]) -> httpx.Response:
            return http.post(path, json={"access_key": emulator.access_key, **params})

        yield send


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    with Emulator() as emulator:
        yield emulator


# (path, parameters, error code, fields) for a value of the wrong type or form.
BAD_VALUES: list[tuple[str, dict[str, Any], str, list[str]]] = [
    (
        "/callback/init",
        {**INIT, "callback_config_id": " "},
        "INVALID_VALUE",
        ["callback_config_id"],
    ),
    (
        "/callback/init",
        {**INIT, "callback_number": "0221 5540"},
        "INVALID_VALUE",
        ["callback_number"],
    ),
    (
        "/callback/init",
        {**INIT, "callback_number": 491234567},
        "INVALID_VALUE",
        ["callback_number"],
    ),
    ("/callback/init", {**INIT, "delay": -1}, "INVALID_VALUE", ["delay"]),
    ("/callback/init", {**INIT, "delay": 1.5}, "INVALID_VALUE", ["delay"]),
    ("/callback/init", {**INIT, "delay": True}, "INVALID_VALUE", ["delay"]),
    ("/callback/init", {**INIT, "agent_announcement": 7}, "INVALID_VALUE", ["agent_announcement"]),
    (
        "/callback/init",
        {**INIT, "dtmf_key_to_trigger_customer_call": "12"},
        "INVALID_VALUE",
        ["dtmf_key_to_trigger_customer_call"],
    ),
    ("/callback/status", {"id": 1.5}, "INVALID_VALUE", ["id"]),
    ("/callback/status", {"id": False}, "INVALID_VALUE", ["id"]),
    ("/callback/status", {"id": -3}, "CALLBACK_NOT_FOUND", ["id"]),
    ("/acd/agent-state/retrieve", {"email": 5}, "INVALID_VALUE", ["email"]),
    (
        "/acd/agent-state/retrieve",
        {"email": "agent@localhost"},
        "AGENT_STATE_INVALID_EMAIL",
        ["email"],
    ),
    (
        "/acd/agent-state/change",
        {"email": DEMO_AGENT_EMAIL, "state": "BUSY"},
        "INVALID_VALUE",
        ["state"],
    ),
    (
        "/acd/agent-state/change",
        {"email": DEMO_AGENT_EMAIL, "state": "NOT_READY", "nrr": ""},
        "INVALID_VALUE",
        ["nrr"],
    ),
    (
        "/acd/details/user/change",
        {**DETAILS, "sip_enabled": "true"},
        "INVALID_VALUE",
        ["sip_enabled"],
    ),
    (
        "/acd/details/user/change",
        {**DETAILS, "external_number": "0221"},
        "INVALID_VALUE",
        ["external_number"],
    ),
    ("/acd/details/user/change", {**DETAILS, "user_skills": {}}, "INVALID_VALUE", ["user_skills"]),
    (
        "/acd/details/user/change",
        {**DETAILS, "user_skills": ["English"]},
        "INVALID_VALUE",
        ["user_skills"],
    ),
    (
        "/acd/details/user/change",
        {**DETAILS, "user_skills": [{**SKILL, "level": 3}]},
        "INVALID_VALUE",
        ["user_skills"],
    ),
    (
        "/acd/details/user/change",
        {**DETAILS, "user_skills": [{"name": "English", "has_skill": "yes"}]},
        "INVALID_VALUE",
        ["user_skills"],
    ),
    (
        "/acd/details/user/change",
        {**DETAILS, "user_skills": [*DETAILS["user_skills"], SKILL]},
        "INVALID_VALUE",
        ["user_skills"],
    ),
    (
        "/acd/details/user/change",
        {**DETAILS, "user_skills": [*DETAILS["user_skills"], {"name": "Golf", "has_skill": True}]},
        "INVALID_VALUE",
        ["user_skills"],
    ),
    ("/transfer-call", {**TRANSFER, "destination": ""}, "INVALID_VALUE", ["destination"]),
    (
        "/transfer-call",
        {**TRANSFER, "destination_type": "EXTERNALNUMBER", "destination": "0221 55400300"},
        "INVALID_VALUE",
        ["destination"],
    ),
    ("/transfer-call", {**TRANSFER, "call_uuid": 12}, "INVALID_FIELD", ["call_uuid"]),
    ("/interrupt-ecc-block", {"call_uuid": None}, "INVALID_JSON", []),
    ("/acd/agent-state/retrieve", {"email": None}, "FIELD_IS_REQUIRED", ["email"]),
]


@pytest.mark.parametrize(
    ("path", "params", "code", "fields"),
    BAD_VALUES,
    ids=[f"{p}:{','.join(f) or code}:{i}" for i, (p, _, code, f) in enumerate(BAD_VALUES)],
)
def test_a_bad_value_is_refused_naming_the_parameter(
    post: Any, path: str, params: dict[str, Any], code: str, fields: list[str]
) -> None:
    response: httpx.Response = post(path, params)
    assert response.status_code == 400
    assert (response.json()["error_code"], response.json()["fields"]) == (code, fields)


def test_the_first_missing_parameter_in_the_vendor_order_is_named(post: Any) -> None:
    answer = post("/acd/details/user/change", {"email": DEMO_AGENT_EMAIL}).json()
    assert (answer["error_code"], answer["fields"]) == ("FIELD_IS_REQUIRED", ["cloud_acd_enabled"])


def test_every_unknown_parameter_is_named(post: Any) -> None:
    answer = post("/callback/status", {"id": 1, "page": 1, "page_size": 10}).json()
    assert (answer["error_code"], answer["fields"]) == ("INVALID_JSON", ["page", "page_size"])


def test_null_optional_parameters_count_as_absent(post: Any, emulator: Emulator) -> None:
    response = post("/callback/init", {**INIT, "agent_announcement": None})
    assert response.json() == {"id": 1}
    details = post("/acd/details/user/change", {**DETAILS, "external_number": None})
    assert details.json() == {"success": True}
    assert emulator.agent(DEMO_AGENT_EMAIL).external_number is None


def test_a_callback_id_may_be_a_string_of_digits(post: Any) -> None:
    post("/callback/init", INIT)
    assert post("/callback/status", {"id": "1"}).json() == {"status": "REQUESTED"}
    assert post("/callback/status", {"id": "01"}).json() == {"status": "REQUESTED"}


def test_a_missing_or_non_string_key_is_bad_credentials(emulator: Emulator) -> None:
    with httpx.Client(transport=emulator.transport(), base_url="http://localhost") as http:
        for body in ({"id": 1}, {"access_key": 12345, "id": 1}, {"access_key": "ключ", "id": 1}):
            answer = http.post("/callback/status", json=body).json()
            assert answer["error_code"] == "BAD_CREDENTIALS"


def test_not_ready_with_a_reason_keeps_it_and_ready_clears_it(
    post: Any, emulator: Emulator
) -> None:
    post("/acd/agent-state/change", {"email": DEMO_AGENT_EMAIL, "state": "NOT_READY", "nrr": "COF"})
    assert emulator.agent(DEMO_AGENT_EMAIL).not_ready_reason == "COF"
    post("/acd/agent-state/change", {"email": DEMO_AGENT_EMAIL, "state": "READY", "nrr": "COF"})
    agent = emulator.agent(DEMO_AGENT_EMAIL)
    assert (agent.state, agent.not_ready_reason) == ("READY", None)


@pytest.mark.parametrize(
    "body",
    [b"[" * 100_000 + b"]" * 100_000, b'{"id": ' + b"9" * 5000 + b"}"],
    ids=["nested-too-deep", "integer-too-long"],
)
def test_pathological_json_is_invalid_json_not_a_crash(emulator: Emulator, body: bytes) -> None:
    with httpx.Client(transport=emulator.transport(), base_url="http://localhost") as http:
        response = http.post("/callback/status", content=body)
    assert response.json()["error_code"] == "INVALID_JSON"
    assert isinstance(emulator.journal[0].body, str)


@pytest.mark.parametrize(
    "callback_id", ["9" * 5000, "\u00b2", "\u0661"], ids=["long", "superscript", "arabic"]
)
def test_odd_callback_ids_are_not_found(post: Any, callback_id: str) -> None:
    assert (
        post("/callback/status", {"id": callback_id}).json()["error_code"] == "CALLBACK_NOT_FOUND"
    )


def test_an_echoed_value_that_utf8_cannot_carry_still_gets_a_json_answer(
    emulator: Emulator,
) -> None:
    body = b'{"access_key": "test-access-key", "call_uuid": "\\ud800"}'
    with emulator.serve() as base_url, httpx.Client() as http:
        response = http.post(f"{base_url}/interrupt-ecc-block", content=body)
    assert (
        response.json()["error_message"]
        == "Invalid 'call_uuid' input parameter. Invalid value - '\ud800'."
    )
