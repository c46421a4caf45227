"""The result rows, the printed table, the markdown table and the machine description."""

from __future__ import annotations

import json
import os
import platform
import sys
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Literal, Optional

from ._timing import median


@dataclass(frozen=True)
class Target:
    """A bound on the ratio tenios / baseline."""

    op: Literal["<=", ">="]
    limit: float

    def met_by(self, ratio: float) -> bool:
        """Whether ``ratio`` is within the bound."""
        return ratio <= self.limit if self.op == "<=" else ratio >= self.limit

    def __str__(self) -> str:
        return f"{self.op} {self.limit:.2f}"


@dataclass(frozen=True)
class Row:
    """One measurement: per-round samples of a baseline and of tenios, in one unit."""

    key: str
    what: str
    unit: str
    baseline_name: str
    baseline: list[float] = field(default_factory=list[float])
    tenios: list[float] = field(default_factory=list[float])
    target: Optional[Target] = None
    skipped: Optional[str] = None

    @property
    def ratio(self) -> Optional[float]:
        """Median of tenios over median of the baseline, or ``None`` when skipped."""
        if self.skipped or not self.baseline or not self.tenios:
            return None
        return median(self.tenios) / median(self.baseline)

    @property
    def verdict(self) -> str:
        """``met``, ``MISSED``, ``-`` (no target) or ``skipped``."""
        ratio = self.ratio
        if ratio is None:
            return "skipped"
        if self.target is None:
            return "-"
        return "met" if self.target.met_by(ratio) else "MISSED"


def _number(value: float) -> str:
    if value >= 1000:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def _cells(row: Row) -> list[str]:
    if row.skipped or row.ratio is None:
        return [
            row.key,
            row.what,
            row.baseline_name,
            "-",
            "-",
            "-",
            str(row.target or "-"),
            "skipped",
        ]
    return [
        row.key,
        row.what,
        row.baseline_name,
        f"{_number(median(row.baseline))} {row.unit}",
        f"{_number(median(row.tenios))} {row.unit}",
        f"{row.ratio:.3f}",
        str(row.target or "-"),
        row.verdict,
    ]


HEADER = ["", "measurement", "baseline", "baseline median", "tenios median", "ratio", "target", ""]


def text_table(rows: list[Row]) -> str:
    """A plain-text table for the terminal; skipped rows say why underneath."""
    lines = [HEADER, *(_cells(row) for row in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(HEADER))]
    out = [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip() for line in lines
    ]
    out.insert(1, "  ".join("-" * width for width in widths))
    out.extend(f"{row.key}: skipped, {row.skipped}" for row in rows if row.skipped)
    return "\n".join(out)


def markdown_table(rows: list[Row]) -> str:
    """The same table in markdown."""
    header = [
        "",
        "measurement",
        "baseline",
        "baseline median",
        "tenios median",
        "ratio",
        "target",
        "result",
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(_cells(row)) + " |" for row in rows)
    lines.extend(f"\n{row.key} skipped: {row.skipped}" for row in rows if row.skipped)
    return "\n".join(lines)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> dict[str, str]:
    """What the numbers were measured on."""
    versions = {name: metadata.version(name) for name in ("tenios", "httpx", "pydantic")}
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": _cpu_model(),
        "cores": str(os.cpu_count()),
        "os": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        **versions,
    }


def machine_line(info: dict[str, str]) -> str:
    """The machine description in one line."""
    return (
        f"{info['date']}; {info['cpu']}, {info['cores']} cores; {info['os']}; {info['python']}; "
        f"tenios {info['tenios']}, httpx {info['httpx']}, pydantic {info['pydantic']}"
    )


def results_markdown(rows: list[Row], info: dict[str, str], command: str) -> str:
    """The whole results page: machine, command, table."""
    return (
        "# Benchmark results\n\n"
        f"Measured {machine_line(info)}.\n\n"
        f"Command: `{command}`. Medians over rounds; ratio = tenios / baseline.\n\n"
        f"{markdown_table(rows)}\n"
    )


def write_json(path: Path, rows: list[Row], info: dict[str, str]) -> None:
    """Every per-round sample, for anyone who wants to redo the statistics."""
    data = {
        "machine": info,
        "argv": sys.argv,
        "rows": [{**asdict(row), "ratio": row.ratio, "verdict": row.verdict} for row in rows],
    }
    path.write_text(json.dumps(data, indent=2) + "\n")
