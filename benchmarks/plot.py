"""The per-call plot for docs/performance.md: raw httpx against tenios, per round and median."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ._timing import median
from .report import Row

MICROSECONDS = 1e6
LABELS = {
    "a1": "callback.status\nMockTransport\n(by hand: httpx + pydantic)",
    "a2": "callback.init\nMockTransport\n(by hand: httpx + pydantic)",
    "b": "callback.status\nloopback HTTP\n(by hand: raw httpx)",
}


def _per_call_microseconds(row: Row) -> tuple[list[float], list[float]]:
    if row.unit == "calls/s":
        return [MICROSECONDS / v for v in row.baseline], [MICROSECONDS / v for v in row.tenios]
    return row.baseline, row.tenios


def plot_per_call(rows: list[Row], path: Path, machine: str) -> None:
    """Grouped bars (medians) with every round as a dot, one group per per-call row."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    groups = [row for row in rows if row.key in LABELS and not row.skipped]
    labels = [LABELS[row.key] for row in groups]
    # matplotlib's stubs leave **kwargs untyped; Any keeps pyright's strict mode quiet here.
    figure: Any
    axes: Any
    figure, axes = plt.subplots(figsize=(8, 4.8), dpi=120)
    width = 0.36
    for index, row in enumerate(groups):
        baseline, tenios = _per_call_microseconds(row)
        for offset, samples, color, name in (
            (-width / 2, baseline, "#8c8c8c", "by hand"),
            (width / 2, tenios, "#1f6fb2", "tenios"),
        ):
            x = index + offset
            axes.bar(x, median(samples), width, color=color, label=name if index == 0 else None)
            axes.scatter([x] * len(samples), samples, s=8, color="black", alpha=0.5, zorder=3)
        axes.annotate(
            f"x{median(tenios) / median(baseline):.2f}",
            (index + width / 2, max(tenios)),
            textcoords="offset points",
            xytext=(0, 4),
            ha="center",
            fontsize=9,
        )
    axes.set_xticks(range(len(groups)), labels, fontsize=8)
    axes.set_ylabel("µs per call (median bar, one dot per round)")
    axes.set_title("Time per call: hand-written httpx against tenios")
    axes.legend(loc="upper left", fontsize=8)
    axes.margins(y=0.15)
    figure.text(0.01, 0.01, machine, fontsize=6, color="#555555")
    figure.tight_layout(rect=(0, 0.03, 1, 1))
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)
    plt.close(figure)
