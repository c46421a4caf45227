"""A tour of the tenios SDK: a callback, an agent's state and skills, a transfer, an interrupt.

Run it with ``make demo`` or ``python examples/quickstart.py``.

Without ``TENIOS_ACCESS_KEY`` it starts the local TENIOS emulator (``tenios.testing``) on a
loopback port and runs against it: no account, no network, done in a few seconds.

With ``TENIOS_ACCESS_KEY`` set it talks to the real TENIOS API (or to ``TENIOS_BASE_URL``). Each
step then needs your own ids, read from the environment; a step whose variable is missing is
skipped:

- ``TENIOS_CALLBACK_CONFIG_ID`` and ``TENIOS_CALLBACK_NUMBER``: the callback step (this places a
  real phone call to that number!)
- ``TENIOS_AGENT_EMAIL``: the agent state and skills steps (the agent's state and skills are put
  back afterwards); ``TENIOS_NRR``: a not-ready reason to use
- ``TENIOS_CALL_UUID``: the transfer and interrupt steps, on a live call;
  ``TENIOS_TRANSFER_TO``: where to transfer it, in E.164 (default: no transfer)
"""

from __future__ import annotations

import os
import sys
import time
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Optional

import tenios

EMULATOR_TIME_SCALE = 10.0
"""Emulated seconds per real second: the emulated callback (13 s) takes 1.3 s."""


@dataclass(frozen=True)
class Demo:
    """The ids the tour works with, and how patiently it polls."""

    callback_config_id: Optional[str]
    callback_number: Optional[str]
    agent_email: Optional[str]
    not_ready_reason: Optional[str]
    call_uuid: Optional[str]
    transfer_to: Optional[str]
    poll_interval: float
    callback_deadline: float


def _env(name: str) -> Optional[str]:
    return os.environ.get(name) or None


def _step(title: str) -> None:
    print(f"\n== {title}")


def _skipped(variable: str) -> None:
    print(f"   skipped: set {variable} to run this step")


def show_callback(client: tenios.TeniosClient, demo: Demo) -> None:
    """Request a callback and print each status it passes through until a final one."""
    _step("Callback: TENIOS calls an agent, then the customer")
    if demo.callback_config_id is None or demo.callback_number is None:
        _skipped("TENIOS_CALLBACK_CONFIG_ID and TENIOS_CALLBACK_NUMBER")
        return
    callback = client.callback.init(
        callback_config_id=demo.callback_config_id,
        callback_number=demo.callback_number,
        delay=2,
        agent_announcement="A customer asked to be called back.",
    )
    print(f"   requested callback {callback.id} to {demo.callback_number}, 2 s delay")
    deadline = time.monotonic() + demo.callback_deadline
    last: Optional[str] = None
    while time.monotonic() < deadline:
        answer = client.callback.status(callback.id)
        if str(answer.status) != last:
            last = str(answer.status)
            print(f"   status: {last}")
        if answer.is_terminal:
            break
        time.sleep(demo.poll_interval)
    else:
        print("   (still running; stopped polling)")


def show_agent_state(client: tenios.TeniosClient, demo: Demo) -> None:
    """Take an agent out of the queue with a not-ready reason, then put them back."""
    _step("Agent state: READY / NOT_READY")
    if demo.agent_email is None:
        _skipped("TENIOS_AGENT_EMAIL")
        return
    before = client.acd.retrieve_agent_state(demo.agent_email).state
    print(f"   {demo.agent_email} is {before}")
    client.acd.change_agent_state(demo.agent_email, state="NOT_READY", nrr=demo.not_ready_reason)
    now = client.acd.retrieve_agent_state(demo.agent_email).state
    reason = f" (reason {demo.not_ready_reason})" if demo.not_ready_reason else ""
    print(f"   changed to {now}{reason}")
    client.acd.change_agent_state(demo.agent_email, state=tenios.AgentState(before))
    print(f"   and back to {client.acd.retrieve_agent_state(demo.agent_email).state}")


