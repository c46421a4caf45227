"""examples/click_to_call.py, cdr_export.py and order_number.py against the emulator."""

from __future__ import annotations

import csv
import io
import runpy
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

import tenios
from tenios.testing import DEMO_CDRS_COUNT, DEMO_TENIOS_NUMBER, Emulator

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _load(name: str) -> SimpleNamespace:
    """The example's functions, loaded without running it as a script."""
    return SimpleNamespace(**runpy.run_path(str(EXAMPLES / f"{name}.py"), run_name=name))


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> Iterator[Emulator]:
    """An emulator 500 times faster than real time, which ``TeniosClient()`` reaches."""
    with Emulator(time_scale=500) as emulator, emulator.serve() as base_url:
        monkeypatch.setenv("TENIOS_ACCESS_KEY", emulator.access_key)
        monkeypatch.setenv("TENIOS_BASE_URL", base_url)
        yield emulator


def test_click_to_call_prints_each_status_until_the_call_ended(
    served: Emulator, capsys: pytest.CaptureFixture[str]
) -> None:
    example = _load("click_to_call")
    with tenios.TeniosClient() as client:
        final = example.click_to_call(
            client, "+491234567890", DEMO_TENIOS_NUMBER, poll_interval=0.005
        )
    assert final == "DISCONNECTED"
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"makecall 1: calling +491234567890, then {DEMO_TENIOS_NUMBER}"
    statuses = [line.removeprefix("status: ") for line in lines[1:]]
    order = ["REQUESTED", "ACCEPTED", "CALLING_A", "CALLING_B", "CONNECTED", "DISCONNECTED"]
    assert statuses == sorted(set(statuses), key=order.index)  # each once, in the call's order
    assert statuses[-1] == "DISCONNECTED"
    assert served.makecall(1).tenios_number == DEMO_TENIOS_NUMBER


def test_click_to_call_reports_a_refused_number_in_one_line(
    served: Emulator, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _load("click_to_call").main(["+491234567890", "+4930999"]) == 1
    assert capsys.readouterr().err.startswith("InvalidValueError: INVALID_VALUE")


def test_cdr_export_writes_a_month_as_csv_and_sums_costs_exactly(served: Emulator) -> None:
    out = io.StringIO()
    with tenios.TeniosClient() as client:
        count, total = _load("cdr_export").export(client, "2026-11", out)
    assert count == DEMO_CDRS_COUNT
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == DEMO_CDRS_COUNT
    assert rows[0]["call_type"] == "INBOUND"
    assert sum((Decimal(row["cost"]) for row in rows), Decimal(0)) == total
    assert isinstance(total, Decimal)
    assert total > 0
    assert len(served.requests_to("cdrs.page")) == 2  # 144 legs in pages of 100


def test_order_number_verifies_a_pdf_and_orders_once_approved(
    served: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    example = _load("order_number")
    proof = tmp_path / "proof.pdf"
    proof.write_bytes(b"%PDF-1.4\n% allocation notice\n")
    assert example.main(["verify", str(proof), "221"]) == 0
    verification_id = capsys.readouterr().out.split()[-1]
    assert example.main(["order", verification_id]) == 1  # still pending
    assert "VERIFICATION_NOT_APPROVED" in capsys.readouterr().err
    served.approve_verification(verification_id)
    assert example.main(["order", verification_id]) == 0
    assert capsys.readouterr().out == "order 1\n"
    assert len(served.requests_to("numbers.order")) == 2
