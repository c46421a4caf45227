"""examples/fastapi_receiver.py, served by uvicorn on 127.0.0.1 and driven by the emulator as
TENIOS would drive it: the Call Control loop, and a call that is transferred after answering."""

from __future__ import annotations

import runpy
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from tenios.call_control import Bridge
from tenios.testing import Emulator

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "fastapi_receiver.py"
WEBHOOK_KEY = "receiver-key"
CUSTOMER = 200000


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Emulator, str]]:
    """The emulator (its API on loopback) and the example app on a uvicorn server of its own."""
    with Emulator() as emulator, emulator.serve() as api_url:
        monkeypatch.setenv("TENIOS_ACCESS_KEY", emulator.access_key)
        monkeypatch.setenv("TENIOS_BASE_URL", api_url)
        monkeypatch.setenv("TENIOS_WEBHOOK_ACCESS_KEY", WEBHOOK_KEY)
        app: Any = runpy.run_path(str(EXAMPLE))["app"]
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
        thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
        thread.start()
        deadline = time.monotonic() + 10
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.01)
        assert server.started
        try:
            yield emulator, f"http://127.0.0.1:{listener.getsockname()[1]}"
        finally:
            server.should_exit = True
            thread.join(timeout=10)
            listener.close()


def test_the_call_control_loop_collects_a_digit_and_bridges_by_it(
    served: tuple[Emulator, str],
) -> None:
    emulator, url = served
    run = emulator.run_call_control(
        f"{url}/call-control", access_key=WEBHOOK_KEY, customer_number=CUSTOMER, digits=["1"]
    )
    kinds = [[block["blockType"] for block in loop] for loop in run.blocks]
    assert kinds == [["COLLECT_DIGITS"], ["BRIDGE"], []]  # then no more blocks
    bridge = Bridge.model_validate(run.blocks[1][0])  # blocks are JSON values: read them typed
    assert bridge.destinations[0].destination == "1001"


def test_a_wrong_key_gets_403(served: tuple[Emulator, str]) -> None:
    emulator, url = served
    call = emulator.simulate_call(
        f"{url}/events", access_key="not-the-key", customer_number=CUSTOMER
    )
    assert {delivery.status_code for delivery in call.deliveries} == {403}


def test_a_first_level_call_is_transferred_after_the_post_was_answered(
    served: tuple[Emulator, str],
) -> None:
    emulator, url = served
    call = emulator.simulate_call(
        f"{url}/events",
        access_key=WEBHOOK_KEY,
        customer_number=CUSTOMER,
        forward_destination="+4922112345600",
    )
    assert [delivery.status_code for delivery in call.deliveries] == [200] * len(call.deliveries)
    transfers = emulator.requests_to("transfer.call")
    assert [entry.status for entry in transfers] == [200]  # the call was still live
    assert transfers[0].params == {
        "call_uuid": call.call_uuid,
        "destination_type": "SIP_TRUNK",
        "destination": "specialists",
    }
