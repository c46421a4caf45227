"""Fault injection: the next N requests to an endpoint get a scripted answer, a delay, or a
dropped connection."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any, Optional

from ._reply import Reply

__all__ = ["Fault", "FaultBook"]


@dataclass
class Fault:
    """One injected fault and how many more requests it applies to.

    A fault with a ``status`` or a ``body`` replaces the answer: the request is journaled but not
    acted on. One with only ``headers`` and/or ``delay`` lets the request through and adds them to
    the normal answer. ``drop`` closes the connection without answering, after ``delay``.
    """

    remaining: int
    status: Optional[int] = None
    body: Any = None
    headers: Mapping[str, str] = field(default_factory=dict[str, str])
    delay: float = 0.0
    drop: bool = False

    def __post_init__(self) -> None:
        if self.remaining < 1:
            raise ValueError(f"times must be at least 1, not {self.remaining!r}")
        if self.delay < 0:
            raise ValueError(f"delay must be >= 0 seconds, not {self.delay!r}")
        if self.status is not None and not 100 <= self.status <= 599:
            raise ValueError(f"status must be an HTTP status (100-599), not {self.status!r}")

    @property
    def replaces_answer(self) -> bool:
        """Whether the request is answered by the fault instead of the emulated API."""
        return self.drop or self.status is not None or self.body is not None

    def reply(self) -> Reply:
        """The answer this fault gives in place of the API's (only when it replaces it)."""
        if self.drop:
            return Reply(0, delay=self.delay, drop=True)
        status = self.status if self.status is not None else 200
        body: Any = self.body
        if body is None:
            body = _default_body(status)
        if isinstance(body, (bytes, str)):
            content = body.encode("utf-8") if isinstance(body, str) else body
            headers = {"Content-Type": "text/plain; charset=utf-8"}
        else:
            content = json.dumps(body).encode("ascii")
            headers = {"Content-Type": "application/json"}
        headers.update(self.headers)
        return Reply(status, tuple(headers.items()), content, self.delay)

    def decorate(self, reply: Reply) -> Reply:
        """The API's own answer with this fault's headers and delay added."""
        return Reply(reply.status, (*reply.headers, *self.headers.items()), reply.body, self.delay)


def _default_body(status: int) -> dict[str, Any]:
    if status < 400:
        return {}
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Error"
    return {"error_message": f"{phrase} (fault injected by the TENIOS emulator)", "fields": []}


class FaultBook:
    """The pending faults, by URL path, applied first in, first out."""

    def __init__(self) -> None:
        self._pending: dict[str, list[Fault]] = {}

    def add(self, path: str, fault: Fault) -> None:
        """Queue ``fault`` for requests to ``path``."""
        self._pending.setdefault(path, []).append(fault)

    def take(self, path: str) -> Optional[Fault]:
        """The fault for the next request to ``path``, counting it down; ``None`` if none."""
        queue = self._pending.get(path)
        if not queue:
            return None
        fault = queue[0]
        fault.remaining -= 1
        if fault.remaining == 0:
            queue.pop(0)
        return fault

    def pending(self, path: str) -> int:
        """How many more requests to ``path`` will meet a fault."""
        return sum(fault.remaining for fault in self._pending.get(path, []))

    def clear(self) -> None:
        """Forget every pending fault."""
        self._pending.clear()
