"""Fixed examples of what the fuzzers and the secrets test found, so each stays fixed.

Before the fixes: a lone surrogate crashed sending with ``UnicodeEncodeError``; ints beyond
JSON's exact range were sent (and ``10**5000`` crashed with ``ValueError``); a timeout of 1e10 s
crashed the socket with ``OverflowError``; a huge int made the error message itself crash; and a
server echoing the request JSON-escaped leaked the key into ``str(error)``.
"""

from __future__ import annotations

import json
from typing import Any, Callable

import httpx
import pytest

import tenios

from ._faults import ACCESS_KEY, OK_BYTES, QUICK_CALLS, measure
from ._rawserver import JSON, RawServer, answer, answer_with, http_response

MAX_JSON_INT = 2**53 - 1

Call = Callable[[tenios.TeniosClient], object]


def _client() -> tenios.TeniosClient:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise AssertionError(f"sent {request.content!r}")

    return tenios.TeniosClient(
        access_key=ACCESS_KEY, http_client=httpx.Client(transport=httpx.MockTransport(refuse))
    )


def _refused(call: Call) -> tenios.RequestValidationError:
    with pytest.raises(tenios.RequestValidationError) as caught:
        call(_client())
    return caught.value


LONE_SURROGATE = "ab\ud800"


SURROGATE_CALLS: list[tuple[str, Call]] = [
    (
        "callback_config_id",
        lambda c: c.callback.init(
            callback_config_id=LONE_SURROGATE, callback_number="+491234567890", delay=0
        ),
    ),
    ("email", lambda c: c.acd.retrieve_agent_state(f"{LONE_SURROGATE}@example.com")),
    ("nrr", lambda c: c.acd.change_agent_state("a@example.com", state="READY", nrr="\udfff")),
    ("call_uuid", lambda c: c.call_control.interrupt_block(LONE_SURROGATE)),
    (
        "destination",
        lambda c: c.transfer.call("u", destination_type="SIP_USER", destination="\ud83d"),
    ),
]


@pytest.mark.parametrize(("field", "call"), SURROGATE_CALLS)
def test_text_that_utf8_cannot_encode_is_refused(field: str, call: Call) -> None:
    error = _refused(call)
    assert error.field == field
    assert "UTF-8" in str(error)


def test_other_scripts_and_emoji_are_still_sent() -> None:
    sent: list[Any] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(json.loads(request.content.decode("utf-8")))
        return httpx.Response(200, json={"success": True})

    http = httpx.Client(transport=httpx.MockTransport(record))
    client = tenios.TeniosClient(access_key=ACCESS_KEY, http_client=http)
    client.call_control.interrupt_block("Grüße-📞-通话")
    assert sent[0]["call_uuid"] == "Grüße-📞-通话"


@pytest.mark.parametrize(
    "value", [MAX_JSON_INT + 1, 2**63, 10**400, 10**5000], ids=["2**53", "2**63", "1e400", "1e5000"]
)
def test_whole_numbers_beyond_the_exact_json_range_are_refused(value: int) -> None:
    delay = _refused(
        lambda c: c.callback.init(
            callback_config_id="cfg", callback_number="+491234567890", delay=value
        )
    )
    assert delay.field == "delay"
    identifier = _refused(lambda c: c.callback.status(value))
    assert identifier.field == "id"
    assert str(MAX_JSON_INT) in str(identifier)


@pytest.mark.parametrize(
    "value",
    [1e10, 10**400, 10**5000, float("inf"), float("nan")],
    ids=["1e10", "1e400", "1e5000", "inf", "nan"],
)
def test_durations_no_socket_can_wait_are_refused_readably(value: float) -> None:
    per_call = _refused(lambda c: c.acd.retrieve_agent_state("a@example.com", timeout=value))
    assert per_call.field == "timeout"
    assert len(str(per_call)) < 200
    deadline = _refused(lambda c: c.callback.wait(1, timeout=value))
    assert deadline.field == "timeout"
    with pytest.raises(tenios.TeniosError, match="timeout"):
        tenios.TeniosClient(access_key=ACCESS_KEY, timeout=value)


def test_the_longest_accepted_timeout_still_works_on_a_real_socket() -> None:
    with RawServer(answer(200, OK_BYTES)) as server:
        client = tenios.TeniosClient(access_key=ACCESS_KEY, base_url=server.base_url)
        assert client.callback.status(1, timeout=1_000_000).status == "REQUESTED"
        client.close()


def _escaped(text: str) -> str:
    return "".join(f"\\u{ord(character):04x}" for character in text)


def test_an_escaped_echo_of_the_key_is_redacted_from_the_error() -> None:
    def respond(_: object) -> bytes:
        body = f'{{"error_code": "INVALID_JSON", "error_message": "{_escaped(ACCESS_KEY)}"}}'
        return http_response(400, body.encode(), JSON)

    with RawServer(answer_with(respond)) as server:
        error = measure(QUICK_CALLS[0], server.base_url).error
    assert isinstance(error, tenios.InvalidJSONError)
    assert error.error_message == "[REDACTED]"
    assert ACCESS_KEY not in str(error) + repr(error.body)


def test_the_key_is_redacted_at_any_depth_and_in_names() -> None:
    depth = 400  # deep, yet within what the JSON parser accepts
    inner = {ACCESS_KEY: _escaped(ACCESS_KEY)}
    body = "[" * depth + json.dumps(inner).replace("\\\\", "\\") + "]" * depth

    with RawServer(answer(500, body.encode())) as server:
        error = measure(QUICK_CALLS[1], server.base_url).error
    assert isinstance(error, tenios.ServerError)
    found = error.body
    for _ in range(depth):
        assert isinstance(found, list)
        found = found[0]
    assert found == {"[REDACTED]": "[REDACTED]"}
