"""``tenios cdrs export``: a period's CDRs to CSV or JSON lines, page by page (memory stays flat)."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from . import _exit
from ._api import aware_time
from ._output import to_json

COLUMNS = (
    "uuid",
    "call_type",
    "main_leg_uuid",
    "bleg_uuid",
    "callerid_name",
    "callerid_number",
    "destination_number",
    "start_stamp",
    "answer_stamp",
    "end_stamp",
    "duration",
    "billusec",
    "hangup_cause",
    "prepaid",
    "cost",
)


def add_command(actions: Any) -> None:
    """``cdrs export`` beside the API methods of ``cdrs``."""
    export = actions.add_parser(
        "export",
        help="write the CDRs of a period as CSV or JSON lines, page by page",
        epilog="example: tenios cdrs export --from 2026-11-01 --to 2026-12-01 --format csv "
        "--output november.csv",
    )
    export.add_argument(
        "--from",
        dest="start",
        type=aware_time,
        required=True,
        help="ISO date/time (UTC if no zone)",
    )
    export.add_argument(
        "--to", dest="end", type=aware_time, required=True, help="ISO date/time (UTC if no zone)"
    )
    export.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    export.add_argument("--output", type=Path, help="file to write (default: stdout)")
    export.add_argument("--page-size", type=int, default=100)
    export.set_defaults(run=run)


def run(args: argparse.Namespace, client: Any) -> int:
    """Stream the CDRs; progress on stderr when it is a terminal."""
    if args.output is None:
        return _write(args, client, sys.stdout)
    with open(args.output, "w", newline="", encoding="utf-8") as out:
        return _write(args, client, out)


def _write(args: argparse.Namespace, client: Any, out: TextIO) -> int:
    progress = sys.stderr.isatty()
    written = 0
    try:
        writer = csv.writer(out) if args.format == "csv" else None
        if writer is not None:
            writer.writerow(COLUMNS)
        for cdr in client.cdrs.list(
            start_date_from=args.start, start_date_to=args.end, page_size=args.page_size
        ):
            data = to_json(cdr)
            if writer is not None:
                writer.writerow("" if data.get(c) is None else data[c] for c in COLUMNS)
            else:
                out.write(json.dumps(data, ensure_ascii=False) + "\n")
            written += 1
            if progress and written % args.page_size == 0:
                sys.stderr.write(f"\r{written // args.page_size} pages, {written} CDRs")
                sys.stderr.flush()
    finally:
        out.flush()  # what was written stays valid, also after Ctrl-C
        if progress:
            sys.stderr.write(f"\r{written} CDRs written\n")
    return _exit.OK
