"""The fast JSON parser for TENIOS's posts never changes what ``parse_event`` returns or raises.

``tenios._inbound`` first parses a short bytes body with pydantic-core and falls back to
``json.loads`` for anything that parser refuses. Every case here parses the same body with the
fast parser and with it switched off; the event, or the error and its message, must be the same.
"""

from __future__ import annotations

import json
from typing import Any, Optional
from unittest import mock

import pytest
from hypothesis import given, settings, strategies as st

import tenios
from tenios import _inbound, webhooks

ACCESS_KEY = "XXXXXXXXX"
CALL_START = {
    "requestType": "CALL_START",
    "customerNumber": 200000,
    "accessKey": ACCESS_KEY,
    "variables": {"destination_number": "+4922155400300", "call_uuid": "XXXXXXXXX"},
}
SEED = json.dumps(CALL_START).encode()

BODIES = [
    SEED,
    json.dumps(CALL_START, indent=3).encode(),
    b"\xef\xbb\xbf" + SEED,  # a UTF-8 BOM
    SEED.replace(b'"XXXXXXXXX"}', b'"\\ud800"}'),  # a lone surrogate
    SEED.replace(b"200000", b"NaN"),
    SEED.replace(b"200000", b"1e400"),
    SEED.replace(b"200000", b"1" * 4301),  # more digits than Python allows
    SEED.replace(b"200000", b"1" * 4000),
    SEED.replace(b"+49", b"\xff"),  # not UTF-8
    SEED.replace(b"+49", b"\x01"),  # a raw control character
    SEED + b" trailing",
    SEED + b"\n",
    SEED.replace(b'"call_uuid": "XXXXXXXXX"', b'"call_uuid": "a", "call_uuid": "b"'),
    b"[" * 300 + b"]" * 300,
    b'{"requestType": "CALL_START", "nested": ' + b"[" * 300 + b"]" * 300 + b"}",
    b"[1, 2]",
    b'"CALL_START"',
    b"",
    b"{}",
    b'{"requestType": "SOMETHING_NEW", "accessKey": "XXXXXXXXX", "x": 1.5}',
    SEED.replace(b"200000", b'"200000"'),
    SEED.replace(b"200000", b"true"),
]


def outcome(body: Any, access_key: Optional[str]) -> tuple[Any, ...]:
    """What ``parse_event`` gives a user: the event, or what it raised."""
    try:
        event = webhooks.parse_event(body, access_key=access_key)
    except (tenios.WebhookError, ValueError, TypeError) as exc:
        return ("raised", type(exc), str(exc))
    return ("ok", type(event), event.model_dump(), event.model_extra)


def no_fast_parser(body: bytes) -> Optional[dict[str, Any]]:
    """Stands in for ``_fast_json_object``: every body takes ``json.loads``."""
    return None


def both_ways(body: Any, access_key: Optional[str]) -> tuple[Any, Any]:
    """The outcome with the fast parser, and with ``json.loads`` only."""
    fast = outcome(body, access_key)
    with mock.patch.object(_inbound, "_fast_json_object", no_fast_parser):
        slow = outcome(body, access_key)
    return fast, slow


@pytest.mark.parametrize("access_key", [ACCESS_KEY, None, "wrong"])
@pytest.mark.parametrize("body", BODIES)
def test_a_post_parses_the_same_with_and_without_the_fast_parser(
    body: bytes, access_key: Optional[str]
) -> None:
    fast, slow = both_ways(body, access_key)

    assert fast == slow


def test_the_seed_post_takes_the_fast_parser() -> None:
    assert _inbound._fast_json_object(SEED) == CALL_START  # pyright: ignore[reportPrivateUsage]


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


@settings(max_examples=200, deadline=None)
@given(
    extra=st.dictionaries(st.text(max_size=8), json_values, max_size=3),
    ensure_ascii=st.booleans(),
    cut=st.integers(min_value=0, max_value=400),
    insert=st.binary(max_size=2),
)
def test_any_post_parses_the_same_with_and_without_the_fast_parser(
    extra: dict[str, Any], ensure_ascii: bool, cut: int, insert: bytes
) -> None:
    whole = json.dumps({**CALL_START, **extra}, ensure_ascii=ensure_ascii).encode(
        "utf-8", "surrogatepass"
    )
    for body in (whole, whole[:cut] + insert + whole[cut:]):
        fast, slow = both_ways(body, ACCESS_KEY)

        assert fast == slow
