"""The access key never shows: not in a log line at any level, a repr, a str or an error.

One test gathers everything a user could print or log: every log record at DEBUG (the SDK's,
httpx's and httpcore's), the repr and str of the client, a ``with_options`` copy, the resources,
every response model, parsed webhook events and Call Control requests, and every exception the
fault matrix produces, plus servers that echo the request (and so the key) back, verbatim and
JSON-escaped. Neither the key nor any 6-character piece of it may appear anywhere.
"""

from __future__ import annotations

import json
import logging
import re
import traceback
from collections.abc import Iterator
from typing import Callable

import pytest

import tenios
from tenios import call_control, webhooks

from ._faults import (
    ACCESS_KEY,
    ALL_CALLS,
    FAULTS,
    OK_BYTES,
    QUICK_CALLS,
    measure,
    run,
)
from ._rawserver import JSON, RawServer, ReceivedRequest, answer, answer_with, http_response

PIECE = 6


def pieces(secret: str) -> set[str]:
    """Every substring of ``secret`` of ``PIECE`` characters (longer ones contain one)."""
    return {secret[i : i + PIECE] for i in range(len(secret) - PIECE + 1)}


def describe(value: object) -> Iterator[str]:
    """The texts a user may see of ``value``: repr, str, and for errors the whole traceback."""
    yield repr(value)
    yield str(value)
    if isinstance(value, BaseException):
        yield "".join(traceback.format_exception(type(value), value, value.__traceback__))
        # The chain as tracebacks and error trackers show it: "from None" hides the context.
        shown = value.__cause__ or (None if value.__suppress_context__ else value.__context__)
        if shown is not None:
            yield from describe(shown)
        if isinstance(value, tenios.APIError):
            yield repr(value.body)
            yield str(value.error_message)


def _escaped(text: str) -> str:
    return "".join(f"\\u{ord(character):04x}" for character in text)


def _echo(status: int, *, escape: bool) -> RawServer:
    """A server that puts the whole request body into its error message."""

    def respond(request: ReceivedRequest) -> bytes:
        echoed = request.body.decode()
        message = _escaped(echoed) if escape else json.dumps(echoed)[1:-1]
        body = f'{{"error_code": "INVALID_JSON", "error_message": "got {message}"}}'
        return http_response(status, body.encode(), JSON)

    return RawServer(answer_with(respond))


def _echo_text(status: int) -> RawServer:
    """A proxy that answers with the raw request body as text."""
    return RawServer(
        answer_with(lambda r: http_response(status, r.body, (("Content-Type", "text/plain"),)))
    )


def _echo_in_success() -> RawServer:
    """A 200 whose body carries the key in a field and under an unknown name."""

    def respond(request: ReceivedRequest) -> bytes:
        key = json.loads(request.body)["access_key"]
        body = {**json.loads(OK_BYTES), "access_key": key, "echo": {"key": key}}
        return http_response(200, json.dumps(body).encode(), JSON)

    return RawServer(answer_with(respond))


def _inbound_objects() -> Iterator[object]:
    """Parsed posts from TENIOS that carry the key, and the errors of wrong ones."""
    post = {
        "requestType": "CALL_START",
        "customerNumber": 200000,
        "accessKey": ACCESS_KEY,
        "variables": {"call_uuid": "abc"},
    }
    yield webhooks.parse_event(json.dumps(post).encode(), access_key=ACCESS_KEY)
    yield webhooks.parse_event({**post, "requestType": "NEW_EVENT"}, access_key=ACCESS_KEY)
    request = {
        "requestType": "EXTERNAL_CALL_CONTROL",
        "customerNumber": 200000,
        "accessKey": ACCESS_KEY,
        "loopCount": 0,
        "requestStatus": "REQUESTING_BLOCKS",
    }
    yield call_control.parse_request(request, access_key=ACCESS_KEY)
    cases = (
        (webhooks.parse_event, post, "customerNumber"),
        (call_control.parse_request, request, "loopCount"),
    )
    for parse, payload, number_field in cases:
        for configured in (ACCESS_KEY + "x", ACCESS_KEY[:-1]):
            with pytest.raises(tenios.WebhookVerificationError) as caught:
                parse(payload, access_key=configured)
            yield caught.value
        with pytest.raises(tenios.WebhookPayloadError) as bad:
            parse({**payload, number_field: ACCESS_KEY}, access_key=ACCESS_KEY)
        yield bad.value


@pytest.mark.slow  # about 7 s: a sweep of every call and failure
def test_the_key_never_appears_in_logs_reprs_strs_or_errors(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TENIOS_LOG", "debug")
    caplog.set_level(logging.DEBUG)
    seen: list[object] = []

    client = tenios.TeniosClient(access_key=ACCESS_KEY, base_url="http://127.0.0.1:9")
    copy = client.with_options(access_key=ACCESS_KEY[::-1], max_retries=0)
    seen += [client, copy, client.callback, client.acd, client.transfer, client.call_control]

    with RawServer(answer(200, OK_BYTES)) as server:
        for call in ALL_CALLS:
            measurement = measure(call, server.base_url)
            assert measurement.error is None
            seen.append(measurement.result)

    for fault in FAULTS:
        for call in QUICK_CALLS:
            measurement, _ = run(fault, call)
            if measurement.error is not None:  # successes are the ones seen above
                seen.append(measurement.error)

    echoing: tuple[Callable[[], RawServer], ...] = (
        lambda: _echo(400, escape=False),
        lambda: _echo(400, escape=True),
        lambda: _echo(503, escape=True),
        lambda: _echo_text(500),
        lambda: _echo_text(200),
        _echo_in_success,
    )
    for make_server in echoing:
        with make_server() as server:
            for call in QUICK_CALLS:
                measurement = measure(call, server.base_url)
                seen.append(measurement.error if measurement.error else measurement.result)

    seen += list(_inbound_objects())
    client.close()

    assert len(caplog.records) > 100, "DEBUG logging did not run"
    texts = [text for value in seen for text in describe(value)]
    texts += [record.getMessage() for record in caplog.records]
    texts += [repr(record.args) for record in caplog.records]
    texts += [caplog.text]
    any_piece = re.compile("|".join(map(re.escape, pieces(ACCESS_KEY) | pieces(ACCESS_KEY[::-1]))))
    for text in texts:
        leak = any_piece.search(text)
        assert leak is None, f"{leak.group()!r} of a key in: {text[:300]}"


def test_the_key_is_distinctive_enough_for_the_check() -> None:
    """No 6-character piece of the key occurs in ordinary SDK text, so a hit means a leak."""
    ordinary = " ".join(
        [
            repr(tenios.TeniosClient(access_key="other-key-000000", base_url="http://127.0.0.1:9")),
            *(fault.name for fault in FAULTS),
            OK_BYTES.decode(),
        ]
    )
    assert not any(piece in ordinary for piece in pieces(ACCESS_KEY))
    assert len(pieces(ACCESS_KEY)) == len(ACCESS_KEY) - PIECE + 1
