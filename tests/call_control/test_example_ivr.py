"""examples/ivr_server.py, served on 127.0.0.1 in a thread, runs the Call Control loop."""

from __future__ import annotations

import json
from collections.abc import Generator
from pathlib import Path
from typing import Any

import httpx
import pytest

from ..webhooks._examples import ivr_server, running_script, serving

KEY = "ivr-test-key"
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "call_control" / "examples.json"
LOOP_0: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))["requests"][0]["payload"]
EXAMPLE = ivr_server()


def request(key: str = KEY, **changes: Any) -> bytes:
    """The reference's loop-0 request with this server's key and ``changes``."""
    return json.dumps({**LOOP_0, "accessKey": key, **changes}).encode()


def loop_1(choice: Any) -> bytes:
    return request(loopCount=1, variables={**LOOP_0["variables"], "menu_choice": choice})


@pytest.fixture(scope="module")
def http() -> Generator[httpx.Client, None, None]:
    """A client of one IVR server for the module (it keeps no state between requests)."""
    server = EXAMPLE.make_server("127.0.0.1", 0, access_key=KEY, customer_number=200002)
    with serving(server) as url, httpx.Client(base_url=url, timeout=5) as client:
        yield client


def blocks(answer: httpx.Response) -> list[dict[str, Any]]:
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    sent: list[dict[str, Any]] = answer.json()["blocks"]
    return sent


def test_a_whole_call_menu_then_bridge_then_done(http: httpx.Client) -> None:
    menu = blocks(http.post("/", content=request()))
    bridge = blocks(http.post("/", content=loop_1("2")))
    done = blocks(http.post("/", content=request(loopCount=2)))

    assert [block["blockType"] for block in menu] == ["SAY", "COLLECT_DIGITS"]
    assert menu[1]["variableName"] == EXAMPLE.CHOICE_VARIABLE == "menu_choice"
    assert (menu[1]["minDigits"], menu[1]["maxDigits"], menu[1]["terminator"]) == (1, 1, "#")
    assert bridge == [
        {
            "blockType": "BRIDGE",
            "bridgeMode": "SEQUENTIAL",
            "destinations": [{"destinationType": "EXTERNALNUMBER", "destination": "+4978787878"}],
        }
    ]
    assert done == []


def test_the_loop_count_may_come_as_a_string(http: httpx.Client) -> None:
    menu = blocks(http.post("/", content=request(loopCount="0")))

    assert menu[0]["blockType"] == "SAY"


@pytest.mark.parametrize("choice", ["1", "2"])
def test_each_digit_bridges_to_its_route(http: httpx.Client, choice: str) -> None:
    (bridge,) = blocks(http.post("/", content=loop_1(choice)))

    assert bridge["destinations"] == [EXAMPLE.ROUTES[choice].to_dict()]


@pytest.mark.parametrize("choice", ["9", "", None, ["1"]])
def test_an_unknown_or_missing_choice_apologises_and_hangs_up(
    http: httpx.Client, choice: Any
) -> None:
    answer = blocks(http.post("/", content=loop_1(choice)))

    assert [block["blockType"] for block in answer] == ["SAY", "HANGUP"]


def test_validation_errors_are_answered_with_no_blocks(http: httpx.Client) -> None:
    refused = request(
        loopCount=1,
        requestStatus="VALIDATION_ERRORS",
        blocksProcessingResult={"validationErrors": ["Low level (JSON) error"]},
    )

    assert blocks(http.post("/", content=refused)) == []


@pytest.mark.parametrize(
    "content",
    [request(key="wrong"), request(key=LOOP_0["accessKey"]), request(customerNumber=200000)],
    ids=["wrong key", "the reference's placeholder key", "other customer"],
)
def test_an_untrusted_request_gets_403(http: httpx.Client, content: bytes) -> None:
    answer = http.post("/", content=content)

    assert answer.status_code == 403
    assert KEY not in answer.text


@pytest.mark.parametrize(
    "content",
    [b"{", b"[]", request(loopCount="first"), request(requestStatus=None)],
    ids=["not JSON", "not an object", "bad loopCount", "no requestStatus"],
)
def test_a_bad_request_gets_400(http: httpx.Client, content: bytes) -> None:
    assert http.post("/", content=content).status_code == 400


def test_a_body_without_length_or_too_large_is_refused(http: httpx.Client) -> None:
    assert http.post("/", content=iter([request()])).status_code == 411
    assert http.post("/", content=b" " * 70_000).status_code == 413


def test_the_script_serves_with_the_key_from_the_environment() -> None:
    assert EXAMPLE.ACCESS_KEY_ENV == "TENIOS_CALL_CONTROL_ACCESS_KEY"
    assert EXAMPLE.DEFAULT_ACCESS_KEY == "change-me"
    env = {"TENIOS_CALL_CONTROL_ACCESS_KEY": "env-key", "TENIOS_CUSTOMER_NUMBER": "200002"}

    with running_script("ivr_server", env) as url, httpx.Client(timeout=5) as client:
        right = client.post(url, content=request(key="env-key"))
        default = client.post(url, content=request(key="change-me"))

    assert [block["blockType"] for block in blocks(right)] == ["SAY", "COLLECT_DIGITS"]
    assert default.status_code == 403
