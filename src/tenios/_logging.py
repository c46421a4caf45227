"""The ``tenios`` logger: silent by default, switched on by ``TENIOS_LOG=info|debug``."""

from __future__ import annotations

import logging
import os
import sys

logger = logging.getLogger("tenios")

_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}


def configure_from_env() -> None:
    """Apply ``TENIOS_LOG``: set the level and, if the logger has no handler yet, log to stderr."""
    level = _LEVELS.get(os.environ.get("TENIOS_LOG", "").strip().lower())
    if level is None:
        return
    logger.setLevel(level)
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        logger.addHandler(handler)


def redact(text: str, secret: str) -> str:
    """``text`` with every occurrence of ``secret`` replaced, for anything that may echo a body."""
    return text.replace(secret, "[REDACTED]") if secret else text
