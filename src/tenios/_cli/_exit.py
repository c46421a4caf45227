"""Exit codes of the ``tenios`` command, one per kind of outcome (docs/cli.md lists them)."""

from __future__ import annotations

OK = 0
ERROR = 1
"""A ``TeniosError`` not listed below."""
USAGE = 2
"""Bad command line (argparse's own code)."""
INVALID_ARGUMENT = 3
"""``RequestValidationError``: an argument broke a rule; nothing was sent."""
AUTHENTICATION = 4
"""``AuthenticationError``: the key was refused (``BAD_CREDENTIALS``)."""
NOT_FOUND = 5
"""``NotFoundError``: the id, uuid, e-mail or number does not exist."""
API_ERROR = 6
"""Any other error answer of the API (invalid request, rate limit, server error, bad answer)."""
CONNECTION = 7
"""``APIConnectionError``: no answer (network, DNS, TLS, timeout)."""
WAIT_TIMEOUT = 8
"""``WaitTimeoutError``: a wait reached its deadline."""
INVALID_BLOCKS = 10
"""A receiver's answer broke the rules (invalid Call Control blocks, an invalid event body)."""
RECEIVER_STATUS = 11
"""A receiver answered with a status other than 2xx (and not 403)."""
RECEIVER_REFUSED_KEY = 12
"""A receiver answered 403: it refused the access key."""
RECEIVER_UNREACHABLE = 13
"""A receiver could not be reached (nothing listening, TLS refused)."""
INTERRUPTED = 130
"""Ctrl-C."""


def for_error(error: BaseException) -> int:
    """The exit code for an error the SDK raised."""
    import tenios

    table: list[tuple[type[BaseException], int]] = [
        (tenios.RequestValidationError, INVALID_ARGUMENT),
        (tenios.AuthenticationError, AUTHENTICATION),
        (tenios.NotFoundError, NOT_FOUND),
        (tenios.WaitTimeoutError, WAIT_TIMEOUT),
        (tenios.APIConnectionError, CONNECTION),
        (tenios.APIError, API_ERROR),
    ]
    return next((code for kind, code in table if isinstance(error, kind)), ERROR)
