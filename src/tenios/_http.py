"""The HTTP layer: the only module that imports httpx at run time.

It builds the connection pools, checks URLs and timeouts, and moves one request over the wire
(sync or async), reporting a failed exchange as a ``TransportFailure`` value that says whether the
request may have reached the server. Everything else (retries, errors, parsing) is decided by the
sans-I/O pipeline in ``_pipeline.py``, the same way for both clients.
"""

from __future__ import annotations

import ipaddress
import json
import platform
import socket
import ssl
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Optional, Union

import httpx

from ._exceptions import RequestValidationError
from ._logging import REDACTED
from ._retry import Failure
from ._types import Timeout
from ._validation import seconds_argument
from ._version import __version__

__all__ = [
    "ASYNC_CLIENT_TYPE",
    "DEFAULT_LIMITS",
    "DEFAULT_TIMEOUT",
    "SYNC_CLIENT_TYPE",
    "TransportFailure",
    "as_timeout",
    "checked_base_url",
    "cut_timeout",
    "exchange",
    "exchange_async",
    "new_async_client",
    "new_sync_client",
    "redacted_request",
    "user_agent",
]

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)

_NOT_SENT_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


@dataclass(frozen=True)
class TransportFailure:
    """An exchange that produced no usable answer.

    Attributes:
        kind: whether the request may have reached the server.
        cause: the httpx exception.
        reason: what went wrong, in words, with the host (never the request body).
    """

    kind: Failure
    cause: httpx.HTTPError
    reason: str

    @property
    def timed_out(self) -> bool:
        """Whether the failure was a timeout."""
        return isinstance(self.cause, httpx.TimeoutException)


SYNC_CLIENT_TYPE: type[httpx.Client] = httpx.Client
"""What a ``TeniosClient``'s ``http_client`` must be."""
ASYNC_CLIENT_TYPE: type[httpx.AsyncClient] = httpx.AsyncClient
"""What an ``AsyncTeniosClient``'s ``http_client`` must be."""


def new_sync_client() -> httpx.Client:
    """The connection pool a ``TeniosClient`` makes for itself."""
    return httpx.Client(limits=DEFAULT_LIMITS, follow_redirects=False, verify=_ssl_context())


def new_async_client() -> httpx.AsyncClient:
    """The connection pool an ``AsyncTeniosClient`` makes for itself."""
    return httpx.AsyncClient(limits=DEFAULT_LIMITS, follow_redirects=False, verify=_ssl_context())


@cache
def _ssl_context() -> ssl.SSLContext:
    """httpx's default TLS settings, built once: loading the CA bundle costs ~40 ms a client."""
    return httpx.create_ssl_context()


def user_agent() -> str:
    """The ``User-Agent`` header: SDK, Python and httpx versions."""
    python = ".".join(platform.python_version_tuple()[:2])
    return f"tenios-python/{__version__} (Python {python}; httpx {httpx.__version__})"


def exchange(http: httpx.Client, request: httpx.Request) -> Union[httpx.Response, TransportFailure]:
    """Send ``request`` and read the whole answer, or say why there is none."""
    try:
        # Never follow a redirect, even when a passed-in client would: the body carries the key.
        response = http.send(request, stream=True, follow_redirects=False)
    except httpx.HTTPError as exc:
        return _failure(exc, request, read_started=False)
    try:
        response.read()
    except httpx.HTTPError as exc:
        return _unread(response, exc, request)
    finally:
        response.close()
    return response


async def exchange_async(
    http: httpx.AsyncClient, request: httpx.Request
) -> Union[httpx.Response, TransportFailure]:
    """``exchange`` for an ``httpx.AsyncClient``; a cancellation propagates untouched."""
    try:
        response = await http.send(request, stream=True, follow_redirects=False)
    except httpx.HTTPError as exc:
        return _failure(exc, request, read_started=False)
    try:
        await response.aread()
    except httpx.HTTPError as exc:
        return _unread(response, exc, request)
    finally:
        await response.aclose()
    return response


def _unread(
    response: httpx.Response, exc: httpx.HTTPError, request: httpx.Request
) -> Union[httpx.Response, TransportFailure]:
    if isinstance(exc, httpx.DecodingError):
        # The body does not match its Content-Encoding: judge the answer by its status alone.
        headers = [
            (name, value)
            for name, value in response.headers.multi_items()
            if name.lower() not in {"content-encoding", "content-length"}
        ]
        return httpx.Response(response.status_code, headers=headers, request=request)
    return _failure(exc, request, read_started=True)  # a body cut short: a dropped connection


