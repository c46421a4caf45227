"""The base of the resource classes: a handle on the client that owns the pipeline."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .._client import TeniosClient


class Resource:
    """A group of API methods bound to one client."""

    def __init__(self, client: TeniosClient) -> None:
        self._client = client
        # The pipeline entry point; resources are the only callers outside the client.
        self._call = client._call  # pyright: ignore[reportPrivateUsage]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"
