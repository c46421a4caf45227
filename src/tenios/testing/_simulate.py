"""Simulated calls: the requests TENIOS sends to a customer's server, sent by the emulator.

Two kinds, as in the vendor docs: the HTTPS-POST events of a call (``CALL_START``, ``BLOCK_END``,
``INITIATE_FORWARD``, ``FORWARD_ANSWER``, ``CALL_END``; shapes from ``shared/seeds/001``), and the
Call Control loop (``EXTERNAL_CALL_CONTROL`` requests that ask the customer's server for blocks).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Callable, Optional, cast

import httpx

__all__ = [
    "BLOCK_TYPES",
    "CallControlLoop",
    "CallControlRun",
    "SimulatedCall",
    "WebhookDelivery",
    "call_events",
    "call_variables",
    "post_events",
    "run_call_control_loop",
]

BLOCK_TYPES = frozenset(
    {
        "BRIDGE",
        "ANNOUNCEMENT",
        "SAY",
        "ROUTINGPLAN",
        "COLLECT_DIGITS",
        "COLLECT_SPEECH",
        "HANGUP",
        "CALL_SETTINGS",
        "REFER",
    }
)
"""The block types a Call Control answer may contain."""


@dataclass(frozen=True)
class WebhookDelivery:
    """One event POSTed to the webhook URL, and the receiver's answer."""

    payload: dict[str, Any]
    status_code: int
    response_text: str


@dataclass(frozen=True)
class SimulatedCall:
    """What ``Emulator.simulate_call`` sent, in order, and what came back."""

    call_uuid: str
    deliveries: tuple[WebhookDelivery, ...]

    @property
    def request_types(self) -> list[str]:
        """The ``requestType`` of each event sent, in order."""
        return [str(delivery.payload["requestType"]) for delivery in self.deliveries]


@dataclass(frozen=True)
class CallControlLoop:
    """One Call Control request and the blocks the customer's server answered.

    ``validation_errors`` lists what was wrong with the answer (then ``blocks`` is empty).
    """

    request: dict[str, Any]
    status_code: int
    blocks: tuple[dict[str, Any], ...]
    validation_errors: tuple[str, ...] = ()


@dataclass(frozen=True)
class CallControlRun:
    """A whole Call Control conversation.

    ``ended_by`` says why it stopped: ``"EMPTY_BLOCKS"`` (the server answered no blocks),
    ``"HANGUP"`` (a HANGUP block ended the call), ``"VALIDATION_ERRORS"`` (an answer was invalid;
    the server was told so in one more request) or ``"MAX_LOOPS"``.
    """

    call_uuid: str
    loops: tuple[CallControlLoop, ...]
    ended_by: str

    @property
    def blocks(self) -> list[list[dict[str, Any]]]:
        """The blocks received, one list per loop."""
        return [list(loop.blocks) for loop in self.loops]

    @property
    def variables(self) -> dict[str, Any]:
        """The call variables sent with the last request (collected digits included)."""
        return dict(self.loops[-1].request["variables"])


def call_variables(
    *,
    call_uuid: str,
    destination_number: str,
    caller_id_number: str,
    extra: Optional[Mapping[str, str]] = None,
) -> dict[str, str]:
    """The ``variables`` object of a call, with the documented keys first."""
    return {
        "destination_number": destination_number,
        "correlation_id": call_uuid,
        "call_uuid": call_uuid,
        "caller_id_number": caller_id_number,
        **(extra or {}),
    }


def call_events(
    *,
    access_key: str,
    customer_number: int,
    variables: Mapping[str, str],
    blocks: Iterable[str],
    forward: Optional[tuple[str, str]],
) -> list[dict[str, Any]]:
    """The HTTPS-POST events of one call: start, one per block, the forward (type, destination)
    when given, end."""

    def event(request_type: str, **extra: str) -> dict[str, Any]:
        return {
            "requestType": request_type,
            "customerNumber": customer_number,
            "accessKey": access_key,
            "variables": dict(variables),
            **extra,
        }

    events = [event("CALL_START")]
    events += [event("BLOCK_END", blockType=block) for block in blocks]
    if forward is not None:
        destination_type, destination = forward
        for request_type in ("INITIATE_FORWARD", "FORWARD_ANSWER"):
            events.append(
                event(request_type, destination=destination, destinationType=destination_type)
            )
    events.append(event("CALL_END"))
    return events


