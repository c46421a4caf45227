"""What the command prints: JSON on stdout, one line per error on stderr."""

from __future__ import annotations

import json
import sys
from typing import Any


def to_json(value: Any) -> Any:
    """A JSON-ready form of a result: models by their JSON dump, the rest as it is."""
    dump = getattr(value, "model_dump", None)
    return dump(mode="json") if callable(dump) else value


def emit(value: Any) -> None:
    """Print one result as a JSON document (a line for each listed item)."""
    sys.stdout.write(json.dumps(to_json(value), ensure_ascii=False) + "\n")
    sys.stdout.flush()


def fail(message: str) -> None:
    """One friendly line on stderr."""
    sys.stderr.write(f"tenios: {message}\n")
    sys.stderr.flush()
