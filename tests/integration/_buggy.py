"""A client with a bug: what the SDK validated, garbled on its way out, over real HTTP.

Used to reach the emulator's own checks through the SDK where the SDK's validation would have
stopped the bad argument first, and to see how the SDK maps the emulator's answer.
"""

from __future__ import annotations

import json
from collections.abc import Generator
from contextlib import contextmanager
from typing import Any, Callable

import httpx

import tenios

Rewrite = Callable[[dict[str, Any]], object]
"""Turns the JSON body the SDK built into what a buggy client would have sent."""


class RewritingTransport(httpx.HTTPTransport):
    """Real HTTP, but every JSON body is passed through ``rewrite`` first: a client with a bug
    that its own validation did not catch."""

    def __init__(self, rewrite: Rewrite) -> None:
        super().__init__(verify=False)  # plain HTTP on loopback: skip loading CAs
        self._rewrite = rewrite

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = json.dumps(self._rewrite(json.loads(request.read()))).encode()
        headers = [
            (k, v) for k, v in request.headers.multi_items() if k.lower() != "content-length"
        ]
        garbled = httpx.Request(
            request.method,
            request.url,
            headers=headers,
            content=body,
            extensions=request.extensions,
        )
        return super().handle_request(garbled)


@contextmanager
def buggy_client(
    base_url: str, access_key: str, rewrite: Rewrite
) -> Generator[tenios.TeniosClient, None, None]:
    """A ``TeniosClient`` whose requests are garbled by ``rewrite`` after its own validation."""
    with httpx.Client(transport=RewritingTransport(rewrite)) as http:
        yield tenios.TeniosClient(access_key, base_url=base_url, max_retries=0, http_client=http)


def unchanged(body: dict[str, Any]) -> object:
    """The body as the SDK built it."""
    return body
