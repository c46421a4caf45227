"""The ``tenios`` logger: silent by default, switched on by ``TENIOS_LOG=info|debug``."""

from __future__ import annotations

import logging
import os
import sys
import warnings
from collections.abc import Sequence

logger = logging.getLogger("tenios")

REDACTED = "[REDACTED]"
"""What stands where a secret was."""

_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}


_warned: set[str] = set()


def configure_from_env() -> None:
    """Apply ``TENIOS_LOG``: set the level and, if the logger has no handler yet, log to stderr.

    An unknown value is ignored with one ``RuntimeWarning`` per value, so a typo does not pass
    silently.
    """
    value = os.environ.get("TENIOS_LOG", "").strip().lower()
    level = _LEVELS.get(value)
    if level is None:
        if value and value not in _warned:
            _warned.add(value)
            warnings.warn(
                f"TENIOS_LOG={value!r} is ignored: use 'info' or 'debug'",
                RuntimeWarning,
                stacklevel=3,
            )
        return
    logger.setLevel(level)
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        logger.addHandler(handler)


def redact(text: str, secrets: Sequence[str]) -> str:
    """``text`` with every occurrence of each secret replaced, for anything that may echo a body."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return text
