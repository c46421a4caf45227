"""The quickstart (``make demo``) and the notebook run, with no account and no network."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tenios.testing import DEMO_AGENT_EMAIL, DEMO_CALL_UUID, DEMO_CALLBACK_CONFIG_ID, Emulator

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
STEPS = [
    "requested callback 1 to +491234567890, 2 s delay",
    "status: DISCONNECTED",
    "agent@test.com is READY",
    "changed to NOT_READY (reason COF)",
    "has: German, Support, Customer Service",
    "English: False -> True",
    "transferred to +4922155400300",
    "running block interrupted",
    "CallbackNotFoundError: CALLBACK_NOT_FOUND",
    "Done.",
]


def _run_quickstart(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLES / "quickstart.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _environment_without_tenios() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("TENIOS_")}


def test_the_quickstart_runs_against_the_emulator_without_a_key() -> None:
    result = _run_quickstart(_environment_without_tenios())
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(
        "No TENIOS_ACCESS_KEY set: using the local TENIOS emulator at http://127.0.0.1:"
    )
    for step in STEPS:
        assert step in result.stdout
    statuses = [line.split(": ")[1] for line in lines if line.strip().startswith("status: ")]
    assert statuses[-1] == "DISCONNECTED"
    assert statuses == sorted(
        statuses,
        key=["REQUESTED", "ACCEPTED", "CALLING_A", "CALLING_B", "CONNECTED", "DISCONNECTED"].index,
    )
    assert result.stderr == ""


@pytest.mark.slow  # two runs of the quickstart in fresh processes
def test_the_quickstart_talks_to_the_api_named_by_the_environment_when_a_key_is_set() -> None:
    with Emulator("my-real-key", time_scale=50) as emulator, emulator.serve() as base_url:
        env = {
            **_environment_without_tenios(),
            "TENIOS_ACCESS_KEY": "my-real-key",
            "TENIOS_BASE_URL": base_url,
            "TENIOS_AGENT_EMAIL": DEMO_AGENT_EMAIL,
            "TENIOS_CALL_UUID": DEMO_CALL_UUID,
        }
        result = _run_quickstart(env)
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines()[0].startswith(
            f"TENIOS_ACCESS_KEY is set: talking to the TENIOS API at {base_url}"
        )
        # Steps without their variables are skipped, the others ran against this API.
        assert "skipped: set TENIOS_CALLBACK_CONFIG_ID and TENIOS_CALLBACK_NUMBER" in result.stdout
        assert "skipped: set TENIOS_TRANSFER_TO" in result.stdout
        assert "changed to NOT_READY\n" in result.stdout
        assert emulator.requests_to("callback.init") == []
        assert emulator.call(DEMO_CALL_UUID).interruptions == 1
        # The agent was put back as it was.
        assert emulator.agent(DEMO_AGENT_EMAIL).state == "READY"
        assert emulator.agent(DEMO_AGENT_EMAIL).skills == {"German", "Support", "Customer Service"}
        env["TENIOS_CALLBACK_CONFIG_ID"] = DEMO_CALLBACK_CONFIG_ID
        env["TENIOS_CALLBACK_NUMBER"] = "+491234567890"
        emulator.add_call(DEMO_CALL_UUID, interruptible=False)
        result = _run_quickstart(env)
        assert result.returncode == 0, result.stderr
        assert "requested callback 1" in result.stdout
        assert "could not interrupt: BLOCK_NOT_INTERRUPTIBLE" in result.stdout


@pytest.mark.slow  # starts a Jupyter kernel: two seconds of CPU
def test_the_notebook_runs_without_errors() -> None:
    # Untyped packages, imported as modules of unknown shape; a missing one fails the test.
    nbformat: Any = importlib.import_module("nbformat")
    nbclient: Any = importlib.import_module("nbclient")
    notebook = nbformat.read(EXAMPLES / "notebook.ipynb", as_version=4)
    # Raises CellExecutionError on the first failing cell; the kernel is the venv's python3.
    nbclient.NotebookClient(notebook, kernel_name="python3", timeout=60).execute()
    outputs = [
        output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs
    ]
    assert not [output for output in outputs if output.output_type == "error"]
    text = "".join(output.get("text", "") for output in outputs)
    assert "DISCONNECTED" in text
    assert "CallbackNotFoundError" in text
    assert "legs," in text  # the CDR listing ran
    assert "READY ['+49221123456701'" in text  # the cell with top-level await ran
