"""parse_event: verification that fails closed, payload errors, lenient parsing, no key in a repr."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

import tenios
from tenios import webhooks

KEY = "s3cr3t-Access-Key"


def payload(**changes: Any) -> dict[str, Any]:
    """A CALL_START post with ``KEY``; ``changes`` override or (with ``...``) remove fields."""
    data: dict[str, Any] = {
        "requestType": "CALL_START",
        "customerNumber": 200000,
        "accessKey": KEY,
        "variables": {
            "destination_number": "+4922155400300",
            "correlation_id": "corr-1",
            "call_uuid": "uuid-1",
            "caller_id_number": "+4917012345678",
        },
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not ...}


def body(**changes: Any) -> bytes:
    return json.dumps(payload(**changes)).encode()


# --- verification -------------------------------------------------------------------------------


def test_the_right_key_and_customer_number_pass() -> None:
    event = webhooks.parse_event(body(), access_key=KEY, customer_number=200000)

    assert isinstance(event, webhooks.CallStartEvent)


@pytest.mark.parametrize(
    "sent",
    [
        pytest.param("wrong", id="other key"),
        pytest.param(KEY + " ", id="trailing space"),
        pytest.param(KEY.lower(), id="case differs"),
        pytest.param(KEY[:-1], id="prefix"),
        pytest.param("", id="empty"),
        pytest.param(None, id="null"),
        pytest.param(..., id="missing"),
        pytest.param(12345, id="number"),
        pytest.param([KEY], id="list"),
        pytest.param("schlüssel-ß", id="non-ASCII"),
        pytest.param("\ud800", id="lone surrogate"),
    ],
)
def test_a_wrong_missing_or_mistyped_access_key_fails_verification(sent: Any) -> None:
    with pytest.raises(webhooks.WebhookVerificationError, match="accessKey"):
        webhooks.parse_event(body(accessKey=sent), access_key=KEY)


def test_a_non_ascii_configured_key_is_compared_without_a_type_error() -> None:
    key = "schlüssel-ß"

    event = webhooks.parse_event(body(accessKey=key), access_key=key)

    assert event.access_key == key
    with pytest.raises(webhooks.WebhookVerificationError):
        webhooks.parse_event(body(accessKey="schlussel-ss"), access_key=key)


@pytest.mark.parametrize("configured", ["", "   "])
def test_an_empty_configured_key_is_an_error_whatever_was_sent(configured: str) -> None:
    # A missing configuration value must never switch verification off.
    with pytest.raises(webhooks.WebhookVerificationError, match="access_key is empty"):
        webhooks.parse_event(body(accessKey=configured), access_key=configured)


def test_access_key_is_a_required_keyword() -> None:
    with pytest.raises(TypeError):
        webhooks.parse_event(body())  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]


def test_a_configured_key_that_is_not_a_string_is_a_programming_error() -> None:
    with pytest.raises(TypeError, match="access_key must be a str"):
        webhooks.parse_event(body(), access_key=KEY.encode())  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


def test_none_skips_the_key_check_on_purpose() -> None:
    event = webhooks.parse_event(body(accessKey="anything"), access_key=None)

    assert event.access_key == "anything"


@pytest.mark.parametrize(
    "sent",
    [
        pytest.param(20000, id="other number"),
        pytest.param("20000", id="other number as text"),
        pytest.param(None, id="null"),
        pytest.param(..., id="missing"),
        pytest.param(True, id="boolean"),
        pytest.param("2e5", id="not digits"),
        pytest.param(200000.5, id="fraction"),
    ],
)
def test_a_wrong_or_mistyped_customer_number_fails_verification(sent: Any) -> None:
    with pytest.raises(webhooks.WebhookVerificationError, match="customerNumber"):
        webhooks.parse_event(body(customerNumber=sent), access_key=KEY, customer_number=200000)


def test_customer_number_sent_as_digits_passes_and_is_read_as_int() -> None:
    event = webhooks.parse_event(
        body(customerNumber="200000"), access_key=KEY, customer_number=200000
    )

    assert event.customer_number == 200000


def test_customer_number_is_checked_only_when_given() -> None:
    event = webhooks.parse_event(body(customerNumber=1), access_key=KEY)

    assert event.customer_number == 1


def test_verification_comes_before_any_field_is_validated() -> None:
    # Wrong key *and* broken fields: the caller learns nothing about our models.
    untrusted = body(accessKey="wrong", customerNumber="x", variables=3, requestType=7)

    with pytest.raises(webhooks.WebhookVerificationError):
        webhooks.parse_event(untrusted, access_key=KEY)


def test_verification_errors_name_no_key() -> None:
    with pytest.raises(webhooks.WebhookVerificationError) as raised:
        webhooks.parse_event(body(accessKey="sent-key-123"), access_key=KEY)

    assert KEY not in str(raised.value)
    assert "sent-key-123" not in str(raised.value)


# --- payload errors -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"not json", id="not JSON"),
        pytest.param(b'{"requestType": "CALL_START",', id="cut short"),
        pytest.param(b"\xff\xfe{}", id="invalid UTF-8"),
        pytest.param('{"a": NaN}', id="NaN"),
        pytest.param(b'{"a": Infinity}', id="Infinity"),
        pytest.param(b"[" * 100_000, id="too deep"),
        pytest.param(b'{"n": ' + b"9" * 5000 + b"}", id="huge number"),
    ],
)
def test_a_body_that_is_not_json_is_a_payload_error(raw: bytes | str) -> None:
    with pytest.raises(webhooks.WebhookPayloadError, match=r"JSON|UTF-8"):
        webhooks.parse_event(raw, access_key=KEY)


@pytest.mark.parametrize(
    "value", [[], [payload()], "CALL_START", 3, None, True], ids=lambda v: type(v).__name__
)
def test_json_that_is_not_an_object_is_a_payload_error(value: Any) -> None:
    with pytest.raises(webhooks.WebhookPayloadError, match="not a JSON object"):
        webhooks.parse_event(json.dumps(value), access_key=KEY)
    if not isinstance(value, str):  # a str body is JSON text; other values count as decoded JSON
        with pytest.raises(webhooks.WebhookPayloadError, match="not a JSON object"):
            webhooks.parse_event(value, access_key=KEY)


def test_a_mapping_with_a_non_string_key_is_a_payload_error() -> None:
    mapping: dict[Any, Any] = {**payload(), 1: "one"}

    with pytest.raises(webhooks.WebhookPayloadError, match="key"):
        webhooks.parse_event(mapping, access_key=KEY)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param({"requestType": ...}, "requestType", id="requestType missing"),
        pytest.param({"requestType": 5}, "requestType", id="requestType a number"),
        pytest.param({"customerNumber": "abc"}, "customerNumber", id="customerNumber text"),
        pytest.param({"customerNumber": -1}, "customerNumber", id="customerNumber negative"),
        pytest.param({"customerNumber": ...}, "customerNumber", id="customerNumber missing"),
        pytest.param({"variables": 3}, "variables", id="variables a number"),
        pytest.param({"variables": {"call_uuid": 7}}, "variables.call_uuid", id="variable type"),
        pytest.param({"requestType": "BLOCK_END", "blockType": 1}, "blockType", id="blockType"),
        pytest.param(
            {"requestType": "FORWARD_ANSWER", "destination": []}, "destination", id="destination"
        ),
    ],
)
def test_fields_of_the_wrong_type_are_a_payload_error_naming_the_field(
    changes: dict[str, Any], field: str
) -> None:
    with pytest.raises(webhooks.WebhookPayloadError) as raised:
        webhooks.parse_event(body(**changes), access_key=None)

    assert f"{field}:" in str(raised.value)
    assert isinstance(raised.value, ValueError)
    assert raised.value.__cause__ is None  # pydantic's error, which quotes input, is not chained


def test_a_mistyped_access_key_is_a_payload_error_when_the_check_is_skipped() -> None:
    with pytest.raises(webhooks.WebhookPayloadError, match="accessKey"):
        webhooks.parse_event(body(accessKey=12345), access_key=None)


def test_payload_errors_do_not_quote_the_sent_values() -> None:
    with pytest.raises(webhooks.WebhookPayloadError) as raised:
        webhooks.parse_event(body(customerNumber="abc-" + KEY), access_key=KEY)

    assert KEY not in str(raised.value)


def test_both_errors_are_webhook_errors_of_the_sdk() -> None:
    assert issubclass(webhooks.WebhookPayloadError, tenios.WebhookError)
    assert issubclass(webhooks.WebhookVerificationError, tenios.TeniosError)
    assert webhooks.WebhookPayloadError is tenios.WebhookPayloadError


# --- lenient parsing ----------------------------------------------------------------------------


def test_an_unknown_request_type_gives_an_unknown_event_with_the_raw_data() -> None:
    sent = payload(requestType="CALL_PARKED", parkingSlot=3, customerNumber="200000")

    event = webhooks.parse_event(json.dumps(sent), access_key=KEY, customer_number=200000)

    assert isinstance(event, webhooks.UnknownEvent)
    assert event.request_type == "CALL_PARKED"
    assert event.raw == sent
    assert event.customer_number == 200000
    assert event.model_extra == {"parkingSlot": 3}
    assert event.variables.call_uuid == "uuid-1"


def test_an_unknown_event_needs_only_a_request_type() -> None:
    event = webhooks.parse_event({"requestType": "NEW"}, access_key=None)

    assert isinstance(event, webhooks.UnknownEvent)
    assert event.customer_number is None
    assert event.raw == {"requestType": "NEW"}


def test_unknown_fields_and_variables_are_kept() -> None:
    variables = {**payload()["variables"], "dtmf_input": "42", "answered_time": "0"}

    event = webhooks.parse_event(
        body(variables=variables, newField={"a": 1}), access_key=KEY, customer_number=200000
    )

    assert event.model_extra == {"newField": {"a": 1}}
    assert event.variables.get("dtmf_input") == "42"
    assert event.variables.get("answered_time") == "0"
    assert event.variables.get("caller_id_number") == "+4917012345678"
    assert event.variables.get("not_sent", "default") == "default"


def test_absent_variables_are_none_and_absent_variables_object_is_empty() -> None:
    event = webhooks.parse_event(body(variables=...), access_key=KEY)

    assert event.variables.call_uuid is None
    assert event.variables.get("call_uuid", "none") == "none"


def test_event_specific_fields_may_be_absent() -> None:
    block_end = webhooks.parse_event(body(requestType="BLOCK_END"), access_key=KEY)
    forward = webhooks.parse_event(body(requestType="INITIATE_FORWARD"), access_key=KEY)

    assert isinstance(block_end, webhooks.BlockEndEvent)
    assert block_end.block_type is None
    assert isinstance(forward, webhooks.InitiateForwardEvent)
    assert forward.destination is None
    assert forward.destination_type is None


def test_an_unknown_destination_type_is_kept_as_text() -> None:
    event = webhooks.parse_event(
        body(requestType="FORWARD_ANSWER", destination="x", destinationType="WEBRTC"),
        access_key=KEY,
    )

    assert isinstance(event, webhooks.ForwardAnswerEvent)
    assert event.destination_type == "WEBRTC"


def test_a_byte_order_mark_is_tolerated() -> None:
    event = webhooks.parse_event(b"\xef\xbb\xbf" + body(), access_key=KEY)

    assert isinstance(event, webhooks.CallStartEvent)


def test_events_can_be_built_with_snake_case_names() -> None:
    event = webhooks.CallStartEvent(
        request_type="CALL_START",
        customer_number=1,
        access_key="k",
        variables=webhooks.CallVariables(),
    )

    assert event.model_dump(by_alias=True)["customerNumber"] == 1


def test_webhook_event_is_a_pydantic_type_for_your_own_models() -> None:
    adapter: TypeAdapter[webhooks.WebhookEvent] = TypeAdapter(webhooks.WebhookEvent)

    assert isinstance(adapter.validate_python(payload()), webhooks.CallStartEvent)
    assert isinstance(adapter.validate_python(payload(requestType="X")), webhooks.UnknownEvent)
    built = webhooks.CallEndEvent(request_type="CALL_END", customer_number=1, access_key="k")
    assert adapter.validate_python(built) is built
    unknown = webhooks.parse_event({"requestType": "X", "a": 1}, access_key=None)
    revalidated = adapter.validate_python(unknown)
    assert isinstance(revalidated, webhooks.UnknownEvent)
    assert revalidated.raw == {"requestType": "X", "a": 1}
    with pytest.raises(ValidationError, match="requestType is missing or not a string"):
        adapter.validate_python({"customerNumber": 1})


# --- secrets ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "request_type",
    ["CALL_START", "BLOCK_END", "CALL_END", "INITIATE_FORWARD", "FORWARD_ANSWER", "UNKNOWN_1"],
)
def test_the_received_key_is_not_in_repr_or_str(request_type: str) -> None:
    event = webhooks.parse_event(body(requestType=request_type), access_key=KEY)

    assert KEY not in repr(event)
    assert KEY not in str(event)
    assert event.access_key == KEY  # still readable on purpose
