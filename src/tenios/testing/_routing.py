"""Routing plans of the account's TENIOS numbers: what the emulator runs once a makecall to one
of them is bridged (its Call Control loop and HTTPS-POST events, as TENIOS would)."""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Callable, Optional

import httpx

from ._account import Makecall, makecall_status_at
from ._clock import Clock
from ._lifecycle import CALLBACK_FAILURES
from ._lookup import EmulatorLookupError, found
from ._simulate import (
    CallControlRun,
    Verify,
    WebhookDelivery,
    call_events,
    call_variables,
    post_events,
    receiver_client,
    run_call_control_loop,
)
from ._store import Call, Store

__all__ = ["RoutedCall", "RoutingPlan", "Switchboard"]

POLL_SECONDS = 0.01
"""How often (real time) a makecall waiting to be bridged looks at the emulator's clock."""
MAX_WAIT_SECONDS = 3600.0
"""How long (real time) a makecall waits to be bridged before its routing plan gives up."""


@dataclass(frozen=True)
class RoutingPlan:
    """Where a TENIOS number's routing plan sends its requests (see
    ``Emulator.set_routing_plan``)."""

    access_key: str = field(repr=False)
    customer_number: int
    call_control_url: Optional[str]
    webhook_url: Optional[str]
    digits: tuple[str, ...]
    max_loops: int
    timeout: float
    verify: Verify
    on_routed: Optional[Callable[[RoutedCall], None]] = None


@dataclass(frozen=True)
class RoutedCall:
    """What a TENIOS number's routing plan did with a bridged makecall.

    ``call_uuid`` and ``bleg_uuid`` are the makecall's legs (sent as the variables ``call_uuid``
    and ``callback_bleg_uuid``); ``call_control`` is the Call Control conversation (``None``
    without a ``call_control_url``), ``deliveries`` the HTTPS-POST events sent (none without a
    ``webhook_url``). ``error`` says why the plan did not run to its end: the makecall failed
    before it was bridged, a receiver did not answer, or the emulator was closed.
    """

    makecall_id: int
    call_uuid: str
    bleg_uuid: str
    call_control: Optional[CallControlRun] = None
    deliveries: tuple[WebhookDelivery, ...] = ()
    error: Optional[str] = None

    @property
    def request_types(self) -> list[str]:
        """The ``requestType`` of each HTTPS-POST event sent, in order."""
        return [str(delivery.payload["requestType"]) for delivery in self.deliveries]

    def summary(self) -> list[str]:
        """What happened, in lines for a person: the outcome, then each problem found."""
        head = f"makecall {self.makecall_id}"
        if self.error is not None and not self.deliveries and self.call_control is None:
            return [f"{head}: {self.error}"]
        parts: list[str] = []
        if self.call_control is not None:
            run = self.call_control
            verdict = "ok" if run.ok else "NOT ok"
            loops = f"{len(run.loops)} loop" + ("" if len(run.loops) == 1 else "s")
            parts.append(f"call control {verdict}, {loops}, ended by {run.ended_by}")
        if self.deliveries:
            parts.append(
                "events "
                + ", ".join(f"{d.payload['requestType']} {d.status_code}" for d in self.deliveries)
            )
        if self.error is not None:
            parts.append(self.error)
        problems = self.call_control.problems if self.call_control is not None else []
        return [f"{head}: " + "; ".join(parts), *(f"  {problem}" for problem in problems)]


def _run_plan(
    http: httpx.Client, plan: RoutingPlan, variables: Mapping[str, str], routed: RoutedCall
) -> RoutedCall:
    """CALL_START, the Call Control loop, a BLOCK_END per block it ran, CALL_END."""
    start, *_ = call_events(
        access_key=plan.access_key,
        customer_number=plan.customer_number,
        variables=variables,
        blocks=(),
        forward=None,
    )
    deliveries: tuple[WebhookDelivery, ...] = ()
    if plan.webhook_url is not None:
        deliveries = post_events(http, plan.webhook_url, [start], lambda _: None)
    control: Optional[CallControlRun] = None
    if plan.call_control_url is not None:
        loops, ended_by = run_call_control_loop(
            http,
            plan.call_control_url,
            access_key=plan.access_key,
            customer_number=plan.customer_number,
            variables=variables,
            digits=plan.digits,
            max_loops=plan.max_loops,
        )
        control = CallControlRun(routed.call_uuid, loops, ended_by)
    if plan.webhook_url is not None:
        _, *rest = call_events(
            access_key=plan.access_key,
            customer_number=plan.customer_number,
            variables={**variables, **_texts(control.variables)} if control else variables,
            blocks=[str(block["blockType"]) for run in control.blocks for block in run]
            if control
            else (),
            forward=None,
        )
        deliveries += post_events(http, plan.webhook_url, rest, lambda _: None)
    return replace(routed, call_control=control, deliveries=deliveries)


def _texts(variables: Mapping[str, object]) -> dict[str, str]:
    return {name: value for name, value in variables.items() if isinstance(value, str)}


