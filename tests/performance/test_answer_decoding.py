"""The fast way of reading an answer's text never changes what a call returns or raises.

``tenios._body`` decodes the usual answer (ASCII JSON, UTF-8 or no charset) without httpx's
charset detection. Every case here runs the same call twice, with the fast path and with it
switched off, and the outcome must be the same: the parsed model, or the error with its message
and body.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Optional, Union
from unittest import mock

import httpx
import pytest
from hypothesis import given, settings, strategies as st

import tenios
from tenios import _body, _pipeline

ACCESS_KEY = "XXXXX-XXXX-XXXXXX"

BODIES = [
    b'{"status": "CONNECTED"}',
    b'{"status": "CONNECTED", "note": "M\xc3\xbcller"}',  # UTF-8
    b'{"status": "CONNECTED", "note": "M\xfcller"}',  # Latin-1
    '{"status": "CONNECTED"}'.encode("utf-16"),
    b'{"status": "CONNECTED", "echo": "XXXXX-XXXX-XXXXXX"}',  # the key, to be redacted
    b'{"status": "CONNECTED", "echo": "J\xc3\xbcrgen XXXXX-XXXX-XXXXXX"}',  # UTF-8, and the key
    b'{"status": "CONNECTED", "echo": "XXXXX\\u002dXXXX-XXXXXX"}',  # the key, JSON-escaped
    b'{"error_code": "CALLBACK_NOT_FOUND", "error_message": "XXXXX-XXXX-XXXXXX", "fields": []}',
    b'{"status": 7}',
    b"[1, 2]",
    b"not json",
    b"",
    b'\x00{"status": "CONNECTED"}',
]
CONTENT_TYPES = [
    None,
    "application/json",
    "application/json; charset=utf-8",
    "application/json; charset=UTF-8",
    'application/json; charset="utf-8"',
    "application/json;charset=utf8",
    "application/json; charset=latin-1",
    "application/json; charset=utf-16",
    "application/json; charset*=utf-16''x",
    'application/json; note="charset=utf-8"; charset=utf-16',
    "text/plain",
]
DEFAULT_ENCODINGS: list[Union[str, Callable[[bytes], str]]] = [
    "utf-8",
    "latin-1",
    lambda content: "utf-16",
]


def outcome(
    body: bytes,
    content_type: Optional[str],
    default_encoding: Union[str, Callable[[bytes], str]],
    status: int = 200,
) -> tuple[Any, ...]:
    """What ``callback.status`` gives a user for this answer: the model, or what it raised."""

    def answer(request: httpx.Request) -> httpx.Response:
        headers = {} if content_type is None else {"Content-Type": content_type}
        return httpx.Response(status, content=body, headers=headers)

    http = httpx.Client(transport=httpx.MockTransport(answer), default_encoding=default_encoding)
    with http, tenios.TeniosClient(ACCESS_KEY, http_client=http, max_retries=0) as client:
        try:
            result = client.callback.status(10)
        except tenios.APIError as exc:
            return ("error", type(exc), str(exc), exc.body)
        except Exception as exc:  # e.g. httpx's UnicodeError for charset=utf-16 without a BOM
            return ("raised", type(exc), str(exc))
    return ("ok", type(result), result.model_dump())


def no_fast_path(response: httpx.Response) -> None:
    """Stands in for ``ascii_text`` and ``utf8_content``: every answer takes ``response.text``."""


def both_ways(*case: Any) -> tuple[Any, Any]:
    """The outcome with the fast paths, and with httpx's ``response.text`` only."""
    fast = outcome(*case)
    with (
        mock.patch.object(_body, "ascii_text", no_fast_path),
        mock.patch.object(_pipeline, "utf8_content", no_fast_path),
    ):
        slow = outcome(*case)
    return fast, slow


@pytest.mark.parametrize(
    "default_encoding", DEFAULT_ENCODINGS, ids=["utf-8", "latin-1", "callable"]
)
@pytest.mark.parametrize("content_type", CONTENT_TYPES)
@pytest.mark.parametrize("body", BODIES)
def test_an_answer_reads_the_same_with_and_without_the_fast_path(
    body: bytes,
    content_type: Optional[str],
    default_encoding: Union[str, Callable[[bytes], str]],
) -> None:
    fast, slow = both_ways(body, content_type, default_encoding)

    assert fast == slow


def test_the_usual_answer_takes_the_fast_path() -> None:
    response = httpx.Response(
        200, content=b'{"status": "CONNECTED"}', headers={"Content-Type": "application/json"}
    )

    assert _body.ascii_text(response) == '{"status": "CONNECTED"}'


def test_an_error_answer_reads_the_same_with_and_without_the_fast_path() -> None:
    body = b'{"error_code": "CALLBACK_NOT_FOUND", "error_message": "no XXXXX-XXXX-XXXXXX", "fields": ["id"]}'

    fast, slow = both_ways(body, "application/json", "utf-8", 400)

    assert fast == slow
    assert fast[1] is tenios.CallbackNotFoundError
    assert ACCESS_KEY not in fast[2]


@settings(max_examples=150, deadline=None)
@given(
    body=st.one_of(
        st.binary(max_size=40),
        st.text(max_size=20).map(
            lambda text: json.dumps({"status": text}, ensure_ascii=False).encode()
        ),
    ),
    content_type=st.sampled_from(CONTENT_TYPES),
)
def test_any_body_reads_the_same_with_and_without_the_fast_path(
    body: bytes, content_type: Optional[str]
) -> None:
    fast, slow = both_ways(body, content_type, "utf-8")

    assert fast == slow


@pytest.mark.parametrize(
    ("body", "echo"),
    [
        (
            '{"status": "CONNECTED", "echo": "Jürgen XXXXX-XXXX-XXXXXX"}'.encode(),
            "Jürgen [REDACTED]",
        ),
        (b'{"status": "CONNECTED", "echo": "XXXXX\\u002dXXXX-XXXXXX"}', "[REDACTED]"),
    ],
    ids=["utf-8", "escaped"],
)
def test_an_echoed_key_is_redacted_from_a_successful_answer(body: bytes, echo: str) -> None:
    kind, _, fields = outcome(body, "application/json", "utf-8")

    assert (kind, fields["echo"]) == ("ok", echo)
