"""acd.update_user_details: retrieve the record, change only what was given, send it whole."""

from __future__ import annotations

import json
from typing import Any

import pytest
import respx

import tenios

from ..conftest import ACCESS_KEY, USER_DETAILS


@pytest.fixture
def client(either_client: tenios.TeniosClient) -> tenios.TeniosClient:
    """Every test of this module runs on both clients (tests/_sides.py)."""
    return either_client


EMAIL = "agent@test.com"
CURRENT = USER_DETAILS
UNCHANGED: dict[str, Any] = {
    "access_key": ACCESS_KEY,
    "email": EMAIL,
    "cloud_acd_enabled": True,
    "sip_enabled": True,
    "external_number_enabled": True,
    "external_number": "+4922155400300",
    "state": "READY",
    "user_skills": CURRENT["user_skills"],
}


def _routes(
    api: respx.MockRouter, current: dict[str, Any] = CURRENT
) -> tuple[respx.Route, respx.Route]:
    retrieve = api.post("/acd/details/user/retrieve").respond(200, json=current)
    change = api.post("/acd/details/user/change").respond(200, json={"success": True})
    return retrieve, change


def _sent(route: respx.Route) -> Any:
    return json.loads(route.calls.last.request.content)


def test_only_given_values_change_and_every_skill_is_sent(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    retrieve, change = _routes(api)
    result = client.acd.update_user_details(
        EMAIL, sip_enabled=False, user_skills={"German": False, "Sales": True}
    )
    assert result.success is True
    assert _sent(retrieve) == {"access_key": ACCESS_KEY, "email": EMAIL}
    assert _sent(change) == {
        **UNCHANGED,
        "sip_enabled": False,
        "user_skills": [
            {"name": "English", "has_skill": False},
            {"name": "German", "has_skill": False},
            {"name": "Sales", "has_skill": True},
            {"name": "Customer Service", "has_skill": True},
        ],
    }


def test_nothing_given_sends_the_record_unchanged(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    _, change = _routes(api)
    client.acd.update_user_details(EMAIL)
    assert _sent(change) == UNCHANGED


@pytest.mark.parametrize(
    ("given", "sent"),
    [
        ({"cloud_acd_enabled": False}, {"cloud_acd_enabled": False}),
        ({"external_number_enabled": False}, {"external_number_enabled": False}),
        ({"external_number": "+491231244"}, {"external_number": "+491231244"}),
        ({"state": tenios.AgentState.NOT_READY}, {"state": "NOT_READY"}),
        ({"state": "NOT_READY"}, {"state": "NOT_READY"}),
    ],
)
def test_each_field_can_be_changed_alone(
    client: tenios.TeniosClient, api: respx.MockRouter, given: dict[str, Any], sent: dict[str, Any]
) -> None:
    _, change = _routes(api)
    client.acd.update_user_details(EMAIL, **given)
    assert _sent(change) == {**UNCHANGED, **sent}


def test_no_external_number_on_record_is_left_out(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    _, change = _routes(api, {**CURRENT, "external_number": None})
    client.acd.update_user_details(EMAIL, cloud_acd_enabled=False)
    assert "external_number" not in _sent(change)


def test_extra_skill_fields_from_the_answer_are_not_sent_back(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    skills = [{"name": "German", "has_skill": True, "skill_id": 7}]
    _, change = _routes(api, {**CURRENT, "user_skills": skills})
    client.acd.update_user_details(EMAIL, user_skills={"German": False})
    assert _sent(change)["user_skills"] == [{"name": "German", "has_skill": False}]


def test_unknown_skill_is_refused_and_nothing_changes(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    retrieve, change = _routes(api)
    with pytest.raises(tenios.RequestValidationError) as caught:
        client.acd.update_user_details(EMAIL, user_skills={"German": True, "french": True})
    assert caught.value.field == "user_skills"
    assert "french" in str(caught.value)
    assert "German" in str(caught.value)  # the known skills are listed
    assert retrieve.call_count == 1
    assert not change.called


def test_retrieve_error_stops_the_update(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    body: dict[str, Any] = {"error_code": "AGENT_NOT_FOUND", "error_message": "Agent not found."}
    api.post("/acd/details/user/retrieve").respond(400, json=body)
    change = api.post("/acd/details/user/change").respond(200, json={"success": True})
    with pytest.raises(tenios.AgentNotFoundError):
        client.acd.update_user_details(EMAIL, sip_enabled=False)
    assert not change.called


def test_per_call_timeout_reaches_both_requests(
    client: tenios.TeniosClient, api: respx.MockRouter
) -> None:
    retrieve, change = _routes(api)
    client.acd.update_user_details(EMAIL, sip_enabled=False, timeout=4)
    for route in (retrieve, change):
        assert route.calls.last.request.extensions["timeout"]["read"] == 4
