"""CallControlResponse: fluent builder, add_block escape hatch, camelCase JSON bytes, no nulls."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tenios import RequestValidationError, call_control as cc

MENU: dict[str, Any] = {
    "announcement_name": "Menu",
    "error_announcement_name": "Invalid",
    "variable_name": "choice",
    "min_digits": 1,
    "max_digits": 1,
    "terminator": "#",
    "max_tries": 3,
    "timeout": 10,
}


def test_the_fluent_builder_appends_in_order_and_returns_the_response() -> None:
    response = cc.CallControlResponse()

    returned = (
        response.say("Welcome", voice_name="en-us.female.1")
        .collect_digits(**MENU)
        .announcement("Voicemail_Ansage", standard_announcement=True)
        .routing_plan("Support")
        .collect_speech(
            announcement_name="Ask",
            missing_input_announcement_name="Silence",
            language="de-DE",
            variable_name="answer",
            max_tries=2,
        )
        .bridge([{"destination": "1001", "destinationType": "SIP_USER"}], bridge_mode="SEQUENTIAL")
        .call_settings(forward_ani="+4922155400300")
        .refer(referTo="sip:4044@192.0.2.1")
        .hangup(cc.HangupCause.CALL_REJECTED)
    )

    assert returned is response
    assert [block["blockType"] for block in response.to_dict()["blocks"]] == [
        "SAY",
        "COLLECT_DIGITS",
        "ANNOUNCEMENT",
        "ROUTINGPLAN",
        "COLLECT_SPEECH",
        "BRIDGE",
        "CALL_SETTINGS",
        "REFER",
        "HANGUP",
    ]


def test_the_json_is_bytes_with_camel_case_names() -> None:
    body = (
        cc.CallControlResponse()
        .say("Grüß Gott", voice_name="de.male.1")
        .collect_digits(**MENU)
        .to_json()
    )

    assert isinstance(body, bytes)
    assert json.loads(body) == {
        "blocks": [
            {"blockType": "SAY", "text": "Grüß Gott", "voiceName": "de.male.1", "useSsml": False},
            {
                "blockType": "COLLECT_DIGITS",
                "standardAnnouncement": False,
                "announcementName": "Menu",
                "standardErrorAnnouncement": False,
                "errorAnnouncementName": "Invalid",
                "variableName": "choice",
                "minDigits": 1,
                "maxDigits": 1,
                "terminator": "#",
                "maxTries": 3,
                "timeout": 10,
            },
        ]
    }
    assert "Grüß".encode() in body  # UTF-8, not \\u escapes


def test_an_empty_response_ends_the_call_control_block() -> None:
    assert cc.CallControlResponse().to_json() == b'{"blocks":[]}'


def test_any_dump_gives_the_wire_form_without_nulls() -> None:
    # A web framework may call model_dump itself: it gets the same camelCase, null-free JSON.
    response = (
        cc.CallControlResponse()
        .hangup()
        .bridge(
            [cc.Destination(destination_type="SIP_USER", destination="1001")],
            bridge_mode="SEQUENTIAL",
        )
    )

    assert response.model_dump() == response.to_dict()
    assert response.model_dump(by_alias=True) == response.to_dict()
    assert json.loads(response.model_dump_json()) == response.to_dict()
    assert "null" not in response.model_dump_json()


def test_builder_methods_check_their_block_at_once() -> None:
    response = cc.CallControlResponse().say("Hello", voice_name="de.female.1")

    with pytest.raises(RequestValidationError, match="block_timeout"):
        response.bridge(
            [{"destination": "1001", "destination_type": "SIP_USER"}], bridge_mode="PARALLEL"
        )
    bad_terminator: dict[str, Any] = {**MENU, "terminator": "0"}
    with pytest.raises(RequestValidationError, match="terminator"):
        response.collect_digits(**bad_terminator)

    assert len(response.blocks) == 1  # nothing half-added


def test_blocks_can_be_given_as_objects() -> None:
    say = cc.Say(text="Hi", voice_name="de.female.1")

    response = cc.CallControlResponse(blocks=[say, cc.Hangup()]).add(
        cc.RoutingPlan(routingplan_name="X")
    )

    assert response.blocks[0] is say
    assert len(response.blocks) == 3


def test_add_refuses_what_is_not_a_block() -> None:
    with pytest.raises(TypeError, match="block"):
        cc.CallControlResponse().add({"blockType": "HANGUP"})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


def test_add_block_checks_a_known_block_type_by_its_model() -> None:
    response = cc.CallControlResponse().add_block(
        {"blockType": "HANGUP", "hangupCause": "USER_BUSY"}
    )

    assert isinstance(response.blocks[0], cc.Hangup)
    with pytest.raises(RequestValidationError, match="text"):
        response.add_block({"blockType": "SAY", "voiceName": "de.female.1"})
    with pytest.raises(RequestValidationError, match="surprise"):
        response.add_block({"blockType": "HANGUP", "surprise": 1})


def test_add_block_sends_an_unknown_block_as_given_minus_nulls() -> None:
    response = cc.CallControlResponse().add_block(
        {
            "blockType": "RECORD",
            "maxSeconds": 60,
            "beep": None,
            "nested": {"a": None, "b": [None, 1]},
        }
    )

    assert isinstance(response.blocks[0], cc.RawBlock)
    assert response.to_dict() == {
        "blocks": [{"blockType": "RECORD", "maxSeconds": 60, "nested": {"b": [1]}}]
    }


@pytest.mark.parametrize(
    "block", [{}, {"blockType": ""}, {"blockType": 5}, {"blockType": None}], ids=repr
)
def test_add_block_needs_a_block_type(block: dict[str, Any]) -> None:
    with pytest.raises(RequestValidationError, match="block_type"):
        cc.CallControlResponse().add_block(block)


def test_a_raw_block_cannot_bypass_the_rules_of_a_known_type() -> None:
    with pytest.raises(RequestValidationError, match="known block type"):
        cc.RawBlock.from_wire({"blockType": "BRIDGE", "destinations": []})


@pytest.mark.parametrize(
    "block",
    [{"blockType": "RECORD"}, {"blockType": None}, {"text": "no type"}, "SAY", 5],
    ids=repr,
)
def test_an_unknown_block_type_in_a_typed_context_is_an_error(block: Any) -> None:
    with pytest.raises(
        RequestValidationError, match="blockType must be one of BRIDGE, ANNOUNCEMENT"
    ):
        cc.CallControlResponse(blocks=[block])


def test_a_typed_response_refuses_unknown_top_level_fields() -> None:
    with pytest.raises(RequestValidationError, match="extra"):
        cc.CallControlResponse(blocks=[], extra=1)  # type: ignore[call-arg]


def test_a_raw_block_object_is_accepted_in_a_typed_response() -> None:
    raw = cc.RawBlock.model_validate({"blockType": "RECORD"})

    response = cc.CallControlResponse(blocks=[raw])

    assert response.to_dict() == {"blocks": [{"blockType": "RECORD"}]}


def test_call_settings_and_refer_pass_undocumented_attributes() -> None:
    response = cc.CallControlResponse().call_settings(recordCall=True, unused=None).refer()

    assert response.to_dict()["blocks"] == [
        {"blockType": "CALL_SETTINGS", "recordCall": True},
        {"blockType": "REFER"},
    ]


def test_enum_members_read_as_their_wire_values() -> None:
    assert str(cc.BridgeMode.PARALLEL) == "PARALLEL"
    assert f"{cc.RequestStatus.VALIDATION_ERRORS}" == "VALIDATION_ERRORS"
    assert cc.HangupCause.CALL_REJECTED == "CALL_REJECTED"
    assert [member.value for member in cc.BlockType] == [
        "BRIDGE",
        "ANNOUNCEMENT",
        "SAY",
        "ROUTINGPLAN",
        "COLLECT_DIGITS",
        "COLLECT_SPEECH",
        "HANGUP",
        "CALL_SETTINGS",
        "REFER",
    ]
