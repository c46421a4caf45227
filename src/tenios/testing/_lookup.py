"""Reading the emulator's records back: a clear error for one it does not have (now)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

__all__ = ["EmulatorLookupError", "found"]

K = TypeVar("K")
V = TypeVar("V")


class EmulatorLookupError(KeyError):
    """A record the emulator does not have (now): an ended call, an unknown agent or id.

    A ``KeyError`` (so a ``LookupError``), as before; its message says what is missing and why.
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def found(records: Mapping[K, V], key: K, what: str, why: str = "") -> V:
    """``records[key]``, or an ``EmulatorLookupError`` that says what is missing."""
    try:
        return records[key]
    except KeyError:
        reason = f": {why}" if why else ""
        raise EmulatorLookupError(f"the emulator has no {what} {key!r}{reason}") from None
