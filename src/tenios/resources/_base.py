"""The base of the resource classes: a handle on the client that owns the pipeline."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, Union

from .._methods import Bound, ModeT

if TYPE_CHECKING:
    from .._client import BaseClient
    from .._endpoints import Endpoint
    from .._pipeline import ItemSteps, Steps
    from .._types import NotGiven, Timeout
    from ..types.pages import Page

R = TypeVar("R")
T = TypeVar("T")


class Resource(Bound[ModeT]):
    """A group of API methods bound to one client (sync or async, as the client is)."""

    def __init__(self, client: BaseClient[ModeT, Any]) -> None:
        self._client: BaseClient[ModeT, Any] = client
        self._driver = client._driver  # pyright: ignore[reportPrivateUsage]

    def _call(
        self, endpoint: Endpoint[R], timeout: Union[Timeout, NotGiven], arguments: dict[str, object]
    ) -> Steps[R]:
        return self._client._call(endpoint, timeout, arguments)  # pyright: ignore[reportPrivateUsage]

    def _list(
        self,
        endpoint: Endpoint[Page[T]],
        timeout: Union[Timeout, NotGiven],
        arguments: dict[str, object],
    ) -> ItemSteps[T]:
        from .._operations import each_item

        client = self._client
        return each_item(
            client._settings(),  # pyright: ignore[reportPrivateUsage]
            client._timeout_for(timeout),  # pyright: ignore[reportPrivateUsage]
            endpoint,
            arguments,
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"
