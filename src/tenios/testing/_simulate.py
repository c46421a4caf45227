"""Simulated calls: the requests TENIOS sends to a customer's server, sent by the emulator.

Two kinds, as in the vendor docs: the HTTPS-POST events of a call (``CALL_START``, ``BLOCK_END``,
``INITIATE_FORWARD``, ``FORWARD_ANSWER``, ``CALL_END``; shapes from ``shared/seeds/001``), and the
Call Control loop (``EXTERNAL_CALL_CONTROL`` requests that ask the customer's server for blocks).
"""

from __future__ import annotations

import json
import os
import ssl
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Callable, Optional, Union, cast

import httpx
from pydantic import BaseModel, JsonValue

from ..call_control._response import _BLOCK_CLASSES  # pyright: ignore[reportPrivateUsage]
from ._block_check import CallControlProblem, block_problems
from ._journal import REDACTED

__all__ = [
    "BLOCK_MODELS",
    "CallControlLoop",
    "CallControlRun",
    "SimulatedCall",
    "Verify",
    "WebhookDelivery",
    "call_events",
    "call_variables",
    "post_events",
    "receiver_client",
    "run_call_control_loop",
]

BLOCK_MODELS: Mapping[str, type[BaseModel]] = _BLOCK_CLASSES
"""The SDK's model of each block type a Call Control answer may contain, by ``blockType``."""


Verify = Union[bool, str, "os.PathLike[str]", ssl.SSLContext]
"""How to check an HTTPS receiver's certificate: on or off, a CA bundle's path, or a context."""


def receiver_client(timeout: float, verify: Verify) -> httpx.Client:
    """The HTTP client that posts to a receiver, checking its certificate as ``verify`` says."""
    if isinstance(verify, (str, os.PathLike)):
        verify = ssl.create_default_context(cafile=os.fspath(verify))
    return httpx.Client(timeout=timeout, verify=verify)


def _redacted(payload: Mapping[str, JsonValue]) -> dict[str, JsonValue]:
    """``payload`` with the receiver's key hidden, for reprs."""
    return {**payload, "accessKey": REDACTED} if "accessKey" in payload else dict(payload)


@dataclass(frozen=True)
class WebhookDelivery:
    """One event POSTed to the webhook URL, and the receiver's answer."""

    payload: dict[str, JsonValue]
    status_code: int
    response_text: str

    def __repr__(self) -> str:
        return (
            f"WebhookDelivery(payload={_redacted(self.payload)!r}, "
            f"status_code={self.status_code!r}, response_text={self.response_text!r})"
        )


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

    ``problems`` says what was wrong with the answer, ``validation_errors`` the same as the lines
    sent back to the server (then ``blocks`` is empty, as TENIOS runs none of them).
    """

    request: dict[str, JsonValue]
    status_code: int
    blocks: tuple[dict[str, JsonValue], ...]
    validation_errors: tuple[str, ...] = ()
    problems: tuple[CallControlProblem, ...] = ()

    def __repr__(self) -> str:
        return (
            f"CallControlLoop(request={_redacted(self.request)!r}, "
            f"status_code={self.status_code!r}, blocks={self.blocks!r}, "
            f"problems={self.problems!r})"
        )


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
    def blocks(self) -> list[list[dict[str, JsonValue]]]:
        """The blocks received, one list per loop."""
        return [list(loop.blocks) for loop in self.loops]

    @property
    def variables(self) -> dict[str, JsonValue]:
        """The call variables sent with the last request (collected digits included)."""
        sent = self.loops[-1].request["variables"]
        return dict(sent) if isinstance(sent, dict) else {}

    @property
    def problems(self) -> list[CallControlProblem]:
        """Everything that was wrong with the answers, in order."""
        return [problem for loop in self.loops for problem in loop.problems]

    @property
    def ok(self) -> bool:
        """Whether every answer was valid and the call ended as TENIOS would end it (no more
        blocks, or a HANGUP)."""
        return not self.problems and self.ended_by in ("EMPTY_BLOCKS", "HANGUP")


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


def _blocks_or_problems(
    loop: int, response: httpx.Response
) -> tuple[list[dict[str, JsonValue]], list[CallControlProblem]]:
    """The blocks of a Call Control answer, or every problem with it (checked by the SDK's own
    block models)."""

    def answer_problem(message: str) -> tuple[list[dict[str, JsonValue]], list[CallControlProblem]]:
        return [], [CallControlProblem(loop, None, None, message)]

    if response.status_code != 200:
        return answer_problem(f"the answer had HTTP status {response.status_code}, not 200")
    try:
        answer: object = json.loads(response.content)
    except ValueError:
        return answer_problem("the answer is not JSON")
    raw_blocks = (
        cast("dict[str, object]", answer).get("blocks") if isinstance(answer, dict) else None
    )
    if not isinstance(raw_blocks, list):
        return answer_problem("the answer is not a JSON object with a 'blocks' list")
    blocks: list[dict[str, JsonValue]] = []
    problems: list[CallControlProblem] = []
    for index, raw in enumerate(cast("list[object]", raw_blocks)):
        if isinstance(raw, dict):
            blocks.append(cast("dict[str, JsonValue]", raw))
        else:
            problems.append(CallControlProblem(loop, index, None, "is not a JSON object"))
            blocks.append({})
    problems += block_problems(loop, blocks, BLOCK_MODELS)
    return ([], problems) if problems else (blocks, [])


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
    result: Optional[dict[str, JsonValue]] = None
    for loop_count in range(max_loops):
        request: dict[str, JsonValue] = {
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
        blocks, problems = _blocks_or_problems(loop_count, response)
        errors = [str(problem) for problem in problems]
        loops.append(
            CallControlLoop(
                request, response.status_code, tuple(blocks), tuple(errors), tuple(problems)
            )
        )
        if errors:
            reported: dict[str, JsonValue] = {"validationErrors": list[JsonValue](errors)}
            status, result = "VALIDATION_ERRORS", reported
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
