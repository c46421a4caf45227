"""``TeniosClient`` and ``AsyncTeniosClient``: configuration, the connection pool, the resources.

Both are one class, ``BaseClient``, specialised by how its operations are carried out: blocking
(``SyncDriver``) or awaited (``AsyncDriver``). Configuration, validation, resources and every API
method are written once, here and in ``resources/``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, Generic, Optional, TypeVar, Union

from . import _pipeline
from ._drive import AsyncDriver, SyncDriver
from ._exceptions import RequestValidationError, TeniosError
from ._http import (
    ASYNC_CLIENT_TYPE,
    DEFAULT_TIMEOUT,
    SYNC_CLIENT_TYPE,
    as_timeout,
    checked_base_url,
    new_async_client,
    new_sync_client,
    user_agent,
)
from ._logging import configure_from_env
from ._methods import ApiCall, AsyncMode, Bound, ModeT, SyncMode, api_method
from ._pool import Pool
from ._types import NOT_GIVEN, NotGiven, Timeout

if TYPE_CHECKING:
    from types import TracebackType

    import httpx
    from pydantic import JsonValue

    from ._endpoints import Endpoint
    from .resources.acd import ACD
    from .resources.call_control import CallControl
    from .resources.callback import Callback
    from .resources.cdrs import Cdrs
    from .resources.cloud_pbx import CloudPbx
    from .resources.makecall import Makecall
    from .resources.monitoring import Monitoring
    from .resources.numbers import Numbers
    from .resources.recording import Recording
    from .resources.transfer import Transfer

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "AsyncTeniosClient",
    "BaseClient",
    "TeniosClient",
]

DEFAULT_BASE_URL = "https://api.tenios.com"
DEFAULT_MAX_RETRIES = 2

R = TypeVar("R")
HttpT = TypeVar("HttpT", "httpx.Client", "httpx.AsyncClient")
_Self = TypeVar("_Self", bound="BaseClient[Any, Any]")


class BaseClient(Bound[ModeT], Generic[ModeT, HttpT]):
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
        http_client: your own ``httpx`` client (proxies, mTLS, event hooks); never closed by us.
        default_headers: extra headers sent with every request.
    """

    def __init__(
        self,
        access_key: Optional[str] = None,
        *,
        base_url: Union[str, httpx.URL, None] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: Optional[HttpT] = None,
        default_headers: Optional[Mapping[str, str]] = None,
    ) -> None:
        configure_from_env()
        if access_key is not None and not isinstance(access_key, str):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise RequestValidationError("access_key must be a string", field="access_key")
        _checked_http_client(http_client, self._http_client_type())
        key = access_key if access_key is not None else os.environ.get("TENIOS_ACCESS_KEY")
        if not key:
            raise TeniosError(
                "No TENIOS access key: pass access_key=... or set the TENIOS_ACCESS_KEY "
                "environment variable."
            )
        self._access_key = key
        self.base_url: httpx.URL = checked_base_url(
            base_url or os.environ.get("TENIOS_BASE_URL") or DEFAULT_BASE_URL
        )
        self.max_retries: int = _checked_max_retries(max_retries)
        self.timeout: httpx.Timeout = (
            (DEFAULT_TIMEOUT if http_client is None else http_client.timeout)
            if isinstance(timeout, NotGiven)
            else as_timeout(timeout)
        )
        self.default_headers: dict[str, str] = _checked_headers(default_headers or {})
        self._use_pool(Pool(http_client, self._new_http_client))
        # Only the client that made its pool closes it: not a copy, never a passed-in client.
        self._closes_pool = http_client is None

    def _use_pool(self, pool: Pool[HttpT]) -> None:
        self._pool: Pool[HttpT] = pool
        self._driver = self._new_driver(pool)
        self._settings_now: Optional[_pipeline.RequestSettings] = None

    def _new_http_client(self) -> HttpT:
        raise NotImplementedError

    @staticmethod
    def _http_client_type() -> type[Any]:
        """The ``httpx`` client class this client's ``http_client`` must be."""
        raise NotImplementedError

    def _new_driver(self, pool: Pool[HttpT]) -> Union[SyncDriver, AsyncDriver]:
        raise NotImplementedError

    # -- resources ---------------------------------------------------------------------------

    @cached_property
    def callback(self) -> Callback[ModeT]:
        """Callbacks: ``init``, ``status`` and ``wait``."""
        from .resources.callback import Callback

        return Callback(self)

    @cached_property
    def acd(self) -> ACD[ModeT]:
        """ACD agents: ready state, Cloud-ACD user details and wrap-up."""
        from .resources.acd import ACD

        return ACD(self)

    @cached_property
    def transfer(self) -> Transfer[ModeT]:
        """Transfer of a connected call."""
        from .resources.transfer import Transfer

        return Transfer(self)

    @cached_property
    def call_control(self) -> CallControl[ModeT]:
        """Methods for calls under Call Control."""
        from .resources.call_control import CallControl

        return CallControl(self)

    @cached_property
    def makecall(self) -> Makecall[ModeT]:
        """Click-to-call: ``init``, ``status`` and ``wait``."""
        from .resources.makecall import Makecall

        return Makecall(self)

    @cached_property
    def recording(self) -> Recording[ModeT]:
        """Recording of live calls: ``start`` and ``stop``."""
        from .resources.recording import Recording

        return Recording(self)

    @cached_property
    def monitoring(self) -> Monitoring[ModeT]:
        """Silent monitoring (listen-in): ``start`` and ``stop``."""
        from .resources.monitoring import Monitoring

        return Monitoring(self)

    @cached_property
    def cloud_pbx(self) -> CloudPbx[ModeT]:
        """Cloud-PBX users: ``page`` and ``list``."""
        from .resources.cloud_pbx import CloudPbx

        return CloudPbx(self)

    @cached_property
    def cdrs(self) -> Cdrs[ModeT]:
        """Call detail records: ``page``, ``list`` and ``count``."""
        from .resources.cdrs import Cdrs

        return Cdrs(self)

    @cached_property
    def numbers(self) -> Numbers[ModeT]:
        """Number ordering: ``create_verification``, ``order`` and ``cancel``."""
        from .resources.numbers import Numbers

        return Numbers(self)

    @api_method
    def post(
        self,
        path: str,
        body: Mapping[str, JsonValue],
        *,
        safe_to_repeat: bool = False,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ApiCall[dict[str, JsonValue]]:
        """Call an endpoint the SDK does not know yet, through the same pipeline.

        ``path`` is relative to the base URL (``"/makecall/init"`` or ``"makecall/init"``); the
        access key is added to ``body``. Retries, errors and secrets work as for every method;
        a call is repeated after its request may have reached TENIOS only when
        ``safe_to_repeat`` is true. Returns the answer's JSON object.
        """
        from ._endpoints import raw_endpoint

        endpoint, params = raw_endpoint(path, body, safe_to_repeat=safe_to_repeat)
        return self._call(endpoint, timeout, params)

    # -- copies ------------------------------------------------------------------------------

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

        Every option goes through the constructor's checks again. ``default_headers`` are merged
        over the current ones. Closing the copy leaves the pool open; the original owns it.
        """
        copy = type(self)(
            self._access_key if access_key is None else access_key,
            base_url=self.base_url if base_url is None else base_url,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=self.max_retries if max_retries is None else max_retries,
            http_client=self._pool.current,
            default_headers={**self.default_headers, **_checked_headers(default_headers or {})},
        )
        copy._use_pool(self._pool)
        return copy

    @property
    def is_closed(self) -> bool:
        """Whether the connection pool has been closed."""
        return bool(self._pool.current.is_closed)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={str(self.base_url)!r}, max_retries={self.max_retries})"

    # -- the one way into the pipeline -------------------------------------------------------

    def _call(
        self,
        endpoint: Endpoint[R],
        timeout: Union[Timeout, NotGiven],
        arguments: Mapping[str, object],
    ) -> _pipeline.Steps[R]:
        """The operation of one API call with ``arguments``; checked before anything is sent."""
        return _pipeline.call(self._settings(), endpoint, arguments, self._timeout_for(timeout))

    def _settings(self) -> _pipeline.RequestSettings:
        """The request settings over the pool of this process (a fresh one after a fork)."""
        http = self._pool.client()
        settings = self._settings_now
        if settings is None or settings.http is not http:
            settings = self._settings_now = _pipeline.RequestSettings(
                http=http,
                base_url=self.base_url,
                access_key=self._access_key,
                headers={
                    "User-Agent": user_agent(),
                    "Accept": "application/json",
                    **self.default_headers,
                },
                max_retries=self.max_retries,
            )
        return settings

    def _timeout_for(self, timeout: Union[Timeout, NotGiven]) -> httpx.Timeout:
        return self.timeout if isinstance(timeout, NotGiven) else as_timeout(timeout)


class TeniosClient(BaseClient[SyncMode, "httpx.Client"]):
    """A client of the TENIOS voice API; methods block and return their result.

    Safe to share between threads. ``with TeniosClient() as client:`` closes the pool it made;
    a passed-in ``http_client`` is never closed. See ``BaseClient`` for the arguments.
    """

    def _new_http_client(self) -> httpx.Client:
        return new_sync_client()

    @staticmethod
    def _http_client_type() -> type[Any]:
        return SYNC_CLIENT_TYPE

    def _new_driver(self, pool: Pool[httpx.Client]) -> SyncDriver:
        return SyncDriver(pool)

    def close(self) -> None:
        """Close the connection pool, unless it was passed in or belongs to another client."""
        if self._closes_pool:
            self._pool.current.close()

    def __enter__(self: _SyncSelf) -> _SyncSelf:
        return self

    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()


class AsyncTeniosClient(BaseClient[AsyncMode, "httpx.AsyncClient"]):
    """A client of the TENIOS voice API for asyncio and trio; methods are coroutines.

    Use one client per event loop. ``async with AsyncTeniosClient() as client:`` closes the pool
    it made; a passed-in ``http_client`` (an ``httpx.AsyncClient``) is never closed.
    """

    def _new_http_client(self) -> httpx.AsyncClient:
        return new_async_client()

    @staticmethod
    def _http_client_type() -> type[Any]:
        return ASYNC_CLIENT_TYPE

    def _new_driver(self, pool: Pool[httpx.AsyncClient]) -> AsyncDriver:
        return AsyncDriver(pool)

    async def aclose(self) -> None:
        """Close the connection pool, unless it was passed in or belongs to another client."""
        if self._closes_pool:
            await self._pool.current.aclose()

    async def __aenter__(self: _AsyncSelf) -> _AsyncSelf:
        return self

    async def __aexit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        await self.aclose()


_SyncSelf = TypeVar("_SyncSelf", bound=TeniosClient)
_AsyncSelf = TypeVar("_AsyncSelf", bound=AsyncTeniosClient)


def _checked_max_retries(max_retries: int) -> int:
    if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:  # pyright: ignore[reportUnnecessaryIsInstance]
        raise RequestValidationError(
            f"max_retries must be a whole number >= 0, not {max_retries!r}", field="max_retries"
        )
    return max_retries


def _checked_headers(headers: Mapping[str, str]) -> dict[str, str]:
    # Checked here, or every call would fail later with an encoding or protocol error.
    if not isinstance(headers, Mapping):  # pyright: ignore[reportUnnecessaryIsInstance]
        raise RequestValidationError(
            "default_headers must be a mapping of header names to values", field="default_headers"
        )
    for name, value in headers.items():
        if not (_is_header_text(name) and _is_header_text(value)):
            raise RequestValidationError(
                f"default_headers[{name!r}] must be ASCII text on one line"
                " (the value is not shown, it may be a secret)",
                field="default_headers",
            )
    return dict(headers)


def _checked_http_client(http_client: object, expected: type[Any]) -> None:
    if http_client is not None and not isinstance(http_client, expected):
        raise RequestValidationError(
            f"http_client must be an {expected.__module__}.{expected.__name__}, "
            f"not {type(http_client).__name__}",
            field="http_client",
        )


def _is_header_text(text: object) -> bool:
    return isinstance(text, str) and text.isascii() and not any(c in text for c in "\r\n\0")
