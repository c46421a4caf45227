"""httpx transports that hand requests straight to the emulator, without sockets."""

from __future__ import annotations

import time

import httpx

from ._app import App
from ._reply import Reply

__all__ = ["AsyncEmulatorTransport", "EmulatorTransport"]


class EmulatorTransport(httpx.BaseTransport):
    """Delivers requests to the emulated API in-process.

    Injected faults behave as over a network: a delay longer than the request's read timeout
    raises ``httpx.ReadTimeout`` once the timeout has passed, and a dropped connection raises
    ``httpx.RemoteProtocolError``.
    """

    def __init__(self, app: App) -> None:
        self._app = app

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Answer ``request`` as the emulator would over HTTP."""
        reply = _handle(self._app, request)
        wait, timed_out = _waits(reply, request)
        time.sleep(wait)
        return _delivered(reply, request, timed_out)


class AsyncEmulatorTransport(httpx.AsyncBaseTransport):
    """``EmulatorTransport`` for an ``httpx.AsyncClient``: delays sleep without blocking."""

    def __init__(self, app: App) -> None:
        self._app = app

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Answer ``request`` as the emulator would over HTTP."""
        import anyio

        reply = _handle(self._app, request)
        wait, timed_out = _waits(reply, request)
        if wait:
            await anyio.sleep(wait)
        return _delivered(reply, request, timed_out)


def _handle(app: App, request: httpx.Request) -> Reply:
    return app.handle(
        request.method,
        request.url.raw_path.decode("ascii"),
        request.headers.multi_items(),
        request.content,
    )


def _waits(reply: Reply, request: httpx.Request) -> tuple[float, bool]:
    """How long the answer takes, and whether the request's read timeout runs out first."""
    read_timeout = request.extensions.get("timeout", {}).get("read")
    if read_timeout is not None and reply.delay > read_timeout:
        return read_timeout, True
    return reply.delay, False


def _delivered(reply: Reply, request: httpx.Request, timed_out: bool) -> httpx.Response:
    if timed_out:
        raise httpx.ReadTimeout("timed out waiting for the emulator", request=request)
    if reply.drop:
        raise httpx.RemoteProtocolError(
            "Server disconnected without sending a response.", request=request
        )
    return httpx.Response(
        reply.status, headers=list(reply.headers), content=reply.body, request=request
    )
