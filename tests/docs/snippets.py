"""Run the fenced Python examples of a markdown page against a fresh emulator.

Conventions for writers of README.md and docs/:

- Every fenced ``python`` block runs. The blocks of one page run in order, in one namespace,
  against one emulator served on loopback; ``TENIOS_ACCESS_KEY`` and ``TENIOS_BASE_URL`` point
  at it, so ``tenios.TeniosClient()`` reaches it.
- Names in UPPER_CASE stand for the reader's own values and are predefined (see
  :func:`placeholders`): ``ACCESS_KEY``, ``CALLBACK_CONFIG_ID``, ``AGENT_EMAIL``, ``CALL_UUID``,
  ``TENIOS_NUMBER``, ``SUPERVISOR_KEY``, ``VERIFICATION_ID``, ``PHONE_NUMBER``,
  ``CUSTOMER_NUMBER``, ``WEBHOOK_KEY``, ``WEBHOOK_BODY``, ``CALL_CONTROL_BODY``; and
  ``WEBHOOK_URL`` and ``CALL_CONTROL_URL``, the reader's receivers: one on loopback that checks
  ``WEBHOOK_KEY`` (403 otherwise), answers events with 200 and Call Control with an
  announcement at loop 0 and no blocks after.
- ``time.sleep`` inside the SDK (retries, ``callback.wait``) moves the emulator's clock instead
  of waiting, so waiting for a callback takes no real time.
- A block whose first line is ``# requires: <package>`` is skipped when that package is not
  installed; a block whose first line starts with ``# not executed`` is never run (say why on the
  same line). Keep both rare.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import logging
import os
import re
import traceback
from collections.abc import Generator, Mapping
from dataclasses import dataclass
from typing import Any, Optional, SupportsIndex, Union
from unittest import mock

import anyio
import httpx

from tenios import _clock
from tenios.testing import (
    DEMO_AGENT_EMAIL,
    DEMO_CALL_UUID,
    DEMO_CALLBACK_CONFIG_ID,
    DEMO_PHONE_NUMBER,
    DEMO_SUPERVISOR_KEY,
    DEMO_TENIOS_NUMBER,
    DEMO_VERIFICATION_ID,
    Emulator,
)

from ..emulator._receiver import receiver

__all__ = [
    "DocsExampleError",
    "Snippet",
    "extract_snippets",
    "placeholders",
    "run_markdown",
]

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`]*)$")
_PYTHON = frozenset({"python", "py", "python3"})
_REQUIRES = re.compile(r"#\s*requires:\s*(?P<packages>.+)")
_NOT_EXECUTED = re.compile(r"#\s*not executed\b")

ACCESS_KEY = "docs-access-key"
WEBHOOK_KEY = "my-webhook-key"
CUSTOMER_NUMBER = 200000


class DocsExampleError(Exception):
    """A documentation example failed: the message names the page and the line."""


@dataclass(frozen=True)
class Snippet:
    """One fenced Python block of a page."""

    source: str
    """The page it comes from, as shown in errors (a path)."""
    line: int
    """The page line of the block's first code line, counted from 1."""
    code: str

    @property
    def skip_reason(self) -> Optional[str]:
        """Why the block is not run, or ``None`` when it is."""
        first = self.code.lstrip("\n").split("\n", 1)[0].strip()
        if _NOT_EXECUTED.match(first):
            return first.lstrip("# ")
        requires = _REQUIRES.match(first)
        if requires:
            missing = [
                name.strip()
                for name in requires["packages"].split(",")
                if importlib.util.find_spec(name.strip()) is None
            ]
            if missing:
                return f"not installed: {', '.join(missing)}"
        return None


def extract_snippets(markdown: str, source: str) -> list[Snippet]:
    """Every fenced ``python`` block of ``markdown``, in order; indented fences included."""
    lines = markdown.splitlines()
    snippets: list[Snippet] = []
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        indent, fence = opening["indent"], opening["fence"]
        language = (opening["info"].split() or [""])[0].strip("{}.").lower()
        end = index + 1
        while end < len(lines) and not _closes(lines[end], indent, fence):
            end += 1
        if end == len(lines):
            raise DocsExampleError(f"{source}:{index + 1}: a code fence is never closed")
        if language in _PYTHON:
            body = [line[len(indent) :] if line.startswith(indent) else line for line in lines]
            snippets.append(Snippet(source, index + 2, "\n".join(body[index + 1 : end]) + "\n"))
        index = end + 1
    return snippets


