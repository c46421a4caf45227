"""Checking a Call Control answer's blocks with the SDK's own block models, and saying what is
wrong the way a receiver's author (in any language) needs to read it: loop, block, attribute."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Optional

from pydantic import BaseModel

from .._exceptions import RequestValidationError

__all__ = ["CallControlProblem", "block_problems"]


@dataclass(frozen=True)
class CallControlProblem:
    """One thing wrong with a Call Control answer.

    Attributes:
        loop: the ``loopCount`` of the request answered.
        block: the block's index in the answer's ``blocks``, or ``None`` for the answer itself.
        attribute: the block attribute at fault, by its wire name (``blockTimeout``), or ``None``.
        message: what is wrong, in words.
    """

    loop: int
    block: Optional[int]
    attribute: Optional[str]
    message: str

    def __str__(self) -> str:
        where = f"loop {self.loop}"
        if self.block is not None:
            where += f", blocks[{self.block}]"
        if self.attribute is not None:
            where += f".{self.attribute}"
        return f"{where}: {self.message}"


def _wire_name(model: type[BaseModel], name: str) -> str:
    field = model.model_fields.get(name)
    return (field.alias or name) if field is not None else name


def _in_wire_names(model: type[BaseModel], message: str) -> str:
    """``message`` with the model's Python attribute names put as they are on the wire."""
    for name, field in model.model_fields.items():
        if field.alias and field.alias != name:
            message = re.sub(rf"\b{name}\b", field.alias, message)
    return message


def _problems_of(
    loop: int, index: int, model: type[BaseModel], error: Exception
) -> list[CallControlProblem]:
    """The problems an SDK block model reported, by wire names."""
    if isinstance(error, RequestValidationError):
        problems: list[CallControlProblem] = []
        for line in error.errors or [str(error)]:
            attribute, message = _split(line)
            if attribute is not None:
                first, dot, rest = attribute.partition(".")
                attribute = _wire_name(model, first) + dot + rest
            problems.append(
                CallControlProblem(loop, index, attribute, _in_wire_names(model, message))
            )
        return problems
    return [CallControlProblem(loop, index, None, str(error))]


def _split(line: str) -> tuple[Optional[str], str]:
    attribute, separator, message = line.partition(" ")
    named = separator and all(
        part.isidentifier() or part.isdigit() for part in attribute.split(".")
    )
    return (attribute, message) if named else (None, line)


def block_problems(
    loop: int, blocks: Sequence[Mapping[str, Any]], models: Mapping[str, type[BaseModel]]
) -> list[CallControlProblem]:
    """Every problem of ``blocks`` (wire JSON objects) against the block ``models`` by type."""
    problems: list[CallControlProblem] = []
    for index, block in enumerate(blocks):
        block_type = block.get("blockType")
        model = models.get(block_type) if isinstance(block_type, str) else None
        if model is None:
            known = ", ".join(models)
            problems.append(
                CallControlProblem(
                    loop, index, "blockType", f"{block_type!r} is not a block type ({known})"
                )
            )
            continue
        try:
            model(**dict(block))  # the SDK's own check, by wire names
        except ValueError as error:  # RequestValidationError is one
            problems.extend(_problems_of(loop, index, model, error))
    return problems
