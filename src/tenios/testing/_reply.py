"""The answer to one request, as the app decides it and the transports deliver it."""

from __future__ import annotations

import json
from dataclasses import dataclass

__all__ = ["Reply", "json_reply"]


@dataclass(frozen=True)
class Reply:
    """How to answer one request: a status, headers and body, after ``delay`` seconds; or, with
    ``drop``, close the connection without answering."""

    status: int
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    delay: float = 0.0
    drop: bool = False


def json_reply(status: int, payload: object) -> Reply:
    """A JSON answer."""
    return Reply(
        status,
        (("Content-Type", "application/json"),),
        # ASCII escapes: an echoed value may hold a lone surrogate, which UTF-8 cannot carry.
        json.dumps(payload).encode("ascii"),
    )
