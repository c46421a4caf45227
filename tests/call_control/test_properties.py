"""Property: whatever blocks can be built, their JSON has no null and no forbidden blockTimeout."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import event, given, settings, strategies as st
from pydantic import ValidationError

from tenios import call_control as cc

PROPERTY = settings(max_examples=75, deadline=None)

names = st.from_regex(r"[A-Za-z][A-Za-z0-9_. -]{0,11}", fullmatch=True)
numbers = st.from_regex(r"\+[1-9][0-9]{1,14}", fullmatch=True)
seconds = st.integers(1, 300)
# Values of undocumented attributes, nulls included: they must never reach the wire.
loose = st.none() | st.integers() | names | st.lists(st.none() | names, max_size=3)
extras = st.dictionaries(
    st.sampled_from(["recordCall", "referTo", "nested"]),
    loose | st.dictionaries(st.sampled_from(["a", "b"]), loose, max_size=2),
    max_size=3,
)


@st.composite
def bridges(draw: st.DrawFn) -> dict[str, Any]:
    """Valid BRIDGE arguments: blockTimeout only when PARALLEL, per-destination timeouts only
    (and optionally) when SEQUENTIAL."""
    mode = draw(st.sampled_from(["SEQUENTIAL", "PARALLEL"]))
    destinations: list[dict[str, Any]] = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["SIP_USER", "SIP_TRUNK", "EXTERNALNUMBER"]))
        destination: dict[str, Any] = {
            "destination_type": kind,
            "destination": draw(numbers if kind == "EXTERNALNUMBER" else names),
        }
        if mode == "SEQUENTIAL" and draw(st.booleans()):
            destination["timeout"] = draw(seconds)
        destinations.append(destination)
    arguments: dict[str, Any] = {"bridge_mode": mode, "destinations": destinations}
    if mode == "PARALLEL":
        arguments["block_timeout"] = draw(seconds)
    return arguments


VALID: dict[type[cc.Block], st.SearchStrategy[dict[str, Any]]] = {
    cc.Bridge: bridges(),
    cc.Announcement: st.fixed_dictionaries(
        {"announcement_name": names}, optional={"standard_announcement": st.booleans()}
    ),
    cc.Say: st.fixed_dictionaries(
        {"text": names, "voice_name": names}, optional={"use_ssml": st.booleans()}
    ),
    cc.RoutingPlan: st.fixed_dictionaries({"routingplan_name": names}),
    cc.CollectDigits: st.fixed_dictionaries(
        {
            "announcement_name": names,
            "error_announcement_name": names,
            "variable_name": st.from_regex(r"[a-z0-9_]{1,10}", fullmatch=True),
            "min_digits": st.just(1),
            "max_digits": st.integers(1, 32),
            "terminator": st.sampled_from(["#", "*"]),
            "max_tries": st.integers(1, 10),
            "timeout": seconds,
        },
        optional={"standard_announcement": st.booleans()},
    ),
    cc.CollectSpeech: st.fixed_dictionaries(
        {
            "announcement_name": names,
            "missing_input_announcement_name": names,
            "language": st.sampled_from(["de-DE", "en-US"]),
            "variable_name": names,
            "max_tries": st.integers(1, 5),
        }
    ),
    cc.Hangup: st.fixed_dictionaries(
        {}, optional={"hangup_cause": st.sampled_from(list(cc.HangupCause)) | names}
    ),
    cc.CallSettings: st.fixed_dictionaries({}, optional={"forward_ani": numbers}).flatmap(
        lambda known: extras.map(lambda more: {**more, **known})
    ),
    cc.Refer: extras,
}
# What a careless caller might do to otherwise valid arguments.
BREAKAGES = st.sampled_from(
    [
        "none",
        "null field",
        "wrong type",
        "add blockTimeout",
        "drop blockTimeout",
        "timeout on a destination",
        "no destinations",
    ]
)


@st.composite
def attempts(draw: st.DrawFn) -> tuple[type[cc.Block], dict[str, Any], str]:
    """A block class, its arguments (valid, or valid with one rule broken), and the breakage."""
    model = draw(st.sampled_from(list(VALID)))
    arguments = dict(draw(VALID[model]))
    breakage = draw(BREAKAGES)
    event(f"breakage: {breakage}")
    if breakage in ("null field", "wrong type") and arguments:
        name = draw(st.sampled_from(sorted(arguments)))
        arguments[name] = None if breakage == "null field" else draw(st.sampled_from([0, "", True]))
    elif breakage == "add blockTimeout":
        arguments[draw(st.sampled_from(["block_timeout", "blockTimeout"]))] = draw(seconds)
    elif breakage == "drop blockTimeout":
        arguments.pop("block_timeout", None)
    elif breakage == "timeout on a destination" and "destinations" in arguments:
        arguments["destinations"] = [{**d, "timeout": 20} for d in arguments["destinations"]]
    elif breakage == "no destinations" and "destinations" in arguments:
        arguments["destinations"] = []
    return model, arguments, breakage


def nulls_in(value: Any) -> int:
    if isinstance(value, dict):
        return sum(nulls_in(v) for v in value.values())  # pyright: ignore[reportUnknownVariableType]
    if isinstance(value, list):
        return sum(nulls_in(v) for v in value)  # pyright: ignore[reportUnknownVariableType]
    return int(value is None)


def assert_wire_rules(block: dict[str, Any]) -> None:
    """No null anywhere; a blockTimeout exactly on PARALLEL bridges, which time no destination."""
    assert nulls_in(block) == 0
    parallel = block["blockType"] == "BRIDGE" and block["bridgeMode"] == "PARALLEL"
    assert ("blockTimeout" in block) is parallel
    assert "block_timeout" not in block
    if block["blockType"] == "BRIDGE":
        assert block["destinations"]
        if parallel:
            assert all("timeout" not in d for d in block["destinations"])


@PROPERTY
@given(attempt=st.lists(attempts(), max_size=4))
def test_no_serialised_block_has_a_null_or_a_forbidden_block_timeout(
    attempt: list[tuple[type[cc.Block], dict[str, Any], str]],
) -> None:
    response = cc.CallControlResponse()
    for model, arguments, breakage in attempt:
        try:
            response.add(model.model_validate(arguments))
        except ValidationError:
            assert breakage != "none", "valid arguments were refused"
            event("refused at construction")
            continue  # nothing to send
        event("built")

    body = response.to_json()

    assert b"null" not in body
    sent = json.loads(body)
    assert len(sent["blocks"]) == len(response.blocks)
    for block in sent["blocks"]:
        assert_wire_rules(block)
    assert response.model_dump() == sent


@PROPERTY
@given(attempt=attempts())
def test_what_is_sent_parses_back_to_the_same_blocks(
    attempt: tuple[type[cc.Block], dict[str, Any], str],
) -> None:
    model, arguments, _ = attempt
    try:
        block = model.model_validate(arguments)
    except ValidationError:
        return
    sent = cc.CallControlResponse().add(block).to_dict()

    assert cc.CallControlResponse.model_validate(sent).to_dict() == sent
