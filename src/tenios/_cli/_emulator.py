"""``tenios emulator``: serve it, or drive a receiver in any language as TENIOS would."""

from __future__ import annotations

import argparse
import os
import ssl
from pathlib import Path
from typing import Any, Optional, Union

from . import _exit
from ._output import emit, fail

KEY_ENV = "TENIOS_WEBHOOK_ACCESS_KEY"


def add_commands(subparsers: Any) -> None:
    """``emulator serve``, ``emulator call-control`` and ``emulator simulate-call``."""
    group = subparsers.add_parser(
        "emulator",
        help="the local TENIOS emulator",
        description="Serve the emulated API, or drive a receiver as TENIOS would.",
        epilog="example: tenios emulator serve --port 8080",
    )
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    serve = actions.add_parser(
        "serve",
        help="serve the emulated API until Ctrl-C (the options of python -m tenios.testing)",
        add_help=False,
    )
    serve.set_defaults(run=None)  # handled by main() before parsing: see _main.py
    for name, helped in (
        ("call-control", "drive a Call Control receiver through the loop as TENIOS would"),
        ("simulate-call", "POST the HTTPS-POST events of one call to a receiver"),
    ):
        parser = actions.add_parser(
            name,
            help=helped,
            description=helped,
            epilog=f"example: {KEY_ENV}=secret tenios emulator {name} "
            "http://127.0.0.1:8000/ --customer-number 200000",
        )
        parser.add_argument("url", help="the receiver's URL")
        parser.add_argument("--customer-number", type=int, required=True)
        parser.add_argument(
            "--access-key",
            help=f"the key the receiver checks (default: ${KEY_ENV}; or --access-key-file)",
        )
        parser.add_argument("--access-key-file", type=Path, dest="receiver_key_file")
        parser.add_argument("--caller", default="+4917012345678", help="the caller's number")
        tls = parser.add_mutually_exclusive_group()
        tls.add_argument("--ca-bundle", type=Path, help="trust this CA bundle for HTTPS")
        tls.add_argument("--insecure", action="store_true", help="do not check certificates")
        if name == "call-control":
            parser.add_argument("--digits", nargs="*", default=[], help="the caller's inputs")
            parser.add_argument("--max-loops", type=int, default=10)
        parser.set_defaults(run=_call_control if name == "call-control" else _simulate_call)


def _receiver_key(args: argparse.Namespace) -> str:
    if args.receiver_key_file is not None:
        return Path(args.receiver_key_file).read_text(encoding="utf-8").strip()
    key = args.access_key or os.environ.get(KEY_ENV, "")
    if not key:
        raise ValueError(
            f"the receiver's key is needed: --access-key, --access-key-file or ${KEY_ENV}"
        )
    return str(key)


def _receiver(args: argparse.Namespace) -> dict[str, Any]:
    """What both commands tell the emulator about the receiver: its key, the customer number it
    checks, the caller to send, and how to check its certificate."""
    return {
        "access_key": _receiver_key(args),
        "customer_number": args.customer_number,
        "caller_id_number": args.caller,
        "verify": _verify(args),
    }


def _verify(args: argparse.Namespace) -> Union[bool, ssl.SSLContext]:
    if args.insecure:
        return False
    if args.ca_bundle is not None:
        return ssl.create_default_context(cafile=str(args.ca_bundle))
    return True


def _status_problem(statuses: set[int]) -> Optional[int]:
    """The exit code for a receiver's statuses other than 2xx (a 403 says: wrong key)."""
    if 403 in statuses:
        fail("the receiver answered 403: it refused the access key")
        return _exit.RECEIVER_REFUSED_KEY
    if any(not 200 <= status < 300 for status in statuses):
        fail(f"the receiver answered HTTP {sorted(statuses)}")
        return _exit.RECEIVER_STATUS
    return None


def _unreachable(error: BaseException) -> int:
    fail(f"the receiver could not be reached: {error}")
    return _exit.RECEIVER_UNREACHABLE


def _call_control(args: argparse.Namespace) -> int:
    import httpx

    from ..testing import Emulator

    with Emulator() as emulator:
        try:
            run = emulator.run_call_control(
                args.url, digits=args.digits, max_loops=args.max_loops, **_receiver(args)
            )
        except httpx.TransportError as error:
            return _unreachable(error)
    emit(
        {
            "ok": run.ok,
            "ended_by": run.ended_by,
            "loops": [
                {
                    "loop": index,
                    "status": loop.status_code,
                    "blocks": list(loop.blocks),
                    "problems": [str(problem) for problem in loop.problems],
                }
                for index, loop in enumerate(run.loops)
            ],
            "problems": [vars(problem) for problem in run.problems],
        }
    )
    refused = _status_problem({loop.status_code for loop in run.loops})
    if refused is not None:
        return refused
    if not run.ok:
        for problem in run.problems:
            fail(str(problem))
        if not run.problems:
            fail(f"the loop did not end as TENIOS would end it ({run.ended_by})")
        return _exit.INVALID_BLOCKS
    return _exit.OK


def _simulate_call(args: argparse.Namespace) -> int:
    import httpx

    from ..testing import Emulator

    with Emulator() as emulator:
        try:
            call = emulator.simulate_call(args.url, **_receiver(args))
        except httpx.TransportError as error:
            return _unreachable(error)
    statuses: list[int] = []
    for delivery in call.deliveries:
        emit({"event": delivery.payload["requestType"], "status": delivery.status_code})
        statuses.append(delivery.status_code)
    refused = _status_problem(set(statuses))
    return _exit.OK if refused is None else refused
