"""``python -m tenios.testing``: serve the TENIOS emulator on loopback until Ctrl-C.

python -m tenios.testing --port 8080
TENIOS_BASE_URL=http://127.0.0.1:8080 TENIOS_ACCESS_KEY=test-access-key python your_app.py
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Optional

from ._account import DEMO_TENIOS_NUMBER
from ._emulator import Emulator
from ._routing import RoutedCall
from ._store import (
    DEMO_ACCESS_KEY,
    DEMO_AGENT_EMAIL,
    DEMO_CALL_UUID,
    DEMO_CALLBACK_CONFIG_ID,
    DEMO_NOT_READY_REASON,
)


def _arguments(argv: Optional[Sequence[str]], prog: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Serve a local emulator of the TENIOS API over HTTP until Ctrl-C.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8080, help="port (default 8080; 0 picks one)")
    parser.add_argument(
        "--access-key",
        default=DEMO_ACCESS_KEY,
        help=f"the key to accept (default {DEMO_ACCESS_KEY})",
    )
    parser.add_argument(
        "--time-scale",
        type=float,
        default=1.0,
        help="emulated seconds per real second for callbacks (default 1.0)",
    )
    parser.add_argument("--quiet", action="store_true", help="do not print a line per request")
    routing = parser.add_argument_group(
        f"routing plan of {DEMO_TENIOS_NUMBER}",
        "makecalls to this demo service number, once connected, run your receivers as TENIOS "
        "would, with the variables callback_id and callback_bleg_uuid",
    )
    routing.add_argument("--call-control-url", help="your Call Control endpoint")
    routing.add_argument("--webhook-url", help="your HTTPS-POST (webhook) endpoint")
    key = routing.add_mutually_exclusive_group()
    key.add_argument(
        "--receiver-access-key",
        default=os.environ.get("TENIOS_WEBHOOK_ACCESS_KEY"),
        help="the accessKey your receivers verify (default $TENIOS_WEBHOOK_ACCESS_KEY)",
    )
    key.add_argument(
        "--receiver-access-key-file",
        type=Path,
        help="a file holding it (command lines are visible to other users)",
    )
    routing.add_argument("--customer-number", type=int, help="the customerNumber they verify")
    args = parser.parse_args(argv)
    if args.receiver_access_key_file is not None:
        args.receiver_access_key = args.receiver_access_key_file.read_text("utf-8").strip()
    if (args.call_control_url or args.webhook_url) and not (
        args.receiver_access_key and args.customer_number is not None
    ):
        parser.error("a routing plan needs --receiver-access-key and --customer-number")
    return args


def _say(line: str) -> None:
    print(line, flush=True)


def _report(routed: RoutedCall) -> None:
    """Print what a routing plan did with a makecall (also with ``--quiet``)."""
    for line in routed.summary():
        _say(line)


def main(
    argv: Optional[Sequence[str]] = None,
    *,
    stop: Optional[threading.Event] = None,
    prog: str = "python -m tenios.testing",
) -> int:
    """Serve until Ctrl-C (or until ``stop`` is set, for tests); returns the exit status."""
    args = _arguments(argv, prog)
    emulator = Emulator(args.access_key, time_scale=args.time_scale)
    if args.call_control_url or args.webhook_url:
        emulator.set_routing_plan(
            DEMO_TENIOS_NUMBER,
            access_key=args.receiver_access_key,
            customer_number=args.customer_number,
            call_control_url=args.call_control_url,
            webhook_url=args.webhook_url,
            on_routed=_report,
        )
    with emulator.serve(args.host, args.port, log=None if args.quiet else _say) as base_url:
        _say(f"TENIOS emulator listening on {base_url}")
        _say(f"access key: {args.access_key}")
        _say(
            f"demo data: callback_config_id={DEMO_CALLBACK_CONFIG_ID} agent={DEMO_AGENT_EMAIL} "
            f"nrr={DEMO_NOT_READY_REASON} call_uuid={DEMO_CALL_UUID}"
        )
        if args.call_control_url or args.webhook_url:
            _say(
                f"makecalls to {DEMO_TENIOS_NUMBER} run: call control -> "
                f"{args.call_control_url or '-'}, events -> {args.webhook_url or '-'}"
            )
        _say(f"try: TENIOS_BASE_URL={base_url} TENIOS_ACCESS_KEY={args.access_key} python app.py")
        _say("Ctrl-C to stop")
        # Ctrl-C ends the wait; test_main.py sends SIGINT to a subprocess to prove it.
        with contextlib.suppress(KeyboardInterrupt):
            (stop or threading.Event()).wait()
    emulator.close()
    _say("stopped")
    return 0


if __name__ == "__main__":  # pragma: no cover - the entry point itself; main() is tested
    sys.exit(main())
