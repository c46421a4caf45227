"""An httpx transport that hands requests straight to the emulator, without sockets."""

from __future__ import annotations

import time

import httpx

from ._app import App

__all__ = ["EmulatorTransport"]


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
        reply = self._app.handle(
            request.method,
            request.url.raw_path.decode("ascii"),
            request.headers.multi_items(),
            request.read(),
        )
        if reply.delay:
            read_timeout = request.extensions.get("timeout", {}).get("read")
            if read_timeout is not None and reply.delay > read_timeout:
                time.sleep(read_timeout)
                raise httpx.ReadTimeout("timed out waiting for the emulator", request=request)
            time.sleep(reply.delay)
        if reply.drop:
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a response.", request=request
            )
        return httpx.Response(
            reply.status, headers=list(reply.headers), content=reply.body, request=request
        )
