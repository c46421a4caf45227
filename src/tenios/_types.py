"""Small shared types: the "not given" sentinel and the accepted timeout forms."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Literal, Union

if TYPE_CHECKING:
    import httpx

__all__ = ["NOT_GIVEN", "NotGiven", "Timeout"]


class NotGiven:
    """The type of ``NOT_GIVEN``: "this argument was not passed", as distinct from ``None``."""

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()

Timeout = Union[float, "httpx.Timeout", None]
"""Seconds, an ``httpx.Timeout``, or ``None`` for no timeout at all."""
