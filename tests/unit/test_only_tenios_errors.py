"""Everything the SDK raises is a ``TeniosError``: every public function and every constructor of
what users send (clients, Call Control blocks and answers), called with bad input.

The public names are read from ``__all__``, so a new one fails ``test_every_public_name_is_
classified`` until it is given bad inputs here (or named as a model of what TENIOS sends, an enum
or an exception, which users do not build from their own input)."""

from __future__ import annotations

import enum
import inspect
from typing import Any, Callable

import httpx
import pytest

import tenios
from tenios import call_control as cc, webhooks as wh
from tenios.types._base import ResponseModel

MODULES = (tenios, cc, wh)


def _reversed_digit_range() -> object:
    """A menu whose ``minDigits`` is above its ``maxDigits``."""
    return cc.CallControlResponse().collect_digits(
        announcement_name="Menu",
        error_announcement_name="Error",
        variable_name="Menu-Choice",
        min_digits=3,
        max_digits=1,
        terminator="#",
        max_tries=3,
        timeout=10,
    )


BAD: dict[str, list[Callable[[], object]]] = {
    "tenios.TeniosClient": [
        lambda: tenios.TeniosClient(access_key=""),
        lambda: tenios.TeniosClient(access_key=5),  # type: ignore[arg-type]
        lambda: tenios.TeniosClient("k", base_url="ftp://example.com"),
        lambda: tenios.TeniosClient("k", base_url="http://example.com"),
        lambda: tenios.TeniosClient("k", timeout=-1),
        lambda: tenios.TeniosClient("k", timeout="30"),  # type: ignore[arg-type]
        lambda: tenios.TeniosClient("k", max_retries=-1),
        lambda: tenios.TeniosClient("k", max_retries=True),
        lambda: tenios.TeniosClient("k", http_client="pool"),  # type: ignore[arg-type]
        lambda: tenios.TeniosClient("k", http_client=httpx.AsyncClient()),  # type: ignore[arg-type]
        lambda: tenios.TeniosClient("k", default_headers="X-Team: ops"),  # type: ignore[arg-type]
        lambda: tenios.TeniosClient("k", default_headers={"X-Team": "a\nb"}),
        lambda: tenios.TeniosClient("k").with_options(default_headers="str"),  # type: ignore[arg-type]
        lambda: tenios.TeniosClient("k").with_options(access_key=""),
        lambda: tenios.TeniosClient("k").with_options(max_retries=-2),
        lambda: tenios.TeniosClient("k").post("https://evil.example/x", {}),
        lambda: tenios.TeniosClient("k").post("/x", {"access_key": "other"}),
        lambda: tenios.TeniosClient("k").callback.status("not-an-id"),  # type: ignore[arg-type]
        lambda: tenios.TeniosClient("k").callback.wait(1, timeout=-1),
    ],
    "tenios.AsyncTeniosClient": [
        lambda: tenios.AsyncTeniosClient(access_key=""),
        lambda: tenios.AsyncTeniosClient("k", http_client=httpx.Client()),  # type: ignore[arg-type]
        lambda: tenios.AsyncTeniosClient("k", base_url=5),  # type: ignore[arg-type]
        lambda: tenios.AsyncTeniosClient("k").with_options(default_headers=[1]),  # type: ignore[arg-type]
        lambda: tenios.AsyncTeniosClient("k").cdrs.list(
            start_date_from="yesterday",  # type: ignore[arg-type]
            start_date_to="today",  # type: ignore[arg-type]
        ),
    ],
    "tenios.NotGiven": [],  # takes no input
    "tenios.call_control.parse_request": [
        lambda: cc.parse_request(b"{", access_key="k"),
        lambda: cc.parse_request(b"[]", access_key="k"),
        lambda: cc.parse_request(b'{"accessKey": "x"}', access_key="k"),
        lambda: cc.parse_request(42, access_key="k"),  # type: ignore[arg-type]
    ],
    "tenios.webhooks.parse_event": [
        lambda: wh.parse_event(b"\xff", access_key="k"),
        lambda: wh.parse_event(b'{"requestType": "CALL_END", "accessKey": "x"}', access_key="k"),
        lambda: wh.parse_event(None, access_key="k"),  # type: ignore[arg-type]
    ],
    "tenios.webhooks.is_tenios_source": [
        lambda: wh.is_tenios_source("10.0.0.5", trusted_proxies=["not-a-network"]),
    ],
    "tenios.call_control.CallControlResponse": [
        lambda: cc.CallControlResponse(blocks=[{"blockType": "PLAY"}]),  # pyright: ignore[reportArgumentType]
        lambda: cc.CallControlResponse(blocks="SAY"),  # pyright: ignore[reportArgumentType]
        lambda: cc.CallControlResponse().say("", voice_name="en-us.female.1"),
        _reversed_digit_range,
        lambda: cc.CallControlResponse().bridge([], bridge_mode="PARALLEL"),
        lambda: cc.CallControlResponse().hangup(16),  # type: ignore[arg-type]
        lambda: cc.CallControlResponse().add_block({"blockType": "SAY", "txt": "Hello"}),
        lambda: cc.CallControlResponse().add_block("SAY"),  # type: ignore[arg-type]
    ],
    "tenios.call_control.Destination": [
        lambda: cc.Destination(destination_type="EXTERNALNUMBER", destination="0221 1234"),
        lambda: cc.Destination(destination_type="FAX", destination="1"),  # pyright: ignore[reportArgumentType]
        lambda: cc.Destination.from_wire({"destinationType": "SIP_USER", "timeout": 0}),
    ],
    "tenios.call_control.Bridge": [
        lambda: cc.Bridge(bridge_mode="PARALLEL", destinations=[]),
        lambda: cc.Bridge.from_wire({"bridgeMode": "SEQUENTIAL", "blockTimeout": 5}),
    ],
    "tenios.call_control.Announcement": [lambda: cc.Announcement(announcement_name="")],
    "tenios.call_control.Say": [
        lambda: cc.Say(text=1, voice_name="x"),  # pyright: ignore[reportArgumentType]
        lambda: cc.Say.from_wire({"txt": "Hello", "voiceName": "en-us.female.1"}),
    ],
    "tenios.call_control.RoutingPlan": [lambda: cc.RoutingPlan(routingplan_name=" ")],
    "tenios.call_control.CollectDigits": [
        lambda: cc.CollectDigits.from_wire({"minDigits": 0, "maxDigits": 99}),
    ],
    "tenios.call_control.CollectSpeech": [lambda: cc.CollectSpeech.from_wire({"language": 5})],
    "tenios.call_control.Hangup": [
        lambda: cc.Hangup(hangup_cause=16),  # pyright: ignore[reportArgumentType]
    ],
    "tenios.call_control.CallSettings": [
        lambda: cc.CallSettings.from_wire({"forwardAni": "", "blockTimeout": 3}),
    ],
    "tenios.call_control.Refer": [lambda: cc.Refer.from_wire({"blockTimeout": 3})],
    "tenios.call_control.RawBlock": [lambda: cc.RawBlock.from_wire({"blockType": "SAY"})],
    "tenios.call_control.Block": [lambda: cc.Block.from_wire({"surprise": 1})],
}
"""Bad calls of each public function and constructor of what users send."""