def _failure(
    exc: httpx.HTTPError, request: httpx.Request, *, read_started: bool
) -> TransportFailure:
    not_sent = not read_started and isinstance(exc, _NOT_SENT_ERRORS)
    return TransportFailure(
        Failure.NOT_SENT if not_sent else Failure.SENT, exc, _reason(exc, request.url.host)
    )


def _reason(exc: httpx.HTTPError, host: str) -> str:
    """``exc`` in words a user can act on: which host, and what went wrong there."""
    if isinstance(exc, httpx.TimeoutException):
        phase = _TIMEOUT_PHASES.get(type(exc), "waiting")
        return f"timed out {phase} ({host})"
    causes = _causes(exc)
    if any(isinstance(cause, ssl.SSLCertVerificationError) for cause in causes):
        return f"TLS certificate of {host} not trusted"
    if any(isinstance(cause, ConnectionRefusedError) for cause in causes):
        return f"connection to {host} refused"
    if any(_is_name_error(cause) for cause in causes):
        return f"name {host} not resolved"
    if any(isinstance(cause, ssl.SSLError) for cause in causes):
        return f"TLS handshake with {host} failed"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"{host} closed the connection without a complete answer"
    if isinstance(exc, httpx.ConnectError):
        return f"could not connect to {host}"
    return f"{type(exc).__name__} talking to {host}"


_TIMEOUT_PHASES: dict[type[httpx.TimeoutException], str] = {
    httpx.ConnectTimeout: "connecting",
    httpx.ReadTimeout: "waiting for the answer",
    httpx.WriteTimeout: "sending the request",
    httpx.PoolTimeout: "waiting for a free connection",
}


def _causes(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: Optional[BaseException] = exc
    while current is not None and len(chain) < 8:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _is_name_error(exc: BaseException) -> bool:
    return isinstance(exc, socket.gaierror)


def as_timeout(timeout: Timeout) -> httpx.Timeout:
    """A ``timeout`` argument as an ``httpx.Timeout``; a number must be finite seconds > 0."""
    if timeout is None or isinstance(timeout, httpx.Timeout):
        return httpx.Timeout(timeout)
    return httpx.Timeout(seconds_argument("timeout", timeout))


def cut_timeout(timeout: httpx.Timeout, limit: float) -> httpx.Timeout:
    """``timeout`` with no phase longer than ``limit`` seconds (what is left of a deadline)."""

    def cut(value: Optional[float]) -> float:
        return limit if value is None else min(value, limit)

    return httpx.Timeout(
        connect=cut(timeout.connect),
        read=cut(timeout.read),
        write=cut(timeout.write),
        pool=cut(timeout.pool),
    )


def checked_base_url(base_url: Union[str, httpx.URL]) -> httpx.URL:
    """``base_url`` as a URL ending in ``/``; plain ``http://`` only to loopback hosts."""
    try:
        url = httpx.URL(str(base_url))
    except httpx.InvalidURL as exc:
        raise RequestValidationError(
            f"base_url is not a valid URL: {exc}", field="base_url"
        ) from None
    if url.scheme not in ("https", "http") or not url.host:
        raise RequestValidationError(
            f"base_url must be an https:// URL, not {str(base_url)!r}", field="base_url"
        )
    if url.scheme == "http" and not _is_loopback(url.host):
        raise RequestValidationError(
            f"base_url {str(base_url)!r} uses plain http:// to a remote host; the access key travels "
            "in the request body, so only https:// is allowed (http:// only for loopback hosts).",
            field="base_url",
        )
    if not url.raw_path.endswith(b"/"):
        url = url.copy_with(raw_path=url.raw_path + b"/")
    return url


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def redacted_request(request: httpx.Request, secrets: Sequence[str]) -> httpx.Request:
    """A copy of ``request`` whose body has every secret replaced, to keep on an error."""
    content = request.content.decode("utf-8", "surrogateescape")
    for secret in secrets:
        if secret:
            # The body is JSON: a secret stands in it as json.dumps wrote it.
            content = content.replace(json.dumps(secret, ensure_ascii=False)[1:-1], REDACTED)
    return httpx.Request(
        request.method,
        request.url,
        headers=request.headers,
        content=content.encode("utf-8", "surrogateescape"),
        extensions=request.extensions,
    )