def _closes(line: str, indent: str, fence: str) -> bool:
    stripped = line.strip()
    return (
        line.startswith(indent)
        and stripped.startswith(fence[0] * len(fence))
        and not (stripped.strip(fence[0]))
    )


def placeholders() -> dict[str, Any]:
    """The UPPER_CASE names an example may use for the reader's own values."""
    call_start: dict[str, Any] = {
        "requestType": "CALL_START",
        "customerNumber": CUSTOMER_NUMBER,
        "accessKey": WEBHOOK_KEY,
        "variables": {
            "destination_number": "+4922155400300",
            "correlation_id": "0b5e3f0a-9c3c-4d7e-8a51-3f2f5e1c7d11",
            "call_uuid": DEMO_CALL_UUID,
            "caller_id_number": "+4917012345678",
        },
    }
    call_control: dict[str, Any] = {
        "requestType": "EXTERNAL_CALL_CONTROL",
        "customerNumber": CUSTOMER_NUMBER,
        "accessKey": WEBHOOK_KEY,
        "variables": call_start["variables"],
        "callControlUuid": "46250866-066f-4226-85a4-4047270b32e9",
        "loopCount": 0,
        "requestStatus": "REQUESTING_BLOCKS",
        "blocksProcessingResult": None,
    }
    return {
        "ACCESS_KEY": ACCESS_KEY,
        "CALLBACK_CONFIG_ID": DEMO_CALLBACK_CONFIG_ID,
        "AGENT_EMAIL": DEMO_AGENT_EMAIL,
        "CALL_UUID": DEMO_CALL_UUID,
        "TENIOS_NUMBER": DEMO_TENIOS_NUMBER,
        "SUPERVISOR_KEY": DEMO_SUPERVISOR_KEY,
        "VERIFICATION_ID": DEMO_VERIFICATION_ID,
        "PHONE_NUMBER": DEMO_PHONE_NUMBER,
        "CUSTOMER_NUMBER": CUSTOMER_NUMBER,
        "WEBHOOK_KEY": WEBHOOK_KEY,
        "WEBHOOK_BODY": json.dumps(call_start).encode(),
        "CALL_CONTROL_BODY": json.dumps(call_control).encode(),
    }


GREETING = {"blockType": "ANNOUNCEMENT", "standardAnnouncement": True, "announcementName": "Hi"}


def _readers_receiver(body: dict[str, Any]) -> tuple[int, bytes]:
    """The reader's webhook and Call Control receiver, as the docs assume one."""
    if body.get("accessKey") != WEBHOOK_KEY or body.get("customerNumber") != CUSTOMER_NUMBER:
        return 403, b""
    if body.get("requestType") == "EXTERNAL_CALL_CONTROL":
        blocks = [GREETING] if body.get("loopCount") == 0 else []
        return 200, json.dumps({"blocks": blocks}).encode()
    return 200, b""


def run_markdown(
    markdown: str, source: str, *, names: Optional[Mapping[str, Any]] = None
) -> list[Snippet]:
    """Run the page's Python blocks in order in one namespace; return the blocks that ran.

    ``names`` are added to the namespace (for tests of this harness). Raises
    ``DocsExampleError`` naming the page and line of the first block that fails.
    """
    runnable = [s for s in extract_snippets(markdown, source) if s.skip_reason is None]
    if not runnable:
        return []
    with _page_environment() as namespace:
        namespace.update(names or {})
        for snippet in runnable:
            # Pad with newlines so that tracebacks show the line numbers of the page itself.
            code = compile("\n" * (snippet.line - 1) + snippet.code, source, "exec")
            try:
                exec(code, namespace)
            except Exception as exc:
                line = _page_line(exc, source) or snippet.line
                raise DocsExampleError(
                    f"{source}:{line}: the example failed with {type(exc).__name__}: {exc}"
                ) from exc
    return runnable


