"""Fuzzed bodies: parse_event and parse_request raise nothing but the two webhook errors."""

from __future__ import annotations

import json
from typing import Any, Callable, Optional

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from tenios import WebhookPayloadError, WebhookVerificationError, call_control, webhooks

Parser = Callable[..., Any]
PARSERS = [
    pytest.param(webhooks.parse_event, id="parse_event"),
    pytest.param(call_control.parse_request, id="parse_request"),
]
KEY = "fuzz-key"
FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=10,
)


def _one_of(*samples: Any) -> st.SearchStrategy[Any]:
    # Mostly the plausible samples (the first is valid), sometimes any JSON value.
    return st.one_of(st.just(samples[0]), st.sampled_from(samples), json_values)


# Objects shaped like TENIOS's posts, so that fuzzing reaches field validation, not only decoding.
FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "requestType": _one_of(
        "CALL_START", "BLOCK_END", "INITIATE_FORWARD", "EXTERNAL_CALL_CONTROL", "NEW"
    ),
    "customerNumber": _one_of(200000, "200000", "0200000", -1, 2**70, "12a", True, 1.0),
    "accessKey": _one_of(KEY, "", "FUZZ-KEY", "ü", "\ud800"),
    "variables": st.one_of(
        st.dictionaries(st.sampled_from(["call_uuid", "x"]), st.text(max_size=3)),
        st.dictionaries(st.sampled_from(["call_uuid", "x"]), json_values),
        json_values,
    ),
    "loopCount": _one_of(0, "1", "-1", " 2", "1_0", "²"),
    "requestStatus": _one_of("REQUESTING_BLOCKS", "VALIDATION_ERRORS"),
    "blocksProcessingResult": st.one_of(
        st.none(),
        st.fixed_dictionaries(
            {}, optional={"validationErrors": st.lists(st.text(max_size=5)) | json_values}
        ),
        json_values,
    ),
    "callControlUuid": _one_of("46250866-066f-4226-85a4-4047270b32e9"),
    "blockType": _one_of("ANNOUNCEMENT"),
    "destination": _one_of("+492212345678"),
    "destinationType": _one_of("EXTERNALNUMBER", "SIP"),
}
shaped = st.fixed_dictionaries({}, optional=FIELDS) | st.fixed_dictionaries(FIELDS)


def check(
    parse: Parser, body: Any, access_key: Optional[str], customer_number: Optional[int]
) -> None:
    """Parse; only the two webhook errors may escape, and a success is a verified one."""
    try:
        result = parse(body, access_key=access_key, customer_number=customer_number)
    except WebhookPayloadError:
        return
    except WebhookVerificationError:
        assert access_key is not None or customer_number is not None
        return
    if access_key is not None:
        assert result.access_key == access_key
    if customer_number is not None:
        assert result.customer_number == customer_number


CHECKS = [(None, None), (KEY, None), (KEY, 200000), (None, 200000)]


@pytest.mark.parametrize("parse", PARSERS)
@FUZZ
@given(raw=st.binary(max_size=200))
def test_random_bytes(parse: Parser, raw: bytes) -> None:
    for access_key, customer_number in CHECKS:
        check(parse, raw, access_key, customer_number)


@pytest.mark.parametrize("parse", PARSERS)
@FUZZ
@given(value=json_values)
def test_random_json_values_as_text_and_as_decoded_objects(parse: Parser, value: Any) -> None:
    for access_key, customer_number in CHECKS:
        check(parse, json.dumps(value), access_key, customer_number)
        if not isinstance(value, str):
            check(parse, value, access_key, customer_number)


@pytest.mark.parametrize("parse", PARSERS)
@FUZZ
@given(value=shaped)
def test_payload_shaped_objects(parse: Parser, value: dict[str, Any]) -> None:
    for access_key, customer_number in CHECKS:
        check(
            parse, json.dumps(value).encode("utf-8", "surrogatepass"), access_key, customer_number
        )
        check(parse, value, access_key, customer_number)