def show_skills(client: tenios.TeniosClient, demo: Demo) -> None:
    """Read an agent's skills, flip one with update_user_details, and flip it back."""
    _step("Agent skills: read, update one, restore")
    if demo.agent_email is None:
        _skipped("TENIOS_AGENT_EMAIL")
        return
    skills = client.acd.retrieve_user_details(demo.agent_email).skills
    print(f"   has: {', '.join(name for name, has in skills.items() if has) or 'none'}")
    if not skills:
        print("   the account has no skills to change")
        return
    name = next(iter(skills))
    client.acd.update_user_details(demo.agent_email, user_skills={name: not skills[name]})
    changed = client.acd.retrieve_user_details(demo.agent_email).skills[name]
    print(f"   {name}: {skills[name]} -> {changed}")
    client.acd.update_user_details(demo.agent_email, user_skills={name: skills[name]})
    print(f"   {name}: restored to {skills[name]}")


def show_call_control(client: tenios.TeniosClient, demo: Demo) -> None:
    """Transfer a connected call, then interrupt the block it is running."""
    _step("Live call: transfer it, interrupt its running block")
    if demo.call_uuid is None:
        _skipped("TENIOS_CALL_UUID")
        return
    if demo.transfer_to is None:
        _skipped("TENIOS_TRANSFER_TO")
    else:
        client.transfer.call(
            demo.call_uuid, destination_type="EXTERNALNUMBER", destination=demo.transfer_to
        )
        print(f"   call {demo.call_uuid} transferred to {demo.transfer_to}")
    try:
        client.call_control.interrupt_block(demo.call_uuid)
        print("   running block interrupted")
    except tenios.APIError as error:  # not every block can be interrupted
        print(f"   could not interrupt: {error.error_code}: {error.error_message}")


def show_an_error(client: tenios.TeniosClient) -> None:
    """Errors carry TENIOS's code, message and fields, and have a class per code."""
    _step("Errors: one class per TENIOS error code")
    try:
        client.callback.status(999_999)
    except tenios.CallbackNotFoundError as error:
        print(f"   {type(error).__name__}: {error.error_code}, fields {error.fields}")


def tour(client: tenios.TeniosClient, demo: Demo) -> None:
    """Every step, in order."""
    show_callback(client, demo)
    show_agent_state(client, demo)
    show_skills(client, demo)
    show_call_control(client, demo)
    show_an_error(client)


def main() -> int:
    """Run the tour against the real API when a key is set, else against the local emulator."""
    with ExitStack() as stack:
        if os.environ.get("TENIOS_ACCESS_KEY"):
            client = stack.enter_context(tenios.TeniosClient())
            print(f"TENIOS_ACCESS_KEY is set: talking to the TENIOS API at {client.base_url}")
            demo = Demo(
                callback_config_id=_env("TENIOS_CALLBACK_CONFIG_ID"),
                callback_number=_env("TENIOS_CALLBACK_NUMBER"),
                agent_email=_env("TENIOS_AGENT_EMAIL"),
                not_ready_reason=_env("TENIOS_NRR"),
                call_uuid=_env("TENIOS_CALL_UUID"),
                transfer_to=_env("TENIOS_TRANSFER_TO"),
                poll_interval=2.0,
                callback_deadline=300.0,
            )
        else:
            from tenios import testing

            emulator = stack.enter_context(testing.Emulator(time_scale=EMULATOR_TIME_SCALE))
            base_url = stack.enter_context(emulator.serve())
            print(
                f"No TENIOS_ACCESS_KEY set: using the local TENIOS emulator at {base_url} "
                f"(time runs {EMULATOR_TIME_SCALE:g}x faster)"
            )
            client = stack.enter_context(
                tenios.TeniosClient(emulator.access_key, base_url=base_url)
            )
            demo = Demo(
                callback_config_id=testing.DEMO_CALLBACK_CONFIG_ID,
                callback_number="+491234567890",
                agent_email=testing.DEMO_AGENT_EMAIL,
                not_ready_reason=testing.DEMO_NOT_READY_REASON,
                call_uuid=testing.DEMO_CALL_UUID,
                transfer_to="+4922155400300",
                poll_interval=0.02,
                callback_deadline=10.0,
            )
        tour(client, demo)
    print("\nDone.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