def post_events(
    http: httpx.Client,
    url: str,
    events: Sequence[dict[str, Any]],
    on_event: Callable[[str], None],
) -> tuple[WebhookDelivery, ...]:
    """POST each event in turn; ``on_event(requestType)`` runs before each is sent."""
    deliveries: list[WebhookDelivery] = []
    for payload in events:
        on_event(str(payload["requestType"]))
        response = http.post(url, json=payload)
        deliveries.append(WebhookDelivery(payload, response.status_code, response.text))
    return tuple(deliveries)


def _blocks_or_errors(response: httpx.Response) -> tuple[list[dict[str, Any]], list[str]]:
    """The blocks of a Call Control answer, or what is wrong with it."""
    if response.status_code != 200:
        return [], [f"the answer had HTTP status {response.status_code}, not 200"]
    try:
        answer: object = json.loads(response.content)
    except ValueError:
        return [], ["the answer is not JSON"]
    raw_blocks = (
        cast("dict[str, object]", answer).get("blocks") if isinstance(answer, dict) else None
    )
    if not isinstance(raw_blocks, list):
        return [], ["the answer is not a JSON object with a 'blocks' list"]
    blocks: list[dict[str, Any]] = []
    errors: list[str] = []
    for index, raw in enumerate(cast("list[object]", raw_blocks)):
        block = cast("dict[str, Any]", raw) if isinstance(raw, dict) else {}
        block_type = block.get("blockType")
        if block_type not in BLOCK_TYPES:
            errors.append(f"blocks[{index}]: unknown blockType {block_type!r}")
        blocks.append(block)
    return ([], errors) if errors else (blocks, [])


def run_call_control_loop(
    http: httpx.Client,
    url: str,
    *,
    access_key: str,
    customer_number: int,
    variables: Mapping[str, str],
    digits: Iterable[str],
    max_loops: int,
) -> tuple[tuple[CallControlLoop, ...], str]:
    """Ask ``url`` for blocks with ``loopCount`` 0, 1, 2... until it answers none, a HANGUP
    block ends the call, an answer is invalid, or ``max_loops`` requests were sent.

    Each COLLECT_DIGITS block received takes the next entry of ``digits`` as the caller's input
    and sets it as the variable the block names, for the following requests.
    """
    if max_loops < 1:
        raise ValueError(f"max_loops must be at least 1, not {max_loops!r}")
    control_uuid = str(uuid.uuid4())
    current = dict(variables)
    inputs = iter(digits)
    loops: list[CallControlLoop] = []
    status = "REQUESTING_BLOCKS"
    result: Optional[dict[str, list[str]]] = None
    for loop_count in range(max_loops):
        request: dict[str, Any] = {
            "requestType": "EXTERNAL_CALL_CONTROL",
            "customerNumber": customer_number,
            "accessKey": access_key,
            "variables": dict(current),
            "callControlUuid": control_uuid,
            "loopCount": loop_count,
            "requestStatus": status,
            "blocksProcessingResult": result,
        }
        response = http.post(url, json=request)
        if status == "VALIDATION_ERRORS":  # the answer to this one is ignored, as by TENIOS
            loops.append(CallControlLoop(request, response.status_code, ()))
            return tuple(loops), "VALIDATION_ERRORS"
        blocks, errors = _blocks_or_errors(response)
        loops.append(CallControlLoop(request, response.status_code, tuple(blocks), tuple(errors)))
        if errors:
            status, result = "VALIDATION_ERRORS", {"validationErrors": errors}
            continue
        if not blocks:
            return tuple(loops), "EMPTY_BLOCKS"
        if any(block["blockType"] == "HANGUP" for block in blocks):
            return tuple(loops), "HANGUP"
        for block in blocks:
            name = block.get("variableName")
            if block["blockType"] == "COLLECT_DIGITS" and isinstance(name, str):
                entered = next(inputs, None)
                if entered is not None:
                    current[name] = entered
        result = {"validationErrors": []}
    return tuple(loops), "MAX_LOOPS"
