# pyright: reportUnnecessaryTypeIgnoreComment=true
"""User-style server code: what a webhook receiver and a Call Control handler see, typed.

Checked by mypy --strict and pyright strict, and run by pytest; see ``test_user_code.py`` for how
``assert_type`` and the ``# type: ignore[<code>]`` misuse lines are enforced by both checkers.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any, Optional, Union

import pytest

import tenios
from tenios import call_control, webhooks

if sys.version_info >= (3, 11):
    from typing import assert_type
elif TYPE_CHECKING:
    from typing_extensions import assert_type
else:  # typing_extensions is not a dependency of tenios; at run time the check is a no-op

    def assert_type(value, _expected):
        return value


KEY = "my-webhook-key"
CUSTOMER = 200000
CALL_UUID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"


def _body(**fields: Any) -> bytes:
    return json.dumps({"customerNumber": CUSTOMER, "accessKey": KEY, **fields}).encode()


def test_a_webhook_event_narrows_by_isinstance() -> None:
    body = _body(
        requestType="BLOCK_END", blockType="ANNOUNCEMENT", variables={"call_uuid": CALL_UUID}
    )

    event = webhooks.parse_event(body, access_key=KEY, customer_number=CUSTOMER)
    assert_type(event, webhooks.WebhookEvent)
    assert_type(event.variables.call_uuid, Optional[str])
    assert isinstance(event, webhooks.BlockEndEvent)
    assert_type(event, webhooks.BlockEndEvent)
    assert event.variables.call_uuid == CALL_UUID


def test_a_call_control_request_is_answered_with_typed_blocks() -> None:
    body = _body(
        requestType="EXTERNAL_CALL_CONTROL",
        variables={"call_uuid": CALL_UUID},
        loopCount="0",
        requestStatus="REQUESTING_BLOCKS",
    )

    request = call_control.parse_request(body, access_key=KEY, customer_number=CUSTOMER)
    assert_type(request, call_control.CallControlRequest)
    assert_type(request.loop_count, int)
    assert_type(request.request_status, Union[call_control.RequestStatus, str])
    assert_type(request.validation_errors, list[str])
    answer = call_control.CallControlResponse().say("Welcome!", voice_name="en-us.female.1")
    assert_type(answer, call_control.CallControlResponse)
    assert_type(answer.to_json(), bytes)

    assert request.loop_count == 0
    assert json.loads(answer.to_json())["blocks"][0]["blockType"] == "SAY"


def test_verification_cannot_be_left_out_by_accident() -> None:
    body = _body(requestType="CALL_START")

    with pytest.raises(TypeError, match="access_key"):
        webhooks.parse_event(body)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="access_key"):
        call_control.parse_request(body, customer_number=CUSTOMER)  # type: ignore[call-arg]
    with pytest.raises(tenios.WebhookVerificationError):
        webhooks.parse_event(body, access_key="")


def test_a_block_without_its_required_attribute_is_flagged() -> None:
    with pytest.raises(TypeError, match="voice_name"):
        call_control.CallControlResponse().say("Welcome!")  # type: ignore[call-arg]