class Switchboard:
    """Runs the routing plans of the account's TENIOS numbers for the makecalls bridged to them,
    each in a thread of its own that waits for the emulator's clock to reach CONNECTED."""

    def __init__(self, store: Store, clock: Clock, lock: threading.RLock) -> None:
        self._store = store
        self._clock = clock
        self._lock = lock
        self._plans: dict[str, RoutingPlan] = {}
        self._routed: dict[int, RoutedCall] = {}
        self._finished = threading.Condition(lock)
        self._closed = threading.Event()
        store.account.route = self._placed

    def set_plan(self, tenios_number: str, plan: RoutingPlan) -> None:
        """Run ``plan`` for every makecall to ``tenios_number`` placed from now on."""
        with self._lock:
            if tenios_number not in self._store.account.phone_numbers:
                raise ValueError(
                    f"{tenios_number!r} is not a number of the emulated account "
                    "(e.g. DEMO_TENIOS_NUMBER, or one ordered with numbers.order)"
                )
            self._plans[tenios_number] = plan

    def routed_call(self, makecall_id: int, timeout: float) -> RoutedCall:
        """What the routing plan did with a makecall, once it has finished (waits for it)."""
        with self._finished:
            makecall = found(self._store.account.makecalls, makecall_id, "makecall")
            if makecall.routing_state is None:
                raise EmulatorLookupError(
                    f"makecall {makecall_id} has no routing plan: its TENIOS number "
                    f"{makecall.tenios_number} had none when it was placed (set_routing_plan)"
                )
            if not self._finished.wait_for(lambda: makecall_id in self._routed, timeout):
                raise TimeoutError(
                    f"the routing plan of makecall {makecall_id} did not finish within "
                    f"{timeout} s (it is {makecall.routing_state}; with a ManualClock, advance "
                    "it until the makecall is CONNECTED)"
                )
            return self._routed[makecall_id]

    def close(self) -> None:
        """Stop waiting: makecalls not yet bridged end with an error instead."""
        self._closed.set()

    def _placed(self, makecall: Makecall) -> None:
        """Called (under the lock) for every new makecall."""
        plan = self._plans.get(makecall.tenios_number)
        if plan is None:
            return
        makecall.routing_state = "WAITING"
        threading.Thread(
            target=self._route,
            args=(makecall.id, plan),
            name=f"tenios-emulator makecall {makecall.id}",
            daemon=True,
        ).start()

    def _route(self, makecall_id: int, plan: RoutingPlan) -> None:
        routed, variables = self._wait_until_bridged(makecall_id)
        if variables is not None:
            try:
                with receiver_client(plan.timeout, plan.verify) as http:
                    routed = _run_plan(http, plan, variables, routed)
            except httpx.HTTPError as exc:
                routed = replace(routed, error=f"a receiver did not answer: {_named(exc)}")
            except Exception as exc:  # e.g. an unreadable CA bundle: the makecall must still end
                routed = replace(routed, error=f"the routing plan failed: {_named(exc)}")
        with self._finished:
            makecall = self._store.account.makecalls[makecall_id]
            self._store.calls.pop(makecall.call_uuid, None)
            if variables is not None:
                makecall.routing_state = "DONE"
                makecall.routing_ended_at = self._clock.now()
            self._routed[makecall_id] = routed
            self._finished.notify_all()
        if plan.on_routed is not None:
            plan.on_routed(routed)

    def _wait_until_bridged(self, makecall_id: int) -> tuple[RoutedCall, Optional[dict[str, str]]]:
        """Wait for CONNECTED; then the call is live and the variables to send are returned."""
        give_up = time.monotonic() + MAX_WAIT_SECONDS
        with self._lock:
            makecall = self._store.account.makecalls[makecall_id]
        routed = RoutedCall(makecall_id, makecall.call_uuid, makecall.bleg_uuid)
        while True:
            with self._lock:
                status = makecall_status_at(makecall, self._clock.now(), self._store.timings)
                if status == "CONNECTED":
                    makecall.routing_state = "RUNNING"
                    self._store.calls[makecall.call_uuid] = Call(makecall.call_uuid)
                    return routed, _variables(makecall)
                why = None
                if status in CALLBACK_FAILURES:
                    why = f"the makecall ended {status}"
                elif self._closed.is_set():
                    why = "the emulator was closed"
                elif time.monotonic() >= give_up:
                    why = f"the makecall was not CONNECTED within {MAX_WAIT_SECONDS:.0f} s"
                if why is not None:
                    makecall.routing_state = "NEVER_BRIDGED"
                    return replace(routed, error=f"never bridged: {why}"), None
            self._closed.wait(POLL_SECONDS)


def _named(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}"


def _variables(makecall: Makecall) -> dict[str, str]:
    """The call variables of a bridged makecall: the number called, the person on the line,
    and the makecall's id and B-leg."""
    return call_variables(
        call_uuid=makecall.call_uuid,
        destination_number=makecall.tenios_number,
        caller_id_number=makecall.destination_number,
        extra={"callback_id": str(makecall.id), "callback_bleg_uuid": makecall.bleg_uuid},
    )
