"""The emulator's simulated calls: it plays TENIOS towards your receivers, posting the
HTTPS-POST events of a call or driving a Call Control loop, and keeps the call live in the
emulated API meanwhile."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Optional

from ._account import Forward, inbound_call_legs
from ._clock import Clock
from ._simulate import (
    CallControlRun,
    SimulatedCall,
    Verify,
    call_events,
    call_variables,
    post_events,
    receiver_client,
    run_call_control_loop,
)
from ._store import Call, Store

__all__ = ["SIMULATED_CALLER", "SIMULATED_DESTINATION", "SimulatedCalls"]

SIMULATED_DESTINATION = "+4922155400300"
"""The number a simulated call dials unless told otherwise (the TENIOS number called)."""
SIMULATED_CALLER = "+4917012345678"
"""The caller of a simulated call unless told otherwise."""


class SimulatedCalls:
    """Mixed into ``Emulator``: ``simulate_call`` and ``run_call_control``."""

    clock: Clock
    _lock: threading.RLock
    _store: Store

    def _hang_up(self, call_uuid: str) -> None:
        """End an active call: the API no longer knows it."""
        with self._lock:
            self._store.calls.pop(call_uuid, None)

    def simulate_call(
        self,
        webhook_url: str,
        *,
        access_key: str,
        customer_number: int,
        call_uuid: Optional[str] = None,
        destination_number: str = SIMULATED_DESTINATION,
        caller_id_number: str = SIMULATED_CALLER,
        variables: Optional[Mapping[str, str]] = None,
        blocks: Sequence[str] = ("ANNOUNCEMENT",),
        forward_destination: Optional[str] = "+492212345678",
        forward_destination_type: str = "EXTERNALNUMBER",
        talk_seconds: float = 0.25,
        timeout: float = 5.0,
        verify: Verify = True,
    ) -> SimulatedCall:
        """POST the HTTPS-POST events of one call to ``webhook_url``, in order: CALL_START, a
        BLOCK_END per entry of ``blocks``, INITIATE_FORWARD and FORWARD_ANSWER (unless
        ``forward_destination`` is ``None``), CALL_END.

        ``access_key`` and ``customer_number`` are what your receiver should verify. While the
        call runs it is an active call of the emulated API (connected from FORWARD_ANSWER on),
        so the receiver may transfer it: the parties talk for ``talk_seconds`` on the emulator's
        clock between FORWARD_ANSWER and CALL_END, as on a real call, so a transfer made after
        answering the post (from a background task) finds the call live. ``verify`` checks an
        HTTPS receiver's certificate: ``True`` (the system's CAs), a CA bundle's path, an
        ``ssl.SSLContext``, or ``False``. Transport errors (e.g. nothing listening) propagate.
        """
        if not 0 <= talk_seconds <= 3600:
            raise ValueError(f"talk_seconds must be from 0 to 3600, not {talk_seconds!r}")
        call_uuid = call_uuid or str(uuid.uuid4())
        events = call_events(
            access_key=access_key,
            customer_number=customer_number,
            variables=call_variables(
                call_uuid=call_uuid,
                destination_number=destination_number,
                caller_id_number=caller_id_number,
                extra=variables,
            ),
            blocks=blocks,
            forward=None
            if forward_destination is None
            else (forward_destination_type, forward_destination),
        )

        moments: dict[str, datetime] = {}

        def track(request_type: str) -> None:
            if request_type == "CALL_END" and forward_destination is not None:
                self._let_time_pass(talk_seconds)  # the call is live while the parties talk
            with self._lock:
                moments[request_type] = self._store.account.wall_time(self.clock.now())
                if request_type == "CALL_START":
                    self._store.calls[call_uuid] = Call(call_uuid, connected=False)
                elif request_type == "FORWARD_ANSWER":
                    self._store.calls[call_uuid].connected = True
                elif request_type == "CALL_END":
                    self._store.calls.pop(call_uuid, None)

        try:
            with receiver_client(timeout, verify) as http:
                deliveries = post_events(http, webhook_url, events, track)
        finally:
            self._hang_up(call_uuid)
        forward = None
        if forward_destination is not None:
            forward = Forward(
                str(uuid.uuid4()),
                forward_destination,
                moments["INITIATE_FORWARD"],
                moments["FORWARD_ANSWER"],
            )
        self._record_inbound_call(
            call_uuid,
            caller=caller_id_number,
            destination=destination_number,
            start=moments["CALL_START"],
            forward=forward,
        )
        return SimulatedCall(call_uuid, deliveries)

    def _record_inbound_call(
        self,
        call_uuid: str,
        *,
        caller: str,
        destination: str,
        start: datetime,
        forward: Optional[Forward] = None,
    ) -> None:
        """Leave the CDR legs of an inbound call that ends now."""
        with self._lock:
            account = self._store.account
            account.add_cdrs(
                inbound_call_legs(
                    call_uuid,
                    caller=caller,
                    destination=destination,
                    start=start,
                    end=account.wall_time(self.clock.now()),
                    forward=forward,
                )
            )

    def _let_time_pass(self, seconds: float) -> None:
        """Wait until ``seconds`` have passed on the emulator's clock (at most that long in real
        time: a clock that stands still, a ``ManualClock``, is then moved on by what is left)."""
        deadline = self.clock.now() + seconds
        real_deadline = time.monotonic() + seconds
        while self.clock.now() < deadline and time.monotonic() < real_deadline:
            time.sleep(min(0.01, max(0.0, real_deadline - time.monotonic())))
        if self.clock.now() < deadline:
            self.clock.advance(deadline - self.clock.now())

    def run_call_control(
        self,
        url: str,
        *,
        access_key: str,
        customer_number: int,
        variables: Optional[Mapping[str, str]] = None,
        digits: Iterable[str] = (),
        max_loops: int = 10,
        call_uuid: Optional[str] = None,
        destination_number: str = SIMULATED_DESTINATION,
        caller_id_number: str = SIMULATED_CALLER,
        timeout: float = 5.0,
        verify: Verify = True,
    ) -> CallControlRun:
        """Drive a Call Control loop against ``url`` as TENIOS would, and return what it answered.

        Sends EXTERNAL_CALL_CONTROL requests with ``loopCount`` 0, 1, 2... and ``requestStatus``
        REQUESTING_BLOCKS until the answer has no blocks, holds a HANGUP block, is invalid (then
        one VALIDATION_ERRORS request follows) or ``max_loops`` requests were sent. ``digits`` are
        the caller's inputs, one per COLLECT_DIGITS block, set as the variable the block names.
        The call is an active (interruptible) call of the emulated API while the loop runs.
        ``verify`` checks an HTTPS receiver's certificate, as for ``simulate_call``. Every
        answer is checked with the SDK's block models: ``run.problems`` and ``run.ok``.
        """
        call_uuid = call_uuid or str(uuid.uuid4())
        with self._lock:
            self._store.calls[call_uuid] = Call(call_uuid)
            start = self._store.account.wall_time(self.clock.now())
        try:
            with receiver_client(timeout, verify) as http:
                loops, ended_by = run_call_control_loop(
                    http,
                    url,
                    access_key=access_key,
                    customer_number=customer_number,
                    variables=call_variables(
                        call_uuid=call_uuid,
                        destination_number=destination_number,
                        caller_id_number=caller_id_number,
                        extra=variables,
                    ),
                    digits=digits,
                    max_loops=max_loops,
                )
        finally:
            self._hang_up(call_uuid)
        self._record_inbound_call(
            call_uuid, caller=caller_id_number, destination=destination_number, start=start
        )
        return CallControlRun(call_uuid, loops, ended_by)
