"""A FastAPI receiver for TENIOS: it answers Call Control and hands calls on with AsyncTeniosClient.

* ``POST /call-control``: the Call Control loop. Loop 0 asks the caller for one digit, loop 1
  bridges the call by that digit, then no more blocks.
* ``POST /events``: TENIOS's HTTPS-POST events. When a call is answered at the first-level
  queue (``FORWARD_ANSWER`` to ``FIRST_LEVEL``), it is transferred to the specialists: the post
  is answered at once, and the transfer runs afterwards as a background task on the event loop,
  while the call is live. A call transfer is never repeated once it may have reached TENIOS.

Run it with uvicorn (not a dependency of tenios)::

    TENIOS_ACCESS_KEY=... TENIOS_WEBHOOK_ACCESS_KEY=... uvicorn examples.fastapi_receiver:app

The API key comes from ``TENIOS_ACCESS_KEY``; the key TENIOS sends in its posts (the one of your
Call Control block and HTTPS-POST setup) from ``TENIOS_WEBHOOK_ACCESS_KEY``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager

from fastapi import BackgroundTasks, FastAPI, Request, Response

import tenios
from tenios import call_control, webhooks

FIRST_LEVEL = "+4922112345600"
"""Where the routing forwards calls first."""
SPECIALISTS = "specialists"
"""The SIP trunk the first level hands calls on to."""
ROUTES = {
    "1": call_control.Destination(destination_type="SIP_USER", destination="1001"),
    "2": call_control.Destination(destination_type="EXTERNALNUMBER", destination=FIRST_LEVEL),
}

log = logging.getLogger("fastapi_receiver")


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncGenerator[None, None]:
    """One AsyncTeniosClient for the app's event loop, closed when the app stops."""
    async with tenios.AsyncTeniosClient() as client:
        app.state.tenios = client
        yield


app = FastAPI(lifespan=lifespan)


def _webhook_key() -> str:
    return os.environ.get("TENIOS_WEBHOOK_ACCESS_KEY", "change-me")


def blocks_for(request: call_control.CallControlRequest) -> call_control.CallControlResponse:
    """The blocks for one request of the Call Control loop."""
    if request.loop_count == 0:
        return call_control.CallControlResponse().collect_digits(
            announcement_name="IVR_Menu",
            error_announcement_name="IVR_Invalid_Input",
            variable_name="menu_choice",
            min_digits=1,
            max_digits=1,
            terminator="#",
            max_tries=3,
            timeout=10,
        )
    destination = ROUTES.get(request.variables.get("menu_choice", ""))
    if request.loop_count == 1 and destination is not None:
        return call_control.CallControlResponse().bridge([destination], bridge_mode="SEQUENTIAL")
    return call_control.CallControlResponse()


@app.post("/call-control")
async def answer_call_control(request: Request) -> Response:
    """Verify a Call Control request and answer with its blocks."""
    try:
        parsed = call_control.parse_request(await request.body(), access_key=_webhook_key())
    except tenios.WebhookVerificationError:
        return Response("verification failed", status_code=403)
    except tenios.WebhookPayloadError as error:
        return Response(str(error), status_code=400)
    return Response(blocks_for(parsed).to_json(), media_type="application/json")


async def hand_on(client: tenios.AsyncTeniosClient, call_uuid: str) -> None:
    """Transfer a call to the specialists; a failure is logged (TENIOS has no one to tell)."""
    try:
        await client.transfer.call(call_uuid, destination_type="SIP_TRUNK", destination=SPECIALISTS)
    except tenios.TeniosError as error:
        log.error("transfer of %s failed: %s", call_uuid, error)


@app.post("/events")
async def receive_event(request: Request, background: BackgroundTasks) -> Response:
    """Verify an HTTPS-POST event, answer at once, and transfer first-level calls afterwards."""
    try:
        event = webhooks.parse_event(await request.body(), access_key=_webhook_key())
    except tenios.WebhookVerificationError:
        return Response("verification failed", status_code=403)
    except tenios.WebhookPayloadError as error:
        return Response(str(error), status_code=400)
    call_uuid = event.variables.call_uuid
    answered = isinstance(event, webhooks.ForwardAnswerEvent) and event.destination == FIRST_LEVEL
    if answered and call_uuid is not None:
        background.add_task(hand_on, request.app.state.tenios, call_uuid)
    return Response(status_code=200)
