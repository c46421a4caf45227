"""Base classes for what the SDK sends (strict) and what it receives (lenient)."""

from __future__ import annotations

from functools import cache
from typing import ClassVar

from pydantic import BaseModel, ConfigDict


class RequestModel(BaseModel):
    """Arguments of an API call: unknown attributes and coerced types are refused.

    A field declared with ``Field(repr=False)`` holds a secret (a supervisor key, a push
    secret): it is kept out of reprs, and redacted like the access key from errors and logs.
    """

    model_config: ClassVar[ConfigDict] = ConfigDict(
        extra="forbid", frozen=True, defer_build=True, str_strip_whitespace=False
    )

    def secret_values(self) -> tuple[str, ...]:
        """The values of this request's secret fields that were given."""
        return tuple(
            value
            for name in _secret_fields(type(self))
            if isinstance(value := getattr(self, name), str) and value
        )


@cache
def _secret_fields(model: type[RequestModel]) -> tuple[str, ...]:
    return tuple(name for name, info in model.model_fields.items() if not info.repr)


class ResponseModel(BaseModel):
    """An answer from TENIOS: unknown fields are kept and reachable as attributes."""

    model_config: ClassVar[ConfigDict] = ConfigDict(extra="allow", defer_build=True)
