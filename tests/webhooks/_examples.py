"""Load the example servers of ``examples/`` and run them on an ephemeral port in a thread."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Generator, Mapping, Sequence
from contextlib import contextmanager
from http.server import ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import IO, Any, Callable, Optional, Protocol, cast

EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "examples"


class WebhookReceiverExample(Protocol):
    """What the tests use of ``examples/webhook_receiver.py``."""

    ACCESS_KEY_ENV: str
    DEFAULT_ACCESS_KEY: str

    def make_server(
        self,
        host: str,
        port: int,
        *,
        access_key: str,
        customer_number: Optional[int] = None,
        trusted_proxies: Optional[Sequence[str]] = None,
        on_event: Callable[[Any], None] = ...,
    ) -> ThreadingHTTPServer: ...


class IvrServerExample(Protocol):
    """What the tests use of ``examples/ivr_server.py``."""

    ACCESS_KEY_ENV: str
    DEFAULT_ACCESS_KEY: str
    CHOICE_VARIABLE: str
    ROUTES: Mapping[str, Any]

    def make_server(
        self, host: str, port: int, *, access_key: str, customer_number: Optional[int] = None
    ) -> ThreadingHTTPServer: ...


def _load(name: str) -> ModuleType:
    loader = importlib.machinery.SourceFileLoader(
        f"_tenios_example_{name}", str(EXAMPLES_DIR / f"{name}.py")
    )
    spec = importlib.util.spec_from_loader(loader.name, loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    loader.exec_module(module)
    return module


def webhook_receiver() -> WebhookReceiverExample:
    """``examples/webhook_receiver.py`` as a module."""
    return cast(WebhookReceiverExample, _load("webhook_receiver"))


def ivr_server() -> IvrServerExample:
    """``examples/ivr_server.py`` as a module."""
    return cast(IvrServerExample, _load("ivr_server"))


@contextmanager
def serving(server: ThreadingHTTPServer) -> Generator[str, None, None]:
    """Serve in a thread; yield the base URL; shut down and join on exit."""
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host!s}:{port!s}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        assert not thread.is_alive(), "the example server did not shut down"


def _pump(stream: IO[str], lines: queue.Queue[str]) -> None:
    for line in stream:
        lines.put(line)


@contextmanager
def running_script(name: str, env: Mapping[str, str]) -> Generator[str, None, None]:
    """Run ``python examples/<name>.py 0`` as a process; yield its URL; stop it on exit."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TENIOS_")}
    process = subprocess.Popen(
        [sys.executable, str(EXAMPLES_DIR / f"{name}.py"), "0"],
        env={**environment, **env},
        stderr=subprocess.PIPE,
        text=True,
    )
    stderr = process.stderr
    assert stderr is not None
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=_pump, args=(stderr, lines), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 20
        url = None
        while url is None and time.monotonic() < deadline:
            try:
                line = lines.get(timeout=0.5)
            except queue.Empty:
                continue
            match = re.search(r"listening on (http://\S+)", line)
            url = match.group(1) if match else None
        assert url is not None, "the example did not start"
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        reader.join(timeout=5)
        stderr.close()
