"""Bad arguments are refused before anything is sent, naming the field and the rule (DESIGN §3)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timezone
from typing import Any

import pytest
import respx

import tenios

from ..conftest import USER_DETAILS
from ._calls import MINIMAL_CALLS, call


@pytest.fixture
def client(either_client: tenios.TeniosClient) -> tenios.TeniosClient:
    """Every test of this module runs on both clients (tests/_sides.py)."""
    return either_client


E164 = "must be E.164, e.g. +491234567890"
EMAIL = "must be an e-mail address"
DTMF = "must be one DTMF key: 0-9, * or #"
BLANK = "must not be blank"
STATE = "must be 'READY' or 'NOT_READY'"
DESTINATION_TYPE = "must be 'EXTERNALNUMBER', 'SIP_USER' or 'SIP_TRUNK'"
BOOL = "must be a valid boolean"
INTEGER = "must be a valid integer"
NOT_NEGATIVE = "must be greater than or equal to 0"
STRING = "must be a valid string"
CALLBACK_ID = "must be a whole number"  # from 0 up, or a non-blank string
HTTPS = "must be an https:// URL"
SIP_URI = "must be a SIP URI starting with sip: or sips:"
AWARE = "must be a timezone-aware datetime"
DATETIME = "must be a valid datetime"
AT_LEAST_ONE = "must be greater than or equal to 1"
ORDERED = "must not be after start_date_to"
AREA_CODE = "must be the area code's digits without the leading 0"
PDF = "must be a PDF document"

# (endpoint, argument, bad value, rule in the message)
CASES: list[tuple[str, str, Any, str]] = [
    ("callback.init", "callback_number", "02215540030", E164),
    ("callback.init", "callback_number", "491234567890", E164),
    ("callback.init", "callback_number", "+49 221 5540030", E164),
    ("callback.init", "callback_number", "+49-2215540030", E164),
    ("callback.init", "callback_number", "+0221554003", E164),
    ("callback.init", "callback_number", "+1234567890123456", E164),  # 16 digits
    ("callback.init", "callback_number", "", E164),
    ("callback.init", "callback_number", 491234567890, STRING),
    ("callback.init", "callback_config_id", "", BLANK),
    ("callback.init", "callback_config_id", "   ", BLANK),
    ("callback.init", "delay", True, INTEGER),
    ("callback.init", "delay", 1.5, INTEGER),
    ("callback.init", "delay", 30.0, INTEGER),
    ("callback.init", "delay", "30", INTEGER),
    ("callback.init", "delay", -1, NOT_NEGATIVE),
    ("callback.init", "agent_announcement", " ", BLANK),
    ("callback.init", "dtmf_key_to_trigger_customer_call", "12", DTMF),
    ("callback.init", "dtmf_key_to_trigger_customer_call", "A", DTMF),
    ("callback.init", "dtmf_key_to_trigger_customer_call", "", DTMF),
    ("callback.init", "dtmf_key_to_trigger_customer_call", 1, STRING),
    ("callback.status", "id", -1, CALLBACK_ID),
    ("callback.status", "id", "", CALLBACK_ID),
    ("callback.status", "id", "  ", CALLBACK_ID),
    ("callback.status", "id", True, CALLBACK_ID),
    ("callback.status", "id", 1.5, CALLBACK_ID),
    ("callback.status", "id", None, CALLBACK_ID),
    ("acd.retrieve_agent_state", "email", "invalidemail@@test.com", EMAIL),
    ("acd.retrieve_agent_state", "email", "agent", EMAIL),
    ("acd.retrieve_agent_state", "email", "agent@localhost", EMAIL),
    ("acd.retrieve_agent_state", "email", "an agent@test.com", EMAIL),
    ("acd.retrieve_agent_state", "email", "", EMAIL),
    ("acd.change_agent_state", "email", "agent@", EMAIL),
    ("acd.change_agent_state", "state", "ready", STATE),
    ("acd.change_agent_state", "state", "BUSY", STATE),
    ("acd.change_agent_state", "state", "", STATE),
    ("acd.change_agent_state", "nrr", "", BLANK),
    ("acd.retrieve_user_details", "email", "@test.com", EMAIL),
    ("acd.change_user_details", "email", "dhanks@@test.com", EMAIL),
    ("acd.change_user_details", "cloud_acd_enabled", "yes", BOOL),
    ("acd.change_user_details", "sip_enabled", 1, BOOL),
    ("acd.change_user_details", "external_number_enabled", None, BOOL),
    ("acd.change_user_details", "external_number", "0221 5540030", E164),
    ("acd.change_user_details", "state", "NOTREADY", STATE),
    ("transfer.call", "call_uuid", "", BLANK),
    ("transfer.call", "destination_type", "EXTERNAL", DESTINATION_TYPE),
    ("transfer.call", "destination_type", "sip_user", DESTINATION_TYPE),
    ("transfer.call", "destination", " ", BLANK),
    ("call_control.interrupt_block", "call_uuid", "", BLANK),
    ("call_control.interrupt_block", "call_uuid", 42, STRING),
    ("makecall.init", "destination_number", "0221 1234", E164),
    ("makecall.init", "tenios_number", "+49 221", E164),
    ("makecall.init", "caller_id", " ", BLANK),
    ("makecall.init", "callstate_info_url", "http://example.com/state", HTTPS),
    ("makecall.status", "id", -3, CALLBACK_ID),
    ("recording.start", "call_uuid", "", BLANK),
    ("recording.start", "record_caller", "yes", BOOL),
    ("recording.stop", "recording_uuid", " ", BLANK),
    ("transfer.refer", "sip_uri", "4044@198.51.100.7", SIP_URI),
    ("transfer.refer", "sip_uri", "tel:+491234567890", SIP_URI),
    ("transfer.refer", "sip_uri", "sip: 4044@host", SIP_URI),
    ("monitoring.start", "supervisor_key", "", BLANK),
    ("monitoring.start", "supervisor_destination", " ", BLANK),
    ("monitoring.start", "whisper_to_agent", 1, BOOL),
    ("monitoring.stop", "call_uuid", "", BLANK),
    ("acd.extend_wrap_up", "email", "agent", EMAIL),
    ("acd.extend_wrap_up", "end_time", datetime(2026, 11, 1, 9), AWARE),
    ("acd.extend_wrap_up", "end_time", "2026-11-01T09:00:00.000Z", DATETIME),
    ("acd.cancel_wrap_up", "email", "", EMAIL),
    ("cloud_pbx.page", "page", 0, AT_LEAST_ONE),
    ("cloud_pbx.page", "page_size", 0, AT_LEAST_ONE),
    ("cloud_pbx.page", "page", "2", INTEGER),
    ("cdrs.page", "start_date_from", datetime(2026, 11, 1), AWARE),
    ("cdrs.page", "start_date_to", date(2026, 12, 1), DATETIME),
    ("cdrs.page", "page_size", -1, AT_LEAST_ONE),
    ("cdrs.count", "start_date_from", datetime(2026, 12, 2, tzinfo=timezone.utc), ORDERED),
    ("numbers.create_verification", "area_code", "0221", AREA_CODE),
    ("numbers.create_verification", "area_code", "22a", AREA_CODE),
    ("numbers.create_verification", "zip", "", BLANK),
    ("numbers.create_verification", "document_type", "PASSPORT", "must be 'ALLOCATION_NOTICE'"),
    ("numbers.create_verification", "document", b"GIF89a", PDF),
    ("numbers.create_verification", "document", "/no/such/proof.pdf", PDF),
    ("numbers.create_verification", "document", 42, PDF),
    ("numbers.order", "verification_id", "", BLANK),
    ("numbers.order", "number_type", "MOBILE", "must be 'GEOGRAPHICAL'"),
    ("numbers.order", "link_to_number", "0221", E164),
    ("numbers.order", "push_url", "ftp://example.com", HTTPS),
    ("numbers.order", "push_secret", " ", BLANK),
    ("numbers.cancel", "phone_number", "4922112345671", E164),
]


@pytest.fixture
def no_request(api: respx.MockRouter) -> Iterator[respx.Route]:
    """A route for every request; the tests check that it was never used."""
    route = api.route().respond(200, json={"success": True})
    yield route
    assert not route.called, "a request left the process"


@pytest.mark.parametrize(
    ("endpoint", "field", "value", "rule"),
    [pytest.param(*case, id=f"{case[0]}-{case[1]}={case[2]!r}") for case in CASES],
)
def test_bad_argument_is_refused_before_sending(
    client: tenios.TeniosClient,
    no_request: respx.Route,
    endpoint: str,
    field: str,
    value: Any,
    rule: str,
) -> None:
    kwargs = {**MINIMAL_CALLS[endpoint].kwargs, field: value}
    with pytest.raises(tenios.RequestValidationError) as caught:
        call(client, endpoint, kwargs)
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.field == field
    assert f"{field} {rule}" in str(error)


def test_external_number_destination_must_be_e164(
    client: tenios.TeniosClient, no_request: respx.Route
) -> None:
    with pytest.raises(tenios.RequestValidationError) as caught:
        client.transfer.call("call-1", destination_type="EXTERNALNUMBER", destination="0221554003")
    assert caught.value.field == "destination"
    assert str(caught.value) == (
        "destination must be E.164, e.g. +491234567890 when destination_type is EXTERNALNUMBER"
    )


def test_sip_destinations_are_names_not_numbers(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    route = api.post("/transfer-call").respond(200, json={"success": True})
    client.transfer.call("call-1", destination_type="SIP_USER", destination="agent.7")
    client.transfer.call("call-1", destination_type="SIP_TRUNK", destination="0221554003")
    assert route.call_count == 2


def test_skill_entries_are_checked(client: tenios.TeniosClient, no_request: respx.Route) -> None:
    kwargs = {**MINIMAL_CALLS["acd.change_user_details"].kwargs}
    kwargs["user_skills"] = [{"name": "German"}]
    with pytest.raises(tenios.RequestValidationError) as caught:
        call(client, "acd.change_user_details", kwargs)
    assert caught.value.field == "user_skills.0.has_skill"
    assert "user_skills.0.has_skill is required" in str(caught.value)


def test_every_problem_is_listed(client: tenios.TeniosClient, no_request: respx.Route) -> None:
    with pytest.raises(tenios.RequestValidationError) as caught:
        client.callback.init(callback_config_id="", callback_number="0221", delay=-5)
    assert caught.value.field == "callback_config_id"
    assert caught.value.errors == [
        "callback_config_id must not be blank",
        "callback_number must be E.164, e.g. +491234567890",
        "delay must be greater than or equal to 0",
    ]


def test_unknown_skill_in_update_is_refused_before_the_change(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    retrieve = api.post("/acd/details/user/retrieve").respond(200, json=USER_DETAILS)
    change = api.post("/acd/details/user/change").respond(200, json={"success": True})
    with pytest.raises(tenios.RequestValidationError) as caught:
        client.acd.update_user_details("agent@example.com", user_skills={"Klingon": True})
    assert caught.value.field == "user_skills"
    assert "Klingon" in str(caught.value)
    assert retrieve.call_count == 1
    assert not change.called


def test_update_with_bad_email_sends_nothing(
    client: tenios.TeniosClient, no_request: respx.Route
) -> None:
    with pytest.raises(tenios.RequestValidationError) as caught:
        client.acd.update_user_details("agent@@example.com", sip_enabled=True)
    assert caught.value.field == "email"


@pytest.mark.parametrize(
    ("field", "value", "rule"),
    [
        ("cloud_acd_enabled", "yes", BOOL),
        ("sip_enabled", 1, BOOL),
        ("external_number_enabled", "false", BOOL),
        ("external_number", "0221 5540030", E164),
        ("state", "BUSY", STATE),
        ("user_skills", ["German"], "must be a valid dictionary"),
        ("user_skills", {"German": "yes"}, BOOL),
        ("user_skills", {" ": True}, BLANK),
        ("user_skills", {7: True}, STRING),
    ],
)
def test_update_with_bad_value_sends_nothing_at_all(
    client: tenios.TeniosClient, no_request: respx.Route, field: str, value: Any, rule: str
) -> None:
    with pytest.raises(tenios.RequestValidationError) as caught:
        client.acd.update_user_details("agent@example.com", **{field: value})
    assert caught.value.field is not None
    assert caught.value.field.split(".")[0] == field
    assert rule in str(caught.value)


@pytest.mark.parametrize(
    ("skills", "field", "rule"),
    [
        ({"German": "yes"}, "user_skills.0.has_skill", BOOL),
        ({"German": 1}, "user_skills.0.has_skill", BOOL),
        ({"": True}, "user_skills.0.name", BLANK),
        (
            [{"name": "German", "has_skill": True, "level": 3}],
            "user_skills.0.level",
            "is not an argument",
        ),
        (["German"], "user_skills.0", "must be a valid dictionary"),
        ("German", "user_skills", "must be a valid list"),
    ],
)
def test_skill_settings_are_strict(
    client: tenios.TeniosClient, no_request: respx.Route, skills: Any, field: str, rule: str
) -> None:
    kwargs = {**MINIMAL_CALLS["acd.change_user_details"].kwargs, "user_skills": skills}
    with pytest.raises(tenios.RequestValidationError) as caught:
        call(client, "acd.change_user_details", kwargs)
    assert caught.value.field == field
    assert rule in str(caught.value)


def test_skills_read_back_can_be_sent_as_they_are(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    answer = {**USER_DETAILS, "user_skills": [{"name": "German", "has_skill": True, "level": 3}]}
    api.post("/acd/details/user/retrieve").respond(200, json=answer)
    change = api.post("/acd/details/user/change").respond(200, json={"success": True})
    details = client.acd.retrieve_user_details("agent@example.com")
    client.acd.change_user_details(
        "agent@example.com",
        cloud_acd_enabled=details.cloud_acd_enabled,
        sip_enabled=details.sip_enabled,
        external_number_enabled=details.external_number_enabled,
        external_number=details.external_number,
        state=tenios.AgentState.READY,
        user_skills=details.user_skills,
    )
    sent = json.loads(change.calls.last.request.content)
    assert sent["user_skills"] == [{"name": "German", "has_skill": True}]


# -- enums: members and their string values are both accepted ------------------------------------


@pytest.mark.parametrize(
    ("endpoint", "field", "member"),
    [
        ("acd.change_agent_state", "state", tenios.AgentState.READY),
        ("acd.change_agent_state", "state", tenios.AgentState.NOT_READY),
        ("acd.change_user_details", "state", tenios.AgentState.NOT_READY),
        ("transfer.call", "destination_type", tenios.DestinationType.SIP_TRUNK),
        ("transfer.call", "destination_type", tenios.DestinationType.SIP_USER),
    ],
)
def test_enum_member_and_its_value_send_the_same_request(
    client: tenios.TeniosClient,
    api: respx.MockRouter,
    endpoint: str,
    field: str,
    member: Any,
) -> None:
    route = api.route().respond(200, json={"success": True})
    base = MINIMAL_CALLS[endpoint].kwargs
    call(client, endpoint, {**base, field: member})
    first = json.loads(route.calls.last.request.content)
    call(client, endpoint, {**base, field: member.value})
    second = json.loads(route.calls.last.request.content)
    assert first == second
    assert first[field] == member.value


def test_external_number_member_with_e164_destination_is_accepted(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    route = api.post("/transfer-call").respond(200, json={"success": True})
    client.transfer.call(
        "call-1",
        destination_type=tenios.DestinationType.EXTERNALNUMBER,
        destination="+4922155400300",
    )
    assert json.loads(route.calls.last.request.content)["destination_type"] == "EXTERNALNUMBER"


@pytest.mark.parametrize("key", ["0", "5", "9", "*", "#"])
def test_every_dtmf_key_is_accepted(
    client: tenios.TeniosClient, api: respx.MockRouter, key: str
) -> None:
    route = api.post("/callback/init").respond(200, json={"id": 1})
    client.callback.init(
        callback_config_id="cfg",
        callback_number="+491234567890",
        delay=0,
        dtmf_key_to_trigger_customer_call=key,
    )
    assert json.loads(route.calls.last.request.content)["dtmf_key_to_trigger_customer_call"] == key


def test_values_are_checked_not_rewritten(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    route = api.post("/acd/agent-state/retrieve").respond(200, json={"state": "READY"})
    client.acd.retrieve_agent_state("Agent.Smith+acd@Example.COM")
    assert json.loads(route.calls.last.request.content)["email"] == "Agent.Smith+acd@Example.COM"


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/x",
        "https://",
        "https:///path",
        "ftp://example.com",
        "example.com/x",
        "https://exa mple.com/",
    ],
)
def test_https_url_rule_refuses_what_tenios_cannot_post_to(url: str) -> None:
    from tenios._validation import HTTPS_RULE, check_https_url

    with pytest.raises(ValueError, match=HTTPS_RULE):
        check_https_url(url)


def test_https_url_rule_keeps_a_good_url_unchanged() -> None:
    from tenios._validation import check_https_url

    assert (
        check_https_url("HTTPS://example.com:8443/events?x=1")
        == "HTTPS://example.com:8443/events?x=1"
    )
