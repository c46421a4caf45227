"""The emulated API itself: one ``handle`` call per request, whatever carried it in.

``handle`` takes the pending fault, answers (404 for an unknown path, 405 for anything but POST,
else the endpoint's rules and handler), and journals the request, all under the emulator's lock.
Delays and dropped connections are left to the transport that delivers the reply.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Optional
from urllib.parse import urlsplit

from .._endpoints import ENDPOINTS
from ._account_handlers import ACCOUNT_HANDLERS
from ._clock import Clock
from ._errors import ApiFailure, method_not_allowed, unknown_method
from ._faults import FaultBook
from ._handlers import HANDLERS
from ._journal import JournalEntry, redacted_body, redacted_headers
from ._reply import Reply, json_reply
from ._rules import checked_params
from ._store import Store

__all__ = ["App", "endpoint_path"]

_HANDLERS = {**HANDLERS, **ACCOUNT_HANDLERS}
_NAMES_BY_PATH = {endpoint.path: endpoint.name for endpoint in ENDPOINTS}
_PATHS_BY_NAME = {endpoint.name: endpoint.path for endpoint in ENDPOINTS}


def endpoint_path(endpoint: str) -> str:
    """The URL path of an endpoint given by name (``"callback.init"``) or path."""
    if endpoint.startswith("/"):
        return endpoint
    try:
        return _PATHS_BY_NAME[endpoint]
    except KeyError:
        known = ", ".join(_PATHS_BY_NAME)
        raise ValueError(
            f"unknown endpoint {endpoint!r}: give a path starting with '/' or one of {known}"
        ) from None


class App:
    """The emulated TENIOS API over an account ``store``; thread-safe through ``lock``."""

    def __init__(self, access_key: str, store: Store, clock: Clock, lock: threading.RLock) -> None:
        self.access_key = access_key
        self.store = store
        self.clock = clock
        self.lock = lock
        self.faults = FaultBook()
        self.journal: list[JournalEntry] = []

    def handle(
        self, method: str, target: str, headers: Iterable[tuple[str, str]], body: bytes
    ) -> Reply:
        """Answer one request (``target`` is the path, with or without a query string)."""
        path = urlsplit(target).path or "/"
        with self.lock:
            fault = self.faults.take(path)
            if fault is not None and fault.replaces_answer:
                reply = fault.reply()
            else:
                reply = self._answer(method, path, body)
                if fault is not None:
                    reply = fault.decorate(reply)
            self.journal.append(
                JournalEntry(
                    method=method,
                    path=path,
                    endpoint=_NAMES_BY_PATH.get(path),
                    body=redacted_body(body, self.access_key),
                    headers=redacted_headers(headers, self.access_key),
                    status=None if reply.drop else reply.status,
                    fault=fault is not None,
                    at=self.clock.now(),
                )
            )
        return reply

    def _answer(self, method: str, path: str, body: bytes) -> Reply:
        name: Optional[str] = _NAMES_BY_PATH.get(path)
        if name is None:
            failure = unknown_method(path)
            return json_reply(failure.status, failure.body())
        if method != "POST":
            failure = method_not_allowed(method)
            reply = json_reply(failure.status, failure.body())
            return Reply(reply.status, (*reply.headers, ("Allow", "POST")), reply.body)
        try:
            params = checked_params(name, body, self.access_key)
            return json_reply(200, _HANDLERS[name](self.store, params, self.clock.now()))
        except ApiFailure as failure:
            return json_reply(failure.status, failure.body())
