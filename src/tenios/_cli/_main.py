"""The ``tenios`` command's entry point: the parser, and one exit code per outcome."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Optional

from . import _api, _debug, _emulator, _exit, _export
from ._output import fail

COMMANDS = Path(__file__).with_name("commands.json")

DESCRIPTION = """The TENIOS API from a shell, and the TENIOS emulator for receivers in any language.

The API key comes from TENIOS_ACCESS_KEY or --access-key-file, never from the command line
(other users can see command lines); TENIOS_BASE_URL sets the API's address. Results are JSON
on stdout, messages on stderr. Exit codes: 0 ok, 2 usage, 3 invalid argument, 4 key refused,
5 not found, 6 other API error, 7 no connection, 8 wait timed out, 10 invalid receiver answer,
11 receiver status not 2xx, 12 receiver refused the key, 13 receiver unreachable, 130 Ctrl-C."""


def build_parser() -> argparse.ArgumentParser:
    """The whole command tree (built from the generated command table)."""
    from .._version import __version__

    parser = argparse.ArgumentParser(
        prog="tenios",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example: tenios callback init --callback-config-id CFG --callback-number "
        "+491234567890 --delay 0",
    )
    parser.add_argument("--version", action="version", version=f"tenios {__version__}")
    parser.add_argument(
        "--access-key-file", type=Path, help="a file holding the API key (else $TENIOS_ACCESS_KEY)"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    commands: dict[str, Any] = json.loads(COMMANDS.read_text(encoding="utf-8"))
    groups = _api.add_commands(subparsers, commands)
    _export.add_command(groups["cdrs"])
    _debug.add_validate(groups["call-control"])
    _emulator.add_commands(subparsers)
    _debug.add_commands(subparsers)
    return parser


_NEEDS_CLIENT = {"api", "export"}


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command; return its exit code (see DESCRIPTION)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if arguments[:2] == ["emulator", "serve"]:  # its options are python -m tenios.testing's
            from ..testing.__main__ import main as serve

            return serve(arguments[2:], prog="tenios emulator serve")
        args = build_parser().parse_args(arguments)
        if getattr(args, "spec", None) is not None or args.run is _export.run:
            return _api.run_safely(args)
        return int(args.run(args))
    except KeyboardInterrupt:
        fail("interrupted")
        return _exit.INTERRUPTED
    except BrokenPipeError:  # e.g. `tenios cdrs list ... | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit
        return _exit.OK
    except (OSError, ValueError) as error:
        fail(str(error))
        return _exit.USAGE
