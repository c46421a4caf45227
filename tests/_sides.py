"""Running a suite on both clients: an ``AsyncTeniosClient`` seen through blocking calls.

``Blocking(async_client)`` has the client's resources and methods; each call runs its coroutine
to the end on one event loop kept for the client's life (connections stay on the loop that made
them), and a listing's async iterator is drained page by page as the caller iterates. So a test
written for ``TeniosClient`` runs unchanged on ``AsyncTeniosClient``, and any difference in
behaviour between the two shows up as a failing test, not as a copied suite to keep in step.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import AsyncIterator, Iterator
from typing import Any, Callable

import tenios
from tenios.resources._base import Resource

SIDES = ("sync", "async")
"""The two clients, as test ids."""


class Blocking:
    """``target`` (an async client or one of its resources) with blocking methods."""

    def __init__(self, target: Any, loop: asyncio.AbstractEventLoop) -> None:
        self._target = target
        self._loop = loop

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._target, name)
        if isinstance(value, Resource):
            return Blocking(value, self._loop)
        if callable(value) and not inspect.isclass(value):
            return self._blocking(value)
        return value

    def _blocking(self, method: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            result = method(*args, **kwargs)
            if inspect.iscoroutine(result):
                return self._loop.run_until_complete(result)
            if isinstance(result, AsyncIterator):
                return self._drain(result)  # pyright: ignore[reportUnknownArgumentType]
            if isinstance(result, tenios.AsyncTeniosClient):  # with_options: a copy, same loop
                return Blocking(result, self._loop)
            return result

        return run

    def _drain(self, items: AsyncIterator[Any]) -> Iterator[Any]:
        while True:
            try:
                yield self._loop.run_until_complete(items.__anext__())
            except StopAsyncIteration:
                return

    def close(self) -> None:
        """Close the client (awaiting ``aclose``) and the loop."""
        try:
            self._loop.run_until_complete(self._target.aclose())
        finally:
            self._loop.close()

    def __enter__(self) -> Blocking:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return repr(self._target)


def blocking(make: Callable[[], tenios.AsyncTeniosClient]) -> tenios.TeniosClient:
    """An async client (built on a fresh loop by ``make``) that a sync-written test can drive."""
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        client = make()
    finally:
        asyncio.set_event_loop(None)
    # It quacks like a TeniosClient: the suites that take one run it unchanged.
    return Blocking(client, loop)  # type: ignore[return-value]