RECEIVED_MODELS = (
    ResponseModel,
    cc.CallControlRequest,
    cc.BlocksProcessingResult,
    wh.BaseEvent,
    wh.UnknownEvent,
)
"""Models of what TENIOS sends: the SDK builds them from TENIOS's bodies (their errors are
``ResponseValidationError`` and ``WebhookPayloadError``); users do not build them from input."""
NOT_CALLABLE_WITH_INPUT = {"tenios.call_control.AnyBlock", "tenios.webhooks.WebhookEvent"}
"""Type aliases, for annotations."""


def _public_names() -> dict[str, Any]:
    return {
        f"{module.__name__}.{name}": getattr(module, name)
        for module in MODULES
        for name in module.__all__
    }


def _is_exempt(value: Any) -> bool:
    if inspect.ismodule(value) or (not callable(value) and not inspect.isclass(value)):
        return True
    if inspect.isclass(value):
        if issubclass(value, (BaseException, enum.Enum)):
            return True
        if issubclass(value, RECEIVED_MODELS) or value in (cc.CallVariables, wh.CallVariables):
            return True
    return False


def test_every_public_name_is_classified() -> None:
    unclassified = [
        name
        for name, value in _public_names().items()
        if name not in BAD and name not in NOT_CALLABLE_WITH_INPUT and not _is_exempt(value)
    ]
    assert unclassified == []


@pytest.mark.parametrize(
    "bad_call",
    [
        pytest.param(call, id=f"{name}-{i}")
        for name, calls in BAD.items()
        for i, call in enumerate(calls)
    ],
)
def test_only_tenios_errors_escape(bad_call: Callable[[], object]) -> None:
    try:
        result = bad_call()
        if inspect.isasyncgen(result) or inspect.iscoroutine(result):
            result.close()  # type: ignore[union-attr]
    except tenios.TeniosError:
        return
    except Exception as error:
        pytest.fail(f"{type(error).__module__}.{type(error).__name__} escaped: {error}")
    pytest.fail(f"no error for bad input (returned {result!r})")


def test_the_error_of_a_block_names_the_attribute_and_the_rule() -> None:
    with pytest.raises(tenios.RequestValidationError) as caught:
        _reversed_digit_range()
    assert isinstance(caught.value, ValueError)
    assert caught.value.field == "variable_name"
    assert caught.value.errors == [
        "variable_name must match the pattern '^[a-z0-9_]+$'",
        "max_digits must not be less than min_digits (3)",
    ]
