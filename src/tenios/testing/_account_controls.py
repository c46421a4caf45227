"""The emulator's methods for the rest of the account: what a test sets up and reads back
about makecalls, wrap-up, listen-in, CDRs, verifications and numbers."""

from __future__ import annotations

import copy
import threading
from datetime import datetime
from typing import Any

from ._account import Makecall, Verification, demo_cdrs
from ._clock import Clock
from ._lookup import found
from ._store import Store

__all__ = ["AccountControls"]


class AccountControls:
    """Mixed into ``Emulator``: the account beyond the first five areas of the API."""

    clock: Clock
    _lock: threading.RLock
    _store: Store

    def makecall(self, makecall_id: int) -> Makecall:
        """A copy of a makecall as it was requested (``EmulatorLookupError`` if there is none)."""
        with self._lock:
            return copy.deepcopy(found(self._store.account.makecalls, makecall_id, "makecall"))

    def makecall_status(self, makecall_id: int) -> str:
        """A makecall's status now, as ``/makecall/status`` would answer it."""
        from ._lifecycle import status_after

        with self._lock:
            makecall = found(self._store.account.makecalls, makecall_id, "makecall")
            elapsed = self.clock.now() - makecall.requested_at
            return status_after(elapsed, 0, makecall.failure, self._store.timings)

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
