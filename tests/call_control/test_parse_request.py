"""parse_request: the same verification as parse_event, and a lenient CallControlRequest."""

from __future__ import annotations

import json
from typing import Any

import pytest

import tenios
from tenios import call_control as cc

KEY = "call-control-Key-42"


def payload(**changes: Any) -> dict[str, Any]:
    """A loop-0 request with ``KEY``; ``changes`` override or (with ``...``) remove fields."""
    data: dict[str, Any] = {
        "requestType": "EXTERNAL_CALL_CONTROL",
        "customerNumber": 200000,
        "accessKey": KEY,
        "variables": {"call_uuid": "uuid-1", "caller_id_number": "+4917012345678"},
        "callControlUuid": "46250866-066f-4226-85a4-4047270b32e9",
        "loopCount": 0,
        "requestStatus": "REQUESTING_BLOCKS",
        "blocksProcessingResult": None,
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not ...}


def body(**changes: Any) -> bytes:
    return json.dumps(payload(**changes)).encode()


# --- verification (the code is shared with parse_event; these prove it is wired in) ------------


@pytest.mark.parametrize("sent", ["wrong", None, ..., 42, "ключ"], ids=repr)
def test_a_wrong_or_mistyped_key_fails_verification(sent: Any) -> None:
    with pytest.raises(tenios.WebhookVerificationError, match="accessKey"):
        cc.parse_request(body(accessKey=sent), access_key=KEY)


def test_a_wrong_customer_number_fails_verification() -> None:
    with pytest.raises(tenios.WebhookVerificationError, match="customerNumber"):
        cc.parse_request(body(customerNumber=200001), access_key=KEY, customer_number=200000)


def test_an_empty_configured_key_is_an_error() -> None:
    with pytest.raises(tenios.WebhookVerificationError):
        cc.parse_request(body(accessKey=""), access_key="")


def test_verification_comes_before_field_validation() -> None:
    with pytest.raises(tenios.WebhookVerificationError):
        cc.parse_request(body(accessKey="wrong", loopCount="many"), access_key=KEY)


def test_none_skips_the_check_on_purpose() -> None:
    request = cc.parse_request(body(accessKey="other"), access_key=None)

    assert request.access_key == "other"


# --- payload errors -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [b"", b"{", b"\xc3\x28", b"[]", b'"text"'],
    ids=["empty", "cut", "bad UTF-8", "list", "str"],
)
def test_a_body_that_is_not_a_json_object_is_a_payload_error(raw: bytes) -> None:
    with pytest.raises(tenios.WebhookPayloadError):
        cc.parse_request(raw, access_key=KEY)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param({"loopCount": "many"}, "loopCount", id="loopCount text"),
        pytest.param({"loopCount": True}, "loopCount", id="loopCount boolean"),
        pytest.param({"loopCount": 1.5}, "loopCount", id="loopCount fraction"),
        pytest.param({"loopCount": "-1"}, "loopCount", id="loopCount negative text"),
        pytest.param({"loopCount": ...}, "loopCount", id="loopCount missing"),
        pytest.param({"requestStatus": 3}, "requestStatus", id="requestStatus number"),
        pytest.param({"requestStatus": ...}, "requestStatus", id="requestStatus missing"),
        pytest.param({"requestType": None}, "requestType", id="requestType null"),
        pytest.param({"callControlUuid": 5}, "callControlUuid", id="callControlUuid number"),
        pytest.param(
            {"blocksProcessingResult": {"validationErrors": "one"}},
            "blocksProcessingResult.validationErrors",
            id="validationErrors not a list",
        ),
    ],
)
def test_fields_of_the_wrong_type_are_a_payload_error_naming_the_field(
    changes: dict[str, Any], field: str
) -> None:
    with pytest.raises(tenios.WebhookPayloadError) as raised:
        cc.parse_request(body(**changes), access_key=KEY)

    assert f"{field}:" in str(raised.value)


# --- lenient parsing ----------------------------------------------------------------------------


@pytest.mark.parametrize(("sent", "read"), [(0, 0), ("0", 0), ("12", 12), (3, 3)])
def test_loop_count_is_read_as_int_also_when_sent_as_a_string(sent: Any, read: int) -> None:
    # TENIOS's own PHP test sends it as a string.
    request = cc.parse_request(body(loopCount=sent), access_key=KEY)

    assert request.loop_count == read


def test_validation_errors_are_surfaced() -> None:
    sent = body(
        loopCount=1,
        requestStatus="VALIDATION_ERRORS",
        blocksProcessingResult={
            "validationErrors": ["Low level (JSON) error on line 1, column 25"],
            "futureField": 1,
        },
    )

    request = cc.parse_request(sent, access_key=KEY)

    assert request.request_status is cc.RequestStatus.VALIDATION_ERRORS
    assert request.validation_errors == ["Low level (JSON) error on line 1, column 25"]
    assert request.blocks_processing_result is not None
    assert request.blocks_processing_result.model_extra == {"futureField": 1}


@pytest.mark.parametrize(
    "result", [None, {}, {"validationErrors": None}], ids=["null", "empty", "null list"]
)
def test_no_validation_errors_reads_as_an_empty_list(result: Any) -> None:
    request = cc.parse_request(body(blocksProcessingResult=result), access_key=KEY)

    assert request.validation_errors == []


def test_an_unknown_request_status_and_type_are_kept_as_strings() -> None:
    request = cc.parse_request(
        body(requestStatus="PAUSED", requestType="EXTERNAL_POST"), access_key=KEY
    )

    assert request.request_status == "PAUSED"
    assert not isinstance(request.request_status, cc.RequestStatus)
    assert request.request_type == "EXTERNAL_POST"


def test_call_control_uuid_and_variables_may_be_absent_and_extras_are_kept() -> None:
    request = cc.parse_request(
        body(callControlUuid=..., variables=..., blocksProcessingResult=..., newField=[1]),
        access_key=KEY,
    )

    assert request.call_control_uuid is None
    assert request.variables.call_uuid is None
    assert request.blocks_processing_result is None
    assert request.model_extra == {"newField": [1]}


def test_collected_variables_are_readable() -> None:
    request = cc.parse_request(
        body(loopCount=1, variables={"call_uuid": "u", "menu_choice": "2"}), access_key=KEY
    )

    assert request.variables.get("menu_choice") == "2"


def test_the_received_key_is_not_in_repr_or_str() -> None:
    request = cc.parse_request(body(), access_key=KEY)

    assert KEY not in repr(request)
    assert KEY not in str(request)
    assert request.access_key == KEY


def test_a_request_can_be_built_in_python_for_your_own_tests() -> None:
    request = cc.CallControlRequest(
        request_type="EXTERNAL_CALL_CONTROL",
        customer_number=1,
        access_key="k",
        loop_count=0,
        request_status=cc.RequestStatus.REQUESTING_BLOCKS,
    )

    assert request.model_dump(by_alias=True, exclude_unset=True)["loopCount"] == 0
