"""Every command on docs/cli.md runs against a fresh emulator, exits as the page says, and prints
what the page shows after it (in this process: tests/cli drives the command as a subprocess)."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shlex
from collections.abc import Generator
from pathlib import Path
from typing import Optional

from tenios.testing import Emulator

from ..cli._run import run_cli

PAGE = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def _commands() -> list[tuple[str, Optional[str]]]:
    """Each ``$ tenios ...`` line of the console blocks, with the output shown after it."""
    found: list[tuple[str, Optional[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S):
        for line in block.splitlines():
            if line.startswith("$ "):
                found.append((line[2:], None))
            elif found and line.strip():
                command, shown = found[-1]
                found[-1] = (command, (shown + "\n" if shown else "") + line)
    return found


@contextlib.contextmanager
def _chdir(path: Path) -> Generator[None, None, None]:
    """``contextlib.chdir``, which Python 3.9 lacks."""
    before = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def test_every_command_on_the_page_runs_as_shown(tmp_path: Path) -> None:
    commands = _commands()
    assert len(commands) >= 10
    with Emulator("docs-key", time_scale=1000) as emulator, emulator.serve() as base_url:
        env = {k: v for k, v in os.environ.items() if not k.startswith("TENIOS_")}
        env.update(TENIOS_ACCESS_KEY="docs-key", TENIOS_BASE_URL=base_url)
        for line, shown in commands:
            command, _, comment = line.partition("  # ")
            if comment.startswith("not executed"):
                continue
            expected = int(comment.split()[-1]) if comment.startswith("exits") else 0
            pipe, bar, tenios_part = command.rpartition("| ")
            words = shlex.split(tenios_part if bar else command)
            assert words[0] == "tenios", line
            stdin = shlex.split(pipe.removeprefix("echo "))[0] if bar else ""
            with _chdir(tmp_path):
                result = run_cli(*words[1:], env=env, stdin=stdin)
            assert result.returncode == expected, f"{line}\n{result.stderr}"
            assert "docs-key" not in result.stdout + result.stderr
            if shown is not None:
                assert json.loads(result.stdout) == json.loads(shown), line
    assert (tmp_path / "day.csv").read_text(encoding="utf-8").startswith("uuid,call_type,")
