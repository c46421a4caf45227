"""The journal records every request with the access key and credentials out of it."""

from __future__ import annotations

import httpx

from tenios.testing import DEMO_AGENT_EMAIL, REDACTED, Emulator, ManualClock

KEY = "very-secret-key-123"


def test_the_key_is_redacted_from_bodies_and_headers() -> None:
    with Emulator(KEY, clock=ManualClock(start=42)) as emulator:
        client = emulator.client(
            default_headers={"Authorization": "Bearer token", "X-Trace": f"has {KEY} inside"}
        )
        client.acd.retrieve_agent_state(DEMO_AGENT_EMAIL)
        (entry,) = emulator.journal
    assert entry.body == {"access_key": REDACTED, "email": DEMO_AGENT_EMAIL}
    assert entry.params == {"email": DEMO_AGENT_EMAIL}
    assert "authorization" not in entry.headers
    assert entry.headers["x-trace"] == f"has {REDACTED} inside"
    assert entry.headers["content-type"] == "application/json"
    assert (entry.method, entry.path, entry.endpoint) == (
        "POST",
        "/acd/agent-state/retrieve",
        "acd.retrieve_agent_state",
    )
    assert (entry.status, entry.fault, entry.at) == (200, False, 42.0)
    assert KEY not in repr(entry)
    assert KEY not in repr(emulator)


def test_a_wrong_key_and_a_body_that_is_not_json_are_redacted_too() -> None:
    with (
        Emulator(KEY) as emulator,
        httpx.Client(transport=emulator.transport(), base_url="http://localhost") as http,
    ):
        http.post("/callback/status?debug=1", json={"access_key": "some-other-key", "id": 1})
        http.post("/callback/status", content=f"access_key={KEY}".encode())
        http.post("/nowhere", content=b"[1]")
        first, second, third = emulator.journal
    assert first.body == {"access_key": REDACTED, "id": 1}
    assert first.path == "/callback/status"  # without the query string
    assert (first.status, second.status) == (400, 400)
    assert second.body == f"access_key={REDACTED}"
    assert second.params == {}
    assert (third.endpoint, third.status, third.body) == (None, 404, [1])


def test_requests_to_filters_by_name_or_path_and_the_journal_can_be_cleared() -> None:
    with Emulator() as emulator:
        client = emulator.client()
        client.acd.retrieve_agent_state(DEMO_AGENT_EMAIL)
        client.acd.retrieve_user_details(DEMO_AGENT_EMAIL)
        client.acd.retrieve_agent_state(DEMO_AGENT_EMAIL)
        by_name = emulator.requests_to("acd.retrieve_agent_state")
        assert by_name == emulator.requests_to("/acd/agent-state/retrieve")
        assert len(by_name) == 2
        assert len(emulator.journal) == 3
        emulator.clear_journal()
        assert emulator.journal == []
