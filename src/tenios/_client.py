"""``TeniosClient``: configuration, the connection pool, and the resources."""

from __future__ import annotations

import dataclasses
import ipaddress
import os
import platform
import ssl
from collections.abc import Mapping
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any, Optional, TypeVar, Union

import httpx

from . import _pipeline
from ._endpoints import Endpoint
from ._exceptions import TeniosError
from ._logging import configure_from_env
from ._pool import Pool
from ._types import NOT_GIVEN, NotGiven, Timeout
from ._validation import seconds_argument
from ._version import __version__
from .types._base import ResponseModel

if TYPE_CHECKING:
    from types import TracebackType

    from .resources.acd import ACD
    from .resources.call_control import CallControl
    from .resources.callback import Callback
    from .resources.transfer import Transfer

__all__ = ["DEFAULT_BASE_URL", "DEFAULT_MAX_RETRIES", "DEFAULT_TIMEOUT", "TeniosClient"]

DEFAULT_BASE_URL = "https://api.tenios.com"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)

ResponseT = TypeVar("ResponseT", bound=ResponseModel)
_Self = TypeVar("_Self", bound="TeniosClient")


class TeniosClient:
    """A client of the TENIOS voice API. Safe to share between threads; reuses connections.

    Args:
        access_key: the API key; falls back to the ``TENIOS_ACCESS_KEY`` environment variable.
        base_url: falls back to ``TENIOS_BASE_URL``, then ``https://api.tenios.com``. Plain
            ``http://`` is refused except for loopback hosts (a local emulator), since the key
            travels in the request body.
        timeout: seconds or an ``httpx.Timeout`` for each request; ``None`` for no timeout.
            Defaults to 30 s (5 s to connect), or to ``http_client``'s own timeout when given.
        max_retries: how often a failed call may be repeated. Calls that can place or move a
            phone call are repeated only when the request provably never reached TENIOS.
        http_client: your own ``httpx.Client`` (proxies, mTLS, event hooks); never closed by us.
        default_headers: extra headers sent with every request.
    """

    def __init__(
        self,
        access_key: Optional[str] = None,
        *,
        base_url: Union[str, httpx.URL, None] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: Optional[httpx.Client] = None,
        default_headers: Optional[Mapping[str, str]] = None,
    ) -> None:
        configure_from_env()
        key = access_key if access_key is not None else os.environ.get("TENIOS_ACCESS_KEY")
        if not key:
            raise TeniosError(
                "No TENIOS access key: pass TeniosClient(access_key=...) or set the "
                "TENIOS_ACCESS_KEY environment variable."
            )
        self._access_key = key
        self.base_url: httpx.URL = _checked_base_url(
            base_url or os.environ.get("TENIOS_BASE_URL") or DEFAULT_BASE_URL
        )
        self.max_retries: int = _checked_max_retries(max_retries)
        self._owns_http_client = http_client is None
        self._pool = Pool(http_client, _new_http_client)
        self.timeout: httpx.Timeout
        if isinstance(timeout, NotGiven):
            self.timeout = http_client.timeout if http_client is not None else DEFAULT_TIMEOUT
        else:
            self.timeout = _as_httpx_timeout(timeout)
        self.default_headers: dict[str, str] = _checked_headers(default_headers or {})
        self._connection = self._make_connection()

    def _make_connection(self) -> _pipeline.Connection:
        headers = {
            "User-Agent": _user_agent(),
            "Accept": "application/json",
            **self.default_headers,
        }
        return _pipeline.Connection(
            http=self._pool.current,
            base_url=self.base_url,
            access_key=self._access_key,
            headers=headers,
            max_retries=self.max_retries,
        )

    # -- resources ---------------------------------------------------------------------------

    @cached_property
    def callback(self) -> Callback:
        """Callbacks: ``init``, ``status`` and ``wait``."""
        from .resources.callback import Callback

        return Callback(self)

    @cached_property
    def acd(self) -> ACD:
        """ACD agents: ready state and Cloud-ACD user details."""
        from .resources.acd import ACD

        return ACD(self)

    @cached_property
    def transfer(self) -> Transfer:
        """Transfer of a connected call."""
        from .resources.transfer import Transfer

        return Transfer(self)

    @cached_property
    def call_control(self) -> CallControl:
        """Methods for calls under Call Control."""
        from .resources.call_control import CallControl

        return CallControl(self)

    # -- lifecycle ---------------------------------------------------------------------------

    def with_options(
        self: _Self,
        *,
        access_key: Optional[str] = None,
        base_url: Union[str, httpx.URL, None] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        default_headers: Optional[Mapping[str, str]] = None,
    ) -> _Self:
        """A copy with some options changed, sharing this client's connection pool.

        ``default_headers`` are merged over the current ones. Closing the copy leaves the pool
        open; the original client owns it.
        """
        copy = object.__new__(type(self))
        copy.__dict__.update(
            _access_key=access_key or self._access_key,
            base_url=_checked_base_url(base_url) if base_url is not None else self.base_url,
            max_retries=_checked_max_retries(max_retries)
            if max_retries is not None
            else self.max_retries,
            timeout=self.timeout if isinstance(timeout, NotGiven) else _as_httpx_timeout(timeout),
            default_headers=_checked_headers({**self.default_headers, **(default_headers or {})}),
            _owns_http_client=False,
            _pool=self._pool,
        )
        copy._connection = copy._make_connection()
        return copy

    def close(self) -> None:
        """Close the connection pool, unless it was passed in or belongs to another client."""
        if self._owns_http_client:
            self._pool.close()

    @property
    def is_closed(self) -> bool:
        """Whether the connection pool has been closed."""
        return self._pool.is_closed

    def __enter__(self: _Self) -> _Self:
        return self

    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"TeniosClient(base_url={str(self.base_url)!r}, max_retries={self.max_retries})"

    # -- the one way into the pipeline -------------------------------------------------------

    def _call(
        self,
        endpoint: Endpoint[ResponseT],
        timeout: Union[Timeout, NotGiven],
        arguments: Mapping[str, Any],
    ) -> ResponseT:
        """Validate ``arguments`` for ``endpoint`` and send the call."""
        request = _pipeline.validate_arguments(endpoint.request_model, arguments)
        return _pipeline.send(
            self._live_connection(), endpoint, request, self._timeout_for(timeout)
        )

    def _live_connection(self) -> _pipeline.Connection:
        """The connection settings, over the pool of this process (a fresh one after a fork)."""
        http = self._pool.client()
        if self._connection.http is not http:
            self._connection = dataclasses.replace(self._connection, http=http)
        return self._connection

    def _timeout_for(self, timeout: Union[Timeout, NotGiven]) -> httpx.Timeout:
        return self.timeout if isinstance(timeout, NotGiven) else _as_httpx_timeout(timeout)


