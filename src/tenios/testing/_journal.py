"""The journal: every request the emulator received, with the access key redacted."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Optional, cast

from pydantic import JsonValue

__all__ = ["REDACTED", "JournalEntry", "redacted_body", "redacted_headers"]

REDACTED = "[REDACTED]"
"""What stands in the journal where a secret was."""

_SECRET_MEMBERS = ("access_key", "supervisor_key", "push_secret")
"""Body members that hold a secret: the access key and the second keys some calls send."""

_SECRET_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "cookie", "x-api-key", "x-access-key"}
)


@dataclass(frozen=True)
class JournalEntry:
    """One request received by the emulator.

    Attributes:
        method: the HTTP method.
        path: the URL path, e.g. ``/callback/init``.
        endpoint: the endpoint name (``callback.init``), or ``None`` for an unknown path.
        body: the JSON body with ``access_key``, ``supervisor_key`` and ``push_secret`` replaced
            by ``"[REDACTED]"``, or the text of a body that is not JSON (with the emulator's key
            replaced).
        headers: the request headers, names in lower case, without credentials or cookies.
        status: the HTTP status answered, or ``None`` when the connection was dropped.
        fault: whether an injected fault shaped the answer.
        at: the emulator's clock when the request arrived.
    """

    method: str
    path: str
    endpoint: Optional[str]
    body: JsonValue
    headers: Mapping[str, str]
    status: Optional[int]
    fault: bool
    at: float

    @property
    def params(self) -> dict[str, JsonValue]:
        """The body's members other than ``access_key`` (empty when the body is not an object)."""
        body: object = self.body
        if not isinstance(body, dict):
            return {}
        members = cast("dict[str, JsonValue]", body)
        return {name: value for name, value in members.items() if name != "access_key"}


def redacted_body(body: bytes, access_key: str) -> JsonValue:
    """The decoded body with the access key and the other secret members out of it."""
    text = body.decode("utf-8", errors="replace")
    try:
        decoded: JsonValue = json.loads(text)
    except (ValueError, RecursionError):
        return text.replace(access_key, REDACTED)
    if not isinstance(decoded, dict):
        return decoded
    members = decoded
    for name in _SECRET_MEMBERS:
        if name in members:
            members[name] = REDACTED
    return members


def redacted_headers(headers: Iterable[tuple[str, str]], access_key: str) -> dict[str, str]:
    """The headers without credentials, names in lower case."""
    return {
        name.lower(): value.replace(access_key, REDACTED)
        for name, value in headers
        if name.lower() not in _SECRET_HEADERS
    }
