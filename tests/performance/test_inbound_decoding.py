"""The fast JSON parser for TENIOS's posts never changes what ``parse_event`` or ``parse_request`` do.

``tenios._inbound`` first parses a short bytes body with pydantic-core and falls back to
``json.loads`` for anything that parser refuses. Every case here parses the same body with the
fast parser and with it switched off; the result, or the error and its message, must be the same.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Optional
from unittest import mock

import pytest
from hypothesis import given, settings, strategies as st
from pydantic import BaseModel

import tenios
from tenios import _inbound, call_control, webhooks

ACCESS_KEY = "XXXXXXXXX"
CALL_START = {
    "requestType": "CALL_START",
    "customerNumber": 200000,
    "accessKey": ACCESS_KEY,
    "variables": {"destination_number": "+4922155400300", "call_uuid": "XXXXXXXXX"},
}
SEED = json.dumps(CALL_START).encode()
CALL_CONTROL = {
    "requestType": "EXTERNAL_CALL_CONTROL",
    "customerNumber": 200000,
    "accessKey": ACCESS_KEY,
    "variables": {"call_uuid": "uuid-1"},
    "callControlUuid": "46250866-066f-4226-85a4-4047270b32e9",
    "loopCount": 0,
    "requestStatus": "REQUESTING_BLOCKS",
    "blocksProcessingResult": None,
}

Parse = Callable[..., BaseModel]
PARSERS: dict[str, Parse] = {
    "parse_event": webhooks.parse_event,
    "parse_request": call_control.parse_request,
}


def changed(**fields: Any) -> bytes:
    """The seed post with ``fields`` replaced or added."""
    return json.dumps({**CALL_START, **fields}).encode()


BODIES = [
    SEED,
    json.dumps(CALL_START, indent=3).encode(),
    b"\xef\xbb\xbf" + SEED,  # a UTF-8 BOM
    SEED.replace(b'"XXXXXXXXX"}', b'"\\ud800"}'),  # a lone surrogate
    SEED.replace(b"200000", b"NaN"),
    SEED.replace(b"200000", b"Infinity"),
    SEED.replace(b"200000", b"-Infinity"),
    b'{"requestType": "NEW", "accessKey": "XXXXXXXXX", "x": NaN}',  # where any value is kept
    SEED.replace(b'"+4922155400300"', b"-Infinity"),
    changed(callerName="NaNa", note="Infinity"),  # the words inside strings
    SEED.replace(b"200000", b"1e400"),
    SEED.replace(b"200000", b"1" * 4301),  # more digits than Python allows
    SEED.replace(b"200000", b"1" * 4000),
    SEED.replace(b"200000", b"1" * 600),  # a big int in a body under the lowest digits cap
    changed(padding="x" * 5000),  # too long for the fast path, valid
    SEED.replace(b"+49", b"\xff"),  # not UTF-8
    SEED.replace(b"+49", b"\x01"),  # a raw control character
    SEED + b" trailing",
    SEED + b"\n",
    SEED.replace(b'"call_uuid": "XXXXXXXXX"', b'"call_uuid": "a", "call_uuid": "b"'),
    SEED.replace(b'"accessKey": "XXXXXXXXX"', b'"accessKey": "wrong", "accessKey": "XXXXXXXXX"'),
    SEED.replace(b'"accessKey": "XXXXXXXXX"', b'"accessKey": "XXXXXXXXX", "accessKey": "wrong"'),
    SEED.replace(b'"requestType": "CALL_START"', b'"requestType": 1, "requestType": "CALL_END"'),
    b"[" * 300 + b"]" * 300,
    b'{"requestType": "CALL_START", "nested": ' + b"[" * 300 + b"]" * 300 + b"}",
    b"[1, 2]",
    b'"CALL_START"',
    b"",
    b"{}",
    b'{"requestType": "SOMETHING_NEW", "accessKey": "XXXXXXXXX", "x": 1.5}',
    SEED.replace(b"200000", b'"200000"'),
    SEED.replace(b"200000", b"true"),
    # Fields of the wrong type: the error comes from the json.loads path, word for word.
    changed(variables=3),
    changed(variables={"call_uuid": [1]}),
    changed(customerNumber=-1),
    changed(customerNumber=1.5),
    changed(requestType="BLOCK_END", blockType=1),
    changed(requestType="FORWARD_ANSWER", destinationType=3, destination=[]),
    changed(requestType="FORWARD_ANSWER", destinationType="SIP_USER"),
    changed(requestType=None),
    # Call Control requests.
    json.dumps(CALL_CONTROL).encode(),
    json.dumps({**CALL_CONTROL, "loopCount": "3", "requestStatus": "PAUSED"}).encode(),
    json.dumps({**CALL_CONTROL, "blocksProcessingResult": "one"}).encode(),
    json.dumps({**CALL_CONTROL, "blocksProcessingResult": {"validationErrors": "one"}}).encode(),
    json.dumps({**CALL_CONTROL, "blocksProcessingResult": {"validationErrors": ["a", 1]}}).encode(),
]


def outcome(parse: Parse, body: Any, access_key: Optional[str]) -> tuple[Any, ...]:
    """What a parser gives a user: the model, or what it raised."""
    try:
        parsed = parse(body, access_key=access_key, customer_number=None)
    except (tenios.WebhookError, ValueError, TypeError) as exc:
        return ("raised", type(exc), str(exc), exc.__cause__, exc.__suppress_context__)
    raw = parsed.raw if isinstance(parsed, webhooks.UnknownEvent) else None
    return ("ok", type(parsed), parsed.model_dump(), parsed.model_extra, raw)


def no_fast_parser(body: bytes) -> Optional[dict[str, Any]]:
    """Stands in for ``_fast_json_object``: every body takes ``json.loads``."""
    return None


def both_ways(parse: Parse, body: Any, access_key: Optional[str]) -> tuple[Any, Any]:
    """The outcome with the fast parser, and with ``json.loads`` only."""
    fast = outcome(parse, body, access_key)
    with mock.patch.object(_inbound, "_fast_json_object", no_fast_parser):
        slow = outcome(parse, body, access_key)
    return fast, slow


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize("access_key", [ACCESS_KEY, None, "wrong"])
@pytest.mark.parametrize("body", BODIES)
def test_a_post_parses_the_same_with_and_without_the_fast_parser(
    parser: str, body: bytes, access_key: Optional[str]
) -> None:
    fast, slow = both_ways(PARSERS[parser], body, access_key)

    assert fast == slow


def test_the_seed_post_takes_the_fast_parser() -> None:
    assert _inbound._fast_json_object(SEED) == CALL_START  # pyright: ignore[reportPrivateUsage]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(SEED.replace(b"200000", b"NaN"), id="NaN"),
        pytest.param(changed(padding="x" * 5000), id="long"),
        pytest.param(b"\xef\xbb\xbf" + SEED, id="BOM"),
        pytest.param(b"[1]", id="not an object"),
        pytest.param(b"{", id="not JSON"),
    ],
)
def test_bodies_the_fast_parser_cannot_decide_take_the_json_path(body: bytes) -> None:
    assert _inbound._fast_json_object(body) is None  # pyright: ignore[reportPrivateUsage]


def test_a_body_over_the_digits_cap_takes_the_json_path(monkeypatch: pytest.MonkeyPatch) -> None:
    # Python 3.9.14+ caps the digits of an int parsed from text; json.loads honours it, the fast
    # parser does not. A body longer than the cap could hold such an int.
    body = changed(padding="x" * 700)
    monkeypatch.setattr(_inbound, "_int_max_str_digits", lambda: 640)

    assert _inbound._fast_json_object(body) is None  # pyright: ignore[reportPrivateUsage]
    monkeypatch.setattr(_inbound, "_int_max_str_digits", lambda: 0)  # 0: no cap
    assert _inbound._fast_json_object(body) is not None  # pyright: ignore[reportPrivateUsage]


def test_an_untrusted_post_never_reaches_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    untrusted = changed(accessKey="wrong", customerNumber="x", variables=3)
    validated: list[Any] = []

    def record(model: type[BaseModel], data: dict[str, Any]) -> None:
        validated.append(data)

    monkeypatch.setattr(_inbound, "_validate", record)

    with pytest.raises(tenios.WebhookVerificationError):
        webhooks.parse_event(untrusted, access_key=ACCESS_KEY)

    assert validated == []


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)
FIELD_NAMES = sorted({*CALL_START, *CALL_CONTROL, "blockType", "destination", "destinationType"})


@settings(max_examples=100, deadline=None)
@given(
    parser=st.sampled_from(sorted(PARSERS)),
    template=st.sampled_from([CALL_START, CALL_CONTROL]),
    request_type=st.sampled_from(
        ["CALL_START", "BLOCK_END", "CALL_END", "INITIATE_FORWARD", "FORWARD_ANSWER", "NEW"]
    ),
    fields=st.dictionaries(st.sampled_from(FIELD_NAMES), json_values, max_size=3),
    extra=st.dictionaries(st.text(max_size=8), json_values, max_size=3),
    ensure_ascii=st.booleans(),
    cut=st.integers(min_value=0, max_value=400),
    insert=st.binary(max_size=2),
)
def test_any_post_parses_the_same_with_and_without_the_fast_parser(
    parser: str,
    template: dict[str, Any],
    request_type: str,
    fields: dict[str, Any],
    extra: dict[str, Any],
    ensure_ascii: bool,
    cut: int,
    insert: bytes,
) -> None:
    if template is CALL_START:
        fields = {"requestType": request_type, **fields}
    whole = json.dumps({**template, **fields, **extra}, ensure_ascii=ensure_ascii).encode(
        "utf-8", "surrogatepass"
    )
    for body in (whole, whole[:cut] + insert + whole[cut:]):
        fast, slow = both_ways(PARSERS[parser], body, ACCESS_KEY)

        assert fast == slow
