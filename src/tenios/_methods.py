"""API methods written once for both clients.

A resource method is written as an operation (a generator of effects, see ``_pipeline.py``) and
decorated with ``api_method`` (or ``listing_method``). Read from a resource of a ``TeniosClient``
it is a plain method that returns the result; from an ``AsyncTeniosClient``, a coroutine method
(or an async iterator). So every method, its parameters and its docstring exist once, and the two
clients cannot drift apart: type checkers see both forms through the overloads below.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import AsyncIterator, Coroutine, Generator, Iterator
from typing import TYPE_CHECKING, Any, Callable, Generic, Optional, TypeVar, Union, overload

from ._pipeline import Emit, ItemSteps, Send, Sleep, Steps

if sys.version_info >= (3, 10):  # pragma: no cover - one branch per Python
    from typing import Concatenate, ParamSpec
else:  # pragma: no cover
    from typing_extensions import Concatenate, ParamSpec

if TYPE_CHECKING:
    from ._drive import AsyncDriver, SyncDriver

__all__ = [
    "ApiCall",
    "ApiMethod",
    "AsyncMode",
    "Bound",
    "Items",
    "ListingMethod",
    "SyncMode",
    "api_method",
    "listing_method",
]

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")

ApiCall = Generator[Union[Send, Sleep], Any, R]
"""What an API method's body returns: ``ApiCall[X]`` is a method that returns ``X`` on a
``TeniosClient`` and a coroutine of ``X`` on an ``AsyncTeniosClient``."""

Items = Generator[Union[Send, Sleep, Emit[T]], Any, None]
"""What a listing method's body returns: ``Items[X]`` is a method that returns ``Iterator[X]`` on
a ``TeniosClient`` and ``AsyncIterator[X]`` on an ``AsyncTeniosClient``."""


class SyncMode:
    """Marks the objects of a ``TeniosClient``: methods block and return their result."""


class AsyncMode:
    """Marks the objects of an ``AsyncTeniosClient``: methods are coroutines."""


ModeT = TypeVar("ModeT", SyncMode, AsyncMode)


class Bound(Generic[ModeT]):
    """An object whose API methods run on a client's driver (a resource, or the client itself)."""

    _driver: Union[SyncDriver, AsyncDriver]


class _Method:
    """What both kinds of method share: the operation, its name and docs, and binding it."""

    _listing = False

    def __init__(self, steps: Callable[..., Any]) -> None:
        self._steps = steps
        self._name = steps.__name__
        self.__doc__ = steps.__doc__
        self.__wrapped__ = steps

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self._name = name

    def _bound(self, instance: Bound[Any]) -> Callable[..., Any]:
        """The method as ``instance``'s client runs it, bound once and kept on ``instance``."""
        driver = instance._driver  # pyright: ignore[reportPrivateUsage]
        method: Callable[..., Any]
        if self._listing:
            method = driver.bind_items(self._steps, instance)
            container = driver.iterator_name
        else:
            method, container = driver.bind(self._steps, instance), ""
        _describe(method, self._steps, self._name, container)
        vars(instance)[self._name] = method
        return method


class ApiMethod(_Method, Generic[P, R]):
    """An API method of both clients; see the module docstring."""

    def __init__(self, steps: Callable[Concatenate[Any, P], Steps[R]]) -> None:
        super().__init__(steps)

    @overload
    def __get__(self, instance: None, owner: type[Any]) -> ApiMethod[P, R]: ...
    @overload
    def __get__(self, instance: Bound[SyncMode], owner: type[Any]) -> Callable[P, R]: ...
    @overload
    def __get__(
        self, instance: Bound[AsyncMode], owner: type[Any]
    ) -> Callable[P, Coroutine[Any, Any, R]]: ...
    def __get__(self, instance: Optional[Bound[Any]], owner: type[Any]) -> Any:
        return self if instance is None else self._bound(instance)


class ListingMethod(_Method, Generic[P, T]):
    """A method of both clients that lists items page by page; see the module docstring."""

    _listing = True

    def __init__(self, steps: Callable[Concatenate[Any, P], ItemSteps[T]]) -> None:
        super().__init__(steps)

    @overload
    def __get__(self, instance: None, owner: type[Any]) -> ListingMethod[P, T]: ...
    @overload
    def __get__(self, instance: Bound[SyncMode], owner: type[Any]) -> Callable[P, Iterator[T]]: ...
    @overload
    def __get__(
        self, instance: Bound[AsyncMode], owner: type[Any]
    ) -> Callable[P, AsyncIterator[T]]: ...
    def __get__(self, instance: Optional[Bound[Any]], owner: type[Any]) -> Any:
        return self if instance is None else self._bound(instance)


def api_method(steps: Callable[Concatenate[Any, P], Steps[R]]) -> ApiMethod[P, R]:
    """Make an operation (``def m(self, ...) -> ApiCall[X]``) a method of both clients."""
    return ApiMethod(steps)


def listing_method(steps: Callable[Concatenate[Any, P], ItemSteps[T]]) -> ListingMethod[P, T]:
    """Make a listing (``def m(self, ...) -> Items[X]``) a method of both clients."""
    return ListingMethod(steps)


def _describe(
    method: Callable[..., Any], steps: Callable[..., Any], name: str, container: str
) -> None:
    """Give the bound ``method`` the name, docs and signature of ``steps``: without ``self``,
    returning what the caller gets (``X``, or ``Iterator[X]``/``AsyncIterator[X]``)."""
    method.__name__ = method.__qualname__ = name
    method.__doc__ = steps.__doc__
    method.__module__ = steps.__module__
    signature = inspect.signature(steps)
    returned = str(signature.return_annotation)
    inner = returned[returned.index("[") + 1 : -1] if "[" in returned else returned
    method.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=list(signature.parameters.values())[1:],
        return_annotation=f"{container}[{inner}]" if container else inner,
    )
