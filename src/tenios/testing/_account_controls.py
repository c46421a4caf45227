"""The emulator's methods for the rest of the account: what a test sets up and reads back
about makecalls, wrap-up, listen-in, CDRs, verifications and numbers."""

from __future__ import annotations

import copy
import threading
from collections.abc import Iterable
from datetime import datetime
from typing import Any, Callable, Optional

from ._account import Makecall, Verification, demo_cdrs, makecall_status_at
from ._clock import Clock
from ._lookup import found
from ._routing import RoutedCall, RoutingPlan, Switchboard
from ._simulate import Verify
from ._store import Store

__all__ = ["AccountControls"]


class AccountControls:
    """Mixed into ``Emulator``: the account beyond the first five areas of the API."""

    clock: Clock
    _lock: threading.RLock
    _store: Store
    _switchboard: Switchboard

    def makecall(self, makecall_id: int) -> Makecall:
        """A copy of a makecall as it was requested (``EmulatorLookupError`` if there is none)."""
        with self._lock:
            return copy.deepcopy(found(self._store.account.makecalls, makecall_id, "makecall"))

    def makecall_status(self, makecall_id: int) -> str:
        """A makecall's status now, as ``/makecall/status`` would answer it."""
        with self._lock:
            makecall = found(self._store.account.makecalls, makecall_id, "makecall")
            return makecall_status_at(makecall, self.clock.now(), self._store.timings)

    def set_routing_plan(
        self,
        tenios_number: str,
        *,
        access_key: str,
        customer_number: int,
        call_control_url: Optional[str] = None,
        webhook_url: Optional[str] = None,
        digits: Iterable[str] = (),
        max_loops: int = 10,
        timeout: float = 5.0,
        verify: Verify = True,
        on_routed: Optional[Callable[[RoutedCall], None]] = None,
    ) -> None:
        """Give one of the account's TENIOS numbers a routing plan, as the portal does: every
        makecall to it placed from now on, once CONNECTED, runs the Call Control loop against
        ``call_control_url`` and posts the HTTPS-POST events to ``webhook_url`` (CALL_START, a
        BLOCK_END per block the loop ran, CALL_END), with the variables ``callback_id`` (the
        makecall's id) and ``callback_bleg_uuid``.

        The makecall stays CONNECTED (and its ``call_uuid`` a live call of the API) until the
        plan has run; read what happened with `routed_call`. ``access_key`` and
        ``customer_number`` are what your receivers verify; ``digits``, ``max_loops``,
        ``timeout`` and ``verify`` are as for ``run_call_control``. ``on_routed``, if given, is
        called with each `RoutedCall` once its plan has run (in the emulator's thread).
        """
        if call_control_url is None and webhook_url is None:
            raise ValueError("a routing plan needs a call_control_url, a webhook_url or both")
        if not access_key:
            raise ValueError("access_key must not be empty: your receivers verify it")
        if max_loops < 1:
            raise ValueError(f"max_loops must be at least 1, not {max_loops!r}")
        plan = RoutingPlan(
            access_key,
            customer_number,
            call_control_url,
            webhook_url,
            tuple(digits),
            max_loops,
            timeout,
            verify,
            on_routed,
        )
        self._switchboard.set_plan(tenios_number, plan)

    def routed_call(self, makecall_id: int, *, timeout: float = 10.0) -> RoutedCall:
        """What the routing plan of a makecall's TENIOS number did with it, once it has run.

        Waits up to ``timeout`` real seconds for the plan to finish (``TimeoutError`` then; with
        a ``ManualClock``, `advance` it until the makecall is CONNECTED first).

        Raises:
            EmulatorLookupError: there is no such makecall, or its number had no routing plan.
        """
        return self._switchboard.routed_call(makecall_id, timeout)

    def start_wrap_up(self, email: str, seconds: float = 30.0) -> None:
        """Put an agent in wrap-up for ``seconds``, as the end of an ACD call does."""
        with self._lock:
            found(self._store.agents, email, "agent")
            self._store.account.wrap_up_until[email] = self.clock.now() + seconds

    def wrap_up_ends_at(self, email: str) -> datetime | None:
        """When the agent's wrap-up ends (wall time), or ``None`` when not in wrap-up."""
        with self._lock:
            account = self._store.account
            until = account.wrap_up_until.get(email)
            if until is None or until <= self.clock.now():
                return None
            return account.wall_time(until)

    def blacklist_destination(self, number: str) -> None:
        """Refuse listening in from ``number`` (``DestinationBlacklistedError``)."""
        with self._lock:
            self._store.account.blacklisted_destinations.add(number)

    def add_cdrs(self, count: int, *, start: datetime, spacing: float = 60.0) -> None:
        """Record ``count`` inbound calls (two CDR legs each) one every ``spacing`` seconds."""
        with self._lock:
            self._store.account.add_cdrs(demo_cdrs(count, start, spacing))

    def verification(self, verification_id: str) -> Verification:
        """A copy of an address verification (``EmulatorLookupError`` if there is none)."""
        with self._lock:
            return copy.deepcopy(
                found(self._store.account.verifications, verification_id, "verification")
            )

    def approve_verification(self, verification_id: str) -> None:
        """Approve a pending verification: numbers can then be ordered with it."""
        self._decide(verification_id, "APPROVED")

    def reject_verification(self, verification_id: str) -> None:
        """Reject a verification: orders with it are refused."""
        self._decide(verification_id, "REJECTED")

    def _decide(self, verification_id: str, status: str) -> None:
        with self._lock:
            found(
                self._store.account.verifications, verification_id, "verification"
            ).status = status

    def phone_numbers(self) -> set[str]:
        """The account's phone numbers now (ordered ones added, cancelled ones gone)."""
        with self._lock:
            return set(self._store.account.phone_numbers)

    def pbx_users(self) -> list[dict[str, Any]]:
        """The account's Cloud-PBX users as ``/cloud-pbx/list`` lists them."""
        with self._lock:
            return copy.deepcopy(self._store.account.pbx_users)