def _page_line(exc: BaseException, source: str) -> Optional[int]:
    """The last line of the page the traceback passed through."""
    lines = [frame.lineno for frame in traceback.extract_tb(exc.__traceback__)]
    files = [frame.filename for frame in traceback.extract_tb(exc.__traceback__)]
    on_page = [line for line, name in zip(lines, files) if name == source]
    return on_page[-1] if on_page else None


@contextlib.contextmanager
def _page_environment() -> Generator[dict[str, Any], None, None]:
    """A fresh emulator on loopback, the environment pointing at it, and a fake clock."""
    saved_environ = dict(os.environ)
    saved_loggers = [_LoggerState(logging.getLogger(name)) for name in ("tenios", "")]
    saved_sleep, saved_monotonic = _clock.sleep, _clock.monotonic
    saved_sleep_async = _clock.sleep_async
    namespace: dict[str, Any] = {"__name__": "__docs__", **placeholders()}
    opened: list[httpx.Client] = []
    try:
        with contextlib.ExitStack() as stack:
            stack.enter_context(_tracking_http_clients(opened))
            emulator = stack.enter_context(Emulator(access_key=ACCESS_KEY))
            base_url = stack.enter_context(emulator.serve())
            readers = stack.enter_context(receiver(_readers_receiver))
            namespace["WEBHOOK_URL"] = f"{readers.url}/events"
            namespace["CALL_CONTROL_URL"] = f"{readers.url}/call-control"
            os.environ.pop("TENIOS_LOG", None)
            os.environ["TENIOS_ACCESS_KEY"] = ACCESS_KEY
            os.environ["TENIOS_BASE_URL"] = str(base_url)
            # The framework snippets read the key of their posts from the environment.
            os.environ["TENIOS_WEBHOOK_ACCESS_KEY"] = WEBHOOK_KEY
            os.environ["TENIOS_CALL_CONTROL_ACCESS_KEY"] = WEBHOOK_KEY
            clock = _FakeClock(emulator, start=saved_monotonic())
            _clock.sleep, _clock.monotonic = clock.sleep, clock.monotonic
            _clock.sleep_async = clock.sleep_async
            try:
                yield namespace
            finally:
                # Examples may leave clients open (or unnamed); their sockets must not leak.
                for http in opened:
                    http.close()
    finally:
        _clock.sleep, _clock.monotonic = saved_sleep, saved_monotonic
        _clock.sleep_async = saved_sleep_async
        os.environ.clear()
        os.environ.update(saved_environ)
        for state in saved_loggers:
            state.restore()


@contextlib.contextmanager
def _tracking_http_clients(opened: list[httpx.Client]) -> Generator[None, None, None]:
    """Record every ``httpx.Client`` created meanwhile (each ``TeniosClient`` makes or gets one)."""
    original = httpx.Client.__init__

    def tracking_init(self: httpx.Client, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        opened.append(self)

    with mock.patch.object(httpx.Client, "__init__", tracking_init):
        yield


class _FakeClock:
    """Time that passes only when the SDK sleeps; sleeping moves the emulator's clock too."""

    def __init__(self, emulator: Emulator, start: float) -> None:
        self._emulator = emulator
        self._now = start

    def monotonic(self) -> float:
        return self._now

    def sleep(self, seconds: Union[float, SupportsIndex]) -> None:
        self._now += float(seconds)
        self._emulator.advance(float(seconds))

    async def sleep_async(self, seconds: float) -> None:
        self.sleep(seconds)
        await anyio.sleep(0)  # still a checkpoint: other tasks run, cancellation lands


class _LoggerState:
    """A logger's level, handlers and propagation, to put back after a page changed them."""

    def __init__(self, logger: logging.Logger) -> None:
        self._logger = logger
        self._level = logger.level
        self._handlers = list(logger.handlers)
        self._propagate = logger.propagate

    def restore(self) -> None:
        for handler in self._logger.handlers:
            if handler not in self._handlers:
                handler.close()
        self._logger.handlers[:] = self._handlers
        self._logger.setLevel(self._level)
        self._logger.propagate = self._propagate
