"""Run every benchmark side by side and print (and, on a full run, save) the results.

Usage: ``python -m benchmarks.run [--quick] [--only a,b,c,d,e] [--save | --no-save]``, or
``python benchmarks/run.py ...`` from anywhere. A full run takes a few minutes; ``--quick`` a few
seconds and saves nothing unless ``--save`` is given.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
RESULTS_MARKDOWN = ROOT / "benchmarks" / "results.md"
RESULTS_JSON = ROOT / "benchmarks" / "results.json"
PLOT = ROOT / "docs" / "img" / "per-call.png"
DOCS = ROOT / "docs" / "performance.md"
DOCS_START = "<!-- bench:results:start -->"
DOCS_END = "<!-- bench:results:end -->"
MEASUREMENTS = ("a", "b", "c", "d", "e", "f", "g", "h")
DESCRIPTION = "Benchmarks of tenios against hand-written httpx + pydantic."


@dataclass(frozen=True)
class Settings:
    """How many rounds, and how much work per round, each measurement gets."""

    per_call_rounds: int
    per_call_calls: int
    loopback_rounds: int
    loopback_calls: int
    import_rounds: int
    first_call_rounds: int
    webhook_rounds: int
    webhook_events: int
    memory_rounds: int
    memory_fresh_rounds: int
    warm_up_fresh_processes: bool
    listing_rounds: int
    listing_cdrs: int


FULL = Settings(
    per_call_rounds=31,
    per_call_calls=500,
    loopback_rounds=41,
    loopback_calls=300,
    import_rounds=31,
    first_call_rounds=21,
    webhook_rounds=21,
    webhook_events=5000,
    memory_rounds=5,
    memory_fresh_rounds=3,
    warm_up_fresh_processes=True,
    listing_rounds=9,  # f1 moves by ±10 % from round to round on a 2-core machine
    listing_cdrs=100_000,
)
QUICK = Settings(
    per_call_rounds=3,
    per_call_calls=50,
    loopback_rounds=3,
    loopback_calls=50,
    import_rounds=2,
    first_call_rounds=1,
    webhook_rounds=3,
    webhook_events=100,
    memory_rounds=1,
    memory_fresh_rounds=1,
    warm_up_fresh_processes=False,
    listing_rounds=1,
    listing_cdrs=2_000,
)


def _arguments(argv: Optional[list[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="benchmarks.run", description=DESCRIPTION)
    parser.add_argument("--quick", action="store_true", help="a fast smoke run with few rounds")
    parser.add_argument(
        "--only",
        default=",".join(MEASUREMENTS),
        help="comma-separated measurements to run (default: a,b,c,d,e,f,g,h)",
    )
    save = parser.add_mutually_exclusive_group()
    save.add_argument("--save", dest="save", action="store_true", default=None)
    save.add_argument("--no-save", dest="save", action="store_false")
    arguments = parser.parse_args(argv)
    arguments.only = {part.strip() for part in arguments.only.split(",") if part.strip()}
    unknown = arguments.only - set(MEASUREMENTS)
    if unknown:
        parser.error(f"unknown measurement(s): {', '.join(sorted(unknown))}")
    if arguments.save is None:
        arguments.save = not arguments.quick
    return arguments


def _update_docs(table: str, machine: str) -> bool:
    """Replace the results block of docs/performance.md; ``False`` when it has no markers."""
    if not DOCS.exists():
        return False
    text = DOCS.read_text()
    start, end = text.find(DOCS_START), text.find(DOCS_END)
    if start < 0 or end < start:
        return False
    block = f"{DOCS_START}\nMeasured {machine}.\n\n{table}\n{DOCS_END}"
    DOCS.write_text(text[:start] + block + text[end + len(DOCS_END) :])
    return True


def main(argv: Optional[list[str]] = None) -> int:
    """Run the chosen measurements; exit 0 even when a target is missed (the table says so)."""
    if str(ROOT) not in sys.path:  # run as a script: make ``benchmarks`` importable
        sys.path.insert(0, str(ROOT))
    from benchmarks import (
        async_calls,
        cdr_instructions,
        cdr_listing,
        cli_startup,
        import_time,
        loopback,
        memory,
        per_call,
        report,
        webhook_parsing,
    )
    from benchmarks.plot import plot_per_call

    arguments = _arguments(argv)
    settings = QUICK if arguments.quick else FULL
    only = arguments.only
    rows: list[report.Row] = []
    print(f"{'quick' if arguments.quick else 'full'} run of {', '.join(sorted(only))}", flush=True)
    if "a" in only:
        rows += per_call.measure(settings.per_call_rounds, settings.per_call_calls)
    if only & {"b", "c", "e"}:
        with loopback.loopback_server() as base_url:
            if "b" in only:
                rows += loopback.measure(
                    base_url, settings.loopback_rounds, settings.loopback_calls
                )
            if "c" in only:
                rows += import_time.measure(
                    base_url,
                    settings.import_rounds,
                    settings.first_call_rounds,
                    warm_up=settings.warm_up_fresh_processes,
                )
            if "e" in only:
                rows += memory.measure(
                    base_url, settings.memory_rounds, settings.memory_fresh_rounds
                )
    if "d" in only:
        rows += webhook_parsing.measure(settings.webhook_rounds, settings.webhook_events)
    if "h" in only:
        rows += async_calls.measure(settings.loopback_rounds, settings.per_call_calls)
    if "g" in only:
        rows += cli_startup.measure(settings.import_rounds)
    if "f" in only:
        rows += cdr_listing.measure(settings.listing_rounds, settings.listing_cdrs, page_size=1000)
        rows += cdr_instructions.measure(quick=arguments.quick)
    rows.sort(key=lambda row: row.key)

    info = report.machine()
    machine = report.machine_line(info)
    print(report.text_table(rows))
    print(f"\nmeasured {machine}")
    if arguments.save:
        command = "python -m benchmarks.run" + (" --quick" if arguments.quick else "")
        RESULTS_MARKDOWN.write_text(report.results_markdown(rows, info, command))
        report.write_json(RESULTS_JSON, rows, info)
        written = [RESULTS_MARKDOWN, RESULTS_JSON]
        if only & {"a", "b"}:
            plot_per_call(rows, PLOT, machine)
            written.append(PLOT)
        if _update_docs(report.markdown_table(rows), machine):
            written.append(DOCS)
        print("wrote " + ", ".join(str(path.relative_to(ROOT)) for path in written))
    return 0


if __name__ == "__main__":
    sys.exit(main())
