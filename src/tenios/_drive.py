"""Carrying out the pipeline's effects: the only place where the two clients differ.

An operation (``_pipeline.call``, a wait, a merge, a list of pages) is a generator of effects. A
driver sends each ``Send`` over the wire and sleeps each ``Sleep``: ``SyncDriver`` by blocking,
``AsyncDriver`` by awaiting (asyncio or trio, through anyio). A cancelled task's cancellation
passes straight through: nothing here catches it, and the operation is closed, not repeated.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Iterator
from typing import TYPE_CHECKING, Any, Callable, TypeVar, Union

from . import _clock
from ._http import TransportFailure, exchange, exchange_async
from ._pipeline import Emit, Send, Sleep

if TYPE_CHECKING:
    import httpx

    from ._pipeline import ItemSteps, Steps
    from ._pool import Pool

__all__ = ["AsyncDriver", "SyncDriver"]

R = TypeVar("R")
T = TypeVar("T")


class SyncDriver:
    """Runs operations with blocking I/O on the pool of a ``TeniosClient``."""

    iterator_name = "Iterator"
    """What a listing method returns here, as its signature shows it."""

    def __init__(self, pool: Pool[httpx.Client]) -> None:
        self._pool = pool

    def run(self, steps: Steps[R]) -> R:
        """Carry out ``steps`` to its end and return its result."""
        http = self._pool.client()
        try:
            effect = next(steps)
            while True:
                effect = steps.send(self._carry_out(http, effect))
        except StopIteration as done:
            result: R = done.value
            return result
        finally:
            steps.close()

    def iterate(self, steps: ItemSteps[T]) -> Iterator[T]:
        """The items ``steps`` emits, carrying out its other effects as the caller iterates."""
        http = self._pool.client()
        try:
            answer: object = None
            while True:
                effect = steps.send(answer)
                if isinstance(effect, Emit):
                    answer = None
                    yield from effect.items
                else:
                    answer = self._carry_out(http, effect)
        except StopIteration:
            return
        finally:
            steps.close()

    @staticmethod
    def _carry_out(
        http: httpx.Client, effect: Union[Send, Sleep]
    ) -> Union[httpx.Response, TransportFailure, None]:
        if isinstance(effect, Send):
            return exchange(http, effect.request)
        _clock.sleep(effect.seconds)
        return None

    def bind(self, steps: Callable[..., Steps[R]], owner: object) -> Callable[..., R]:
        """``steps`` as a method of ``owner`` that runs to the result."""

        def method(*args: Any, **kwargs: Any) -> R:
            return self.run(steps(owner, *args, **kwargs))

        return method

    def bind_items(
        self, steps: Callable[..., ItemSteps[T]], owner: object
    ) -> Callable[..., Iterator[T]]:
        """``steps`` (a listing) as a method of ``owner`` that returns an iterator."""

        def method(*args: Any, **kwargs: Any) -> Iterator[T]:
            return self.iterate(steps(owner, *args, **kwargs))

        return method


class AsyncDriver:
    """Runs operations with awaits on the pool of an ``AsyncTeniosClient``."""

    iterator_name = "AsyncIterator"
    """What a listing method returns here, as its signature shows it."""

    def __init__(self, pool: Pool[httpx.AsyncClient]) -> None:
        self._pool = pool

    async def run(self, steps: Steps[R]) -> R:
        """Carry out ``steps`` to its end and return its result."""
        http = self._pool.client()
        try:
            effect = next(steps)
            while True:
                effect = steps.send(await self._carry_out(http, effect))
        except StopIteration as done:
            result: R = done.value
            return result
        finally:
            steps.close()

    async def iterate(self, steps: ItemSteps[T]) -> AsyncIterator[T]:
        """The items ``steps`` emits, carrying out its other effects as the caller iterates."""
        http = self._pool.client()
        try:
            answer: object = None
            while True:
                effect = steps.send(answer)
                if isinstance(effect, Emit):
                    answer = None
                    for item in effect.items:
                        yield item
                else:
                    answer = await self._carry_out(http, effect)
        except StopIteration:
            return
        finally:
            steps.close()

    @staticmethod
    async def _carry_out(
        http: httpx.AsyncClient, effect: Union[Send, Sleep]
    ) -> Union[httpx.Response, TransportFailure, None]:
        if isinstance(effect, Send):
            return await exchange_async(http, effect.request)
        await _clock.sleep_async(effect.seconds)
        return None

    def bind(self, steps: Callable[..., Steps[R]], owner: object) -> Callable[..., Awaitable[R]]:
        """``steps`` as a coroutine method of ``owner``."""

        async def method(*args: Any, **kwargs: Any) -> R:
            return await self.run(steps(owner, *args, **kwargs))

        return method

    def bind_items(
        self, steps: Callable[..., ItemSteps[T]], owner: object
    ) -> Callable[..., AsyncIterator[T]]:
        """``steps`` (a listing) as a method of ``owner`` that returns an async iterator."""

        def method(*args: Any, **kwargs: Any) -> AsyncIterator[T]:
            return self.iterate(steps(owner, *args, **kwargs))

        return method
