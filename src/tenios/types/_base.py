"""Base classes for what the SDK sends (strict) and what it receives (lenient)."""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict


class RequestModel(BaseModel):
    """Arguments of an API call: unknown attributes and coerced types are refused."""

    model_config: ClassVar[ConfigDict] = ConfigDict(
        extra="forbid", frozen=True, defer_build=True, str_strip_whitespace=False
    )


class ResponseModel(BaseModel):
    """An answer from TENIOS: unknown fields are kept and reachable as attributes."""

    model_config: ClassVar[ConfigDict] = ConfigDict(extra="allow", defer_build=True)
