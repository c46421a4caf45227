"""Fuzzing what TENIOS posts to your server: webhook events and Call Control requests.

Random bytes, random JSON of any shape, and payloads shaped like the real ones with random
values in every field, given as bytes, text or an already-decoded mapping, checked with and
without a key. ``parse_event`` and ``parse_request`` must return their model or raise
``WebhookPayloadError`` / ``WebhookVerificationError``; nothing else. A payload whose
``accessKey`` does not match the configured key is never accepted, and an empty configured key
accepts nothing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Callable, Optional

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import tenios
from tenios import call_control, webhooks

KEY = "hook-key-Zq8Wd3Lm"
CUSTOMER = 200000

Parse = Callable[..., object]
PARSERS: dict[str, Parse] = {
    "webhooks.parse_event": webhooks.parse_event,
    "call_control.parse_request": call_control.parse_request,
}

# -- strategies -------------------------------------------------------------------------------

scalars: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([2**64, -(2**63), 10**400, 0, -1]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=10),
    st.sampled_from(["", "0", " 7 ", "1_0", "\u0663", "\ud800", "NaN", KEY, KEY.upper()]),
)
json_values: st.SearchStrategy[Any] = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
variables = st.one_of(
    json_values,
    st.dictionaries(
        st.sampled_from(["destination_number", "call_uuid", "correlation_id", "x", ""]),
        json_values,
        max_size=4,
    ),
)
request_types = st.one_of(
    st.sampled_from(
        [
            "CALL_START",
            "BLOCK_END",
            "CALL_END",
            "INITIATE_FORWARD",
            "FORWARD_ANSWER",
            "EXTERNAL_CALL_CONTROL",
            "call_start",
            "",
        ]
    ),
    scalars,
)
shaped: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
    {},
    optional={
        "requestType": request_types,
        "customerNumber": st.one_of(st.just(CUSTOMER), st.just(str(CUSTOMER)), scalars),
        "accessKey": st.one_of(st.just(KEY), scalars),
        "variables": variables,
        "blockType": st.one_of(st.sampled_from(["ANNOUNCEMENT", "BRIDGE"]), scalars),
        "destination": scalars,
        "destinationType": st.one_of(st.sampled_from(["SIP_USER", "EXTERNALNUMBER"]), scalars),
        "callControlUuid": scalars,
        "loopCount": st.one_of(st.integers(-2, 5), st.just("3"), scalars),
        "requestStatus": st.one_of(st.sampled_from(["REQUESTING_BLOCKS"]), scalars),
        "blocksProcessingResult": st.one_of(
            st.fixed_dictionaries({"validationErrors": json_values}), json_values
        ),
        "extra": json_values,
    },
)


def _encodings(payload: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A payload as a web framework may hand it over: bytes, text, or the decoded mapping."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    def as_bytes(value: Any) -> bytes:
        return dump(value).encode("utf-8", "surrogatepass")

    return st.one_of(payload.map(as_bytes), payload.map(dump), payload)


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _examples() -> list[dict[str, Any]]:
    """The vendor's example payloads, with our key and customer number."""
    posts = json.loads((FIXTURES / "webhooks" / "https_posts.json").read_text("utf-8"))
    requests = json.loads((FIXTURES / "call_control" / "examples.json").read_text("utf-8"))
    payloads = [e["payload"] for e in posts["examples"]] + [
        e["payload"] for e in requests["requests"]
    ]
    return [{**p, "accessKey": KEY, "customerNumber": CUSTOMER} for p in payloads]


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    """A real example with one or two fields replaced by random JSON, or removed."""
    payload = dict(draw(st.sampled_from(_examples())))
    for _ in range(draw(st.integers(1, 2))):
        name = draw(st.sampled_from(sorted(payload)))
        if draw(st.booleans()):
            del payload[name]
        else:
            payload[name] = draw(json_values)
    return payload


bodies: st.SearchStrategy[Any] = st.one_of(
    _encodings(mutated()),
    _encodings(st.sampled_from(_examples())),
    st.binary(max_size=64),
    st.text(max_size=64),
    st.sampled_from([b"", b"{", b"[" * 50_000, b"\xef\xbb\xbf{}", b"NaN", b'{"a": Infinity}']),
    _encodings(json_values),
    _encodings(shaped),
    shaped,
)
configured_keys = st.sampled_from([KEY, KEY, KEY, None, "", "   ", "schl\u00fcssel"])
configured_customers = st.sampled_from([None, CUSTOMER])


# -- the check --------------------------------------------------------------------------------


def _decoded(body: Any) -> Optional[Mapping[str, Any]]:
    """The JSON object in ``body``, if it is one (as the parsers would decode it)."""
    if isinstance(body, Mapping):
        return body  # pyright: ignore[reportUnknownVariableType]
    if not isinstance(body, (bytes, str)):
        return None
    try:
        text = body.decode("utf-8-sig") if isinstance(body, bytes) else body
        value = json.loads(text, parse_constant=_not_json)
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None  # pyright: ignore[reportUnknownVariableType]


def _not_json(name: str) -> object:
    raise ValueError(f"{name} is not JSON")  # NaN and Infinity are Python's, not JSON's


def check(parse: Parse, body: Any, access_key: Optional[str], customer: Optional[int]) -> None:
    """Only the two webhook errors, and never a payload from an untrusted sender."""
    error: Optional[tenios.WebhookError] = None
    try:
        parse(body, access_key=access_key, customer_number=customer)
    except (tenios.WebhookPayloadError, tenios.WebhookVerificationError) as raised:
        error = raised
    data = _decoded(body)
    empty_key = access_key is not None and not access_key.strip()
    if error is not None:
        if empty_key and data is not None:
            assert isinstance(error, tenios.WebhookVerificationError)
        return
    assert data is not None, "accepted a body that is not a JSON object"
    if access_key is not None:
        assert not empty_key, "an empty configured key accepted a payload"
        assert data.get("accessKey") == access_key, "accepted a payload with another key"


QUICK_EXAMPLES = 100
THOROUGH_EXAMPLES = 3000


def fuzz(parse: Parse, max_examples: int) -> None:
    """Run ``check`` for ``parse`` on ``max_examples`` generated bodies and configurations."""

    @settings(
        max_examples=max_examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(bodies, configured_keys, configured_customers)
    def run(body: Any, access_key: Optional[str], customer: Optional[int]) -> None:
        check(parse, body, access_key, customer)

    run()


@pytest.mark.parametrize("name", PARSERS)
def test_fuzz_inbound_parsing(name: str) -> None:
    fuzz(PARSERS[name], QUICK_EXAMPLES)


@pytest.mark.slow
@pytest.mark.parametrize("name", PARSERS)
def test_fuzz_inbound_parsing_thoroughly(name: str) -> None:
    fuzz(PARSERS[name], THOROUGH_EXAMPLES)
