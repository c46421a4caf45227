"""examples/webhook_receiver.py, served on 127.0.0.1 in a thread, answers the seed posts."""

from __future__ import annotations

import json
import logging
from collections.abc import Generator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tenios import webhooks

from ._examples import running_script, serving, webhook_receiver

KEY = "receiver-test-key"
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "webhooks" / "https_posts.json"
SEED_POSTS: list[dict[str, Any]] = [
    example["payload"]
    for example in json.loads(FIXTURE.read_text(encoding="utf-8"))["examples"]
    if "001" in example["source"]
]
EXAMPLE = webhook_receiver()


def with_key(post: dict[str, Any], key: str = KEY) -> bytes:
    return json.dumps({**post, "accessKey": key}).encode()


RECEIVED: list[webhooks.WebhookEvent] = []


@pytest.fixture(scope="module")
def url() -> Generator[str, None, None]:
    """One receiver for the module; its events go to ``RECEIVED``."""
    server = EXAMPLE.make_server("127.0.0.1", 0, access_key=KEY, on_event=RECEIVED.append)
    with serving(server) as base_url:
        yield base_url


@pytest.fixture
def events() -> list[webhooks.WebhookEvent]:
    """The events the module's receiver got during this test."""
    RECEIVED.clear()
    return RECEIVED


@pytest.fixture(scope="module")
def http(url: str) -> Generator[httpx.Client, None, None]:
    """A client of the module's receiver."""
    with httpx.Client(base_url=url, timeout=5) as client:
        yield client


def test_every_seed_post_is_verified_and_answered_200(
    http: httpx.Client, events: list[webhooks.WebhookEvent]
) -> None:
    statuses = [http.post("/", content=with_key(post)).status_code for post in SEED_POSTS]

    assert statuses == [200] * 5
    assert [event.request_type for event in events] == [
        "CALL_START",
        "BLOCK_END",
        "CALL_END",
        "INITIATE_FORWARD",
        "FORWARD_ANSWER",
    ]
    assert isinstance(events[3], webhooks.InitiateForwardEvent)
    assert events[3].destination == "+492212345678"


def test_a_wrong_key_gets_403_and_no_event(
    http: httpx.Client, events: list[webhooks.WebhookEvent]
) -> None:
    # The seed posts carry the vendor's placeholder key, not this server's.
    answers = [http.post("/", content=json.dumps(post)) for post in SEED_POSTS]

    assert [answer.status_code for answer in answers] == [403] * 5
    assert KEY not in answers[0].text
    assert events == []


@pytest.mark.parametrize(
    "content",
    [
        b"not json",
        b"[1, 2]",
        b"\xff",
        with_key({"requestType": "CALL_START", "customerNumber": "x"}),
    ],
    ids=["not JSON", "not an object", "not UTF-8", "wrong field type"],
)
def test_a_bad_payload_gets_400(
    http: httpx.Client, events: list[webhooks.WebhookEvent], content: bytes
) -> None:
    answer = http.post("/", content=content)

    assert answer.status_code == 400
    assert events == []


def test_a_body_without_length_or_too_large_is_refused(http: httpx.Client) -> None:
    chunked = http.post("/", content=iter([with_key(SEED_POSTS[0])]))
    too_large = http.post("/", content=b"{" + b" " * 70_000 + b"}")

    assert chunked.status_code == 411
    assert too_large.status_code == 413


def test_the_default_handler_logs_each_event_without_the_key(
    caplog: pytest.LogCaptureFixture,
) -> None:
    server = EXAMPLE.make_server("127.0.0.1", 0, access_key=KEY)
    caplog.set_level(logging.INFO, logger="webhook_receiver")

    with serving(server) as url, httpx.Client(base_url=url, timeout=5) as http:
        for post in SEED_POSTS:
            http.post("/", content=with_key(post))

    lines = [record.getMessage() for record in caplog.records if record.name == "webhook_receiver"]
    assert len(lines) == 5
    assert lines[1].startswith("BLOCK_END call=XXXXXXXXX")
    assert "block=ANNOUNCEMENT" in lines[1]
    assert "forward_to=+492212345678" in lines[4]
    assert all(KEY not in line for line in lines)


def test_with_trusted_proxies_only_posts_from_tenios_get_in(
    events: list[webhooks.WebhookEvent],
) -> None:
    server = EXAMPLE.make_server(
        "127.0.0.1", 0, access_key=KEY, trusted_proxies=["127.0.0.1"], on_event=events.append
    )
    post = with_key(SEED_POSTS[0])

    with serving(server) as url, httpx.Client(base_url=url, timeout=5) as http:
        from_tenios = http.post("/", content=post, headers={"X-Forwarded-For": "80.239.139.193"})
        spoofed = http.post(
            "/", content=post, headers={"X-Forwarded-For": "80.239.139.193, 203.0.113.9"}
        )
        direct = http.post("/", content=post)

    assert (from_tenios.status_code, spoofed.status_code, direct.status_code) == (200, 403, 403)
    assert len(events) == 1


@pytest.mark.parametrize(
    ("env", "key"),
    [
        pytest.param({"TENIOS_WEBHOOK_ACCESS_KEY": "key-from-env"}, "key-from-env", id="env"),
        pytest.param({}, "change-me", id="documented default"),
    ],
)
def test_the_script_serves_with_the_key_from_the_environment(env: dict[str, str], key: str) -> None:
    assert EXAMPLE.ACCESS_KEY_ENV == "TENIOS_WEBHOOK_ACCESS_KEY"
    assert EXAMPLE.DEFAULT_ACCESS_KEY == "change-me"

    with running_script("webhook_receiver", env) as url, httpx.Client(timeout=5) as http:
        right = http.post(url, content=with_key(SEED_POSTS[0], key))
        wrong = http.post(url, content=with_key(SEED_POSTS[0], key + "x"))

    assert (right.status_code, wrong.status_code) == (200, 403)
