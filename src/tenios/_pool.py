"""The connection pool behind a client and its ``with_options`` copies, never shared across a fork.

After ``os.fork()`` the child inherits the parent's open sockets. Sending on them from both
processes interleaves requests and lets one process read the other's answers, so a pool notices
when it is used in another process than the one that made it. A pool the SDK made is replaced by a
fresh one in the child; the inherited one is kept (neither used nor closed, it still serves the
parent). An ``httpx`` client the user passed in cannot be rebuilt with its proxies, certificates
and hooks, so the child is told to create its clients itself.
"""

from __future__ import annotations

import os
import threading
from typing import Callable, Generic, Optional, Protocol, TypeVar

from ._exceptions import TeniosError

_fork_lock = threading.Lock()


def _new_lock_after_fork() -> None:
    # A lock held by another thread at fork time would stay locked forever in the child.
    global _fork_lock
    _fork_lock = threading.Lock()


if hasattr(os, "register_at_fork"):  # pragma: no branch  (POSIX; nothing forks elsewhere)
    os.register_at_fork(after_in_child=_new_lock_after_fork)


class _HttpClient(Protocol):
    @property
    def is_closed(self) -> bool: ...


HttpT = TypeVar("HttpT", bound=_HttpClient)


class Pool(Generic[HttpT]):
    """One ``httpx`` client per process, shared by a client and its copies."""

    def __init__(self, http_client: Optional[HttpT], new_http_client: Callable[[], HttpT]) -> None:
        self.owned = http_client is None
        """Whether the SDK made the pool (and so may close or replace it)."""
        self._new_http_client = new_http_client
        self._http = new_http_client() if http_client is None else http_client
        self._pid = os.getpid()
        self.inherited: list[HttpT] = []
        """Pools inherited from a parent process: kept open, never used here."""

    def client(self) -> HttpT:
        """The ``httpx`` client to send with in this process."""
        if self._pid != os.getpid():
            self._adopt_after_fork()
        return self._http

    @property
    def current(self) -> HttpT:
        """The pool as it stands, without the fork check (to close it, or to share it)."""
        return self._http

    def _adopt_after_fork(self) -> None:
        with _fork_lock:
            pid = os.getpid()
            if self._pid == pid or self._http.is_closed:
                return  # another thread already adopted it, or it stays closed
            if not self.owned:
                raise TeniosError(
                    f"This client was created in process {self._pid} and is used in process "
                    f"{pid}, after os.fork(). Its httpx client was passed in, and the parent's "
                    "connections must not be shared with the child: create the httpx client "
                    "and the TENIOS client in the child process."
                )
            self.inherited.append(self._http)
            self._http = self._new_http_client()
            self._pid = pid
