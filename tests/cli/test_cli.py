"""The ``tenios`` command against the served emulator: results as JSON, exit codes by outcome,
CSV exports, receivers in another process, and never the key. The first tests and the receiver
tests run it as a subprocess, as a shell does; the others in this process (``run_cli``), which
is the same code without the start-up cost."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest

from tenios._cli import _generate
from tenios.testing import (
    DEMO_CALL_UUID,
    DEMO_CALLBACK_CONFIG_ID,
    DEMO_CDRS_COUNT,
    DEMO_SUPERVISOR_KEY,
    Emulator,
)

from ._run import Ran, run_cli

KEY = "cli-secret-api-key-7Qm2"
HERE = Path(__file__).parent


def tenios(
    *arguments: str, env: dict[str, str], stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m tenios ...`` as a user's shell would."""
    return subprocess.run(
        [sys.executable, "-m", "tenios", *arguments],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def api() -> Iterator[tuple[Emulator, dict[str, str]]]:
    """The emulator served on loopback, and an environment pointing at it."""
    with Emulator(KEY) as emulator, emulator.serve() as base_url:
        env = {k: v for k, v in os.environ.items() if not k.startswith("TENIOS_")}
        env.update(TENIOS_ACCESS_KEY=KEY, TENIOS_BASE_URL=base_url)
        yield emulator, env


def _assert_no_key(result: subprocess.CompletedProcess[str] | Ran) -> None:
    assert KEY not in result.stdout
    assert KEY not in result.stderr


def test_the_command_table_is_current() -> None:
    table = Path(_generate.__file__).with_name("commands.json").read_text(encoding="utf-8")
    assert table == _generate.render(), "run: python -m tenios._cli._generate"


def test_an_api_call_prints_json_and_exits_0(api: tuple[Emulator, dict[str, str]]) -> None:
    emulator, env = api
    result = tenios(
        "callback", "init", "--callback-config-id", DEMO_CALLBACK_CONFIG_ID,
        "--callback-number", "+491234567890", "--delay", "0", env=env,
    )  # fmt: skip
    assert (result.returncode, json.loads(result.stdout)) == (0, {"id": 1})
    assert emulator.callback(1).callback_number == "+491234567890"
    _assert_no_key(result)


@pytest.mark.parametrize(
    ("arguments", "code", "message"),
    [
        (("callback", "init", "--callback-config-id", "x", "--callback-number", "0221",
          "--delay", "0"), 3, "RequestValidationError: callback_number must be E.164"),
        (("acd", "retrieve-agent-state", "nobody@example.com"), 5, "AgentNotFoundError"),
        (("cdrs", "count", "--start-date-from", "2026-11-03", "--start-date-to", "2026-11-02"),
         3, "start_date_from must not be after start_date_to"),
    ],
)  # fmt: skip
def test_errors_are_one_line_and_an_exit_code(
    api: tuple[Emulator, dict[str, str]], arguments: tuple[str, ...], code: int, message: str
) -> None:
    _, env = api
    result = run_cli(*arguments, env=env)
    assert result.returncode == code
    assert result.stdout == ""
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1  # no traceback
    _assert_no_key(result)


def test_a_refused_key_exits_4_and_is_never_printed(api: tuple[Emulator, dict[str, str]]) -> None:
    _, env = api
    result = tenios(
        "acd",
        "retrieve-agent-state",
        "agent@test.com",
        env={**env, "TENIOS_ACCESS_KEY": "wrong-" + KEY},
    )
    assert result.returncode == 4
    assert "AuthenticationError" in result.stderr
    assert "wrong-" not in result.stderr + result.stdout


def test_the_supervisor_key_comes_from_the_environment(
    api: tuple[Emulator, dict[str, str]],
) -> None:
    emulator, env = api
    result = run_cli(
        "monitoring", "start", DEMO_CALL_UUID, "--supervisor-destination", "+491234567891",
        env={**env, "TENIOS_SUPERVISOR_KEY": DEMO_SUPERVISOR_KEY},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert emulator.call(DEMO_CALL_UUID).listeners == ["+491234567891"]
    assert DEMO_SUPERVISOR_KEY not in result.stdout + result.stderr


def test_cdrs_export_writes_csv_page_by_page(
    api: tuple[Emulator, dict[str, str]], tmp_path: Path
) -> None:
    emulator, env = api
    out = tmp_path / "day.csv"
    result = run_cli(
        "cdrs", "export", "--from", "2026-11-02", "--to", "2026-11-03", "--format", "csv",
        "--output", str(out), "--page-size", "50", env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == DEMO_CDRS_COUNT
    assert list(rows[0])[:3] == ["uuid", "call_type", "main_leg_uuid"]
    assert len(emulator.requests_to("cdrs.page")) == 3  # 144 in pages of 50
    assert result.stderr == ""  # no progress when stderr is not a terminal


def test_listings_print_one_json_line_per_item(api: tuple[Emulator, dict[str, str]]) -> None:
    _, env = api
    result = run_cli("cloud-pbx", "list", "--page-size", "2", env=env)
    users = [json.loads(line) for line in result.stdout.splitlines()]
    assert [user["first_name"] for user in users] == ["Anna", "Ben", "Carla"]


@pytest.fixture
def receiver() -> Iterator[dict[str, str]]:
    """Two receivers in other processes: one answering valid blocks, one invalid ones."""
    urls: dict[str, str] = {}
    processes: list[subprocess.Popen[str]] = []
    for mode in ("valid", "invalid"):
        process = subprocess.Popen(
            [sys.executable, str(HERE / "_receiver_script.py"), mode, "0"],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None
        urls[mode] = f"http://127.0.0.1:{process.stdout.readline().strip()}/"
        processes.append(process)
    try:
        yield urls
    finally:
        for process in processes:
            process.kill()
            process.wait()
            if process.stdout is not None:
                process.stdout.close()


def test_a_receiver_in_another_process_is_driven_through_the_call_control_loop(
    receiver: dict[str, str],
) -> None:
    env = {**os.environ, "TENIOS_WEBHOOK_ACCESS_KEY": "receiver-key"}
    good = tenios(
        "emulator", "call-control", receiver["valid"], "--customer-number", "200000", env=env
    )
    assert good.returncode == 0, good.stderr
    run = json.loads(good.stdout)
    assert (run["ok"], run["ended_by"]) == (True, "EMPTY_BLOCKS")
    assert run["loops"][0]["blocks"][0]["blockType"] == "SAY"

    # The rest in this process (a subprocess costs half a second); the receiver stays outside.
    bad = run_cli(
        "emulator", "call-control", receiver["invalid"], "--customer-number", "200000", env=env
    )
    assert bad.returncode == 10
    assert "blocks[0].txt: is not an attribute of a SAY block" in bad.stderr

    wrong = run_cli(
        "emulator", "call-control", receiver["valid"], "--customer-number", "200000",
        env={**env, "TENIOS_WEBHOOK_ACCESS_KEY": "not-the-key"},
    )  # fmt: skip
    assert wrong.returncode == 12
    assert "refused the access key" in wrong.stderr

    posts = run_cli(
        "emulator", "simulate-call", receiver["valid"], "--customer-number", "200000", env=env
    )
    assert posts.returncode == 0, posts.stderr
    events = [json.loads(line)["event"] for line in posts.stdout.splitlines()]
    assert events[0] == "CALL_START"
    assert events[-1] == "CALL_END"


def test_an_unreachable_receiver_exits_13() -> None:
    env = {**os.environ, "TENIOS_WEBHOOK_ACCESS_KEY": "k"}
    result = run_cli(
        "emulator", "simulate-call", "http://127.0.0.1:9/", "--customer-number", "1", env=env
    )
    assert result.returncode == 13
    assert "could not be reached" in result.stderr


def test_debugging_commands_read_stdin() -> None:
    event = json.dumps(
        {"requestType": "CALL_END", "customerNumber": 1, "accessKey": "k", "variables": {}}
    )
    parsed = run_cli("webhook", "parse", env=dict(os.environ), stdin=event)
    assert parsed.returncode == 0, parsed.stderr
    assert json.loads(parsed.stdout)["type"] == "CallEndEvent"
    assert '"k"' not in parsed.stdout  # the received key is not echoed
    answer = json.dumps({"blocks": [{"blockType": "HANGUP", "hangupCause": "NORMAL_CLEARING"}]})
    valid = run_cli("call-control", "validate", env=dict(os.environ), stdin=answer)
    assert (valid.returncode, json.loads(valid.stdout)["ok"]) == (0, True)


def test_help_starts_without_httpx_or_pydantic() -> None:
    code = (
        "import sys\n"
        "from tenios._cli._main import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('httpx', 'pydantic') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip().endswith("[]")
    assert "example: tenios callback init" in result.stdout


def test_ctrl_c_stops_an_export_cleanly_with_130(
    api: tuple[Emulator, dict[str, str]], tmp_path: Path
) -> None:
    emulator, env = api
    emulator.inject_fault("cdrs.page", delay=0.0)  # the first page comes at once,
    emulator.inject_fault("cdrs.page", delay=5.0)  # the second only after Ctrl-C
    out = tmp_path / "day.csv"
    process = subprocess.Popen(
        [sys.executable, "-m", "tenios", "cdrs", "export", "--from", "2026-11-02", "--to",
         "2026-11-03", "--output", str(out), "--page-size", "50"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # A test runner's worker may ignore SIGINT, and a child inherits that: give it back the
        # default, as a shell does, so that Python turns Ctrl-C into KeyboardInterrupt.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while len(emulator.requests_to("cdrs.page")) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(emulator.requests_to("cdrs.page")) == 2, "the export did not reach page 2"
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=20)
    finally:
        process.kill()
    assert process.returncode == 130
    assert "interrupted" in stderr
    assert "Traceback" not in stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 50  # the first page, whole: what was written stays valid
    assert all(row["uuid"] for row in rows)


def test_every_command_shows_an_example_in_its_help() -> None:
    from tenios._cli._main import build_parser

    def walk(
        parser: argparse.ArgumentParser, path: str
    ) -> list[tuple[str, argparse.ArgumentParser]]:
        found = [(path, parser)]
        for action in parser._actions:  # pyright: ignore[reportPrivateUsage]
            children: object = action.choices
            if isinstance(children, dict):  # a group of subcommands
                for name, child in cast("dict[str, argparse.ArgumentParser]", children).items():
                    found += walk(child, f"{path} {name}")
        return found

    commands = walk(build_parser(), "tenios")
    assert len(commands) > 40
    missing = [path for path, parser in commands if "example: " not in (parser.epilog or "")]
    assert missing == ["tenios emulator serve"]  # its help is python -m tenios.testing's
