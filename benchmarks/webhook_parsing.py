"""(d) ``tenios.webhooks.parse_event`` throughput against a bare pydantic ``TypeAdapter``.

Every side parses the five example bodies of seed 001 from bytes, as a web framework hands them
over. ``parse_event`` also checks each body's ``accessKey`` (in constant time), as a receiver
should; the baselines verify nothing.

d1 (the target): ``TypeAdapter(tenios.webhooks.WebhookEvent).validate_json``, the same event
models without ``parse_event`` around them, so the ratio is the cost of ``parse_event`` itself.
d3 (for information): ``parse_event`` with its fast JSON parser switched off, so the ratio is
what the fast parser buys.
d2 (for information): a minimal hand-written discriminated union (plain ``str`` fields, a
``dict`` of variables), the least a user would write by hand; the ratio includes what the SDK's
richer models (snake_case aliases, typed variables, open enums) cost.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from functools import partial
from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from ._timing import interleaved, time_calls
from .payloads import WEBHOOK_PAYLOADS
from .report import Row, Target

TARGET = Target(">=", 0.90)
WHAT = "webhook events parsed per second (seed 001)"
SDK_ADAPTER_NAME = "TypeAdapter(WebhookEvent)"
HAND_WRITTEN_NAME = "TypeAdapter, hand-written models"


class _Event(BaseModel):
    model_config: ClassVar[ConfigDict] = ConfigDict(extra="allow")

    customerNumber: int
    accessKey: str
    variables: dict[str, str]


class CallStart(_Event):
    """A hand-written CALL_START event."""

    requestType: Literal["CALL_START"]


class BlockEnd(_Event):
    """A hand-written BLOCK_END event."""

    requestType: Literal["BLOCK_END"]
    blockType: str


class CallEnd(_Event):
    """A hand-written CALL_END event."""

    requestType: Literal["CALL_END"]


class InitiateForward(_Event):
    """A hand-written INITIATE_FORWARD event."""

    requestType: Literal["INITIATE_FORWARD"]
    destination: str
    destinationType: str


class ForwardAnswer(_Event):
    """A hand-written FORWARD_ANSWER event."""

    requestType: Literal["FORWARD_ANSWER"]
    destination: str
    destinationType: str


Event = Annotated[
    Union[CallStart, BlockEnd, CallEnd, InitiateForward, ForwardAnswer],
    Field(discriminator="requestType"),
]
HAND_WRITTEN: TypeAdapter[Any] = TypeAdapter(Event)


def _parse_all_with_adapter(adapter: TypeAdapter[Any]) -> None:
    for body in WEBHOOK_PAYLOADS:
        adapter.validate_json(body)


def _parse_all_with(parse_event: Callable[..., Any], keys: list[str]) -> None:
    for body, key in zip(WEBHOOK_PAYLOADS, keys):
        parse_event(body, access_key=key)


def _without_fast_parser(parse_all: Callable[[], None]) -> None:
    """``parse_all`` with the fast JSON parser of ``tenios._inbound`` switched off (row d3)."""
    inbound = importlib.import_module("tenios._inbound")
    fast = getattr(inbound, "_fast_json_object")  # noqa: B009 (a private name of the SDK)
    setattr(inbound, "_fast_json_object", lambda body: None)  # noqa: B010
    try:
        parse_all()
    finally:
        setattr(inbound, "_fast_json_object", fast)  # noqa: B010


def _skipped(why: str) -> list[Row]:
    return [
        Row(key=key, what=WHAT, unit="events/s", baseline_name=name, target=target, skipped=why)
        for key, name, target in (("d1", SDK_ADAPTER_NAME, TARGET), ("d2", HAND_WRITTEN_NAME, None))
    ]


def _events_per_second(samples: list[float]) -> list[float]:
    return [len(WEBHOOK_PAYLOADS) / seconds for seconds in samples]


def measure(rounds: int, events: int) -> list[Row]:
    """Rows d1 and d2, events per second; skipped with the reason when ``parse_event`` is missing."""
    try:
        webhooks = importlib.import_module("tenios.webhooks")
    except ModuleNotFoundError:
        return _skipped("tenios.webhooks does not exist yet in this checkout")
    parse_event = getattr(webhooks, "parse_event", None)
    event_type = getattr(webhooks, "WebhookEvent", None)
    if not callable(parse_event) or event_type is None:
        return _skipped("tenios.webhooks has no parse_event or WebhookEvent yet")
    keys = [json.loads(body)["accessKey"] for body in WEBHOOK_PAYLOADS]
    sides = {
        "sdk_adapter": partial(_parse_all_with_adapter, TypeAdapter(event_type)),
        "hand_written": partial(_parse_all_with_adapter, HAND_WRITTEN),
        "tenios": partial(_parse_all_with, parse_event, keys),
        "no_fast_parser": partial(
            _without_fast_parser, partial(_parse_all_with, parse_event, keys)
        ),
    }
    batches = max(1, events // len(WEBHOOK_PAYLOADS))
    for call in sides.values():  # warm up, and build the deferred models
        time_calls(call, max(10, batches // 10))
    samples = interleaved(
        {name: partial(time_calls, call, batches) for name, call in sides.items()}, rounds
    )
    tenios = _events_per_second(samples["tenios"])
    return [
        Row(
            key="d1",
            what=WHAT,
            unit="events/s",
            baseline_name=SDK_ADAPTER_NAME,
            baseline=_events_per_second(samples["sdk_adapter"]),
            tenios=tenios,
            target=TARGET,
        ),
        Row(
            key="d2",
            what=WHAT,
            unit="events/s",
            baseline_name=HAND_WRITTEN_NAME,
            baseline=_events_per_second(samples["hand_written"]),
            tenios=tenios,
        ),
        Row(
            key="d3",
            what=WHAT,
            unit="events/s",
            baseline_name="parse_event with json.loads only",
            baseline=_events_per_second(samples["no_fast_parser"]),
            tenios=tenios,
        ),
    ]
