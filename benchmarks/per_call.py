"""(a) Time per call through ``httpx.MockTransport``: tenios against hand-written httpx + pydantic.

The baseline is the least code that makes the same call and parses the same answer: a plain
``httpx.Client`` POST with the JSON body, a status check, and ``model_validate`` of a hand-written
model. Both sides share one mock transport, so the difference is the SDK's own work: argument
validation, request building, the retry loop, error mapping and response parsing.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from functools import partial

import httpx
from pydantic import BaseModel

import tenios

from ._timing import interleaved, time_calls
from .payloads import (
    ACCESS_KEY,
    ANSWERS,
    BASE_URL,
    CALLBACK_CONFIG_ID,
    CALLBACK_ID,
    CALLBACK_NUMBER,
    DELAY,
)
from .report import Row, Target

TARGET = Target("<=", 1.15)
MICROSECONDS = 1e6


class Status(str, Enum):
    """A hand-written copy of the callback status enum."""

    REQUESTED = "REQUESTED"
    ACCEPTED = "ACCEPTED"
    CALLING_A = "CALLING_A"
    CALL_A_FAILED = "CALL_A_FAILED"
    CALLING_B = "CALLING_B"
    CALL_B_FAILED = "CALL_B_FAILED"
    CONNECTED = "CONNECTED"
    DISCONNECTED = "DISCONNECTED"


class StatusAnswer(BaseModel):
    """A hand-written model of the ``/callback/status`` answer."""

    status: Status


class InitAnswer(BaseModel):
    """A hand-written model of the ``/callback/init`` answer."""

    id: int


def _answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        200, content=ANSWERS[request.url.path], headers={"Content-Type": "application/json"}
    )


def mock_transport() -> httpx.MockTransport:
    """A transport that answers every known path at once with its canned answer."""
    return httpx.MockTransport(_answer)


def handwritten_status(http: httpx.Client) -> StatusAnswer:
    """``/callback/status`` by hand."""
    response = http.post("/callback/status", json={"access_key": ACCESS_KEY, "id": CALLBACK_ID})
    response.raise_for_status()
    return StatusAnswer.model_validate(response.json())


def handwritten_init(http: httpx.Client) -> InitAnswer:
    """``/callback/init`` by hand."""
    body = {
        "access_key": ACCESS_KEY,
        "callback_config_id": CALLBACK_CONFIG_ID,
        "callback_number": CALLBACK_NUMBER,
        "delay": DELAY,
    }
    response = http.post("/callback/init", json=body)
    response.raise_for_status()
    return InitAnswer.model_validate(response.json())


def tenios_status(client: tenios.TeniosClient) -> tenios.CallbackStatusResponse:
    """``/callback/status`` through the SDK."""
    return client.callback.status(CALLBACK_ID)


def tenios_init(client: tenios.TeniosClient) -> tenios.CallbackInitResponse:
    """``/callback/init`` through the SDK."""
    return client.callback.init(
        callback_config_id=CALLBACK_CONFIG_ID, callback_number=CALLBACK_NUMBER, delay=DELAY
    )


def measure(rounds: int, calls: int) -> list[Row]:
    """Rows a1 (``callback.status``) and a2 (``callback.init``), microseconds per call."""
    http = httpx.Client(transport=mock_transport(), base_url=BASE_URL)
    client = tenios.TeniosClient(ACCESS_KEY, http_client=httpx.Client(transport=mock_transport()))
    with http, client:
        assert handwritten_status(http).status.value == tenios_status(client).status == "CONNECTED"
        assert handwritten_init(http).id == tenios_init(client).id == CALLBACK_ID
        cases: list[tuple[str, str, Callable[[], object], Callable[[], object]]] = [
            (
                "a1",
                "callback.status",
                partial(handwritten_status, http),
                partial(tenios_status, client),
            ),
            ("a2", "callback.init", partial(handwritten_init, http), partial(tenios_init, client)),
        ]
        rows: list[Row] = []
        for key, name, by_hand, sdk in cases:
            for call in (by_hand, sdk):  # warm up: lazy imports, deferred model builds, caches
                time_calls(call, max(10, calls // 10))
            samples = interleaved(
                {
                    "baseline": partial(time_calls, by_hand, calls),
                    "tenios": partial(time_calls, sdk, calls),
                },
                rounds,
            )
            rows.append(
                Row(
                    key=key,
                    what=f"per call, MockTransport: {name}",
                    unit="µs",
                    baseline_name="httpx + pydantic by hand",
                    baseline=[s * MICROSECONDS for s in samples["baseline"]],
                    tenios=[s * MICROSECONDS for s in samples["tenios"]],
                    target=TARGET,
                )
            )
    return rows