def _new_http_client() -> httpx.Client:
    return httpx.Client(
        limits=DEFAULT_LIMITS, follow_redirects=False, verify=_default_ssl_context()
    )


@cache
def _default_ssl_context() -> ssl.SSLContext:
    """httpx's default TLS settings, built once: loading the CA bundle costs ~40 ms a client."""
    return httpx.create_ssl_context()


def _as_httpx_timeout(timeout: Timeout) -> httpx.Timeout:
    if timeout is None or isinstance(timeout, httpx.Timeout):
        return httpx.Timeout(timeout)
    return httpx.Timeout(seconds_argument("timeout", timeout))


def _checked_max_retries(max_retries: int) -> int:
    if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:  # pyright: ignore[reportUnnecessaryIsInstance]
        raise TeniosError(f"max_retries must be a whole number >= 0, not {max_retries!r}")
    return max_retries


def _checked_headers(headers: Mapping[str, str]) -> dict[str, str]:
    # Checked here, or every call would fail later with an encoding or protocol error.
    for name, value in headers.items():
        if not (_is_header_text(name) and _is_header_text(value)):
            raise TeniosError(
                f"default_headers[{name!r}] must be ASCII text on one line"
                " (the value is not shown, it may be a secret)"
            )
    return dict(headers)


def _is_header_text(text: object) -> bool:
    return isinstance(text, str) and text.isascii() and not any(c in text for c in "\r\n\0")


def _checked_base_url(base_url: Union[str, httpx.URL]) -> httpx.URL:
    try:
        url = httpx.URL(str(base_url))
    except httpx.InvalidURL as exc:
        raise TeniosError(f"base_url is not a valid URL: {exc}") from None
    if url.scheme not in ("https", "http") or not url.host:
        raise TeniosError(f"base_url must be an https:// URL, not {str(base_url)!r}")
    if url.scheme == "http" and not _is_loopback(url.host):
        raise TeniosError(
            f"base_url {str(base_url)!r} uses plain http:// to a remote host; the access key travels "
            "in the request body, so only https:// is allowed (http:// only for loopback hosts)."
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


def _user_agent() -> str:
    python = ".".join(platform.python_version_tuple()[:2])
    return f"tenios-python/{__version__} (Python {python}; httpx {httpx.__version__})"
