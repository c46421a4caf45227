"""The connection pool behind a client and its ``with_options`` copies, never shared across a fork.

After ``os.fork()`` the child inherits the parent's open sockets. Sending on them from both
processes interleaves requests and lets one process read the other's answers, so a pool notices
when it is used in another process than the one that made it. A pool the SDK made is replaced by a
fresh one in the child; the inherited one is kept (neither used nor closed, it still serves the
parent). An ``httpx.Client`` the user passed in cannot be rebuilt with its proxies, certificates
and hooks, so the child is told to create its clients itself.
"""

from __future__ import annotations

import os
import threading
from typing import Callable, Optional

import httpx

from ._exceptions import TeniosError

_fork_lock = threading.Lock()


def _new_lock_after_fork() -> None:
    # A lock held by another thread at fork time would stay locked forever in the child.
    global _fork_lock
    _fork_lock = threading.Lock()


if hasattr(os, "register_at_fork"):  # pragma: no branch  (POSIX; nothing forks elsewhere)
    os.register_at_fork(after_in_child=_new_lock_after_fork)


class Pool:
    """An ``httpx.Client`` bound to the process that uses it."""

    def __init__(
        self, http_client: Optional[httpx.Client], new_http_client: Callable[[], httpx.Client]
    ) -> None:
        self.owned = http_client is None
        self._new_http_client = new_http_client
        self._http = new_http_client() if http_client is None else http_client
        self._pid = os.getpid()
        self.inherited: list[httpx.Client] = []
        """Pools inherited from a parent process: kept open, never used here."""

    def client(self) -> httpx.Client:
        """The ``httpx.Client`` to send with in this process."""
        if self._pid != os.getpid():
            self._adopt_after_fork()
        return self._http

    @property
    def current(self) -> httpx.Client:
        """The pool as it stands, without the fork check (for building settings, not sending)."""
        return self._http

    @property
    def is_closed(self) -> bool:
        """Whether the pool has been closed."""
        return self._http.is_closed

    def close(self) -> None:
        """Close the pool; only its owner calls this (never for a passed-in client)."""
        self._http.close()

    def _adopt_after_fork(self) -> None:
        with _fork_lock:
            pid = os.getpid()
            if self._pid == pid or self._http.is_closed:
                return  # another thread already adopted it, or it stays closed
            if not self.owned:
                raise TeniosError(
                    f"This TeniosClient was created in process {self._pid} and is used in process "
                    f"{pid}, after os.fork(). Its httpx.Client was passed in, and the parent's "
                    "connections must not be shared with the child: create the httpx.Client "
                    "and the TeniosClient in the child process."
                )
            self.inherited.append(self._http)
            self._http = self._new_http_client()
            self._pid = pid
