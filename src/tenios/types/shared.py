"""Models shared by several endpoints."""

from __future__ import annotations

from ._base import ResponseModel

__all__ = ["SuccessResponse"]


class SuccessResponse(ResponseModel):
    """The answer of a call that changes something: ``{"success": true}``."""

    success: bool
