"""Running the ``tenios`` command in this process, as a shell would (environment, stdin), with
what it printed and its exit code; much cheaper than a subprocess for most tests."""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from unittest import mock

from tenios._cli._main import main


@dataclass(frozen=True)
class Ran:
    """The outcome of one command."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(*arguments: str, env: Mapping[str, str], stdin: str = "") -> Ran:
    """``tenios ARGUMENTS`` with exactly ``env`` as the environment and ``stdin`` as input."""
    out, err = io.StringIO(), io.StringIO()
    fake_stdin = io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8")
    with (
        mock.patch.dict(os.environ, env, clear=True),
        mock.patch.object(sys, "stdin", fake_stdin),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            code = main(list(arguments))
        except SystemExit as exit_:  # argparse: --help, --version, usage errors
            code = int(exit_.code or 0)
    return Ran(code, out.getvalue(), err.getvalue())
