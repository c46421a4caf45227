"""One way to word bad input: pydantic's report turned into a ``RequestValidationError`` that
names each field and its rule. Used for API arguments and for Call Control blocks alike."""

from __future__ import annotations

from typing import Any, Callable

from pydantic import ValidationError

from .._exceptions import RequestValidationError

__all__ = ["checked_init", "invalid_input"]


def invalid_input(
    exc: ValidationError, *, unknown: str = "is not an argument of this call"
) -> RequestValidationError:
    """The ``RequestValidationError`` for ``exc``: one ``"field rule"`` line per problem, the
    first field named as ``field``. ``unknown`` words an attribute that does not exist."""
    problems = [
        problem for error in exc.errors(include_url=False) for problem in _describe(error, unknown)
    ]
    first_field = problems[0][0] if problems else ""
    lines = [f"{name} {rule}" if name else rule for name, rule in problems]
    return RequestValidationError("; ".join(lines), field=first_field or None, errors=lines)


def _describe(error: Any, unknown: str) -> list[tuple[str, str]]:
    # Attribute names and list indexes; a union's tags (``SAY``, ``BRIDGE``) are left out.
    location = [
        str(part)
        for part in error["loc"]
        if isinstance(part, int) or (str(part).isidentifier() and not str(part).isupper())
    ]
    name = ".".join(location)
    kind = error["type"]
    if kind == "value_error":
        cause = error["ctx"]["error"]
        if isinstance(cause, RequestValidationError):  # a nested block, already worded
            prefix = f"{name}." if name else ""
            return [
                (prefix + field, rule)
                for field, _, rule in (line.partition(" ") for line in cause.errors or [str(cause)])
            ]
        rule = str(cause)
        if not name:  # a rule across fields names its field itself
            name, _, rule = rule.partition(" ")
        elif rule.startswith(f"{location[-1]} "):  # a rule that names its own field
            rule = rule[len(location[-1]) + 1 :]
        return [(name, rule)]
    if kind == "missing":
        return [(name, "is required")]
    if kind == "extra_forbidden":
        return [(name, unknown)]
    message: str = error["msg"]
    message = message.replace("Input should be", "must be", 1)
    return [(name, message.replace("String should match pattern", "must match the pattern", 1))]


def checked_init(init: Callable[..., None], data: dict[str, Any], unknown: str) -> None:
    """Run a model's pydantic ``__init__`` with ``data``; a broken rule raises
    ``RequestValidationError`` (for models users build: blocks and Call Control answers)."""
    try:
        init(**data)
    except ValidationError as exc:
        raise invalid_input(exc, unknown=unknown) from None
