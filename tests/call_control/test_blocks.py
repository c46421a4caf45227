"""Each documented block rule raises at construction, naming the attribute; valid blocks pass."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from tenios import call_control as cc

SIP = {"destination_type": "SIP_USER", "destination": "1001"}
NUMBER = {"destination_type": "EXTERNALNUMBER", "destination": "+4922155400300"}
DIGITS: dict[str, Any] = {
    "announcement_name": "Menu",
    "error_announcement_name": "Invalid",
    "variable_name": "menu_choice",
    "min_digits": 1,
    "max_digits": 4,
    "terminator": "#",
    "max_tries": 3,
    "timeout": 10,
}
SPEECH: dict[str, Any] = {
    "announcement_name": "Ask",
    "missing_input_announcement_name": "Silence",
    "language": "de-DE",
    "variable_name": "answer",
    "max_tries": 2,
}
# One valid set of arguments per block type.
VALID: dict[type[BaseModel], dict[str, Any]] = {
    cc.Bridge: {"bridge_mode": "SEQUENTIAL", "destinations": [SIP]},
    cc.Announcement: {"announcement_name": "Welcome"},
    cc.Say: {"text": "Hello", "voice_name": "de.female.1"},
    cc.RoutingPlan: {"routingplan_name": "Support"},
    cc.CollectDigits: DIGITS,
    cc.CollectSpeech: SPEECH,
    cc.Hangup: {},
    cc.CallSettings: {"forward_ani": "+4922155400300"},
    cc.Refer: {},
}


def refused(model: type[BaseModel], attribute: str, **arguments: Any) -> str:
    """Build ``model``; assert it raises a ValidationError naming ``attribute``; return the text."""
    with pytest.raises(ValidationError) as raised:
        model.model_validate(arguments)
    text = str(raised.value)
    assert attribute in text, text
    assert isinstance(raised.value, ValueError)
    return text


@pytest.mark.parametrize("model", VALID, ids=lambda m: m.__name__)
def test_each_block_is_built_from_valid_arguments(model: type[BaseModel]) -> None:
    block = model.model_validate(VALID[model])

    assert isinstance(block, cc.Block)


# --- BRIDGE -------------------------------------------------------------------------------------


def test_bridge_needs_at_least_one_destination() -> None:
    refused(cc.Bridge, "destinations", bridge_mode="SEQUENTIAL", destinations=[])


@pytest.mark.parametrize("destination", ["", "   ", "\t"], ids=repr)
def test_each_destination_must_not_be_blank(destination: str) -> None:
    text = refused(
        cc.Bridge,
        "destination",
        bridge_mode="SEQUENTIAL",
        destinations=[SIP, {"destination_type": "SIP_USER", "destination": destination}],
    )
    assert "destinations.1.destination" in text


@pytest.mark.parametrize(
    "number", ["+49 221 55400300", "004922155400300", "4922155400300", "+49-221-554", "+", "+0221"]
)
def test_an_external_number_must_already_be_e164(number: str) -> None:
    text = refused(
        cc.Destination, "destination", destination_type="EXTERNALNUMBER", destination=number
    )
    assert "E.164" in text


def test_numbers_are_checked_never_rewritten() -> None:
    destination = cc.Destination(destination_type="EXTERNALNUMBER", destination="+4922155400300")

    assert destination.to_dict()["destination"] == "+4922155400300"


@pytest.mark.parametrize("kind", ["SIP_USER", "SIP_TRUNK"])
def test_sip_destinations_are_names_not_numbers(kind: str) -> None:
    destination = cc.Destination.model_validate({"destination_type": kind, "destination": "Office"})

    assert destination.destination == "Office"


def test_parallel_requires_block_timeout() -> None:
    text = refused(cc.Bridge, "block_timeout", bridge_mode="PARALLEL", destinations=[SIP])
    assert "required when bridge_mode is PARALLEL" in text


def test_parallel_forbids_a_per_destination_timeout() -> None:
    text = refused(
        cc.Bridge,
        "timeout",
        bridge_mode="PARALLEL",
        block_timeout=30,
        destinations=[SIP, {**NUMBER, "timeout": 20}],
    )
    assert "destinations[1].timeout is not allowed when bridge_mode is PARALLEL" in text


def test_sequential_forbids_block_timeout() -> None:
    text = refused(
        cc.Bridge, "block_timeout", bridge_mode="SEQUENTIAL", block_timeout=30, destinations=[SIP]
    )
    assert "not allowed when bridge_mode is SEQUENTIAL" in text


def test_sequential_per_destination_timeouts_are_optional() -> None:
    # The vendor's own examples leave them out.
    bridge = cc.Bridge.model_validate(
        {"bridge_mode": "SEQUENTIAL", "destinations": [SIP, {**NUMBER, "timeout": 30}]}
    )

    assert [d.timeout for d in bridge.destinations] == [None, 30]
    assert "timeout" not in bridge.to_dict()["destinations"][0]


@pytest.mark.parametrize("timeout", [0, -5, True, "30", 2.5], ids=repr)
def test_timeouts_are_positive_whole_numbers(timeout: Any) -> None:
    refused(cc.Destination, "timeout", **SIP, timeout=timeout)
    refused(
        cc.Bridge,
        "block_timeout",
        bridge_mode="PARALLEL",
        destinations=[SIP],
        block_timeout=timeout,
    )


def test_bridge_mode_and_destination_type_come_from_their_sets() -> None:
    refused(cc.Bridge, "bridge_mode", bridge_mode="RANDOM", destinations=[SIP])
    refused(cc.Destination, "destination_type", destination_type="SIP", destination="1001")


# --- COLLECT_DIGITS -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("attribute", "bad", "good"),
    [
        ("min_digits", [0, 33, -1], [1, 4]),
        ("max_digits", [0, 33], [4, 32]),
        ("max_tries", [0, 11], [1, 10]),
        ("timeout", [0, 301], [1, 300]),
    ],
)
def test_collect_digits_ranges(attribute: str, bad: list[int], good: list[int]) -> None:
    for value in bad:
        refused(cc.CollectDigits, attribute, **{**DIGITS, attribute: value})
    for value in good:
        assert cc.CollectDigits.model_validate({**DIGITS, attribute: value})


def test_min_digits_must_not_exceed_max_digits() -> None:
    text = refused(cc.CollectDigits, "max_digits", **{**DIGITS, "min_digits": 5, "max_digits": 4})
    assert "min_digits" in text
    assert cc.CollectDigits.model_validate({**DIGITS, "min_digits": 4, "max_digits": 4})


@pytest.mark.parametrize("terminator", ["", "1", "##", "A", None])
def test_the_terminator_is_hash_or_star(terminator: Any) -> None:
    refused(cc.CollectDigits, "terminator", **{**DIGITS, "terminator": terminator})


@pytest.mark.parametrize("name", ["Choice", "menu-choice", "menu choice", "", "choice\n", "wahl_ä"])
def test_variable_name_is_lower_case_letters_digits_and_underscores(name: str) -> None:
    refused(cc.CollectDigits, "variable_name", **{**DIGITS, "variable_name": name})


def test_collect_digits_needs_its_prompts() -> None:
    refused(cc.CollectDigits, "announcement_name", **{**DIGITS, "announcement_name": " "})
    arguments = {k: v for k, v in DIGITS.items() if k != "error_announcement_name"}
    refused(cc.CollectDigits, "error_announcement_name", **arguments)


@pytest.mark.parametrize("value", [1, "yes", None])
def test_flags_are_strict_booleans(value: Any) -> None:
    refused(cc.CollectDigits, "standard_announcement", **{**DIGITS, "standard_announcement": value})


# --- the other blocks ---------------------------------------------------------------------------


def test_say_needs_a_text_and_takes_any_voice_name() -> None:
    refused(cc.Say, "text", text="", voice_name="de.female.1")
    refused(cc.Say, "voice_name", text="Hi")
    say = cc.Say(text="Hi", voice_name="xx-yy.robot.99")

    assert say.to_dict() == {
        "blockType": "SAY",
        "text": "Hi",
        "voiceName": "xx-yy.robot.99",
        "useSsml": False,
    }


def test_names_of_portal_objects_must_not_be_blank() -> None:
    refused(cc.Announcement, "announcement_name", announcement_name="")
    refused(cc.RoutingPlan, "routingplan_name", routingplan_name=" ")
    refused(cc.CollectSpeech, "language", **{**SPEECH, "language": ""})
    refused(cc.CollectSpeech, "max_tries", **{**SPEECH, "max_tries": 0})


def test_hangup_cause_is_optional_and_open() -> None:
    assert cc.Hangup().to_dict() == {"blockType": "HANGUP"}
    assert cc.Hangup(hangup_cause="CALL_REJECTED").hangup_cause is cc.HangupCause.CALL_REJECTED
    assert cc.Hangup(hangup_cause="NEW_CAUSE").to_dict()["hangupCause"] == "NEW_CAUSE"
    refused(cc.Hangup, "hangup_cause", hangup_cause=17)
    refused(cc.Hangup, "hangup_cause", hangup_cause="")


# --- strict and open attributes -----------------------------------------------------------------


@pytest.mark.parametrize(
    "model", [m for m in VALID if m not in (cc.CallSettings, cc.Refer)], ids=lambda m: m.__name__
)
def test_blocks_forbid_unknown_attributes(model: type[BaseModel]) -> None:
    refused(model, "surprise", **VALID[model], surprise=1)
    if model is not cc.Bridge:  # only BRIDGE documents a blockTimeout
        refused(model, "blockTimeout", **VALID[model], blockTimeout=10)


def test_destinations_forbid_unknown_attributes() -> None:
    refused(cc.Destination, "priority", **SIP, priority=1)


def test_call_settings_and_refer_take_undocumented_attributes() -> None:
    settings = cc.CallSettings.model_validate({"forwardAni": "+4922155400300", "recordCall": True})
    refer = cc.Refer.model_validate({"referTo": "sip:4044@192.0.2.1", "dropped": None})

    assert settings.to_dict() == {
        "blockType": "CALL_SETTINGS",
        "forwardAni": "+4922155400300",
        "recordCall": True,
    }
    assert refer.to_dict() == {"blockType": "REFER", "referTo": "sip:4044@192.0.2.1"}


@pytest.mark.parametrize("model", [cc.CallSettings, cc.Refer], ids=lambda m: m.__name__)
@pytest.mark.parametrize("name", ["blockTimeout", "block_timeout"])
def test_open_blocks_still_refuse_a_block_timeout(model: type[BaseModel], name: str) -> None:
    refused(model, "block_timeout is not allowed", **{name: 30})


@pytest.mark.parametrize("model", VALID, ids=lambda m: m.__name__)
def test_the_block_type_is_fixed(model: type[BaseModel]) -> None:
    wire_type = model.model_validate(VALID[model]).model_dump()["blockType"]

    refused(model, "block_type", **VALID[model], block_type="SOMETHING_ELSE")
    assert wire_type == cc.BlockType[wire_type].value


def test_blocks_take_snake_case_or_wire_names() -> None:
    snake = cc.CollectDigits.model_validate(DIGITS)
    wire = cc.CollectDigits.model_validate(snake.to_dict())

    assert wire == snake


def test_blocks_cannot_be_changed_after_construction() -> None:
    bridge = cc.Bridge.model_validate(VALID[cc.Bridge])

    with pytest.raises(ValidationError, match="frozen"):
        bridge.block_timeout = 30  # type: ignore[misc]  # pyright: ignore[reportAttributeAccessIssue]
